import type { Finding } from '../../../shared/register/findings';
import { incidentFromFindingHref } from '../navigation/incident-links';
import { useActionLock } from '../stores/register-identity-store';

/**
 * "Open incident" from a finding: a link to the pre-filled form, or, for a login that may not log
 * an incident, a disabled button saying why (a link cannot be disabled).
 */
export function OpenIncidentLink({ finding }: { finding: Finding }) {
  const lock = useActionLock('changeIncident');
  const text = (
    <>
      Open incident<span className="visually-hidden"> from this finding: {finding.title}</span>
    </>
  );
  if (lock.disabled) {
    return (
      <button type="button" className="link-button" {...lock}>
        {text}
      </button>
    );
  }
  return <a href={incidentFromFindingHref(finding.id)}>{text}</a>;
}
