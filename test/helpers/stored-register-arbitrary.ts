import fc from 'fast-check';
import {
  approvalRoles,
  assuranceKinds,
  copyKinds,
  dsptStatuses,
  frequencies,
  locationKinds,
  obligationKinds,
  obligationStatuses,
  optOutValues,
  organisationRoles,
  recurrences,
  sensitivities,
  typesOfData,
  versionStatuses,
  certificateStatuses,
} from '../../shared/register/vocabulary';
import { territories, knownCountries } from '../../shared/register/territory';
import { registerContentSchema, type RegisterContent } from '../../shared/register/snapshot';

/**
 * Small registers that are valid by construction: every reference points at a record of the right
 * kind (a holding's dataset is of its version, a certificate's holdings too), unique values are
 * unique, dates are real and in order. Text includes any Unicode, quotes, LIKE wildcards and
 * emoji, so storage and JSON must carry it exactly. Values are what the snapshot schema outputs.
 */
// fc.gen memoises arbitraries by their arguments and cannot tell two regular expressions apart,
// so each pattern is built once here and drawn through its own function.
const odsCode = fc.stringMatching(/^[A-Z0-9]{3,10}$/);
const icoNumber = fc.stringMatching(/^[A-Z]{1,2}\d{6,8}$/);
const dataYear = fc.stringMatching(/^\d{4}(\/\d{2})?$/);
const dsptYear = fc.stringMatching(/^\d{4}\/\d{2}$/);
const fiveCharacters = fc.stringMatching(/^[A-Z0-9]{5}$/);

