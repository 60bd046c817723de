import { readFileSync } from 'node:fs';
import { builtinProfiles, findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { disclosureProfileSchema, type DisclosureProfile } from '../../shared/disclosure/profile';
import { describeZodError } from '../../shared/validation/describe-zod-error';

/** Files larger than this are not profiles. */
const maxProfileBytes = 256 * 1024;

/** A profile saved by the UI or written by hand, checked by the same schema as the built-in ones. */
export function readProfileFile(path: string): DisclosureProfile {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.byteLength > maxProfileBytes) throw new DisclosureInputError(`the profile file ${path} is too large to be a profile`);
    text = bytes.toString('utf8').replace(/^\ufeff/, '');
  } catch (error) {
    if (error instanceof DisclosureInputError) throw error;
    throw new DisclosureInputError(`cannot read the profile file ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DisclosureInputError(`the profile file ${path} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = disclosureProfileSchema.safeParse(json);
  if (!parsed.success) throw new DisclosureInputError(`the profile file ${path} is not a valid profile: ${describeZodError(parsed.error)}`);
  if (findBuiltinProfile(parsed.data.id)) {
    throw new DisclosureInputError(`the profile file ${path} uses the id "${parsed.data.id}" of a built-in profile; give your profile its own id`);
  }
  return parsed.data;
}

/** `--profile` takes a built-in id or the path of a profile file (ending in .json). */
export function resolveProfile(idOrPath: string): DisclosureProfile {
  const builtin = findBuiltinProfile(idOrPath);
  if (builtin) return builtin;
  if (idOrPath.toLowerCase().endsWith('.json')) return readProfileFile(idOrPath);
  throw new DisclosureInputError(
    `unknown profile "${idOrPath}"; known profiles: ${builtinProfiles.map((p) => p.id).join(', ')} (or give the path of a profile .json file)`,
  );
}
