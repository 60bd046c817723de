import type { Severity } from '../../../shared/register/findings';

export type Tone = 'danger' | 'warning' | 'info' | 'ok' | 'neutral';

const severityTone: Record<Severity, Tone> = { high: 'danger', medium: 'warning', low: 'info' };
const severityText: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/**
 * A short status word in a coloured pill. The word carries the meaning (colour is never the only
 * signal), and every tone meets AA contrast in the light and the dark theme.
 */
export function StatusBadge({ tone = 'neutral', severity, children }: { tone?: Tone; severity?: Severity; children?: string }) {
  const t = severity ? severityTone[severity] : tone;
  return <span className={`badge badge-${t}`}>{children ?? (severity ? severityText[severity] : '')}</span>;
}
