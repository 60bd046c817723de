import type { RegisterConnection } from '../../electron/db/register-connection';
import type { AuditActor } from '../../electron/register/audit-log';
import { createRecord } from '../../electron/register/register-service';

/** A fixed clock and user, so audit entries in tests are predictable. */
export const testActor = (iso = '2026-01-15T09:30:00.000Z'): AuditActor => ({ now: () => new Date(iso), osUser: 'tester' });

/**
 * A small register made through the service, as the app would: one controller organisation, one
 * DSA with one version, a dataset, an approved location, a holding and two copies of it.
 */
export function seedRegister(db: RegisterConnection, actor: AuditActor = testActor()) {
  const organisation = createRecord(db, actor, 'organisation', { legalName: 'Leeds Teaching Hospitals NHS Trust', odsCode: 'RR8', roles: ['controller'] });
  const processor = createRecord(db, actor, 'organisation', { legalName: 'Cloudy Analytics Ltd', roles: ['processor'] });
  const dsa = createRecord(db, actor, 'dsa', { nicReference: 'DARS-NIC-00574-V2H1F', title: 'Readmissions study' });
  const version = createRecord(db, actor, 'dsaVersion', {
    dsaId: dsa.id,
    version: '2',
    startDate: '2025-04-01',
    endDate: '2028-03-31',
    parties: [
      { organisationId: organisation.id, role: 'controller', controllerType: 'sole' },
      { organisationId: processor.id, role: 'processor' },
    ],
  });
  const dataset = createRecord(db, actor, 'dataset', { versionId: version.id, name: 'HES Admitted Patient Care', typeOfData: 'Pseudonymised' });
  const server = createRecord(db, actor, 'location', {
    name: 'Leeds secure server',
    operatorOrganisationId: organisation.id,
    kind: 'on-premises-server',
    country: 'England',
  });
  const backup = createRecord(db, actor, 'location', {
    name: 'Offsite backup vault',
    operatorOrganisationId: processor.id,
    kind: 'backup',
    country: 'Wales',
  });
  const approval = createRecord(db, actor, 'approvedLocation', { versionId: version.id, locationId: server.id, role: 'storage' });
  const holding = createRecord(db, actor, 'holding', {
    versionId: version.id,
    datasetId: dataset.id,
    darsFileReference: 'NIC00574_HES_APC_2024',
    receivedDate: '2025-05-02',
    recordCount: 120000,
  });
  const primary = createRecord(db, actor, 'copy', {
    holdingId: holding.id,
    locationId: server.id,
    kind: 'primary',
    pathOrDescription: '/data/hes/apc_2024.parquet',
    createdDate: '2025-05-02',
  });
  const backupCopy = createRecord(db, actor, 'copy', {
    holdingId: holding.id,
    locationId: backup.id,
    kind: 'backup',
    pathOrDescription: 'Nightly tape set A',
    createdDate: '2025-05-03',
  });
  return { organisation, processor, dsa, version, dataset, server, backup, approval, holding, primary, backupCopy };
}
