import { describe, expect, it } from 'vitest';
import { outstandingForClosure } from '../../../shared/incidents/closure';
import { action, assessment, incident, notification } from '../../helpers/incident-fixtures';

const settings = { darsTargetHours: 24 };
const decided = assessment(5, 3, {
  icoDecision: 'notify',
  icoDecisionReason: 'Identifiable health data at an unapproved processor',
  individualsDecision: 'do-not-tell',
  individualsDecisionReason: 'No access by anyone outside the organisation is logged',
});

describe('closing an incident', () => {
  it('is refused while the ICO notification is outstanding, and says which, with its deadline', () => {
    const open = incident({ assessment: decided, notifications: [notification('dars', '2026-03-27T11:00:00Z')] });
    expect(outstandingForClosure(open, settings)).toEqual(['The notification to the ICO (due 30 March 2026, 11:00 BST) has not been recorded.']);
  });

  it('is allowed once every required notification is logged and no action is open', () => {
    const done = incident({
      assessment: decided,
      notifications: [notification('dars', '2026-03-27T11:00:00Z'), notification('ico', '2026-03-28T09:00:00Z')],
      actions: [action({ status: 'done', completedDate: '2026-03-28' }), action({ status: 'cancelled' })],
    });
    expect(outstandingForClosure(done, settings)).toEqual([]);
  });

  it('needs the assessment and both decisions first', () => {
    expect(outstandingForClosure(incident({ notifications: [notification('dars', '2026-03-27T11:00:00Z'), notification('ico', '2026-03-28T09:00:00Z')] }), settings)).toEqual([
      'The assessment on the DSPT grid has not been recorded.',
      'The decision whether to notify the ICO, with its reason, has not been recorded.',
      'The decision whether to tell the individuals affected, with its reason, has not been recorded.',
    ]);
  });

  it('lists each action still open or in progress, with its owner and due date', () => {
    const withActions = incident({
      assessment: decided,
      notifications: [notification('dars', '2026-03-27T11:00:00Z'), notification('ico', '2026-03-28T09:00:00Z')],
      actions: [action({ description: 'Revoke the bucket policy', owner: 'Cloud lead', dueDate: '2026-04-02', status: 'in-progress', kind: 'remediation' })],
    });
    expect(outstandingForClosure(withActions, settings)).toEqual(['The remediation action "Revoke the bucket policy" (owner Cloud lead, due 2 April 2026) is still in progress.']);
  });

  it('needs a reason for a late notification', () => {
    const late = incident({ assessment: decided, notifications: [notification('dars', '2026-03-28T15:00:00Z'), notification('ico', '2026-03-28T09:00:00Z')] });
    expect(outstandingForClosure(late, settings)).toEqual(['The notification to NHS England (DARS) was sent 5 hours after its deadline: record why it was late.']);
    const explained = incident({
      assessment: decided,
      notifications: [notification('dars', '2026-03-28T15:00:00Z', { lateReason: 'DARS helpdesk closed at the weekend; emailed on Monday' }), notification('ico', '2026-03-28T09:00:00Z')],
    });
    expect(outstandingForClosure(explained, settings)).toEqual([]);
  });

  it('needs the individuals told when that is the decision, and DHSC when the grid says so', () => {
    const tell = incident({
      assessment: { ...decided, individualsDecision: 'tell', individualsDecisionReason: 'High risk', dhscReportable: true },
      notifications: [notification('dars', '2026-03-27T11:00:00Z'), notification('ico', '2026-03-28T09:00:00Z')],
    });
    expect(outstandingForClosure(tell, settings)).toEqual([
      'The notification to DHSC (due 30 March 2026, 11:00 BST) has not been recorded.',
      'The notification to the individuals affected has not been recorded.',
    ]);
  });
});
