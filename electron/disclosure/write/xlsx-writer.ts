import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../shared/exports/spreadsheet-safety';
import { createAtomicFile } from './atomic-file';
import type { OutputCell, TableWriter } from './table-writer';

/**
 * Writes a published table as XLSX with exceljs's streaming writer: one visible sheet of values
 * (numbers as numbers, text neutralised against formulas), a visible Legend sheet, and nothing else:
 * no formulas, no hidden sheets, no comments, no styles or caches that could carry other values.
 */
export function createXlsxWriter(target: string): TableWriter {
  const file = createAtomicFile(target);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file.tempPath, useStyles: false, useSharedStrings: false });
  workbook.creator = 'Custodian';
  const sheet = workbook.addWorksheet('Table');

  let finished = false;
  const safe = (cells: readonly OutputCell[]) => cells.map((cell) => (typeof cell === 'number' ? cell : neutraliseFormula(cell)));

  return {
    writeRow(cells) {
      sheet.addRow(safe(cells)).commit();
    },
    async finish(legend) {
      sheet.commit();
      const legendSheet = workbook.addWorksheet('Legend');
      for (const line of legend) legendSheet.addRow(safe([line])).commit();
      legendSheet.commit();
      await workbook.commit();
      finished = true;
      const sha256 = await hashFile(file.tempPath);
      return { sha256, commit: () => file.commit() };
    },
    async abort() {
      // A finished workbook is closed already; an unfinished one is closed so its file can go.
      if (!finished) {
        try {
          await workbook.commit();
        } catch {
          // The partial workbook is being thrown away.
        }
      }
      file.abort();
    },
  };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
