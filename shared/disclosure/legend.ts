import { describeSuppressedRange, type DisclosureProfile } from './profile';
import { tieRuleShort } from './rounding';

/** The legend written under every published table: which profile, what the marker means. */
export function legendLines(profile: DisclosureProfile, complementaryUsed: boolean): string[] {
  const lines = [`Disclosure control: Custodian profile "${profile.name}" (${profile.id}, version ${profile.version}).`];
  const range = describeSuppressedRange(profile);
  if (range !== 'none') {
    lines.push(
      `${profile.marker} = suppressed: a count of ${range}${complementaryUsed ? ', or a cell suppressed so that such a count cannot be worked out from the totals' : ''}.`,
    );
  }
  if (profile.rounding) {
    lines.push(`Other counts are rounded to the nearest ${profile.rounding.base} (${tieRuleShort[profile.rounding.tie]}).`);
  }
  if (profile.national === 'exempt') lines.push('National figures are shown exactly, neither suppressed nor rounded.');
  if (profile.totals === 'sum-of-published') lines.push('Totals are the sum of the published cells; suppressed cells count as nothing.');
  else if (profile.rounding) lines.push('Totals are calculated from unrounded counts and then rounded, so they may not add up exactly.');
  return lines;
}
