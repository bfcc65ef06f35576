import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  apiClientAs,
  browserSuite,
  check,
  header,
  mailedLink,
  newSession,
  OFA,
  PASSWORD,
  SNIA,
  signIn,
  visit,
} from './harness.js';

// Invitations in a real Chromium: a SNIA admin invites an OFA editor, who opens the mailed link,
// signs in as themselves and accepts; then invites an address new to Liaison, whose owner chooses
// a name and password on the link's page and signs in with them. The link comes from the mail the
// portal sent (the demo mail catcher), as a person would click it.

const NEWCOMER = `newcomer-${Date.now().toString(36)}@people.example`;
const NEW_PASSWORD = 'a long enough passphrase';
const INVITATION_LINK = /\/invitations\/[A-Za-z0-9_-]{43}/;

browserSuite('invitations in a real browser', { screenshotAs: 'invitation' }, (suite) => {
  async function invite(page: Page, email: string, role: string) {
    await page.getByLabel('E-mail address', { exact: true }).fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption(role);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    // The server action answers after the API call and a re-render: a loaded machine gets 15 s.
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain(`Invitation sent to ${email}`);
  }

  it('1. admin@snia.example invites editor@ofa.example; the pending invitation is listed, and no direct add is offered', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, SNIA, 'admin@snia.example');
    await visit(page, '/admin/members/snia', 'members of snia', 'members-invite');
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    await invite(page, 'editor@ofa.example', 'editor');
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await expect.poll(() => pending.textContent()).toContain('editor@ofa.example');
    await check(page, 'members of snia (invitation pending)', 'members-invitation-pending');
    // Nothing changed yet: the editor is not a member until they accept.
    const editor = await apiClientAs(suite.portal, 'editor@ofa.example');
    expect((await editor.me()).memberships).toEqual([{ organization: 'ofa', role: 'editor' }]);
  });

  it('2. editor@ofa.example opens the mailed link, signs in from it, comes back and accepts', async () => {
    const link = await mailedLink(suite.portal, 'editor@ofa.example', INVITATION_LINK);
    const { page } = await newSession(suite.browser, suite.portal);
    await visit(page, link, 'invitation (signed out)', 'invitation-sign-in');
    await page.getByRole('heading', { level: 1, name: `Join ${SNIA}` }).waitFor();
    await page.getByRole('link', { name: 'Sign in as editor@ofa.example' }).click();
    await page.getByRole('link', { name: new RegExp(`^${OFA}`) }).click();
    await page.getByRole('heading', { level: 1, name: OFA }).waitFor();
    await page.getByLabel('E-mail address', { exact: true }).fill('editor@ofa.example');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === link);
    await check(page, 'invitation (signed in)', 'invitation-accept');
    await page.getByRole('button', { name: `Accept and join ${SNIA}` }).click();
    await page.waitForURL((url) => url.pathname === '/workspace');
    const editor = await apiClientAs(suite.portal, 'editor@ofa.example');
    expect((await editor.me()).memberships).toEqual([
      { organization: 'ofa', role: 'editor' },
      { organization: 'snia', role: 'editor' },
    ]);
    // Used: the link no longer works.
    await visit(page, link, 'invitation (used)');
    await expect.poll(() => page.locator('main').textContent()).toContain('no longer works');
  });

  it('3. an address new to Liaison chooses a name and password from the link, then signs in with them', async () => {
    const admin = await newSession(suite.browser, suite.portal);
    await signIn(admin.page, SNIA, 'admin@snia.example');
    await visit(admin.page, '/admin/members/snia', 'members of snia');
    await invite(admin.page, NEWCOMER, 'member');

    const link = await mailedLink(suite.portal, NEWCOMER, INVITATION_LINK);
    const { page } = await newSession(suite.browser, suite.portal);
    await visit(page, link, 'invitation (new account)', 'invitation-new-account');
    await page.getByLabel('Your name', { exact: true }).fill('New Comer');
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Password again', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.waitForURL((url) => url.pathname === '/login/snia');
    await page.getByLabel('E-mail address', { exact: true }).fill(NEWCOMER);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/workspace');
    await expect.poll(() => header(page).textContent()).toContain(SNIA);
  });
});
