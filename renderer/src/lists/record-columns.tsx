import type { RecordKind } from '../../../shared/register/records';
import { RecordLink } from '../components/RecordLink';
import type { RecordColumn } from '../components/RecordList';
import { StatusBadge } from '../components/StatusBadge';
import { displayValue, showDate, showNumber, showText } from '../format/display';
import { DestroyByCell, HoldingStateBadge, LocationFlagsCell, OpenFindingsCell } from './fact-cells';
import { certificateStatusTone, obligationStatusTone, versionStatusTone } from './status-tones';

/**
 * The columns each kind of record shows in a list. Detail screens reuse them and leave out the
 * column that names the record they are about (a version's holdings need no version column).
 */
type Columns = { [K in RecordKind]: RecordColumn<K>[] };

const archivedMark = (row: { archived: boolean }) => (row.archived ? <> <StatusBadge tone="neutral">Archived</StatusBadge></> : null);

export const recordColumns: Columns = {
  organisation: [
    { id: 'legalName', header: 'Legal name', sortField: 'legalName', render: (r) => <><RecordLink inRow kind="organisation" id={r.id} label={r.legalName} />{archivedMark(r)}</> },
    { id: 'odsCode', header: 'ODS code', sortField: 'odsCode', render: (r) => showText(r.odsCode) },
    { id: 'roles', header: 'Roles', render: (r) => (r.roles.length ? r.roles.map(displayValue).join(', ') : '—') },
    { id: 'ico', header: 'ICO registration', render: (r) => showText(r.icoRegistrationNumber) },
    { id: 'icoRenewalDate', header: 'ICO renewal', sortField: 'icoRenewalDate', render: (r) => showDate(r.icoRenewalDate) },
  ],
  assurance: [
    { id: 'label', header: 'Assurance', sortField: 'kind', render: (r, l) => <><RecordLink inRow kind="assurance" id={r.id} label={l[r.id]} />{archivedMark(r)}</> },
    { id: 'organisation', header: 'Organisation', render: (r, l) => <RecordLink inRow kind="organisation" id={r.organisationId} label={l[r.organisationId]} /> },
    { id: 'status', header: 'Status', render: (r) => (r.kind === 'DSPT' ? showText(r.dsptStatus) + (r.improvementPlanDate ? ` (plan approved ${showDate(r.improvementPlanDate)})` : r.improvementPlanAgreed ? ' (improvement plan agreed)' : '') : 'Certified') },
    { id: 'expiryDate', header: 'Expires', sortField: 'expiryDate', render: (r) => showDate(r.expiryDate) },
    { id: 'locations', header: 'Locations covered', align: 'end', render: (r) => showNumber(r.coveredLocationIds.length) },
  ],
  dsfc: [
    { id: 'reference', header: 'DSFC reference', sortField: 'reference', render: (r) => <><RecordLink inRow kind="dsfc" id={r.id} label={r.reference} />{archivedMark(r)}</> },
    { id: 'controller', header: 'Controller', render: (r, l) => <RecordLink inRow kind="organisation" id={r.controllerOrganisationId} label={l[r.controllerOrganisationId]} /> },
    { id: 'signedDate', header: 'Signed', sortField: 'signedDate', render: (r) => showDate(r.signedDate) },
  ],
  dsa: [
    { id: 'nicReference', header: 'NIC reference', sortField: 'nicReference', render: (r) => <><RecordLink inRow kind="dsa" id={r.id} label={r.nicReference} />{archivedMark(r)}</> },
    { id: 'title', header: 'Title', sortField: 'title', render: (r) => showText(r.title) },
    { id: 'currentVersion', header: 'Current version', render: (_r, _l, f) => (f?.currentVersion ? <RecordLink inRow kind="dsaVersion" id={f.currentVersion.id} label={`v${f.currentVersion.label.split(' v').pop()}`} /> : '—') },
    { id: 'status', header: 'Status', render: (_r, _l, f) => (f?.status ? <StatusBadge tone={versionStatusTone[f.status]}>{displayValue(f.status)}</StatusBadge> : '—') },
    { id: 'endDate', header: 'Ends', sortField: 'currentEndDate', render: (_r, _l, f) => showDate(f?.endDate ?? null) },
    { id: 'controllers', header: 'Controllers', render: (_r, _l, f) => (f?.controllers.length ? f.controllers.map((c) => c.label).join('; ') : '—') },
    { id: 'liveCopies', header: 'Live copies', sortField: 'liveCopies', align: 'end', render: (_r, _l, f) => (f ? showNumber(f.liveCopies) : '—') },
    { id: 'openFindings', header: 'Open findings', sortField: 'openFindings', align: 'end', render: (_r, _l, f) => (f ? <OpenFindingsCell count={f.openFindings} /> : '—') },
  ],
  dsaVersion: [
    { id: 'version', header: 'Version', sortField: 'version', render: (r, l) => <><RecordLink inRow kind="dsaVersion" id={r.id} label={l[r.id] ?? `v${r.version}`} />{archivedMark(r)}</> },
    { id: 'status', header: 'Status', sortField: 'status', render: (r) => <StatusBadge tone={versionStatusTone[r.status]}>{displayValue(r.status)}</StatusBadge> },
    { id: 'startDate', header: 'Starts', sortField: 'startDate', render: (r) => showDate(r.startDate) },
    { id: 'endDate', header: 'Ends', sortField: 'endDate', render: (r) => showDate(r.endDate) },
    { id: 'territory', header: 'Territory', render: (r) => r.territory },
  ],
  dataset: [
    { id: 'name', header: 'Dataset', sortField: 'name', render: (r) => <><RecordLink inRow kind="dataset" id={r.id} label={r.name} />{archivedMark(r)}</> },
    { id: 'version', header: 'DSA version', render: (r, l) => <RecordLink inRow kind="dsaVersion" id={r.versionId} label={l[r.versionId]} /> },
    { id: 'typeOfData', header: 'Type of data', sortField: 'typeOfData', render: (r) => showText(r.typeOfData) },
    { id: 'sensitivity', header: 'Sensitivity', sortField: 'sensitivity', render: (r) => showText(r.sensitivity) },
    { id: 'frequency', header: 'Frequency', render: (r) => showText(r.frequency) },
    { id: 'optOuts', header: 'Opt-outs applied', render: (r) => showText(r.optOutsApplied) },
  ],
  location: [
    { id: 'name', header: 'Name', sortField: 'name', render: (r) => <><RecordLink inRow kind="location" id={r.id} label={r.name} />{archivedMark(r)}</> },
    { id: 'kind', header: 'Kind', sortField: 'kind', render: (r) => displayValue(r.kind) },
    { id: 'operator', header: 'Operator', render: (r, l) => <RecordLink inRow kind="organisation" id={r.operatorOrganisationId} label={l[r.operatorOrganisationId]} /> },
    { id: 'cloud', header: 'Provider and region', render: (r) => [r.cloudProvider, r.cloudRegion].filter(Boolean).join(', ') || '—' },
    { id: 'country', header: 'Country', sortField: 'country', render: (r) => r.country },
  ],
  approvedLocation: [
    { id: 'location', header: 'Location', render: (r, l) => <><RecordLink inRow kind="location" id={r.locationId} label={l[r.locationId]} />{archivedMark(r)}</> },
    { id: 'version', header: 'DSA version', render: (r, l) => <RecordLink inRow kind="dsaVersion" id={r.versionId} label={l[r.versionId]} /> },
    { id: 'role', header: 'Role approved', sortField: 'role', render: (r) => <RecordLink inRow kind="approvedLocation" id={r.id} label={displayValue(r.role)} /> },
    { id: 'approvedFrom', header: 'From', sortField: 'approvedFrom', render: (r) => showDate(r.approvedFrom) },
    { id: 'approvedTo', header: 'Until', sortField: 'approvedTo', render: (r) => showDate(r.approvedTo) },
  ],
  holding: [
    { id: 'darsFileReference', header: 'DARS file reference', sortField: 'darsFileReference', render: (r) => <><RecordLink inRow kind="holding" id={r.id} label={r.darsFileReference} />{archivedMark(r)}</> },
    { id: 'version', header: 'DSA version', render: (r, l) => <RecordLink inRow kind="dsaVersion" id={r.versionId} label={l[r.versionId]} /> },
    { id: 'dataset', header: 'Dataset', render: (r, l) => <RecordLink inRow kind="dataset" id={r.datasetId} label={l[r.datasetId]} /> },
    { id: 'receivedDate', header: 'Received', sortField: 'receivedDate', render: (r) => showDate(r.receivedDate) },
    { id: 'recordCount', header: 'Records', sortField: 'recordCount', align: 'end', render: (r) => showNumber(r.recordCount) },
    { id: 'liveCopies', header: 'Live copies', sortField: 'liveCopies', align: 'end', render: (_r, _l, f) => (f ? showNumber(f.liveCopies) : '—') },
    { id: 'destroyBy', header: 'Destroy by', sortField: 'destroyBy', render: (_r, _l, f) => (f ? <DestroyByCell facts={f} /> : '—') },
    { id: 'state', header: 'Status', render: (_r, _l, f) => (f ? <HoldingStateBadge state={f.state} /> : '—') },
  ],
  copy: [
    { id: 'kind', header: 'Copy', sortField: 'kind', render: (r) => <><RecordLink inRow kind="copy" id={r.id} label={displayValue(r.kind)} />{archivedMark(r)}</> },
    { id: 'holding', header: 'Holding', render: (r, l) => <RecordLink inRow kind="holding" id={r.holdingId} label={l[r.holdingId]} /> },
    { id: 'location', header: 'Location', render: (r, l) => <RecordLink inRow kind="location" id={r.locationId} label={l[r.locationId]} /> },
    { id: 'locationCheck', header: 'Location check', sortField: 'locationFlag', render: (_r, _l, f) => <LocationFlagsCell flags={f?.locationFlags ?? []} /> },
    { id: 'path', header: 'Path or description', sortField: 'pathOrDescription', render: (r) => showText(r.pathOrDescription) },
    { id: 'createdDate', header: 'Made', sortField: 'createdDate', render: (r) => showDate(r.createdDate) },
    {
      id: 'destroyedDate',
      header: 'Destroyed',
      sortField: 'destroyedDate',
      render: (r) => (r.destroyedDate ? showDate(r.destroyedDate) : <StatusBadge tone="info">Live</StatusBadge>),
    },
  ],
  obligation: [
    { id: 'text', header: 'Obligation', render: (r, l) => <><RecordLink inRow kind="obligation" id={r.id} label={l[r.id] ?? r.text} />{archivedMark(r)}</> },
    { id: 'kind', header: 'Kind', sortField: 'kind', render: (r) => displayValue(r.kind) },
    { id: 'dueDate', header: 'Due', sortField: 'dueDate', render: (r) => showDate(r.dueDate) + (r.recurrence !== 'none' ? ` (${r.recurrence})` : '') },
    { id: 'status', header: 'Status', sortField: 'status', render: (r) => <StatusBadge tone={obligationStatusTone[r.status]}>{displayValue(r.status)}</StatusBadge> },
    { id: 'owner', header: 'Owner', sortField: 'owner', render: (r) => showText(r.owner) },
  ],
  certificate: [
    { id: 'number', header: 'Certificate', sortField: 'number', render: (r) => <RecordLink inRow kind="certificate" id={r.id} label={r.number} /> },
    { id: 'issuedDate', header: 'Issued', sortField: 'issuedDate', render: (r) => showDate(r.issuedDate) },
    { id: 'status', header: 'Status', sortField: 'status', render: (r) => <StatusBadge tone={certificateStatusTone[r.status]}>{displayValue(r.status)}</StatusBadge> },
    { id: 'holdings', header: 'Holdings covered', align: 'end', render: (r) => showNumber(r.holdingIds.length) },
  ],
};

export function columnsFor<K extends RecordKind>(kind: K, omit: readonly string[] = []): RecordColumn<K>[] {
  return (recordColumns[kind] as RecordColumn<K>[]).filter((c) => !omit.includes(c.id));
}
