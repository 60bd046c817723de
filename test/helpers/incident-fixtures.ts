import { incidentFieldsSchema, type Assessment, type Incident, type IncidentAction, type IncidentFieldsInput, type IncidentNotification } from '../../shared/incidents/incident-records';
import { defaultIncidentSettings } from '../../shared/incidents/incident-settings';
import { assessOnGrid } from '../../shared/incidents/risk-grid';
import type { ZonedTime } from '../../shared/incidents/zoned-time';

/** Realistic incident values for tests: an analyst's copy found on an unapproved cloud bucket. */
export const london = (at: string): ZonedTime => ({ at: new Date(at).toISOString(), timeZone: 'Europe/London' });

export function incidentFields(overrides: Partial<IncidentFieldsInput> = {}): IncidentFieldsInput {
  return {
    title: 'HES extract found in an unapproved cloud bucket',
    description: 'A derived copy of the HES APC extract was found in an S3 bucket in eu-west-1 that the DSA does not approve.',
    type: 'undeclared-location',
    occurredAt: london('2026-03-20T09:00:00Z'),
    discoveredAt: london('2026-03-27T09:30:00Z'),
    becameAwareAt: london('2026-03-27T10:00:00Z'),
    reportedBy: 'Data engineer, analytics team',
    staffInvolved: [{ role: 'Research analyst', trainedInLastTwoYears: 'yes' }],
    breachKinds: ['confidentiality'],
    dataCategories: ['health', 'identifiers'],
    approximateRecords: 120000,
    approximatePeople: 95000,
    peopleKinds: ['patients'],
    likelyConsequences: 'Low: the bucket was private to the organisation\u2019s cloud account; no access by others is logged.',
    measuresTaken: 'Bucket access revoked; copy deleted and deletion verified.',
    measuresProposed: 'Block storage outside approved regions by cloud policy.',
    ...overrides,
  };
}

export function assessment(likelihood: number, severity: number, overrides: Partial<Assessment> = {}): Assessment {
  const outcome = assessOnGrid(defaultIncidentSettings().grid, likelihood, severity);
  return {
    likelihood: likelihood as Assessment['likelihood'],
    severity: severity as Assessment['severity'],
    icoDecision: null,
    icoDecisionReason: null,
    individualsDecision: null,
    individualsDecisionReason: null,
    icoReportable: outcome.icoReportable,
    dhscReportable: outcome.dhscReportable,
    outcome: outcome.label,
    likelihoodLabel: 'l',
    severityLabel: 's',
    assessedAt: '2026-03-27T12:00:00.000Z',
    assessedBy: 'tester',
    ...overrides,
  };
}

let counter = 0;
export function notification(recipient: IncidentNotification['recipient'], sentAt: string, overrides: Partial<IncidentNotification> = {}): IncidentNotification {
  counter += 1;
  return {
    id: `n${counter}`,
    recipient,
    kind: 'initial',
    recipientDetail: null,
    sentAt: london(sentAt),
    channel: recipient === 'ico' ? 'dspt-incident-tool' : 'email',
    reference: null,
    acknowledgedAt: null,
    acknowledgementReference: null,
    lateReason: null,
    note: null,
    ...overrides,
  };
}

export function action(overrides: Partial<IncidentAction> = {}): IncidentAction {
  counter += 1;
  return { id: `a${counter}`, kind: 'containment', description: 'Delete the copy in the bucket', owner: 'Head of data engineering', dueDate: '2026-03-28', status: 'open', completedDate: null, ...overrides };
}

/** A stored incident (pure value) with the fields given. */
export function incident(overrides: Partial<Incident> = {}, fields: Partial<IncidentFieldsInput> = {}): Incident {
  return {
    ...incidentFieldsSchema.parse(incidentFields(fields)),
    id: 'inc-1',
    reference: 'INC-2026-001',
    status: 'open',
    containedAt: null,
    closedAt: null,
    createdAt: '2026-03-27T10:05:00.000Z',
    assessment: null,
    notifications: [],
    actions: [],
    ...overrides,
  };
}
