import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { UserFacingError } from '../../shared/ipc/result';

/**
 * The file to write for a name the user chose in a save dialog. A name typed without the extension
 * gets it, but the dialog asked "replace?" about the name it was given, not about NAME.ext: adding
 * the extension must never silently replace a file the user was not asked about.
 */
export function savePathWithExtension(chosen: string, extension: string): string {
  const suffix = `.${extension.toLowerCase()}`;
  if (chosen.toLowerCase().endsWith(suffix)) return chosen;
  const path = `${chosen}${suffix}`;
  if (existsSync(path)) {
    throw new UserFacingError(
      'CONFLICT',
      `${basename(path)} already exists and was not offered for replacing: save again and choose ${basename(path)} itself to replace it, or give another name. Nothing was written.`,
    );
  }
  return path;
}
