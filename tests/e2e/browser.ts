import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Which Chromium the browser suite drives: `CHROME_PATH` when set (and nothing else, so a wrong
 * path is reported rather than silently replaced), else Debian's `chromium`, else an installed
 * Google Chrome or Chromium. playwright-core downloads no browser of its own.
 */

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type BrowserLookup = { found: true; path: string } | { found: false; reason: string };

export function findChromium(env: Record<string, string | undefined> = process.env): BrowserLookup {
  const configured = env.CHROME_PATH?.trim();
  if (configured) {
    return isExecutable(configured)
      ? { found: true, path: configured }
      : { found: false, reason: `CHROME_PATH=${configured} is not an executable file` };
  }
  const path = CANDIDATES.find(isExecutable);
  return path ? { found: true, path } : { found: false, reason: 'no Chromium found' };
}

/** The line `npm test` prints when the suite cannot run here. */
export function skipLine(reason: string): string {
  return `browser suite skipped: ${reason}; install Debian's chromium (apt-get install chromium) or set CHROME_PATH; set E2E_REQUIRED=1 to make this an error`;
}

/**
 * Headless, and quiet on the network: without the background-networking flags Chromium keeps
 * calling home (updates, sync, safe browsing), which a closed network answers with timeouts.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 120_000,
    args: [
      // Chromium's sandbox refuses root and needs user namespaces most containers lack.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-quic',
      '--metrics-recording-only',
      '--safebrowsing-disable-auto-update',
    ],
  });
}
