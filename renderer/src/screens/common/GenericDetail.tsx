import type { ReactNode } from 'react';
import type { RecordKind } from '../../../../shared/register/records';
import { DetailView } from '../../components/DetailView';
import { FieldList } from '../../components/FieldList';
import { FindingsAbout } from '../../components/FindingsAbout';
import { RelatedList } from '../../components/RelatedList';
import { capitalise, kindNouns } from '../../format/display';
import type { RecordDetail } from '../../hooks/useRecord';

const relatedTitles: Partial<Record<RecordKind, string>> = {
  dsaVersion: 'DSA versions',
  copy: 'Copies',
  approvedLocation: 'Location approvals',
  certificate: 'Certificates of destruction',
  assurance: 'Security assurances',
};

/**
 * The detail of a record that needs no screen of its own (a dataset, a DSFC, an obligation, a copy):
 * its fields with every reference a link, the findings about it, and each kind of record that refers to it.
 */
export function GenericDetail({ kind, id, backHref, backLabel, editable = true, actions }: { kind: RecordKind; id: string; backHref: string; backLabel: string; editable?: boolean; actions?: (detail: RecordDetail) => ReactNode }) {
  return (
    <DetailView kind={kind} id={id} backHref={backHref} backLabel={backLabel} editable={editable} actions={actions}>
      {(detail) => (
        <>
          <FieldList kind={kind} record={detail.record} labels={detail.labels} />
          <FindingsAbout subjectIds={[id]} />
          {detail.related
            .filter((group) => group.total > 0)
            .map((group) => (
              <RelatedList
                key={group.kind}
                kind={group.kind}
                title={relatedTitles[group.kind] ?? `${capitalise(kindNouns[group.kind])}s`}
                filter={{ name: group.via, value: id }}
                empty="None."
              />
            ))}
        </>
      )}
    </DetailView>
  );
}
