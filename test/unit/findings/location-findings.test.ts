import { describe, expect, it } from 'vitest';
import { compliantRegister } from '../../helpers/compliant-register';
import { codesOf, subjectIds, theFinding, withCode } from './finding-helpers';

describe('COPY_AT_UNAPPROVED_LOCATION', () => {
  const withLaptopCopy = () =>
    compliantRegister()
      .location('laptop', { name: 'Analyst laptop EXU-4471', operator: 'uni', kind: 'end-user-device' })
      .copy('c-laptop', 'hes-2024', 'laptop', 'derived', { pathOrDescription: 'C:/Users/analyst/cohort.csv' });

  it('fires for a live copy at a location the agreement does not approve', () => {
    const finding = theFinding(withLaptopCopy(), 'COPY_AT_UNAPPROVED_LOCATION');
    expect(finding).toMatchObject({ severity: 'high', id: 'COPY_AT_UNAPPROVED_LOCATION:c-laptop' });
    expect(finding.title).toBe(
      'Derived copy of NIC00574_HES_APC_2024 at Analyst laptop EXU-4471: Analyst laptop EXU-4471 is not an approved location of DARS-NIC-00574-V2H1F v4.2',
    );
    expect(subjectIds(finding)).toEqual(['c-laptop', 'laptop', 'v4.2']);
    expect(finding.action).toContain('approve Analyst laptop EXU-4471 for storage or processing');
    expect(codesOf(withLaptopCopy())).toEqual(['COPY_AT_UNAPPROVED_LOCATION']);
  });

  it('does not fire once the location is approved for a role that allows the copy, nor once the copy is destroyed', () => {
    expect(codesOf(withLaptopCopy().approve('a-laptop', 'v4.2', 'laptop', 'processing'))).toEqual([]);
    expect(codesOf(withLaptopCopy().update('copy', 'c-laptop', { destroyedDate: '2026-05-30' }))).toEqual([]);
  });

  it('fires for a backup at a location approved only for processing, and not for a derived copy there', () => {
    const register = (kind: 'backup' | 'derived') =>
      compliantRegister()
        .location('dr', { name: 'Exampleton DR site', operator: 'uni', kind: 'disaster-recovery' })
        .approve('a-dr', 'v4.2', 'dr', 'processing')
        .copy('c-dr', 'hes-2024', 'dr', kind);
    const finding = theFinding(register('backup'), 'COPY_AT_UNAPPROVED_LOCATION');
    expect(finding.title).toContain('Exampleton DR site is approved by DARS-NIC-00574-V2H1F v4.2 only for processing, which does not allow a backup copy');
    expect(finding.action).toContain('for backup or storage');
    expect(codesOf(register('derived'))).toEqual([]);
  });

  it('fires outside the approval’s dates and not on its last day', () => {
    const ending = (to: string) => compliantRegister().update('approvedLocation', 'a42-aws', { approvedTo: to });
    const finding = theFinding(ending('2026-05-31'), 'COPY_AT_UNAPPROVED_LOCATION');
    expect(finding.title).toContain('AWS eu-west-2 (London) is approved by DARS-NIC-00574-V2H1F v4.2 only from 1 April 2025 to 31 May 2026');
    expect(subjectIds(finding)[0]).toBe('c-2024-aws');
    expect(codesOf(ending('2026-06-01'))).toEqual([]);
    const notYet = compliantRegister().update('approvedLocation', 'a42-aws', { approvedFrom: '2026-06-02' });
    expect(withCode(notYet, 'COPY_AT_UNAPPROVED_LOCATION')).toHaveLength(1);
  });

  it('checks copies of an extract received under v4.1 against v4.2, the version it is now held under', () => {
    // v4.1 still approves the vault, but v4.2 (the version in force) no longer does: both backups there are unapproved.
    const register = compliantRegister().archive('approvedLocation', 'a42-vault');
    expect(withCode(register, 'COPY_AT_UNAPPROVED_LOCATION').map((f) => f.id)).toEqual([
      'COPY_AT_UNAPPROVED_LOCATION:c-2023-vault',
      'COPY_AT_UNAPPROVED_LOCATION:c-2024-vault',
    ]);
    // Before v4.2 started, the 2023 backup was held under v4.1, whose approval covered it.
    const before = withCode(register, 'COPY_AT_UNAPPROVED_LOCATION', '2025-01-15').map((f) => f.id);
    expect(before).not.toContain('COPY_AT_UNAPPROVED_LOCATION:c-2023-vault');
  });
});

