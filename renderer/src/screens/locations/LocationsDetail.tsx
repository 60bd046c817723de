import { routeHref } from '../../navigation/record-route';
import { GenericDetail } from '../common/GenericDetail';
import { LocationDetail } from './LocationDetail';

/** The record a locations address names: a location, or one approval of a location under a DSA version. */
export function LocationsDetail({ kind, id }: { kind: string; id: string }) {
  if (kind === 'location') return <LocationDetail id={id} />;
  if (kind === 'approvedLocation') return <GenericDetail kind="approvedLocation" id={id} backHref={routeHref('locations')} backLabel="All locations" />;
  return (
    <p role="alert" className="error-banner">
      This address does not name a location. Choose one from the <a href={routeHref('locations')}>list of locations</a>.
    </p>
  );
}
