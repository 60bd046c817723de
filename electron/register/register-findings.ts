import type { RegisterConnection } from '../db/register-connection';
import { computeFindingsIn } from '../../shared/findings';
import type { IsoDate } from '../../shared/register/dates';
import type { Finding } from '../../shared/register/findings';
import { indexRegister, type RegisterIndex } from '../../shared/register/register-index';
import type { RegisterContent } from '../../shared/register/snapshot';
import { findingsFacts } from '../destruction/findings-facts';
import { cachedFromRegister } from './register-cache';

/**
 * The stored register's findings on a date, with what the database knows besides the records (the
 * destruction records' dated exceptions). Every screen, export and command that shows the register's
 * findings computes them here, so none can leave the facts out.
 */
export function storedRegisterFindings(db: RegisterConnection, register: RegisterContent | RegisterIndex, asOf: IsoDate): Finding[] {
  const index = 'holdingCopies' in register ? register : indexRegister(register);
  return computeFindingsIn(index, asOf, findingsFacts(db, asOf));
}

/**
 * The stored register's findings on a date, computed once per change to the register (register-cache.ts),
 * under the key the findings handlers use, so lists and the Dashboard share one computation.
 */
export function cachedRegisterFindings(db: RegisterConnection, asOf: IsoDate): readonly Finding[] {
  return cachedFromRegister(db, `findings:${asOf}`, (index): readonly Finding[] => storedRegisterFindings(db, index, asOf));
}
