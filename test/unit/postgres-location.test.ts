import { describe, expect, it } from 'vitest';
import { isPostgresLocation, redactLocation, redactMessage } from '../../electron/db/postgres/postgres-location';

describe('a register’s PostgreSQL location', () => {
  it('is a postgres:// or postgresql:// URL; anything else is an SQLite file', () => {
    expect(isPostgresLocation('postgres://ig@db.example.nhs.uk/custodian')).toBe(true);
    expect(isPostgresLocation('postgresql://ig@db/custodian?sslmode=verify-full')).toBe(true);
    expect(isPostgresLocation('/home/ig/postgres://odd.sqlite')).toBe(false);
    expect(isPostgresLocation('C:\\registers\\custodian.sqlite')).toBe(false);
  });

  it('is shown without its password, wherever it appears', () => {
    const url = 'postgres://ig:s3cret%21@db.example.nhs.uk:5432/custodian?sslmode=verify-full&sslrootcert=/etc/ca.pem';
    expect(redactLocation(url)).toBe('postgres://ig@db.example.nhs.uk:5432/custodian?sslmode=verify-full&sslrootcert=/etc/ca.pem');
    expect(redactMessage(`cannot reach ${url}: s3cret! refused`, url)).toBe(
      'cannot reach postgres://ig@db.example.nhs.uk:5432/custodian?sslmode=verify-full&sslrootcert=/etc/ca.pem: *** refused',
    );
    expect(redactLocation('postgres://ig@db/custodian?password=hunter2')).not.toContain('hunter2');
  });
});
