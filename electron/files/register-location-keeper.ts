import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Encrypts with the OS keychain: Electron's safeStorage in the app, something else in tests. */
export interface SecretSealer {
  available: () => boolean;
  encrypt: (text: string) => Buffer;
  decrypt: (sealed: Buffer) => string;
}

/** The register location saved in Settings, kept outside any register (it says which one to open). */
export interface RegisterLocationKeeper {
  readonly fromEnvironment: boolean;
  keychainAvailable(): boolean;
  read(): { location: string; hasPassword: boolean } | null;
  /** The saved location with its password, for opening it at start. */
  open(): { location: string; password: string | null } | null;
  save(location: string, password: string | null): void;
}

const storedSchema = z.object({ location: z.string().min(1), sealedPassword: z.string().nullable() });

/**
 * Keeps the location in `register-location.json` in the user-data folder (mode 600, replaced by a
 * rename so a crash never leaves half a file), and its password only as the keychain's ciphertext.
 */
export function registerLocationFile(folder: string, sealer: SecretSealer, fromEnvironment: boolean): RegisterLocationKeeper {
  const file = join(folder, 'register-location.json');
  const load = () => {
    if (!existsSync(file)) return null;
    const parsed = storedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  };
  return {
    fromEnvironment,
    keychainAvailable: () => sealer.available(),
    read() {
      const stored = load();
      return stored ? { location: stored.location, hasPassword: stored.sealedPassword !== null } : null;
    },
    open() {
      const stored = load();
      if (!stored) return null;
      return { location: stored.location, password: stored.sealedPassword ? sealer.decrypt(Buffer.from(stored.sealedPassword, 'base64')) : null };
    },
    save(location, password) {
      if (password !== null && !sealer.available()) throw new Error('This computer’s keychain is not available, so a password cannot be kept safely: use a PGPASSFILE instead.');
      const sealedPassword = password === null ? null : sealer.encrypt(password).toString('base64');
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ location, sealedPassword }, null, 2), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
  };
}
