import { UserFacingError } from '../../../shared/ipc/result';
import { DurImportError } from '../../imports/dur/dur-import-error';
import { readDurInWorker } from '../../imports/dur/dur-worker-client';
import { writeDurImport } from '../../imports/dur/import-dur';
import { durFilesBeside } from '../../imports/dur/read-dur-sources';
import type { PartialHandlerTable } from '../handler-table';

/**
 * `imports.dur`: asks for the Data Uses Register (the workbook, or one of its sheets saved as CSV,
 * which brings the other sheets beside it), reads it in a worker thread, imports it in one transaction, and returns what it
 * created and updated. A problem in the file names the sheet, row and column, and nothing is written.
 */
export const importsHandlers: PartialHandlerTable<'imports.dur'> = {
  'imports.dur': async (request, context) => {
    const chosen = await context.dialogs.chooseFileToOpen({
      title: 'Import NHS England’s Data Uses Register',
      filters: [{ name: 'Data Uses Register (XLSX workbook, or a sheet saved as CSV)', extensions: ['xlsx', 'csv'] }],
    });
    if (!chosen) return { cancelled: true as const };
    const path = context.grantedPaths.resolve(context.grantedPaths.grant(chosen, 'read'), 'read');
    try {
      const filter = request.organisation ? { organisation: request.organisation } : {};
      // Read and checked in a worker thread (a hostile workbook must not take main down), written here.
      const read = await readDurInWorker({ paths: durFilesBeside(path), filter });
      const summary = writeDurImport(context.db, context, read, filter);
      return { cancelled: false as const, summary };
    } catch (error) {
      if (error instanceof DurImportError) throw new UserFacingError('BAD_REQUEST', `${error.message}. Nothing was imported: correct the file and import it again.`);
      throw error;
    }
  },
};
