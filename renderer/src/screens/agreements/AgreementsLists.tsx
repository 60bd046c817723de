import { FilterPicker } from '../../components/FilterPicker';
import { NewRecordButton } from '../../components/NewRecordButton';
import { RecordList } from '../../components/RecordList';
import { SectionTabs } from '../../components/SectionTabs';
import { columnsFor } from '../../lists/record-columns';
import { routeHref } from '../../navigation/record-route';

export const agreementTabs = [
  { id: 'dsa', label: 'DSAs' },
  { id: 'dsfc', label: 'DSFCs' },
  { id: 'organisation', label: 'Organisations' },
  { id: 'obligation', label: 'Obligations' },
] as const;
export type AgreementTab = (typeof agreementTabs)[number]['id'];

/** The Agreements screen's lists, one per tab, each searchable, sortable and paged. */
export function AgreementsLists({ tab }: { tab: AgreementTab }) {
  return (
    <>
      <SectionTabs label="Agreements sections" current={tab} tabs={agreementTabs.map((t) => ({ ...t, href: routeHref('agreements', t.id) }))} />
      {tab === 'dsa' ? (
        <RecordList
          key="dsa"
          kind="dsa"
          label="DSAs"
          columns={columnsFor('dsa')}
          options={{ sort: { field: 'nicReference', direction: 'asc' } }}
          filters={(state, setFilter) => <FilterPicker label="Party" kind="organisation" value={String(state.query.filters.organisationId ?? '')} onChange={(v) => setFilter('organisationId', v)} />}
          empty="No DSAs are recorded. Choose “New DSA” to record one by its NIC reference."
        />
      ) : null}
      {tab === 'dsfc' ? (
        <RecordList
          key="dsfc"
          kind="dsfc"
          label="DSFCs"
          columns={columnsFor('dsfc')}
          options={{ sort: { field: 'reference', direction: 'asc' } }}
          actions={<NewRecordButton kind="dsfc" label="New DSFC" primary={false} />}
          empty="No DSFCs are recorded. Each data controller signs one Data Sharing Framework Contract with NHS England."
        />
      ) : null}
      {tab === 'organisation' ? (
        <RecordList
          key="organisation"
          kind="organisation"
          label="Organisations"
          columns={columnsFor('organisation')}
          options={{ sort: { field: 'legalName', direction: 'asc' } }}
          empty="No organisations are recorded. Start with your own organisation, then your processors."
        />
      ) : null}
      {tab === 'obligation' ? (
        <RecordList
          key="obligation"
          kind="obligation"
          label="Obligations"
          columns={columnsFor('obligation')}
          options={{ sort: { field: 'dueDate', direction: 'asc' } }}
          actions={<NewRecordButton kind="obligation" label="New obligation" primary={false} />}
          filters={(state, setFilter) => <FilterPicker label="DSA version" kind="dsaVersion" value={String(state.query.filters.versionId ?? '')} onChange={(v) => setFilter('versionId', v)} />}
          empty="No obligations are recorded. Record each special condition of a DSA as an obligation with a due date and an owner."
        />
      ) : null}
    </>
  );
}
