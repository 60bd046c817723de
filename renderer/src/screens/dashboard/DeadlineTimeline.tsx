import { useId } from 'react';
import type { Deadline } from '../../../../shared/register/deadlines';
import { plural } from '../../../../shared/register/format-date';
import { countsByKind, laneLabels, layoutTimeline } from '../../dashboard/timeline-layout';
import { showDate } from '../../format/display';

/**
 * The next deadlines on a timeline: one lane per kind, today at the left edge. The chart is an image
 * to assistive technology, with a title and a description that give the counts; the list under
 * "Next deadlines" carries every detail and every link.
 */
export function DeadlineTimeline({ deadlines, asOf, horizonDays }: { deadlines: readonly Deadline[]; asOf: string; horizonDays: number }) {
  const titleId = useId();
  const descId = useId();
  const layout = layoutTimeline(deadlines, asOf, horizonDays);
  const counts = countsByKind(deadlines);
  const description =
    counts.length === 0
      ? 'No deadlines fall in this period.'
      : `${plural(deadlines.length, 'deadline')}: ${counts.map((c) => `${c.count} ${laneLabels[c.kind].toLowerCase()}, the first on ${showDate(c.first)}`).join('; ')}. Every deadline is listed under Next deadlines.`;
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 880 ${layout.height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{`Deadlines from ${showDate(asOf)} over the next ${Math.round(horizonDays / 30.4)} months`}</title>
        <desc id={descId}>{description}</desc>
        {layout.lanes.map((lane) => (
          <g key={lane.kind} className={`lane lane-${lane.kind}`}>
            <text x={8} y={lane.y} dominantBaseline="middle" className="lane-label">
              {lane.label}
            </text>
            <line x1={layout.plot.left} x2={layout.plot.right} y1={lane.y} y2={lane.y} className="lane-line" />
          </g>
        ))}
        {layout.ticks.map((tick) => (
          <g key={`${tick.label}-${tick.x}`}>
            <line x1={tick.x} x2={tick.x} y1={8} y2={layout.height - 24} className="tick-line" />
            <text x={tick.x} y={layout.height - 8} textAnchor="middle" className="tick-label">
              {tick.label}
            </text>
          </g>
        ))}
        <line x1={layout.plot.left} x2={layout.plot.left} y1={4} y2={layout.height - 24} className="today-line" />
        <text x={layout.plot.left} y={layout.height - 8} textAnchor="middle" className="today-label">
          Today
        </text>
        {layout.markers.map((marker) => (
          <g key={`${marker.kind}-${marker.date}`} className={`marker marker-${marker.kind}`}>
            <circle cx={marker.x} cy={marker.y} r={marker.deadlines.length > 1 ? 9 : 6} />
            {marker.deadlines.length > 1 ? (
              <text x={marker.x} y={marker.y} textAnchor="middle" dominantBaseline="central" className="marker-count">
                {marker.deadlines.length}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </figure>
  );
}
