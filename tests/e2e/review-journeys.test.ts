import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiClientAs,
  apiGet,
  apiToken,
  browserSuite,
  check,
  DMTF,
  newSession,
  OFA,
  SNIA,
  signIn,
  visit,
  writeFakePdf,
} from './harness.js';

// A review of work in progress in a real Chromium, on the demo call for comments on the DMTF's
// Redfish Fabric Extensions (work-in-progress) 0.9a: an OFA member comments with an attachment; a
// DMTF editor gives it a disposition; the OFA member sees it and gets the mail; a SNIA member
// (the document is not shared with the SNIA) neither sees the comments nor can post one; once the
// DMTF editor publishes the log, a reader sees it attributed to "OpenFabrics Alliance" and to no
// person. The journeys build on each other, so they run in order against one portal.

const REVIEW = 'Call for comments on Redfish Fabric Extensions 0.9a';
const COMMENT = 'Endpoint names are limited to 64 characters; OFS fabric names are longer.';
const RESPONSE = 'Agreed: 0.9b raises the limit to 255 characters.';

browserSuite(
  'reviews of work in progress in a real browser',
  { screenshotAs: 'review' },
  (suite) => {
    const work = join(tmpdir(), `liaison-e2e-reviews-${process.pid}`);
    const filePath = join(work, 'marked-up-spec.pdf');
    /** Set by the journeys: the review's page and the new comment's number. */
    let reviewPath = '';
    let documentPath = '';

    beforeAll(async () => {
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      await writeFakePdf(filePath, 128 * 1024 + 5);
    });

    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    const main = (page: Page) => page.locator('main');
    const commentCard = (page: Page, text: string) =>
      page.getByTestId('review-comment').filter({ hasText: text });

    it('1. member@ofa.example finds the open review in the workspace and comments with an attachment', async () => {
      const { page } = await newSession(suite.browser, suite.portal);
      await signIn(page, OFA, 'member@ofa.example');
      await visit(page, '/workspace', 'workspace (OFA member)');
      const open = page.getByRole('region', { name: 'Reviews open to me' });
      await expect.poll(() => open.textContent()).toContain('days left');
      await open.getByRole('link', { name: 'DSP-WIP-FABRIC' }).click();
      await page.getByTestId('review-banner').waitFor();
      documentPath = new URL(page.url()).pathname;
      await check(page, 'document with an open review (OFA member)', 'review-banner');
      expect(await page.getByTestId('review-banner').textContent()).toContain(REVIEW);

      await page.locator('summary', { hasText: 'Comment on version 0.9a' }).click();
      await page.getByLabel(/^Location/).fill('Section 7.2, Endpoint');
      await page.getByRole('radio', { name: 'Technical' }).check();
      await page.getByLabel('Comment', { exact: true }).fill(COMMENT);
      await page.getByLabel(/^Proposed change/).fill('Raise the limit to 255 characters.');
      await page.getByLabel(/Choose a file/).setInputFiles(filePath);
      await page.getByRole('button', { name: 'Send comment' }).click();
      await expect
        .poll(() => main(page).textContent(), { timeout: 30_000 })
        .toMatch(/Comment \d+ was sent\./);

      await page.getByRole('link', { name: REVIEW }).click();
      await page.getByRole('heading', { level: 1, name: REVIEW }).waitFor();
      reviewPath = new URL(page.url()).pathname;
      await check(page, 'review (OFA member)', 'review-commenter');
      const mine = commentCard(page, COMMENT);
      await expect.poll(() => mine.textContent()).toContain('No disposition yet');
      expect(await mine.textContent()).toContain('marked-up-spec.pdf');
      // The OFA's comments only, and no owner's tools.
      expect(await page.getByTestId('review-comment').count()).toBe(3);
      expect(await page.getByText('Give a disposition').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Publish the log' }).count()).toBe(0);

      // The author corrects the comment while it has no disposition.
      await mine.getByText('Edit comment').click();
      await mine.getByLabel(/^Location/).fill('§4.2, table 7');
      await mine.getByRole('button', { name: 'Save comment' }).click();
      await page.getByText('Your comment was saved.').waitFor();
      await expect.poll(() => commentCard(page, COMMENT).textContent()).toContain('§4.2, table 7');
    });

    it('2. editor@dmtf.example gives the comment a disposition', async () => {
      const { page } = await newSession(suite.browser, suite.portal);
      await signIn(page, DMTF, 'editor@dmtf.example');
      await visit(page, reviewPath, 'review (DMTF editor)', 'review-owner');
      await expect.poll(() => main(page).textContent()).toContain('1 of 3 resolved');
      const card = commentCard(page, COMMENT);
      expect(await card.textContent()).toContain('member@ofa.example');
      await card.getByText('Give a disposition').click();
      await card.getByLabel('Disposition', { exact: true }).selectOption('accepted');
      await card.getByLabel('Response').fill(RESPONSE);
      await card.getByRole('button', { name: 'Save disposition' }).click();
      await expect
        .poll(() => main(page).textContent(), { timeout: 15_000 })
        .toContain('The disposition was saved');
      await expect
        .poll(() => page.getByTestId('log-resolved').textContent())
        .toBe('2 of 3 resolved');
      expect(await page.getByTestId('log-counts').textContent()).toContain('Accepted: 1');
      await check(page, 'review after a disposition (DMTF editor)');
    });

    it('3. member@ofa.example sees the disposition and gets the mail', async () => {
      const { page } = await newSession(suite.browser, suite.portal);
      await signIn(page, OFA, 'member@ofa.example');
      await visit(page, reviewPath, 'review with a disposition (OFA member)');
      const answered = commentCard(page, COMMENT).getByTestId('comment-disposition');
      await expect.poll(() => answered.textContent()).toContain('Accepted');
      expect(await answered.textContent()).toContain(RESPONSE);

      const token = await apiToken(suite.portal, 'operator@liaison.example');
      await expect
        .poll(
          async () => {
            const caught = await apiGet<{
              items: { to: string[]; subject: string; text: string }[];
            }>(suite.portal, '/api/v1/mail-catcher/messages', token);
            return caught.items.find(
              (mail) =>
                mail.to.includes('member@ofa.example') &&
                /^Your comment \d+ on DSP-WIP-FABRIC: accepted$/.test(mail.subject),
            )?.text;
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toContain(RESPONSE);
    });

    it('4. member@snia.example neither sees the review’s comments nor can post one', async () => {
      const { page } = await newSession(suite.browser, suite.portal);
      await signIn(page, SNIA, 'member@snia.example');
      const review = await visit(page, reviewPath, 'review (SNIA member: not found)');
      expect(review?.status()).toBe(404);
      expect(await main(page).textContent()).not.toContain(COMMENT);
      const document = await page.goto(documentPath);
      expect(document?.status()).toBe(404);
      expect(await page.getByTestId('review-banner').count()).toBe(0);

      // Posting anyway, through the portal's upload proxy with the SNIA member's session: 404.
      const reviewId = reviewPath.split('/').pop()!;
      const status = await page.evaluate(async (id) => {
        const form = new FormData();
        form.append('versionId', '00000000-0000-4000-8000-000000000000');
        form.append('kind', 'general');
        form.append('body', 'SNIA was here');
        const answer = await fetch(`/api/reviews/${id}/comments`, { method: 'POST', body: form });
        return answer.status;
      }, reviewId);
      expect(status).toBe(404);
      const dmtf = await apiClientAs(suite.portal, 'editor@dmtf.example');
      const comments = await dmtf.listComments(reviewId);
      expect(comments.items.map((comment) => comment.body)).not.toContain('SNIA was here');
    });

    it('5. editor@dmtf.example publishes the log; a reader sees "OpenFabrics Alliance" and no person', async () => {
      const owner = await newSession(suite.browser, suite.portal);
      await signIn(owner.page, DMTF, 'editor@dmtf.example');
      await visit(owner.page, reviewPath, 'review before publishing (DMTF editor)');
      await owner.page.getByRole('button', { name: 'Publish the log' }).click();
      await check(owner.page, 'publish dialog', 'review-publish', { window: true });
      await owner.page.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect
        .poll(() => main(owner.page).textContent(), { timeout: 15_000 })
        .toContain('The resolution log is published');

      const { page } = await newSession(suite.browser, suite.portal);
      await signIn(page, DMTF, 'member@dmtf.example');
      await visit(page, reviewPath, 'published log (DMTF member)', 'review-published');
      await expect.poll(() => page.getByTestId('review-comment').count()).toBe(3);
      const text = (await main(page).textContent()) ?? '';
      expect(text).toContain(OFA);
      expect(text).toContain(COMMENT);
      expect(text).toContain('2 of 3 resolved');
      for (const person of [
        '@ofa.example',
        '@dmtf.example',
        'OFA Member',
        'OFA Editor',
        'DMTF Editor',
      ]) {
        expect(text).not.toContain(person);
      }
    });
  },
);
