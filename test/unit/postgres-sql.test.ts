import { describe, expect, it } from 'vitest';
import { bindParameters, translateSql } from '../../electron/db/postgres/postgres-sql';

describe('the PostgreSQL dialect of the register’s SQL', () => {
  it('numbers ? and @name parameters, reusing a name’s number, and leaves text in quotes alone', () => {
    const sql = translateSql("SELECT id AS recordId FROM t WHERE a = ? AND b = @word OR c = @word OR d = '?@x' OR e = ?");
    expect(sql.text).toBe('SELECT id AS "recordId" FROM t WHERE a = $1 AND b = $2 OR c = $2 OR d = \'?@x\' OR e = $3');
    expect(bindParameters(sql.placeholders, ['first', { word: 'w' }, 'last'])).toEqual(['first', 'w', 'last']);
    expect(sql.reader).toBe(true);
  });

  it('rewrites what SQLite alone says: LIKE without case, NOCASE, json_each, INSERT OR IGNORE', () => {
    expect(translateSql("SELECT 1 FROM t WHERE name LIKE @w ESCAPE '\\'").text).toBe("SELECT 1 FROM t WHERE name ILIKE $1 ESCAPE '\\'");
    expect(translateSql('SELECT id FROM t ORDER BY name COLLATE NOCASE').text).toBe('SELECT id FROM t ORDER BY name COLLATE custodian_nocase');
    expect(translateSql('SELECT 1 WHERE k IN (SELECT value FROM json_each(@kinds))').text).toBe('SELECT 1 WHERE k IN (SELECT value FROM custodian_json_each($1))');
    const ignore = translateSql('INSERT OR IGNORE INTO notices (key) VALUES (?)');
    expect(ignore.text).toBe('INSERT INTO notices (key) VALUES ($1) ON CONFLICT DO NOTHING');
    expect(ignore.reader).toBe(false);
  });

  it('binds values as better-sqlite3 does: arrays spread, undefined and booleans as SQLite stores them, a missing one refused', () => {
    const sql = translateSql('INSERT INTO t VALUES (?, ?, ?, ?)');
    expect(bindParameters(sql.placeholders, [[1, undefined], true, 2n])).toEqual([1, null, 1, '2']);
    expect(() => bindParameters(sql.placeholders, [1])).toThrow('Too few parameter values');
    expect(() => bindParameters(translateSql('SELECT @a').placeholders, [{}])).toThrow('Missing named parameter "a"');
  });
});
