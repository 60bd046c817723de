import type { DsaVersion, Organisation } from '../register/records';
import { byId, isActiveOn } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface ActiveParty {
  organisation: Organisation;
  /** The active versions (see isActiveOn) that name it as controller or processor, in id order. */
  versions: DsaVersion[];
}

/**
 * Controllers and processors of the versions active on the as-of date: the organisations whose
 * security assurance and ICO registration the DSFC requires to be current.
 */
export function partiesOfActiveVersions({ index, asOf }: RuleContext): ActiveParty[] {
  const parties = new Map<string, ActiveParty>();
  for (const version of index.versions.values()) {
    if (!isActiveOn(version, asOf)) continue;
    for (const organisationId of new Set(version.parties.map((p) => p.organisationId))) {
      const organisation = index.organisations.get(organisationId);
      if (!organisation) continue;
      const party = parties.get(organisationId);
      if (party) party.versions.push(version);
      else parties.set(organisationId, { organisation, versions: [version] });
    }
  }
  for (const party of parties.values()) party.versions.sort(byId);
  return [...parties.values()];
}
