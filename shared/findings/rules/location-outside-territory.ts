import { plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import type { Copy, DsaVersion, Location } from '../../register/records';
import { byId } from '../../register/register-index';
import { isInTerritory } from '../../register/territory';
import { makeFinding, type FindingRule } from '../finding-rule';
import { placementCopies, placements } from '../placements';

/**
 * LOCATION_OUTSIDE_TERRITORY: a location whose country lies outside a version's territory of use,
 * either because live copies held under that version are there, or because the version approves it.
 * High when data is there (a breach of the DSA now); medium when it is only approved (a record to
 * correct before any data goes there). Approvals count on versions that have not ended and are
 * still draft or active.
 */
export const locationOutsideTerritory: FindingRule = (context) => {
  const { index, asOf } = context;
  const pairs = new Map<string, { version: DsaVersion; location: Location; copies: Copy[] }>();
  const pairOf = (version: DsaVersion, location: Location) => {
    const key = `${version.id}\u0000${location.id}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { version, location, copies: [] }));
    return pair;
  };
  for (const placement of placements(context)) {
    if (isInTerritory(placement.location.country, placement.version.territory)) continue;
    const pair = pairOf(placement.version, placement.location);
    for (const copy of placementCopies(context, placement)) pair.copies.push(copy);
  }
  for (const [versionId, approvals] of index.approvalsByVersion) {
    const version = index.versions.get(versionId);
    if (!version || version.endDate < asOf || (version.status !== 'active' && version.status !== 'draft')) continue;
    for (const approval of approvals) {
      const location = index.locations.get(approval.locationId);
      if (location && !isInTerritory(location.country, version.territory)) pairOf(version, location);
    }
  }
  return [...pairs.values()].map(({ version, location, copies }) => {
    copies.sort(byId);
    const held = copies.length > 0;
    const agreement = versionLabel(index, version);
    return makeFinding('LOCATION_OUTSIDE_TERRITORY', {
      key: [version.id, location.id],
      severity: held ? 'high' : 'medium',
      title: held
        ? `${plural(copies.length, 'copy', 'copies')} held under ${agreement} ${copies.length === 1 ? 'is' : 'are'} at ${location.name} in ${location.country}, outside its territory of use (${version.territory})`
        : `${agreement} approves ${location.name} in ${location.country}, outside its territory of use (${version.territory})`,
      action: held
        ? `Move the data to a location inside the territory of use (${version.territory}) and destroy the copies in ${location.country}, or have NHS England (DARS) amend the territory first.`
        : `Correct the location's country or withdraw the approval, unless NHS England (DARS) amends the territory of use to include ${location.country}.`,
      subjects: [refs.location(location), refs.version(index, version), ...copies.map((c) => refs.copy(index, c))],
      dueDate: null,
    });
  });
};
