import type { ApiResponse } from '../../../../shared/ipc/contract';
import { incidentStatusLabels, incidentTypeLabels } from '../../../../shared/incidents/incident-vocabulary';
import { formatZoned } from '../../../../shared/incidents/zoned-time';
import { ClockText } from './ClockText';
import { incidentHref } from '../../navigation/incident-links';

type ListItem = ApiResponse<'incidents.list'>['incidents'][number];

/**
 * Every incident, newest first, with the ICO and DARS clocks running. Each reference is a link to
 * the incident, so the list is a plain table that the keyboard moves through link by link.
 */
export function IncidentList({ items, now, selectedId }: { items: readonly ListItem[]; now: Date; selectedId: string | null }) {
  return (
    <div className="table-wrap">
      <table className="incident-table">
        <caption className="visually-hidden">Incidents, newest first, with their notification clocks</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Became aware</th>
            <th scope="col">ICO (72 hours)</th>
            <th scope="col">NHS England DARS</th>
            <th scope="col">Outstanding</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ incident, required, outstandingCount }) => {
            const zone = incident.becameAwareAt.timeZone;
            const closed = incident.status === 'closed';
            return (
              <tr key={incident.id} aria-current={incident.id === selectedId ? 'true' : undefined} data-incident={incident.reference}>
                <th scope="row">
                  <a href={incidentHref(incident.id)}>{incident.reference}</a>
                </th>
                <td>
                  <span className="incident-title">{incident.title}</span>
                  <span className="muted small">{incidentTypeLabels[incident.type]}</span>
                </td>
                <td>
                  <span className={`status-pill status-${incident.status}`}>{incidentStatusLabels[incident.status]}</span>
                </td>
                <td>{formatZoned(incident.becameAwareAt)}</td>
                <td>
                  <ClockText required={required.find((r) => r.recipient === 'ico')} now={now} timeZone={zone} closed={closed} />
                </td>
                <td>
                  <ClockText required={required.find((r) => r.recipient === 'dars')} now={now} timeZone={zone} closed={closed} />
                </td>
                <td>{closed ? '—' : outstandingCount === 0 ? 'Nothing: ready to close' : `${outstandingCount} to do`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
