import { z } from 'zod';
import { registerSnapshotSchema } from './snapshot';

/**
 * The JSON Schema of a register snapshot file, generated from the zod schema the import uses, so the
 * two cannot drift (a test compares it with docs/register-snapshot.schema.json). It describes what
 * `custodian import register` accepts: fields that have a default may be left out. Checks zod makes
 * in code (real calendar dates, end after start, references between records) are not expressible
 * in JSON Schema and are listed in docs/register-snapshot.md instead.
 */
export function registerSnapshotJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(registerSnapshotSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Custodian register snapshot',
    description:
      'The whole register of data held under NHS England Data Sharing Agreements, as written by "custodian export register" and read by "custodian import register".',
  };
}
