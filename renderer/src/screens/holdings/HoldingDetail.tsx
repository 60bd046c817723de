import { DetailView } from '../../components/DetailView';
import { FieldList } from '../../components/FieldList';
import { FindingsAbout } from '../../components/FindingsAbout';
import { MarkDestroyedButton } from '../../components/MarkDestroyedButton';
import { RecordHoldingDestructionButton } from '../../destruction/RecordHoldingDestructionButton';
import type { RecordColumn } from '../../components/RecordList';
import { RelatedList } from '../../components/RelatedList';
import { useRecordIds } from '../../hooks/useRecordIds';
import { columnsFor } from '../../lists/record-columns';
import { routeHref } from '../../navigation/record-route';

/**
 * A holding (one extract received): its DSA version and dataset, the file's details, every copy of
 * it with its location (add a copy, mark one destroyed), the certificates that cover it, and the
 * findings about it and its copies.
 */
export function HoldingDetail({ id }: { id: string }) {
  const copyIds = useRecordIds('copy', 'holdingId', id);
  const copyColumns: RecordColumn<'copy'>[] = [
    ...columnsFor('copy', ['holding']),
    {
      id: 'actions',
      header: 'Actions',
      render: (copy, labels) => (copy.destroyedDate || copy.archived ? null : <MarkDestroyedButton inRow copy={copy} locationLabel={labels[copy.locationId]} />),
    },
  ];
  return (
    <DetailView kind="holding" id={id} backHref={routeHref('holdings', 'holding')} backLabel="All holdings">
      {(detail) => (
        <>
          <FieldList kind="holding" record={detail.record} labels={detail.labels} />
          {detail.record.archived ? null : (
            <div className="detail-actions">
              <RecordHoldingDestructionButton holdingId={id} />
            </div>
          )}
          <FindingsAbout subjectIds={[id, ...copyIds]} title="Findings about this holding and its copies" />
          <RelatedList
            kind="copy"
            title="Copies"
            filter={{ name: 'holdingId', value: id }}
            columns={copyColumns}
            add={{ label: 'Add copy', fixed: { holdingId: id }, labels: { [id]: detail.label } }}
            empty="No copies recorded. Record every copy: the primary, each backup, derived extracts and processors’ copies."
          />
          <RelatedList kind="certificate" title="Certificates of destruction" filter={{ name: 'holdingId', value: id }} empty="No certificate of destruction covers this holding." />
        </>
      )}
    </DetailView>
  );
}
