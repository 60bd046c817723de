import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { digitalSignatories, digitalSignatoryTitles, type DigitalSignatory } from '../../../shared/destruction/digital-signatories';
import { signatoriesInputSchema, type SignatoriesInput } from '../../../shared/destruction/destruction-api';
import { isoDate } from '../../../shared/register/dates';
import { formatDate } from '../../../shared/register/format-date';
import { UserFacingError } from '../../../shared/ipc/result';
import { allCertificateContents } from '../../destruction/destruction-store';
import { markAcknowledged, markSent } from '../../destruction/certificate-status';
import { findRecords } from '../../register/register-service';
import { CliError } from '../cli-error';
import { commandGroup } from '../command-group';
import { dbOption, type CliRuntime } from '../runtime';
import { cliActor, writableRegister } from './destruction-command';

/**
 * `custodian certificate issue | sign | verify | list | mark-sent | mark-acknowledged`: certificates of
 * destruction from the register, checking a certificate document against it, and its status.
 */
function dateFlag(flag: string, value: string): string {
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw new CliError(`${flag} "${value}" ${parsed.error.issues[0]?.message ?? 'is not a date'} (for example 2026-06-01)`);
  return parsed.data;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const PASSPHRASE_VARIABLE = 'CUSTODIAN_P12_PASSPHRASE';

/** The PKCS#12 passphrase from a file or the environment: never an argument, which other users and shell history can see. */
function passphraseFrom(file: string | undefined, env: NodeJS.ProcessEnv): string {
  if (file !== undefined) {
    try {
      return readFileSync(resolve(file), 'utf8').split(/\r?\n/)[0] ?? '';
    } catch (error) {
      throw new CliError(`--passphrase-file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const fromEnvironment = env[PASSPHRASE_VARIABLE];
  if (fromEnvironment !== undefined) return fromEnvironment;
  throw new CliError(`give the PKCS#12 passphrase with --passphrase-file FILE or the ${PASSPHRASE_VARIABLE} environment variable`);
}

/** A refusal from a service is bad input for the CLI: one line, exit 2. */
async function asCliErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(error.message, 2);
    throw error;
  }
}

type PersonFlags = Record<`${'recipientDpo' | 'processorDpo' | 'authorisedBy' | 'carriedOutBy' | 'validator'}${'' | 'Role' | 'Date'}`, string | undefined>;
type IssueFlags = Partial<PersonFlags> & { db?: string; dsa: string; version?: string; holding?: string[]; output: string; reason?: string; retained?: string; force?: boolean };

const personFlags = [
  ['recipient-dpo', 'recipientDpo', '--recipient-dpo'],
  ['processor-dpo', 'processorDpo', '--processor-dpo'],
  ['authorised-by', 'authorisedBy', '--authorised-by'],
  ['carried-out-by', 'carriedOutBy', '--carried-out-by'],
  ['validator', 'validator', '--validator'],
] as const;

/** The people flags, parsed by the same schema as the app's form; a bad one is named by its flag. */
function signatoriesFromFlags(o: IssueFlags): SignatoriesInput {
  const raw = Object.fromEntries(personFlags.map(([role, key]) => [role, { name: o[key] ?? null, position: o[`${key}Role`] ?? null, date: o[`${key}Date`] ?? null }]));
  const parsed = signatoriesInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [role, field] = (issue?.path ?? []) as string[];
  const flag = personFlags.find(([r]) => r === role)?.[2] ?? '--';
  throw new CliError(`${flag}${field === 'name' ? '' : field === 'position' ? '-role' : '-date'} ${issue?.message ?? 'is not valid'}`);
}

export function registerCertificate(program: Command, runtime: CliRuntime): void {
  const certificate = commandGroup(program, 'certificate', 'issue, sign and verify certificates of destruction');

  dbOption(certificate.command('issue'))
    .description('issue a certificate of destruction (PDF, with its JSON beside it); exit 1 listing the copies still live')
    .requiredOption('--dsa <reference>', 'the DSA, e.g. DARS-NIC-00574-V2H1F')
    .option('--version <version>', 'the DSA version (default: the latest agreed version)')
    .option('--holding <id>', 'a holding to cover (repeat for several; default: every holding of the version not yet certified)', collect)
    .requiredOption('--output <file.pdf>', 'where to write the PDF; the JSON goes beside it')
    .option('--reason <text>', 'why the data was destroyed (default: from the version’s destruction rule)')
    .option('--retained <text>', 'what is retained, e.g. aggregate outputs (default: "Nothing is retained.")')
    .option('--recipient-dpo <name>', 'the recipient’s data protection officer, printed under the signature line')
    .option('--recipient-dpo-role <text>', 'their role or job title')
    .option('--recipient-dpo-date <YYYY-MM-DD>', 'the date they sign')
    .option('--processor-dpo <name>', 'the processor’s data protection officer')
    .option('--processor-dpo-role <text>', 'their role or job title')
    .option('--processor-dpo-date <YYYY-MM-DD>', 'the date they sign')
    .option('--authorised-by <name>', 'who authorised the destruction')
    .option('--authorised-by-role <text>', 'their role or job title')
    .option('--authorised-by-date <YYYY-MM-DD>', 'the date they authorised it')
    .option('--carried-out-by <name>', 'who carried out the destruction')
    .option('--carried-out-by-role <text>', 'their role or job title')
    .option('--carried-out-by-date <YYYY-MM-DD>', 'the date they carried it out')
    .option('--validator <name>', 'the second person who validated the destruction')
    .option('--validator-role <text>', 'their role or job title')
    .option('--validator-date <YYYY-MM-DD>', 'the date they validated it')
    .option('--force', 'replace the output files if they exist')
    .action(async (o: IssueFlags) => {
      // pdfkit and qrcode load only to issue a certificate, pdf-lib only to verify one.
      const { issueCertificate, jsonPathFor } = await import('../../destruction/issue-certificate');
      const signatories = signatoriesFromFlags(o);
      const output = resolve(o.output);
      if (!/\.pdf$/i.test(output)) throw new CliError(`--output must name a .pdf file, not ${o.output}`);
      for (const path of [output, jsonPathFor(output)])
        if (!o.force && existsSync(path)) throw new CliError(`${path} already exists: choose another --output, or add --force to replace it`);
      const outcome = await runtime.withDatabase(o.db, { create: false }, (opened) =>
        asCliErrors(() =>
          issueCertificate(
            writableRegister(opened),
            cliActor(),
            {
              dsaReference: o.dsa,
              version: o.version,
              holdingIds: o.holding,
              reason: o.reason,
              retained: o.retained,
              signatories,
            },
            output,
          ),
        ),
      );
      if (outcome.status === 'refused') {
        runtime.out(`No certificate issued for ${outcome.agreement}: these copies are neither destroyed nor covered by a dated exception:`);
        for (const live of outcome.liveCopies) runtime.out(`  ${live.copy.label} (${live.copy.id}): ${live.reason}`);
        throw new CliError(`certificate refused: ${outcome.liveCopies.length} ${outcome.liveCopies.length === 1 ? 'copy is' : 'copies are'} still live`, 1);
      }
      if (outcome.finishedInterrupted) runtime.out(`Finished issuing certificate ${outcome.certificate.number}: an earlier run was interrupted after recording it and before saving its files.`);
      else runtime.out(`Issued certificate ${outcome.certificate.number} for ${outcome.content.agreement.dsaReference} v${outcome.content.agreement.version} (${outcome.content.holdings.length} holding(s)).`);
      runtime.out(`PDF:  ${outcome.pdfPath}`);
      runtime.out(`JSON: ${outcome.jsonPath}`);
      runtime.out(`SHA-256: ${outcome.contentHash}`);
      if (!outcome.content.statement.allDestroyed)
        for (const e of outcome.content.statement.exceptions) runtime.out(`Exception: ${e.copy}: ${e.reason} (until ${formatDate(e.endDate)})`);
    });

  dbOption(certificate.command('verify'))
    .description('check a certificate PDF or JSON against the register: exit 0 genuine and unchanged, 1 naming what differs')
    .argument('<file>', 'the certificate PDF, or the JSON written beside it')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { db?: string; json?: boolean }) => {
      const [{ verifyCertificate }, { CertificateFileError }] = await Promise.all([import('../../destruction/verify-certificate'), import('../../destruction/read-certificate-file')]);
      const verdict = await runtime.withDatabase(o.db, { create: false, readonly: true }, async (opened) => {
        try {
          return await verifyCertificate(opened.db, resolve(file));
        } catch (error) {
          if (error instanceof CertificateFileError) throw new CliError(error.message, 2);
          throw error;
        }
      });
      if (o.json) runtime.out(JSON.stringify(verdict, null, 2));
      else if (verdict.genuine) {
        runtime.out(`Certificate ${verdict.certificateNumber} is genuine and unchanged: its content matches the register (SHA-256 ${verdict.documentHash}).`);
        verdict.notes.forEach((n) => runtime.out(n));
      } else {
        runtime.out(`Certificate ${verdict.certificateNumber ?? '(unknown)'} is NOT genuine and unchanged:`);
        verdict.problems.forEach((p) => runtime.out(`  - ${p}`));
        verdict.notes.forEach((n) => runtime.out(n));
      }
      if (!verdict.genuine) throw new CliError(`${verdict.problems.length} difference${verdict.problems.length === 1 ? '' : 's'} found`, 1);
    });

  dbOption(certificate.command('sign'))
    .description('sign a certificate PDF digitally for one signatory with an X.509 certificate in a PKCS#12 file (each signatory in turn)')
    .argument('<pdf>', 'the certificate PDF (already signed by the other signatory, or not yet signed)')
    .requiredOption('--p12 <file>', 'the PKCS#12 file (.p12 or .pfx) holding the signer’s certificate and private key')
    .requiredOption('--signatory <role>', `who signs: ${digitalSignatories.join(' or ')}`)
    .option('--passphrase-file <file>', `a file whose first line is the PKCS#12 passphrase (or set ${PASSPHRASE_VARIABLE}); never given on the command line`)
    .option('--out <file.pdf>', 'where to write the signed PDF (default: sign the PDF in place)')
    .action(async (pdf: string, o: { db?: string; p12: string; signatory: string; passphraseFile?: string; out?: string }) => {
      if (!(digitalSignatories as readonly string[]).includes(o.signatory)) throw new CliError(`--signatory must be ${digitalSignatories.join(' or ')}, not "${o.signatory}"`);
      const passphrase = passphraseFrom(o.passphraseFile, runtime.io.env);
      const out = resolve(o.out ?? pdf);
      if (!/\.pdf$/i.test(out)) throw new CliError(`--out must name a .pdf file, not ${o.out}`);
      const { signCertificate } = await import('../../destruction/sign-certificate');
      const outcome = await runtime.withDatabase(o.db, { create: false }, (opened) =>
        asCliErrors(() => signCertificate(writableRegister(opened), cliActor(), { pdfPath: resolve(pdf), p12Path: resolve(o.p12), passphrase, signatory: o.signatory as DigitalSignatory, outputPath: out })),
      );
      runtime.out(`Signed ${outcome.certificateNumber ? `certificate ${outcome.certificateNumber}` : 'the PDF'} as ${digitalSignatoryTitles[o.signatory as DigitalSignatory]}: ${outcome.signerName}, ${outcome.signingTime}.`);
      runtime.out(`PDF: ${outcome.outputPath}`);
      if (!outcome.audited) runtime.out('This register did not issue the certificate, so the signing is not in its audit log.');
    });

  dbOption(certificate.command('list'))
    .description('certificates in the register with their status and hash')
    .option('--json', 'print as JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const rows = await runtime.withDatabase(o.db, { create: false, readonly: true }, (opened) => {
        const contents = allCertificateContents(opened.db);
        return findRecords(opened.db, 'certificate', {}).map((c) => ({ ...c, contentHash: contents.get(c.id)?.contentHash ?? null }));
      });
      if (o.json) return runtime.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return runtime.out('No certificates of destruction have been issued.');
      for (const c of rows) {
        const status = c.status === 'acknowledged' ? `acknowledged ${c.acknowledgedDate}${c.acknowledgementReference ? ` (${c.acknowledgementReference})` : ''}` : c.status === 'sent' ? `sent ${c.sentDate}` : 'issued, not sent';
        runtime.out(`${c.number}  ${c.issuedDate}  ${status.padEnd(32)}  ${c.contentHash ?? '(no content: not issued by Custodian)'}`);
      }
    });

  dbOption(certificate.command('mark-sent'))
    .description('record the date a certificate was sent to NHS England (DARS)')
    .argument('<number>', 'the certificate number, e.g. COD-2026-0001')
    .requiredOption('--date <YYYY-MM-DD>', 'the date it was sent')
    .action(async (number: string, o: { db?: string; date: string }) => {
      const date = dateFlag('--date', o.date);
      const updated = await runtime.withDatabase(o.db, { create: false }, (opened) => asCliErrors(() => markSent(writableRegister(opened), cliActor(), number, date)));
      runtime.out(`Certificate ${updated.number}: sent to DARS on ${formatDate(date)}.`);
    });

  dbOption(certificate.command('mark-acknowledged'))
    .description('record NHS England’s acknowledgement of a certificate (date and their reference)')
    .argument('<number>', 'the certificate number')
    .requiredOption('--date <YYYY-MM-DD>', 'the date of the acknowledgement')
    .option('--reference <text>', 'NHS England’s reference for the acknowledgement')
    .action(async (number: string, o: { db?: string; date: string; reference?: string }) => {
      const date = dateFlag('--date', o.date);
      const updated = await runtime.withDatabase(o.db, { create: false }, (opened) =>
        asCliErrors(() => markAcknowledged(writableRegister(opened), cliActor(), number, date, o.reference ?? null)),
      );
      runtime.out(`Certificate ${updated.number}: acknowledged on ${formatDate(date)}${updated.acknowledgementReference ? ` (reference ${updated.acknowledgementReference})` : ''}.`);
    });
}
