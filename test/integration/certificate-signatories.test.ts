import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { destructionRecordsOf } from '../../electron/destruction/destruction-store';
import { issueCertificate, type IssueOutcome } from '../../electron/destruction/issue-certificate';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { canonicalJson } from '../../shared/destruction/canonical-json';
import { compliantRegister } from '../helpers/compliant-register';
import { destroyAll, destructionOf, openScenario } from '../helpers/destruction-scenario';
import { extractPdfText } from '../helpers/pdf-text';
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
