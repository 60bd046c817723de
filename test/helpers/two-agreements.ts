import { compliantRegister } from './compliant-register';

/**
 * Two agreements of one university that share a controller (the university, and a partner trust
 * with no DSFC and no ICO number), the secure environment and the CSU backup vault. The other
 * agreement has a backup copy in the vault it does not approve, run by an organisation that is not
 * its party: two high findings at a location both agreements use. DARS-NIC-00574-V2H1F (record id
 * `hip`) has two high findings of its own: a derived copy on a laptop, and the trust's missing DSFC.
 * Its report must say nothing of the other agreement, and count what its screen counts.
 */
export const OTHER = {
  nic: 'DARS-NIC-31337-Q7Z9K',
  title: 'Maternity outcomes linkage',
  fileReference: 'NIC31337_MSDS_2025',
  dataset: 'Maternity Services Data Set',
  path: '/vault/msds/backup-2025.tar',
  condition: 'Publish the maternity cohort protocol before analysis',
};

/** Everything of the other agreement a reader could recognise: its reference, title, data, copies, conditions. */
export const otherAgreementsWords = [OTHER.nic, '31337', OTHER.title, OTHER.fileReference, OTHER.dataset, OTHER.path, OTHER.condition, 'Publish the maternity'];

export function twoAgreements() {
  return compliantRegister()
    .organisation('trust', { legalName: 'Exampleton Teaching Hospitals NHS Foundation Trust', roles: ['controller'] })
    .update('dsaVersion', 'v4.2', {
      parties: [
        { organisationId: 'uni', role: 'controller', controllerType: 'joint' },
        { organisationId: 'trust', role: 'controller', controllerType: 'joint' },
        { organisationId: 'csu', role: 'processor' },
        { organisationId: 'aws', role: 'processor' },
      ],
    })
    // This agreement's own high finding: a derived copy on a laptop it does not approve.
    .location('laptop', { name: 'Analyst laptop', operator: 'uni', kind: 'end-user-device' })
    .copy('c-laptop', 'hes-2024', 'laptop', 'derived', { createdDate: '2025-07-01' })
    .dsa('other', OTHER.nic, { title: OTHER.title })
    .version('o-v1', { dsa: 'other', version: '2', start: '2025-01-01', end: '2027-12-31', controllers: ['uni', 'trust'], dsfc: 'uni-dsfc' })
    .dataset('o-ds', 'o-v1', OTHER.dataset)
    .approve('o-tre', 'o-v1', 'tre', 'storage')
    .holding('o-h', 'o-v1', 'o-ds', { darsFileReference: OTHER.fileReference, receivedDate: '2025-03-01' })
    .copy('o-c-tre', 'o-h', 'tre', 'primary')
    .copy('o-c-vault', 'o-h', 'csu-vault', 'backup', { pathOrDescription: OTHER.path })
    .obligation('o-sc', { kind: 'special-condition', version: 'o-v1', text: OTHER.condition, dueDate: '2026-01-31' })
    .build();
}

