import type { RegisterConnection } from '../db/register-connection';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `.NAME.<pid>.<hex>.tmp`, as temporaryPathFor names them, for the kinds of file Custodian exports:
 * another program's temporary files in the same folder are never touched.
 */
const temporaryName = /^\.(.+\.(?:csv|xlsx|pdf|ics|json))\.(\d+)\.[0-9a-f]{8}\.tmp$/i;

/**
 * Settles the temporary files that runs killed part-way left in `folder`. An export commits its
 * audit entry (file name and SHA-256) first and renames its temporary file into place after, so a
 * run killed between the two left a temporary file the register says was exported: it is renamed
 * into place if nothing has taken that name since (finished), else removed. Any other temporary
 * file of a dead process never got that far and is removed (undone). Files of live processes (an
 * export running now in another window or shell) are left alone.
 */
export function settleTemporaryFiles(db: RegisterConnection, folder: string): { finished: string[]; removed: string[] } {
  const settled = { finished: [] as string[], removed: [] as string[] };
  if (!existsSync(folder)) return settled;
  for (const name of readdirSync(folder)) {
    const match = temporaryName.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const file = join(folder, name);
    const target = join(folder, match[1]!);
    if (!existsSync(target) && wasExported(db, match[1]!, createHash('sha256').update(readFileSync(file)).digest('hex'))) {
      renameSync(file, target);
      settled.finished.push(target);
    } else {
      rmSync(file, { force: true });
      settled.removed.push(file);
    }
  }
  return settled;
}

function wasExported(db: RegisterConnection, fileName: string, sha256: string): boolean {
  const details = db.prepare("SELECT detail_json AS detail FROM audit_log WHERE action = 'export' AND detail_json LIKE ?").pluck(true).all(`%${sha256}%`) as string[];
  return details.some((text) => {
    // An export names its file at the top level; a disclosure export under `output`.
    const detail = JSON.parse(text) as { file?: unknown; sha256?: unknown; output?: { file?: unknown; sha256?: unknown } | null };
    return (detail.file === fileName && detail.sha256 === sha256) || (detail.output?.file === fileName && detail.output?.sha256 === sha256);
  });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
