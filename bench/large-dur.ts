import type { DurRow, DurSheets } from '../test/helpers/dur-fixture';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * A Data Uses Register of `agreements` agreements with one dataset row and one released file each
 * (3 rows per agreement), shaped like NHS England's publication: 400 organisations, sole and joint
 * controllers, dates as date cells. 3,334 agreements make the "10,000-row register".
 */
export function generateLargeDur(agreements: number): DurSheets {
  const sheets: DurSheets = { Agreements: [], Datasets: [], DataReleases: [] };
  const dataset = 'Hospital Episode Statistics Admitted Patient Care (HES APC)';
  for (let i = 0; i < agreements; i++) {
    const reference = `DARS-NIC-${100_000 + i}-AB${i % 10}CD-v1`;
    const organisation = `Organisation ${i % 400}`;
    const joint = i % 7 === 0;
    const agreement: DurRow = {
      'Reference Number': reference,
      'Application Title': `Outcomes study ${i}`,
      'Applicant Organisation': organisation,
      'Applicant Organisation Type': 'University',
      'Data Controller(s)': joint ? `${organisation}\nOrganisation ${(i + 1) % 400}` : organisation,
      'Sole/Joint Data Controller': joint ? 'Joint' : 'Sole',
      'DSA Start Date': utc('2024-01-01'),
      'DSA End Date': utc('2026-12-31'),
      'Does Sublicensing Apply': 'No',
      'For Commercial Purposes': 'No',
      'Objective for Processing': 'To measure readmission within 30 days of discharge.',
      'Processing Activities': 'Stored on a secure server; analysts see pseudonymised records only.',
      'Expected Output': 'Quarterly reports.',
      'Expected Measurable Benefits': 'Fewer avoidable readmissions.',
      'Yielded Benefits': 'None yet.',
    };
    sheets.Agreements.push(agreement);
    sheets.Datasets.push({
      'Reference Number': reference,
      Dataset: dataset,
      'Type of Data': 'Pseudonymised',
      'Sensitive or Non-Sensitive': 'Sensitive',
      Frequency: 'Ongoing',
      'Legal Basis for Provision of Data': 'Health and Social Care Act 2012 – s261(2)(b)(ii)',
      'Common Law Duty of Confidentiality': 'Does not include the flow of confidential data',
    });
    sheets.DataReleases.push({ 'Reference Number': reference, Dataset: dataset, 'File Reference': `NIC${100_000 + i}_HES_APC_2024`, 'Month File Released': utc('2024-05-01'), 'Patient Opt-Outs Applied': 'Yes' });
  }
  return sheets;
}
