import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  apiClientAs,
  browserSuite,
  check,
  createDocument,
  mailedLink,
  newSession,
  OFA,
  signIn,
  visit,
} from './harness.js';

// Following in a real Chromium: an OFA member follows a partners document of the DMTF from its
// page, sees it under Following on the account page; the DMTF uploads a version with a change
// note, shown in the versions table; the mail's unfollow link, opened signed out, ends the follow.

const UNFOLLOW_LINK = /\/unfollow\/[A-Za-z0-9._-]+/;

browserSuite('following a document in a real browser', { screenshotAs: 'follow' }, (suite) => {
  it('1. follow from the document page, a change note, and the signed-out unfollow link', async () => {
    const document = await createDocument(suite.portal, 'editor@dmtf.example', {
      organization: 'dmtf',
      identifier: 'DSP-FOLLOW-1',
      title: 'Followed fabric profile',
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, OFA, 'member@ofa.example');
    await visit(page, `/documents/${document.id}`, 'document to follow');
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Following · stop' }).waitFor();
    await check(page, 'document followed', 'document-followed');

    await visit(page, '/account', 'account with follows', 'account-following');
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain(`DSP-FOLLOW-1: Followed fabric profile`);

    const editor = await apiClientAs(suite.portal, 'editor@dmtf.example');
    const path = join(suite.portal.dataDir, 'DSP-FOLLOW-1-1.1.pdf');
    await writeFile(path, '%PDF-1.4\n% 1.1\n%%EOF\n');
    await editor.uploadVersion(document.id, {
      label: '1.1',
      changeNote: 'Clarified the fan-speed units.\nNew Chassis schema.',
      path,
      mediaType: 'application/pdf',
    });
    await visit(page, `/documents/${document.id}`, 'document with a change note', 'change-note');
    await expect
      .poll(() => page.locator('table').first().textContent())
      .toContain('Clarified the fan-speed units.');

    const link = await mailedLink(suite.portal, 'member@ofa.example', UNFOLLOW_LINK);
    const signedOut = await newSession(suite.browser, suite.portal);
    await visit(signedOut.page, link, 'unfollow link', 'unfollow');
    await signedOut.page.getByRole('button', { name: 'Stop following' }).click();
    await expect
      .poll(() => signedOut.page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('you no longer follow DSP-FOLLOW-1: Followed fabric profile');

    await visit(page, '/account', 'account after unfollowing');
    await expect.poll(() => page.locator('main').textContent()).toContain('You follow nothing yet');
  });
});
