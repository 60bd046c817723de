import { NewRecordButton } from '../components/NewRecordButton';
import { ScreenHeader } from '../components/ScreenHeader';
import { useHashRoute } from '../hooks/useHashRoute';
import { AgreementsDetail } from './agreements/AgreementsDetail';
import { AgreementsLists, agreementTabs, type AgreementTab } from './agreements/AgreementsLists';
import { AgreementsTransfers } from '../transfer/screen-transfers';

/**
 * Agreements: Data Sharing Agreements and their versions, Data Sharing Framework Contracts, the
 * organisations that are parties to them, and the obligations they carry. `#/agreements/<tab>` is a
 * list; `#/agreements/<kind>/<id>` a record.
 */
export function AgreementsScreen() {
  const route = useHashRoute();
  const tab: AgreementTab = agreementTabs.some((t) => t.id === route.segment) && !route.id ? (route.segment as AgreementTab) : 'dsa';
  return (
    <>
      <ScreenHeader title="Agreements">
        {/* Import and export actions (the DUR import, XLSX/CSV exports, the holdings audit report) go in this group. */}
        <div className="header-group" data-slot="import-export">
          <AgreementsTransfers />
        </div>
        <div className="header-group">
          <NewRecordButton kind="dsa" label="New DSA" />
          <NewRecordButton kind="organisation" label="New organisation" primary={false} />
        </div>
      </ScreenHeader>
      {route.id ? <AgreementsDetail kind={route.segment ?? ''} id={route.id} versionId={route.params.get('version')} /> : <AgreementsLists tab={tab} />}
    </>
  );
}
