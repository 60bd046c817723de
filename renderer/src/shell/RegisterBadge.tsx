import { useEffect } from 'react';
import type { RegisterIdentity } from '../../../shared/app/app-info';
import { teamRoleAllows, teamRoleLabels } from '../../../shared/app/team-roles';
import { useRegisterIdentityStore } from '../stores/register-identity-store';

/** What the signed-in person may do in a team register, from the roles the database grants them. */
function mayDo(register: RegisterIdentity): string {
  if (register.owner) return 'You own this register: you may change everything.';
  if (register.roles.length === 0) return 'You hold no Custodian role here: the register may refuse even reading. Ask its owner for one.';
  return `You may ${register.roles.map((role) => teamRoleAllows[role]).join('; and ')}.`;
}

/** Which register the app is on, shown under the navigation on every screen. */
export function RegisterBadge() {
  const register = useRegisterIdentityStore((s) => s.register);
  const load = useRegisterIdentityStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!register) return null;
  if (register.store === 'sqlite') {
    return (
      <section className="register-badge" aria-label="Which register">
        <p className="register-kind">Register on this computer</p>
        <p className="register-location" title={register.location}>{register.location}</p>
      </section>
    );
  }
  const roles = register.roles.map((role) => teamRoleLabels[role]).join(', ');
  return (
    <section className="register-badge team" aria-label="Which register">
      <p className="register-kind">Team register (PostgreSQL)</p>
      <p className="register-location" title={register.location}>{register.location}</p>
      <p>
        Signed in as <strong>{register.login}</strong>
        {roles ? ` (${roles})` : register.owner ? ' (owner)' : ''}
      </p>
      <p className="register-may">{mayDo(register)}</p>
    </section>
  );
}
