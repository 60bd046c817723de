import { DetailView } from '../../components/DetailView';
import { FieldList } from '../../components/FieldList';
import { FindingsAbout } from '../../components/FindingsAbout';
import { RelatedList } from '../../components/RelatedList';
import { routeHref } from '../../navigation/record-route';

/**
 * A location: its operator, kind, provider and region, country; the DSA versions that approve it
 * (with the role and dates); the live copies it holds; the security assurance that covers it; and the
 * findings about it, which is where an undeclared processor or cloud region shows.
 */
export function LocationDetail({ id }: { id: string }) {
  return (
    <DetailView kind="location" id={id} backHref={routeHref('locations')} backLabel="All locations">
      {(detail) => (
        <>
          <FieldList kind="location" record={detail.record} labels={detail.labels} />
          <FindingsAbout subjectIds={[id]} />
          <RelatedList
            kind="approvedLocation"
            title="Approved by"
            filter={{ name: 'locationId', value: id }}
            omitColumns={['location']}
            add={{ label: 'Approve for a DSA version', fixed: { locationId: id }, labels: { [id]: detail.label } }}
            empty="No DSA version approves this location: no copy may be kept here."
          />
          <RelatedList kind="copy" title="Live copies held here" filter={{ name: 'locationId', value: id }} extraFilters={{ live: true }} omitColumns={['location']} empty="No live copies are held here." />
          <RelatedList kind="assurance" title="Covered by security assurance" filter={{ name: 'locationId', value: id }} empty="No ISO 27001 certificate or DSPT assessment is recorded as covering this location." />
        </>
      )}
    </DetailView>
  );
}
