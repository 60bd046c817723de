import { FieldList } from '../../components/FieldList';
import { RecordActions } from '../../components/RecordActions';
import { RelatedList } from '../../components/RelatedList';
import { StatusBadge } from '../../components/StatusBadge';
import { displayValue, showDate } from '../../format/display';
import { useRecord } from '../../hooks/useRecord';
import { versionStatusTone } from '../../lists/status-tones';

/**
 * One version of a DSA with everything recorded under it: its terms (parties, territory, flags,
 * lawful bases, destruction rule), then its datasets, approved locations, holdings, copies,
 * obligations and certificates, each with a way to add one.
 */
export function VersionPanel({ versionId }: { versionId: string }) {
  const loaded = useRecord('dsaVersion', versionId);
  if (loaded.status === 'loading') return <p className="muted">Loading the version…</p>;
  if (loaded.status === 'error')
    return (
      <p role="alert" className="error-banner">
        {loaded.message}
      </p>
    );
  const { record, label, labels } = loaded.detail;
  if (loaded.detail.kind !== 'dsaVersion') return null;
  const version = loaded.detail.record;
  const own = { ...labels, [versionId]: label };
  const fixed = { versionId };
  return (
    <section className="version-panel" aria-label={`Version ${version.version}`}>
      <div className="detail-header">
        <h3>
          Version {version.version} <StatusBadge tone={versionStatusTone[version.status]}>{displayValue(version.status)}</StatusBadge>{' '}
          <span className="muted heading-note">
            {showDate(version.startDate)} to {showDate(version.endDate)}
          </span>
        </h3>
        <div className="detail-actions">
          <RecordActions kind="dsaVersion" record={record} label={label} labels={labels} />
        </div>
      </div>
      <FieldList kind="dsaVersion" record={record} labels={labels} omit={['dsaId', 'version', 'status']} />
      <RelatedList kind="dataset" title="Datasets" filter={{ name: 'versionId', value: versionId }} omitColumns={['version']} add={{ label: 'Add dataset', fixed, labels: own }} empty="No datasets recorded for this version." />
      <RelatedList
        kind="approvedLocation"
        title="Approved locations"
        filter={{ name: 'versionId', value: versionId }}
        omitColumns={['version']}
        add={{ label: 'Approve a location', fixed, labels: own }}
        empty="No locations are approved under this version: any copy it covers is at an unapproved location."
      />
      <RelatedList kind="holding" title="Holdings" filter={{ name: 'versionId', value: versionId }} omitColumns={['version']} add={{ label: 'Add holding', fixed, labels: own }} empty="No extracts received under this version." />
      <RelatedList kind="copy" title="Copies" filter={{ name: 'versionId', value: versionId }} empty="No copies recorded. Add copies from a holding." />
      <RelatedList kind="obligation" title="Obligations" filter={{ name: 'versionId', value: versionId }} add={{ label: 'Add obligation', fixed, labels: own }} empty="No special conditions or other obligations recorded." />
      <RelatedList kind="certificate" title="Certificates of destruction" filter={{ name: 'versionId', value: versionId }} empty="No certificates of destruction recorded." />
    </section>
  );
}
