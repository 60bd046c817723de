import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { width: 1280, height: 800, maximized: false };

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved size and place of the window. A missing or damaged file, or a position on a monitor that
 * is no longer attached, falls back to a centred default rather than opening off-screen.
 */
export function loadWindowState(file: string, displays: readonly DisplayArea[]): WindowState {
  let state: WindowState;
  try {
    state = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return defaultWindowState;
  }
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some(
    (d) => x >= d.x && y >= d.y && x + 100 <= d.x + d.width && y + 50 <= d.y + d.height,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  const parsed = windowStateSchema.safeParse(state);
  if (!parsed.success) return;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(parsed.data));
  renameSync(temporary, file);
}
