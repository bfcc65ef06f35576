import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LiaisonClient } from '@liaison/client';
import { createTempDataDir } from '@liaison/embedded-stack';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OidcTestProvider } from '../../apps/api/test/oidc-provider.js';
import { freePorts, type Launch, launch, type Ports } from '../launcher/launch.js';
import { blocking, describeFinding, findings, runAxe } from './axe.js';
import { findChromium, launchChromium, skipLine } from './browser.js';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const PASSWORD = 'liaison-demo';

/** The demo organizations' names, as the pages show them. */
export const OFA = 'OpenFabrics Alliance';
export const DMTF = 'Distributed Management Task Force';
export const SNIA = 'Storage Networking Industry Association';

/** The web app's OpenID Connect client at DMTF's (test) identity provider. */
export const SSO_CLIENT = { clientId: 'liaison-web-e2e', clientSecret: 'e2e-client-secret' };
/** The DMTF identity provider's account that single sign-on signs in with. */
export const SSO_ACCOUNT = {
  id: 'dmtf-sso-member',
  email: 'member@dmtf.example',
  name: 'DMTF SSO',
};

export interface Portal {
  ports: Ports;
  /** Where the browser goes (next-auth follows whichever address the browser uses). */
  webUrl: string;
  apiUrl: string;
  idp: OidcTestProvider;
  launcher: Launch;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The whole portal as `npm start` runs it (the built launcher: embedded PostgreSQL and S3, API,
 * web app), on free ports and a scratch data directory, with DMTF's single sign-on pointed at a
 * loopback OpenID provider.
 */
export async function startPortal(): Promise<Portal> {
  const ports = await freePorts();
  const webUrl = `http://localhost:${ports.web}`;
  // Loaded only when the suite runs: oidc-provider warns about Node 20 as soon as it is imported.
  const { startOidcProvider } = await import('../../apps/api/test/oidc-provider.js');
  const idp = await startOidcProvider({
    clients: [
      {
        ...SSO_CLIENT,
        redirectUris: [`${webUrl}/api/auth/callback/sso-dmtf`],
      },
    ],
    accounts: { [SSO_ACCOUNT.id]: { email: SSO_ACCOUNT.email, name: SSO_ACCOUNT.name } },
  });
  const dataDir = await createTempDataDir('liaison-e2e');
  const launcher = launch(dataDir, ports, {
    // The API's side (who DMTF's provider is) and the web app's (its client secret).
    SSO_DMTF_ISSUER: idp.issuer,
    SSO_DMTF_CLIENT_ID: SSO_CLIENT.clientId,
    SSO_DMTF_CLIENT_SECRET: SSO_CLIENT.clientSecret,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const stop = async () => {
    if (launcher.process.exitCode === null) {
      launcher.process.kill('SIGINT');
      await Promise.race([launcher.exited, delay(60_000)]);
      if (launcher.process.exitCode === null) launcher.process.kill('SIGKILL');
    }
    await idp.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    await launcher.ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    ports,
    webUrl,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    idp,
    launcher,
    dataDir,
    stop,
  };
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function resetScreenshots(): Promise<void> {
  await rm(SCREENSHOTS, { recursive: true, force: true });
  await mkdir(SCREENSHOTS, { recursive: true });
}

/** Uncaught errors in pages, reported at the end (they do not fail a journey by themselves). */
export const pageErrors: string[] = [];
/**
 * Server errors the browser met (5xx), reported at the end. A burst of them for /_next/static
 * files means the web app was rebuilt under the running server: run the suite again.
 */
export const serverErrors: string[] = [];

/**
 * What the pages' Content-Security-Policy blocked (securitypolicyviolation events) and the errors
 * they logged, page by page: none is expected. Failed loads (a 404 page, say) are left out: the
 * journeys assert those statuses themselves.
 */
export const pageProblems: string[] = [];

/** The sessions a journey has open: screenshotted when it fails, closed after it. */
const openSessions = new Set<BrowserContext>();

/** Screenshots (when the journey failed) and closes every session the journey left open. */
export async function closeSessions(failedAs?: string): Promise<void> {
  let index = 0;
  for (const context of openSessions) {
    if (failedAs) {
      for (const page of context.pages()) {
        const path = join(SCREENSHOTS, `FAILED-${failedAs}-${++index}.png`);
        await page.screenshot({ path, fullPage: true }).catch(() => undefined);
        console.log(`failed journey: ${page.url()} shown in ${path}`);
      }
    }
    await context.close().catch(() => undefined);
  }
  openSessions.clear();
}

/**
 * A fresh browser profile: no cookies, downloads accepted, desktop size unless asked, at the
 * portal's address unless another one (e.g. http://127.0.0.1:<port>) is asked for.
 */
export async function newSession(
  browser: Browser,
  portal: Portal,
  viewport = DESKTOP,
  baseURL = portal.webUrl,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  openSessions.add(context);
  context.on('close', () => openSessions.delete(context));
  // Reported through the console, which the listener below collects.
  await context.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' blocked ' +
        (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')');
    });
  `);
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(120_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
    pageProblems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  return { context, page };
}

/**
 * Checks the page the browser is on: axe-core (serious and critical findings fail the test, but
 * the journey goes on so every page gets looked at), then a screenshot when `screenshot` names one
 * (the whole page; just the window with `window: true`, e.g. for a modal dialog).
 */
export async function check(
  page: Page,
  name: string,
  screenshot?: string,
  options: { window?: boolean } = {},
): Promise<void> {
  await page.waitForLoadState('load');
  // Next streams metadata: after a client-side navigation the <title> can arrive a moment after
  // the body. Every page has one; wait for it rather than judge a half-arrived page.
  await expect.poll(() => page.title(), { timeout: 15_000 }).not.toBe('');
  let found = await runAxe(page, name);
  // The same race once more: after a client-side navigation that refreshes the route, the
  // streamed <title> can leave the head for a moment and come back. It was there a moment ago;
  // wait for it and look again before calling it missing (a page without one still fails).
  if (found.some((finding) => finding.rule === 'document-title')) {
    await expect.poll(() => page.title(), { timeout: 15_000 }).not.toBe('');
    found = await runAxe(page, name);
  }
  for (const finding of blocking(found)) {
    expect.soft(finding, describeFinding(finding)).toBeUndefined();
  }
  if (screenshot) {
    await page.screenshot({
      path: join(SCREENSHOTS, `${screenshot}.png`),
      fullPage: !options.window,
    });
  }
}

/** Goes to a path of the portal and checks the page. */
export async function visit(
  page: Page,
  path: string,
  name: string,
  screenshot?: string,
): Promise<Response | null> {
  const response = await page.goto(path, { waitUntil: 'load' });
  await check(page, name, screenshot);
  return response;
}

/** Signs in as a person would: pick the organization, then e-mail and password on its page. */
export async function signIn(page: Page, organization: string, email: string): Promise<void> {
  await visit(page, '/login', 'login');
  await page.getByRole('link', { name: new RegExp(`^${organization}`) }).click();
  await page.getByRole('heading', { level: 1, name: organization }).waitFor();
  await check(page, `login: ${organization}`);
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/login') && !url.pathname.startsWith('/api/'),
  );
  await expect.poll(() => header(page).textContent()).toContain(organization);
  // The session (and the API token inside it) is out of reach of scripts.
  const session = (await page.context().cookies()).find((cookie) =>
    cookie.name.endsWith('next-auth.session-token'),
  );
  expect(session?.httpOnly, 'session cookie is HttpOnly').toBe(true);
  expect(session?.sameSite, 'session cookie is SameSite=Lax').toBe('Lax');
  expect(await page.evaluate<string>('document.cookie')).not.toContain('session-token');
}

/** Signs the operator in through the operator's own login page. */
export async function signInOperator(page: Page): Promise<void> {
  await visit(page, '/login/operator', 'operator sign-in');
  await page.getByLabel('E-mail address', { exact: true }).fill('operator@liaison.example');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export function header(page: Page) {
  return page.locator('header.site-header');
}

/** A file of `size` bytes that starts like a PDF (the rest is random): its path and SHA-256. */
export async function writeFakePdf(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      hash.update(chunk);
      out.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  await write(head);
  let left = size - head.length - tail.length;
  while (left > 0) {
    const chunk = randomBytes(Math.min(left, 1024 * 1024));
    await write(chunk);
    left -= chunk.length;
  }
  await write(tail);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return hash.digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The API as a demo user, through the typed client: ids are looked up the way a script would. */
export async function apiClientAs(portal: Portal, email: string): Promise<LiaisonClient> {
  const anonymous = new LiaisonClient({ url: portal.apiUrl });
  const { accessToken } = await anonymous.signIn(email, PASSWORD);
  return anonymous.withToken(accessToken);
}

/** An API access token for a demo user, to look up ids the way a person would copy a link. */
export async function apiToken(portal: Portal, email: string): Promise<string> {
  const client = await apiClientAs(portal, email);
  return client.token!;
}

export interface Fixture {
  id: string;
  identifier: string;
  title: string;
  versionId: string;
}

/**
 * A document with one small PDF version, created through the API by `email` (an admin or editor
 * of `organization`): what the journeys need to exist whatever demo data the portal loads.
 */
export async function createDocument(
  portal: Portal,
  email: string,
  document: {
    organization: string;
    identifier: string;
    title: string;
    status: 'work-in-progress' | 'informational' | 'standard';
    visibility: 'public' | 'partners' | 'organization';
    registers: string[];
  },
): Promise<Fixture> {
  const client = await apiClientAs(portal, email);
  const created = await client.createDocument({
    // The stand-in PDF below could not be stamped for a partner.
    watermark: false,
    ...document,
    abstract: `${document.title}, created by the browser suite.`,
  });
  const path = join(portal.dataDir, `${document.identifier}.pdf`);
  await writeFile(path, `%PDF-1.4\n% ${document.title}\n%%EOF\n`);
  const { version } = await client.uploadVersion(created.id, {
    label: '1.0',
    path,
    mediaType: 'application/pdf',
  });
  return {
    id: created.id,
    identifier: document.identifier,
    title: document.title,
    versionId: version.id,
  };
}

export async function apiGet<T>(portal: Portal, path: string, token?: string): Promise<T> {
  const response = await fetch(`${portal.apiUrl}${path}`, {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** What a suite's journeys share: one portal and one Chromium, there from the first journey on. */
export interface BrowserSuite {
  readonly portal: Portal;
  readonly browser: Browser;
}

/**
 * A suite of journeys, run in order against one portal in one headless Chromium. After each
 * journey its sessions are closed, screenshotted first as `FAILED-<screenshotAs>-<journey number>`
 * (or `FAILED-<journey number>`) when it failed. Where no Chromium is found the suite is skipped with the reason printed, or,
 * with E2E_REQUIRED=1, fails.
 */
export function browserSuite(
  title: string,
  options: { screenshotAs?: string },
  journeys: (suite: BrowserSuite) => void,
): void {
  const lookup = findChromium();
  const missing = lookup.found ? undefined : lookup.reason;
  if (missing && process.env.E2E_REQUIRED === '1') {
    describe(`${title} (E2E_REQUIRED=1)`, () => {
      it('needs a Chromium', () => {
        throw new Error(
          `E2E_REQUIRED=1 but ${missing}: install Debian's chromium (apt-get install chromium) or set CHROME_PATH`,
        );
      });
    });
    return;
  }
  if (missing) console.log(skipLine(missing));
  describe.skipIf(missing !== undefined)(missing ? skipLine(missing) : title, () => {
    const suite = {} as { portal: Portal; browser: Browser };

    beforeAll(async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      suite.portal = await startPortal();
      suite.browser = await launchChromium(lookup.found ? lookup.path : '');
    }, 600_000);

    afterEach(async (context) => {
      const failed = context.task.result?.state === 'fail';
      const journey = context.task.name.split('.')[0];
      const as = options.screenshotAs ? `${options.screenshotAs}-${journey}` : journey;
      await closeSessions(failed ? as : undefined);
    });

    afterAll(async () => {
      await suite.browser?.close().catch(() => undefined);
      await suite.portal?.stop();
    }, 120_000);

    journeys(suite);
  });
}