export const storedRegisterArbitrary: fc.Arbitrary<RegisterContent> = fc.gen().map((g) => {
  const pick = <T>(values: readonly T[]): T => g(fc.constantFrom, ...values);
  const maybe = <T>(make: () => T): T | null => (g(fc.boolean) ? make() : null);
  const count = (min: number, max: number) => g(fc.integer, { min, max });
  const id = () => g(fc.uuid);
  const text = () => {
    const raw = g(fc.string, { minLength: 1, maxLength: 16, unit: 'grapheme' }).trim();
    return raw === '' ? 'x' : raw;
  };
  const dayNumber = () => count(0, 15_000);
  const dateOf = (day: number) => new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);
  const date = () => dateOf(dayNumber());
  const subset = <T>(values: readonly T[], minLength = 0): T[] =>
    values.length === 0 ? [] : g(fc.subarray, [...values], { minLength: Math.min(minLength, values.length) });

  const organisations = Array.from({ length: count(1, 3) }, () => ({
    id: id(),
    archived: g(fc.boolean),
    legalName: text(),
    odsCode: maybe(() => g(() => odsCode)),
    roles: subset(organisationRoles),
    icoRegistrationNumber: maybe(() => g(() => icoNumber)),
    icoRenewalDate: maybe(date),
    predecessorId: null as string | null,
  }));
  organisations.forEach((o, i) => (o.predecessorId = i > 0 && g(fc.boolean) ? organisations[i - 1]!.id : null));
  const orgIds = organisations.map((o) => o.id);

  const locations = Array.from({ length: count(1, 3) }, () => ({
    id: id(),
    archived: g(fc.boolean),
    name: text(),
    operatorOrganisationId: pick(orgIds),
    hostedByOrganisationId: g(fc.boolean) ? pick(orgIds) : null,
    kind: pick(locationKinds),
    address: maybe(text),
    cloudProvider: maybe(text),
    cloudRegion: maybe(text),
    country: pick(knownCountries),
  }));
  const locationIds = locations.map((l) => l.id);

  const assurances = Array.from({ length: count(0, 2) }, () => {
    const kind = pick(assuranceKinds);
    const dsptStatus = kind === 'DSPT' ? pick(dsptStatuses) : null;
    return {
      id: id(),
      archived: g(fc.boolean),
      organisationId: pick(orgIds),
      kind,
      dsptYear: kind === 'DSPT' ? maybe(() => g(() => dsptYear)) : null,
      dsptStatus,
      improvementPlanAgreed: g(fc.boolean),
      // The plan's date is required with the status that names an approved plan, optional otherwise.
      improvementPlanDate: dsptStatus === 'Not Met - Improvement Plan Approved' ? date() : maybe(date),
      certificateNumber: kind === 'ISO27001' ? text() : maybe(text),
      scope: maybe(text),
      publishedDate: maybe(date),
      expiryDate: date(),
      coveredLocationIds: subset(locationIds),
    };
  });

  const dsfcs = Array.from({ length: count(0, 2) }, (_, i) => ({
    id: id(),
    archived: g(fc.boolean),
    reference: `CON-${100000 + i}-${g(() => fiveCharacters)}${g(fc.boolean) ? '-v2.03' : ''}`,
    controllerOrganisationId: pick(orgIds),
    signedDate: date(),
  }));

  const dsas = Array.from({ length: count(1, 3) }, (_, i) => ({
    id: id(),
    archived: g(fc.boolean),
    nicReference: `DARS-NIC-${String(10000 + i)}-${g(() => fiveCharacters)}`,
    title: maybe(text),
  }));

  const versions = dsas.flatMap((dsa) => {
    let previous: string | null = null;
    return Array.from({ length: count(1, 2) }, (_, j) => {
      const start = dayNumber();
      const rule = pick(['days-after-end', 'fixed-date', 'rolling'] as const);
      const version = {
        id: id(),
        archived: g(fc.boolean),
        dsaId: dsa.id,
        version: g(fc.boolean) ? `${j + 1}` : `${j + 1}.${count(0, 9)}`,
        status: pick(versionStatuses),
        startDate: dateOf(start),
        endDate: dateOf(start + count(0, 1500)),
        signedDate: maybe(date),
        predecessorVersionId: previous,
        parties: subset(orgIds).map((organisationId) => {
          const role = pick(['controller', 'processor'] as const);
          return { organisationId, role, controllerType: role === 'controller' ? maybe(() => pick(['sole', 'joint'] as const)) : null };
        }),
        territory: pick(territories),
        commercial: g(fc.boolean),
        sublicensing: g(fc.boolean),
        archivingForResearch: g(fc.boolean),
        objective: maybe(text),
        processingActivities: maybe(text),
        expectedOutputs: maybe(text),
        expectedBenefits: maybe(text),
        lawfulBases: {
          article6: maybe(text),
          article9: maybe(text),
          commonLawBasis: maybe(text),
          s251Reference: maybe(text),
          s251Expiry: maybe(date),
        },
        ethicsReference: maybe(text),
        destructionRule:
          rule === 'days-after-end'
            ? { kind: rule, days: count(0, 3650) }
            : rule === 'fixed-date'
              ? { kind: rule, date: date() }
              : { kind: rule, weeks: count(0, 520) },
        dsfcId: dsfcs.length && g(fc.boolean) ? pick(dsfcs.map((d) => d.id)) : null,
      };
      previous = g(fc.boolean) ? version.id : null;
      return version;
    });
  });

  const datasets = versions.flatMap((version) =>
    Array.from({ length: count(0, 2) }, () => ({
      id: id(),
      archived: g(fc.boolean),
      versionId: version.id,
      name: text(),
      typeOfData: maybe(() => pick(typesOfData)),
      sensitivity: maybe(() => pick(sensitivities)),
      frequency: maybe(() => pick(frequencies)),
      legalBasisForProvision: maybe(text),
      optOutsApplied: maybe(() => pick(optOutValues)),
      periodFrom: maybe(date),
      periodTo: maybe(date),
      disclosureProfileId: maybe(text),
    })),
  );

  const approvedLocations = versions.flatMap((version) =>
    Array.from({ length: count(0, 2) }, () => ({
      id: id(),
      archived: g(fc.boolean),
      versionId: version.id,
      locationId: pick(locationIds),
      role: pick(approvalRoles),
      approvedFrom: maybe(date),
      approvedTo: maybe(date),
    })),
  );

  const holdings = datasets.flatMap((dataset) =>
    Array.from({ length: count(0, 2) }, () => ({
      id: id(),
      archived: g(fc.boolean),
      versionId: dataset.versionId,
      datasetId: dataset.id,
      darsFileReference: text(),
      periodFrom: maybe(date),
      periodTo: maybe(date),
      receivedDate: date(),
      recordCount: maybe(() => count(0, 2_000_000_000)),
      checksum: maybe(text),
      dataYear: maybe(() => g(() => dataYear)),
    })),
  );

  const copies = holdings.flatMap((holding) =>
    Array.from({ length: count(0, 3) }, () => ({
      id: id(),
      archived: g(fc.boolean),
      holdingId: holding.id,
      locationId: pick(locationIds),
      kind: pick(copyKinds),
      pathOrDescription: maybe(text),
      createdDate: date(),
      destroyedDate: maybe(date),
    })),
  );

  const obligations = Array.from({ length: count(0, 3) }, () => ({
    id: id(),
    archived: g(fc.boolean),
    kind: pick(obligationKinds),
    versionId: g(fc.boolean) ? pick(versions.map((v) => v.id)) : null,
    organisationId: g(fc.boolean) ? pick(orgIds) : null,
    text: text(),
    dueDate: maybe(date),
    recurrence: pick(recurrences),
    owner: maybe(text),
    evidence: maybe(text),
    status: pick(obligationStatuses),
  }));

  const certificates = versions.flatMap((version, i) => {
    const ofVersion = holdings.filter((h) => h.versionId === version.id).map((h) => h.id);
    if (ofVersion.length === 0 || !g(fc.boolean)) return [];
    return [
      {
        id: id(),
        archived: g(fc.boolean),
        number: `CD-${i}-${count(0, 999)}`,
        versionId: version.id,
        holdingIds: subset(ofVersion, 1),
        issuedDate: date(),
        status: pick(certificateStatuses),
        sentDate: maybe(date),
        acknowledgedDate: maybe(date),
        acknowledgementReference: maybe(text),
      },
    ];
  });

  return registerContentSchema.parse({
    organisations,
    assurances,
    dsfcs,
    dsas,
    versions,
    datasets,
    locations,
    approvedLocations,
    holdings,
    copies,
    obligations,
    certificates,
  });
});
