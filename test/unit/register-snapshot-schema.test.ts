import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerSnapshotJsonSchema } from '../../shared/register/snapshot-json-schema';

describe('docs/register-snapshot.schema.json', () => {
  it('is exactly what the import’s zod schema generates (run "npm run schema:register" after changing a record)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/register-snapshot.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(registerSnapshotJsonSchema());
  });

  it('describes every list of the register and the fields people fill in', () => {
    const schema = registerSnapshotJsonSchema() as {
      required: string[];
      properties: { register: { required: string[]; properties: Record<string, { items: { properties: Record<string, unknown>; required: string[] } }> } };
    };
    expect(schema.required).toEqual(['format', 'formatVersion', 'exportedAt', 'register']);
    expect(schema.properties.register.required).toHaveLength(12);
    const copy = schema.properties.register.properties.copies!.items;
    expect(copy.required).toEqual(expect.arrayContaining(['id', 'holdingId', 'locationId', 'kind', 'createdDate']));
    expect(copy.properties.createdDate).toMatchObject({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });
});
