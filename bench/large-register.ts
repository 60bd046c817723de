import { addDays } from '../shared/register/dates';
import type { DsaVersion, Holding } from '../shared/register/records';
import { emptyRegister, type RegisterContent } from '../shared/register/snapshot';

export interface LargeRegisterSize {
  agreements: number;
  holdings: number;
  copies: number;
}

/** The scale the issue sets for its speed targets. */
export const issueScale: LargeRegisterSize = { agreements: 1_000, holdings: 20_000, copies: 100_000 };

/** The date the generated register is meant to be judged on. */
export const LARGE_REGISTER_AS_OF = '2025-06-01';

/**
 * A register of the given size, built in memory with a seeded pseudo-random mix that looks like a
 * large organisation's: most agreements renewed without a gap, some ended with their data
 * destroyed and certified, and a few per cent of everything wrong (a copy at an unapproved or
 * foreign location, a lapsed DSPT or ICO registration, a special condition overdue), so every rule
 * has work to do and the findings number in the hundreds to low thousands, as in real life.
 * Records are plain objects of the schemas' output types; callers may validate them with
 * registerContentSchema.
 */
export function generateLargeRegister(size: LargeRegisterSize = issueScale, seed = 42): RegisterContent {
  let state = seed;
  const random = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
  const int = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const base = '2022-01-01';
  const r = emptyRegister();

  // Organisations, each with its own site: the controller's and processor's sites hold the data.
  const organisationCount = Math.max(4, Math.round(size.agreements / 2.5));
  for (let i = 0; i < organisationCount; i++) {
    const id = `org-${i}`;
    r.organisations.push({
      id, archived: false, legalName: `Organisation ${i}`, odsCode: null, roles: ['controller', 'processor'],
      icoRegistrationNumber: chance(0.99) ? `Z${pad(i, 7)}` : null,
      icoRenewalDate: chance(0.98) ? addDays(LARGE_REGISTER_AS_OF, 1 + int(360)) : addDays(LARGE_REGISTER_AS_OF, -int(60)),
      predecessorId: null,
    });
    r.assurances.push({
      id: `assurance-${i}`, archived: false, organisationId: id, kind: 'DSPT', dsptYear: '2024/25',
      dsptStatus: chance(0.95) ? 'Standards Met' : 'Approaching Standards', improvementPlanAgreed: chance(0.7), improvementPlanDate: null,
      certificateNumber: null, scope: null, publishedDate: '2024-06-30',
      expiryDate: chance(0.97) ? addDays(LARGE_REGISTER_AS_OF, 30 + int(300)) : addDays(LARGE_REGISTER_AS_OF, -int(30)), coveredLocationIds: [],
    });
    if (chance(0.99)) r.dsfcs.push({ id: `dsfc-${i}`, archived: false, reference: `CON-${pad(100_000 + i, 6)}-ABCDE`, controllerOrganisationId: id, signedDate: base });
    r.locations.push({
      id: `site-${i}`, archived: false, name: `Site of organisation ${i}`, operatorOrganisationId: id, hostedByOrganisationId: null, kind: 'on-premises-server',
      address: null, cloudProvider: null, cloudRegion: null, country: chance(0.99) ? 'England' : 'Ireland',
    });
  }
  const dsfcIds = new Set(r.dsfcs.map((d) => d.id));

  // Agreements: one to three versions each, renewed back to back (one in ten with a gap).
  const versions: DsaVersion[] = [];
  const sitesOfAgreement: string[][] = [];
  for (let a = 0; a < size.agreements; a++) {
    r.dsas.push({ id: `dsa-${a}`, archived: false, nicReference: `DARS-NIC-${pad(10_000 + a, 6)}-ABCDE`, title: null });
    const controller = int(organisationCount);
    const processor = int(organisationCount);
    sitesOfAgreement.push([`site-${controller}`, `site-${processor}`]);
    let start = addDays(base, int(900));
    let predecessor: string | null = null;
    const count = 1 + int(3);
    for (let v = 0; v < count; v++) {
      const end = addDays(start, 365 + int(730));
      const version: DsaVersion = {
        id: `version-${a}-${v}`, archived: false, dsaId: `dsa-${a}`, version: `${v + 1}`, status: v === count - 1 ? 'active' : 'superseded',
        startDate: start, endDate: end, signedDate: null, predecessorVersionId: predecessor,
        parties: [
          { organisationId: `org-${controller}`, role: 'controller', controllerType: 'sole' },
          { organisationId: `org-${processor}`, role: 'processor', controllerType: null },
        ],
        territory: 'England', commercial: false, sublicensing: false, archivingForResearch: false, objective: null, processingActivities: null, expectedOutputs: null,
        expectedBenefits: null, lawfulBases: { article6: null, article9: null, commonLawBasis: null, s251Reference: null, s251Expiry: null },
        ethicsReference: null, destructionRule: chance(0.2) ? { kind: 'rolling', weeks: 6 } : { kind: 'days-after-end', days: 30 }, destructionRuleIsDefault: false,
        dsfcId: dsfcIds.has(`dsfc-${controller}`) ? `dsfc-${controller}` : null,
      };
      versions.push(version);
      r.versions.push(version);
      r.datasets.push({
        id: `dataset-${a}-${v}`, archived: false, versionId: version.id, name: 'Hospital Episode Statistics Admitted Patient Care', typeOfData: 'Pseudonymised',
        sensitivity: 'Sensitive', frequency: 'Ongoing', legalBasisForProvision: null, optOutsApplied: 'Yes', periodFrom: null, periodTo: null, disclosureProfileId: null,
      });
      const approve = (location: string, role: 'storage' | 'processing' | 'backup', n: number) =>
        r.approvedLocations.push({ id: `approval-${a}-${v}-${n}`, archived: false, versionId: version.id, locationId: location, role, approvedFrom: null, approvedTo: null });
      approve(`site-${controller}`, 'storage', 0);
      approve(`site-${controller}`, 'processing', 1);
      approve(`site-${processor}`, 'backup', 2);
      approve(`site-${processor}`, 'storage', 3);
      predecessor = version.id;
      start = addDays(end, chance(0.9) ? 1 : 2 + int(30));
    }
    r.obligations.push({
      id: `obligation-${a}`, archived: false, kind: 'special-condition', versionId: predecessor, organisationId: null,
      text: `Special condition ${a}: outputs are checked before release`, dueDate: addDays(LARGE_REGISTER_AS_OF, int(400) - 20),
      recurrence: 'none', owner: null, evidence: null, status: chance(0.9) ? 'open' : 'met',
    });
  }

  // Holdings: extracts received under a random version, one data year each.
  const holdings: Holding[] = [];
  for (let h = 0; h < size.holdings; h++) {
    const version = versions[int(versions.length)]!;
    const holding: Holding = {
      id: `holding-${h}`, archived: false, versionId: version.id, datasetId: `dataset-${version.id.slice('version-'.length)}`,
      darsFileReference: `NIC${pad(h, 6)}_HES_APC`, periodFrom: null, periodTo: null, receivedDate: addDays(version.startDate, int(300)),
      recordCount: 1000 + int(1_000_000), checksum: null, dataYear: `${2019 + int(6)}`,
    };
    holdings.push(holding);
    r.holdings.push(holding);
  }

  // Copies: primary and derived at the controller's site, backup and processor copy at the
  // processor's; one in a hundred somewhere else. Data of ended agreements is mostly destroyed.
  const endOf = new Map<string, string>();
  for (const v of versions) endOf.set(v.dsaId, v.endDate > (endOf.get(v.dsaId) ?? '') ? v.endDate : endOf.get(v.dsaId)!);
  const kinds = ['primary', 'derived', 'backup', 'processor-copy'] as const;
  const destroyedHoldings = new Set<string>();
  for (let c = 0; c < size.copies; c++) {
    const holding = holdings[int(holdings.length)]!;
    const agreement = Number(holding.versionId.split('-')[1]);
    const kind = kinds[int(kinds.length)]!;
    const [controllerSite, processorSite] = sitesOfAgreement[agreement]!;
    const site = chance(0.01) ? `site-${int(organisationCount)}` : kind === 'primary' || kind === 'derived' ? controllerSite! : processorSite!;
    const agreementEnd = endOf.get(`dsa-${agreement}`)!;
    const ended = agreementEnd < LARGE_REGISTER_AS_OF;
    const destroyed = ended && chance(0.97) ? addDays(agreementEnd, 1 + int(25)) : null;
    if (destroyed) destroyedHoldings.add(holding.id);
    r.copies.push({ id: `copy-${c}`, archived: false, holdingId: holding.id, locationId: site, kind, pathOrDescription: null, createdDate: holding.receivedDate, destroyedDate: destroyed });
  }
  let certificate = 0;
  for (const holdingId of destroyedHoldings) {
    if (!chance(0.95)) continue;
    const holding = holdings[Number(holdingId.slice('holding-'.length))]!;
    r.certificates.push({
      id: `certificate-${certificate}`, archived: false, number: `COD-${pad(certificate++, 6)}`, versionId: holding.versionId, holdingIds: [holdingId],
      issuedDate: LARGE_REGISTER_AS_OF, status: 'sent', sentDate: LARGE_REGISTER_AS_OF, acknowledgedDate: null, acknowledgementReference: null,
    });
  }
  return r;
}
