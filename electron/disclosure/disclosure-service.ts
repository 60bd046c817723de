import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { builtinProfiles, findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import type { DisclosureInputInfo, DisclosureJobStatus, StartDisclosureRequest } from '../../shared/disclosure/disclosure-api';
import { defaultPreviewRows } from '../../shared/disclosure/preview';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { UserFacingError } from '../../shared/ipc/result';
import type { ServiceContext } from '../ipc/context';
import { listCustomProfiles } from './custom-profiles';
import { loadReleases } from './released-tables';
import { readFirstRows } from './read-first-rows';
import { recordDisclosureExport } from './record-export';
import { runDisclosureInWorker, DisclosureWorkerError, type RunningDisclosure } from './worker-client';
import type { WorkerJob } from './worker-protocol';
import type { OutputFormat } from './write/table-writer';

/**
 * The Disclosure screen's work in main: the tables the user opened (by token), the jobs running in
 * the worker, and what happens when an export finishes (the audit-log entry). One per service
 * context, i.e. per window and register.
 */
interface InputEntry {
  info: DisclosureInputInfo;
  input: WorkerJob['input'];
}

interface Job {
  status: DisclosureJobStatus;
  running: RunningDisclosure | null;
  request: StartDisclosureRequest;
  input: InputEntry;
  profile: DisclosureProfile;
  outputPath: string | null;
}

const sessions = new WeakMap<ServiceContext, DisclosureSession>();

/** How many opened tables and finished jobs a window keeps: a dropped table's bytes live in memory. */
const keepInputs = 4;
const keepFinishedJobs = 8;

/** Forgets the oldest entries of a map (insertion order) beyond `keep`, skipping those still needed. */
function prune<K, V>(map: Map<K, V>, keep: number, needed: (value: V) => boolean): void {
  let excess = map.size - keep;
  for (const [key, value] of map) {
    if (excess <= 0) break;
    if (needed(value)) continue;
    map.delete(key);
    excess--;
  }
}

export function disclosureSession(context: ServiceContext): DisclosureSession {
  let session = sessions.get(context);
  if (!session) sessions.set(context, (session = new DisclosureSession(context)));
  return session;
}

export class DisclosureSession {
  private readonly inputs = new Map<string, InputEntry>();
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly context: ServiceContext) {}

  addInput(info: Omit<DisclosureInputInfo, 'token'>, input: WorkerJob['input']): DisclosureInputInfo {
    const token = globalThis.crypto.randomUUID();
    const entry = { info: { ...info, token }, input };
    this.inputs.set(token, entry);
    const inUse = new Set([...this.jobs.values()].filter((j) => j.status.state === 'running').map((j) => j.input));
    prune(this.inputs, keepInputs, (e) => inUse.has(e));
    return entry.info;
  }

  profile(id: string): DisclosureProfile {
    const profile = findBuiltinProfile(id) ?? listCustomProfiles(this.context.dataDir).find((p) => p.id === id);
    if (!profile) {
      throw new UserFacingError('NOT_FOUND', `There is no disclosure profile “${id}”. Choose one of ${builtinProfiles.map((p) => p.id).join(', ')} or open a profile file.`);
    }
    return profile;
  }

  startPreview(request: StartDisclosureRequest): string {
    const input = this.inputs.get(request.token);
    if (!input) throw new UserFacingError('NOT_FOUND', 'That table is no longer open; open it again.');
    return this.launch('preview', request, input, this.profile(request.profileId), null);
  }

  startExport(previewJobId: string, format: OutputFormat, outputPath: string): string {
    const preview = this.job(previewJobId);
    if (preview.status.state !== 'done' || !preview.status.result) {
      throw new UserFacingError('CONFLICT', 'Preview the table before exporting it.');
    }
    if (preview.status.result.refusal) throw new UserFacingError('REFUSED', `${capitalise(preview.status.result.refusal)}. Nothing can be exported.`);
    return this.launch('export', preview.request, preview.input, preview.profile, { path: outputPath, format });
  }

  /** The file behind a job's input, if it came from disk (a dropped file has none). */
  inputPath(jobId: string): string | null {
    const { input } = this.job(jobId);
    return input.input.kind === 'path' ? input.input.path : null;
  }

  status(jobId: string): DisclosureJobStatus {
    return this.job(jobId).status;
  }

  async cancel(jobId: string): Promise<boolean> {
    const job = this.job(jobId);
    if (job.status.state !== 'running' || !job.running) return false;
    await job.running.cancel();
    return true;
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new UserFacingError('NOT_FOUND', 'That disclosure job is not known; preview the table again.');
    return job;
  }

  private launch(
    kind: 'preview' | 'export',
    request: StartDisclosureRequest,
    input: InputEntry,
    profile: DisclosureProfile,
    output: { path: string; format: OutputFormat } | null,
  ): string {
    const jobId = globalThis.crypto.randomUUID();
    const reportPath = output ? reportPathFor(output.path) : null;
    const status: DisclosureJobStatus = {
      jobId,
      kind,
      state: 'running',
      progress: { phase: 'reading', fraction: 0, message: 'Starting' },
      firstRows: null,
      error: null,
      result: null,
      files: null,
      auditEntry: null,
    };
    const running = runDisclosureInWorker(
      {
        input: input.input,
        ...(request.sheet ? { sheet: request.sheet } : {}),
        profile,
        tableOptions: { totalLabels: request.totalLabels, national: request.national, percentages: request.percentages },
        output,
        reportPath,
        // With a holding chosen, the table is audited with what was released from it before.
        earlierReleases: request.holdingId ? loadReleases(this.context.db, request.holdingId) : null,
        previewRows: kind === 'preview' ? defaultPreviewRows : 0,
        toolVersion: this.context.appVersion,
      },
      (progress) => (status.progress = progress),
      undefined,
      (rows) => (status.firstRows = rows),
    );
    if (kind === 'preview') {
      // Shown while the worker starts; the worker's own first rows (the same rows) follow.
      void readFirstRows(input.input, request.totalLabels).then((rows) => {
        if (rows && status.state === 'running' && !status.firstRows) status.firstRows = rows;
      });
    }
    const job: Job = { status, running, request, input, profile, outputPath: output?.path ?? null };
    this.jobs.set(jobId, job);
    prune(this.jobs, keepFinishedJobs, (j) => j.status.state === 'running');
    running.result.then(
      (result) => {
        status.result = result;
        status.state = 'done';
        status.progress = null;
        status.firstRows = null; // the preview has them all now
        if (output && reportPath && !result.refusal) {
          status.files = { output: basename(output.path), report: basename(reportPath), folder: dirname(output.path) };
          status.auditEntry = recordDisclosureExport(this.context.db, this.context, result.report, {
            reportFile: basename(reportPath),
            holdingId: request.holdingId,
          }, result.release).seq;
        }
        job.running = null;
      },
      (error: unknown) => {
        job.running = null;
        status.progress = null;
        if (error instanceof DisclosureWorkerError && error.kind === 'cancelled') {
          status.state = 'cancelled';
          if (output) removePartialFiles(output.path);
          return;
        }
        status.state = 'failed';
        status.error =
          error instanceof DisclosureWorkerError && error.kind === 'input'
            ? `${capitalise(error.message)}.`
            : 'The table could not be processed because of an internal error. Nothing was written; try again, and if it persists use the custodian command to see more.';
      },
    );
    return jobId;
  }
}

/** The report is written beside the published table. */
export function reportPathFor(outputPath: string): string {
  return join(dirname(outputPath), `${basename(outputPath, extname(outputPath))}.disclosure-report.json`);
}

/** After a cancelled export: the temporary files the atomic writers left beside the destination. */
function removePartialFiles(outputPath: string): void {
  const folder = dirname(outputPath);
  const prefixes = [basename(outputPath), basename(reportPathFor(outputPath))].map((name) => `.${name}.`);
  try {
    for (const name of readdirSync(folder)) {
      if (name.endsWith('.partial') && prefixes.some((p) => name.startsWith(p))) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // The folder may be gone; nothing to clean.
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
