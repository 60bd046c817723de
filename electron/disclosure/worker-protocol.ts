import type { FirstRows } from '../../shared/disclosure/first-rows';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import type { ReleasedTable } from '../../shared/disclosure/released-table';
import type { TableOptions } from '../../shared/disclosure/table';
import type { DiscloseFileResult, DisclosureProgress } from './disclose-file';
import type { OutputFormat } from './write/table-writer';

/** What main sends the disclosure worker: plain data, so it crosses the thread boundary by copy. */
export interface WorkerJob {
  input: { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array };
  sheet?: string;
  profile: DisclosureProfile;
  tableOptions: TableOptions;
  output: { path: string; format: OutputFormat } | null;
  reportPath: string | null;
  earlierReleases?: ReleasedTable[] | null;
  previewRows: number;
  toolVersion: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: DisclosureProgress }
  | { type: 'first-rows'; rows: FirstRows }
  | { type: 'done'; result: DiscloseFileResult }
  | { type: 'failed'; error: { kind: 'input' | 'internal'; message: string } };
