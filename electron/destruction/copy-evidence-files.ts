import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RegisterConnection } from '../db/register-connection';

export interface EvidenceCopy {
  copied: number;
  alreadyThere: number;
  /** Evidence the register names that the source's data folder lacks, or holds changed (by its hash). */
  problems: string[];
}

/**
 * The evidence files a register names, copied from one data folder to another when a register moves
 * (copy-register): each checked against the SHA-256 the register recorded, written under the same
 * relative path beside a temporary name and renamed into place. Files already there with the right
 * hash are left alone, so a second copy costs nothing.
 */
export function copyEvidenceFiles(db: RegisterConnection, fromDir: string, toDir: string): EvidenceCopy {
  const result: EvidenceCopy = { copied: 0, alreadyThere: 0, problems: [] };
  if (resolve(fromDir) === resolve(toDir)) return result;
  const rows = db.prepare('SELECT stored_path AS path, sha256 FROM destruction_evidence ORDER BY rowid').all() as { path: string; sha256: string }[];
  const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  for (const { path, sha256: recorded } of rows) {
    const [source, target] = [join(fromDir, path), join(toDir, path)];
    if (existsSync(target) && sha256(target) === recorded) {
      result.alreadyThere++;
      continue;
    }
    if (!existsSync(source)) {
      result.problems.push(`evidence ${path} is not in ${fromDir}`);
      continue;
    }
    if (sha256(source) !== recorded) {
      result.problems.push(`evidence ${path} in ${fromDir} no longer matches the SHA-256 recorded for it`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    copyFileSync(source, temporary);
    renameSync(temporary, target);
    result.copied++;
  }
  return result;
}
