import { expect, it } from 'vitest';
import {
  browserSuite,
  check,
  header,
  mailedLink,
  newSession,
  PASSWORD,
  SNIA,
  signIn,
  signInOperator,
  visit,
} from './harness.js';

// A person's own account in a real Chromium: after a wrong password the e-mail is still in the
// form; "Forgot your password?" mails a link (read from the demo mail catcher, as a person would
// click it) whose page sets a new password that then signs in; on the account page a new name shows
// in the header at once, and the password changes given the current one.

const RESET_PASSWORD = 'a reset passphrase of mine';
const CHANGED_PASSWORD = 'a changed passphrase of mine';
const RESET_LINK = /\/password-reset\/[A-Za-z0-9_-]{43}/;

browserSuite('one’s own account in a real browser', { screenshotAs: 'account' }, (suite) => {
  it('1. a wrong password keeps the e-mail; the mailed reset link sets a new password that signs in', async () => {
    const email = 'member@snia.example';
    const { page } = await newSession(suite.browser, suite.portal);
    await visit(page, '/login/snia', 'login: snia');
    await page.getByLabel('E-mail address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('not my password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Wrong e-mail address or password').waitFor();
    await expect
      .poll(() => page.getByLabel('E-mail address', { exact: true }).inputValue())
      .toBe(email);

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await check(page, 'forgot password', 'forgot-password');
    await page.getByLabel('E-mail address', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Mail me a link' }).click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('a link to choose a new password is on its way');

    const link = await mailedLink(suite.portal, email, RESET_LINK);
    await visit(page, link, 'choose a new password', 'password-reset');
    await page.getByLabel('New password', { exact: true }).fill(RESET_PASSWORD);
    await page.getByLabel('New password again', { exact: true }).fill(RESET_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('Your new password is set');

    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    await page.getByRole('link', { name: new RegExp(`^${SNIA}`) }).click();
    await page.getByLabel('E-mail address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(RESET_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect.poll(() => header(page).textContent()).toContain(SNIA);

    // Used once: the same link no longer sets a password.
    const again = await newSession(suite.browser, suite.portal);
    await visit(again.page, link, 'used reset link');
    await again.page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
    await again.page
      .getByLabel('New password again', { exact: true })
      .fill('yet another passphrase');
    await again.page.getByRole('button', { name: 'Set new password' }).click();
    await expect
      .poll(() => again.page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('This reset link does not work');
  });

  it('2. the account page renames the person (the header follows at once) and changes the password', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, SNIA, 'editor@snia.example');
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await check(page, 'account', 'account');
    await page.getByLabel('Name', { exact: true }).fill('Sam Renamed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('Saved: you are Sam Renamed.');
    await expect.poll(() => header(page).textContent()).toContain('Sam Renamed');

    await page.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(CHANGED_PASSWORD);
    await page.getByLabel('New password again', { exact: true }).fill(CHANGED_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toContain('Password changed.');
    // Still signed in here after the change.
    await visit(page, '/account', 'account after the change');
    await expect.poll(() => header(page).textContent()).toContain('Sam Renamed');
  });

  it("3. the operator's organizations list says how members sign in and how many there are; the organization page shows the IPR policy submitters see", async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signInOperator(page);
    await visit(page, '/admin/organizations', 'organizations (operator)');
    const dmtf = page.getByRole('row', { name: /Distributed Management Task Force/ });
    await expect
      .poll(() => dmtf.locator('td[data-label="Sign-in"]').textContent())
      .toContain('Password');
    // The demo DMTF has an admin, an editor and a member at least.
    const members = await dmtf.locator('td[data-label="Members"]').textContent();
    expect(Number(members)).toBeGreaterThanOrEqual(3);
    await visit(page, '/admin/organizations/dmtf', 'organization (operator)');
    expect(await page.locator('main').textContent()).not.toContain('could not be loaded');
    await expect
      .poll(() => page.getByLabel(/^IPR policy/).inputValue())
      .toMatch(/^Submissions to the DMTF Technology Submission Portal are subject to/);
  });
});
