import { addDays, daysBetween, type IsoDate } from '../../../shared/register/dates';
import { deadlineKinds, type Deadline, type DeadlineKind } from '../../../shared/register/deadlines';

/**
 * Where each deadline sits on the dashboard's timeline: one lane per kind of deadline, time running
 * left to right from the as-of date. Deadlines of the same kind on the same day share one marker
 * that says how many it stands for. Pure, so the drawing is tested without a browser.
 */
export const laneLabels: Record<DeadlineKind, string> = {
  'version-end': 'Agreements ending',
  destruction: 'Destruction due',
  obligation: 'Obligations due',
  'assurance-expiry': 'Assurance expiring',
  'ico-renewal': 'ICO renewals',
};

export interface TimelineGeometry {
  width: number;
  /** Room on the left for the lane names. */
  labelWidth: number;
  /** Room left of "Today" for what is already late, when anything is (the overdue lane). */
  pastWidth: number;
  laneHeight: number;
  top: number;
  bottom: number;
}

export const defaultGeometry: TimelineGeometry = { width: 880, labelWidth: 170, pastWidth: 120, laneHeight: 34, top: 12, bottom: 30 };

/**
 * Something already late (issue 11, item 5): an overdue destruction, an agreement ended with data
 * still held, an incident notification not made in time. `date` is when it fell due; `record` is
 * what a click opens.
 */
export interface LateItem {
  id: string;
  date: IsoDate;
  label: string;
  record: { kind: string; id: string };
}

/** How far back the overdue lane reaches; anything later still sits at its left edge. */
export const PAST_DAYS = 365;

export interface LateMarker {
  x: number;
  y: number;
  date: IsoDate;
  items: LateItem[];
}

export interface TimelineMarker {
  x: number;
  y: number;
  kind: DeadlineKind;
  date: IsoDate;
  deadlines: Deadline[];
}

export interface TimelineTick {
  x: number;
  label: string;
}

export interface TimelineLayout {
  height: number;
  lanes: { kind: DeadlineKind | 'overdue'; label: string; y: number }[];
  markers: TimelineMarker[];
  /** The overdue lane's dots, left of "Today": the further left, the longer late. */
  lateMarkers: LateMarker[];
  /** Where the past begins, when there is an overdue lane. */
  past: { left: number } | null;
  ticks: TimelineTick[];
  plot: { left: number; right: number };
}

const MIN_TICK_GAP = 36;
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function layoutTimeline(
  deadlines: readonly Deadline[],
  asOf: IsoDate,
  horizonDays: number,
  geometry: TimelineGeometry = defaultGeometry,
  late: readonly LateItem[] = [],
): TimelineLayout {
  // Without anything late, the chart is as it always was: today at the lane names' edge.
  const hasLate = late.length > 0;
  const pastLeft = geometry.labelWidth;
  const left = geometry.labelWidth + (hasLate ? geometry.pastWidth : 0);
  const right = geometry.width - 16;
  const span = Math.max(1, horizonDays);
  const xOf = (date: IsoDate) => left + (Math.min(Math.max(daysBetween(asOf, date), 0), span) / span) * (right - left);
  const lateXOf = (date: IsoDate) => left - 10 - (Math.min(Math.max(daysBetween(date, asOf), 0), PAST_DAYS) / PAST_DAYS) * (left - 10 - pastLeft - 10);
  const kinds: (DeadlineKind | 'overdue')[] = hasLate ? ['overdue', ...deadlineKinds] : [...deadlineKinds];
  const lanes = kinds.map((kind, index) => ({ kind, label: kind === 'overdue' ? 'Already late' : laneLabels[kind], y: geometry.top + geometry.laneHeight * index + geometry.laneHeight / 2 }));
  const laneY = new Map(lanes.map((lane) => [lane.kind, lane.y]));

  const lateGroups = new Map<IsoDate, LateMarker>();
  for (const item of late) {
    const marker = lateGroups.get(item.date);
    if (marker) marker.items.push(item);
    else lateGroups.set(item.date, { x: lateXOf(item.date), y: laneY.get('overdue')!, date: item.date, items: [item] });
  }

  const groups = new Map<string, TimelineMarker>();
  for (const deadline of deadlines) {
    const key = `${deadline.kind}|${deadline.date}`;
    const marker = groups.get(key);
    if (marker) marker.deadlines.push(deadline);
    else groups.set(key, { x: xOf(deadline.date), y: laneY.get(deadline.kind)!, kind: deadline.kind, date: deadline.date, deadlines: [deadline] });
  }

  const ticks: TimelineTick[] = [];
  const end = addDays(asOf, span);
  let [year, month] = asOf.split('-').map(Number) as [number, number];
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    if (first > end) break;
    // A month that starts within a few days leaves no room beside the "Today" mark.
    if (xOf(first) - left >= MIN_TICK_GAP) ticks.push({ x: xOf(first), label: month === 1 ? `${shortMonths[0]} ${year}` : shortMonths[month - 1]! });
  }

  return {
    height: geometry.top + geometry.laneHeight * lanes.length + geometry.bottom,
    lanes,
    markers: [...groups.values()],
    lateMarkers: [...lateGroups.values()],
    past: hasLate ? { left: pastLeft } : null,
    ticks,
    plot: { left, right },
  };
}

/** The chart's text alternative in one sentence per kind: "3 agreements ending, the first on 31 March 2027". */
export function countsByKind(deadlines: readonly Deadline[]): { kind: DeadlineKind; count: number; first: IsoDate }[] {
  return deadlineKinds
    .map((kind) => {
      const ofKind = deadlines.filter((d) => d.kind === kind);
      return { kind, count: ofKind.length, first: ofKind.reduce((min, d) => (d.date < min ? d.date : min), ofKind[0]?.date ?? '') };
    })
    .filter((k) => k.count > 0);
}
