/**
 * The only links Custodian opens outside itself: official guidance sites, over https. Anything else
 * (file:, javascript:, http:, an unknown host, credentials in the URL) is refused, so that a value
 * typed into the register can never become a way to launch a program or leak data.
 */
export const allowedExternalHosts = [
  'digital.nhs.uk',
  'www.england.nhs.uk',
  'england.nhs.uk',
  'ico.org.uk',
  'www.legislation.gov.uk',
  'www.dsptoolkit.nhs.uk',
] as const;

export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port && url.port !== '443') return false;
  return (allowedExternalHosts as readonly string[]).includes(url.hostname);
}
