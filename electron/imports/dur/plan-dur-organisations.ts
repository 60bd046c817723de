import { organisationSchema, type Organisation } from '../../../shared/register/records';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { validated } from './build-dur-record';
import type { DurPlace } from './dur-import-error';
import { nameKey } from './dur-plan-keys';
import { Touched } from './touched-records';

/**
 * The applicant and each data controller, matched by legal name (ignoring case and spacing),
 * created when new, given the applicant or controller role when they lack it.
 */
export class OrganisationPlanner {
  readonly touched = new Touched<Organisation>();
  private readonly byName = new Map<string, Organisation>();

  constructor(
    register: RegisterContent,
    private readonly newId: () => string,
  ) {
    // Archived organisations are history: the import makes live ones.
    for (const o of register.organisations) if (!o.archived && !this.byName.has(nameKey(o.legalName))) this.byName.set(nameKey(o.legalName), o);
  }

  organisation(name: string, role: 'applicant' | 'controller', place: DurPlace): Organisation {
    const known = this.byName.get(nameKey(name));
    if (known) {
      const current = this.touched.current(known);
      if (current.roles.includes(role)) {
        this.touched.seen(current);
        return current;
      }
      const next = { ...current, roles: [...current.roles, role] };
      this.touched.updated(known, next, place);
      return next;
    }
    const created = validated(organisationSchema, { id: this.newId(), legalName: name, roles: [role] }, place);
    this.touched.created(created, place);
    this.byName.set(nameKey(name), created);
    return created;
  }
}
