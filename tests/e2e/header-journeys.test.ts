import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  browserSuite,
  check,
  createDocument,
  DMTF,
  header,
  newSession,
  PHONE,
  signIn,
  signInOperator,
  visit,
} from './harness.js';

// The header in a real Chromium (issue 17): at 1280 px an admin's and the operator's header, with
// every item they get, stays one line; on a phone the signed-in header folds into a Menu button
// that opens and closes from the keyboard. "What's new" carries a badge with the count of new
// items; opening the page marks them new once, and the badge goes.

/** Everything the header shows side by side: the brand, each navigation link, the account corner. */
function headerItems(page: Page): Locator {
  return header(page).locator(
    '.brand, .site-nav a, .site-header__user p, .site-header__user a, .site-header__user button',
  );
}

/** The items' boxes: one line means every box shares a band of height with every other. */
async function expectOneLine(page: Page, who: string) {
  const boxes = await headerItems(page).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent?.trim(), top: box.top, bottom: box.bottom };
    }),
  );
  expect(boxes.length, `${who}: header items`).toBeGreaterThanOrEqual(8);
  const lowestTop = Math.max(...boxes.map((box) => box.top));
  const highestBottom = Math.min(...boxes.map((box) => box.bottom));
  expect(lowestTop, `${who}: ${JSON.stringify(boxes)}`).toBeLessThan(highestBottom);
}

browserSuite('the header in a real browser', { screenshotAs: 'header' }, (suite) => {
  it("1. at 1280 px the operator's and an admin's header is one line; What's new's badge counts new items until the page is opened", async () => {
    const fixture = await createDocument(suite.portal, 'admin@ofa.example', {
      organization: 'ofa',
      identifier: 'OFA-WHATS-NEW-1',
      title: 'Fabric news for everyone',
      status: 'work-in-progress',
      visibility: 'public',
      registers: [],
    });

    const admin = await newSession(suite.browser, suite.portal);
    await signIn(admin.page, DMTF, 'admin@dmtf.example');
    await expect
      .poll(() => header(admin.page).getByRole('link', { name: 'Admin' }).count())
      .toBe(1);
    await expectOneLine(admin.page, 'admin@dmtf');

    const { page } = await newSession(suite.browser, suite.portal);
    await signInOperator(page);
    await visit(page, '/', 'library (operator)', 'header-operator');
    await expectOneLine(page, 'operator');
    await expect
      .poll(() => header(page).getByRole('button', { name: 'Menu' }).isVisible())
      .toBe(false);

    const whatsNew = header(page).getByRole('link', { name: /^What's new/ });
    const badge = whatsNew.locator('.site-nav__badge');
    await expect.poll(() => badge.textContent()).toMatch(/^[1-9][0-9]*\+? new$/);

    await whatsNew.click();
    await page.getByRole('heading', { level: 1, name: "What's new" }).waitFor();
    await check(page, "what's new", 'whats-new');
    const fresh = page.getByRole('region', { name: /^New \(/ });
    await expect.poll(() => fresh.textContent()).toContain(fixture.title);
    expect(
      await fresh.getByRole('link', { name: new RegExp(fixture.title) }).getAttribute('href'),
    ).toBe(`/documents/${fixture.id}`);

    // The visit is recorded: on a page loaded afresh the badge is gone, and the item is listed
    // as earlier news.
    await visit(page, '/registers', 'registers (operator)');
    await expect.poll(() => whatsNew.isVisible()).toBe(true);
    expect(await badge.count()).toBe(0);
    await visit(page, '/whats-new', "what's new, again");
    await expect
      .poll(() => page.getByRole('region', { name: /^Earlier/ }).textContent())
      .toContain(fixture.title);
    await expect
      .poll(() => page.getByRole('region', { name: /^New \(/ }).textContent())
      .toContain('Nothing new since your previous visit');
  });

  it('2. on a phone the signed-in header folds into a menu that opens and closes from the keyboard', async () => {
    const { page } = await newSession(suite.browser, suite.portal, PHONE);
    await signIn(page, DMTF, 'admin@dmtf.example');
    await visit(page, '/registers', 'registers (phone)');
    const toggle = header(page).getByRole('button', { name: 'Menu' });
    const library = header(page).getByRole('link', { name: 'Library' });
    const signOut = header(page).getByRole('button', { name: 'Sign out' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await library.isVisible()).toBe(false);
    expect(await signOut.isVisible()).toBe(false);

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Library', 'Workspace', 'Registers', "What's new", 'Admin', 'Account']) {
      expect(
        await header(page)
          .getByRole('link', { name: new RegExp(`^${name}`) })
          .isVisible(),
        name,
      ).toBe(true);
    }
    expect(await signOut.isVisible()).toBe(true);
    await check(page, 'open menu (phone)', 'header-phone-menu', { window: true });

    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await library.isVisible()).toBe(false);
    expect(
      await toggle.evaluate((element) =>
        (element as { matches(selector: string): boolean }).matches(':focus'),
      ),
    ).toBe(true);

    // A followed link closes the menu.
    await toggle.click();
    await header(page).getByRole('link', { name: 'Library' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
