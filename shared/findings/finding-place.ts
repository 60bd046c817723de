import type { Finding } from '../register/findings';
import type { RecordRef } from '../register/record-labels';
import type { RegisterIndex } from '../register/register-index';

/**
 * Where a finding sits, for the findings table's grouping and filters: the agreement whose records
 * it names (through a copy, holding, version or obligation) and the location (named, or where the
 * copy is). A finding that names the records of several agreements (an organisation's lapsed ICO
 * registration, under every agreement it is party to), or of none, is listed under "No single
 * agreement" rather than under one of them; one naming several locations has no location.
 */
export interface FindingPlace {
  agreement: RecordRef | null;
  location: RecordRef | null;
}

const none: FindingPlace = { agreement: null, location: null };

/**
 * Remembered per index and per subjects array: the array is shared by every copy of a finding made
 * to carry its status (withStatuses spreads the finding), so 100,000 findings are placed once per
 * change to the register, not once per request.
 */
const placesByIndex = new WeakMap<RegisterIndex, WeakMap<object, FindingPlace>>();

export function placeOfFinding(index: RegisterIndex, finding: Pick<Finding, 'subjects'>): FindingPlace {
  let places = placesByIndex.get(index);
  if (!places) placesByIndex.set(index, (places = new WeakMap()));
  let place = places.get(finding.subjects);
  if (!place) places.set(finding.subjects, (place = computePlace(index, finding)));
  return place;
}

function computePlace(index: RegisterIndex, finding: Pick<Finding, 'subjects'>): FindingPlace {
  const dsaIds = new Set<string>();
  const locationIds = new Set<string>();
  const copyIds: string[] = [];
  let holdingId: string | null = null;
  const addDsa = (id: string | null | undefined) => {
    if (id) dsaIds.add(id);
  };
  for (const subject of finding.subjects) {
    switch (subject.kind) {
      case 'copy':
        copyIds.push(subject.id);
        break;
      case 'holding':
        holdingId ??= subject.id;
        addDsa(dsaOfHolding(index, subject.id));
        break;
      case 'dsaVersion':
        addDsa(index.versions.get(subject.id)?.dsaId);
        break;
      case 'dsa':
        if (index.dsas.has(subject.id)) addDsa(subject.id);
        break;
      case 'obligation': {
        const versionId = index.obligations.get(subject.id)?.versionId;
        addDsa(versionId ? index.versions.get(versionId)?.dsaId : null);
        break;
      }
      case 'location':
        if (index.locations.has(subject.id)) locationIds.add(subject.id);
        break;
    }
  }
  // Copies are looked up only when the other subjects leave the place open, and through their
  // holding's few copies where one is named: index.copies is a map of every copy, built on first use.
  if (copyIds.length > 0 && (locationIds.size === 0 || dsaIds.size === 0)) {
    const ofHolding = holdingId === null ? null : index.copiesByHolding.get(holdingId);
    for (const copyId of copyIds) {
      const copy = ofHolding ? ofHolding.find((c) => c.id === copyId) : index.copies.get(copyId);
      if (!copy) continue;
      locationIds.add(copy.locationId);
      addDsa(dsaOfHolding(index, copy.holdingId));
    }
  }
  const dsa = dsaIds.size === 1 ? index.dsas.get([...dsaIds][0]!) : undefined;
  const location = locationIds.size === 1 ? index.locations.get([...locationIds][0]!) : undefined;
  if (!dsa && !location) return none;
  return {
    agreement: dsa ? { kind: 'dsa', id: dsa.id, label: dsa.nicReference } : null,
    location: location ? { kind: 'location', id: location.id, label: location.name } : null,
  };
}

function dsaOfHolding(index: RegisterIndex, holdingId: string): string | null {
  const holding = index.holdings.get(holdingId);
  return holding ? (index.versions.get(holding.versionId)?.dsaId ?? null) : null;
}
