import type { ApiRequest } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { RecordKind } from '../../../shared/register/records';
import { useRegisterChanges } from '../stores/register-changes-store';
import { call } from './client';

type SavedRecord = { id: string } & Record<string, unknown>;

/**
 * Every write the register's screens make, in one place: each one, when it succeeds, tells the open
 * lists and details to reload. The record sent is what the form validated with the record's schema;
 * the register validates it again and answers with the stored record or a refusal naming the field.
 */
export async function saveRecord(kind: RecordKind, id: string | null, record: Record<string, unknown>): Promise<Result<SavedRecord>> {
  const result = id
    ? await call('register.update', { kind, id, record } as ApiRequest<'register.update'>)
    : await call('register.create', { kind, record } as ApiRequest<'register.create'>);
  if (!result.ok) return result;
  useRegisterChanges.getState().changed();
  return { ok: true, value: result.value.record as SavedRecord };
}

export async function setArchived(kind: RecordKind, id: string, archived: boolean): Promise<Result<SavedRecord>> {
  const result = await call(archived ? 'register.archive' : 'register.restore', { kind, id });
  if (!result.ok) return result;
  useRegisterChanges.getState().changed();
  return { ok: true, value: result.value.record as SavedRecord };
}
