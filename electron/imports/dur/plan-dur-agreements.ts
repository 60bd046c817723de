import { dsaSchema, type Dsa } from '../../../shared/register/records';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { validated } from './build-dur-record';
import { DurImportError } from './dur-import-error';
import type { DurAgreement } from './parse-dur';
import { Touched } from './touched-records';

/** Agreements (DSAs) by NIC reference: created, or given the register's title when it states a new one. */
export class DsaPlanner {
  readonly touched = new Touched<Dsa>();
  private readonly byNic = new Map<string, Dsa>();

  constructor(
    register: RegisterContent,
    private readonly newId: () => string,
  ) {
    // Agreements are unique in the register whether archived or not.
    for (const d of register.dsas) this.byNic.set(d.nicReference, d);
  }

  /** The agreement with this NIC reference as the import leaves it, if the register or the import has it. */
  find(nicReference: string): Dsa | undefined {
    return this.byNic.get(nicReference);
  }

  dsaOf(row: DurAgreement): Dsa {
    const known = this.byNic.get(row.nicReference);
    if (known?.archived) throw new DurImportError(row.place, `agreement ${row.nicReference} is archived in the register; restore it before importing its versions`);
    if (known) {
      const current = this.touched.current(known);
      if (row.title === null || row.title === current.title) {
        this.touched.seen(current);
        return current;
      }
      const next = validated(dsaSchema, { ...current, title: row.title }, row.place, row.columns);
      this.touched.updated(known, next, row.place);
      this.byNic.set(row.nicReference, next);
      return next;
    }
    const created = validated(dsaSchema, { id: this.newId(), nicReference: row.nicReference, title: row.title }, row.place, row.columns);
    this.touched.created(created, row.place);
    this.byNic.set(row.nicReference, created);
    return created;
  }
}
