import { useEffect, useRef, type RefObject } from 'react';

/**
 * What happens after a submit, the same in every form (issue 11, item 7): the person's attention
 * goes where the answer is. A refused form scrolls to its first field in error and focuses it (or,
 * when no field is named, to the message saying why); a form that worked scrolls to and focuses
 * its result (the notice saying what was recorded, the record that was made). Done on the next
 * frame, once React has drawn the errors or the result.
 */
const CONTROLS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [role="combobox"]';

function bringToAttention(element: HTMLElement): void {
  // A message is not focusable by itself: tabindex -1 lets the focus land on it without adding a Tab stop.
  if (element.tabIndex < 0 && !element.matches(CONTROLS) && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

/** The first field in error inside `container` (a fieldset in error gives its first control), else its alert. */
export function firstProblemIn(container: ParentNode): HTMLElement | null {
  const invalid = container.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) return invalid.matches(CONTROLS) ? invalid : (invalid.querySelector<HTMLElement>(CONTROLS) ?? invalid);
  return container.querySelector<HTMLElement>('[role="alert"]');
}

export function showFirstProblem(container: RefObject<HTMLElement | null>): void {
  requestAnimationFrame(() => {
    const target = container.current ? firstProblemIn(container.current) : null;
    if (target) bringToAttention(target);
  });
}

export function showResult(result: RefObject<HTMLElement | null>): void {
  requestAnimationFrame(() => {
    if (result.current) bringToAttention(result.current);
  });
}

/** For forms whose outcome arrives through a store (destruction, certificates): when `problem` becomes set, show the first problem in `container`. */
export function useShowProblemWhen(container: RefObject<HTMLElement | null>, problem: unknown): void {
  useEffect(() => {
    if (problem) showFirstProblem(container);
  }, [problem, container]);
}

/** When `result` changes to a new value (the notice saying what was recorded), show `element`. */
export function useShowResultWhen(element: RefObject<HTMLElement | null>, result: unknown): void {
  const last = useRef(result);
  useEffect(() => {
    if (result === last.current) return;
    last.current = result;
    if (result) showResult(element);
  }, [result, element]);
}
