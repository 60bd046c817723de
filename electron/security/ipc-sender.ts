import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * Main answers IPC only from the app's own top-level frame. A sender from another origin (which
 * should be impossible with navigation blocked) or a subframe is refused.
 *
 * Origins are NOT compared: for a non-special scheme such as `app:` the URL standard (and so Node's
 * URL) gives the origin as the string "null", which would equally match any other opaque origin.
 * What is checked is what the window loads: the frame's URL parses, its scheme is `app:`, its host
 * is exactly the app's, and it carries no user name or password.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
