import { NewRecordButton } from '../../components/NewRecordButton';
import { TabbedRecordLists, type ListTab } from '../../components/TabbedRecordLists';

export const agreementTabs = [
  {
    id: 'dsa',
    label: 'DSAs',
    sort: { field: 'nicReference', direction: 'asc' },
    filters: [{ label: 'Party', kind: 'organisation', name: 'organisationId' }],
    empty: 'No DSAs are recorded. Choose “New DSA” to record one by its NIC reference.',
  },
  {
    id: 'dsfc',
    label: 'DSFCs',
    sort: { field: 'reference', direction: 'asc' },
    actions: <NewRecordButton kind="dsfc" label="New DSFC" primary={false} />,
    empty: 'No DSFCs are recorded. Each data controller signs one Data Sharing Framework Contract with NHS England.',
  },
  {
    id: 'organisation',
    label: 'Organisations',
    sort: { field: 'legalName', direction: 'asc' },
    empty: 'No organisations are recorded. Start with your own organisation, then your processors.',
  },
  {
    id: 'obligation',
    label: 'Obligations',
    sort: { field: 'dueDate', direction: 'asc' },
    actions: <NewRecordButton kind="obligation" label="New obligation" primary={false} />,
    filters: [{ label: 'DSA version', kind: 'dsaVersion', name: 'versionId' }],
    empty: 'No obligations are recorded. Record each special condition of a DSA as an obligation with a due date and an owner.',
  },
] as const satisfies readonly ListTab[];
export type AgreementTab = (typeof agreementTabs)[number]['id'];

/** The Agreements screen's lists, one per tab, each searchable, sortable and paged. */
export function AgreementsLists({ tab }: { tab: AgreementTab }) {
  return <TabbedRecordLists label="Agreements sections" screen="agreements" tabs={agreementTabs} current={tab} />;
}
