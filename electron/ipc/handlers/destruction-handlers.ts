import { basename } from 'node:path';
import { localIsoDate } from '../../../shared/register/local-date';
import { copyLabel } from '../../../shared/register/record-labels';
import { markAcknowledged, markSent } from '../../destruction/certificate-status';
import { allCertificateContents } from '../../destruction/destruction-store';
import { certificateSummary, destructionOverview } from '../../destruction/destruction-overview';
import { destructionWorklist } from '../../destruction/destruction-worklist';
import { versionHoldings } from '../../destruction/version-holdings';
import { issueCertificate, previewCertificate, requirePreparer, type IssueRequest } from '../../destruction/issue-certificate';
import { attachEvidence, recordDestruction } from '../../destruction/record-destruction';
import { recordDestructions } from '../../destruction/record-destructions';
import { verifyAbsence } from '../../destruction/verify-absence';
import { CertificateFileError } from '../../destruction/read-certificate-file';
import { verifyCertificate } from '../../destruction/verify-certificate';
import { signCertificate } from '../../destruction/sign-certificate';
import { findCertificate } from '../../destruction/certificate-status';
import { UserFacingError } from '../../../shared/ipc/result';
import { cachedRegister } from '../../register/register-cache';
import type { Certificate } from '../../../shared/register/records';
import type { ServiceContext } from '../context';
import type { PartialHandlerTable } from '../handler-table';
import { savePathWithExtension } from '../../files/save-path';

/** The Destruction screen: pending destructions, recording them with evidence, verify absence, certificates. */
type DestructionMethods =
  | 'destruction.overview'
  | 'destruction.worklist'
  | 'destruction.versionHoldings'
  | 'destruction.record'
  | 'destruction.recordMany'
  | 'destruction.chooseEvidence'
  | 'destruction.attachEvidence'
  | 'destruction.verifyAbsence'
  | 'certificate.issue'
  | 'certificate.markSent'
  | 'certificate.markAcknowledged'
  | 'certificate.verify'
  | 'certificate.chooseSigningFile'
  | 'certificate.sign';

function summaryOf(context: ServiceContext, certificate: Certificate) {
  const { index } = cachedRegister(context.db);
  return certificateSummary(index, certificate, allCertificateContents(context.db).get(certificate.id)?.contentHash ?? null);
}

