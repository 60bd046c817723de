import type { IsoDate } from '../../../shared/register/dates';
import { frequencies, sensitivities, typesOfData } from '../../../shared/register/vocabulary';
import {
  oneOf,
  optOuts,
  organisationNames,
  requiredDate,
  requiredMonth,
  requiredText,
  soleOrJoint,
  textOf,
  yesNo,
} from './dur-cell-values';
import { DurImportError, type DurPlace } from './dur-import-error';
import { agreementColumns, datasetColumns, releaseColumns, type DurSheetName } from './dur-sheets';
import { readRows, type RawCell, type RawSheet } from './raw-sheet';

/** A DSA version as the register's Agreements sheet describes it (one row per version). */
export interface DurAgreement {
  place: DurPlace;
  reference: string;
  nicReference: string;
  version: string;
  title: string | null;
  applicant: string;
  controllers: string[];
  controllerType: 'sole' | 'joint' | null;
  startDate: IsoDate;
  endDate: IsoDate;
  sublicensing: boolean | null;
  commercial: boolean | null;
  objective: string | null;
  processingActivities: string | null;
  expectedOutputs: string | null;
  expectedBenefits: string | null;
  /** Where each field came from, to name the column when the register rejects its value. */
  columns: Record<string, DurPlace>;
}

export interface DurDataset {
  place: DurPlace;
  nicReference: string;
  version: string;
  reference: string;
  name: string;
  typeOfData: (typeof typesOfData)[number] | null;
  sensitivity: (typeof sensitivities)[number] | null;
  frequency: (typeof frequencies)[number] | null;
  legalBasisForProvision: string | null;
  commonLawBasis: string | null;
  columns: Record<string, DurPlace>;
}

export interface DurRelease {
  place: DurPlace;
  nicReference: string;
  version: string;
  reference: string;
  dataset: string;
  fileReference: string;
  /** The first day of the month the file was released. */
  releasedMonth: IsoDate;
  optOutsApplied: 'Yes' | 'No' | 'Mixed' | null;
  columns: Record<string, DurPlace>;
}

export interface DurContent {
  sheetsRead: DurSheetName[];
  agreements: DurAgreement[];
  datasets: DurDataset[];
  releases: DurRelease[];
  /** Rows of agreements the filter left out. */
  rowsSkipped: number;
}

const referencePattern = /^(DARS-NIC-\d{5,6}-[A-Z0-9]{5})-v(\d+(?:\.\d+)*)$/i;

/** "DARS-NIC-00574-V2H1F-v4.2" → the agreement's NIC reference and the version, as the register keeps them. */
export function parseReference(cell: RawCell, place: DurPlace): { reference: string; nicReference: string; version: string } {
  const text = requiredText(cell, place).replace(/\s+/g, '');
  const match = referencePattern.exec(text);
  if (!match) {
    const noVersion = /^DARS-NIC-\d{5,6}-[A-Z0-9]{5}$/i.test(text);
    throw new DurImportError(
      place,
      noVersion
        ? `"${text}" has no version; NHS England writes it with the version, e.g. ${text.toUpperCase()}-v1`
        : `"${text}" is not a DSA reference such as DARS-NIC-00574-V2H1F-v4.2`,
    );
  }
  const nicReference = match[1]!.toUpperCase();
  return { reference: `${nicReference}-v${match[2]}`, nicReference, version: match[2]! };
}

/**
 * Which agreements to import from a register that lists every organisation's: those whose applicant
 * or a data controller is `organisation` (by name, ignoring case), and/or those with these NIC
 * references. Rows of other agreements are skipped without being checked.
 */
export interface DurFilter {
  organisation?: string;
  nicReferences?: readonly string[];
}

/** Reads and checks every row of the sheets (of the agreements the filter keeps); stops at the first problem. */
export function parseDur(sheets: readonly RawSheet[], filter: DurFilter = {}): DurContent {
  const content: DurContent = { sheetsRead: sheets.map((s) => s.sheet), agreements: [], datasets: [], releases: [], rowsSkipped: 0 };
  const keep = agreementFilter(filter);
  const byName = (name: DurSheetName) => sheets.find((s) => s.sheet === name);
  const agreements = byName('Agreements');
  if (agreements) content.agreements = keptRows(parseAgreements(agreements, keep), content);
  const filtered = filter.organisation !== undefined || filter.nicReferences !== undefined;
  const kept = new Set(content.agreements.map((a) => a.reference));
  const keepReference = (reference: string): boolean => !filtered || kept.has(reference);
  const datasets = byName('Datasets');
  if (datasets) content.datasets = keptRows(parseDatasets(datasets, keepReference), content);
  const releases = byName('DataReleases');
  if (releases) content.releases = keptRows(parseReleases(releases, keepReference), content);
  return content;
}

