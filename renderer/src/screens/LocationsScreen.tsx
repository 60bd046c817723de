import { FilterPicker } from '../components/FilterPicker';
import { NewRecordButton } from '../components/NewRecordButton';
import { RecordList } from '../components/RecordList';
import { ScreenHeader } from '../components/ScreenHeader';
import { useHashRoute } from '../hooks/useHashRoute';
import { columnsFor } from '../lists/record-columns';
import { LocationsDetail } from './locations/LocationsDetail';

/**
 * Locations: where data is stored and processed (servers, cloud regions, research environments,
 * backup and disaster-recovery sites, devices, paper stores). `#/locations/location/<id>` is one.
 */
export function LocationsScreen() {
  const route = useHashRoute();
  return (
    <>
      <ScreenHeader title="Locations">
        {/* Import and export actions go in this group. */}
        <div className="header-group" data-slot="import-export" />
        <div className="header-group">
          <NewRecordButton kind="location" label="New location" />
        </div>
      </ScreenHeader>
      {route.id ? (
        <LocationsDetail kind={route.segment ?? ''} id={route.id} />
      ) : (
        <RecordList
          kind="location"
          label="Locations"
          columns={columnsFor('location')}
          options={{ sort: { field: 'name', direction: 'asc' } }}
          filters={(state, setFilter) => <FilterPicker label="Operator" kind="organisation" value={String(state.query.filters.organisationId ?? '')} onChange={(v) => setFilter('organisationId', v)} />}
          empty="No locations are recorded. Record every place the data is stored or processed, backup and disaster-recovery sites included."
        />
      )}
    </>
  );
}
