import { holdingStateLabels, holdingStates } from '../../../../shared/register/list-facts';
import { TabbedRecordLists, type ListTab } from '../../components/TabbedRecordLists';

export const holdingTabs = [
  {
    id: 'holding',
    label: 'Holdings',
    sort: { field: 'receivedDate', direction: 'desc' },
    filters: [
      { label: 'DSA', kind: 'dsa', name: 'dsaId' },
      { label: 'Copy at location', kind: 'location', name: 'locationId' },
      { label: 'Status', name: 'holdingState', choices: holdingStates.map((state) => ({ value: state, label: holdingStateLabels[state] })) },
    ],
    pageSize: 200,
    empty: 'No holdings are recorded. Record each extract received from NHS England as a holding, then its copies.',
  },
  {
    id: 'copy',
    label: 'Copies',
    sort: { field: 'createdDate', direction: 'desc' },
    filters: [
      { label: 'DSA', kind: 'dsa', name: 'dsaId' },
      { label: 'Location', kind: 'location', name: 'locationId' },
      { label: 'Live copies only', name: 'live', checkbox: true },
      { label: 'Location not approved or outside territory', name: 'flagged', checkbox: true },
    ],
    // A long page, virtualised: scrolling through 500 copies, not clicking through ten pages of 50.
    pageSize: 500,
    empty: 'No copies are recorded. Add copies from a holding’s page.',
  },
] as const satisfies readonly ListTab[];
export type HoldingTab = (typeof holdingTabs)[number]['id'];

/** Every holding, and every copy (paged: 100,000 copies cost what a page costs), with search and filters. */
export function HoldingsLists({ tab }: { tab: HoldingTab }) {
  return <TabbedRecordLists label="Holdings sections" screen="holdings" tabs={holdingTabs} current={tab} />;
}
