/**
 * npm run bench:register: builds a register the size the issue names (1,000 agreements, 20,000
 * holdings, 100,000 copies) in a temporary folder and prints how long the register's heavy operations
 * take, each against its budget. A benchmark, not a test: machines differ, so read the ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/open-database';
import { verifyAuditChain } from '../electron/register/audit-verify';
import { loadRegister } from '../electron/register/load-register';
import { listRecords } from '../electron/register/register-list';
import { importRegisterSnapshot } from '../electron/register/snapshot-import';
import { importDur } from '../electron/imports/dur/import-dur';
import { computeFindings } from '../shared/findings';
import { writeDurWorkbook } from '../test/helpers/dur-fixture';
import { generateLargeDur } from './large-dur';
import type { RegisterContent, RegisterSnapshot } from '../shared/register/snapshot';

const actor = { now: () => new Date('2026-01-15T09:30:00Z'), osUser: 'bench' };
const day = (n: number) => new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A register of `agreements` DSAs (one version each), `holdingsPerVersion` holdings per version and
 * `copiesPerHolding` copies per holding, shaped like a real one: mostly in order as on 15 January
 * 2026 (copies at approved locations run by parties, current assurance, ICO and DSFCs), with a few
 * per cent of everything out of order so that the findings have work to do.
 */
