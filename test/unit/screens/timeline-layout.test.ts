import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/register/dates';
import { deadlineKinds, type Deadline } from '../../../shared/register/deadlines';
import { countsByKind, defaultGeometry, layoutTimeline } from '../../../renderer/src/dashboard/timeline-layout';

const deadline = (date: string, kind: Deadline['kind'], id = `${kind}:${date}`): Deadline => ({ id, date, kind, label: id, record: { kind: 'obligation', id, label: id } });

const deadlinesArbitrary = (asOf: string, horizon: number) =>
  fc.array(
    fc.record({ offset: fc.integer({ min: 0, max: horizon }), kind: fc.constantFrom(...deadlineKinds), n: fc.nat() }).map(({ offset, kind, n }) => deadline(addDays(asOf, offset), kind, `d${n}`)),
    { maxLength: 60 },
  );

describe('the dashboard timeline layout', () => {
  it('places every deadline once, inside the plot, in its kind’s lane, later dates further right (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2024-01-01', d)), fc.integer({ min: 30, max: 730 }), (asOf, horizon) => {
        fc.assert(
          fc.property(deadlinesArbitrary(asOf, horizon), (deadlines) => {
            const layout = layoutTimeline(deadlines, asOf, horizon);
            expect(layout.markers.reduce((n, m) => n + m.deadlines.length, 0)).toBe(deadlines.length);
            for (const marker of layout.markers) {
              expect(marker.x).toBeGreaterThanOrEqual(layout.plot.left);
              expect(marker.x).toBeLessThanOrEqual(layout.plot.right);
              expect(marker.y).toBe(layout.lanes.find((l) => l.kind === marker.kind)!.y);
              expect(marker.deadlines.every((d) => d.kind === marker.kind && d.date === marker.date)).toBe(true);
            }
            const sorted = [...layout.markers].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
            for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.x).toBeGreaterThanOrEqual(sorted[i - 1]!.x);
            expect(layout.height).toBe(defaultGeometry.top + defaultGeometry.laneHeight * deadlineKinds.length + defaultGeometry.bottom);
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 20 },
    );
  });

  it('marks the start of each month, naming the year at January, and leaves room for "Today"', () => {
    const layout = layoutTimeline([], '2026-06-01', 365);
    expect(layout.ticks.map((t) => t.label)).toEqual(['Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2027', 'Feb', 'Mar', 'Apr', 'May', 'Jun']);
    expect(layoutTimeline([], '2026-06-28', 365).ticks[0]!.label).toBe('Aug'); // 1 July is three days away
  });

  it('gathers deadlines of one kind on one day into one marker, and counts each kind for the text alternative', () => {
    const deadlines = [deadline('2026-09-30', 'obligation', 'a'), deadline('2026-09-30', 'obligation', 'b'), deadline('2026-09-30', 'destruction', 'c'), deadline('2027-01-15', 'obligation', 'd')];
    const layout = layoutTimeline(deadlines, '2026-06-01', 365);
    expect(layout.markers.map((m) => [m.kind, m.date, m.deadlines.length])).toEqual([
      ['obligation', '2026-09-30', 2],
      ['destruction', '2026-09-30', 1],
      ['obligation', '2027-01-15', 1],
    ]);
    expect(countsByKind(deadlines)).toEqual([
      { kind: 'destruction', count: 1, first: '2026-09-30' },
      { kind: 'obligation', count: 3, first: '2026-09-30' },
    ]);
  });

  it('puts what is already late in its own lane left of Today, longer late further left, every item once (property)', () => {
    const asOf = '2026-06-01';
    fc.assert(
      fc.property(
        fc.array(fc.record({ daysLate: fc.integer({ min: 0, max: 800 }), n: fc.nat() }), { minLength: 1, maxLength: 40 }),
        deadlinesArbitrary(asOf, 365),
        (lateness, deadlines) => {
          const late = lateness.map(({ daysLate, n }) => ({ id: `l${n}`, date: addDays(asOf, -daysLate), label: `late ${n}`, record: { kind: 'holding', id: `h${n}` } }));
          const layout = layoutTimeline(deadlines, asOf, 365, defaultGeometry, late);
          const lane = layout.lanes.find((l) => l.kind === 'overdue')!;
          expect(lane.label).toBe('Already late');
          expect(layout.lateMarkers.reduce((n, m) => n + m.items.length, 0)).toBe(late.length);
          for (const marker of layout.lateMarkers) {
            expect(marker.y).toBe(lane.y);
            expect(marker.x).toBeLessThan(layout.plot.left);
            expect(marker.x).toBeGreaterThanOrEqual(layout.past!.left);
          }
          // Deadlines stay right of Today, in their own lanes, not the overdue one.
          for (const marker of layout.markers) expect(marker.x).toBeGreaterThanOrEqual(layout.plot.left);
          const byDate = [...layout.lateMarkers].sort((a, b) => (a.date < b.date ? -1 : 1));
          for (let i = 1; i < byDate.length; i++) expect(byDate[i]!.x).toBeGreaterThanOrEqual(byDate[i - 1]!.x);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('has no overdue lane, and Today where it always was, when nothing is late', () => {
    const layout = layoutTimeline([deadline('2026-07-01', 'obligation')], '2026-06-01', 365);
    expect(layout.lanes.some((l) => l.kind === 'overdue')).toBe(false);
    expect(layout.past).toBeNull();
    expect(layout.plot.left).toBe(defaultGeometry.labelWidth);
  });
});
