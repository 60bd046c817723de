import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { certificateContentOf } from '../../electron/destruction/destruction-store';
import { markAcknowledged, markSent } from '../../electron/destruction/certificate-status';
import { issueCertificate, type IssueOutcome } from '../../electron/destruction/issue-certificate';
import { readCertificateFile } from '../../electron/destruction/read-certificate-file';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { listAuditEntries } from '../../electron/register/audit-log';
import { findRecords, getRecord, patchRecord } from '../../electron/register/register-service';
import { canonicalJson } from '../../shared/destruction/canonical-json';
import { certificateContentSchema } from '../../shared/destruction/certificate-content';
import { extractPdfText } from '../helpers/pdf-text';
import { destroyAll, destructionOf, openScenario, type DestructionScenario } from '../helpers/destruction-scenario';
import { useTempDir } from '../helpers/temp-dir';
import { registerStores, useRegisterStore } from '../helpers/register-stores';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const V42_COPIES = ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'];
const HIP = 'DARS-NIC-00574-V2H1F';

function issued(outcome: IssueOutcome): Extract<IssueOutcome, { status: 'issued' }> {
  if (outcome.status !== 'issued') throw new Error(`expected a certificate, got a refusal: ${JSON.stringify(outcome.liveCopies)}`);
  return outcome;
}

