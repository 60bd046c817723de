import { useId } from 'react';
import type { Deadline } from '../../../../shared/register/deadlines';
import { plural } from '../../../../shared/register/format-date';
import { countsByKind, defaultGeometry, laneLabels, layoutTimeline, type LateItem, type LateMarker, type TimelineMarker } from '../../dashboard/timeline-layout';
import { showDate } from '../../format/display';
import { navigate } from '../../hooks/useHashRoute';
import { recordHref } from '../../navigation/record-route';

/**
 * The next deadlines on a timeline: one lane per kind, today at the left edge. The chart is an image
 * to assistive technology, with a title and a description that give the counts; the list under
 * "Next deadlines" carries every detail and every link.
 */
export function DeadlineTimeline({ deadlines, asOf, horizonDays, late = [] }: { deadlines: readonly Deadline[]; asOf: string; horizonDays: number; late?: readonly LateItem[] }) {
  const titleId = useId();
  const descId = useId();
  const layout = layoutTimeline(deadlines, asOf, horizonDays, defaultGeometry, late);
  const counts = countsByKind(deadlines);
  const lateText = late.length === 0 ? '' : `${plural(late.length, 'thing', 'things')} already late, the longest due since ${showDate(late.reduce((min, l) => (l.date < min ? l.date : min), late[0]!.date))}; each is among the findings. `;
  const description =
    lateText +
    (counts.length === 0
      ? 'No deadlines fall in this period.'
      : `${plural(deadlines.length, 'deadline')}: ${counts.map((c) => `${c.count} ${laneLabels[c.kind].toLowerCase()}, the first on ${showDate(c.first)}`).join('; ')}. Every deadline is listed under Next deadlines.`);
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
        {layout.past ? (
          <>
            <rect x={layout.past.left} y={4} width={layout.plot.left - layout.past.left} height={layout.height - 28} className="past-area" />
            <text x={layout.past.left + 4} y={layout.height - 8} className="tick-label">
              Overdue
            </text>
          </>
        ) : null}
        <line x1={layout.plot.left} x2={layout.plot.left} y1={4} y2={layout.height - 24} className="today-line" />
        <text x={layout.plot.left} y={layout.height - 8} textAnchor="middle" className="today-label">
          Today
        </text>
        {layout.markers.map((marker) => (
          <TimelineMarkerDot key={`${marker.kind}-${marker.date}`} marker={marker} />
        ))}
        {layout.lateMarkers.map((marker) => (
          <LateMarkerDot key={`late-${marker.date}`} marker={marker} asOf={asOf} />
        ))}
      </svg>
    </figure>
  );
}

/**
 * One dot: hovering shows what falls due that day (a native tooltip), and clicking opens the record,
 * or for several deadlines on one day the first of them in the list below, where the rest follow.
 * The chart stays an image to assistive technology and out of the Tab order: the list is the way in
 * by keyboard and to a screen reader, with the same links.
 */
function TimelineMarkerDot({ marker }: { marker: TimelineMarker }) {
  const [first] = marker.deadlines;
  const several = marker.deadlines.length > 1;
  const tooltip = `${showDate(marker.date)}: ${marker.deadlines.map((d) => d.label).join('; ')}`;
  const href = several ? `#deadline-${first!.id}` : recordHref(first!.record.kind, first!.record.id);
  const dot = (
    <>
      <title>{tooltip}</title>
      <circle cx={marker.x} cy={marker.y} r={several ? 9 : 6} />
      {several ? (
        <text x={marker.x} y={marker.y} textAnchor="middle" dominantBaseline="central" className="marker-count">
          {marker.deadlines.length}
        </text>
      ) : null}
    </>
  );
  const open = () => {
    if (!href) return;
    // Several on one day: bring the first list entry into view rather than changing the route.
    if (several) document.getElementById(`deadline-${first!.id}`)?.scrollIntoView({ block: 'center' });
    else navigate(href);
  };
  // A click target, not a link: the chart is one image to assistive technology (links inside an
  // image are nested controls, WCAG 4.1.2), and the list below has the same links for the keyboard.
  return (
    <g className={`marker marker-${marker.kind}${href ? ' marker-opens' : ''}`} data-date={marker.date} data-href={href ?? undefined} onClick={open}>
      {dot}
    </g>
  );
}

/**
 * One dot in the overdue lane: its tooltip says what is late and since when; a click opens the
 * record (the holding to destroy, the agreement's version, the incident), the first when several
 * fell due on one day. The findings list carries every one of them, by keyboard too.
 */
function LateMarkerDot({ marker, asOf }: { marker: LateMarker; asOf: string }) {
  const [first] = marker.items;
  const tooltip = `Already late${marker.date < asOf ? ` (due ${showDate(marker.date)})` : ''}: ${marker.items.map((i) => i.label).join('; ')}`;
  const href = recordHref(first!.record.kind, first!.record.id);
  const several = marker.items.length > 1;
  const dot = (
    <>
      <title>{tooltip}</title>
      <circle cx={marker.x} cy={marker.y} r={several ? 9 : 6} />
      {several ? (
        <text x={marker.x} y={marker.y} textAnchor="middle" dominantBaseline="central" className="marker-count">
          {marker.items.length}
        </text>
      ) : null}
    </>
  );
  return (
    <g className={`marker marker-overdue${href ? ' marker-opens' : ''}`} data-date={marker.date} data-href={href ?? undefined} onClick={() => (href ? navigate(href) : undefined)}>
      {dot}
    </g>
  );
}
