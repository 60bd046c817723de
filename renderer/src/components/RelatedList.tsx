import { useId, useState, type ReactNode } from 'react';
import type { ListFilterName } from '../../../shared/register/register-api';
import type { RecordKind } from '../../../shared/register/records';
import { columnsFor } from '../lists/record-columns';
import type { ListFilters } from '../stores/record-list-store';
import { RecordFormDialog } from './form/RecordFormDialog';
import { RecordList, type RecordColumn } from './RecordList';
import { useActionLock } from '../stores/register-identity-store';

export interface AddAction {
  label: string;
  /** Values the new record takes from where it is added (the version a dataset belongs to). */
  fixed: Record<string, string>;
  labels: Record<string, string>;
}

/**
 * A detail screen's list of the records that belong to it (a version's datasets, a location's
 * copies), paged from the register like any list, with a button to add one in place.
 */
export function RelatedList<K extends RecordKind>({
  kind,
  title,
  filter,
  extraFilters,
  omitColumns = [],
  columns,
  add,
  empty,
  headingLevel = 3,
  children,
}: {
  kind: K;
  title: string;
  filter: { name: ListFilterName; value: string };
  extraFilters?: ListFilters;
  omitColumns?: readonly string[];
  /** Columns instead of the kind's usual ones (e.g. with a "Mark destroyed" button). */
  columns?: readonly RecordColumn<K>[];
  add?: AddAction;
  empty: string;
  headingLevel?: 3 | 4;
  children?: ReactNode;
}) {
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const lock = useActionLock('changeRecords');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const fixedFilters = { [filter.name]: filter.value, ...extraFilters };
  return (
    <section className="related" aria-labelledby={headingId}>
      <div className="related-header">
        <Heading id={headingId}>{title}</Heading>
        {add ? (
          <button type="button" onClick={() => setAdding(true)} {...lock}>
            {add.label}
          </button>
        ) : null}
      </div>
      {children}
      <RecordList
        key={JSON.stringify(fixedFilters)}
        kind={kind}
        label={title}
        columns={columns ?? columnsFor(kind, omitColumns)}
        options={{ fixedFilters, pageSize: 10 }}
        searchable={false}
        empty={empty}
      />
      {adding && add ? (
        <RecordFormDialog
          request={{ kind, record: null, fixed: add.fixed, labels: add.labels, title: `${add.label}` }}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </section>
  );
}

