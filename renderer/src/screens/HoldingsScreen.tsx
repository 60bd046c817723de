import { NewRecordButton } from '../components/NewRecordButton';
import { ScreenHeader } from '../components/ScreenHeader';
import { useHashRoute } from '../hooks/useHashRoute';
import { HoldingsDetail } from './holdings/HoldingsDetail';
import { HoldingsLists, holdingTabs, type HoldingTab } from './holdings/HoldingsLists';
import { HoldingsTransfers } from '../transfer/screen-transfers';

/**
 * Holdings: every extract received and every copy of it, backups included. `#/holdings/<tab>` is a
 * list; `#/holdings/holding/<id>` or `#/holdings/copy/<id>` a record.
 */
export function HoldingsScreen() {
  const route = useHashRoute();
  const tab: HoldingTab = holdingTabs.some((t) => t.id === route.segment) && !route.id ? (route.segment as HoldingTab) : 'holding';
  return (
    <>
      <ScreenHeader title="Holdings">
        {/* Import and export actions (holdings XLSX/CSV, the holdings audit report) go in this group. */}
        <div className="header-group" data-slot="import-export">
          <HoldingsTransfers />
        </div>
        <div className="header-group">
          <NewRecordButton kind="holding" label="New holding" />
        </div>
      </ScreenHeader>
      {route.id ? <HoldingsDetail kind={route.segment ?? ''} id={route.id} /> : <HoldingsLists tab={tab} />}
    </>
  );
}
