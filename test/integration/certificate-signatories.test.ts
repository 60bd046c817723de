import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { destructionRecordsOf, loadDestructionFacts } from '../../electron/destruction/destruction-store';
import { loadRegister } from '../../electron/register/load-register';
import { buildCertificate } from '../../shared/destruction/build-certificate';
import { indexRegister } from '../../shared/register/register-index';
import { issueCertificate, type IssueOutcome } from '../../electron/destruction/issue-certificate';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { canonicalJson } from '../../shared/destruction/canonical-json';
import { compliantRegister } from '../helpers/compliant-register';
import { destroyAll, destructionOf, openScenario } from '../helpers/destruction-scenario';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

const HIP = 'DARS-NIC-00574-V2H1F';
const V42 = ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'];

const nist = {
  sanitisationStandard: 'IEEE 2883-2022',
  cryptographicErase: true,
  keyHandling: 'Volume key deleted from AWS KMS; key backups destroyed',
  validationMethod: 'Second-person read-back of 1% of blocks',
  validationResult: 'No recoverable data in any sampled block',
};

const people = {
  'recipient-dpo': { name: 'Dr Helen Marsh', position: 'Data Protection Officer', date: '2028-04-21' },
  'processor-dpo': { name: 'Omar Reid', position: 'DPO, Exampleton Cloud Ltd', date: '2028-04-22' },
  'authorised-by': { name: 'Jo Patel', position: 'Head of Information Governance', date: '2028-04-09' },
  'carried-out-by': { name: 'Sam Jones', position: 'Data manager', date: '2028-04-10' },
  validator: { name: 'Alex Green', position: 'Information Security Officer', date: '2028-04-12' },
};