function keptRows<T>(rows: readonly (T | null)[], content: DurContent): T[] {
  const kept = rows.filter((r): r is T => r !== null);
  content.rowsSkipped += rows.length - kept.length;
  return kept;
}

function agreementFilter(filter: DurFilter): (nicReference: string, organisations: readonly string[]) => boolean {
  const organisation = filter.organisation?.replace(/\s+/g, ' ').trim().toLowerCase();
  const references = filter.nicReferences ? new Set(filter.nicReferences.map((r) => r.trim().toUpperCase())) : null;
  return (nicReference, organisations) =>
    (references === null || references.has(nicReference)) &&
    (organisation === undefined || organisations.some((name) => name.toLowerCase() === organisation));
}

function parseAgreements(sheet: RawSheet, keep: (nicReference: string, organisations: readonly string[]) => boolean): (DurAgreement | null)[] {
  return readRows(sheet, agreementColumns, ({ place, cell, at }) => {
    const ref = parseReference(cell('Reference Number'), at('Reference Number'));
    const applicant = requiredText(cell('Applicant Organisation'), at('Applicant Organisation')).replace(/\s+/g, ' ');
    const controllers = organisationNames(cell('Data Controller(s)'));
    if (!keep(ref.nicReference, [applicant, ...controllers])) return null;
    if (controllers.length === 0) throw new DurImportError(at('Data Controller(s)'), 'is empty; every agreement names at least one data controller');
    return {
      place,
      ...ref,
      title: textOf(cell('Application Title')),
      applicant,
      controllers,
      controllerType: soleOrJoint(cell('Sole/Joint Data Controller'), at('Sole/Joint Data Controller')),
      startDate: requiredDate(cell('DSA Start Date'), at('DSA Start Date')),
      endDate: requiredDate(cell('DSA End Date'), at('DSA End Date')),
      sublicensing: yesNo(cell('Does Sublicensing Apply'), at('Does Sublicensing Apply')),
      commercial: yesNo(cell('For Commercial Purposes'), at('For Commercial Purposes')),
      objective: textOf(cell('Objective for Processing')),
      processingActivities: textOf(cell('Processing Activities')),
      expectedOutputs: textOf(cell('Expected Output')),
      expectedBenefits: textOf(cell('Expected Measurable Benefits')),
      columns: {
        title: at('Application Title'),
        applicant: at('Applicant Organisation'),
        controllers: at('Data Controller(s)'),
        startDate: at('DSA Start Date'),
        endDate: at('DSA End Date'),
        objective: at('Objective for Processing'),
        processingActivities: at('Processing Activities'),
        expectedOutputs: at('Expected Output'),
        expectedBenefits: at('Expected Measurable Benefits'),
      },
    };
  });
}

function parseDatasets(sheet: RawSheet, keep: (reference: string) => boolean): (DurDataset | null)[] {
  return readRows(sheet, datasetColumns, ({ place, cell, at }) => {
    const ref = parseReference(cell('Reference Number'), at('Reference Number'));
    if (!keep(ref.reference)) return null;
    return {
      place,
      ...ref,
      name: requiredText(cell('Dataset'), at('Dataset')).replace(/\s+/g, ' '),
      typeOfData: oneOf(cell('Type of Data'), at('Type of Data'), typesOfData),
      sensitivity: oneOf(cell('Sensitive or Non-Sensitive'), at('Sensitive or Non-Sensitive'), sensitivities),
      frequency: oneOf(cell('Frequency'), at('Frequency'), frequencies),
      legalBasisForProvision: textOf(cell('Legal Basis for Provision of Data')),
      commonLawBasis: textOf(cell('Common Law Duty of Confidentiality')),
      columns: {
        name: at('Dataset'),
        legalBasisForProvision: at('Legal Basis for Provision of Data'),
        commonLawBasis: at('Common Law Duty of Confidentiality'),
      },
    };
  });
}

function parseReleases(sheet: RawSheet, keep: (reference: string) => boolean): (DurRelease | null)[] {
  return readRows(sheet, releaseColumns, ({ place, cell, at }) => {
    const ref = parseReference(cell('Reference Number'), at('Reference Number'));
    if (!keep(ref.reference)) return null;
    return {
      place,
      ...ref,
      dataset: requiredText(cell('Dataset'), at('Dataset')).replace(/\s+/g, ' '),
      fileReference: requiredText(cell('File Reference'), at('File Reference')),
      releasedMonth: requiredMonth(cell('Month File Released'), at('Month File Released')),
      optOutsApplied: optOuts(cell('Patient Opt-Outs Applied'), at('Patient Opt-Outs Applied')),
      columns: {
        dataset: at('Dataset'),
        darsFileReference: at('File Reference'),
        receivedDate: at('Month File Released'),
      },
    };
  });
}
