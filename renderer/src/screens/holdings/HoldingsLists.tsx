import { TabbedRecordLists, type ListTab } from '../../components/TabbedRecordLists';

export const holdingTabs = [
  {
    id: 'holding',
    label: 'Holdings',
    sort: { field: 'receivedDate', direction: 'desc' },
    filters: [
      { label: 'DSA', kind: 'dsa', name: 'dsaId' },
      { label: 'Copy at location', kind: 'location', name: 'locationId' },
    ],
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
    ],
    empty: 'No copies are recorded. Add copies from a holding’s page.',
  },
] as const satisfies readonly ListTab[];
export type HoldingTab = (typeof holdingTabs)[number]['id'];

/** Every holding, and every copy (paged: 100,000 copies cost what a page costs), with search and filters. */
export function HoldingsLists({ tab }: { tab: HoldingTab }) {
  return <TabbedRecordLists label="Holdings sections" screen="holdings" tabs={holdingTabs} current={tab} />;
}
