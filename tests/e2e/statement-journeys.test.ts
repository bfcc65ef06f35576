import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, skipLine } from './browser.js';
import {
  check,
  closeSessions,
  DMTF,
  newSession,
  OFA,
  type Portal,
  SCREENSHOTS,
  SNIA,
  sha256File,
  signIn,
  startPortal,
  visit,
  writeFakePdf,
} from './harness.js';

// A liaison statement answered in a real Chromium, journey by journey: the DMTF's demo statement
// for comment, owed by the OFA, gets a reply an OFA editor drafts with an attachment; an OFA
// admin approves it by sending it; the DMTF admin sees it as the answer, and the original leaves
// the OFA's Action needed list. A SNIA member can open neither. The journeys build on each other,
// so they run in order against one portal.

const lookup = findChromium();
const missing = lookup.found ? undefined : lookup.reason;
if (missing) console.log(skipLine(missing));

const ORIGINAL = 'Redfish Fabric Extensions (work-in-progress) available for comment';
const REPLY = `Re: ${ORIGINAL}`;
const REPLY_TEXT = 'The OFA has **two comments** on the fabric extensions, attached.';

describe.skipIf(missing !== undefined)(
  missing ? skipLine(missing) : 'liaison statements in a real browser',
  () => {
    let portal: Portal;
    let browser: Browser;
    const work = join(tmpdir(), `liaison-e2e-statements-${process.pid}`);
    const filePath = join(work, 'ofa-comments.pdf');
    let fileSha = '';
    /** Set by the journeys: the pages of the original statement and of the reply. */
    let originalPath = '';
    let replyPath = '';
    let downloadPath = '';

    beforeAll(async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      fileSha = await writeFakePdf(filePath, 256 * 1024 + 3);
      portal = await startPortal();
      browser = await launchChromium(lookup.found ? lookup.path : '');
    }, 600_000);

    afterEach(async (context) => {
      const failed = context.task.result?.state === 'fail';
      await closeSessions(failed ? `statement-${context.task.name.split('.')[0]}` : undefined);
    });

    afterAll(async () => {
      await browser?.close().catch(() => undefined);
      await portal?.stop();
      await rm(work, { recursive: true, force: true });
    }, 120_000);

    function main(page: Page) {
      return page.locator('main');
    }

    function actionNeeded(page: Page) {
      return page.getByRole('region', { name: 'Action needed' });
    }

    it('1. editor@ofa.example finds the DMTF statement owed, drafts a reply and attaches a file', async () => {
      const { page } = await newSession(browser, portal);
      await signIn(page, OFA, 'editor@ofa.example');
      await visit(page, '/workspace', 'workspace (OFA editor)');
      const owed = actionNeeded(page).getByRole('link', { name: ORIGINAL });
      await expect.poll(() => actionNeeded(page).textContent()).toContain('30 days left');
      await owed.click();
      await page.getByRole('heading', { level: 1, name: ORIGINAL }).waitFor();
      originalPath = new URL(page.url()).pathname;
      await check(page, 'statement (owed, OFA editor)', 'statement-owed');
      await expect.poll(() => main(page).textContent()).toContain('Answer owed');
      // An editor replies, but marking answered is for admins.
      expect(await page.getByRole('button', { name: 'Mark answered' }).count()).toBe(0);

      await page.getByRole('link', { name: 'Reply', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Reply to “${ORIGINAL}”` }).waitFor();
      await check(page, 'reply form', 'statement-reply');
      // From and to swapped, a response that refers to the original.
      await expect.poll(() => main(page).textContent()).toContain(`From ${OFA}`);
      expect(await page.getByRole('checkbox', { name: DMTF }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: /^Response/ }).isChecked()).toBe(true);
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(REPLY);
      expect(await page.getByLabel('In response to').inputValue()).toBe(
        originalPath.split('/').pop(),
      );
      await page.getByLabel('Text', { exact: true }).fill(REPLY_TEXT);
      await page.getByRole('button', { name: 'Save draft' }).click();

      await page.getByRole('heading', { level: 1, name: REPLY }).waitFor();
      replyPath = new URL(page.url()).pathname;
      await expect.poll(() => main(page).textContent()).toContain('The draft is saved');
      await expect.poll(() => main(page).innerHTML()).toContain('<strong>two comments</strong>');
      await page.getByLabel(/Choose a file/).setInputFiles(filePath);
      await page.getByRole('button', { name: 'Attach', exact: true }).click();
      const attachments = page.getByRole('table', { name: 'Attachments of this statement' });
      await expect.poll(() => attachments.textContent()).toContain('ofa-comments.pdf');
      await expect.poll(() => attachments.textContent()).toContain(fileSha);
      await check(page, 'reply draft (editor)', 'statement-draft');
      // Sending is the admins' approval.
      expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
      downloadPath = new URL(
        (await page.getByRole('link', { name: /^Download/ }).getAttribute('href')) ?? '',
        portal.webUrl,
      ).pathname;
    });

    it('2. admin@ofa.example approves the draft by sending it, and the original leaves Action needed', async () => {
      const { page } = await newSession(browser, portal);
      await signIn(page, OFA, 'admin@ofa.example');
      await visit(page, '/workspace', 'workspace (OFA admin)');
      const awaiting = page.getByRole('region', { name: 'Drafts awaiting approval' });
      await expect.poll(() => actionNeeded(page).textContent()).toContain(ORIGINAL);
      await awaiting.getByRole('link', { name: REPLY }).click();
      await page.getByRole('heading', { level: 1, name: REPLY }).waitFor();
      expect(new URL(page.url()).pathname).toBe(replyPath);

      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Send “${REPLY}”?` });
      await dialog.waitFor();
      await check(page, 'send dialog', 'statement-send', { window: true });
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => main(page).textContent()).toContain('The statement was sent');
      await expect.poll(() => main(page).textContent()).not.toContain('A draft: only');

      await visit(page, '/workspace', 'workspace (OFA admin, answered)');
      await expect.poll(() => actionNeeded(page).textContent()).not.toContain(ORIGINAL);
      await expect
        .poll(() => page.getByRole('region', { name: 'Drafts awaiting approval' }).textContent())
        .not.toContain(REPLY);
    });

    it('3. admin@dmtf.example sees the reply as the answer, and downloads its attachment', async () => {
      const { page } = await newSession(browser, portal);
      await signIn(page, DMTF, 'admin@dmtf.example');
      await visit(page, originalPath, 'statement (answered, DMTF admin)', 'statement-answered');
      await expect
        .poll(() => page.getByTestId('statement-answer').textContent())
        .toContain(`Answered by ${OFA}`);
      const thread = page.getByRole('region', { name: 'Thread' });
      await thread.getByRole('link', { name: REPLY }).click();
      await page.getByRole('heading', { level: 1, name: REPLY }).waitFor();
      await check(page, 'reply (DMTF admin)');
      await expect.poll(() => main(page).innerHTML()).toContain('<strong>two comments</strong>');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^Download/ }).click(),
      ]);
      const saved = join(work, 'downloaded.pdf');
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe('ofa-comments.pdf');
      expect(await sha256File(saved)).toBe(fileSha);
    });

    it('4. member@snia.example can open neither statement nor the attachment: 404', async () => {
      const { page } = await newSession(browser, portal);
      await signIn(page, SNIA, 'member@snia.example');
      for (const path of [originalPath, replyPath]) {
        const response = await visit(page, path, `statement as SNIA member ${path}`);
        expect(response?.status()).toBe(404);
        await expect.poll(() => main(page).textContent()).toMatch(/Statement not found/);
        expect(await main(page).textContent()).not.toContain('Redfish');
      }
      const download = await page.goto(downloadPath);
      expect(download?.status()).toBe(404);
      await expect.poll(() => main(page).textContent()).toMatch(/Statement not found/);
    });
  },
);
