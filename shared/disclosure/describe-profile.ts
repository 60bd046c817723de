import { describeSuppressedRange, type DisclosureProfile } from './profile';
import { tieRuleShort } from './rounding';

/** A profile's rules as short sentences, for the profile picker and the profile editor's summary. */
export function describeProfileRules(profile: DisclosureProfile): string[] {
  const range = describeSuppressedRange(profile);
  const lines: string[] = [];
  lines.push(range === 'none' ? 'Nothing is suppressed.' : `Counts of ${range} become ${profile.marker}.`);
  if (profile.zeros === 'show' && range !== 'none') lines.push('Zeros are shown as 0.');
  if (profile.rounding) lines.push(`Other counts are rounded to the nearest ${profile.rounding.base} (${tieRuleShort[profile.rounding.tie]}).`);
  if (profile.national === 'exempt') lines.push('National rows are shown exactly.');
  lines.push(
    profile.totals === 'sum-of-published'
      ? 'Totals are the sum of the published cells.'
      : profile.rounding
        ? 'Totals are computed from the true counts and rounded on their own.'
        : 'Totals are computed from the true counts.',
  );
  lines.push(
    profile.secondarySuppression
      ? 'Complementary cells are suppressed so that no suppressed count can be worked out from the totals.'
      : 'No complementary suppression.',
  );
  lines.push(`The attacker’s audit requires every suppressed count to keep at least ${profile.protectionWidth} possible values.`);
  return lines;
}
