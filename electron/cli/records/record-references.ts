import type { RegisterConnection } from '../../db/register-connection';
import type { RecordKind } from '../../../shared/register/records';
import { recordTables } from '../../register/record-tables';
import { findRecords } from '../../register/register-service';
import { CliError } from '../cli-error';
import { definitionOf } from './record-kinds';

type AnyRecord = Record<string, unknown> & { id: string; archived: boolean };

const versionName = /^(DARS-NIC-\d{5,6}-[A-Z0-9]{5})(?:(?:\s+|-)v?(\d+(?:\.\d+)*))?$/i;

/**
 * The id of the record a person names: its id, or the key they know it by (a location's name, a
 * DSA's NIC reference, an organisation's legal name or ODS code, a version as
 * "DARS-NIC-00574-V2H1F-v4.2"). A name that fits several records is refused with their ids, as is
 * one that fits none, so a script never acts on a record it did not mean. When an archived and a
 * current record share a name, the current one is meant.
 */
export function resolveReference(db: RegisterConnection, kind: RecordKind, text: string): string {
  const wanted = text.trim();
  const noun = recordTables[kind].noun;
  const byId = findRecords(db, kind, { id: wanted } as never) as AnyRecord[];
  if (byId.length === 1) return byId[0]!.id;
  const matches = kind === 'dsaVersion' ? versionsNamed(db, wanted) : keyMatches(db, kind, wanted);
  const current = matches.filter((r) => !r.archived);
  const candidates = current.length > 0 ? current : matches;
  if (candidates.length === 1) return candidates[0]!.id;
  if (candidates.length === 0) throw new CliError(`no ${noun} "${wanted}": ${howToName(kind)} (see "custodian list ${definitionOf(kind).plural}")`);
  const versions = kind === 'dsaVersion' ? ` (versions ${candidates.map((c) => c.version).join(', ')}: name one, e.g. ${wanted}-v${String(candidates.at(-1)!.version)})` : '';
  throw new CliError(`"${wanted}" names ${candidates.length} ${noun}s${versions}; give the id instead: ${candidates.map((c) => c.id).join(', ')}`);
}

function keyMatches(db: RegisterConnection, kind: RecordKind, wanted: string): AnyRecord[] {
  for (const key of definitionOf(kind).keys) {
    const found = findRecords(db, kind, { [key]: wanted } as never) as AnyRecord[];
    if (found.length > 0) return found;
  }
  return [];
}

/** "DARS-NIC-00574-V2H1F-v4.2", "… v4.2", or the NIC reference alone when the DSA has one version. */
function versionsNamed(db: RegisterConnection, wanted: string): AnyRecord[] {
  const match = versionName.exec(wanted);
  if (!match) return [];
  const dsas = findRecords(db, 'dsa', { nicReference: match[1]!.toUpperCase() });
  return dsas.flatMap((dsa) => findRecords(db, 'dsaVersion', match[2] ? { dsaId: dsa.id, version: match[2] } : { dsaId: dsa.id })) as AnyRecord[];
}

function howToName(kind: RecordKind): string {
  if (kind === 'dsaVersion') return 'give its id, or the NIC reference and version, e.g. DARS-NIC-00574-V2H1F-v4.2';
  const keys = definitionOf(kind).keys.map((k) => k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
  return keys.length ? `give its id or its ${keys.join(' or ')}` : 'give its id';
}
