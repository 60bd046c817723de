import fc from 'fast-check';
import { addDays } from '../../shared/register/dates';
import type { RegisterContent } from '../../shared/register/snapshot';
import { territories } from '../../shared/register/territory';
import {
  approvalRoles,
  copyKinds,
  dsptStatuses,
  locationKinds,
  obligationKinds,
  obligationStatuses,
  versionStatuses,
} from '../../shared/register/vocabulary';
import { RegisterBuilder } from './register-builder';

/**
 * Random registers for property-based tests: organisations with and without assurance and ICO
 * registration, agreements with renewal chains (gaps and overlaps), every destruction rule,
 * locations in and outside the UK, approvals with and without dates, holdings with data years,
 * copies live and destroyed, certificates, obligations, and some of everything archived.
 * References are drawn as indexes and wrapped onto what exists, so every register is valid and
 * fast-check can still shrink a failing one to a small example.
 */
const BASE = '2024-01-01';
const day = fc.integer({ min: 0, max: 1500 });
const date = day.map((d) => addDays(BASE, d));
/** Archived about one time in five. */
const archived = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);
const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

const datasetNames = ['Hospital Episode Statistics Admitted Patient Care', 'Emergency Care Data Set', 'Civil Registrations of Death'];
const dataYears = ['2022/23', '2023/24', '2024/25', '2025/26'];
const countries = ['England', 'Wales', 'Scotland', 'Ireland', 'United States'];

