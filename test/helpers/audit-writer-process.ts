// Run as a separate process by tests: keeps writing to a register (one organisation, so one audit
// entry, per transaction) until killed, as the CLI or the app would beside a reader.
import { openDatabase } from '../../electron/db/open-database';
import { createRecord } from '../../electron/register/register-service';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: audit-writer-process.ts REGISTER');
const { db } = openDatabase(path, { create: false });
const actor = { now: () => new Date(), osUser: 'writer' };
process.stdout.write('ready\n');
for (let i = 1; ; i++) createRecord(db, actor, 'organisation', { legalName: `Concurrent organisation ${i}` });