export const destructionHandlers: PartialHandlerTable<DestructionMethods> = {
  'destruction.overview': ({ asOf, ...page }, context) => destructionOverview(context.db, asOf ?? localIsoDate(context.now()), page),

  'destruction.versionHoldings': ({ versionId }, context) => ({ holdings: versionHoldings(cachedRegister(context.db).index, versionId) }),

  'destruction.worklist': ({ asOf, ...request }, context) => destructionWorklist(context.db, cachedRegister(context.db).index, asOf ?? localIsoDate(context.now()), request),

  'destruction.record': async ({ destruction, evidenceTokens }, context) => {
    const paths = evidenceTokens.map((token) => context.grantedPaths.resolve(token, 'read'));
    const result = await recordDestruction(context.db, context, context.dataDir, destruction, paths);
    const { index } = cachedRegister(context.db);
    return {
      recordId: result.record.id,
      copy: { kind: 'copy' as const, id: result.copy.id, label: copyLabel(index, result.copy) },
      destroyedDate: result.copy.destroyedDate,
      evidence: result.evidence.map((e) => ({ fileName: e.originalName, sha256: e.sha256 })),
    };
  },

  'destruction.recordMany': async ({ common, copies, evidenceTokens }, context) => {
    const paths = evidenceTokens.map((token) => context.grantedPaths.resolve(token, 'read'));
    const results = await recordDestructions(context.db, context, context.dataDir, common, copies, paths);
    const { index } = cachedRegister(context.db);
    return {
      recorded: results.map((r) => ({ recordId: r.record.id, copy: { kind: 'copy' as const, id: r.copy.id, label: copyLabel(index, r.copy) }, destroyedDate: r.copy.destroyedDate })),
      evidence: (results[0]?.evidence ?? []).map((e) => ({ fileName: e.originalName, sha256: e.sha256 })),
    };
  },

  'destruction.chooseEvidence': async (_request, context) => {
    const path = await context.dialogs.chooseFileToOpen({
      title: 'Choose an evidence file (erasure report, screenshot, shredding certificate)',
      filters: [
        { name: 'Evidence', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'txt', 'csv', 'log', 'json', 'xml', 'html', 'docx', 'xlsx'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    if (!path) return { file: null };
    return { file: { token: context.grantedPaths.grant(path, 'read'), fileName: basename(path) } };
  },

  'destruction.attachEvidence': async ({ destructionId, token }, context) => {
    const evidence = await attachEvidence(context.db, context, context.dataDir, destructionId, context.grantedPaths.resolve(token, 'read'));
    return { fileName: evidence.originalName, sha256: evidence.sha256 };
  },

  'destruction.verifyAbsence': ({ copyId }, context) => verifyAbsence(context.db, context, copyId),

  'certificate.issue': async (request, context) => {
    const issue: IssueRequest = {
      versionId: request.versionId,
      holdingIds: request.holdingIds,
      reason: request.reason,
      retained: request.retained,
      signatories: request.signatories ?? {},
    };
    // Refuse before asking where to save: no dialog for a certificate that cannot be issued.
    const preview = previewCertificate(context.db, context, issue);
    if (preview.liveCopies.length > 0) return { status: 'refused' as const, agreement: preview.agreement, liveCopies: preview.liveCopies };
    requirePreparer(context.db);
    const path = await context.dialogs.chooseFileToSave({
      title: 'Save the certificate of destruction',
      defaultName: `${preview.certificateNumber}.pdf`,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    if (!path) return { status: 'cancelled' as const };
    // The path comes from main's own save dialog, never from the renderer.
    const outcome = await issueCertificate(context.db, context, issue, savePathWithExtension(path, 'pdf'));
    if (outcome.status === 'refused') return outcome;
    return {
      status: 'issued' as const,
      certificate: summaryOf(context, outcome.certificate),
      fileName: basename(outcome.pdfPath),
      jsonFileName: basename(outcome.jsonPath),
      exceptions: outcome.content.statement.exceptions.length,
    };
  },

  'certificate.markSent': ({ certificateId, date }, context) => summaryOf(context, markSent(context.db, context, certificateId, date)),

  'certificate.markAcknowledged': ({ certificateId, date, reference }, context) =>
    summaryOf(context, markAcknowledged(context.db, context, certificateId, date, reference ?? null)),

  'certificate.verify': async (_request, context) => {
    const path = await context.dialogs.chooseFileToOpen({
      title: 'Choose a certificate of destruction to verify (the PDF or its JSON)',
      filters: [{ name: 'Certificate of destruction', extensions: ['pdf', 'json'] }],
    });
    if (!path) return { status: 'cancelled' as const };
    try {
      const verdict = await verifyCertificate(context.db, path);
      return { status: 'checked' as const, fileName: basename(path), ...verdict };
    } catch (error) {
      if (error instanceof CertificateFileError) throw new UserFacingError('BAD_REQUEST', `${error.message}: choose a certificate PDF or the JSON written beside it.`);
      throw error;
    }
  },

  'certificate.chooseSigningFile': async ({ kind }, context) => {
    const path = await context.dialogs.chooseFileToOpen(
      kind === 'pdf'
        ? { title: 'Choose the certificate PDF to sign (it is signed in place)', filters: [{ name: 'Certificate of destruction', extensions: ['pdf'] }] }
        : { title: 'Choose your signing certificate (PKCS#12)', filters: [{ name: 'PKCS#12 certificate and key', extensions: ['p12', 'pfx'] }] },
    );
    if (!path) return { file: null };
    // The PDF is read and then replaced by its signed version, so it is granted for writing.
    return { file: { token: context.grantedPaths.grant(path, kind === 'pdf' ? 'write' : 'read'), fileName: basename(path) } };
  },

  'certificate.sign': async ({ certificateId, signatory, pdfToken, p12Token, passphrase }, context) => {
    const certificate = findCertificate(context.db, certificateId);
    const pdfPath = context.grantedPaths.resolve(pdfToken, 'write');
    const outcome = await signCertificate(context.db, context, {
      pdfPath,
      p12Path: context.grantedPaths.resolve(p12Token, 'read'),
      passphrase,
      signatory,
      outputPath: pdfPath,
      expectedNumber: certificate.number,
    });
    return { certificateNumber: certificate.number, signerName: outcome.signerName, signingTime: outcome.signingTime, fileName: basename(pdfPath) };
  },
};
