import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { builtinProfiles, findBuiltinProfile } from '../../../shared/disclosure/builtin-profiles';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import { UserFacingError } from '../../../shared/ipc/result';
import { keepCustomProfile, listCustomProfiles, writeProfileFile } from '../../disclosure/custom-profiles';
import { readProfileFile } from '../../disclosure/profile-files';
import { chooseSheet, loadWorkbook, visibleSheetNames } from '../../disclosure/read/xlsx-rows';
import { readHead } from '../../disclosure/read/open-rows';
import { sniffFileKind } from '../../disclosure/read/sniff';
import { disclosureSession } from '../../disclosure/disclosure-service';
import { sameFile } from '../../files/same-file';
import type { ServiceContext } from '../context';
import type { PartialHandlerTable } from '../handler-table';
import { savePathWithExtension } from '../../files/save-path';

type DisclosureMethods =
  | 'disclosure.profiles'
  | 'disclosure.chooseInput'
  | 'disclosure.dropInput'
  | 'disclosure.start'
  | 'disclosure.status'
  | 'disclosure.cancel'
  | 'disclosure.export'
  | 'disclosure.saveProfile'
  | 'disclosure.openProfile';

const tableFilters = [
  { name: 'Tables (CSV, XLSX, Parquet)', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'parquet'] },
  { name: 'All files', extensions: ['*'] },
];

/** Reads enough of a table to say what it is: its format and, for a workbook, its sheets. */
async function inspect(bytesOrPath: Uint8Array | string, name: string) {
  try {
    const head = typeof bytesOrPath === 'string' ? readHead(bytesOrPath, 8192) : bytesOrPath.subarray(0, 8192);
    const size = typeof bytesOrPath === 'string' ? statSync(bytesOrPath).size : bytesOrPath.byteLength;
    const kind = sniffFileKind(head, size);
    const format = kind === 'text' ? ('csv' as const) : kind;
    let sheets: string[] = [];
    if (format === 'xlsx') {
      const workbook = await loadWorkbook(typeof bytesOrPath === 'string' ? readFileSync(bytesOrPath) : bytesOrPath);
      sheets = visibleSheetNames(workbook);
      if (sheets.length === 1) chooseSheet(workbook, sheets[0]);
    }
    return { name, size, format, sheets };
  } catch (error) {
    if (error instanceof DisclosureInputError) throw new UserFacingError('BAD_REQUEST', `${name}: ${error.message}.`);
    throw new UserFacingError('BAD_REQUEST', `${name} cannot be read. Check that it is a CSV or XLSX table you can open.`);
  }
}

function allProfiles(context: ServiceContext) {
  return { builtin: [...builtinProfiles], custom: listCustomProfiles(context.dataDir) };
}

export const disclosureHandlers: PartialHandlerTable<DisclosureMethods> = {
  'disclosure.profiles': (_request, context) => allProfiles(context),

  'disclosure.chooseInput': async (_request, context) => {
    const chosen = await context.dialogs.chooseFileToOpen({ title: 'Open a table to protect', filters: tableFilters });
    if (!chosen) return null;
    const path = context.grantedPaths.resolve(context.grantedPaths.grant(chosen, 'read'), 'read');
    const info = await inspect(path, basename(path));
    return disclosureSession(context).addInput(info, { kind: 'path', path });
  },

  'disclosure.dropInput': async (request, context) => {
    const bytes = Uint8Array.from(Buffer.from(request.base64, 'base64'));
    const info = await inspect(bytes, request.name);
    return disclosureSession(context).addInput(info, { kind: 'bytes', name: request.name, bytes });
  },

  'disclosure.start': (request, context) => ({ jobId: disclosureSession(context).startPreview(request) }),

  'disclosure.status': (request, context) => disclosureSession(context).status(request.jobId),

  'disclosure.cancel': async (request, context) => ({ cancelled: await disclosureSession(context).cancel(request.jobId) }),

  'disclosure.export': async (request, context) => {
    const session = disclosureSession(context);
    const preview = session.status(request.jobId);
    const inputName = preview.result?.report.input.file ?? 'table';
    const chosen = await context.dialogs.chooseFileToSave({
      title: request.format === 'xlsx' ? 'Export the published table as an Excel workbook' : 'Export the published table as CSV',
      defaultName: `${basename(inputName, extname(inputName))}-published.${request.format}`,
      filters: [{ name: request.format === 'xlsx' ? 'Excel workbook' : 'CSV', extensions: [request.format] }],
    });
    if (!chosen) return null;
    const granted = context.grantedPaths.resolve(context.grantedPaths.grant(chosen, 'write'), 'write');
    const path = savePathWithExtension(granted, request.format);
    const source = session.inputPath(request.jobId);
    if (source && sameFile(source, path)) {
      throw new UserFacingError('REFUSED', 'That is the table you opened: choose another name, so the original is kept.');
    }
    return { jobId: session.startExport(request.jobId, request.format, path) };
  },

  'disclosure.saveProfile': async (request, context) => {
    const { profile } = request;
    if (findBuiltinProfile(profile.id)) {
      throw new UserFacingError('BAD_REQUEST', `“${profile.id}” is the id of a built-in profile; give your profile its own id.`);
    }
    const chosen = await context.dialogs.chooseFileToSave({
      title: 'Save the disclosure profile',
      defaultName: `${profile.id}.json`,
      filters: [{ name: 'Disclosure profile (JSON)', extensions: ['json'] }],
    });
    if (!chosen) return null;
    const path = context.grantedPaths.resolve(context.grantedPaths.grant(chosen, 'write'), 'write');
    writeProfileFile(path.toLowerCase().endsWith('.json') ? path : `${path}.json`, profile);
    keepCustomProfile(context.dataDir, profile);
    return { file: basename(path), profiles: allProfiles(context) };
  },

  'disclosure.openProfile': async (_request, context) => {
    const chosen = await context.dialogs.chooseFileToOpen({
      title: 'Open a disclosure profile',
      filters: [{ name: 'Disclosure profile (JSON)', extensions: ['json'] }],
    });
    if (!chosen) return null;
    const path = context.grantedPaths.resolve(context.grantedPaths.grant(chosen, 'read'), 'read');
    let profile;
    try {
      profile = readProfileFile(path);
    } catch (error) {
      if (error instanceof DisclosureInputError) throw new UserFacingError('BAD_REQUEST', `${error.message.replace(path, basename(path))}. Correct the file and open it again.`);
      throw error;
    }
    keepCustomProfile(context.dataDir, profile);
    return { profile, profiles: allProfiles(context) };
  },
};