describe('LOCATION_OUTSIDE_TERRITORY', () => {
  const inIreland = () => compliantRegister().update('location', 'aws-london', { name: 'AWS eu-west-1 (Dublin)', cloudRegion: 'eu-west-1', country: 'Ireland' });

  it('fires (high) when copies are held in a country outside the territory of use', () => {
    const finding = theFinding(inIreland(), 'LOCATION_OUTSIDE_TERRITORY');
    expect(finding).toMatchObject({ severity: 'high', id: 'LOCATION_OUTSIDE_TERRITORY:v4.2:aws-london' });
    expect(finding.title).toBe('1 copy held under DARS-NIC-00574-V2H1F v4.2 is at AWS eu-west-1 (Dublin) in Ireland, outside its territory of use (England)');
    expect(subjectIds(finding)).toEqual(['aws-london', 'v4.2', 'c-2024-aws']);
    expect(codesOf(inIreland())).toEqual(['LOCATION_OUTSIDE_TERRITORY']);
  });

  it('does not fire when the territory of use includes the country', () => {
    expect(codesOf(inIreland().update('dsaVersion', 'v4.2', { territory: 'UK and EEA' }))).toEqual([]);
    const wales = compliantRegister().update('location', 'csu-vault', { country: 'Wales' });
    expect(withCode(wales, 'LOCATION_OUTSIDE_TERRITORY')).toHaveLength(1);
    expect(codesOf(wales.update('dsaVersion', 'v4.2', { territory: 'England and Wales' }))).toEqual([]);
  });

  it('fires (medium) for a location approved outside the territory even before data goes there', () => {
    const register = compliantRegister()
      .location('us-east', { name: 'AWS us-east-1 (Virginia)', operator: 'aws', kind: 'cloud-region', country: 'United States' })
      .approve('a-us', 'v4.2', 'us-east', 'storage');
    const finding = theFinding(register, 'LOCATION_OUTSIDE_TERRITORY');
    expect(finding.severity).toBe('medium');
    expect(finding.title).toBe('DARS-NIC-00574-V2H1F v4.2 approves AWS us-east-1 (Virginia) in United States, outside its territory of use (England)');
    expect(withCode(register.update('approvedLocation', 'a-us', { archived: true }), 'LOCATION_OUTSIDE_TERRITORY')).toEqual([]);
  });
});

describe('OPERATOR_NOT_PARTY', () => {
  const withIronVault = (operator: 'ironvault' | 'csu') =>
    compliantRegister()
      .organisation('ironvault', { legalName: 'Iron Vault Storage Ltd' })
      .location('iv', { name: 'Iron Vault Manchester', operator, kind: 'backup' })
      .approve('a-iv', 'v4.2', 'iv', 'backup')
      .copy('c-iv', 'hes-2024', 'iv', 'backup');

  it('fires when a live copy sits at a location run by an organisation not on the agreement', () => {
    const finding = theFinding(withIronVault('ironvault'), 'OPERATOR_NOT_PARTY');
    expect(finding).toMatchObject({ severity: 'high', id: 'OPERATOR_NOT_PARTY:v4.2:iv' });
    expect(finding.title).toBe(
      'Iron Vault Manchester is operated by Iron Vault Storage Ltd, which is not a controller or processor on DARS-NIC-00574-V2H1F v4.2, yet holds 1 copy of its data',
    );
    expect(subjectIds(finding)).toEqual(['iv', 'ironvault', 'v4.2', 'c-iv']);
    expect(codesOf(withIronVault('ironvault'))).toEqual(['OPERATOR_NOT_PARTY']);
  });

  it('does not fire when a processor on the agreement runs the location, or once the copy is destroyed', () => {
    expect(codesOf(withIronVault('csu'))).toEqual([]);
    expect(codesOf(withIronVault('ironvault').update('copy', 'c-iv', { destroyedDate: '2026-05-01' }))).toEqual([]);
  });

  it('does not fire once the operator is added to the agreement as a processor', () => {
    const register = withIronVault('ironvault');
    const parties = [...register.get('dsaVersion', 'v4.2').parties, { organisationId: 'ironvault', role: 'processor' as const, controllerType: null }];
    expect(withCode(register.update('dsaVersion', 'v4.2', { parties }), 'OPERATOR_NOT_PARTY')).toEqual([]);
  });
});

describe('UNDECLARED_SUBPROCESSOR', () => {
  // The CSU's backup vault, with live copies, turns out to sit on a cloud provider's storage.
  const hostedBy = (host: string) =>
    compliantRegister()
      .organisation('msft', { legalName: 'Microsoft Ireland Operations Ltd', roles: ['processor'] })
      .update('location', 'csu-vault', { hostedByOrganisationId: host });

  it('fires when a location holding data is hosted by a provider that is not a party, naming the host', () => {
    const finding = theFinding(hostedBy('msft'), 'UNDECLARED_SUBPROCESSOR');
    expect(finding).toMatchObject({ severity: 'high', id: 'UNDECLARED_SUBPROCESSOR:v4.2:csu-vault' });
    expect(finding.title).toContain('CSU Leeds backup vault is hosted by Microsoft Ireland Operations Ltd, which is not a party to DARS-NIC-00574-V2H1F v4.2');
    expect(subjectIds(finding)).toEqual(expect.arrayContaining(['csu-vault', 'msft', 'v4.2']));
    expect(finding.action).toContain('add Microsoft Ireland Operations Ltd to the agreement');
    expect(codesOf(hostedBy('msft'))).toEqual(['UNDECLARED_SUBPROCESSOR']);
  });

  it('is quiet when the host is a party (or the operator itself), and once no live copy is there', () => {
    expect(codesOf(hostedBy('aws'))).toEqual([]); // AWS is a processor on v4.2
    expect(codesOf(hostedBy('csu'))).toEqual([]); // the operator: OPERATOR_NOT_PARTY's business
    const destroyed = hostedBy('msft')
      .update('copy', 'c-2023-vault', { destroyedDate: '2026-05-01' })
      .update('copy', 'c-2024-vault', { destroyedDate: '2026-05-01' });
    expect(withCode(destroyed, 'UNDECLARED_SUBPROCESSOR')).toEqual([]);
  });
});
