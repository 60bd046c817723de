import type { RegisterConnection } from './register-connection';
import { prepared } from './statement-cache';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings/settings';

/** Settings are stored one JSON value per key so that adding a setting needs no migration. */
export function readSettings(db: RegisterConnection): Settings {
  // Read before every audit entry (for the display name): prepared once per connection.
  const rows = prepared(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A value we cannot read falls back to its default rather than locking the user out.
    }
  }
  const merged = { ...defaultSettings, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSettings;
}

export function writeSettings(db: RegisterConnection, patch: SettingsPatch): Settings {
  const next = settingsSchema.parse({ ...readSettings(db), ...patch });
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(next[key as keyof Settings]));
    }
  })();
  return next;
}