function generateRegister(agreements: number, holdingsPerVersion: number, copiesPerHolding: number): RegisterContent {
  const organisationCount = Math.max(4, agreements / 5);
  const organisations = Array.from({ length: organisationCount }, (_, i) => ({
    id: `org-${i}`, archived: false, legalName: `Organisation ${i} NHS Foundation Trust`, odsCode: `R${pad(i, 4)}`,
    roles: ['controller' as const], icoRegistrationNumber: `Z${pad(i, 7)}`,
    icoRenewalDate: i % 50 === 7 ? day(1400) : day(1600 + (i % 300)), predecessorId: null,
  }));
  const locations = Array.from({ length: Math.max(6, agreements / 3) }, (_, i) => ({
    id: `loc-${i}`, archived: false, name: i % 3 === 2 ? `Backup vault ${i}` : `Secure server ${i}`,
    operatorOrganisationId: organisations[i % organisationCount]!.id, hostedByOrganisationId: null, kind: i % 3 === 2 ? ('backup' as const) : ('on-premises-server' as const),
    address: `${i} Data Street, Leeds`, cloudProvider: null, cloudRegion: null, country: 'England',
  }));
  const locationAt = (n: number) => locations[n % locations.length]!;
  const assurances = organisations.map((o, i) => ({
    id: `assurance-${i}`, archived: false, organisationId: o.id, kind: 'DSPT' as const, dsptYear: '2025/26', dsptStatus: 'Standards Met' as const,
    improvementPlanAgreed: false, improvementPlanDate: null, certificateNumber: null, scope: null, publishedDate: day(1300),
    expiryDate: i % 40 === 3 ? day(1300) : day(1600 + (i % 200)), coveredLocationIds: [],
  }));
  const dsfcs = organisations.map((o, i) => ({
    id: `dsfc-${i}`, archived: false, reference: `CON-${100000 + i}-A${pad(i % 10000, 4)}`, controllerOrganisationId: o.id, signedDate: day(10),
  }));
  const dsas = Array.from({ length: agreements }, (_, i) => ({
    id: `dsa-${i}`, archived: false, nicReference: `DARS-NIC-${pad(i, 5)}-A${pad(i % 10000, 4)}`, title: `Study ${i}`,
  }));
  const versions = dsas.map((dsa, v) => {
    const controller = organisations[v % organisationCount]!.id;
    const processors = [...new Set([0, 1, 2].map((k) => locationAt(v + k).operatorOrganisationId))];
    const start = 700 + (v % 400);
    return {
      id: `v-${v}`, archived: false, dsaId: dsa.id, version: '1', status: 'active' as const, startDate: day(start),
      endDate: v % 25 === 0 ? day(1470 + (v % 50)) : day(start + 3 * 365), signedDate: day(start - 20), predecessorVersionId: null,
      parties: [
        { organisationId: controller, role: 'controller' as const, controllerType: 'sole' as const },
        ...processors.map((organisationId) => ({ organisationId, role: 'processor' as const, controllerType: null })),
      ],
      territory: 'England' as const, commercial: false, sublicensing: false, archivingForResearch: false, objective: 'Service evaluation', processingActivities: null,
      expectedOutputs: null, expectedBenefits: null,
      lawfulBases: { article6: '6(1)(e)', article9: '9(2)(h)', commonLawBasis: null, s251Reference: null, s251Expiry: null },
      ethicsReference: null, destructionRule: { kind: 'days-after-end' as const, days: 30 }, destructionRuleIsDefault: false, dsfcId: `dsfc-${v % organisationCount}`,
    };
  });
  const datasets = versions.flatMap((v, i) => [0, 1].map((k) => ({
    id: `ds-${i}-${k}`, archived: false, versionId: v.id, name: k ? 'Emergency Care Data Set' : 'HES Admitted Patient Care',
    typeOfData: 'Pseudonymised' as const, sensitivity: 'Sensitive' as const, frequency: 'Ongoing' as const, legalBasisForProvision: null,
    optOutsApplied: 'Yes' as const, periodFrom: null, periodTo: null, disclosureProfileId: null,
  })));
  // Each version approves three locations: two for storage, the third for backup.
  const approvedLocations = versions.flatMap((v, i) => [0, 1, 2].map((k) => ({
    id: `al-${i}-${k}`, archived: false, versionId: v.id, locationId: locationAt(i + k).id,
    role: k === 2 ? ('backup' as const) : ('storage' as const), approvedFrom: null, approvedTo: null,
  })));
  const holdings = versions.flatMap((v, i) => Array.from({ length: holdingsPerVersion }, (_, k) => ({
    id: `h-${i}-${k}`, archived: false, versionId: v.id, datasetId: `ds-${i}-${k % 2}`, darsFileReference: `NIC${pad(i, 5)}_FILE_${pad(k, 3)}`,
    periodFrom: null, periodTo: null, receivedDate: day(720 + ((i + k) % 300)), recordCount: 1000 + k,
    checksum: null, dataYear: null,
  })));
  // Copy k of a holding: primary, backup, then derived extracts; the fifth is destroyed. One holding
  // in two hundred has a derived copy somewhere its version does not approve.
  const copyPlace = [0, 2, 1, 0, 1];
  const copies = holdings.flatMap((h, i) => {
    const v = Math.floor(i / holdingsPerVersion);
    return Array.from({ length: copiesPerHolding }, (_, k) => ({
      id: `c-${i}-${k}`, archived: false, holdingId: h.id,
      locationId: locationAt(v + (k === 3 && i % 200 === 0 ? 3 : copyPlace[k % copyPlace.length]!)).id,
      kind: k === 0 ? ('primary' as const) : k === 1 ? ('backup' as const) : ('derived' as const),
      pathOrDescription: `/data/${h.darsFileReference}/part-${k}.parquet`, createdDate: h.receivedDate, destroyedDate: k === 4 ? day(1450) : null,
    }));
  });
  const obligations = versions.map((v, i) => ({
    id: `ob-${i}`, archived: false, kind: 'special-condition' as const, versionId: v.id, organisationId: null,
    text: 'Annual confirmation of data destruction arrangements', dueDate: i % 20 === 0 ? day(1400) : day(1600 + (i % 300)),
    recurrence: 'annually' as const, owner: 'IG lead', evidence: null, status: 'open' as const,
  }));
  return { organisations, assurances, dsfcs, dsas, versions, datasets, locations, approvedLocations, holdings, copies, obligations, certificates: [] };
}

const snapshotOf = (register: RegisterContent): RegisterSnapshot => ({
  format: 'custodian-register', formatVersion: 1, exportedAt: actor.now().toISOString(), register,
});
const recordCount = (register: RegisterContent) => Object.values(register).reduce((n, list: unknown[]) => n + list.length, 0);

