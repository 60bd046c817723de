import { RegisterBuilder } from './register-builder';

/** The date the compliant scenario is judged on. */
export const SCENARIO_AS_OF = '2026-06-01';

/**
 * A realistic register with no findings on SCENARIO_AS_OF: a university (sole controller) holding
 * two years of Hospital Episode Statistics under DARS-NIC-00574-V2H1F, renewed from v4.1 to v4.2
 * without a gap, with a commissioning support unit running the backup vault and AWS London hosting
 * the analysis copy. Every location is approved for the role its copies need, every party has a
 * current DSPT or ISO 27001 and ICO registration, and the controller's DSFC is on record.
 *
 * Tests take it and change one thing, so each finding is shown firing next to its clean neighbour.
 */
export function compliantRegister(): RegisterBuilder {
  return new RegisterBuilder()
    .organisation('uni', {
      legalName: 'University of Exampleton',
      odsCode: 'EXU01',
      roles: ['controller', 'applicant'],
      icoRegistrationNumber: 'Z1234567',
      icoRenewalDate: '2027-03-31',
    })
    .organisation('csu', {
      legalName: 'North of England Commissioning Support Unit',
      odsCode: '0CX',
      roles: ['processor'],
      icoRegistrationNumber: 'ZA123456',
      icoRenewalDate: '2027-01-15',
    })
    .organisation('aws', {
      legalName: 'Amazon Web Services EMEA SARL (UK Branch)',
      roles: ['processor'],
      icoRegistrationNumber: 'ZB765432',
      icoRenewalDate: '2026-11-30',
    })
    .assurance('uni-dspt', 'uni', { kind: 'DSPT', dsptYear: '2025/26', dsptStatus: 'Standards Met', publishedDate: '2026-05-20', expiryDate: '2027-06-30' })
    .assurance('csu-dspt', 'csu', { kind: 'DSPT', dsptYear: '2025/26', dsptStatus: 'Standards Exceeded', publishedDate: '2026-05-28', expiryDate: '2027-06-30' })
    .assurance('aws-iso', 'aws', { kind: 'ISO27001', certificateNumber: 'IS 752334', scope: 'AWS eu-west-2 data centres', expiryDate: '2027-11-07' })
    .dsfc('uni-dsfc', { reference: 'CON-622644-N9S3P-v2.03', controller: 'uni', signedDate: '2023-02-14' })
    .dsa('hip', 'DARS-NIC-00574-V2H1F', { title: 'Readmission after hip replacement: a national cohort study' })
    .version('v4.1', {
      dsa: 'hip',
      version: '4.1',
      status: 'superseded',
      start: '2023-04-01',
      end: '2025-03-31',
      controllers: ['uni'],
      processors: ['csu', 'aws'],
      dsfc: 'uni-dsfc',
    })
    .version('v4.2', {
      dsa: 'hip',
      version: '4.2',
      start: '2025-04-01',
      end: '2028-03-31',
      signedDate: '2025-03-20',
      controllers: ['uni'],
      processors: ['csu', 'aws'],
      dsfc: 'uni-dsfc',
      renews: 'v4.1',
      destructionRule: { kind: 'days-after-end', days: 30 },
    })
    .dataset('hes-4.1', 'v4.1', 'Hospital Episode Statistics Admitted Patient Care', { typeOfData: 'Pseudonymised', sensitivity: 'Sensitive', frequency: 'Ongoing' })
    .dataset('hes-4.2', 'v4.2', 'Hospital Episode Statistics Admitted Patient Care', { typeOfData: 'Pseudonymised', sensitivity: 'Sensitive', frequency: 'Ongoing' })
    .location('tre', { name: 'Exampleton Secure Data Environment', operator: 'uni', kind: 'trusted-research-environment', address: 'Data Centre 2, Exampleton' })
    .location('aws-london', { name: 'AWS eu-west-2 (London)', operator: 'aws', kind: 'cloud-region', cloudProvider: 'Amazon Web Services', cloudRegion: 'eu-west-2' })
    .location('csu-vault', { name: 'CSU Leeds backup vault', operator: 'csu', kind: 'backup', address: 'Leeds' })
    .approve('a41-tre', 'v4.1', 'tre', 'storage')
    .approve('a41-vault', 'v4.1', 'csu-vault', 'backup')
    .approve('a42-tre-store', 'v4.2', 'tre', 'storage')
    .approve('a42-tre-proc', 'v4.2', 'tre', 'processing')
    .approve('a42-aws', 'v4.2', 'aws-london', 'storage', { approvedFrom: '2025-04-01' })
    .approve('a42-vault', 'v4.2', 'csu-vault', 'backup')
    .holding('hes-2023', 'v4.1', 'hes-4.1', { darsFileReference: 'NIC00574_HES_APC_2023', receivedDate: '2024-06-10', dataYear: '2023/24', recordCount: 1_204_311 })
    .holding('hes-2024', 'v4.2', 'hes-4.2', { darsFileReference: 'NIC00574_HES_APC_2024', receivedDate: '2025-06-12', dataYear: '2024/25', recordCount: 1_236_870 })
    .copy('c-2023-tre', 'hes-2023', 'tre', 'primary', { pathOrDescription: '/secure/hip/hes_apc_2023.parquet' })
    .copy('c-2023-vault', 'hes-2023', 'csu-vault', 'backup')
    .copy('c-2024-aws', 'hes-2024', 'aws-london', 'primary', { pathOrDescription: 's3://exampleton-hip/hes_apc_2024/' })
    .copy('c-2024-tre', 'hes-2024', 'tre', 'derived', { pathOrDescription: '/secure/hip/cohort_2024.parquet' })
    .copy('c-2024-vault', 'hes-2024', 'csu-vault', 'backup')
    .obligation('sc-outputs', {
      kind: 'special-condition',
      version: 'v4.2',
      text: 'Outputs must be aggregated with small numbers suppressed in line with the HES analysis guide before release.',
      dueDate: '2026-09-30',
      owner: 'IG lead',
    })
    .obligation('annual', { kind: 'annual-confirmation', version: 'v4.2', text: 'Annual confirmation of compliance to DARS', dueDate: '2026-04-30', status: 'met' });
}
