import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../electron/destruction/issue-certificate';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { readAuditHead } from '../../electron/register/audit-head';
import { createRecord } from '../../electron/register/register-service';
import { readFileSync } from 'node:fs';
import { destroyAll, openScenario } from '../helpers/destruction-scenario';
import { extractPdfText } from '../helpers/pdf-text';
import { useTempDir } from '../helpers/temp-dir';

const HIP = 'DARS-NIC-00574-V2H1F';

/** A certificate leaves the organisation, so the audit head it carries is an anchor the register cannot rewrite. */
describe('a certificate carries the audit chain head', () => {
  const temp = useTempDir('custodian-cert-head-');

  async function issuedScenario() {
    const s = openScenario(temp.dir);
    await destroyAll(s, ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'], temp.path('evidence'));
    const head = readAuditHead(s.db)!;
    const outcome = await issueCertificate(s.db, s.actor, { dsaReference: HIP, version: '4.2' }, temp.path('COD.pdf'));
    if (outcome.status !== 'issued') throw new Error('expected a certificate');
    return { s, head, outcome };
  }

  it('states the head when it was made in its JSON and on the PDF, with the command that checks it', async () => {
    const { head, outcome } = await issuedScenario();
    expect(head.seq).toBeGreaterThan(0);
    expect(outcome.content.auditHead).toEqual(head);
    expect(JSON.parse(readFileSync(temp.path('COD.json'), 'utf8')).auditHead).toEqual(head);
    const text = (await extractPdfText(readFileSync(temp.path('COD.pdf')))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`audit verify --expect ${head.seq}:${head.hash}`);
  });

  it('verifies as genuine after later ordinary changes, saying the log still holds everything up to its head', async () => {
    const { s, head } = await issuedScenario();
    createRecord(s.db, s.actor, 'organisation', { legalName: 'A later organisation' });
    const result = await verifyCertificate(s.db, temp.path('COD.pdf'));
    expect(result.problems).toEqual([]);
    expect(result.notes).toContain(`The audit log still holds, unchanged, everything up to entry ${head.seq}, the head when this certificate was made.`);
  });

  it('is not genuine once the audit log was cut back past its head (entries deleted, head row set back)', async () => {
    const { s, head } = await issuedScenario();
    s.db.exec('DROP TRIGGER audit_log_is_append_only_delete');
    s.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head.seq);
    s.db.prepare('UPDATE audit_head SET last_seq = ?, last_hash = (SELECT hash FROM audit_log WHERE seq = ?) WHERE id = 1').run(head.seq - 1, head.seq - 1);
    const result = await verifyCertificate(s.db, temp.path('COD.pdf'));
    expect(result.genuine).toBe(false);
    expect(result.problems).toContain(
      `the audit log does not match the head this certificate carries (entry ${head.seq}): Your checkpoint names entry ${head.seq}, but the log ends at entry ${head.seq - 1}: entry ${head.seq} at least was deleted and the head set back.`,
    );
  });
});
