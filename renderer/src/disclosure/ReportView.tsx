import type { DisclosureJobStatus } from '../../../shared/disclosure/disclosure-api';

/**
 * The disclosure report, as written to the JSON file: profile and parameters, hashes, counts,
 * the audit, and each changed cell with its action and rule. No original value of a suppressed
 * cell appears here, so this is safe to show to a checker.
 */
export function ReportView({ job }: { job: DisclosureJobStatus }) {
  const result = job.result;
  if (!result) return null;
  const { report, changesPreview, changeCount } = result;
  const shown = changesPreview.slice(0, 100);
  return (
    <details className="report-view">
      <summary>{job.kind === 'export' ? 'The report that was saved' : 'The report (as it will be saved)'}</summary>
      <dl className="report-fields">
        <dt>Profile</dt>
        <dd>
          {report.profile.id}, version {report.profile.version}
        </dd>
        <dt>Parameters</dt>
        <dd>
          <code>{JSON.stringify(report.profile.parameters)}</code>
        </dd>
        <dt>Input</dt>
        <dd>
          {report.input.file} ({report.input.format.toUpperCase()}
          {report.input.encoding ? `, ${report.input.encoding}` : ''}
          {report.input.delimiter ? `, ${report.input.delimiter}-separated` : ''}
          {report.input.sheet ? `, sheet ${report.input.sheet}` : ''}) <span className="hash">SHA-256 {report.input.sha256}</span>
        </dd>
        {report.output ? (
          <>
            <dt>Output</dt>
            <dd>
              {report.output.file} <span className="hash">SHA-256 {report.output.sha256}</span>
            </dd>
          </>
        ) : null}
        <dt>Audit</dt>
        <dd>
          {report.audit.status}, protection width {report.audit.protectionWidth}, {report.audit.primaryCellsChecked} primary cells checked
          {report.audit.solver ? ` with ${report.audit.solver}` : ''}
        </dd>
      </dl>
      <table className="data-table report-changes">
        <caption>
          Changed cells{changeCount > shown.length ? ` (the first ${shown.length} of ${changeCount.toLocaleString('en-GB')})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Cell</th>
            <th scope="col">Action</th>
            <th scope="col">Rule</th>
            <th scope="col" className="align-end">
              Published
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((change, i) => (
            <tr key={i}>
              <td>{change.row}</td>
              <td>{Object.values(change.keys).join('/')}</td>
              <td>{change.action}</td>
              <td>{change.rule}</td>
              <td className="align-end">{change.published}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
