import { mayTake, whyNotOffered, type TeamAction } from '../../../shared/app/team-actions';
import { useRegisterIdentityStore } from '../stores/register-identity-store';

/**
 * Why a part of a screen offers its actions disabled, as a line anyone can read: a disabled
 * button's title reaches a mouse, but a keyboard cannot focus the button to hear it.
 */
export function RoleReason({ action, what }: { action: TeamAction; what: string }) {
  const register = useRegisterIdentityStore((s) => s.register);
  if (!register || mayTake(register, action)) return null;
  return <p className="hint role-reason">{whyNotOffered(action, what)}</p>;
}
