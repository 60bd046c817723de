import { CheckboxFilter } from '../../components/CheckboxFilter';
import { FilterPicker } from '../../components/FilterPicker';
import { RecordList } from '../../components/RecordList';
import { SectionTabs } from '../../components/SectionTabs';
import { columnsFor } from '../../lists/record-columns';
import { routeHref } from '../../navigation/record-route';

export const holdingTabs = [
  { id: 'holding', label: 'Holdings' },
  { id: 'copy', label: 'Copies' },
] as const;
export type HoldingTab = (typeof holdingTabs)[number]['id'];

/** Every holding, and every copy (paged: 100,000 copies cost what a page costs), with search and filters. */
export function HoldingsLists({ tab }: { tab: HoldingTab }) {
  return (
    <>
      <SectionTabs label="Holdings sections" current={tab} tabs={holdingTabs.map((t) => ({ ...t, href: routeHref('holdings', t.id) }))} />
      {tab === 'holding' ? (
        <RecordList
          key="holding"
          kind="holding"
          label="Holdings"
          columns={columnsFor('holding')}
          options={{ sort: { field: 'receivedDate', direction: 'desc' } }}
          filters={(state, setFilter) => (
            <>
              <FilterPicker label="DSA" kind="dsa" value={String(state.query.filters.dsaId ?? '')} onChange={(v) => setFilter('dsaId', v)} />
              <FilterPicker label="Copy at location" kind="location" value={String(state.query.filters.locationId ?? '')} onChange={(v) => setFilter('locationId', v)} />
            </>
          )}
          empty="No holdings are recorded. Record each extract received from NHS England as a holding, then its copies."
        />
      ) : (
        <RecordList
          key="copy"
          kind="copy"
          label="Copies"
          columns={columnsFor('copy')}
          options={{ sort: { field: 'createdDate', direction: 'desc' } }}
          filters={(state, setFilter) => (
            <>
              <FilterPicker label="DSA" kind="dsa" value={String(state.query.filters.dsaId ?? '')} onChange={(v) => setFilter('dsaId', v)} />
              <FilterPicker label="Location" kind="location" value={String(state.query.filters.locationId ?? '')} onChange={(v) => setFilter('locationId', v)} />
              <CheckboxFilter label="Live copies only" checked={state.query.filters.live === true} onChange={(live) => setFilter('live', live ? true : undefined)} />
            </>
          )}
          empty="No copies are recorded. Add copies from a holding’s page."
        />
      )}
    </>
  );
}
