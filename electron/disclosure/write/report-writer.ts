import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { releasableChange, type DisclosureReportHead, type ReportChange } from '../../../shared/disclosure/report';
import { createAtomicFile } from './atomic-file';

const flushAt = 1 << 20;

/**
 * Collects the report's changes as they are decided. A rounded table changes nearly every cell, so
 * the list is spooled to a temporary file instead of memory; the first few are kept for the UI.
 */
export class ReportChanges {
  count = 0;
  readonly preview: ReportChange[] = [];
  private spool: WriteStream | null = null;
  private spoolPath: string | null = null;
  private buffer = '';

  /**
   * With a report path, changes are spooled beside it (named like the atomic writer's temporary
   * files, so whoever cleans up after a cancelled export finds it too).
   */
  constructor(
    reportPath: string | null,
    private readonly previewLimit = 500,
  ) {
    if (reportPath) {
      this.spoolPath = join(dirname(reportPath), `.${basename(reportPath)}.${randomBytes(6).toString('hex')}.changes.partial`);
      this.spool = createWriteStream(this.spoolPath, { mode: 0o600 });
    }
  }

  add(change: ReportChange): Promise<void> | void {
    if (this.preview.length < this.previewLimit) this.preview.push(change);
    if (this.spool) {
      this.buffer += (this.count > 0 ? ',\n    ' : '    ') + JSON.stringify(change);
      this.count++;
      if (this.buffer.length >= flushAt) return this.flush();
      return;
    }
    this.count++;
  }

  private async flush(): Promise<void> {
    if (!this.spool || !this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    if (!this.spool.write(text)) await once(this.spool, 'drain');
  }

  /**
   * Writes each report (head, then every change) atomically to its path. A releasable report gives
   * every suppression as just "suppressed" (releasableChange).
   */
  async writeReports(reports: { path: string; head: DisclosureReportHead; releasable: boolean }[]): Promise<void> {
    if (!this.spool || !this.spoolPath) throw new Error('changes were not kept for a report');
    try {
      await this.flush();
      this.spool.end();
      await once(this.spool, 'finish');
      for (const report of reports) await this.writeOne(report.path, report.head, report.releasable);
    } finally {
      this.dispose();
    }
  }

  private async writeOne(path: string, head: DisclosureReportHead, releasable: boolean): Promise<void> {
    const file = createAtomicFile(path);
    const out = createWriteStream(file.tempPath);
    try {
      const headText = JSON.stringify(head, null, 2);
      out.write(`${headText.slice(0, headText.lastIndexOf('}')).trimEnd()},\n  "changes": [\n`);
      if (releasable) {
        // One change per line in the spool: each is rewritten on its own.
        let first = true;
        const lines = createInterface({ input: createReadStream(this.spoolPath!), crlfDelay: Infinity });
        for await (const line of lines) {
          const text = line.trim().replace(/,$/, '');
          if (!text) continue;
          const change = releasableChange(JSON.parse(text) as ReportChange);
          if (!out.write(`${first ? '    ' : ',\n    '}${JSON.stringify(change)}`)) await once(out, 'drain');
          first = false;
        }
      } else {
        for await (const chunk of createReadStream(this.spoolPath!)) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
      }
      out.end(`${this.count > 0 ? '\n' : ''}  ]\n}\n`);
      await once(out, 'finish');
      file.commit();
    } catch (error) {
      out.destroy();
      file.abort();
      throw error;
    }
  }

  dispose(): void {
    this.spool?.destroy();
    if (this.spoolPath) rmSync(this.spoolPath, { force: true });
    this.spool = null;
  }
}
