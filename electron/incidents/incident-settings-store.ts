import type { RegisterConnection } from '../db/register-connection';
import { defaultIncidentSettings, incidentSettingsSchema, type IncidentSettings, type IncidentSettingsPatch } from '../../shared/incidents/incident-settings';
import { prepared } from '../db/statement-cache';
import { appendAudit, type AuditActor } from '../register/audit-log';

/**
 * The incident settings, one JSON value per key in `incident_settings`. A key never written, or
 * one that no longer passes its schema, reads as its default, so a register always has a usable
 * grid; the settings panel shows what is in force.
 */
export function readIncidentSettings(db: RegisterConnection): IncidentSettings {
  const defaults = defaultIncidentSettings();
  const merged: Record<string, unknown> = { ...defaults };
  for (const row of prepared(db, 'SELECT key, value FROM incident_settings').all() as { key: string; value: string }[]) {
    if (!(row.key in defaults)) continue;
    const candidate = { ...defaults, [row.key]: JSON.parse(row.value) };
    if (incidentSettingsSchema.safeParse(candidate).success) merged[row.key] = candidate[row.key as keyof IncidentSettings];
  }
  return incidentSettingsSchema.parse(merged);
}

/** Changes the settings given (validated as a whole), audited in the same transaction. */
export function writeIncidentSettings(db: RegisterConnection, actor: AuditActor, patch: IncidentSettingsPatch): IncidentSettings {
  return db
    .transaction(() => {
      const before = readIncidentSettings(db);
      const after = incidentSettingsSchema.parse({ ...before, ...patch });
      const upsert = prepared(db, 'INSERT INTO incident_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      const changed: string[] = [];
      for (const key of Object.keys(patch) as (keyof IncidentSettings)[]) {
        if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
        upsert.run(key, JSON.stringify(after[key]));
        changed.push(key);
      }
      if (changed.length > 0) {
        const pick = (s: IncidentSettings) => Object.fromEntries(changed.map((k) => [k, s[k as keyof IncidentSettings]]));
        appendAudit(db, actor, { action: 'update', recordKind: 'incidentSettings', recordId: null, before: pick(before), after: pick(after) });
      }
      return after;
    })
    .immediate();
}
