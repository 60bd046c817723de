import { useState } from 'react';
import { DetailView } from '../../components/DetailView';
import { FieldList } from '../../components/FieldList';
import { FindingsAbout } from '../../components/FindingsAbout';
import { RecordFormDialog } from '../../components/form/RecordFormDialog';
import { SectionTabs } from '../../components/SectionTabs';
import { compareVersions } from '../../../../shared/register/version-order';
import { routeHref } from '../../navigation/record-route';
import { AgreementSummaryPanel } from './AgreementSummaryPanel';
import { VersionPanel } from './VersionPanel';
import { AgreementReportButtons } from '../../transfer/screen-transfers';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * A DSA: its NIC reference and title, a summary (version in force, parties, approved locations,
 * holdings with those carried over by renewal, findings by severity), the findings about it, and its versions, newest first, one at
 * a time with everything recorded under it. The chosen version is in the address (`?version=`).
 */
export function DsaDetail({ id, versionId }: { id: string; versionId: string | null }) {
  const [adding, setAdding] = useState(false);
  const lock = useActionLock('changeRecords');
  return (
    <DetailView
      kind="dsa"
      id={id}
      backHref={routeHref('agreements', 'dsa')}
      backLabel="All DSAs"
      actions={() => (
        <>
          <AgreementReportButtons dsaId={id} />
          <button type="button" className="primary" onClick={() => setAdding(true)} {...lock}>
            Add version
          </button>
        </>
      )}
    >
      {(detail) => {
        const versions = (detail.related.find((g) => g.kind === 'dsaVersion')?.records ?? []) as { id: string; version: string; status: string; archived: boolean }[];
        const ordered = [...versions].sort((a, b) => compareVersions(b.version, a.version));
        const shown = ordered.find((v) => v.id === versionId) ?? ordered.find((v) => !v.archived) ?? ordered[0];
        return (
          <>
            <FieldList kind="dsa" record={detail.record} labels={detail.labels} omit={['nicReference']} />
            <AgreementSummaryPanel dsaId={id} />
            <FindingsAbout dsaId={id} title="Findings about this agreement" />
            <section className="related" aria-labelledby="versions-heading">
              <h3 id="versions-heading">Versions</h3>
              {ordered.length === 0 ? (
                <p className="muted">No versions recorded. Add the first version with its dates, parties and terms.</p>
              ) : (
                <SectionTabs
                  label="Versions"
                  current={shown?.id ?? ''}
                  tabs={ordered.map((v) => ({
                    id: v.id,
                    label: `v${v.version}${v.archived ? ' (archived)' : ''}`,
                    href: routeHref('agreements', 'dsa', id, { version: v.id }),
                  }))}
                />
              )}
            </section>
            {shown ? <VersionPanel key={shown.id} versionId={shown.id} /> : null}
            {adding ? (
              <RecordFormDialog
                request={{ kind: 'dsaVersion', record: null, fixed: { dsaId: id }, labels: { [id]: detail.label }, title: `Add a version of ${detail.label}` }}
                onClose={() => setAdding(false)}
              />
            ) : null}
          </>
        );
      }}
    </DetailView>
  );
}
