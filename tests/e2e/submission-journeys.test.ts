import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiGet,
  apiToken,
  browserSuite,
  check,
  DMTF,
  newSession,
  OFA,
  sha256File,
  signIn,
  visit,
} from './harness.js';

// A submission from the OFA to the DMTF in a real Chromium, journey by journey: submitted with
// the DMTF's IPR policy acknowledged, invisible to a DMTF member, reviewed, discussed and accepted
// by a DMTF admin, its file downloaded byte for byte. The journeys build on each other, so they
// run in order against one portal.

const TITLE = `Fabric Manager Model contribution ${Date.now().toString(36)}`;
const FILE_SIZE = 3 * 1024 * 1024 + 17;
const REVIEW_COMMENT = 'Could you add the port counters to section 3?';
const ANSWER = 'Done: see the updated model, section 3.2.';
const ACCEPT_REASON = 'Fits the Redfish fabric work; merged into the next WIP.';

browserSuite('submissions in a real browser', { screenshotAs: 'submission' }, (suite) => {
  const work = join(tmpdir(), `liaison-e2e-submissions-${process.pid}`);
  const filePath = join(work, 'fabric-manager-model.bin');
  let fileSha = '';
  /** Set by journey 1: the submission's page and its file's download link. */
  let submissionPath = '';
  let downloadPath = '';

  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const bytes = randomBytes(FILE_SIZE);
    fileSha = createHash('sha256').update(bytes).digest('hex');
    await writeFile(filePath, bytes);
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  function main(page: Page) {
    return page.locator('main');
  }

  async function openSubmission(page: Page, name: string) {
    await visit(page, submissionPath, name);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  }

  async function decide(page: Page, button: string, dialogTitle: string, reason?: string) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: dialogTitle });
    await dialog.waitFor();
    if (reason !== undefined) await dialog.getByLabel(/^Reason/).fill(reason);
    await dialog.getByRole('button', { name: button, exact: true }).click();
  }

  it('1. editor@ofa.example submits a file to the DMTF under ofa-dmtf, acknowledging its IPR policy', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, OFA, 'editor@ofa.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Submissions/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My submissions' }).waitFor();
    await check(page, 'my submissions (empty)');
    await page.getByRole('link', { name: 'New submission' }).click();
    await page.getByRole('heading', { level: 1, name: 'New submission' }).waitFor();
    await check(page, 'new submission', 'submission-new');

    // The policy shown is the DMTF's, in full; its hash is what the acknowledgement records.
    const policy = await apiGet<{ text: string; sha256: string }>(
      suite.portal,
      '/api/v1/organizations/dmtf/ipr-policy',
    );
    expect(policy.text.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('region', { name: `IPR policy of ${DMTF}` }).textContent())
      .toBe(policy.text);
    await expect.poll(() => main(page).textContent()).toContain(policy.sha256);

    await page.getByRole('radio', { name: new RegExp(`^${DMTF}`) }).check();
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page
      .getByLabel(/^Description/)
      .fill('A fabric manager model contributed to the Redfish fabric work.');
    await page.getByLabel(/Choose files/).setInputFiles(filePath);
    await expect
      .poll(() => page.getByRole('list', { name: 'Chosen files' }).textContent())
      .toContain('fabric-manager-model.bin');

    // No acknowledgement, no submission: nothing is sent.
    await page.getByRole('button', { name: `Submit to ${DMTF}` }).click();
    await expect
      .poll(() => main(page).textContent())
      .toContain('no acknowledgement, no submission');
    expect(new URL(page.url()).pathname).toBe('/submissions/new');
    const token = await apiToken(suite.portal, 'editor@ofa.example');
    const before = await apiGet<{ items: unknown[] }>(
      suite.portal,
      '/api/v1/submissions?box=outgoing',
      token,
    );
    expect(before.items).toEqual([]);

    await page.getByRole('checkbox', { name: /I have read the IPR policy/ }).check();
    await check(page, 'new submission (ready)', 'submission-ready');
    await page.getByRole('button', { name: `Submit to ${DMTF}` }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}\?notice=submitted/, {
      timeout: 300_000,
    });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(page, 'submission (submitter)', 'submission-submitted');
    submissionPath = new URL(page.url()).pathname;

    await expect
      .poll(() => page.locator('.document__head .badges').textContent())
      .toContain('Submitted');
    const ipr = page.getByRole('region', { name: 'IPR acknowledgement' });
    await expect.poll(() => ipr.textContent()).toContain('editor@ofa.example');
    await expect.poll(() => ipr.getByTestId('ipr-policy-sha256').textContent()).toBe(policy.sha256);
    await expect
      .poll(() => page.locator('#files table code.checksum').first().textContent())
      .toBe(fileSha);
    downloadPath =
      (await page
        .getByRole('link', { name: /^Download fabric-manager-model\.bin/ })
        .getAttribute('href')) ?? '';
    expect(downloadPath).toMatch(/^\/submissions\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}\/download$/);
    // The submitter may withdraw, never decide.
    expect(await page.getByRole('button', { name: 'Withdraw', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start review', exact: true }).count()).toBe(0);
  }, 600_000);

  it('2. member@dmtf.example cannot open it, nor download its file', async () => {
    expect(submissionPath, 'journey 1 made the submission').not.toBe('');
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'member@dmtf.example');
    const response = await visit(page, submissionPath, 'submission (DMTF member)');
    expect(response?.status()).toBe(404);
    await expect.poll(() => main(page).textContent()).toMatch(/Submission not found/);
    expect(await main(page).textContent()).not.toContain(TITLE);
    const download = await visit(page, downloadPath, 'submission file (DMTF member)');
    expect(download?.status()).toBe(404);
    await expect.poll(() => main(page).textContent()).toMatch(/Submission not found/);
    await visit(page, '/submissions', 'my submissions (DMTF member)');
    expect(await main(page).textContent()).not.toContain(TITLE);
    expect(await page.getByRole('link', { name: /^Incoming/ }).count()).toBe(0);
    // A member may not submit, and is told why and whom to ask.
    expect(await page.getByRole('link', { name: 'New submission' }).count()).toBe(0);
    await expect
      .poll(() => main(page).textContent())
      .toMatch(/To submit for .*, ask .*\(admin@dmtf\.example\) to make you an editor/);
  }, 300_000);

  it('3. admin@dmtf.example starts the review and comments; the OFA editor answers; the DMTF admin accepts and downloads the file', async () => {
    expect(submissionPath, 'journey 1 made the submission').not.toBe('');
    const dmtf = await newSession(suite.browser, suite.portal);
    await signIn(dmtf.page, DMTF, 'admin@dmtf.example');
    await expect
      .poll(() =>
        dmtf.page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: /^Submissions/ })
          .textContent(),
      )
      .toBe('Submissions (1 new)');
    // The badge leads to what is new, and the tabs say how much is there.
    await dmtf.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Submissions/ })
      .click();
    await dmtf.page.waitForURL((url) => url.pathname === '/submissions/incoming');
    await check(dmtf.page, 'incoming submissions', 'submission-incoming');
    await expect
      .poll(() => dmtf.page.getByRole('navigation', { name: 'Submissions' }).textContent())
      .toBe('My submissions (0 open)Incoming (1 new)');
    await dmtf.page.getByRole('link', { name: TITLE }).click();
    await dmtf.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(dmtf.page, 'submission (DMTF admin)');
    expect(await dmtf.page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);

    await decide(dmtf.page, 'Start review', `Start reviewing “${TITLE}”?`);
    await dmtf.page
      .getByText('The review has started; the submitter can see it.', { exact: true })
      .waitFor();
    await expect
      .poll(() => dmtf.page.locator('.document__head .badges').textContent())
      .toContain('Under review');
    await dmtf.page.getByLabel('Add a comment').fill(REVIEW_COMMENT);
    await dmtf.page.getByRole('button', { name: 'Post comment' }).click();
    await dmtf.page.getByText('Your comment was posted.', { exact: true }).waitFor();
    await expect
      .poll(() => dmtf.page.locator('.comment-list').textContent())
      .toContain(REVIEW_COMMENT);

    const ofa = await newSession(suite.browser, suite.portal);
    await signIn(ofa.page, OFA, 'editor@ofa.example');
    await openSubmission(ofa.page, 'submission under review (submitter)');
    await expect
      .poll(() => ofa.page.locator('.comment-list').textContent())
      .toContain(REVIEW_COMMENT);
    await ofa.page.getByLabel('Add a comment').fill(ANSWER);
    await ofa.page.getByRole('button', { name: 'Post comment' }).click();
    await ofa.page.getByText('Your comment was posted.', { exact: true }).waitFor();
    await check(ofa.page, 'submission with comments', 'submission-comments');

    await openSubmission(dmtf.page, 'submission with the answer (DMTF admin)');
    await expect.poll(() => dmtf.page.locator('.comment-list').textContent()).toContain(ANSWER);
    // Accepting needs a reason: the dialog says so and nothing changes.
    await decide(dmtf.page, 'Accept', `Accept “${TITLE}”?`, '');
    const dialog = dmtf.page.getByRole('dialog', { name: `Accept “${TITLE}”?` });
    await expect.poll(() => dialog.textContent()).toMatch(/reason for accepting/);
    await check(dmtf.page, 'accept dialog', 'submission-accept-dialog', { window: true });
    await dialog.getByLabel(/^Reason/).fill(ACCEPT_REASON);
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await dmtf.page.getByText('The submission was accepted.', { exact: true }).waitFor();
    await check(dmtf.page, 'submission accepted', 'submission-accepted');
    await expect
      .poll(() => dmtf.page.locator('.document__head .badges').textContent())
      .toContain('Accepted');
    await expect.poll(() => dmtf.page.locator('.history').textContent()).toContain(ACCEPT_REASON);
    expect(await dmtf.page.getByRole('button', { name: 'Decline', exact: true }).count()).toBe(0);
    // Where the buttons were, the panel says what was decided and why; what comes next is first.
    await expect
      .poll(() => dmtf.page.getByRole('region', { name: 'Accepted' }).textContent())
      .toContain(ACCEPT_REASON);
    const sections = await dmtf.page.locator('main h2').allTextContents();
    expect(sections.indexOf(`Make it a document of ${DMTF}`)).toBeLessThan(
      sections.findIndex((heading) => heading.startsWith('Comments')),
    );

    const [download] = await Promise.all([
      dmtf.page.waitForEvent('download', { timeout: 120_000 }),
      dmtf.page.getByRole('link', { name: /^Download fabric-manager-model\.bin/ }).click(),
    ]);
    const saved = join(work, `download-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('fabric-manager-model.bin');
    expect(await sha256File(saved)).toBe(fileSha);

    // Accepted, it becomes a document of the DMTF, its first version a copy of the file.
    const identifier = `DSP-SUB-${Date.now().toString(36).toUpperCase()}`;
    await dmtf.page.getByLabel('Identifier', { exact: true }).fill(identifier);
    await dmtf.page.getByRole('button', { name: 'Create the document' }).click();
    await dmtf.page
      .getByText('The document was created from the submitted file.', { exact: true })
      .waitFor();
    const made = dmtf.page.getByRole('region', { name: 'Document' });
    await expect.poll(() => made.textContent()).toContain(identifier);
    await made.getByRole('link').click();
    await dmtf.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(dmtf.page, 'document made from the submission', 'submission-document');
    await expect
      .poll(() => dmtf.page.locator('table code.checksum').first().textContent())
      .toBe(fileSha);

    // The submitter sees the decision and its reason, and can no longer withdraw.
    await openSubmission(ofa.page, 'submission accepted (submitter)');
    await expect.poll(() => ofa.page.locator('.history').textContent()).toContain(ACCEPT_REASON);
    expect(await ofa.page.getByRole('button', { name: 'Withdraw', exact: true }).count()).toBe(0);
  }, 600_000);
});
