import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../electron/destruction/issue-certificate';
import { actorAt, destroyAll, openScenario } from '../helpers/destruction-scenario';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const HIP = 'DARS-NIC-00574-V2H1F';

/** A register that issued COD-2028-0001 at `iso`; returns its path and the certificate's. */
async function registerWithCertificate(dir: string, iso: string): Promise<{ db: string; pdf: string }> {
  mkdirSync(dir, { recursive: true });
  const s = openScenario(dir, undefined, actorAt(iso));
  await destroyAll(s, ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'], join(dir, 'evidence'));
  const pdf = join(dir, 'COD.pdf');
  const outcome = await issueCertificate(s.db, s.actor, { dsaReference: HIP, version: '4.2' }, pdf);
  expect(outcome.status).toBe('issued');
  s.db.close();
  return { db: join(dir, 'register.sqlite'), pdf };
}

describe('certificate verify on files that are not this register’s certificate', () => {
  const temp = useTempDir('custodian-cert-messages-');

  it.each([
    ['garbage after a PDF header', 'garbage.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))])],
    ['text', 'notes.txt', Buffer.from('not a certificate \u001b[31mred\u001b[0m')],
    ['JSON of another kind', 'other.json', Buffer.from('{"format":"something-else","certificateNumber":"COD-2028-0001"}')],
  ])('%s: exit 2, one line "not a Custodian certificate", nothing internal', async (_what, name, bytes) => {
    const { db } = await registerWithCertificate(temp.path('a'), '2028-04-20T10:00:00.000Z');
    writeFileSync(temp.path(name), bytes);
    const run = await runCliCaptured(['certificate', 'verify', temp.path(name), '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^custodian: ${name.replace('.', '\\.')} is not a Custodian certificate \\([a-zA-Z ]+\\)\\n$`));
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).not.toMatch(/offset|parse|Error|undefined|difference/i);
  });

  it('an ordinary PDF with no certificate attached: exit 2', async () => {
    const { db } = await registerWithCertificate(temp.path('a'), '2028-04-20T10:00:00.000Z');
    const pdf = await PDFDocument.create();
    pdf.addPage();
    writeFileSync(temp.path('letter.pdf'), await pdf.save());
    const run = await runCliCaptured(['certificate', 'verify', temp.path('letter.pdf'), '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('custodian: letter.pdf is not a Custodian certificate (a PDF with no certificate attached)\n');
  });

  it('another register’s genuine certificate with the same number is called that, not "edited"', async () => {
    const here = await registerWithCertificate(temp.path('here'), '2028-04-20T10:00:00.000Z');
    const elsewhere = await registerWithCertificate(temp.path('elsewhere'), '2028-05-02T09:00:00.000Z');
    const run = await runCliCaptured(['certificate', 'verify', elsewhere.pdf, '--db', here.db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'this is not the certificate this register issued as COD-2028-0001 (that one was issued 2028-04-20T10:00:00.000Z for DARS-NIC-00574-V2H1F v4.2; this one says 2028-05-02T09:00:00.000Z for DARS-NIC-00574-V2H1F v4.2): if another register issued it, verify it against that register (--db)',
    );
    expect(run.stdout).not.toContain('edited');
    expect((await runCliCaptured(['certificate', 'verify', elsewhere.pdf, '--db', elsewhere.db])).code).toBe(0);
  });
});