/** Prints what the pages' accessibility checks found and the errors the pages and server had. */
export function reportPageProblems(where: string): void {
  if (findings.length > 0) {
    console.log(
      `axe-core findings ${where}:\n${findings.map((f) => `  ${describeFinding(f)}`).join('\n')}`,
    );
  } else {
    console.log(`axe-core: no findings ${where}`);
  }
  if (pageErrors.length > 0) console.log(`uncaught page errors:\n  ${pageErrors.join('\n  ')}`);
  if (serverErrors.length > 0) {
    console.log(`server errors the browser met:\n  ${serverErrors.slice(0, 20).join('\n  ')}`);
  }
}

/**
 * The path of the first link matching `link` in the newest mail the demo catcher got for `to`,
 * waited for (delivery runs in the background): what a person clicks in their mail.
 */
export async function mailedLink(portal: Portal, to: string, link: RegExp): Promise<string> {
  const token = await apiToken(portal, 'operator@liaison.example');
  let path = '';
  await expect
    .poll(
      async () => {
        const caught = await apiGet<{ items: { to: string[]; text: string }[] }>(
          portal,
          '/api/v1/mail-catcher/messages',
          token,
        );
        const mail = caught.items.find((item) => item.to.includes(to));
        path = link.exec(mail?.text ?? '')?.[0] ?? '';
        return path;
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .not.toBe('');
  return path;
}
