import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../../shared/findings';
import { draftFromFinding } from '../../../shared/incidents/draft-from-finding';
import { incidentFieldsSchema } from '../../../shared/incidents/incident-records';
import { indexRegister } from '../../../shared/register/register-index';
import { compliantRegister, SCENARIO_AS_OF } from '../../helpers/compliant-register';

const now = { at: '2026-06-01T08:30:00.000Z', timeZone: 'Europe/London' };

describe('opening an incident from a finding', () => {
  it('pre-fills an unapproved copy as "data at an undeclared location", with its DSA, dataset, holding, copy and location', () => {
    const register = compliantRegister()
      .location('gcs', { name: 'Google Cloud europe-west1 (Belgium)', operator: 'aws', kind: 'cloud-region', cloudRegion: 'europe-west1', country: 'Belgium' })
      .copy('c-stray', 'hes-2024', 'gcs', 'derived', { pathOrDescription: 'gs://scratch/hes.csv' })
      .build();
    const finding = computeFindings(register, SCENARIO_AS_OF).find((f) => f.code === 'COPY_AT_UNAPPROVED_LOCATION')!;
    expect(finding).toBeDefined();
    const draft = draftFromFinding(finding, indexRegister(register), now);
    expect(draft.type).toBe('undeclared-location');
    expect(draft.links).toEqual({ dsaIds: ['hip'], datasetIds: ['hes-4.2'], holdingIds: ['hes-2024'], copyIds: ['c-stray'], locationIds: ['gcs'] });
    expect(draft.findingId).toBe(finding.id);
    expect(draft.title).toBe('Derived copy of NIC00574_HES_APC_2024 at Google Cloud europe-west1 (Belgium)');
    expect(draft.description).toContain(finding.title);
    // Said in words: no code, no internal id in what a person reads and may send to the ICO.
    expect(draft.description).toContain('a location the agreement does not approve');
    expect(draft.description).not.toContain('COPY_AT_UNAPPROVED_LOCATION');
    expect(draft.description).not.toContain(finding.id);
    for (const id of ['c-stray', 'hes-2024', 'gcs', 'hip']) expect(draft.title + draft.description).not.toMatch(new RegExp(`\\b${id}\\b`));
    expect(draft.becameAwareAt).toEqual(now);
    expect(draft.approximateRecords).toBe(1_236_870);
    expect(draft.dataCategories).toEqual(['health']);
    // What it pre-fills is a valid incident as it stands.
    expect(incidentFieldsSchema.safeParse(draft).success).toBe(true);
  });

  it('links a location outside the territory to the location and the agreement', () => {
    const register = compliantRegister().update('location', 'aws-london', { country: 'United States' }).build();
    const finding = computeFindings(register, SCENARIO_AS_OF).find((f) => f.code === 'LOCATION_OUTSIDE_TERRITORY')!;
    const draft = draftFromFinding(finding, indexRegister(register), now);
    expect(draft.type).toBe('undeclared-location');
    expect(draft.links!.locationIds).toEqual(['aws-london']);
    expect(draft.links!.dsaIds).toEqual(['hip']);
  });

  it('takes a finding that is not about where data is as "other"', () => {
    const register = compliantRegister().update('obligation', 'sc-outputs', { dueDate: '2026-05-01' }).build();
    const finding = computeFindings(register, SCENARIO_AS_OF).find((f) => f.code === 'OBLIGATION_OVERDUE')!;
    const draft = draftFromFinding(finding, indexRegister(register), now);
    expect(draft.type).toBe('other');
    expect(draft.findingId).toBe(finding.id);
  });
});
