import { useEffect } from 'react';
import { Pager } from '../components/Pager';
import { ScreenHeader } from '../components/ScreenHeader';
import { useAuditStore } from '../stores/audit-store';
import { useRegisterChanges } from '../stores/register-changes-store';
import { AuditEntryRow } from './audit/AuditEntryRow';
import { AuditFilterBar } from './audit/AuditFilterBar';
import { ChainCheck } from './audit/ChainCheck';

/**
 * The audit log: every change to the register, newest first, who made it and what it changed,
 * filtered by record, action, words and dates; and a check of the whole hash chain.
 */
export function AuditLogScreen() {
  const revision = useRegisterChanges((s) => s.revision);
  const { entries, labels, total, offset, limit, status, error, load, setOffset, filters } = useAuditStore();
  useEffect(() => {
    void load();
  }, [load, revision]);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <ScreenHeader title="Audit log">
        {/* Export actions for the audit log go in this group. */}
        <div className="header-group" data-slot="import-export" />
        <ChainCheck />
      </ScreenHeader>
      <p className="lede">Every change to the register, newest first. Each entry is chained to the one before it by SHA-256, so an edited, deleted or reordered entry shows when the chain is verified.</p>
      <AuditFilterBar />
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      <div className="table-wrap" aria-busy={status === 'loading'}>
        <table className="data-table audit-table" aria-label="Audit log entries">
          <thead>
            <tr>
              <th scope="col" className="align-end">
                #
              </th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={6} className="table-empty">
                  {status !== 'ready' ? 'Loading…' : filtered ? 'No entries match these filters.' : 'No changes to the register have been recorded yet.'}
                </td>
              </tr>
            ) : (
              entries.map((entry) => <AuditEntryRow key={entry.seq} entry={entry} labels={labels} />)
            )}
          </tbody>
        </table>
      </div>
      <Pager label="Audit log" offset={offset} limit={limit} total={total} shown={entries.length} onOffset={setOffset} />
    </>
  );
}
