// Run as a separate process by the team-register test and benchmark: one member of a team making
// COUNT changes to a shared register, started together with the others once GO_FILE exists.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../electron/db/open-database';
import { applyTeamChange } from './team-changes';

const [location, clientText, countText, goFile] = process.argv.slice(2);
if (!location || !clientText || !countText || !goFile) throw new Error('usage: team-writer-process.ts REGISTER CLIENT COUNT GO_FILE');
const client = Number(clientText);
const { db } = openDatabase(location, { create: false });
const actor = { now: () => new Date(), osUser: `client-${client}` };
process.stdout.write('ready\n');
while (!existsSync(goFile)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
const started = performance.now();
for (let j = 0; j < Number(countText); j++) applyTeamChange(db, actor, client, j);
process.stdout.write(`done ${performance.now() - started}\n`);
db.close();
