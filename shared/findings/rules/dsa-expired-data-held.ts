import { compareNullableDates } from '../../register/compare';
import { formatDate, plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import { byId } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import { liveHoldings, type LiveHolding } from '../live-holdings';

/**
 * DSA_EXPIRED_DATA_HELD: the agreement (the last agreed version of its renewal chain) has ended,
 * copies of its data are still live, and their destruction is not yet overdue. One finding per
 * version, listing its holdings. Medium: allowed for now, but the clock is running.
 * Once a holding's deadline passes it moves to DESTRUCTION_OVERDUE instead.
 */
export const dsaExpiredDataHeld: FindingRule = (context) => {
  const byVersion = new Map<string, LiveHolding[]>();
  for (const live of liveHoldings(context)) {
    const ended = live.governing.endDate < context.asOf;
    const overdue = live.deadline !== null && live.deadline < context.asOf;
    if (!ended || overdue) continue;
    const group = byVersion.get(live.governing.id);
    if (group) group.push(live);
    else byVersion.set(live.governing.id, [live]);
  }
  const { index } = context;
  return [...byVersion.values()].map((group) => {
    group.sort((a, b) => byId(a.holding, b.holding));
    const version = group[0]!.governing;
    const deadline = group.map((g) => g.deadline).sort(compareNullableDates)[0] ?? null;
    const copies = group.reduce((n, g) => n + g.liveCopies.length, 0);
    return makeFinding('DSA_EXPIRED_DATA_HELD', {
      key: [version.id],
      severity: 'medium',
      title: `${versionLabel(index, version)} ended on ${formatDate(version.endDate)} and ${plural(copies, 'copy', 'copies')} of ${plural(group.length, 'holding')} are still held`,
      action:
        deadline === null
          ? 'Destroy every copy, backups included, and record each destruction; the rolling rule sets no deadline until the next data year is recorded.'
          : `Destroy every copy, backups included, by ${formatDate(deadline)} and record each destruction.`,
      subjects: [refs.version(index, version), ...group.map((g) => refs.holding(index, g.holding))],
      dueDate: deadline,
    });
  });
};