function issued(outcome: IssueOutcome) {
  if (outcome.status !== 'issued') throw new Error(`not issued: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('certificates people sign, with the NIST SP 800-88 Rev. 2 fields of each copy', () => {
  const temp = useTempDir('custodian-cert-signatories-');

  async function certified() {
    const s = openScenario(temp.dir);
    await destroyAll(s, V42, temp.path('evidence'), nist);
    const result = issued(await issueCertificate(s.db, s.actor, { dsaReference: HIP, version: '4.2', signatories: people }, temp.path('COD.pdf')));
    return { s, result };
  }

  it('records the standard, cryptographic erase with its key handling, and the validation on the destruction record', async () => {
    const s = openScenario(temp.dir);
    await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws', nist));
    expect(destructionRecordsOf(s.db, 'c-2024-aws')[0]).toMatchObject(nist);
    // Without them, as before this change: nothing is invented.
    await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-tre'));
    expect(destructionRecordsOf(s.db, 'c-2024-tre')[0]).toMatchObject({ sanitisationStandard: null, cryptographicErase: false, keyHandling: null, validationMethod: null, validationResult: null });
  });

  it('refuses a cryptographic erase without its key handling, and a validation without its result', async () => {
    const s = openScenario(temp.dir);
    await expect(recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws', { cryptographicErase: true }))).rejects.toThrow(/keyHandling: is required when cryptographic erase is used/);
    await expect(recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws', { validationMethod: 'Read-back' }))).rejects.toThrow(/validationResult: is required/);
    expect(destructionRecordsOf(s.db, 'c-2024-aws')).toEqual([]);
  });

  it('prints the four people with name, role and date, the preparer from Settings, and the NIST fields of each copy', async () => {
    const { result } = await certified();
    const text = (await extractPdfText(readFileSync(temp.path('COD.pdf')))).pages.join('\n').replace(/\s+/g, ' ');
    const expected = [
      'Prepared by Priya Shah',
      'Destruction authorised by',
      'Destruction carried out by',
      'Validated by (a second person who checked the destruction)',
      ...Object.values(people).flatMap((p) => [p.name, p.position]),
      '21 April 2028',
      '22 April 2028',
      '9 April 2028',
      'Sanitisation of NIC00574_HES_APC_2024 (NIST SP 800-88 Rev. 2)',
      'IEEE 2883-2022',
      'Yes. Key handling: Volume key deleted from AWS KMS; key backups destroyed',
      'Second-person read-back of 1% of blocks: No recoverable data in any sampled block',
    ];
    const squashed = text.replace(/[\s-]/g, '');
    expect(expected.filter((value) => !text.includes(value) && !squashed.includes(value.replace(/[\s-]/g, '')))).toEqual([]);
    // The OS account (the actor's "ig.lead") is never the preparer.
    expect(text).not.toContain('ig.lead');
    expect(result.content.issuedBy.person).toBe('Priya Shah');
    expect(result.content.formatVersion).toBe(2);
  });

  it('refuses to issue when no person is named in Settings, and records nothing', async () => {
    const s = openScenario(temp.dir);
    await destroyAll(s, V42, temp.path('evidence'));
    writeSettings(s.db, { displayName: '' });
    await expect(issueCertificate(s.db, s.actor, { dsaReference: HIP, version: '4.2' }, temp.path('COD.pdf'))).rejects.toThrow(/set your name in Settings/);
    expect(s.db.prepare('SELECT count(*) FROM certificates').pluck().get()).toBe(0);
  });

  it('verify names a changed signatory', async () => {
    const { s } = await certified();
    expect((await verifyCertificate(s.db, temp.path('COD.json'))).genuine).toBe(true);
    const content = JSON.parse(readFileSync(temp.path('COD.json'), 'utf8'));
    content.signatories[2].name = 'Someone else';
    writeFileSync(temp.path('COD.json'), canonicalJson(content));
    const verdict = await verifyCertificate(s.db, temp.path('COD.json'));
    expect(verdict.genuine).toBe(false);
    expect(verdict.problems).toContain('edited: signatory "Destruction authorised by": name differs: certificate Jo Patel, document Someone else');
  });

  for (const [field, value] of [
    ['sanitisationStandard', 'DoD 5220.22-M'],
    ['cryptographicErase', false],
    ['keyHandling', 'Key kept in escrow'],
    ['validationResult', 'Not validated'],
  ] as const) {
    it(`verify detects a changed ${field} of a copy`, async () => {
      const { s } = await certified();
      const content = JSON.parse(readFileSync(temp.path('COD.json'), 'utf8'));
      content.holdings[0].copies[0].destruction[field] = value;
      writeFileSync(temp.path('COD.json'), canonicalJson(content));
      const verdict = await verifyCertificate(s.db, temp.path('COD.json'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems[0]).toMatch(/the JSON file was edited after issue/);
      expect(verdict.problems.join('\n')).toContain(String(value));
    });
  }

  it('verify detects a NIST field changed in the register after issue', async () => {
    const { s } = await certified();
    s.db.prepare("UPDATE destruction_records SET sanitisation_standard = 'NIST SP 800-88 Rev. 1' WHERE copy_id = 'c-2024-aws'").run();
    const verdict = await verifyCertificate(s.db, temp.path('COD.pdf'));
    expect(verdict.genuine).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(/IEEE 2883-2022.*NIST SP 800-88 Rev\. 1/);
  });

  it('still verifies a version 1 certificate (three signature blocks, no NIST fields) issued before this change', async () => {
    const { s, result } = await certified();
    const index = indexRegister(loadRegister(s.db));
    const version = index.versions.get(result.content.agreement.versionId)!;
    const holdings = result.content.holdings.map((h) => index.holdings.get(h.id)!);
    const c = result.content;
    const v1 = buildCertificate(index, version, holdings, loadDestructionFacts(s.db), {
      certificateNumber: c.certificateNumber,
      issuedAt: c.issuedAt,
      issuedDate: c.issuedDate,
      organisation: c.issuedBy.organisation,
      person: 'Priya Shah (ig.lead)',
      reason: c.reason,
      retained: c.retained,
      signatories: { 'recipient-dpo': { name: 'Dr Helen Marsh' }, validator: { name: 'Alex Green' } },
      auditHead: c.auditHead,
      formatVersion: 1,
    }).content;
    expect(v1.signatories.map((x) => x.role)).toEqual(['recipient-dpo', 'processor-dpo', 'validator']);
    expect(Object.keys(v1.holdings[0]!.copies[0]!.destruction!)).not.toContain('sanitisationStandard');
    // As a register from before this change holds it: the content as then hashed.
    const json = canonicalJson(v1);
    s.db.prepare('UPDATE certificate_contents SET canonical_json = ?, content_hash = ?').run(json, createHash('sha256').update(json).digest('hex'));
    writeFileSync(temp.path('COD.json'), json);
    const verdict = await verifyCertificate(s.db, temp.path('COD.json'));
    expect(verdict.problems).toEqual([]);
    expect(verdict.genuine).toBe(true);
  });

  it('the CLI records the NIST fields from flags, prints the people on the certificate, and refuses bad flags with exit 2 naming the flag', async () => {
    const s = openScenario(temp.dir);
    s.db.close();
    const db = temp.path('register.sqlite');
    const record = (copy: string, ...extra: string[]) =>
      runCliCaptured(['destruction', 'record', '--db', db, '--copy', copy, '--method-type', 'Purge', '--method', 'Cryptographic erase', '--at', '2026-11-02T10:15:00Z', '--operator', 'Sam', '--verification-method', 'Listing', '--verification-result', 'Empty', '--outcome', 'destroyed', ...extra]);
    const refused = await record('c-2024-aws', '--cryptographic-erase');
    expect([refused.code, refused.stderr]).toEqual([2, 'custodian: --key-handling: is required when cryptographic erase is used: how the key was destroyed (e.g. key deleted from the KMS, HSM zeroised)\n']);
    for (const copy of V42) {
      const ok = await record(copy, '--standard', 'IEEE 2883-2022', '--cryptographic-erase', '--key-handling', 'KMS key deleted', '--validation-method', 'Read-back', '--validation-result', 'Nothing found');
      expect(ok.stderr).toBe('');
    }
    const issue = (...extra: string[]) => runCliCaptured(['certificate', 'issue', '--db', db, '--dsa', HIP, '--version', '4.2', '--output', temp.path('cli.pdf'), ...extra]);
    const badDate = await issue('--authorised-by', 'Jo Patel', '--authorised-by-date', '9 April 2028');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/^custodian: --authorised-by-date .+\n$/);
    const ok = await issue('--authorised-by', 'Jo Patel', '--authorised-by-role', 'Head of Information Governance', '--authorised-by-date', '2028-04-09', '--processor-dpo', 'Omar Reid');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const text = (await extractPdfText(readFileSync(temp.path('cli.pdf')))).pages.join('\n').replace(/\s+/g, ' ');
    for (const shown of ['Jo Patel', 'Head of Information Governance', '9 April 2028', 'Omar Reid', 'IEEE 2883-2022', 'Yes. Key handling: KMS key deleted', 'Read-back: Nothing found']) expect(text).toContain(shown);
  });

  it('migration 007 adds the NIST fields to a register written at version 6, inventing nothing for old records', () => {
    const path = temp.path('v6.sqlite');
    const old = openDatabase(path, { create: true, migrationList: migrations.filter((m) => m.version <= 6) });
    storeRegister(old.db, compliantRegister().build());
    old.db.close();
    const raw = new BetterSqlite3(path);
    raw
      .prepare(
        `INSERT INTO destruction_records (id, copy_id, method_type, method, performed_at, operator, verification_method, verification_result, outcome, recorded_at, recorded_by)
         VALUES ('d1', 'c-2024-aws', 'Purge', 'Cryptographic erase', '2028-04-10T14:30:00Z', 'Sam Jones', 'Listing', 'Empty', 'destroyed', '2028-04-10T15:00:00Z', 'ig.lead')`,
      )
      .run();
    raw.close();
    const upgraded = openDatabase(path, { create: false });
    expect(upgraded.migratedFrom).toBe(6);
    expect(destructionRecordsOf(upgraded.db, 'c-2024-aws')[0]).toMatchObject({ method: 'Cryptographic erase', sanitisationStandard: null, cryptographicErase: false, keyHandling: null, validationMethod: null, validationResult: null });
    // The register itself refuses a cryptographic erase with no key handling, whatever writes to it.
    expect(() =>
      upgraded.db
        .prepare(
          `INSERT INTO destruction_records (id, copy_id, method_type, method, performed_at, operator, verification_method, verification_result, outcome, recorded_at, recorded_by, cryptographic_erase)
           VALUES ('d2', 'c-2024-aws', 'Purge', 'Crypto', '2028-04-11T14:30:00Z', 'Sam', 'L', 'E', 'destroyed', '2028-04-11T15:00:00Z', 'ig.lead', 1)`,
        )
        .run(),
    ).toThrow(/key was handled/);
    upgraded.db.close();
  });
});
