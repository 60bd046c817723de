import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import type { ServiceContext } from '../../electron/ipc/context';
import { createServiceContext } from '../../electron/service-context';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import { defaultRiskGrid } from '../../shared/incidents/risk-grid';
import { compliantRegister } from '../helpers/compliant-register';
import { incidentFields } from '../helpers/incident-fixtures';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { registerStores, useRegisterStore } from '../helpers/register-stores';

/**
 * The incident service through the IPC dispatch the app uses, on a real register: what a person
 * recording an incident would see succeed or be refused, and what is left in SQLite afterwards.
 */
describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);

  describe('recording an incident over its life', () => {
    const temp = useTempDir();
    let clock = new Date('2026-03-27T11:00:00Z');

    function open(): ServiceContext {
      clock = new Date('2026-03-27T11:00:00Z');
      const { context } = createServiceContext({ databasePath: where.location(), dataDir: temp.dir, appVersion: 't', now: () => clock });
      storeRegister(context.db, compliantRegister().build());
      return context;
    }

    async function call<M extends ApiMethod>(context: ServiceContext, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      const result = await dispatch(handlerTable, context, method, request);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as ApiResponse<M>;
    }

    async function refusal<M extends ApiMethod>(context: ServiceContext, method: M, request: ApiRequest<M>): Promise<{ code: string; message: string }> {
      const result = await dispatch(handlerTable, context, method, request);
      if (result.ok) throw new Error(`${method} should have been refused`);
      return result.error;
    }

    const auditActions = (context: ServiceContext) =>
      (context.db.prepare("SELECT action FROM audit_log WHERE record_kind LIKE 'incident%' ORDER BY seq").pluck().all() as string[]);

    it('creates an incident linked to register records, with a reference, audited in the same transaction', async () => {
      const context = open();
      const links = { dsaIds: ['hip'], datasetIds: ['hes-4.2'], holdingIds: ['hes-2024'], copyIds: ['c-2024-aws'], locationIds: ['aws-london'] };
      const first = await call(context, 'incidents.create', { fields: incidentFields({ links }) });
      const second = await call(context, 'incidents.create', { fields: incidentFields({ title: 'Laptop left on a train' }) });
      expect(first.incident.reference).toBe('INC-2026-001');
      expect(second.incident.reference).toBe('INC-2026-002');
      expect(first.incident.links).toEqual(links);
      expect(first.labels).toMatchObject({ hip: 'DARS-NIC-00574-V2H1F', 'aws-london': 'AWS eu-west-2 (London)' });
      expect(first.incident.becameAwareAt).toEqual({ at: '2026-03-27T10:00:00.000Z', timeZone: 'Europe/London' });
      expect(first.required.map((r) => [r.recipient, r.deadline])).toEqual([
        ['dars', '2026-03-28T10:00:00.000Z'],
        ['ico', '2026-03-30T10:00:00.000Z'],
      ]);
      expect(auditActions(context)).toEqual(['create', 'create']);
      const reread = await call(context, 'incidents.get', { id: first.incident.id });
      expect(reread.incident).toEqual(first.incident);
      context.db.close();
    });

    it('refuses a link to a record that is not in the register, naming the field, and stores nothing', async () => {
      const context = open();
      const error = await refusal(context, 'incidents.create', { fields: incidentFields({ links: { dsaIds: [], datasetIds: [], holdingIds: [], copyIds: ['c-2024-aws', 'nope'], locationIds: [] } }) });
      expect(error.message).toBe('links.copyIds[1]: copy "nope" does not exist in the register');
      expect(context.db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);
      expect(auditActions(context)).toEqual([]);
      context.db.close();
    });

    it('refuses a time zone that is not an IANA zone and a decision without its reason', async () => {
      const context = open();
      const zone = await refusal(context, 'incidents.create', { fields: incidentFields({ becameAwareAt: { at: '2026-03-27T10:00:00Z', timeZone: 'GMT+1 summer' } }) });
      expect(zone.message).toBe('fields.becameAwareAt.timeZone: must be an IANA time zone such as Europe/London');
      const { incident } = await call(context, 'incidents.create', { fields: incidentFields() });
      const reasonless = await refusal(context, 'incidents.assess', { id: incident.id, assessment: { likelihood: 2, severity: 1, icoDecision: 'do-not-notify' } });
      expect(reasonless.message).toBe('assessment.icoDecisionReason: is required: record why, whichever way the decision goes');
      context.db.close();
    });

    it('assesses on the grid in force and keeps that outcome when the grid is edited later', async () => {
      const context = open();
      const { incident } = await call(context, 'incidents.create', { fields: incidentFields() });
      const assessed = await call(context, 'incidents.assess', {
        id: incident.id,
        assessment: { likelihood: 5, severity: 4, icoDecision: 'notify', icoDecisionReason: 'Identifiable health data at an unapproved processor' },
      });
      expect(assessed.incident.assessment).toMatchObject({ outcome: 'Reportable to the ICO and DHSC', icoReportable: true, dhscReportable: true, likelihoodLabel: 'Occurred', severityLabel: 'Potentially pain and suffering, or financial loss' });
      expect(assessed.required.map((r) => r.recipient)).toEqual(['dars', 'ico', 'dhsc']);

      const grid = defaultRiskGrid();
      grid.cells = grid.cells.map((c) => ({ ...c, icoReportable: false, dhscReportable: false }));
      const settings = await call(context, 'incidents.settings.update', { grid });
      expect(settings.grid.cells.every((c) => !c.icoReportable)).toBe(true);
      const later = await call(context, 'incidents.get', { id: incident.id });
      expect(later.incident.assessment!.outcome).toBe('Reportable to the ICO and DHSC');
      expect(auditActions(context)).toEqual(['create', 'assess', 'update']);
      context.db.close();
    });

    it('refuses a late notification without its reason, and logs it with one', async () => {
      const context = open();
      const { incident } = await call(context, 'incidents.create', { fields: incidentFields() });
      const late = { recipient: 'ico' as const, sentAt: { at: '2026-03-30T13:00:00Z', timeZone: 'Europe/London' }, channel: 'dspt-incident-tool' as const, reference: 'DSPT-INC-4471' };
      const error = await refusal(context, 'incidents.recordNotification', { id: incident.id, notification: late });
      expect(error.message).toBe('lateReason: the notification to the ICO was sent 3 hours after its deadline (30 March 2026, 11:00 BST): give the reason it was late');
      const logged = await call(context, 'incidents.recordNotification', { id: incident.id, notification: { ...late, lateReason: 'The DSPT tool was unavailable on Monday morning' } });
      expect(logged.incident.notifications).toHaveLength(1);
      const [n] = logged.incident.notifications;
      const acknowledged = await call(context, 'incidents.recordNotification', {
        id: incident.id,
        notificationId: n!.id,
        notification: { ...late, lateReason: n!.lateReason, acknowledgedAt: { at: '2026-03-30T15:00:00Z', timeZone: 'Europe/London' }, acknowledgementReference: 'ICO/IC-12345' },
      });
      expect(acknowledged.incident.notifications).toHaveLength(1);
      expect(acknowledged.incident.notifications[0]!.acknowledgementReference).toBe('ICO/IC-12345');
      context.db.close();
    });

    it('refuses to close while a required notification is outstanding, says which, and leaves the incident open', async () => {
      const context = open();
      const { incident } = await call(context, 'incidents.create', { fields: incidentFields() });
      await call(context, 'incidents.assess', {
        id: incident.id,
        assessment: { likelihood: 4, severity: 3, icoDecision: 'notify', icoDecisionReason: 'Likely risk to patients', individualsDecision: 'do-not-tell', individualsDecisionReason: 'No high risk: no access by others' },
      });
      await call(context, 'incidents.recordNotification', { id: incident.id, notification: { recipient: 'dars', sentAt: { at: '2026-03-27T12:00:00Z', timeZone: 'Europe/London' }, channel: 'email' } });
      const { incident: withAction } = await call(context, 'incidents.recordAction', { id: incident.id, action: { kind: 'containment', description: 'Delete the stray copy', owner: 'Data engineering lead', dueDate: '2026-03-28' } });

      const refused = await refusal(context, 'incidents.setStatus', { id: incident.id, status: 'closed' });
      expect(refused.code).toBe('REFUSED');
      expect(refused.message).toBe(
        'INC-2026-001 cannot be closed while these 2 are outstanding: (1) The notification to the ICO (due 30 March 2026, 11:00 BST) has not been recorded. (2) The containment action "Delete the stray copy" (owner Data engineering lead, due 28 March 2026) is still open.',
      );
      expect(context.db.prepare('SELECT status, closed_at FROM incidents').get()).toEqual({ status: 'open', closed_at: null });

      await call(context, 'incidents.recordNotification', { id: incident.id, notification: { recipient: 'ico', sentAt: { at: '2026-03-28T09:00:00Z', timeZone: 'Europe/London' }, channel: 'dspt-incident-tool' } });
      await call(context, 'incidents.recordAction', { id: incident.id, actionId: withAction.actions[0]!.id, action: { kind: 'containment', description: 'Delete the stray copy', owner: 'Data engineering lead', dueDate: '2026-03-28', status: 'done', completedDate: '2026-03-28' } });
      clock = new Date('2026-04-02T09:00:00Z');
      const closed = await call(context, 'incidents.setStatus', { id: incident.id, status: 'closed', lessonsLearned: 'Block buckets outside approved regions.' });
      expect(closed.incident).toMatchObject({ status: 'closed', closedAt: '2026-04-02T09:00:00.000Z', containedAt: '2026-04-02T09:00:00.000Z', lessonsLearned: 'Block buckets outside approved regions.' });
      expect(closed.outstanding).toEqual([]);
      expect(auditActions(context)).toEqual(['create', 'assess', 'notification', 'action', 'notification', 'action', 'close']);

      const reopened = await call(context, 'incidents.setStatus', { id: incident.id, status: 'open' });
      expect(reopened.incident).toMatchObject({ status: 'open', closedAt: null });
      context.db.close();
    });

    it('joins the incident clocks to findings.list: due, then overdue', async () => {
      const context = open();
      await call(context, 'incidents.create', { fields: incidentFields() });
      const incidentOnly = (findings: ApiResponse<'findings.list'>['findings']) => findings.filter((f) => f.code.startsWith('INCIDENT_'));
      const running = await call(context, 'findings.list', {});
      // The register's own findings are still there (this register's assurances start later), merged in severity order.
      expect(running.findings.some((f) => f.code === 'ASSURANCE_EXPIRED')).toBe(true);
      expect(running.findings[0]!.code).toBe('INCIDENT_NOTIFICATION_DUE');
      expect(incidentOnly(running.findings).map((f) => [f.code, f.severity, f.dueDate])).toEqual([
        ['INCIDENT_NOTIFICATION_DUE', 'high', '2026-03-28'],
        ['INCIDENT_NOTIFICATION_DUE', 'medium', '2026-03-30'],
      ]);
      clock = new Date('2026-03-31T08:00:00Z');
      const overdue = await call(context, 'findings.list', {});
      expect(incidentOnly(overdue.findings).map((f) => f.code)).toEqual(['INCIDENT_NOTIFICATION_OVERDUE', 'INCIDENT_NOTIFICATION_OVERDUE']);
      // A findings request for an earlier date judges the clocks at the end of that day.
      const asOfBefore = await call(context, 'findings.list', { asOf: '2026-03-27' });
      expect(incidentOnly(asOfBefore.findings).map((f) => f.code)).toEqual(['INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_DUE']);
      context.db.close();
    });

    it('opens an incident from a finding, pre-filled, and refuses a finding that is gone', async () => {
      const context = open();
      context.db.prepare("UPDATE locations SET country = 'United States' WHERE id = 'aws-london'").run();
      const { findings } = await call(context, 'findings.list', {});
      const outside = findings.find((f) => f.code === 'LOCATION_OUTSIDE_TERRITORY')!;
      const draft = await call(context, 'incidents.draftFromFinding', { findingId: outside.id });
      expect(draft.fields).toMatchObject({ type: 'undeclared-location', findingId: outside.id, becameAwareAt: { at: '2026-03-27T11:00:00.000Z', timeZone: 'Europe/London' } });
      expect(draft.labels['aws-london']).toBe('AWS eu-west-2 (London)');
      const gone = await refusal(context, 'incidents.draftFromFinding', { findingId: 'COPY_AT_UNAPPROVED_LOCATION:nothing' });
      expect(gone.code).toBe('NOT_FOUND');
      expect(gone.message).toMatch(/is not among today's findings/);
      context.db.close();
    });

    it('drafts an incident only from a finding that can be a breach of the agreement', async () => {
      const context = open();
      // AWS's ICO registration lapsed: paperwork to put right, not a breach of the agreement.
      context.db.prepare("UPDATE organisations SET ico_renewal_date = '2026-03-01' WHERE id = 'aws'").run();
      const { findings } = await call(context, 'findings.list', {});
      const ico = findings.find((f) => f.code === 'ICO_REGISTRATION_EXPIRED')!;
      const refused = await refusal(context, 'incidents.draftFromFinding', { findingId: ico.id });
      expect(refused.code).toBe('REFUSED');
      expect(refused.message).toBe(`"${ico.title}" is not a possible breach of the agreement, so no incident is drafted from it: set its status on the Dashboard, or record an incident with "New incident" if something else happened.`);
      context.db.close();
    });

    it('keeps the settings valid: a DARS target out of range is refused, and the default grid is in force until edited', async () => {
      const context = open();
      const settings = await call(context, 'incidents.settings.get', {});
      expect(settings).toMatchObject({ darsTargetHours: 24, defaultTimeZone: 'Europe/London' });
      expect(settings.grid.checkNote).toMatch(/check against current DSPT guidance/i);
      const error = await refusal(context, 'incidents.settings.update', { darsTargetHours: 0 });
      expect(error.message).toBe('darsTargetHours: must be at least 1 hour');
      const changed = await call(context, 'incidents.settings.update', { darsTargetHours: 12, dpo: { name: 'Dr A Example', role: 'Data Protection Officer', email: 'dpo@exampleton.ac.uk', phone: null, address: null } });
      expect(changed.darsTargetHours).toBe(12);
      const { incident, required } = await call(context, 'incidents.create', { fields: incidentFields() });
      expect(required.find((r) => r.recipient === 'dars')!.deadline).toBe('2026-03-27T22:00:00.000Z');
      expect(incident.status).toBe('open');
      context.db.close();
    });
  });
});
