import type { CertificateContent } from './certificate-content';

/**
 * What differs between two versions of a certificate's content, in sentences a person can act on:
 * `copy "Backup copy at CSU Leeds backup vault" of NIC00574_HES_APC_2024: destruction date differs: certificate 2026-03-01, register 2026-03-04`.
 *
 * Holdings, copies and evidence files are matched by id, so a reordered list is not a difference
 * and an added or removed copy is named as such. `otherName` says what the second version is
 * ("register" when rebuilt from today's register, "document" for the file being verified).
 */
export function describeDifferences(certified: CertificateContent, other: CertificateContent, otherName: string): string[] {
  const out: string[] = [];
  compare(certified, other, 'the certificate', [], out, otherName);
  return out;
}

const fieldLabels: Record<string, string> = {
  destroyedDate: 'destruction date',
  createdDate: 'date made',
  performedAt: 'date and time of destruction',
  methodType: 'method type',
  method: 'method used',
  tool: 'tool',
  toolVersion: 'tool version',
  operator: 'operator',
  verificationMethod: 'verification method',
  verificationResult: 'verification result',
  outcome: 'outcome',
  exceptionReason: 'exception reason',
  exceptionEndDate: 'exception end date',
  pathOrDescription: 'path or description',
  pathChecked: 'path checked',
  checkedAt: 'time of the absence check',
  result: 'result',
  fileName: 'file name',
  sha256: 'SHA-256',
  sizeBytes: 'size in bytes',
  darsFileReference: 'DARS file reference',
  dsaReference: 'DSA reference',
  dsfcReference: 'DSFC reference',
  certificateNumber: 'certificate number',
  issuedDate: 'date of issue',
  issuedAt: 'time of issue',
  recordCount: 'record count',
  receivedDate: 'date received',
  dataYear: 'data year',
  periodFrom: 'period from',
  periodTo: 'period to',
  startDate: 'start date',
  endDate: 'end date',
  allDestroyed: 'statement that all copies are destroyed',
};

const groupPrefixes: Record<string, string> = { destruction: '', absenceCheck: 'absence check ', location: 'location ', agreement: 'agreement ', issuedBy: 'issuer ', statement: 'statement ' };

/** ['destruction', 'performedAt'] → "date and time of destruction"; ['location', 'name'] → "location name". */
function fieldName(path: readonly string[]): string {
  if (path.length === 0) return 'content';
  const [first, ...rest] = path;
  if (rest.length === 0) return words(first!);
  return `${groupPrefixes[first!] ?? `${words(first!)} `}${rest.map(words).join(' ')}`;
}

const words = (key: string): string => fieldLabels[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function show(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Signatories have no id: each role appears once, so the role names the item. */
const idKey = (listKey: string): string => (listKey === 'signatories' ? 'role' : 'id');
const hasIds = (list: Json[], key: string): list is Record<string, Json>[] => list.every((item) => isObject(item) && typeof item[key] === 'string');

/** Names an item of a list the way the certificate shows it. */
function subjectOf(listKey: string, item: Record<string, Json>, parent: string): string {
  if (listKey === 'holdings') return `holding ${show(item.darsFileReference)}`;
  if (listKey === 'copies') {
    const location = isObject(item.location) ? item.location.name : undefined;
    return `copy "${kindWord(item.kind)} copy at ${show(location)}" of ${parent.replace(/^holding /, '')}`;
  }
  if (listKey === 'evidence') return `evidence file ${show(item.fileName)} of ${parent}`;
  if (listKey === 'controllers' || listKey === 'processors') return `${listKey.slice(0, -1)} ${show(item.name)}`;
  if (listKey === 'signatories') return `signatory "${show(item.title)}"`;
  return `${listKey} ${show(item.id)}`;
}

const kindWord = (kind: Json): string => (kind === 'processor-copy' ? 'Processor' : typeof kind === 'string' ? kind.charAt(0).toUpperCase() + kind.slice(1) : 'Unknown');

function compare(a: Json, b: Json, subject: string, path: string[], out: string[], otherName: string): void {
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) compare(a[key], b[key], subject, [...path, key], out, otherName);
    return;
  }
  const key = path.at(-1) ?? '';
  const id = idKey(key);
  if (Array.isArray(a) && Array.isArray(b) && hasIds(a, id) && hasIds(b, id) && (a.length > 0 || b.length > 0)) {
    const inB = new Map(b.map((item) => [item[id], item]));
    const inA = new Map(a.map((item) => [item[id], item]));
    for (const item of a) {
      const name = subjectOf(key, item, subject);
      const match = inB.get(item[id]);
      if (match) compare(item, match, name, [], out, otherName);
      else out.push(`${name} is on the certificate but not in the ${otherName}`);
    }
    for (const item of b) if (!inA.has(item[id])) out.push(`${subjectOf(key, item, subject)} is in the ${otherName} but not on the certificate`);
    return;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (isObject(a) !== isObject(b) && (a === null || b === null)) {
    out.push(`${subject}: ${fieldName(path)} differs: certificate ${a === null ? '(none)' : 'recorded'}, ${otherName} ${b === null ? '(none)' : 'recorded'}`);
    return;
  }
  out.push(`${subject}: ${fieldName(path)} differs: certificate ${show(a)}, ${otherName} ${show(b)}`);
}