const plan = fc.record({
  organisations: fc.array(
    fc.record({
      ico: fc.boolean(),
      renewal: fc.option(date),
      dsfc: fc.boolean(),
      archived,
      assurances: fc.array(
        fc.record({
          iso: fc.boolean(),
          status: fc.constantFrom(...dsptStatuses),
          plan: fc.boolean(),
          planDate: date,
          expiry: date,
          published: fc.option(date),
          archived,
        }),
        { maxLength: 2 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  dsas: fc.array(archived, { minLength: 1, maxLength: 3 }),
  versions: fc.array(
    fc.record({
      dsa: fc.nat(),
      start: day,
      length: fc.integer({ min: 0, max: 1200 }),
      status: fc.constantFrom('active', 'active', 'active', ...versionStatuses),
      renewsPrevious: fc.boolean(),
      parties: fc.array(fc.record({ organisation: fc.nat(), controller: fc.boolean() }), { maxLength: 3 }),
      dsfc: fc.option(fc.nat()),
      territory: fc.constantFrom(...territories),
      rule: fc.oneof(
        fc.nat({ max: 90 }).map((days) => ({ kind: 'days-after-end' as const, days })),
        date.map((d) => ({ kind: 'fixed-date' as const, date: d })),
        fc.nat({ max: 12 }).map((weeks) => ({ kind: 'rolling' as const, weeks })),
      ),
      datasets: fc.subarray(datasetNames, { minLength: 1 }),
      archived,
    }),
    { minLength: 1, maxLength: 5 },
  ),
  locations: fc.array(
    fc.record({ operator: fc.nat(), host: fc.option(fc.nat()), country: fc.constantFrom(...countries), kind: fc.constantFrom(...locationKinds), archived }),
    { minLength: 1, maxLength: 4 },
  ),
  approvals: fc.array(
    fc.record({ version: fc.nat(), location: fc.nat(), role: fc.constantFrom(...approvalRoles), from: fc.option(date), to: fc.option(date), archived }),
    { maxLength: 8 },
  ),
  holdings: fc.array(
    fc.record({ version: fc.nat(), dataset: fc.nat(), dataYear: fc.option(fc.constantFrom(...dataYears)), received: date, archived }),
    { maxLength: 8 },
  ),
  copies: fc.array(
    fc.record({ holding: fc.nat(), location: fc.nat(), kind: fc.constantFrom(...copyKinds), destroyed: fc.option(date), archived }),
    { maxLength: 14 },
  ),
  certificates: fc.array(fc.record({ version: fc.nat(), holdings: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), archived }), { maxLength: 2 }),
  obligations: fc.array(
    fc.record({
      kind: fc.constantFrom(...obligationKinds),
      status: fc.constantFrom(...obligationStatuses),
      due: fc.option(date),
      version: fc.option(fc.nat()),
      archived,
    }),
    { maxLength: 4 },
  ),
});

export type RegisterPlan = typeof plan extends fc.Arbitrary<infer P> ? P : never;

export const registerArbitrary: fc.Arbitrary<RegisterContent> = plan.map(buildFromPlan);

/** A date the findings can be judged on, spanning the registers' dates. */
export const asOfArbitrary: fc.Arbitrary<string> = date;

function buildFromPlan(p: RegisterPlan): RegisterContent {
  const b = new RegisterBuilder();
  const orgs = p.organisations.map((o, i) => {
    const id = `org-${i}`;
    b.organisation(id, {
      legalName: `Organisation ${i}`,
      icoRegistrationNumber: o.ico ? `Z${String(1_000_000 + i)}` : null,
      icoRenewalDate: o.renewal,
      archived: o.archived,
    });
    o.assurances.forEach((a, j) =>
      b.assurance(`${id}-assurance-${j}`, id, {
        kind: a.iso ? 'ISO27001' : 'DSPT',
        certificateNumber: a.iso ? `IS ${i}${j}` : null,
        dsptYear: a.iso ? null : '2025/26',
        dsptStatus: a.iso ? null : a.status,
        improvementPlanAgreed: a.plan,
        improvementPlanDate: a.iso || a.status !== 'Not Met - Improvement Plan Approved' ? null : a.planDate,
        publishedDate: a.published,
        expiryDate: a.expiry,
        archived: a.archived,
      }),
    );
    if (o.dsfc) b.dsfc(`${id}-dsfc`, { reference: `CON-${100_000 + i}-ABCDE`, controller: id });
    return id;
  });
  const dsfcs = p.organisations.flatMap((o, i) => (o.dsfc ? [`org-${i}-dsfc`] : []));
  const dsas = p.dsas.map((isArchived, i) => {
    b.dsa(`dsa-${i}`, `DARS-NIC-${String(10_000 + i)}-AB${i}CD`, { archived: isArchived });
    return `dsa-${i}`;
  });

  const lastVersionOfDsa = new Map<string, string>();
  const datasetsOfVersion = new Map<string, string[]>();
  const versions = p.versions.map((v, i) => {
    const id = `version-${i}`;
    const dsa = pick(dsas, v.dsa)!;
    const previous = lastVersionOfDsa.get(dsa);
    const parties = v.parties.map((party) => ({ organisation: pick(orgs, party.organisation)!, controller: party.controller }));
    b.version(id, {
      dsa,
      version: `${i + 1}`,
      status: v.status,
      start: addDays(BASE, v.start),
      end: addDays(BASE, v.start + v.length),
      controllers: [...new Set(parties.filter((x) => x.controller).map((x) => x.organisation))],
      processors: [...new Set(parties.filter((x) => !x.controller).map((x) => x.organisation))],
      dsfc: v.dsfc === null ? undefined : pick(dsfcs, v.dsfc),
      renews: v.renewsPrevious ? previous : undefined,
      territory: v.territory,
      destructionRule: v.rule,
      archived: v.archived,
    });
    lastVersionOfDsa.set(dsa, id);
    datasetsOfVersion.set(
      id,
      v.datasets.map((name, j) => {
        b.dataset(`${id}-dataset-${j}`, id, name);
        return `${id}-dataset-${j}`;
      }),
    );
    return id;
  });

  const locations = p.locations.map((l, i) => {
    const host = l.host === null ? null : pick(orgs, l.host)!;
    b.location(`location-${i}`, { name: `Location ${i}`, operator: pick(orgs, l.operator)!, ...(host ? { hostedBy: host } : {}), kind: l.kind, country: l.country, archived: l.archived });
    return `location-${i}`;
  });
  p.approvals.forEach((a, i) =>
    b.approve(`approval-${i}`, pick(versions, a.version)!, pick(locations, a.location)!, a.role, { approvedFrom: a.from, approvedTo: a.to, archived: a.archived }),
  );
  const holdings = p.holdings.map((h, i) => {
    const version = pick(versions, h.version)!;
    b.holding(`holding-${i}`, version, pick(datasetsOfVersion.get(version)!, h.dataset)!, { receivedDate: h.received, dataYear: h.dataYear, archived: h.archived });
    return `holding-${i}`;
  });
  p.copies.forEach((c, i) => {
    const holding = pick(holdings, c.holding);
    if (holding) b.copy(`copy-${i}`, holding, pick(locations, c.location)!, c.kind, { destroyedDate: c.destroyed, archived: c.archived });
  });
  p.certificates.forEach((c, i) => {
    const covered = [...new Set(c.holdings.map((h) => pick(holdings, h)).filter((h): h is string => h !== undefined))];
    if (covered.length > 0) b.certificate(`certificate-${i}`, pick(versions, c.version)!, covered, { issuedDate: BASE, archived: c.archived });
  });
  p.obligations.forEach((o, i) =>
    b.obligation(`obligation-${i}`, {
      kind: o.kind,
      status: o.status,
      text: `Obligation ${i}`,
      dueDate: o.due,
      version: o.version === null ? undefined : pick(versions, o.version),
      archived: o.archived,
    }),
  );
  return b.build();
}
