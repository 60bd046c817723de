import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser Playwright installed. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', safePlaywrightPath()].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: "apt-get install -y chromium"), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary. Looked at: ' +
        (candidates.join(', ') || 'nothing'),
    );
  }
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
