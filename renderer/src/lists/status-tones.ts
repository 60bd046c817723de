import type { Tone } from '../components/StatusBadge';

/** How each status word is coloured; the word itself always says it. */
export const versionStatusTone: Record<string, Tone> = { active: 'ok', draft: 'neutral', superseded: 'neutral', expired: 'warning', terminated: 'danger' };
export const obligationStatusTone: Record<string, Tone> = { open: 'info', 'in-progress': 'info', met: 'ok', waived: 'neutral' };
export const certificateStatusTone: Record<string, Tone> = { issued: 'info', sent: 'info', acknowledged: 'ok' };
