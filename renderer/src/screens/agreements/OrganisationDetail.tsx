import { DetailView } from '../../components/DetailView';
import { FieldList } from '../../components/FieldList';
import { FindingsAbout } from '../../components/FindingsAbout';
import { RelatedList } from '../../components/RelatedList';
import { routeHref } from '../../navigation/record-route';

/**
 * An organisation: legal name, ODS code, roles, ICO registration; its security assurance entries
 * (DSPT assessments, ISO 27001 certificates); the DSFCs it signed; the agreement versions it is a
 * party to; the locations it operates; its obligations; and the findings about it.
 */
export function OrganisationDetail({ id }: { id: string }) {
  return (
    <DetailView kind="organisation" id={id} backHref={routeHref('agreements', 'organisation')} backLabel="All organisations">
      {(detail) => {
        const own = { [id]: detail.label };
        return (
          <>
            <FieldList kind="organisation" record={detail.record} labels={detail.labels} />
            <FindingsAbout subjectIds={[id]} />
            <RelatedList
              kind="assurance"
              title="Security assurance"
              filter={{ name: 'organisationId', value: id }}
              omitColumns={['organisation']}
              add={{ label: 'Add security assurance', fixed: { organisationId: id }, labels: own }}
              empty="No DSPT assessment or ISO 27001 certificate recorded: every controller and processor needs one."
            />
            <RelatedList kind="dsfc" title="DSFCs" filter={{ name: 'organisationId', value: id }} omitColumns={['controller']} add={{ label: 'Add DSFC', fixed: { controllerOrganisationId: id }, labels: own }} empty="No Data Sharing Framework Contract recorded for this organisation." />
            <RelatedList kind="dsaVersion" title="Party to" filter={{ name: 'organisationId', value: id }} empty="Not a party to any recorded DSA version." />
            <RelatedList kind="location" title="Locations operated" filter={{ name: 'organisationId', value: id }} omitColumns={['operator']} add={{ label: 'Add location', fixed: { operatorOrganisationId: id }, labels: own }} empty="Operates no recorded location." />
            <RelatedList kind="obligation" title="Obligations" filter={{ name: 'organisationId', value: id }} add={{ label: 'Add obligation', fixed: { organisationId: id }, labels: own }} empty="No improvement plans or other obligations recorded." />
          </>
        );
      }}
    </DetailView>
  );
}
