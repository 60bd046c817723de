import { isScreenId, type ScreenId } from '../../../shared/app/screens';
import { recordKinds, type RecordKind } from '../../../shared/register/records';

/**
 * Where each record lives in the app, and the URL hash that reaches it. A hash is
 * `#/<screen>[/<segment>[/<id>]][?params]`: `#/agreements/dsfc` is the DSFC tab, and
 * `#/holdings/holding/3f2…` the detail of one holding. Detail screens link every related record
 * through `recordHref`, so a link works from anywhere, survives a reload and the Back button.
 */
export interface ScreenRoute {
  screen: ScreenId;
  /** A tab or a record kind; null for the screen's default. */
  segment: string | null;
  /** The record shown, when the route is a detail. */
  id: string | null;
  params: URLSearchParams;
}

export const screenOfKind: Record<RecordKind, ScreenId> = {
  organisation: 'agreements',
  assurance: 'agreements',
  dsfc: 'agreements',
  dsa: 'agreements',
  dsaVersion: 'agreements',
  dataset: 'agreements',
  obligation: 'agreements',
  // Certificates are shown by the register's generic detail until the Destruction screen takes them.
  certificate: 'agreements',
  location: 'locations',
  approvedLocation: 'locations',
  holding: 'holdings',
  copy: 'holdings',
};

export const isRecordKind = (value: string): value is RecordKind => (recordKinds as readonly string[]).includes(value);

export function parseRoute(hash: string): ScreenRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [screen = '', segment, id] = path.split('/').map((part) => safeDecode(part));
  return {
    screen: isScreenId(screen) ? screen : 'dashboard',
    segment: segment || null,
    id: id || null,
    params: new URLSearchParams(query),
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function routeHref(screen: ScreenId, segment?: string | null, id?: string | null, params?: Record<string, string>): string {
  let href = `#/${screen}`;
  if (segment) href += `/${encodeURIComponent(segment)}`;
  if (segment && id) href += `/${encodeURIComponent(id)}`;
  const query = params ? new URLSearchParams(params).toString() : '';
  return query ? `${href}?${query}` : href;
}

/** The detail route of a record, or null for a kind the app has no screen for (e.g. a finding about a setting). */
export function recordHref(kind: string, id: string, params?: Record<string, string>): string | null {
  // Incidents are not register records, but findings about their clocks name them (see navigation/incident-links.ts).
  if (kind === 'incident') return routeHref('incidents', 'incident', id, params);
  return isRecordKind(kind) ? routeHref(screenOfKind[kind], kind, id, params) : null;
}
