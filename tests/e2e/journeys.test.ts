import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiGet,
  browserSuite,
  check,
  createDocument,
  DESKTOP,
  DMTF,
  type Fixture,
  header,
  newSession,
  OFA,
  PHONE,
  pageProblems,
  reportPageProblems,
  resetScreenshots,
  SCREENSHOTS,
  SNIA,
  SSO_ACCOUNT,
  serverErrors,
  sha256File,
  signIn,
  visit,
  writeFakePdf,
} from './harness.js';

// The portal in a real Chromium, journey by journey, each asserting what the person sees. The
// journeys build on each other (the document uploaded in 2 is downloaded in 3, released in 4 and
// audited in 6), so they run in order against one portal.

const REGISTER = 'OFA/DMTF Work Register';

const FILE_SIZE = 50 * 1024 * 1024;
const IDENTIFIER = `OFA-E2E-${Date.now().toString(36).toUpperCase()}`;
const TITLE = 'Fabric Telemetry Model (end-to-end WIP)';
const LABEL = '0.1';

/** Not public in the demo data (when the portal loads demo documents). */
const NOT_PUBLIC_DEMO = ['DSP-WIP-FABRIC', 'OFA-FMM', 'SWORDFISH-MAP-WIP'];

browserSuite('the portal in a real browser', {}, (suite) => {
  const work = join(tmpdir(), `liaison-e2e-${process.pid}`);
  const pdfPath = join(work, 'fabric-telemetry-model.pdf');
  let pdfSha = '';
  /** Set by journey 2: the uploaded document and its version. */
  const uploaded = { documentPath: '', versionId: '', shownSha: '' };
  /** Made through the API before the journeys: one public document, one for partners only. */
  let publicDocument: Fixture;
  let partnersDocument: Fixture;
  const started = Date.now();

  beforeAll(async () => {
    await resetScreenshots();
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    pdfSha = await writeFakePdf(pdfPath, FILE_SIZE);
    publicDocument = await createDocument(suite.portal, 'admin@dmtf.example', {
      organization: 'dmtf',
      identifier: 'E2E-PUBLIC',
      title: 'Fabric Glossary (browser suite, public)',
      status: 'informational',
      visibility: 'public',
      registers: [],
    });
    partnersDocument = await createDocument(suite.portal, 'admin@dmtf.example', {
      organization: 'dmtf',
      identifier: 'E2E-PARTNERS',
      title: 'Fabric Zoning Draft (browser suite, partners only)',
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    reportPageProblems('on the pages visited (serious/critical ones fail their journey)');
    if (serverErrors.some((error) => error.includes('/_next/static/'))) {
      console.log(
        'the web app’s build files failed to load: was apps/web rebuilt while the suite ran? Run it again.',
      );
    }
    console.log(
      `browser suite: screenshots in ${SCREENSHOTS}; ${Math.round((Date.now() - started) / 1000)} s`,
    );
  });

  async function expectNotFound(page: Page, path: string, name: string, screenshot?: string) {
    const response = await visit(page, path, name, screenshot);
    expect(response?.status(), path).toBe(404);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/not found/i);
  }

  async function libraryIdentifiers(page: Page): Promise<string[]> {
    return page.locator('main .doc-item code.identifier').allTextContents();
  }

  async function downloadFrom(page: Page, name: RegExp | string): Promise<string> {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByRole('link', { name }).first().click(),
    ]);
    const saved = join(work, `download-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    expect(await download.failure()).toBeNull();
    const sha = await sha256File(saved);
    await rm(saved, { force: true });
    return sha;
  }

  it('1. anonymous: the library shows public documents only; a partners-only document and its download are "not found"', async () => {
    const { page, context } = await newSession(suite.browser, suite.portal);
    await visit(page, '/', 'library (anonymous)', 'library-anonymous');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Library');
    await expect.poll(() => header(page).textContent()).toContain('Sign in');
    const shown = await libraryIdentifiers(page);
    expect(shown).toContain(publicDocument.identifier);
    for (const identifier of [partnersDocument.identifier, ...NOT_PUBLIC_DEMO]) {
      expect(shown).not.toContain(identifier);
    }
    // Exactly the documents anyone may read.
    const everyone = await apiGet<{ items: { identifier: string; visibility: string }[] }>(
      suite.portal,
      '/api/v1/documents?limit=100',
    );
    expect(everyone.items.every((item) => item.visibility === 'public')).toBe(true);
    expect([...shown].sort()).toEqual(everyone.items.map((item) => item.identifier).sort());
    // Partners' documents exist: one line says signing in shows more, and nothing about them.
    await expect
      .poll(() => page.locator('main .library-hint').textContent())
      .toBe('Members of alliance organizations see more documents after signing in.');

    // A public document opens, with its download.
    await page.getByRole('link', { name: publicDocument.title }).click();
    await page.getByRole('heading', { level: 1, name: publicDocument.title }).waitFor();
    await check(page, 'document (public, anonymous)', 'document-public-anonymous');
    await expect.poll(() => page.getByRole('link', { name: /^Download 1\.0/ }).count()).toBe(1);

    await expectNotFound(
      page,
      `/documents/${partnersDocument.id}`,
      'partners-only document (anonymous)',
      'document-not-found',
    );
    await expect
      .poll(() => page.locator('main').textContent())
      .not.toContain(partnersDocument.title);
    await expectNotFound(
      page,
      `/documents/${partnersDocument.id}/versions/${partnersDocument.versionId}/download`,
      'partners-only download (anonymous)',
      'download-not-found',
    );

    // Approved work registers are public; a draft is for its parties only.
    await visit(page, '/registers', 'registers (anonymous)', 'registers');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Work registers');
    await expect.poll(() => page.getByRole('link', { name: REGISTER }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'SNIA/DMTF Work Register' }).count()).toBe(0);
    await page.getByRole('link', { name: REGISTER }).click();
    await page.getByRole('heading', { level: 1, name: REGISTER }).waitFor();
    await check(page, 'register (anonymous)', 'register');

    // The library on a phone: the filters fold into one "Filters" control; opened, every choice
    // fits the screen, with "Clear" there too; badges keep to their text.
    const phone = await newSession(suite.browser, suite.portal, PHONE);
    await visit(phone.page, '/', 'library (phone)', 'library-phone');
    const organization = phone.page.getByLabel('Organization');
    expect(await organization.isVisible()).toBe(false);
    await visit(phone.page, '/?q=specification', 'library searched (phone)');
    await phone.page.getByText('Filters', { exact: true }).click();
    await organization.waitFor({ state: 'visible' });
    const screen = phone.page.viewportSize()!.width;
    for (const field of [organization, phone.page.getByRole('link', { name: 'Clear' })]) {
      const box = (await field.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(screen);
    }
    expect((await organization.boundingBox())!.width).toBeGreaterThan(screen / 2);
    await visit(phone.page, '/', 'library (phone)');
    for (const badge of await phone.page.locator('main .doc-item .badge').all()) {
      expect((await badge.boundingBox())!.width).toBeLessThan(screen / 2);
    }
    await phone.context.close();
    await context.close();
  });

  it('2. editor@ofa.example uploads a 50 MiB PDF, shared under ofa-dmtf, and sees its checksum', async () => {
    const { page, context } = await newSession(suite.browser, suite.portal);
    // A wrong password first: a clear message on the login page, nothing else.
    await visit(page, '/login', 'login');
    await page.getByRole('link', { name: new RegExp(`^${OFA}`) }).click();
    await page.getByLabel('E-mail address', { exact: true }).fill('editor@ofa.example');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Wrong e-mail address or password.');
    await signIn(page, OFA, 'editor@ofa.example');
    await expect.poll(() => header(page).textContent()).toContain('OFA Editor');
    await check(page, 'library (OFA editor)', 'library-signed-in');

    await page.getByRole('link', { name: 'New document' }).click();
    await page.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await check(page, 'new document', 'new-document');
    await expect
      .poll(() => page.getByLabel('Owner organization', { exact: true }).inputValue())
      .toBe('ofa');
    await page.getByLabel('Identifier', { exact: true }).fill(IDENTIFIER);
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page
      .getByLabel(/^Abstract/)
      .fill('A large work-in-progress model shared with the DMTF for review.');
    await page.getByLabel('Status', { exact: true }).selectOption('work-in-progress');
    await page.getByRole('radio', { name: /^Partners/ }).check();
    await page.getByRole('checkbox', { name: new RegExp(`^${REGISTER}`) }).check();
    // On by default; the journey's stand-in PDF of random bytes could not be stamped for the DMTF.
    await page.getByRole('checkbox', { name: /^Watermark PDFs/ }).uncheck();
    await page.getByRole('button', { name: 'Create and continue' }).click();

    await page.getByRole('heading', { name: 'Step 2 of 2: upload the first version' }).waitFor();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`${IDENTIFIER} was created`);
    await page.getByLabel('Version label', { exact: true }).fill(LABEL);
    await page.getByLabel(/Choose a file/).setInputFiles(pdfPath);
    await expect
      .poll(() => page.locator('.dropzone__file').textContent())
      .toContain('fabric-telemetry-model.pdf');
    await check(page, 'upload (file chosen)', 'upload-chosen');

    // Every value the progress bar shows, recorded in the page as it changes.
    await page.evaluate(() => {
      const scope = globalThis as unknown as {
        progressSeen: number[];
        document: {
          querySelector(selector: string): { getAttribute(n: string): string | null } | null;
          body: unknown;
        };
        MutationObserver: new (
          callback: () => void,
        ) => { observe(target: unknown, options: unknown): void };
      };
      scope.progressSeen = [];
      const record = () => {
        const value = scope.document
          .querySelector('[role="progressbar"]')
          ?.getAttribute('aria-valuenow');
        if (value != null && scope.progressSeen.at(-1) !== Number(value))
          scope.progressSeen.push(Number(value));
      };
      new scope.MutationObserver(record).observe(scope.document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('progressbar').waitFor({ state: 'attached', timeout: 60_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-progress.png'), fullPage: true });

    const stored = page.getByRole('heading', {
      name: `Version ${LABEL} of ${IDENTIFIER} is stored`,
    });
    await stored.waitFor({ timeout: 600_000 });
    const seen = await page.evaluate(
      () => (globalThis as unknown as { progressSeen: number[] }).progressSeen,
    );
    console.log(`upload progress bar showed ${seen.length} values: ${seen.join(' ')}`);
    expect(seen.at(-1), `progress values: ${seen.join(', ')}`).toBe(100);
    expect(
      [...seen].sort((a, b) => a - b),
      'the bar never goes backwards',
    ).toEqual(seen);

    const shown = (await page.getByLabel('SHA-256 checksum').textContent())?.trim() ?? '';
    expect(shown).toBe(pdfSha);
    await expect
      .poll(() => page.locator('.upload-result').textContent())
      .toContain(`${FILE_SIZE.toLocaleString('en-GB')} bytes`);
    await check(page, 'upload done', 'upload-done');

    await page.getByRole('link', { name: 'View the document' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(page, 'document (OFA editor)', 'document-page');
    const badges = await page.locator('.document__head .badges').textContent();
    expect(badges).toContain('Work in progress');
    expect(badges).toContain('Partners');
    await expect.poll(() => page.locator('.document__aside').textContent()).toContain(REGISTER);
    await expect.poll(() => page.locator('table code.checksum').first().textContent()).toBe(pdfSha);

    const href = await page
      .getByRole('link', { name: /^Download version/ })
      .first()
      .getAttribute('href');
    const match = /^\/documents\/([0-9a-f-]{36})\/versions\/([0-9a-f-]{36})\/download/.exec(
      href ?? '',
    );
    expect(match, `download link ${href}`).not.toBeNull();
    uploaded.documentPath = `/documents/${match![1]}`;
    uploaded.versionId = match![2]!;
    uploaded.shownSha = shown;
    await context.close();
  }, 900_000);

  it('3. member@dmtf.example finds it in the workspace and downloads exactly those bytes; member@snia.example cannot find it', async () => {
    expect(uploaded.documentPath, 'journey 2 uploaded the document').not.toBe('');
    const dmtf = await newSession(suite.browser, suite.portal);
    const { page } = dmtf;
    await signIn(page, DMTF, 'member@dmtf.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Workspace' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    await check(page, 'workspace (DMTF member)', 'workspace');
    // A member creates no documents: the workspace offers no "New document" (editors get one).
    expect(await page.getByRole('link', { name: 'New document' }).count()).toBe(0);
    const register = page.getByRole('region', { name: REGISTER });
    const fromPartners = register
      .getByRole('table', { name: /^Partners’ work shared under/ })
      .getByRole('link', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) });
    await expect.poll(() => fromPartners.count()).toBe(1);
    await fromPartners.click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(page, 'document (DMTF member)', 'document-partner');
    expect(await page.locator('main').textContent()).toContain(
      'Confidential: shared with the parties of its work registers only',
    );
    await expect
      .poll(() => page.locator('table code.checksum').first().textContent())
      .toBe(uploaded.shownSha);
    const downloaded = await downloadFrom(
      page,
      new RegExp(`^Download ${LABEL.replace('.', '\\.')}`),
    );
    expect(downloaded).toBe(uploaded.shownSha);
    await dmtf.context.close();

    const snia = await newSession(suite.browser, suite.portal);
    await signIn(snia.page, SNIA, 'member@snia.example');
    await visit(snia.page, '/workspace', 'workspace (SNIA member)');
    await expect.poll(() => snia.page.locator('main').textContent()).not.toContain(IDENTIFIER);
    await visit(snia.page, `/?q=${IDENTIFIER}`, 'library search (SNIA member)');
    await expect.poll(() => libraryIdentifiers(snia.page)).toEqual([]);
    await expect
      .poll(() => snia.page.locator('main').textContent())
      .toContain('matches the search');
    await expectNotFound(snia.page, uploaded.documentPath, 'document (SNIA member)');
    await expectNotFound(
      snia.page,
      `${uploaded.documentPath}/versions/${uploaded.versionId}/download`,
      'download (SNIA member)',
    );
    await snia.context.close();
  }, 600_000);

  it('4. admin@ofa.example releases it as informational; anonymous now sees and downloads it', async () => {
    expect(uploaded.documentPath, 'journey 2 uploaded the document').not.toBe('');
    const admin = await newSession(suite.browser, suite.portal);
    const { page } = admin;
    await signIn(page, OFA, 'admin@ofa.example');
    await visit(page, uploaded.documentPath, 'document (OFA admin)');
    await page.getByRole('link', { name: 'Edit details' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${IDENTIFIER}` }).waitFor();
    await check(page, 'edit document', 'edit-document');
    await page.getByLabel('Status', { exact: true }).selectOption('informational');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes were saved.').waitFor();
    await check(page, 'document saved');

    await page.getByRole('button', { name: 'Release to public' }).click();
    const dialog = page.getByRole('dialog', { name: `Release ${IDENTIFIER} to the public?` });
    await dialog.waitFor();
    await check(page, 'release dialog', 'release-dialog', { window: true });
    await dialog.getByRole('button', { name: 'Release to public' }).click();
    await page.getByText('The document is now public').waitFor();
    await check(page, 'document released', 'document-released');
    const badges = await page.locator('.document__head .badges').textContent();
    expect(badges).toContain('Informational');
    expect(badges).toContain('Public');
    expect(badges).toContain('Released');
    await admin.context.close();

    const anonymous = await newSession(suite.browser, suite.portal);
    await visit(anonymous.page, '/', 'library after release (anonymous)', 'library-after-release');
    const released = anonymous.page.getByRole('region', { name: 'Released' });
    await expect
      .poll(() => released.locator('code.identifier').allTextContents())
      .toContain(IDENTIFIER);
    await released.getByRole('link', { name: TITLE }).click();
    await anonymous.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(anonymous.page, 'released document (anonymous)');
    const downloaded = await downloadFrom(
      anonymous.page,
      new RegExp(`^Download ${LABEL.replace('.', '\\.')}`),
    );
    expect(downloaded).toBe(pdfSha);
    await anonymous.context.close();
  }, 600_000);

  it('5. single sign-on through the loopback OpenID provider lands the user in their organization', async () => {
    const { page, context } = await newSession(suite.browser, suite.portal);
    await visit(page, '/login', 'login', 'login');
    const dmtfLink = page.getByRole('link', { name: new RegExp(`^${DMTF}`) });
    await expect.poll(() => dmtfLink.textContent()).toMatch(/single sign-on/i);
    await dmtfLink.click();
    await page.getByRole('heading', { level: 1, name: DMTF }).waitFor();
    await check(page, 'login: DMTF (with SSO)', 'login-dmtf-sso');
    await page.getByRole('button', { name: `Sign in with ${DMTF} single sign-on` }).click();

    // The identity provider's own pages (oidc-provider's development login form).
    await page.waitForURL((url) => url.origin === suite.portal.idp.issuer);
    await page.locator('input[name="login"]').fill(SSO_ACCOUNT.id);
    await page.locator('input[name="password"]').fill('any');
    await page.screenshot({ path: join(SCREENSHOTS, 'sso-provider-login.png'), fullPage: true });
    const loginForm = page.url();
    await Promise.all([
      page.waitForURL((url) => url.href !== loginForm, { timeout: 120_000 }),
      page.locator('button[type="submit"]').first().click(),
    ]);
    // A consent screen, should the provider show one (it is implied for this client).
    if (new URL(page.url()).origin === suite.portal.idp.issuer) {
      await page.locator('button[type="submit"]').first().click();
    }
    await page.waitForURL(
      (url) => url.origin === suite.portal.webUrl && !url.pathname.startsWith('/api/'),
      { timeout: 120_000 },
    );
    expect(new URL(page.url()).pathname).not.toMatch(/^\/login/);
    await expect.poll(() => header(page).textContent()).toContain('DMTF Member');
    await expect.poll(() => header(page).textContent()).toContain(`${DMTF} (single sign-on)`);
    await check(page, 'library (signed in by SSO)', 'sso-signed-in');

    await visit(page, '/workspace', 'workspace (SSO)');
    await expect.poll(() => page.locator('main').textContent()).toContain(`Documents of ${DMTF}`);
    await context.close();
  }, 300_000);

  it('6. admin@dmtf.example sees the download of journey 3 (by a DMTF member) in the audit log and exports it as CSV', async () => {
    expect(uploaded.versionId, 'journey 2 uploaded the document').not.toBe('');
    const { page, context } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'admin@dmtf.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await check(page, 'admin', 'admin');
    await visit(page, '/admin/audit', 'audit log', 'audit-log');
    await page.getByLabel('Action').selectOption('version.download');
    await page.getByLabel('Actor (e-mail)').fill('member@dmtf.example');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=version\.download/);
    await check(page, 'audit log (filtered)', 'audit-log-filtered');
    const rows = page.locator('main table tbody tr');
    // The object is named (the OFA admin may read the document), and filters by its id.
    const download = rows.filter({ hasText: `${IDENTIFIER} version ${LABEL}` });
    await expect.poll(() => download.count()).toBeGreaterThanOrEqual(1);
    const row = (await download.first().textContent()) ?? '';
    expect(row).toContain('member@dmtf.example');
    expect(row).toContain('version.download');
    expect(
      await download.first().getByRole('link', { name: 'only this' }).getAttribute('href'),
    ).toContain(`object=${uploaded.versionId}`);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Export CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const saved = join(work, csv.suggestedFilename());
    await csv.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    const lines = text.split(/\r?\n/).filter(Boolean);
    const line = lines.find((candidate) => candidate.includes(uploaded.versionId));
    expect(line, text.slice(0, 2000)).toBeDefined();
    expect(line).toContain('member@dmtf.example');
    expect(line).toContain('version.download');
    await context.close();
  }, 300_000);

  it('7. every page sends the security headers; file downloads keep their own sandboxing policy', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    const nonces = new Set<string>();
    for (const path of ['/', '/login', '/registers', `/documents/${publicDocument.id}`]) {
      const response = await page.goto(path, { waitUntil: 'load' });
      const headers = response!.headers();
      const policy = headers['content-security-policy'] ?? '';
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'(;|$)/.exec(
        policy,
      )?.[1];
      expect(nonce, `${path}: ${policy}`).toBeDefined();
      nonces.add(nonce!);
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(policy.split('; '), path).toContain(directive);
      }
      expect(headers, path).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'permissions-policy': expect.stringContaining('camera=(), microphone=(), geolocation=()'),
      });
      // Plain http here: no Strict-Transport-Security.
      expect(headers['strict-transport-security'], path).toBeUndefined();
      // Next.js put the nonce on its scripts, so the page runs: it has its header. (A loaded
      // machine can take seconds to stream a page, as the title wait in the harness allows.)
      await expect.poll(() => header(page).count(), { timeout: 15_000 }).toBe(1);
    }
    expect(nonces.size, 'a fresh nonce per request').toBe(4);

    // DMTF's login page may send its single sign-on form on to DMTF's identity provider.
    const dmtf = await page.goto('/login/dmtf', { waitUntil: 'load' });
    expect(dmtf!.headers()['content-security-policy']).toContain(
      `form-action 'self' ${suite.portal.idp.issuer}`,
    );

    const web = `http://127.0.0.1:${suite.portal.ports.web}`;
    // Behind a TLS-terminating balancer (X-Forwarded-Proto: https), HSTS is sent.
    const overHttps = await fetch(`${web}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    // A download keeps the sandboxing policy of the file proxy, not the pages' one.
    const file = await fetch(
      `${web}/documents/${publicDocument.id}/versions/${publicDocument.versionId}/download`,
    );
    expect(file.status).toBe(200);
    const filePolicy = file.headers.get('content-security-policy') ?? '';
    expect(filePolicy).toContain('sandbox');
    expect(filePolicy).not.toContain('nonce-');
    await file.body?.cancel();
  }, 300_000);

  it('8. signing in at 127.0.0.1 or at localhost ends signed in at that same address', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const origin = `http://${host}:${suite.portal.ports.web}`;
      const { page, context } = await newSession(suite.browser, suite.portal, DESKTOP, origin);
      // Signed in (the helper waits for the organization in the header) ...
      await signIn(page, OFA, 'member@ofa.example');
      // ... at the address the person used, not at another one where the cookie is not.
      expect(new URL(page.url()).origin).toBe(origin);
      await visit(page, '/workspace', `workspace (signed in at ${host})`);
      expect(new URL(page.url()).origin).toBe(origin);
      await expect.poll(() => header(page).textContent()).toContain(OFA);
      await context.close();
    }
  }, 300_000);

  it('9. no page broke under the security headers: no blocked script or style, no console error', () => {
    expect(pageProblems).toEqual([]);
  });
});
