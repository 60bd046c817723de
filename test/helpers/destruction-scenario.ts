import type { RegisterConnection } from '../../electron/db/register-connection';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import type { AuditActor } from '../../electron/register/audit-log';
import type { DestructionInput } from '../../shared/destruction/destruction-record';
import { compliantRegister } from './compliant-register';
import type { RegisterBuilder } from './register-builder';
import { storeRegister } from './store-register';

/** After the compliant scenario's v4.2 has ended (31 March 2028): destruction is due by 30 April 2028. */
export const AFTER_END = '2028-04-20T10:00:00.000Z';

export const actorAt = (iso = AFTER_END): AuditActor => ({ now: () => new Date(iso), osUser: 'ig.lead' });

export interface DestructionScenario {
  db: RegisterConnection;
  dataDir: string;
  actor: AuditActor;
  builder: RegisterBuilder;
}

/** The compliant register (test/helpers/compliant-register.ts) in a real database (a file in `dir`, or `location`), with settings filled in. */
export function openScenario(
  dir: string,
  builder: RegisterBuilder = compliantRegister(),
  actor: AuditActor = actorAt(),
  location = join(dir, 'register.sqlite'),
): DestructionScenario {
  const { db } = openDatabase(location, { create: true });
  storeRegister(db, builder.build());
  writeSettings(db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  return { db, dataDir, actor, builder };
}

/** A realistic destruction of one copy, with fields overridable. */
export function destructionOf(copyId: string, overrides: Partial<DestructionInput> = {}): DestructionInput {
  return {
    copyId,
    methodType: 'Purge',
    method: 'Cryptographic erase',
    tool: 'BitLocker key destruction',
    toolVersion: '10.0.22631',
    performedAt: '2028-04-10T14:30:00Z',
    operator: 'Sam Jones (data manager)',
    verificationMethod: 'Directory listing and restore attempt',
    verificationResult: 'No files found; restore failed as expected',
    outcome: 'destroyed',
    ...overrides,
  };
}

/** Records a destroyed outcome for every copy named, each with an erasure report as evidence. */
export async function destroyAll(scenario: DestructionScenario, copyIds: readonly string[], evidenceDir: string, overrides: Partial<DestructionInput> = {}): Promise<void> {
  mkdirSync(evidenceDir, { recursive: true });
  for (const id of copyIds) {
    const evidence = join(evidenceDir, `erasure-report-${id}.txt`);
    writeFileSync(evidence, `Erasure report for ${id}: 1 volume, 0 errors\n`);
    await recordDestruction(scenario.db, scenario.actor, scenario.dataDir, destructionOf(id, overrides), [evidence]);
  }
}

export const ALL_COPIES = ['c-2023-tre', 'c-2023-vault', 'c-2024-aws', 'c-2024-tre', 'c-2024-vault'] as const;
