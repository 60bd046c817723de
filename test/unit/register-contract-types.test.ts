import { describe, expect, expectTypeOf, it } from 'vitest';
import { apiContract, type ApiRequest, type ApiResponse } from '../../shared/ipc/contract';
import type { RecordInput } from '../../shared/register/register-api';
import type { Copy, Location } from '../../shared/register/records';

describe('the register IPC contract', () => {
  it('types create requests per kind, so a form cannot send another kind’s fields', () => {
    const request: ApiRequest<'register.create'> = {
      kind: 'location',
      record: { name: 'Secure server', operatorOrganisationId: 'org-1', kind: 'on-premises-server', country: 'England' },
    };
    expect(apiContract['register.create'].request.safeParse(request).success).toBe(true);
    const wrong = { kind: 'location', record: { legalName: 'NHS Trust' } };
    // @ts-expect-error a location has no legalName
    const typed: ApiRequest<'register.create'> = wrong;
    const parsed = apiContract['register.create'].request.safeParse(typed);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('legalName');
  });

  it('narrows a list page to the records of its kind', () => {
    expectTypeOf<Extract<ApiResponse<'register.list'>, { kind: 'copy' }>['records']>().toEqualTypeOf<Copy[]>();
    expectTypeOf<Extract<ApiResponse<'register.get'>, { kind: 'location' }>['record']>().toEqualTypeOf<Location>();
    expectTypeOf<RecordInput<'location'>>().toHaveProperty('name');
    expectTypeOf<RecordInput<'location'>>().not.toHaveProperty('id');
  });

  it('makes an update carry every field, so a form cannot reset one by leaving it out', () => {
    const update = apiContract['register.update'].request;
    const location = { name: 'Vault', operatorOrganisationId: 'o', hostedByOrganisationId: null, kind: 'backup', address: null, cloudProvider: null, cloudRegion: null, country: 'Wales' };
    expect(update.safeParse({ kind: 'location', id: 'l1', record: location }).success).toBe(true);
    const { address: _address, ...withoutAddress } = location;
    const refused = update.safeParse({ kind: 'location', id: 'l1', record: withoutAddress });
    expect(refused.error?.issues[0]?.path).toEqual(['record', 'address']);
    expect(update.safeParse({ kind: 'location', id: 'l1', record: { ...location, id: 'l1' } }).success).toBe(false);
  });

  it('accepts only the sort fields and filters a kind has', () => {
    const list = apiContract['register.list'].request;
    expect(list.safeParse({ kind: 'copy', sort: { field: 'createdDate' }, filters: { holdingId: 'h', live: true } }).success).toBe(true);
    expect(list.safeParse({ kind: 'copy', sort: { field: 'legalName' } }).success).toBe(false);
    expect(list.safeParse({ kind: 'organisation', filters: { holdingId: 'h' } }).success).toBe(false);
    expect(list.parse({ kind: 'dsa' })).toMatchObject({ offset: 0, limit: 50 });
  });
});
