import type { DsaVersion, Organisation } from '../register/records';
import { byId, isInForce } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface PartyInForce {
  organisation: Organisation;
  /** The versions in force on the as-of date that name it as controller or processor, in id order. */
  versions: DsaVersion[];
}

/**
 * Controllers and processors of the versions in force on the as-of date: the organisations whose
 * security assurance and ICO registration the DSFC requires to be current.
 */
export function partiesInForce({ index, asOf }: RuleContext): PartyInForce[] {
  const parties = new Map<string, PartyInForce>();
  for (const version of index.versions.values()) {
    if (!isInForce(version, asOf)) continue;
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
