import { z } from 'zod';
import { formulaLeadCharacters } from '../exports/spreadsheet-safety';
import { tieRules } from './rounding';

/**
 * A disclosure profile: the rules one data set's outputs must follow, as versioned data. Built-in
 * profiles and the custom profiles users save as JSON files share this schema, so a saved file is
 * checked exactly as strictly as the shipped ones.
 */

const markerSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(12, 'must be at most 12 characters')
  .refine((m) => m.trim() === m, 'must not start or end with a space')
  .refine((m) => !formulaLeadCharacters.some((c) => m.startsWith(c)), 'must not start with = + - @, a tab or a carriage return')
  .refine((m) => !/^\d/.test(m), 'must not start with a digit, or it could be read as a count');

const sourceSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(300),
    publisher: z.string().trim().max(200).nullable().default(null),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).nullable().default(null),
  })
  .strict();

export const disclosureProfileSchema = z
  .object({
    /** Stable identifier used by the CLI (`--profile`) and by a dataset's disclosureProfileId. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit'),
    /** Bumped whenever a rule changes, and written into every report. */
    version: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    name: z.string().trim().min(1, 'is required').max(120),
    description: z.string().trim().max(1000).default(''),
    sources: z.array(sourceSchema).max(10).default([]),
    /** How the rules were checked against the sources, stated plainly, including what was not. */
    verification: z.string().trim().max(2000).default(''),
    /** Counts from `min` to `max` inclusive are replaced by the marker (primary suppression). */
    suppression: z
      .object({
        min: z.number().int('must be a whole number').min(1, 'must be at least 1 (zeros have their own setting)'),
        max: z.number().int('must be a whole number').min(1, 'must be at least 1'),
      })
      .strict()
      .refine((r) => r.max >= r.min, { message: 'max must be at least min', path: ['max'] })
      .nullable(),
    /** Whether a zero is published as 0 or is itself disclosive and suppressed. */
    zeros: z.enum(['show', 'suppress']),
    marker: markerSchema,
    rounding: z
      .object({
        base: z.number().int('must be a whole number').min(2, 'must be at least 2').max(1000, 'must be at most 1000'),
        tie: z.enum(tieRules),
      })
      .strict()
      .nullable(),
    /** `exempt`: rows marked national are published exactly, neither suppressed nor rounded. */
    national: z.enum(['exempt', 'same-as-local']),
    /**
     * `from-true-counts`: a total is computed from the true counts and then protected on its own
     * (NHS Digital's convention; published totals need not add up). `sum-of-published`: a total is
     * the sum of the published cells it covers, suppressed cells counting as nothing (OpenSAFELY).
     */
    totals: z.enum(['from-true-counts', 'sum-of-published']),
    /** Choose complementary cells so that no suppressed cell can be recovered from the totals. */
    secondarySuppression: z.boolean(),
    /**
     * The attacker's interval for every primary-suppressed cell must hold at least this many whole
     * values; by default the size of the suppression range (5 for 1–5, 10 for 0–9).
     */
    protectionWidth: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000),
    /** Percentages derived from the table: from rounded or unrounded counts, to how many decimals. */
    percentages: z
      .object({
        basis: z.enum(['rounded', 'unrounded']),
        decimals: z.number().int('must be a whole number').min(0).max(3),
      })
      .strict(),
  })
  .strict()
  .superRefine((profile, context) => {
    if (profile.secondarySuppression && !profile.suppression && profile.zeros === 'show') {
      context.addIssue({
        code: 'custom',
        path: ['secondarySuppression'],
        message: 'needs a suppression range or suppressed zeros: there is nothing to protect',
      });
    }
  });

export type DisclosureProfile = z.output<typeof disclosureProfileSchema>;
export type DisclosureProfileInput = z.input<typeof disclosureProfileSchema>;

/** The number of distinct counts the profile hides behind its marker: 1–7 is 7, 0–9 is 10. */
export function suppressedRangeSize(profile: Pick<DisclosureProfile, 'suppression' | 'zeros'>): number {
  const range = profile.suppression ? profile.suppression.max - profile.suppression.min + 1 : 0;
  return range + (profile.zeros === 'suppress' ? 1 : 0);
}

/** "1–7", "0–4", "0" or "none": the suppressed counts, for legends and explanations. */
export function describeSuppressedRange(profile: Pick<DisclosureProfile, 'suppression' | 'zeros'>): string {
  const { suppression, zeros } = profile;
  if (!suppression) return zeros === 'suppress' ? '0' : 'none';
  const low = zeros === 'suppress' && suppression.min === 1 ? 0 : suppression.min;
  const range = low === suppression.max ? `${low}` : `${low}–${suppression.max}`;
  return zeros === 'suppress' && suppression.min > 1 ? `0 and ${range}` : range;
}
