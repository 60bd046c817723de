import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKinds, recordSchemas, type RecordKind } from '../../../shared/register/records';
import { kindOfList, registerListNames } from '../../../shared/register/register-lists';
import { choicesOf, draftFrom, fieldErrorFromServer, fieldMessage, isRequired, validateDraft, visibleFields, widgetOf } from '../../../renderer/src/forms/form-model';
import { formSpecs } from '../../../renderer/src/forms/form-specs';
import { registerArbitrary } from '../../helpers/register-arbitrary';


describe('the record form model', () => {
  it('never asks for a copy\'s destroyed date, which only the destruction form sets, and keeps it when the copy is edited', () => {
    const copy = { id: 'c1', archived: false, holdingId: 'h1', locationId: 'l1', kind: 'backup', pathOrDescription: '/vault/tape-7', createdDate: '2025-01-10', destroyedDate: '2026-03-02' } as const;
    const draft = draftFrom('copy', copy);
    expect(visibleFields('copy', draft).map((f) => f.name)).not.toContain('destroyedDate');
    const edited = validateDraft('copy', { ...draft, pathOrDescription: '/vault/tape-8' }, copy);
    expect(edited.ok && edited.record).toMatchObject({ pathOrDescription: '/vault/tape-8', destroyedDate: '2026-03-02' });
  });

  it('has a form field for every field of every record (but id and archived), so no field is silently dropped on save', () => {
    for (const kind of recordKinds) {
      const fields = Object.keys(recordSchemas[kind].shape).filter((field) => field !== 'id' && field !== 'archived');
      expect(formSpecs[kind].map((s) => s.name).sort(), kind).toEqual(fields.sort());
    }
  });

  it('gives back exactly the record it was opened with, for every valid record of every kind (property)', () => {
    fc.assert(
      fc.property(registerArbitrary, (register) => {
        for (const list of registerListNames) {
          const kind: RecordKind = kindOfList[list];
          for (const record of register[list] as ({ id: string; archived: boolean } & Record<string, unknown>)[]) {
            const result = validateDraft(kind, draftFrom(kind, record), record);
            if (!result.ok) throw new Error(`${kind} ${record.id}: ${JSON.stringify(result.errors)}`);
            const { id: _id, archived: _archived, ...fields } = record;
            expect(result.record).toEqual(fields);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads required fields and vocabularies from the zod schemas', () => {
    expect(isRequired('dsa', 'nicReference')).toBe(true);
    expect(isRequired('dsa', 'title')).toBe(false);
    expect(isRequired('dsaVersion', 'status')).toBe(false); // it has a default
    expect(choicesOf('location', 'kind')).toContain('trusted-research-environment');
    expect(choicesOf('organisation', 'roles')).toEqual(['controller', 'processor', 'applicant', 'other']);
    expect(widgetOf('organisation', formSpecs.organisation.find((s) => s.name === 'roles')!)).toEqual({ type: 'checkboxes' });
    expect(widgetOf('holding', formSpecs.holding.find((s) => s.name === 'recordCount')!)).toEqual({ type: 'number' });
  });

  it('keys each problem by the field it is about, in the words the schema uses', () => {
    const draft = { ...draftFrom('dsa', null), nicReference: 'NIC-574' };
    expect(validateDraft('dsa', draft)).toEqual({ ok: false, errors: { nicReference: 'must be a NIC reference such as DARS-NIC-00574-V2H1F' } });
    expect(fieldMessage('NIC reference', 'must be a NIC reference such as DARS-NIC-00574-V2H1F')).toBe('NIC reference must be a NIC reference such as DARS-NIC-00574-V2H1F');

    const empty = validateDraft('copy', draftFrom('copy', null));
    expect(empty.ok ? {} : empty.errors).toEqual({ holdingId: 'is required', locationId: 'is required', kind: 'is required', createdDate: 'is required' });

    const version = { ...draftFrom('dsaVersion', { dsaId: 'd1' }), version: '2', startDate: '2025-04-01', endDate: '2024-03-31', parties: [{ organisationId: '', role: 'controller', controllerType: 'sole' }] };
    const checked = validateDraft('dsaVersion', version);
    expect(checked.ok ? {} : checked.errors).toEqual({ endDate: 'must not be before the start date', 'parties[0].organisationId': 'is required' });

    const holding = { ...draftFrom('holding', { versionId: 'v', datasetId: 'd' }), darsFileReference: 'F', receivedDate: '2025-01-01', recordCount: '12,000' };
    const counted = validateDraft('holding', holding);
    expect(counted.ok ? {} : counted.errors).toEqual({ recordCount: 'must be a whole number, such as 120000' });
  });

  it('sends a hidden field (a DSPT status on an ISO certificate) as the record had it, and empty on a new record', () => {
    const draft = { ...draftFrom('assurance', { organisationId: 'o' }), kind: 'ISO27001', certificateNumber: 'IS 1', dsptStatus: 'Standards Met', expiryDate: '2027-01-01' };
    const fresh = validateDraft('assurance', draft);
    expect(fresh.ok && fresh.record).toMatchObject({ kind: 'ISO27001', certificateNumber: 'IS 1', dsptStatus: null, dsptYear: null });
    const stored = { id: 'a', archived: false, organisationId: 'o', kind: 'ISO27001', certificateNumber: 'IS 1', dsptYear: '2024/25', dsptStatus: null, improvementPlanAgreed: true, scope: null, publishedDate: null, expiryDate: '2027-01-01', coveredLocationIds: [] };
    const edited = validateDraft('assurance', { ...draftFrom('assurance', stored), expiryDate: '2028-01-01' }, stored);
    expect(edited.ok && edited.record).toMatchObject({ expiryDate: '2028-01-01', dsptYear: '2024/25', improvementPlanAgreed: true });
  });

  it('finds the field a refusal from the register names, whichever layer wrote it', () => {
    expect(fieldErrorFromServer('copy', 'locationId: location "3f2a" does not exist')).toEqual({ key: 'locationId', message: 'location "3f2a" does not exist' });
    expect(fieldErrorFromServer('dsaVersion', 'record.parties.1.organisationId: Invalid input')).toEqual({ key: 'parties[1].organisationId', message: 'Invalid input' });
    expect(fieldErrorFromServer('dsa', 'There is no DSA "x" in the register; reload the list and try again.')).toBeNull();
    expect(fieldErrorFromServer('dsa', 'somethingElse: nope')).toBeNull();
  });
});
