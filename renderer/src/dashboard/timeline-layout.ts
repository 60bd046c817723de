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
  laneHeight: number;
  top: number;
  bottom: number;
}

export const defaultGeometry: TimelineGeometry = { width: 880, labelWidth: 170, laneHeight: 34, top: 12, bottom: 30 };

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
  lanes: { kind: DeadlineKind; label: string; y: number }[];
  markers: TimelineMarker[];
  ticks: TimelineTick[];
  plot: { left: number; right: number };
}

const MIN_TICK_GAP = 36;
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function layoutTimeline(deadlines: readonly Deadline[], asOf: IsoDate, horizonDays: number, geometry: TimelineGeometry = defaultGeometry): TimelineLayout {
  const left = geometry.labelWidth;
  const right = geometry.width - 16;
  const span = Math.max(1, horizonDays);
  const xOf = (date: IsoDate) => left + (Math.min(Math.max(daysBetween(asOf, date), 0), span) / span) * (right - left);
  const lanes = deadlineKinds.map((kind, index) => ({ kind, label: laneLabels[kind], y: geometry.top + geometry.laneHeight * index + geometry.laneHeight / 2 }));
  const laneY = new Map(lanes.map((lane) => [lane.kind, lane.y]));

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
