import { postgresMigration001Register } from './001-register';
import { postgresMigration002Roles } from './002-roles';
import { postgresMigration003Revision } from './003-revision';
import { postgresMigration004DsptPlanDefaultDestruction } from './004-dspt-plan-default-destruction';
import { postgresMigration005AuditorReportsDpoSigns } from './005-auditor-reports-dpo-signs';
import type { PostgresMigration } from './postgres-migration';

/** Every PostgreSQL migration, in order. Never edit one that has shipped: add the next number. */
export const postgresMigrations: readonly PostgresMigration[] = [postgresMigration001Register, postgresMigration002Roles, postgresMigration003Revision, postgresMigration004DsptPlanDefaultDestruction, postgresMigration005AuditorReportsDpoSigns];
