import type { RegisterConnection } from '../../electron/db/register-connection';
import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { listAuditEntries } from '../../electron/register/audit-log';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { loadRegister } from '../../electron/register/load-register';
import { getRecord } from '../../electron/register/register-service';
import { buildRegisterSnapshot, exportRegisterSnapshot } from '../../electron/register/snapshot-export';
import { importRegisterSnapshot } from '../../electron/register/snapshot-import';
import type { RegisterContent, RegisterSnapshot } from '../../shared/register/snapshot';
import { runCliCaptured } from '../helpers/run-cli';
import { seedRegister, testActor } from '../helpers/register-seed';
import { storedRegisterArbitrary } from '../helpers/stored-register-arbitrary';
import { makeTempDir, useTempDir } from '../helpers/temp-dir';

const actor = testActor();
const snapshotOf = (register: RegisterContent): RegisterSnapshot => ({
  format: 'custodian-register',
  formatVersion: 1,
  exportedAt: '2026-01-15T09:30:00.000Z',
  register,
});
const auditTotal = (db: RegisterConnection) => listAuditEntries(db, { offset: 0, limit: 1 }).total;

function withRegister<T>(path: string, work: (db: RegisterConnection) => T): T {
  const { db } = openDatabase(path, { create: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('custodian export register / import register', () => {
  const temp = useTempDir();

  it('round-trips exactly: export, import into an empty register, export again gives the same register', async () => {
    const source = temp.path('source.sqlite');
    const seeded = withRegister(source, (db) => seedRegister(db));
    const first = temp.path('first.json');
    const exported = await runCliCaptured(['export', 'register', first, '--db', source]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toContain('Exported 11 records');

    const target = temp.path('target.sqlite');
    await runCliCaptured(['init', '--db', target]);
    const imported = await runCliCaptured(['import', 'register', first, '--db', target]);
    expect(imported).toMatchObject({ code: 0, stdout: `Imported ${first}: 11 created, 0 updated, 0 unchanged.\n` });

    const second = temp.path('second.json');
    expect((await runCliCaptured(['export', 'register', second, '--db', target])).code).toBe(0);
    const a = JSON.parse(readFileSync(first, 'utf8'));
    const b = JSON.parse(readFileSync(second, 'utf8'));
    expect(JSON.stringify(b.register)).toBe(JSON.stringify(a.register));
    expect(a.register.copies.map((c: { id: string }) => c.id)).toEqual([seeded.primary.id, seeded.backupCopy.id]);
    withRegister(target, (db) => {
      expect(getRecord(db, 'dsaVersion', seeded.version.id).record).toEqual(seeded.version);
      expect(verifyAuditChain(db).intact).toBe(true);
      // One entry per record created plus one for the import, and the export is in the log too.
      expect(listAuditEntries(db, { offset: 0, limit: 100, action: 'import' }).total).toBe(12);
      expect(listAuditEntries(db, { offset: 0, limit: 100, action: 'export' }).entries[0]?.detail).toMatchObject({ file: 'second.json' });
    });
  });

  it('will not overwrite an existing file without --force', async () => {
    const db = temp.path('r.sqlite');
    await runCliCaptured(['init', '--db', db]);
    const file = temp.path('out.json');
    writeFileSync(file, 'keep me');
    const refused = await runCliCaptured(['export', 'register', file, '--db', db]);
    expect(refused).toMatchObject({ code: 2, stderr: `custodian: ${file} already exists; choose another name or pass --force to replace it\n` });
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect((await runCliCaptured(['export', 'register', file, '--db', db, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('custodian-register');
  });

  it('refuses a bad file with exit 2, one line naming the JSON path and field, and writes nothing', async () => {
    const source = temp.path('source.sqlite');
    withRegister(source, (db) => seedRegister(db));
    const good = temp.path('good.json');
    await runCliCaptured(['export', 'register', good, '--db', source]);
    const target = temp.path('target.sqlite');
    await runCliCaptured(['init', '--db', target]);

    const snapshot = JSON.parse(readFileSync(good, 'utf8'));
    snapshot.register.copies[1].locationId = 'x';
    const bad = temp.path('bad.json');
    writeFileSync(bad, JSON.stringify(snapshot));
    const run = await runCliCaptured(['import', 'register', bad, '--db', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`custodian: ${bad}: register.copies[1].locationId: location "x" does not exist; nothing was imported\n`);
    withRegister(target, (db) => {
      expect(loadRegister(db).organisations).toEqual([]);
      expect(auditTotal(db)).toBe(0);
    });

    writeFileSync(bad, '{"format": "custodian-register", ');
    const notJson = await runCliCaptured(['import', 'register', bad, '--db', target]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(new RegExp(`^custodian: ${bad} is not valid JSON \\(.*\\); nothing was imported\\n$`));
    const missing = await runCliCaptured(['import', 'register', temp.path('none.json'), '--db', target]);
    expect(missing).toMatchObject({ code: 2, stderr: `custodian: cannot read ${temp.path('none.json')}: no such file\n` });
  });
});

describe('importing a snapshot', () => {
  const temp = useTempDir();

  const importError = (db: RegisterConnection, value: unknown): string => {
    try {
      importRegisterSnapshot(db, actor, value, 'test.json');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the import to be refused');
  };

  it('names the path and field of the first problem, whatever kind it is', () => {
    withRegister(temp.path('a.sqlite'), (db) => {
      const base = buildRegisterSnapshot(db, actor);
      const seeded = seedRegister(db);
      const full = buildRegisterSnapshot(db, actor);
      const target = temp.path('b.sqlite');
      withRegister(target, (empty) => {
        const variant = (change: (s: RegisterSnapshot) => void) => {
          const copy = structuredClone(full);
          change(copy);
          return copy;
        };
        expect(importError(empty, { ...base, format: 'something-else' })).toBe(
          'format: must be "custodian-register": this file is not a Custodian register snapshot',
        );
        expect(importError(empty, { ...base, formatVersion: 7 })).toMatch(/^formatVersion: is 7, written by a newer Custodian/);
        expect(importError(empty, [])).toMatch(/^the file is not a Custodian register snapshot/);
        expect(importError(empty, variant((s) => ((s.register.holdings[0] as { receivedDate: string }).receivedDate = '2025-02-30')))).toBe(
          'register.holdings[0].receivedDate: is not a real calendar date',
        );
        expect(importError(empty, variant((s) => delete (s.register.locations[1] as Partial<typeof s.register.locations[1]>).country))).toBe(
          'register.locations[1].country: is required',
        );
        expect(importError(empty, variant((s) => s.register.copies.push({ ...s.register.copies[0]! })))).toBe(
          `register.copies[2].id: id "${seeded.primary.id}" is used twice in this file (also at register.copies[0])`,
        );
        expect(importError(empty, variant((s) => (s.register.versions[0]!.parties[1]!.organisationId = 'gone')))).toBe(
          'register.versions[0].parties[1].organisationId: organisation "gone" does not exist',
        );
        expect(
          importError(empty, variant((s) => s.register.dsas.push({ ...s.register.dsas[0]!, id: 'another-id' }))),
        ).toBe('register.dsas[1].nicReference: a DSA with NIC reference DARS-NIC-00574-V2H1F is already recorded (register.dsas[0])');
        expect(loadRegister(empty)).toEqual(base.register);
        expect(auditTotal(empty)).toBe(0);
      });
    });
  });

  it('merges by id into a register that has records: updates, creates, leaves the rest alone', () => {
    withRegister(temp.path('a.sqlite'), (db) => {
      const seeded = seedRegister(db);
      const snapshot = buildRegisterSnapshot(db, actor);
      const server = snapshot.register.locations.find((l) => l.id === seeded.server.id)!;
      server.name = 'Leeds secure server (rebuilt)';
      server.archived = true;
      snapshot.register.dsas.push({ id: 'dsa-new', archived: false, nicReference: 'DARS-NIC-99999-ZZZZZ', title: null });
      // The file does not mention the backup copy: it must stay as it is.
      snapshot.register.copies = snapshot.register.copies.filter((c) => c.id !== seeded.backupCopy.id);
      const before = auditTotal(db);

      const summary = importRegisterSnapshot(db, actor, snapshot, 'merge.json');
      expect(summary).toMatchObject({ created: 1, updated: 1, unchanged: 9 });
      expect(getRecord(db, 'location', seeded.server.id).record).toMatchObject({ name: 'Leeds secure server (rebuilt)', archived: true });
      expect(getRecord(db, 'copy', seeded.backupCopy.id).record).toEqual(seeded.backupCopy);
      expect(getRecord(db, 'dsa', 'dsa-new').record.nicReference).toBe('DARS-NIC-99999-ZZZZZ');
      const entries = listAuditEntries(db, { offset: 0, limit: 10, action: 'import' }).entries;
      expect(auditTotal(db) - before).toBe(3); // the update, the creation, the import itself
      expect(entries.find((e) => e.recordId === seeded.server.id)).toMatchObject({
        before: { name: 'Leeds secure server' },
        after: { name: 'Leeds secure server (rebuilt)' },
        detail: { source: 'merge.json' },
      });
      expect(verifyAuditChain(db).intact).toBe(true);
    });
  });

  it('refuses to bring in a second DSA under a NIC reference the register already holds', () => {
    withRegister(temp.path('a.sqlite'), (db) => {
      const seeded = seedRegister(db);
      const clash = snapshotOf({ ...buildRegisterSnapshot(db, actor).register, dsas: [{ id: 'other', archived: false, nicReference: seeded.dsa.nicReference, title: null }] });
      clash.register = { ...clash.register, organisations: [], assurances: [], dsfcs: [], versions: [], datasets: [], locations: [], approvedLocations: [], holdings: [], copies: [], obligations: [], certificates: [] };
      expect(importError(db, clash)).toBe(
        `register.dsas[0].nicReference: a DSA with NIC reference DARS-NIC-00574-V2H1F is already recorded (DSA "${seeded.dsa.id}" in the register)`,
      );
    });
  });

  it('property: any valid register survives import and export unchanged, in order', () => {
    fc.assert(
      fc.property(storedRegisterArbitrary, (register) => {
        const dir = makeTempDir('custodian-roundtrip-');
        try {
          const first = withRegister(dir.path('first.sqlite'), (db) => {
            importRegisterSnapshot(db, actor, JSON.parse(JSON.stringify(snapshotOf(register))), 'p.json');
            expect(verifyAuditChain(db).intact).toBe(true);
            return loadRegister(db);
          });
          expect(first).toEqual(register);
          const second = withRegister(dir.path('second.sqlite'), (db) => {
            importRegisterSnapshot(db, actor, JSON.parse(JSON.stringify(snapshotOf(first))), 'p.json');
            return loadRegister(db);
          });
          expect(JSON.stringify(second)).toBe(JSON.stringify(first));
          // Importing the same file again changes nothing.
          const again = withRegister(dir.path('first.sqlite'), (db) => importRegisterSnapshot(db, actor, snapshotOf(first), 'p.json'));
          expect(again.created + again.updated).toBe(0);
        } finally {
          dir.remove();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an export that cannot write its file leaves no audit entry claiming it did', () => {
    withRegister(temp.path('a.sqlite'), (db) => {
      seedRegister(db);
      const before = auditTotal(db);
      expect(() => exportRegisterSnapshot(db, actor, temp.path('no-such-folder/out.json'))).toThrow(/ENOENT/);
      expect(auditTotal(db)).toBe(before);
      expect(existsSync(temp.path('no-such-folder'))).toBe(false);
    });
  });
});
