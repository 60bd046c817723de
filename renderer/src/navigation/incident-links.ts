/**
 * The addresses of the Incidents screen, for links from elsewhere in the app:
 * - `#/incidents/incident/<id>` opens one incident (the same shape as the register's record routes);
 * - `#/incidents?fromFinding=<finding id>` opens the new-incident form pre-filled from a finding,
 *   which is what the Dashboard's "Open incident" on a finding links to.
 */
export const incidentHref = (id: string): string => `#/incidents/incident/${encodeURIComponent(id)}`;

export const incidentFromFindingHref = (findingId: string): string => `#/incidents?${new URLSearchParams({ fromFinding: findingId }).toString()}`;

export type IncidentRoute = { kind: 'list' } | { kind: 'incident'; id: string } | { kind: 'fromFinding'; findingId: string } | { kind: 'new' };

/** What the Incidents screen should show for a hash; anything it does not know is the list. */
export function incidentRouteOf(hash: string): IncidentRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/');
  if (parts[0] !== 'incidents') return { kind: 'list' };
  const params = new URLSearchParams(query);
  const fromFinding = params.get('fromFinding');
  if (fromFinding) return { kind: 'fromFinding', findingId: fromFinding };
  if (parts[1] === 'incident' && parts[2]) {
    try {
      return { kind: 'incident', id: decodeURIComponent(parts[2]) };
    } catch {
      return { kind: 'list' };
    }
  }
  if (parts[1] === 'new') return { kind: 'new' };
  return { kind: 'list' };
}
