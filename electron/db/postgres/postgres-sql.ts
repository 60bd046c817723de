/**
 * The PostgreSQL dialect of the register's SQL, in one place. The services write SQL that SQLite
 * runs as it is; each statement is translated here once (the statement cache keeps the result):
 *
 * - `?` and `@name` parameters become `$1`, `$2`…, remembering which value goes where;
 * - `AS camelCase` aliases are quoted, because PostgreSQL folds unquoted names to lower case;
 * - `LIKE` becomes `ILIKE` (SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's does not);
 * - `COLLATE NOCASE` uses the case-insensitive collation the PostgreSQL schema defines;
 * - `json_each(text)` uses the schema's `custodian_json_each`, which reads a JSON array's values;
 * - `INSERT OR IGNORE` becomes `INSERT … ON CONFLICT DO NOTHING`.
 *
 * Everything else the services use (`rowid`, `length`, `substr`, `coalesce`, `||`, `ON CONFLICT …
 * DO UPDATE … excluded`) means the same in both: the PostgreSQL tables have a `rowid` identity
 * column so that "in the order written" is the same query in both stores.
 */
export type Placeholder = { position: number } | { name: string };

export interface TranslatedSql {
  text: string;
  placeholders: Placeholder[];
  /** True when the statement returns rows (better-sqlite3's `reader`). */
  reader: boolean;
}

const identifierChar = /[A-Za-z0-9_]/;

export function translateSql(sql: string): TranslatedSql {
  const placeholders: Placeholder[] = [];
  const named = new Map<string, number>();
  let out = '';
  let code = '';
  let anonymous = 0;
  const flushCode = () => {
    out += rewriteCode(code);
    code = '';
  };
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      flushCode();
      let end = i + 1;
      while (end < sql.length) {
        if (sql[end] === c) {
          if (sql[end + 1] === c) end += 2;
          else break;
        } else end++;
      }
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (c === '?') {
      placeholders.push({ position: anonymous++ });
      code += `$${placeholders.length}`;
    } else if (c === '@' && identifierChar.test(sql[i + 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && identifierChar.test(sql[end]!)) end++;
      const name = sql.slice(i + 1, end);
      let index = named.get(name);
      if (index === undefined) {
        placeholders.push({ name });
        index = placeholders.length;
        named.set(name, index);
      }
      code += `$${index}`;
      i = end - 1;
    } else code += c;
  }
  flushCode();
  let text = out.trim();
  if (/^INSERT\s+OR\s+IGNORE\s+INTO\b/i.test(text)) {
    text = `${text.replace(/^INSERT\s+OR\s+IGNORE\s+INTO\b/i, 'INSERT INTO')} ON CONFLICT DO NOTHING`;
  }
  const reader = /^\s*(SELECT|WITH|VALUES|SHOW)\b/i.test(text) || /\bRETURNING\b/i.test(text);
  return { text, placeholders, reader };
}

function rewriteCode(code: string): string {
  return code
    .replace(/\bAS\s+([a-z][a-z0-9_]*[A-Z][A-Za-z0-9_]*)/g, 'AS "$1"')
    .replace(/\bLIKE\b/gi, 'ILIKE')
    .replace(/\bCOLLATE\s+NOCASE\b/gi, 'COLLATE custodian_nocase')
    .replace(/\bjson_each\s*\(/gi, 'custodian_json_each(');
}

/** The values for a statement's placeholders, from better-sqlite3-style arguments (values, arrays, one object of named values). */
export function bindParameters(placeholders: readonly Placeholder[], args: readonly unknown[]): unknown[] {
  const positional: unknown[] = [];
  let named: Record<string, unknown> | null = null;
  for (const arg of args) {
    if (Array.isArray(arg)) positional.push(...(arg as unknown[]));
    else if (arg !== null && typeof arg === 'object' && !Buffer.isBuffer(arg) && !(arg instanceof Uint8Array)) named = arg as Record<string, unknown>;
    else positional.push(arg);
  }
  return placeholders.map((placeholder) => {
    if ('position' in placeholder) {
      if (placeholder.position >= positional.length) throw new RangeError('Too few parameter values were provided');
      return toParameter(positional[placeholder.position]);
    }
    if (!named || !Object.hasOwn(named, placeholder.name)) throw new RangeError(`Missing named parameter "${placeholder.name}"`);
    return toParameter(named[placeholder.name]);
  });
}

function toParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
