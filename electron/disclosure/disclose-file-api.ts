import type { FirstRows } from '../../shared/disclosure/first-rows';
import type { LpSolver } from '../../shared/disclosure/linear-program';
import type { DisclosurePreview } from '../../shared/disclosure/preview';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import type { DisclosureReportHead, ReportChange } from '../../shared/disclosure/report';
import type { ReleasedTable } from '../../shared/disclosure/released-table';
import type { TableOptions } from '../../shared/disclosure/table';
import type { TableInput } from './read/table-input';
import type { OutputFormat } from './write/table-writer';

/** What protecting a table file is asked to do, what it reports as it goes, and what it returns. */
export interface DiscloseFileRequest {
  input: TableInput;
  sheet?: string;
  profile: DisclosureProfile;
  tableOptions: TableOptions;
  output?: { path: string; format: OutputFormat } | null;
  /** The releasable report (suppressions not told apart), written beside the table. */
  reportPath?: string | null;
  /**
   * The tables released before from the same holding, to audit this one with (linked tables). Given
   * (even empty) when a holding was chosen: the table is then read whole and the result carries what
   * to keep of this release.
   */
  earlierReleases?: ReleasedTable[] | null;
  /** The internal report with every reason, marked not for release. */
  internalReportPath?: string | null;
  previewRows?: number;
  loadSolver: () => Promise<LpSolver>;
  signal?: AbortSignal;
  /**
   * Called with the report (and what to keep of the release) once the published table is complete
   * but before it is renamed into place: the CLI records the export here, so a register that
   * cannot be written leaves no unrecorded table behind. Throwing discards the table.
   */
  beforePublish?: (report: DisclosureReportHead, release: ReleasedTable | null) => void | Promise<void>;
  onProgress?: (progress: DisclosureProgress) => void;
  /** Called once, as soon as the table's first rows are read (only when a preview is asked for). */
  onFirstRows?: (rows: FirstRows) => void;
  now?: () => Date;
  toolVersion: string;
}

export interface DisclosureProgress {
  phase: 'reading' | 'protecting' | 'auditing' | 'writing';
  /** 0–1 where known. */
  fraction: number | null;
  message: string;
}

export interface DiscloseFileResult {
  report: DisclosureReportHead;
  changesPreview: ReportChange[];
  changeCount: number;
  preview: DisclosurePreview;
  /** Set when the attacker's audit failed: nothing was written but the report. */
  refusal: string | null;
  /** What to keep of this release for auditing later tables from the same holding (when one was chosen and it was written). */
  release: ReleasedTable | null;
}

export class DisclosureCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'DisclosureCancelled';
  }
}

export const checkCancelled = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new DisclosureCancelled();
};
