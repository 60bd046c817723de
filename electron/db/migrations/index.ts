import { migration001Settings } from './001-settings';
import { migration002Register } from './002-register';
import { migration003Destruction } from './003-destruction';
import { migration004Incidents } from './004-incidents';
import { migration005DisclosureReleases } from './005-disclosure-releases';
import { migration006IncidentIcoForm } from './006-incident-ico-form';
import { migration007CertificateSignatoriesNist } from './007-certificate-signatories-nist';
import { migration008FindingStatuses } from './008-finding-statuses';
import { migration009AgreementChecks } from './009-agreement-checks';
import { migration010DsptPlanDefaultDestruction } from './010-dspt-plan-default-destruction';
import type { Migration } from './migration';

/**
 * Every migration, in order. Never edit one that has shipped: add the next number instead.
 * A test checks the numbers run 1, 2, 3… without gaps and that the final schema matches the snapshot.
 */
export const migrations: readonly Migration[] = [
  migration001Settings,
  migration002Register,
  migration003Destruction,
  migration004Incidents,
  migration005DisclosureReleases,
  migration006IncidentIcoForm,
  migration007CertificateSignatoriesNist,
  migration008FindingStatuses,
  migration009AgreementChecks,
  migration010DsptPlanDefaultDestruction,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
