import { wordsForFindingCode } from '../findings/finding-kind-words';
import type { Finding } from '../register/findings';
import type { RegisterIndex } from '../register/register-index';
import type { IncidentFieldsInput, IncidentLinks } from './incident-records';
import type { IncidentType } from './incident-vocabulary';
import type { ZonedTime } from './zoned-time';

/**
 * A new incident pre-filled from a finding, for the person to check and save: the type the finding
 * implies, the first part of its title (what it is about) as the title, its full title and what to
 * do as the description (in words: never the finding's code or id, which the incident keeps in `findingId`), and the agreements, datasets, holdings, copies and locations it is about
 * (a copy brings its holding, the holding's dataset and agreement, and its location). NHS data held under a DSA is health data about patients, so those are ticked;
 * the approximate number of records is the sum of the holdings' record counts where known.
 * The moment of becoming aware is now: seeing the finding is becoming aware.
 */
const typeForCode: Partial<Record<string, IncidentType>> = {
  COPY_AT_UNAPPROVED_LOCATION: 'undeclared-location',
  LOCATION_OUTSIDE_TERRITORY: 'undeclared-location',
  OPERATOR_NOT_PARTY: 'undeclared-location',
};

export function draftFromFinding(finding: Finding, index: RegisterIndex, now: ZonedTime): IncidentFieldsInput {
  const links = linksFor(finding, index);
  const counts = links.holdingIds.map((id) => index.holdings.get(id)?.recordCount ?? null);
  const approximateRecords = counts.length > 0 && counts.every((c) => c !== null) ? counts.reduce((a, b) => a! + b!, 0) : null;
  return {
    title: shortTitle(finding.title),
    // In words only: the finding's code and id are for the app (kept in findingId), not for the reader of the incident.
    description: `Opened from a finding of the register check: ${wordsForFindingCode(finding.code)}.\n\n${finding.title}.\n\nWhat the finding says to do: ${finding.action}`,
    type: typeForCode[finding.code] ?? 'other',
    occurredAt: null,
    discoveredAt: now,
    becameAwareAt: now,
    breachKinds: ['confidentiality'],
    dataCategories: ['health'],
    peopleKinds: ['patients'],
    approximateRecords,
    links,
    findingId: finding.id,
  };
}

/** A finding's title names what and then says why ("Derived copy of … at X: X is not approved…"); the incident is named by the what. */
function shortTitle(title: string): string {
  const what = title.split(': ')[0]!.trim();
  return what.length > 200 ? `${what.slice(0, 199)}\u2026` : what;
}

function linksFor(finding: Finding, index: RegisterIndex): IncidentLinks {
  const sets = { dsaIds: new Set<string>(), datasetIds: new Set<string>(), holdingIds: new Set<string>(), copyIds: new Set<string>(), locationIds: new Set<string>() };
  const addVersion = (versionId: string) => {
    const version = index.versions.get(versionId);
    if (version) sets.dsaIds.add(version.dsaId);
  };
  const addHolding = (holdingId: string) => {
    const holding = index.holdings.get(holdingId);
    if (!holding) return;
    sets.holdingIds.add(holding.id);
    sets.datasetIds.add(holding.datasetId);
    addVersion(holding.versionId);
  };
  for (const subject of finding.subjects) {
    switch (subject.kind) {
      case 'copy': {
        const copy = index.copies.get(subject.id);
        if (!copy) break;
        sets.copyIds.add(copy.id);
        sets.locationIds.add(copy.locationId);
        addHolding(copy.holdingId);
        break;
      }
      case 'holding':
        addHolding(subject.id);
        break;
      case 'location':
        if (index.locations.has(subject.id)) sets.locationIds.add(subject.id);
        break;
      case 'dataset': {
        const dataset = index.datasets.get(subject.id);
        if (!dataset) break;
        sets.datasetIds.add(dataset.id);
        addVersion(dataset.versionId);
        break;
      }
      case 'dsaVersion':
        addVersion(subject.id);
        break;
      case 'dsa':
        if (index.dsas.has(subject.id)) sets.dsaIds.add(subject.id);
        break;
    }
  }
  return {
    dsaIds: [...sets.dsaIds],
    datasetIds: [...sets.datasetIds],
    holdingIds: [...sets.holdingIds],
    copyIds: [...sets.copyIds],
    locationIds: [...sets.locationIds],
  };
}
