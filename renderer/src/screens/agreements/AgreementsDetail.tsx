import { routeHref } from '../../navigation/record-route';
import { GenericDetail } from '../common/GenericDetail';
import { DsaDetail } from './DsaDetail';
import { OrganisationDetail } from './OrganisationDetail';
import { VersionRoute } from './VersionRoute';

const genericKinds = { dsfc: 'DSFCs', dataset: 'DSAs', obligation: 'Obligations', assurance: 'Organisations', certificate: 'DSAs' } as const;
const backTab = { dsfc: 'dsfc', dataset: 'dsa', obligation: 'obligation', assurance: 'organisation', certificate: 'dsa' } as const;

/** The record an agreements address names: a DSA (or one of its versions), an organisation, or another agreement record. */
export function AgreementsDetail({ kind, id, versionId }: { kind: string; id: string; versionId: string | null }) {
  if (kind === 'dsa') return <DsaDetail id={id} versionId={versionId} />;
  if (kind === 'dsaVersion') return <VersionRoute id={id} />;
  if (kind === 'organisation') return <OrganisationDetail id={id} />;
  if (kind in genericKinds) {
    const k = kind as keyof typeof genericKinds;
    // Certificates are issued by the destruction feature; here they are shown, not edited.
    return <GenericDetail kind={k} id={id} backHref={routeHref('agreements', backTab[k])} backLabel={`All ${genericKinds[k]}`} editable={k !== 'certificate'} />;
  }
  return (
    <p role="alert" className="error-banner">
      This address does not name an agreement record. Choose one from the <a href={routeHref('agreements')}>list of DSAs</a>.
    </p>
  );
}
