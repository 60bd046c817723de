import { defaultDestructionRule, dsaVersionSchema, type DestructionRule, type DsaVersion, type Party } from '../../../shared/register/records';
import type { RegisterContent } from '../../../shared/register/snapshot';
import { compareVersions } from '../../../shared/register/version-order';
import { nonNull, validated } from './build-dur-record';
import { DurImportError } from './dur-import-error';
import { versionKey } from './dur-plan-keys';
import { groupValues } from './group-values';
import type { DurAgreement, DurContent, DurDataset, DurRelease } from './parse-dur';
import type { DsaPlanner } from './plan-dur-agreements';
import type { OrganisationPlanner } from './plan-dur-organisations';
import { Touched } from './touched-records';

/**
 * Versions of agreements by version number: created, or updated with the register's dates, flags,
 * texts and controllers (processors recorded by hand stay).
 */
export class VersionPlanner {
  readonly touched = new Touched<DsaVersion>();
  private readonly byKey = new Map<string, DsaVersion>();
  private readonly versionsOfDsa = new Map<string, DsaVersion[]>();

  constructor(
    register: RegisterContent,
    private readonly newId: () => string,
    private readonly organisations: OrganisationPlanner,
    private readonly dsas: DsaPlanner,
    /** The organisation's default (Settings): the Data Uses Register says nothing about destruction. */
    private readonly destructionRule: DestructionRule = defaultDestructionRule,
  ) {
    // Versions are unique in the register whether archived or not.
    for (const v of register.versions) {
      this.byKey.set(versionKey(v.dsaId, v.version), v);
      if (!v.archived) this.pushVersion(v);
    }
  }

  /** Creates or updates the agreement and the version of one Agreements row; returns the version's id. */
  agreement(row: DurAgreement, dur: DurContent): string {
    this.organisations.organisation(row.applicant, 'applicant', row.columns.applicant!);
    const controllers = row.controllers.map((name) => this.organisations.organisation(name, 'controller', row.columns.controllers!));
    const dsa = this.dsas.dsaOf(row);
    const existing = this.byKey.get(versionKey(dsa.id, row.version));
    if (existing?.archived) {
      throw new DurImportError(row.place, `${row.reference} is archived in the register; restore it before importing it again`);
    }
    const controllerType = row.controllerType ?? (controllers.length > 1 ? 'joint' : 'sole');
    const controllerParties: Party[] = controllers.map((o) => ({ organisationId: o.id, role: 'controller', controllerType }));
    const commonLawBasis = this.commonLawBasisOf(row, dur);
    const fromDur = {
      startDate: row.startDate,
      endDate: row.endDate,
      ...(row.commercial !== null ? { commercial: row.commercial } : {}),
      ...(row.sublicensing !== null ? { sublicensing: row.sublicensing } : {}),
      ...nonNull({ objective: row.objective, processingActivities: row.processingActivities, expectedOutputs: row.expectedOutputs, expectedBenefits: row.expectedBenefits }),
    };
    if (existing) {
      const current = this.touched.current(existing);
      const processors = current.parties.filter((p) => p.role !== 'controller');
      const next = validated(
        dsaVersionSchema,
        {
          ...current,
          ...fromDur,
          parties: [...controllerParties, ...processors],
          lawfulBases: commonLawBasis ? { ...current.lawfulBases, commonLawBasis } : current.lawfulBases,
        },
        row.place,
        row.columns,
      );
      this.touched.updated(existing, next, row.place);
      this.byKey.set(versionKey(dsa.id, row.version), next);
      return next.id;
    }
    const created = validated(
      dsaVersionSchema,
      {
        id: this.newId(),
        dsaId: dsa.id,
        version: row.version,
        status: 'active',
        ...fromDur,
        parties: controllerParties,
        lawfulBases: { article6: null, article9: null, commonLawBasis, s251Reference: null, s251Expiry: null },
        destructionRule: this.destructionRule,
        // The Data Uses Register says nothing about destruction: the rule is the organisation's default.
        destructionRuleIsDefault: true,
      },
      row.place,
      row.columns,
    );
    this.touched.created(created, row.place);
    this.byKey.set(versionKey(dsa.id, row.version), created);
    this.pushVersion(created);
    return created.id;
  }

  /** The Datasets sheet states the common-law basis per dataset; the register keeps it per version. */
  private commonLawBasisOf(row: DurAgreement, dur: DurContent): string | null {
    this.commonLawByReference ??= groupValues(dur.datasets, (d) => d.reference, (d) => d.commonLawBasis);
    const values = this.commonLawByReference.get(row.reference);
    return values ? [...values].join('; ') : null;
  }
  private commonLawByReference: Map<string, Set<string>> | undefined;

  private pushVersion(version: DsaVersion): void {
    const list = this.versionsOfDsa.get(version.dsaId);
    if (list) list.push(version);
    else this.versionsOfDsa.set(version.dsaId, [version]);
  }

  /**
   * A new version renews the version before it: its predecessor is the highest earlier version
   * number of the same agreement, and that version is marked superseded if the import created it.
   */
  linkNewVersions(): void {
    for (const { before, after, place } of this.touched.changes()) {
      if (before !== null) continue;
      const siblings = (this.versionsOfDsa.get(after.dsaId) ?? []).map((v) => this.touched.current(v));
      const earlier = siblings.filter((v) => compareVersions(v.version, after.version) < 0).sort((a, b) => compareVersions(b.version, a.version))[0];
      const later = siblings.some((v) => compareVersions(v.version, after.version) > 0);
      const next = { ...this.touched.current(after), predecessorVersionId: earlier?.id ?? null, status: later ? ('superseded' as const) : ('active' as const) };
      this.touched.created(next, place);
    }
  }

  /** The id of the version a Datasets or DataReleases row belongs to. */
  versionFor(row: DurDataset | DurRelease, imported: ReadonlyMap<string, string>): string {
    const id = imported.get(row.reference);
    if (id) return id;
    const dsa = this.dsas.find(row.nicReference);
    const version = dsa ? this.byKey.get(versionKey(dsa.id, row.version)) : undefined;
    if (!version) throw new DurImportError(row.place, `${row.reference} is neither in the Agreements sheet nor in the register; add its Agreements row`);
    if (version.archived) throw new DurImportError(row.place, `${row.reference} is archived in the register; restore it before importing its datasets`);
    return version.id;
  }
}
