import type { ListFilterName } from '../../../shared/register/register-api';
import type { ListFilters } from '../stores/record-list-store';
import { CheckboxFilter } from './CheckboxFilter';

/** Lists hide archived records unless asked: this asks. */
export function IncludeArchivedFilter({ filters, setFilter }: { filters: ListFilters; setFilter: (name: ListFilterName, value: boolean | undefined) => void }) {
  return <CheckboxFilter label="Include archived" checked={filters.archived === undefined} onChange={(all) => setFilter('archived', all ? undefined : false)} />;
}
