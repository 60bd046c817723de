// Regenerates docs/register-snapshot.schema.json from the zod schema (npm run schema:register).
import { writeFileSync } from 'node:fs';
import { registerSnapshotJsonSchema } from '../shared/register/snapshot-json-schema';

const target = new URL('../docs/register-snapshot.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(registerSnapshotJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
