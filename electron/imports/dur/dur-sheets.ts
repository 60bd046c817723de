/**
 * The sheets of NHS England's Data Uses Register and their columns, as the domain guide lists them.
 * Required columns must be in the header row; optional ones are read when present; any other column
 * is ignored, so a newer register with extra columns still imports.
 */
export const durSheetNames = ['Agreements', 'Datasets', 'DataReleases'] as const;
export type DurSheetName = (typeof durSheetNames)[number];

export const agreementColumns = {
  required: ['Reference Number', 'Applicant Organisation', 'Data Controller(s)', 'DSA Start Date', 'DSA End Date'],
  optional: [
    'Application Title',
    'Applicant Organisation Type',
    'Sole/Joint Data Controller',
    'Does Sublicensing Apply',
    'For Commercial Purposes',
    'Objective for Processing',
    'Processing Activities',
    'Expected Output',
    'Expected Measurable Benefits',
    'Yielded Benefits',
  ],
} as const;
export type AgreementColumn = (typeof agreementColumns)['required' | 'optional'][number];

export const datasetColumns = {
  required: ['Reference Number', 'Dataset'],
  optional: ['Type of Data', 'Sensitive or Non-Sensitive', 'Frequency', 'Legal Basis for Provision of Data', 'Common Law Duty of Confidentiality'],
} as const;
export type DatasetColumn = (typeof datasetColumns)['required' | 'optional'][number];

export const releaseColumns = {
  required: ['Reference Number', 'Dataset', 'File Reference', 'Month File Released'],
  optional: ['Patient Opt-Outs Applied'],
} as const;
export type ReleaseColumn = (typeof releaseColumns)['required' | 'optional'][number];
