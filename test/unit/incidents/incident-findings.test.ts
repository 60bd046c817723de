import { describe, expect, it } from 'vitest';
import { computeIncidentFindings } from '../../../shared/incidents/incident-findings';
import { findingSchema, incidentFindingCodes } from '../../../shared/register/findings';
import { assessment, incident, notification } from '../../helpers/incident-fixtures';

const settings = { darsTargetHours: 24 };
const at = (iso: string) => new Date(iso);
// Became aware Friday 27 March 2026 10:00 GMT: DARS due 28 March 10:00 GMT, ICO due 30 March 11:00 BST.

describe('incident findings: the notification clocks as findings', () => {
  it('shows both clocks running an hour after becoming aware: DARS (high, under 24 hours left) and the ICO (medium)', () => {
    const findings = computeIncidentFindings([incident()], settings, at('2026-03-27T11:00:00Z'));
    expect(findings.map((f) => [f.code, f.id, f.severity, f.dueDate])).toEqual([
      ['INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_DUE:inc-1:dars', 'high', '2026-03-28'],
      ['INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_DUE:inc-1:ico', 'medium', '2026-03-30'],
    ]);
    expect(findings[1]!.title).toBe('INC-2026-001: notify the ICO by 30 March 2026, 11:00 BST (2 days 23 hours left)');
    expect(findings[1]!.subjects).toEqual([{ kind: 'incident', id: 'inc-1', label: 'INC-2026-001 HES extract found in an unapproved cloud bucket' }]);
    for (const finding of findings) expect(findingSchema.parse(finding)).toEqual(finding);
  });

  it('turns overdue at the deadline, high, and asks for the reason it is late', () => {
    const findings = computeIncidentFindings([incident({ notifications: [notification('dars', '2026-03-27T12:00:00Z')] })], settings, at('2026-03-30T10:00:00Z'));
    expect(findings).toHaveLength(1);
    const [overdue] = findings;
    expect(overdue!.code).toBe('INCIDENT_NOTIFICATION_OVERDUE');
    expect(overdue!.severity).toBe('high');
    expect(overdue!.title).toBe('INC-2026-001: the notification to the ICO was due 30 March 2026, 11:00 BST and is less than a minute overdue');
    expect(overdue!.action).toMatch(/Record why it was late\.$/);
  });

  it('is high in the ICO\u2019s last 24 hours', () => {
    const findings = computeIncidentFindings([incident({ notifications: [notification('dars', '2026-03-27T12:00:00Z')] })], settings, at('2026-03-29T10:00:00Z'));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['INCIDENT_NOTIFICATION_DUE', 'high']]);
  });

  it('goes when the notification is logged, when the ICO decision is not to notify, or when the incident is closed', () => {
    const notified = incident({ notifications: [notification('dars', '2026-03-27T12:00:00Z'), notification('ico', '2026-03-28T12:00:00Z')] });
    const notNotifying = incident({
      notifications: [notification('dars', '2026-03-27T12:00:00Z')],
      assessment: assessment(2, 2, { icoDecision: 'do-not-notify', icoDecisionReason: 'Not likely to affect anyone: recovered encrypted' }),
    });
    const closed = incident({ status: 'closed' });
    const later = at('2026-04-05T00:00:00Z');
    expect(computeIncidentFindings([notified, notNotifying, closed], settings, later)).toEqual([]);
  });

  it('gives one finding per incident and recipient, with the codes the issue names', () => {
    const findings = computeIncidentFindings([incident(), incident({ id: 'inc-2', reference: 'INC-2026-002' })], settings, at('2026-03-31T00:00:00Z'));
    expect(findings.map((f) => f.id)).toEqual([
      'INCIDENT_NOTIFICATION_OVERDUE:inc-1:dars',
      'INCIDENT_NOTIFICATION_OVERDUE:inc-1:ico',
      'INCIDENT_NOTIFICATION_OVERDUE:inc-2:dars',
      'INCIDENT_NOTIFICATION_OVERDUE:inc-2:ico',
    ]);
    expect(incidentFindingCodes).toEqual(['INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_OVERDUE']);
  });
});
