/**
 * The PDF foundations every Custodian document is built on (holdings audit report, certificates of
 * destruction, incident reports). Start with `ReportDocument`; the other exports are for drawing
 * of your own on `report.doc`.
 */
export { ReportDocument, type ReportDocumentOptions, type KeyValueRows } from './report-document';
export { drawTable, formatCell, columnWidths, type TableSpec, type TableColumn, type CellValue } from './pdf-table';
export { ensureSpace, spaceLeft, writeTextBlock, drawLine, lineHeightFor, measureWith, isDryRun, type PageFlow, type TextBlockOptions } from './page-flow';
export { toWinAnsi, isWinAnsiDrawable } from './win-ansi';
export { wrapText, type MeasureText } from './wrap-text';
export { formatGeneratedAt, defaultReportTimeZone } from './generated-at';
export { reportColours, reportFonts, reportSizes, reportPage } from './report-style';
