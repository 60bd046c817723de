/**
 * A register location is an SQLite file's path or a PostgreSQL URL
 * (`postgres://user@host:5432/custodian?sslmode=verify-full&sslrootcert=ca.pem`). The password
 * belongs in a PGPASSFILE (or, in the app, the OS keychain), not in the URL; when a URL carries one
 * anyway it is used, and never shown: everything that names the register (messages, the audit log,
 * reports) uses `redactLocation`.
 */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

export function redactLocation(location: string): string {
  if (!isPostgresLocation(location)) return location;
  try {
    const url = new URL(location.trim());
    if (url.password) url.password = '';
    for (const key of [...url.searchParams.keys()]) if (/pass|secret|key$/i.test(key) && key !== 'sslkey') url.searchParams.set(key, '***');
    return url.toString().replace(/:@/, '@');
  } catch {
    // Not a URL we can take apart: say nothing of what it holds.
    return 'postgres://(unreadable URL)';
  }
}

/** Every occurrence of the location (and of its password) in a message, redacted. */
export function redactMessage(message: string, location: string): string {
  let out = message.split(location).join(redactLocation(location));
  try {
    const password = decodeURIComponent(new URL(location.trim()).password);
    if (password) out = out.split(password).join('***');
  } catch {
    // Nothing more to hide.
  }
  return out;
}
