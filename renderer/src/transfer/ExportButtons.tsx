import type { ExportFormat, ExportKind } from '../../../shared/exports/exports-api';
import { useTransferStore } from '../stores/transfer-store';
import { useActionLock } from '../stores/register-identity-store';

/**
 * One export with a button per format ("Holdings: XLSX CSV"). Each button names the export and the
 * format for screen readers; main shows the save dialog, so the page never handles a path.
 */
export function ExportButtons({ what, label, formats, dsaId }: { what: ExportKind; label: string; formats: readonly ExportFormat[]; dsaId?: string }) {
  const busy = useTransferStore((s) => s.busy);
  const exportFile = useTransferStore((s) => s.exportFile);
  const lock = useActionLock('exportReport');
  return (
    <div role="group" aria-label={`Export the ${label}`} className="export-buttons">
      <span className="export-label">{capitalise(label)}</span>
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          className="small"
          disabled={busy !== null}
          {...lock}
          aria-label={`Export the ${label} as ${format.toUpperCase()}`}
          onClick={() => void exportFile({ what, format, label, ...(dsaId ? { dsaId } : {}) })}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
