import type { DisclosureJobStatus } from '../../../shared/disclosure/disclosure-api';

const phaseNames = { reading: 'Reading', protecting: 'Protecting', auditing: 'Attacker’s audit', writing: 'Writing' } as const;

/** A running job: what it is doing, how far it has got, and a way to stop it. */
export function ProgressPanel({ job, label, onCancel }: { job: DisclosureJobStatus; label: string; onCancel: () => void }) {
  const progress = job.progress;
  const percent = progress?.fraction === null || progress?.fraction === undefined ? null : Math.round(progress.fraction * 100);
  return (
    <div className="disclosure-progress" role="group" aria-label={label}>
      <div className="disclosure-progress-line">
        <progress aria-label={label} max={100} {...(percent === null ? {} : { value: percent })} />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p role="status" className="hint">
        {progress ? `${phaseNames[progress.phase]}: ${progress.message}${percent === null ? '' : ` (${percent}%)`}` : 'Starting…'}
      </p>
    </div>
  );
}
