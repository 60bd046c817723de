import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../electron/destruction/issue-certificate';
import { signCertificate } from '../../electron/destruction/sign-certificate';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { listAuditEntries } from '../../electron/register/audit-log';
import { actorAt, destroyAll, openScenario } from '../helpers/destruction-scenario';
import { runCliCaptured } from '../helpers/run-cli';
import { selfSignedP12 } from '../helpers/self-signed-p12';
import { useTempDir } from '../helpers/temp-dir';

const HIP = 'DARS-NIC-00574-V2H1F';
const V42 = ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'];

describe('digital signatures on certificate PDFs', () => {
  const temp = useTempDir('custodian-cert-sign-');

  async function issued() {
    const s = openScenario(temp.dir);
    await destroyAll(s, V42, temp.path('evidence'));
    const outcome = await issueCertificate(s.db, s.actor, { dsaReference: HIP, version: '4.2' }, temp.path('COD.pdf'));
    if (outcome.status !== 'issued') throw new Error('not issued');
    writeFileSync(temp.path('helen.p12'), selfSignedP12('Dr Helen Marsh', 'helen-pass'));
    writeFileSync(temp.path('omar.p12'), selfSignedP12('Omar Reid', 'omar-pass'));
    return { s, number: outcome.certificate.number };
  }

  async function signedTwice() {
    const scenario = await issued();
    await signCertificate(scenario.s.db, actorAt('2028-04-21T09:00:00.000Z'), { pdfPath: temp.path('COD.pdf'), p12Path: temp.path('helen.p12'), passphrase: 'helen-pass', signatory: 'recipient-dpo', outputPath: temp.path('signed-once.pdf') });
    await signCertificate(scenario.s.db, actorAt('2028-04-22T15:30:00.000Z'), { pdfPath: temp.path('signed-once.pdf'), p12Path: temp.path('omar.p12'), passphrase: 'omar-pass', signatory: 'processor-dpo', outputPath: temp.path('signed.pdf') });
    return scenario;
  }

  it('an unsigned certificate verifies as before, and says it carries no signature', async () => {
    const { s } = await issued();
    const verdict = await verifyCertificate(s.db, temp.path('COD.pdf'));
    expect(verdict.problems).toEqual([]);
    expect(verdict.genuine).toBe(true);
    expect(verdict.notes).toContain('The PDF file is byte for byte the one issued.');
    expect(verdict.notes).toContain('The PDF carries no digital signature.');
    expect(verdict.signatures).toEqual([]);
  });

  it('signed by both DPOs in turn, both signatures verify, with signer and time, and the content check still passes', async () => {
    const { s, number } = await signedTwice();
    const original = readFileSync(temp.path('COD.pdf'));
    const signed = readFileSync(temp.path('signed.pdf'));
    // Incremental updates: the issued file is untouched at the start of the signed one.
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);

    const verdict = await verifyCertificate(s.db, temp.path('signed.pdf'));
    expect(verdict.problems).toEqual([]);
    expect(verdict.genuine).toBe(true);
    expect(verdict.certificateNumber).toBe(number);
    expect(verdict.signatures.map((sig) => ({ field: sig.field, signer: sig.signer, time: sig.signingTime, valid: sig.valid, whole: sig.coversWholeFile }))).toEqual([
      { field: 'recipient-dpo', signer: 'Dr Helen Marsh', time: '2028-04-21T09:00:00.000Z', valid: true, whole: false },
      { field: 'processor-dpo', signer: 'Omar Reid', time: '2028-04-22T15:30:00.000Z', valid: true, whole: true },
    ]);
    expect(verdict.signatures[0]!.signedLength).toBe(readFileSync(temp.path('signed-once.pdf')).length);
    expect(verdict.notes).toContain('Signature 2: signed by Omar Reid as the processor’s data protection officer at 2028-04-22 15:30:00 UTC; valid, and covers the whole file.');
    expect(verdict.notes.some((n) => n.startsWith("The PDF's first revision is byte for byte the one issued"))).toBe(true);

    const audit = listAuditEntries(s.db, { offset: 0, limit: 10, action: 'certificate-signed' }).entries;
    expect(audit.map((e) => e.detail)).toEqual([
      expect.objectContaining({ number, signatory: 'processor-dpo', signer: 'Omar Reid', signingTime: '2028-04-22T15:30:00.000Z', file: 'signed.pdf' }),
      expect.objectContaining({ number, signatory: 'recipient-dpo', signer: 'Dr Helen Marsh', signingTime: '2028-04-21T09:00:00.000Z', file: 'signed-once.pdf' }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('pass');
  });

  // Poppler's pdfsig is a second, independent reader of PDF signatures: where it is installed, it must agree.
  it.skipIf(!existsSync('/usr/bin/pdfsig'))('poppler’s pdfsig finds both signatures valid, the second covering the whole document', async () => {
    await signedTwice();
    const report = execFileSync('/usr/bin/pdfsig', [temp.path('signed.pdf')], { encoding: 'utf8' });
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(report).toContain('Signer Certificate Common Name: Dr Helen Marsh');
    expect(report).toContain('Signer Certificate Common Name: Omar Reid');
    expect(report).toContain('Total document signed');
    // PAdES baseline: the CAdES sub-filter, not the older adbe.pkcs7.detached.
    expect(report.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
  });

  // OpenSSL is a third reader: each signature's CMS verifies over its byte ranges, and carries ESS signing-certificate-v2.
  it.skipIf(!existsSync('/usr/bin/openssl'))('openssl cms verifies each signature over the bytes it covers, with the signing-certificate-v2 attribute', async () => {
    await signedTwice();
    const file = readFileSync(temp.path('signed.pdf'));
    const ranges = [...file.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)].map((m) => m.slice(1, 5).map(Number));
    expect(ranges).toHaveLength(2);
    ranges.forEach(([a, l, b, m], i) => {
      writeFileSync(temp.path(`covered-${i}.bin`), Buffer.concat([file.subarray(a!, a! + l!), file.subarray(b!, b! + m!)]));
      const padded = Buffer.from(file.subarray(a! + l! + 1, b! - 1).toString('latin1'), 'hex');
      // The hole is zero-padded: the DER value ends where its outer length (long form) says.
      const lengthBytes = padded[1]! & 0x7f;
      writeFileSync(temp.path(`signature-${i}.der`), padded.subarray(0, 2 + lengthBytes + padded.subarray(2, 2 + lengthBytes).readUIntBE(0, lengthBytes)));
      const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', temp.path(`signature-${i}.der`), '-content', temp.path(`covered-${i}.bin`), '-noverify', '-out', temp.path(`out-${i}`)];
      expect(execFileSync('/usr/bin/openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
      const printed = execFileSync('/usr/bin/openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', temp.path(`signature-${i}.der`)], { encoding: 'utf8' });
      expect(printed).toContain('signingCertificateV2');
    });
  });

  it('one byte changed inside the second signature’s update fails naming that signature only', async () => {
    const { s } = await signedTwice();
    const signed = readFileSync(temp.path('signed.pdf'));
    const once = readFileSync(temp.path('signed-once.pdf')).length;
    const at = signed.indexOf('/Rect [0 0 0 0]', once) + '/Rect [0 0 0 '.length;
    signed[at] = '1'.charCodeAt(0);
    writeFileSync(temp.path('tampered.pdf'), signed);
    const verdict = await verifyCertificate(s.db, temp.path('tampered.pdf'));
    expect(verdict.genuine).toBe(false);
    expect(verdict.problems).toEqual([
      'signature 2 (Omar Reid as the processor’s data protection officer) is not valid: the bytes it covers were changed after signing (their digest no longer matches the one signed)',
    ]);
    expect(verdict.signatures.map((sig) => sig.valid)).toEqual([true, false]);
  });

  it('one byte changed in the issued certificate fails both signatures, naming each, and the issued-file check', async () => {
    const { s } = await signedTwice();
    const signed = readFileSync(temp.path('signed.pdf'));
    const at = signed.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    signed[at + 2] = signed[at + 2] === 0x72 ? 0x52 : 0x72; // /Producer → /PRoducer: a byte, no structure broken
    writeFileSync(temp.path('tampered.pdf'), signed);
    const verdict = await verifyCertificate(s.db, temp.path('tampered.pdf'));
    expect(verdict.genuine).toBe(false);
    expect(verdict.problems.filter((p) => p.startsWith('signature'))).toEqual([
      'signature 1 (Dr Helen Marsh as the recipient’s data protection officer) is not valid: the bytes it covers were changed after signing (their digest no longer matches the one signed)',
      'signature 2 (Omar Reid as the processor’s data protection officer) is not valid: the bytes it covers were changed after signing (their digest no longer matches the one signed)',
    ]);
    expect(verdict.problems.some((p) => p.startsWith('the PDF file is not the one issued'))).toBe(true);
  });

  it('bytes appended after the last signature: the PDF changed after signing', async () => {
    const { s } = await signedTwice();
    const signed = readFileSync(temp.path('signed.pdf'));
    writeFileSync(temp.path('appended.pdf'), Buffer.concat([signed, Buffer.from('\n% added later\n')]));
    const verdict = await verifyCertificate(s.db, temp.path('appended.pdf'));
    expect(verdict.genuine).toBe(false);
    expect(verdict.problems).toEqual(['the PDF changed after it was signed: 15 bytes were added after signature 2 (Omar Reid as the processor’s data protection officer), and no signature covers them']);
  });

  it('refuses a wrong passphrase and a second signature by the same signatory, writing nothing', async () => {
    const { s } = await issued();
    const request = { pdfPath: temp.path('COD.pdf'), p12Path: temp.path('helen.p12'), passphrase: 'wrong', signatory: 'recipient-dpo' as const, outputPath: temp.path('out.pdf') };
    await expect(signCertificate(s.db, s.actor, request)).rejects.toThrow('COD.pdf: the passphrase does not open the PKCS#12 file');
    await signCertificate(s.db, s.actor, { ...request, passphrase: 'helen-pass' });
    await expect(signCertificate(s.db, s.actor, { ...request, pdfPath: temp.path('out.pdf'), outputPath: temp.path('again.pdf'), passphrase: 'helen-pass' })).rejects.toThrow(
      'out.pdf: cannot sign: the PDF already has a signature field for recipient-dpo: it has been signed by that signatory',
    );
    expect(listAuditEntries(s.db, { offset: 0, limit: 10, action: 'certificate-signed' }).total).toBe(1);
    // The app signs the PDF of the row the user chose: another certificate's PDF is refused before anything is written.
    await expect(signCertificate(s.db, s.actor, { ...request, passphrase: 'helen-pass', signatory: 'processor-dpo', outputPath: temp.path('other.pdf'), expectedNumber: 'COD-2028-0009' })).rejects.toThrow(
      /^COD\.pdf is certificate COD-2028-0001, not COD-2028-0009: choose the PDF of COD-2028-0009\.$/,
    );
    expect(existsSync(temp.path('other.pdf'))).toBe(false);
  });

  it('custodian certificate sign takes the passphrase from a file or the environment, never the command line; verify prints each signer', async () => {
    await issued();
    const db = temp.path('register.sqlite');
    writeFileSync(temp.path('helen.pass'), 'helen-pass\n');
    const first = await runCliCaptured(['certificate', 'sign', temp.path('COD.pdf'), '--db', db, '--p12', temp.path('helen.p12'), '--passphrase-file', temp.path('helen.pass'), '--signatory', 'recipient-dpo']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Signed certificate COD-\d{4}-\d{4} as the recipient’s data protection officer: Dr Helen Marsh, /);
    const noPassphrase = await runCliCaptured(['certificate', 'sign', temp.path('COD.pdf'), '--db', db, '--p12', temp.path('omar.p12'), '--signatory', 'processor-dpo']);
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toContain('--passphrase-file FILE or the CUSTODIAN_P12_PASSPHRASE environment variable');
    const second = await runCliCaptured(['certificate', 'sign', temp.path('COD.pdf'), '--db', db, '--p12', temp.path('omar.p12'), '--signatory', 'processor-dpo', '--out', temp.path('both.pdf')], { CUSTODIAN_P12_PASSPHRASE: 'omar-pass' });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const verify = await runCliCaptured(['certificate', 'verify', temp.path('both.pdf'), '--db', db]);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Signature 1: signed by Dr Helen Marsh as the recipient’s data protection officer at .*; valid, and covers the file as it was when signed/);
    expect(verify.stdout).toMatch(/Signature 2: signed by Omar Reid as the processor’s data protection officer at .*; valid, and covers the whole file\./);
  });
});
