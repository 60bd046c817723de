import type { Finding } from '../register/findings';
import type { RecordRef } from '../register/record-labels';
import type { RegisterIndex } from '../register/register-index';

/**
 * Where a finding sits, for the findings table's grouping and filters: the agreement whose records
 * it names (through a copy, holding, version or obligation) and the location (named, or where the
 * copy is). A finding about an organisation, DSFC or assurance has neither: it is about every
 * agreement it touches, so it is listed under "No single agreement" rather than under one of them.
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
  let dsaId: string | null = null;
  let locationId: string | null = null;
  for (const subject of finding.subjects) {
    switch (subject.kind) {
      case 'copy': {
        const copy = index.copies.get(subject.id);
        if (!copy) break;
        locationId ??= copy.locationId;
        dsaId ??= dsaOfHolding(index, copy.holdingId);
        break;
      }
      case 'holding':
        dsaId ??= dsaOfHolding(index, subject.id);
        break;
      case 'dsaVersion':
        dsaId ??= index.versions.get(subject.id)?.dsaId ?? null;
        break;
      case 'dsa':
        dsaId ??= index.dsas.has(subject.id) ? subject.id : null;
        break;
      case 'obligation': {
        const versionId = index.obligations.get(subject.id)?.versionId;
        dsaId ??= versionId ? (index.versions.get(versionId)?.dsaId ?? null) : null;
        break;
      }
      case 'location':
        locationId ??= index.locations.has(subject.id) ? subject.id : null;
        break;
    }
  }
  if (dsaId === null && locationId === null) return none;
  const dsa = dsaId === null ? undefined : index.dsas.get(dsaId);
  const location = locationId === null ? undefined : index.locations.get(locationId);
  return {
    agreement: dsa ? { kind: 'dsa', id: dsa.id, label: dsa.nicReference } : null,
    location: location ? { kind: 'location', id: location.id, label: location.name } : null,
  };
}

function dsaOfHolding(index: RegisterIndex, holdingId: string): string | null {
  const holding = index.holdings.get(holdingId);
  return holding ? (index.versions.get(holding.versionId)?.dsaId ?? null) : null;
}