/** v4.2's holding destroyed: the primary and derived copies outright, the backup with an exception until its tapes age out. */
async function destroyWithBackupException(s: DestructionScenario, evidenceDir: string): Promise<void> {
  await destroyAll(s, ['c-2024-aws', 'c-2024-tre'], evidenceDir);
  await destroyAll(s, ['c-2024-vault'], evidenceDir, {
    methodType: 'Clear',
    method: 'Backup expiry',
    tool: 'Veeam Backup & Replication',
    toolVersion: '12.1',
    operator: 'CSU backup team',
    outcome: 'destroyed-with-exceptions',
    exceptionReason: 'Encrypted nightly tapes in the offsite rotation age out',
    exceptionEndDate: '2028-07-31',
  });
}
describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);


  describe('issuing a certificate of destruction', () => {
    const temp = useTempDir('custodian-certificate-');

    it('refuses while a copy is live, lists the live copies, and writes and records nothing', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await destroyAll(s, ['c-2024-aws'], temp.path('evidence'));
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-tre', { outcome: 'not-destroyed', verificationResult: 'Files still present after the script failed' }));
      const outcome = await issueCertificate(s.db, s.actor, { dsaReference: HIP, version: '4.2' }, temp.path('cert.pdf'));
      expect(outcome.status).toBe('refused');
      if (outcome.status !== 'refused') return;
      expect(outcome.agreement).toBe(`${HIP} v4.2`);
      expect(outcome.liveCopies.map((l) => [l.copy.label, l.reason])).toEqual([
        ['Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault', 'no destruction is recorded for this copy'],
        ['Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment', 'recorded as not destroyed (2028-04-10): destroy it and record the destruction'],
      ]);
      expect(readdirSync(temp.dir).filter((f) => f.includes('cert'))).toEqual([]);
      expect(findRecords(s.db, 'certificate', {})).toEqual([]);
    });

    it('issues a certificate with an exception: the PDF and the JSON beside it, the register recording content, hash and status', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await destroyWithBackupException(s, temp.path('evidence'));
      const result = issued(await issueCertificate(s.db, s.actor, { dsaReference: HIP, retained: 'Aggregate tables that passed disclosure control.' }, temp.path('COD.pdf')));

      expect(result.certificate).toMatchObject({ number: 'COD-2028-0001', status: 'issued', issuedDate: '2028-04-20', holdingIds: ['hes-2024'] });
      expect(result.content.statement.allDestroyed).toBe(false);
      expect(result.content.statement.exceptions).toEqual([
        { copyId: 'c-2024-vault', copy: 'Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault', reason: 'Encrypted nightly tapes in the offsite rotation age out', endDate: '2028-07-31' },
      ]);

      const json = readFileSync(temp.path('COD.json'), 'utf8');
      expect(json).toBe(canonicalJson(JSON.parse(json)));
      expect(sha256(json)).toBe(result.contentHash);
      const stored = certificateContentOf(s.db, result.certificate.id)!;
      expect(stored).toMatchObject({ canonicalJson: json, contentHash: result.contentHash, pdfSha256: sha256(readFileSync(temp.path('COD.pdf'))) });

      const file = await readCertificateFile(temp.path('COD.pdf'));
      if (file.kind !== 'pdf') throw new Error('expected a PDF');
      expect(file.embedded.map((e) => e.name)).toEqual(['COD-2028-0001.json']);
      expect(new TextDecoder().decode(file.embedded[0]!.bytes)).toBe(json);
      expect(file.keywords).toContain(`sha256:${result.contentHash}`);

      const audit = listAuditEntries(s.db, { offset: 0, limit: 5, action: 'certificate-issued' }).entries;
      expect(audit[0]?.after).toMatchObject({ number: 'COD-2028-0001', contentHash: result.contentHash });
    });

    it('prints every field a certificate must state, as a PDF reader extracts them', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await destroyWithBackupException(s, temp.path('evidence'));
      const result = issued(
        await issueCertificate(s.db, s.actor, { dsaReference: HIP, retained: 'Aggregate tables that passed disclosure control.', signatories: { 'recipient-dpo': { name: 'Dr Helen Marsh' }, 'carried-out-by': { name: 'Alex Green' } } }, temp.path('c.pdf')),
      );
      const text = (await extractPdfText(readFileSync(temp.path('c.pdf')))).pages.join('\n').replace(/\s+/g, ' ');
      const content = result.content;
      const required: [string, string][] = [
        ['title', 'Certificate of Destruction'],
        ['certificate number', 'COD-2028-0001'],
        ['date of issue', '20 April 2028'],
        ['DSA reference', HIP],
        ['DSA version', '4.2 (1 April 2025 to 31 March 2028)'],
        ['DSFC reference', 'CON-622644-N9S3P-v2.03'],
        ['controller', 'University of Exampleton (EXU01)'],
        ['processor', 'North of England Commissioning Support Unit (0CX)'],
        ['processor', 'Amazon Web Services EMEA SARL (UK Branch)'],
        ['reason', 'ended on 31 March 2028'],
        ['dataset', 'Hospital Episode Statistics Admitted Patient Care'],
        ['file reference', 'NIC00574_HES_APC_2024'],
        ['location', 'AWS eu-west-2 (London)'],
        ['location', 'CSU Leeds backup vault'],
        ['location', 'Exampleton Secure Data Environment'],
        ['copy kind', 'Primary copy'],
        ['copy kind', 'Backup copy'],
        ['copy kind', 'Derived copy'],
        ['method type and method', 'Purge: Cryptographic erase'],
        ['method type and method', 'Clear: Backup expiry'],
        ['tool', 'BitLocker key destruction 10.0.22631'],
        ['tool', 'Veeam Backup & Replication 12.1'],
        ['date and time', '10 April 2028, 14:30 (UTC)'],
        ['operator', 'Sam Jones (data manager)'],
        ['verification', 'Directory listing and restore attempt: No files found; restore failed as expected'],
        ['outcome', 'Destroyed with exceptions'],
        ['statement', 'including backups, have been destroyed, except the copies listed as exceptions'],
        ['exception reason', 'Encrypted nightly tapes in the offsite rotation age out'],
        ['exception end date', '31 July 2028'],
        ['retained', 'Aggregate tables that passed disclosure control.'],
        ['signature block', 'Data Protection Officer of the recipient'],
        ['signature block', 'Data Protection Officer of the processor'],
        ['signature block', 'Destruction authorised by'],
        ['signature block', 'Destruction carried out by'],
        ['signature block', 'Validated by'],
        ['signatory name', 'Dr Helen Marsh'],
        ['certificate hash', result.contentHash.slice(0, 32)],
        ['certificate hash', result.contentHash.slice(32)],
      ];
      for (const holding of content.holdings)
        for (const copy of holding.copies)
          for (const evidence of copy.evidence) required.push(['evidence file', evidence.fileName.replace(/-/g, '')], ['evidence hash', evidence.sha256.slice(0, 20)]);
      const squashed = text.replace(/[\s-]/g, '');
      const missing = required.filter(([, value]) => !text.includes(value) && !squashed.includes(value.replace(/[\s-]/g, '')));
      expect(missing).toEqual([]);
    });

    it('states that all copies including backups are destroyed when there is no exception', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await destroyAll(s, V42_COPIES, temp.path('evidence'));
      const result = issued(await issueCertificate(s.db, s.actor, { dsaReference: HIP }, temp.path('c.pdf')));
      expect(result.content.statement).toMatchObject({ allDestroyed: true, exceptions: [] });
      const text = (await extractPdfText(readFileSync(temp.path('c.pdf')))).pages.join(' ').replace(/\s+/g, ' ');
      expect(text).toContain('All copies of the data listed in this certificate, including backups, have been destroyed.');
      expect(text).not.toContain('Exceptions');
    });

    it('numbers certificates in sequence and records sent and acknowledged, audited', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await destroyAll(s, V42_COPIES, temp.path('evidence'));
      const first = issued(await issueCertificate(s.db, s.actor, { dsaReference: HIP }, temp.path('a.pdf')));
      const second = issued(await issueCertificate(s.db, s.actor, { dsaReference: HIP, holdingIds: ['hes-2024'] }, temp.path('b.pdf')));
      expect([first.certificate.number, second.certificate.number]).toEqual(['COD-2028-0001', 'COD-2028-0002']);
      await expect(issueCertificate(s.db, s.actor, { dsaReference: HIP }, temp.path('c.pdf'))).rejects.toThrow(/already covered by a certificate/);

      expect(() => markAcknowledged(s.db, s.actor, 'COD-2028-0001', '2028-05-01', 'DARS-ACK-1')).toThrow(/has no sent date/);
      expect(() => markSent(s.db, s.actor, 'COD-2028-0001', '2028-04-01')).toThrow(/before certificate COD-2028-0001 was issued/);
      expect(markSent(s.db, s.actor, 'COD-2028-0001', '2028-04-21')).toMatchObject({ status: 'sent', sentDate: '2028-04-21' });
      expect(markAcknowledged(s.db, s.actor, 'COD-2028-0001', '2028-04-28', 'DARS-ACK-1')).toMatchObject({ status: 'acknowledged', acknowledgedDate: '2028-04-28', acknowledgementReference: 'DARS-ACK-1' });
      expect(listAuditEntries(s.db, { offset: 0, limit: 10, recordId: first.certificate.id, action: 'update' }).total).toBe(2);
    });
  });

  describe('verifying a certificate', () => {
    const temp = useTempDir('custodian-verify-');

    async function issuedScenario() {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await destroyWithBackupException(s, temp.path('evidence'));
      const result = issued(await issueCertificate(s.db, s.actor, { dsaReference: HIP }, temp.path('COD.pdf')));
      return { s, result };
    }

    it('says a PDF and its JSON are genuine and unchanged', async () => {
      const { s } = await issuedScenario();
      for (const file of ['COD.pdf', 'COD.json']) {
        const verdict = await verifyCertificate(s.db, temp.path(file));
        expect(verdict.problems).toEqual([]);
        expect(verdict.genuine).toBe(true);
        expect(verdict.certificateNumber).toBe('COD-2028-0001');
      }
    });

    it('fails for an edited JSON, naming the field', async () => {
      const { s } = await issuedScenario();
      const content = JSON.parse(readFileSync(temp.path('COD.json'), 'utf8'));
      content.holdings[0].copies[0].destruction.operator = 'Someone else';
      writeFileSync(temp.path('COD.json'), canonicalJson(content));
      const verdict = await verifyCertificate(s.db, temp.path('COD.json'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems[0]).toMatch(/^the JSON file was edited after issue: its SHA-256 is [0-9a-f]{64}, the certificate hash is [0-9a-f]{64}$/);
      expect(verdict.problems).toContain(
        'edited: copy "Primary copy at AWS eu-west-2 (London)" of NIC00574_HES_APC_2024: operator differs: certificate Sam Jones (data manager), document Someone else',
      );
    });

    it('fails for a re-formatted JSON whose content is the same', async () => {
      const { s } = await issuedScenario();
      writeFileSync(temp.path('COD.json'), JSON.stringify(JSON.parse(readFileSync(temp.path('COD.json'), 'utf8')), null, 2));
      const verdict = await verifyCertificate(s.db, temp.path('COD.json'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems[0]).toMatch(/re-formatted after issue \(its content is the same/);
    });

    it('fails for an edited PDF whose attachment is intact', async () => {
      const { s } = await issuedScenario();
      const pdf = await PDFDocument.load(readFileSync(temp.path('COD.pdf')), { updateMetadata: false });
      const page = pdf.getPage(0);
      page.drawText('Destroyed 1 March 2028', { x: 300, y: 400, size: 9, font: await pdf.embedFont(StandardFonts.Helvetica) });
      writeFileSync(temp.path('edited.pdf'), await pdf.save());
      const verdict = await verifyCertificate(s.db, temp.path('edited.pdf'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems).toEqual([expect.stringMatching(/^the PDF file is not the one issued: its SHA-256 is [0-9a-f]{64}, the issued PDF's is [0-9a-f]{64}, so its pages may have been edited$/)]);
    });

    it('fails for a PDF whose attached JSON was replaced', async () => {
      const { s } = await issuedScenario();
      const original = readFileSync(temp.path('COD.pdf'));
      const pdf = await PDFDocument.load(original, { updateMetadata: false });
      const content = certificateContentSchema.parse(JSON.parse(readFileSync(temp.path('COD.json'), 'utf8')));
      content.holdings[0]!.copies[1]!.destroyedDate = '2028-03-01';
      // A forger's PDF: same pages and metadata, the edited JSON attached under the same name.
      const forged = await PDFDocument.create();
      for (const page of await forged.copyPages(pdf, pdf.getPageIndices())) forged.addPage(page);
      forged.setKeywords([pdf.getKeywords() ?? '']);
      await forged.attach(new TextEncoder().encode(canonicalJson(content)), 'COD-2028-0001.json', { mimeType: 'application/json' });
      writeFileSync(temp.path('forged.pdf'), await forged.save());
      const verdict = await verifyCertificate(s.db, temp.path('forged.pdf'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems[0]).toMatch(/^the JSON attached to the PDF was edited after issue/);
      expect(verdict.problems).toContain('edited: copy "Backup copy at CSU Leeds backup vault" of NIC00574_HES_APC_2024: destruction date differs: certificate (none), document 2028-03-01');
      expect(verdict.problems.some((p) => p.startsWith('the PDF file is not the one issued'))).toBe(true);
    });

    it('fails when the register records changed after issue, naming the copy and both dates', async () => {
      const { s } = await issuedScenario();
      patchRecord(s.db, s.actor, 'copy', 'c-2024-tre', { destroyedDate: '2028-04-12' });
      const verdict = await verifyCertificate(s.db, temp.path('COD.pdf'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems).toEqual([
        'the register changed after issue: copy "Derived copy at Exampleton Secure Data Environment" of NIC00574_HES_APC_2024: destruction date differs: certificate 2028-04-10, register 2028-04-12',
      ]);
    });

    it('fails when a copy was added to a certified holding after issue', async () => {
      const { s } = await issuedScenario();
      const { createRecord } = await import('../../electron/register/register-service');
      createRecord(s.db, s.actor, 'copy', { holdingId: 'hes-2024', locationId: 'tre', kind: 'derived', pathOrDescription: '/secure/hip/forgotten.csv', createdDate: '2025-08-01' });
      const verdict = await verifyCertificate(s.db, temp.path('COD.json'));
      expect(verdict.problems).toEqual(['the register changed after issue: copy "Derived copy at Exampleton Secure Data Environment" of NIC00574_HES_APC_2024 is in the register but not on the certificate']);
    });

    it('says when a certificate was not issued by this register', async () => {
      const { result } = await issuedScenario();
      const other = openScenario(temp.path('other-register'));
      const verdict = await verifyCertificate(other.db, temp.path('COD.pdf'));
      expect(verdict.genuine).toBe(false);
      expect(verdict.problems).toEqual([`certificate ${result.certificate.number} was not issued by this register: check you are verifying against the register that issued it (--db)`]);
      expect(existsSync(temp.path('COD.pdf'))).toBe(true);
      expect(getRecord(other.db, 'copy', 'c-2024-aws').record.destroyedDate).toBeNull();
    });
  });
});
