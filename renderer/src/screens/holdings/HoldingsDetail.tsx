import { MarkDestroyedButton } from '../../components/MarkDestroyedButton';
import { routeHref } from '../../navigation/record-route';
import { GenericDetail } from '../common/GenericDetail';
import { HoldingDetail } from './HoldingDetail';

/** The record a holdings address names: a holding, or one copy of one (which can be marked destroyed). */
export function HoldingsDetail({ kind, id }: { kind: string; id: string }) {
  if (kind === 'holding') return <HoldingDetail id={id} />;
  if (kind === 'copy')
    return (
      <GenericDetail
        kind="copy"
        id={id}
        backHref={routeHref('holdings', 'copy')}
        backLabel="All copies"
        actions={(detail) =>
          detail.kind === 'copy' && !detail.record.destroyedDate && !detail.record.archived ? (
            <MarkDestroyedButton copy={detail.record} holdingLabel={detail.labels[detail.record.holdingId]} locationLabel={detail.labels[detail.record.locationId]} />
          ) : null
        }
      />
    );
  return (
    <p role="alert" className="error-banner">
      This address does not name a holding or a copy. Choose one from the <a href={routeHref('holdings')}>list of holdings</a>.
    </p>
  );
}
