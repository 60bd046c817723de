/**
 * The canonical JSON of a certificate: the exact text whose SHA-256 is the certificate's hash.
 *
 * - Object keys sorted by UTF-16 code units (JavaScript's default sort), at every depth.
 * - No whitespace outside strings; strings escaped as JSON.stringify escapes them.
 * - Arrays keep their order (the certificate's order of holdings and copies is part of it).
 * - Values are strings, integers, booleans and null only, so numbers need no formatting rules.
 * - `undefined` object members are left out, as JSON.stringify does.
 * - The text is encoded as UTF-8 without a byte order mark before hashing.
 *
 * For such values this is the same text as RFC 8785 (JSON Canonicalization Scheme) produces, so
 * anyone can recompute the hash with a JCS library, or with
 * `python3 -c 'import json,sys,hashlib; print(hashlib.sha256(json.dumps(json.load(sys.stdin), sort_keys=True, separators=(",",":"), ensure_ascii=False).encode()).hexdigest())'`
 * for text without characters outside the Basic Multilingual Plane.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error('canonical JSON holds integers only');
    return value;
  }
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) sorted[key] = sortKeys(inner);
  }
  return sorted;
}
