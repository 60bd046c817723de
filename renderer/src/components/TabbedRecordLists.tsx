import type { ReactNode } from 'react';
import type { ListFilterName } from '../../../shared/register/register-api';
import type { RecordKind } from '../../../shared/register/records';
import { columnsFor } from '../lists/record-columns';
import type { ScreenId } from '../../../shared/app/screens';
import { routeHref } from '../navigation/record-route';
import type { ListOptions } from '../stores/record-list-store';
import { CheckboxFilter } from './CheckboxFilter';
import { ChoiceFilter } from './ChoiceFilter';
import { FilterPicker } from './FilterPicker';
import { RecordList } from './RecordList';
import { SectionTabs } from './SectionTabs';

/** A list filter: one record picked (holdings at a location), a yes/no ("Live copies only"), or one of a few values (a holding's status). */
export type ListFilterSpec =
  | { label: string; name: ListFilterName; kind: RecordKind }
  | { label: string; name: ListFilterName; checkbox: true }
  | { label: string; name: ListFilterName; choices: readonly { value: string; label: string }[] };

/** One tab of a screen's lists: a record kind, how it sorts first, its filters and what an empty list says. */
export interface ListTab {
  id: RecordKind;
  label: string;
  sort: NonNullable<ListOptions['sort']>;
  filters?: readonly ListFilterSpec[];
  actions?: ReactNode;
  empty: string;
  /** Rows a page holds (50 unless said); long pages are virtualised (DataTable). */
  pageSize?: number;
}

/**
 * A screen's record lists as tabs (Agreements: DSAs, DSFCs…; Holdings: holdings, copies), each
 * searchable, sortable and paged, described as data so every screen's lists behave alike.
 */
export function TabbedRecordLists({ label, screen, tabs, current }: { label: string; screen: ScreenId; tabs: readonly ListTab[]; current: RecordKind }) {
  const tab = tabs.find((t) => t.id === current) ?? tabs[0]!;
  return (
    <>
      <SectionTabs label={label} current={tab.id} tabs={tabs.map((t) => ({ id: t.id, label: t.label, href: routeHref(screen, t.id) }))} />
      <RecordList
        key={tab.id}
        kind={tab.id}
        label={tab.label}
        columns={columnsFor(tab.id)}
        options={{ sort: tab.sort, ...(tab.pageSize ? { pageSize: tab.pageSize } : {}) }}
        actions={tab.actions}
        filters={
          tab.filters?.length
            ? (state, setFilter) => (
                <>
                  {tab.filters!.map((filter) =>
                    'kind' in filter ? (
                      <FilterPicker key={filter.name} label={filter.label} kind={filter.kind} value={String(state.query.filters[filter.name] ?? '')} onChange={(v) => setFilter(filter.name, v)} />
                    ) : 'choices' in filter ? (
                      <ChoiceFilter key={filter.name} label={filter.label} value={String(state.query.filters[filter.name] ?? '')} choices={filter.choices} onChange={(v) => setFilter(filter.name, v)} />
                    ) : (
                      <CheckboxFilter key={filter.name} label={filter.label} checked={state.query.filters[filter.name] === true} onChange={(on) => setFilter(filter.name, on ? true : undefined)} />
                    ),
                  )}
                </>
              )
            : undefined
        }
        empty={tab.empty}
      />
    </>
  );
}