function time<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}
function median(runs: number, work: () => unknown): number {
  const times = Array.from({ length: runs }, () => time(work).ms).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
/**
 * Machines differ and this one may be shared, so each figure is also given as a multiple of a floor
 * measured in the same run: SQLite reading every copy row with no work on top (`floorMs`).
 */
let floorMs = Number.NaN;
function report(label: string, ms: number, budgetMs?: number): void {
  const budget = budgetMs ? `  ${(ms / budgetMs).toFixed(2)} of the ${budgetMs} ms budget` : '';
  const floor = Number.isNaN(floorMs) ? '' : `  ${(ms / floorMs).toFixed(1).padStart(6)}× floor`;
  console.log(`${label.padEnd(66)} ${ms.toFixed(0).padStart(7)} ms${floor}${budget}`);
}

const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-'));
try {
  const big = generateRegister(1000, 20, 5);
  console.log(`Register: ${big.dsas.length} agreements, ${big.holdings.length} holdings, ${big.copies.length} copies (${recordCount(big)} records)\n`);

  const { db } = openDatabase(join(dir, 'big.sqlite'), { create: true });
  const inserted = time(() => importRegisterSnapshot(db, actor, snapshotOf(big), 'bench.json'));

  floorMs = median(5, () => db.prepare('SELECT * FROM copies').raw(true).all());
  report('Floor: SQLite reads every copy row, nothing else (median of 5)', floorMs);

  const loaded = time(() => loadRegister(db));
  if (loaded.value.copies.length !== big.copies.length) throw new Error('loadRegister lost copies');
  report('loadRegister (first, cold)', loaded.ms, 1000);
  report('loadRegister (median of 5)', median(5, () => loadRegister(db)), 1000);

  const page = () => listRecords(db, { kind: 'copy', offset: 0, limit: 50, search: 'vault FILE_007', sort: { field: 'createdDate', direction: 'desc' } });
  const found = page();
  report(`List a page of copies with search (${found.total} of ${big.copies.length} match)`, median(5, page), 100);
  const deepPage = () => listRecords(db, { kind: 'copy', offset: 90_000, limit: 50, filters: { live: true } });
  report('List page 1,801 of live copies, no search', median(5, deepPage), 100);

  const verified = time(() => verifyAuditChain(db));
  if (!verified.value.intact) throw new Error('the audit chain did not verify');
  report(`Verify the audit chain (${verified.value.entries} entries)`, verified.ms, 5000);

  report(`Insert all (import: validate, check, write, audit ${inserted.value.created} records)`, inserted.ms);

  const findingsAsOf = '2026-01-15';
  const findingCount = computeFindings(loaded.value, findingsAsOf).length;
  report(`computeFindings on the loaded register (${findingCount} findings, median of 5)`, median(5, () => computeFindings(loaded.value, findingsAsOf)), 200);
  report('custodian findings: loadRegister + computeFindings (median of 5)', median(5, () => computeFindings(loadRegister(db), findingsAsOf)));

  db.close();

  const small = generateRegister(70, 20, 5);
  const smallCount = recordCount(small);
  const { db: fresh } = openDatabase(join(dir, 'small.sqlite'), { create: true });
  const smallImport = time(() => importRegisterSnapshot(fresh, actor, JSON.parse(JSON.stringify(snapshotOf(small))), 'small.json'));
  report(`Import a ${smallCount.toLocaleString('en-GB')}-record snapshot into an empty register`, smallImport.ms, 5000);
  fresh.close();

  // NHS England's Data Uses Register as a workbook: reading the XLSX, planning and writing every
  // record with its audit entry, in one transaction.
  const dur = generateLargeDur(3334);
  const rows = dur.Agreements.length + dur.Datasets.length + dur.DataReleases.length;
  const workbook = await writeDurWorkbook(join(dir, 'dur.xlsx'), dur);
  const { db: durDb } = openDatabase(join(dir, 'dur.sqlite'), { create: true });
  const started = performance.now();
  await importDur(durDb, actor, [workbook]);
  report(`Import a ${rows.toLocaleString('en-GB')}-row DUR workbook into an empty register`, performance.now() - started, 10_000);
  durDb.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
