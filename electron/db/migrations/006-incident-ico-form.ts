import type { Migration } from './migration';

/**
 * What the ICO's personal data breach report asks that migration 004 did not keep, and follow-up
 * notifications (shared/incidents/incident-records.ts):
 * - `how_discovered` and `ico_case_reference` on the incident (free text, like its other answers).
 *   The new categories of data (biometric, political opinions, trade union membership) need no
 *   column: the categories are a JSON list checked by zod.
 * - `kind` on each notification: the initial report or a follow-up. Registers written before this
 *   migration get it from the order they were sent in: in each thread (a recipient, and for
 *   "other" the named recipient) the first is the initial report and every later one a follow-up,
 *   which is what the clocks already assumed (they stop at the first notification).
 * - A thread has at most one initial report (a partial unique index), so the clock a recipient
 *   stops at is never in doubt.
 */
const thread = `recipient, CASE WHEN recipient = 'other' THEN lower(trim(coalesce(recipient_detail, ''))) ELSE '' END`;

const schema = `
ALTER TABLE incidents ADD COLUMN how_discovered TEXT;
ALTER TABLE incidents ADD COLUMN ico_case_reference TEXT;
ALTER TABLE incident_notifications ADD COLUMN kind TEXT NOT NULL DEFAULT 'initial' CHECK (kind IN ('initial', 'follow-up'));
UPDATE incident_notifications AS n SET kind = 'follow-up'
 WHERE EXISTS (
   SELECT 1 FROM incident_notifications AS e
    WHERE e.incident_id = n.incident_id AND e.recipient = n.recipient
      AND (n.recipient <> 'other' OR lower(trim(coalesce(e.recipient_detail, ''))) = lower(trim(coalesce(n.recipient_detail, ''))))
      AND (e.sent_at < n.sent_at OR (e.sent_at = n.sent_at AND e.rowid < n.rowid)));
CREATE UNIQUE INDEX incident_notifications_one_initial ON incident_notifications (incident_id, ${thread}) WHERE kind = 'initial';
`;

export const migration006IncidentIcoForm: Migration = {
  version: 6,
  name: 'incident-ico-form',
  up(db) {
    db.exec(schema);
  },
};
