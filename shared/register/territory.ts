/**
 * Territories of use as DSAs state them, and the countries each contains. A location's country must
 * be in its version's territory. The EEA list is the EU member states plus Iceland, Liechtenstein
 * and Norway.
 */
export const ukNations = ['England', 'Wales', 'Scotland', 'Northern Ireland'] as const;

export const eeaCountries = [
  'Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus', 'Czechia', 'Denmark', 'Estonia', 'Finland',
  'France', 'Germany', 'Greece', 'Hungary', 'Ireland', 'Italy', 'Latvia', 'Lithuania', 'Luxembourg',
  'Malta', 'Netherlands', 'Poland', 'Portugal', 'Romania', 'Slovakia', 'Slovenia', 'Spain', 'Sweden',
  'Iceland', 'Liechtenstein', 'Norway',
] as const;

export const territories = ['England', 'England and Wales', 'UK', 'UK and EEA'] as const;
export type Territory = (typeof territories)[number];

const members: Record<Territory, readonly string[]> = {
  England: ['England'],
  'England and Wales': ['England', 'Wales'],
  UK: ukNations,
  'UK and EEA': [...ukNations, ...eeaCountries],
};

/** Countries a location may name: UK nations, EEA countries, or any other country by name. */
export const knownCountries: readonly string[] = [...ukNations, ...eeaCountries, 'United States', 'Other'];

export function isInTerritory(country: string, territory: Territory): boolean {
  return members[territory].includes(country);
}
