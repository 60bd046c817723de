import { writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { loadRegister } from '../../electron/register/load-register';
import { storedRegisterFindings } from '../../electron/register/register-findings';
import type { RegisterConnection } from '../../electron/db/register-connection';
import { startTsProcess, stopProcess } from '../helpers/child-process';
import { POSTGRES_TEST_PASSWORD } from '../helpers/postgres-server';
import { useRegisterStore } from '../helpers/register-stores';
import { applyTeamChange, TEAM_AS_OF } from '../helpers/team-changes';
import { makeTempDir } from '../helpers/temp-dir';

const CLIENTS = 10;
const CHANGES = 100;

/** What a user compares: each finding's code, severity and title (ids differ between registers). */
const findingsOf = (db: RegisterConnection) =>
  storedRegisterFindings(db, loadRegister(db), TEAM_AS_OF)
    .map((f) => `${f.code} ${f.severity} ${f.title}`)
    .sort();

describe('a team register in PostgreSQL with 10 writers at once', () => {
  const where = useRegisterStore('postgres');

  it('keeps one intact audit chain, loses no write, and finds what a serial replay finds', { timeout: 240_000 }, async () => {
    const location = where.location();
    const database = new URL(location).pathname.slice(1);
    // Ten people, each with their own login, all IG leads.
    for (let client = 0; client < CLIENTS; client++) {
      await where.server!.admin(`CREATE ROLE "client-${client}" LOGIN PASSWORD '${POSTGRES_TEST_PASSWORD}' IN ROLE custodian_ig_lead`).catch(() => undefined);
    }
    const go = `${where.dir}/go`;
    const writers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        startTsProcess('test/helpers/team-writer-process.ts', [where.server!.url(database, `client-${client}`), String(client), String(CHANGES), go]),
      ),
    );
    try {
      const exits = writers.map((w) => once(w, 'exit'));
      writeFileSync(go, '');
      const codes = (await Promise.all(exits)).map(([code]) => code);
      expect(codes).toEqual(Array(CLIENTS).fill(0));
    } finally {
      await Promise.all(writers.map(stopProcess));
    }

    const { db } = openDatabase(location, { create: false });
    try {
      const chain = verifyAuditChain(db);
      expect(chain).toMatchObject({ intact: true, problem: null, entries: CLIENTS * CHANGES });
      // Every client's every change is in the log under its own login, and the writers really did take turns.
      const perClient = db.prepare('SELECT os_user AS who, count(*) AS n FROM audit_log GROUP BY os_user ORDER BY os_user').all();
      expect(perClient).toEqual(Array.from({ length: CLIENTS }, (_, c) => ({ who: `client-${c}`, n: CHANGES })).sort((a, b) => (a.who < b.who ? -1 : 1)));
      const writersInOrder = db.prepare('SELECT os_user FROM audit_log ORDER BY seq').pluck().all() as string[];
      const turns = writersInOrder.filter((who, i) => i > 0 && who !== writersInOrder[i - 1]).length;
      expect(turns).toBeGreaterThan(CLIENTS);

      const replay = makeTempDir();
      const serial = openDatabase(replay.path('serial.sqlite'), { create: true }).db;
      try {
        for (let client = 0; client < CLIENTS; client++) {
          const actor = { now: () => new Date(), osUser: `client-${client}` };
          for (let j = 0; j < CHANGES; j++) applyTeamChange(serial, actor, client, j);
        }
        const concurrent = findingsOf(db);
        expect(concurrent.length).toBeGreaterThan(CLIENTS * 10);
        expect(concurrent).toEqual(findingsOf(serial));
      } finally {
        serial.close();
        replay.remove();
      }
    } finally {
      db.close();
    }
  });
});
