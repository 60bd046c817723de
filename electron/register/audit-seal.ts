import type { RegisterConnection } from '../db/register-connection';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AuditAnchor } from '../../shared/audit/audit-anchor';
import { prepared } from '../db/statement-cache';

/**
 * The keyed mode of the audit chain: a seal, HMAC-SHA256 under a key kept outside the register, of
 * the chain's head. Every entry's hash covers every entry before it, so a valid seal of the head
 * authenticates the whole log up to it. Whoever writes without the key (someone appending a forged
 * entry with the sqlite3 shell, or a Custodian not given the key) cannot move the seal with the
 * head, and `audit verify --key` shows it.
 *
 * The seal lives in the settings table (one key, no migration), written in the same transaction as
 * each entry. Writers seal when CUSTODIAN_AUDIT_KEY_FILE names the key file. What it does not catch:
 * the log cut back to an earlier sealed state with that state's seal put back; anchors catch that.
 */
export const SEAL_SETTING = 'auditSeal';
const SEAL_VERSION = 'custodian-audit-seal-v1';
const MIN_KEY_BYTES = 32;

export interface StoredSeal {
  seq: number;
  seal: string;
}

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/** Reads a key file: at least 32 bytes (`audit key create` writes 32 random bytes as hex). */
export function readAuditKey(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new AuditKeyError(`cannot read the audit key file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const text = bytes.toString('utf8').trim();
  const key = /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : bytes;
  if (key.length < MIN_KEY_BYTES) throw new AuditKeyError(`the audit key file ${path} holds ${key.length} bytes; a key is at least ${MIN_KEY_BYTES} (make one with "custodian audit key create FILE")`);
  return key;
}

let cached: { path: string; key: Buffer } | null = null;

/** The key writers seal with, from CUSTODIAN_AUDIT_KEY_FILE; null when it is not set. */
export function writerAuditKey(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const path = env.CUSTODIAN_AUDIT_KEY_FILE;
  if (!path) return null;
  if (cached?.path !== path) cached = { path, key: readAuditKey(path) };
  return cached.key;
}

export const sealOf = (key: Buffer, head: AuditAnchor): string =>
  createHmac('sha256', key).update(`${SEAL_VERSION}\n${head.seq}:${head.hash}`).digest('hex');

/** Moves the seal to the new head; must run in the transaction that wrote the entry. */
export function writeSeal(db: RegisterConnection, key: Buffer, head: AuditAnchor): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    SEAL_SETTING,
    JSON.stringify({ seq: head.seq, seal: sealOf(key, head) } satisfies StoredSeal),
  );
}

export function readSeal(db: RegisterConnection): StoredSeal | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck(true).get(SEAL_SETTING) as string | undefined;
  if (value === undefined) return null;
  try {
    const parsed = JSON.parse(value) as StoredSeal;
    return typeof parsed.seq === 'number' && typeof parsed.seal === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export const sealMatches = (key: Buffer, head: AuditAnchor, seal: string): boolean => {
  const expected = Buffer.from(sealOf(key, head), 'hex');
  const given = Buffer.from(seal, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
