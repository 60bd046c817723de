import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { readProfileFile } from './profile-files';
import { createAtomicFile } from './write/atomic-file';

/**
 * Custom profiles the user saved or opened, kept as JSON files in the app's data folder so they
 * are offered again next time. A file that no longer validates is left out, not "repaired".
 */
export function customProfilesFolder(dataDir: string): string {
  return join(dataDir, 'disclosure-profiles');
}

export function listCustomProfiles(dataDir: string): DisclosureProfile[] {
  const folder = customProfilesFolder(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const profiles: DisclosureProfile[] = [];
  for (const name of names.sort()) {
    try {
      profiles.push(readProfileFile(join(folder, name)));
    } catch {
      // An invalid or unreadable file is skipped; the user still has their own copy.
    }
  }
  return profiles;
}

/** Writes a profile as pretty JSON, atomically. */
export function writeProfileFile(path: string, profile: DisclosureProfile): void {
  const file = createAtomicFile(path);
  try {
    writeFileSync(file.tempPath, `${JSON.stringify(profile, null, 2)}\n`, { mode: 0o644 });
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

export function keepCustomProfile(dataDir: string, profile: DisclosureProfile): void {
  const folder = customProfilesFolder(dataDir);
  mkdirSync(folder, { recursive: true });
  writeProfileFile(join(folder, `${profile.id}.json`), profile);
}
