import { APP_ORIGIN } from './app-protocol';

/**
 * Main answers IPC only from the app's own top-level frame. A sender from another origin (which
 * should be impossible with navigation blocked) or a subframe is refused.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}
