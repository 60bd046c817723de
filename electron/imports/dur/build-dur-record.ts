import type { z } from 'zod';
import { DurImportError, type DurPlace } from './dur-import-error';

/** The fields the register states: a value the register leaves blank never blanks out what the user recorded. */
export function nonNull<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: NonNullable<T[K]> };
}

/** Describes a field to a person when the register rejects its value. */
const fieldNames: Record<string, string> = {
  legalName: 'the organisation name',
  title: 'the application title',
  endDate: 'the end date',
  startDate: 'the start date',
  objective: 'the objective',
  processingActivities: 'the processing activities',
  expectedOutputs: 'the expected output',
  expectedBenefits: 'the expected benefits',
  lawfulBases: 'the common law duty of confidentiality',
  name: 'the dataset name',
  legalBasisForProvision: 'the legal basis',
  darsFileReference: 'the file reference',
};

/**
 * Checks a record against the register's schema. A rejected value is reported at the column it
 * came from when known (e.g. an end date before the start date, at "DSA End Date").
 */
export function validated<S extends z.ZodType>(schema: S, value: unknown, place: DurPlace, columns: Record<string, DurPlace> = {}): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const at = columns[field] ?? place;
  const what = at.column ? '' : `${fieldNames[field] ?? field} `;
  throw new DurImportError(at, `${what}${issue.message}`.trim());
}
