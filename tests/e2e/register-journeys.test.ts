import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import {
  apiToken,
  browserSuite,
  check,
  newSession,
  PHONE,
  reportPageProblems,
  signIn,
  visit,
} from './harness.js';

// The OFA/DMTF work register page in a real Chromium: what the public reads, what an admin of a
// party edits, and that a member sees the register without any edit forms. The journeys build on
// each other (the member sees the approval recorded in R2), so they run in order on one portal.

const DMTF = 'Distributed Management Task Force';
const REGISTER = 'OFA/DMTF Work Register';
const PATH = '/registers/ofa-dmtf';
const COMMITMENT = 'Redfish Fabric Extensions (work-in-progress)';
const ANNOUNCEMENT = 'DMTF announces OFA as a new alliance partner and publish work register';

browserSuite('the work register page in a real browser', { screenshotAs: 'register' }, (suite) => {
  afterAll(() => reportPageProblems('on the register pages'));

  const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
  const timeline = (page: Page) => page.getByRole('img', { name: /^Milestone timeline/ });

  it('R1. anonymous reads the ofa-dmtf register: overdue review, timeline, commitments, open items, no forms', async () => {
    const { page, context } = await newSession(suite.browser, suite.portal);
    await visit(page, PATH, 'register page (anonymous)', 'register-anonymous');
    await page.getByRole('heading', { level: 1, name: REGISTER }).waitFor();

    // The review date (March 2020) has passed.
    const overdue = region(page, 'This register’s review is overdue');
    await expect.poll(() => overdue.textContent()).toContain('March 2020');

    // The milestone timeline: one picture (the phone variant is hidden), described in words.
    await expect.poll(() => timeline(page).count()).toBe(1);
    const description = await timeline(page).locator('desc').textContent();
    expect(description).toContain('DMTF and OFA approves of Work Register');
    expect(description).toMatch(/\d+ open/);
    expect(await timeline(page).getAttribute('viewBox')).toMatch(/^0 0 720 \d+$/);

    // The DMTF's commitment names a partners' draft: anonymous visitors learn neither whether it
    // was delivered nor where it is.
    const documentation = region(page, 'Documentation');
    const commitment = documentation.getByRole('listitem').filter({ hasText: COMMITMENT });
    await expect
      .poll(() => commitment.textContent())
      .toContain('shows only to those who may read it');
    expect(await commitment.textContent()).not.toMatch(/Delivered|Outstanding/);
    expect(await commitment.getByRole('link').count()).toBe(0);

    // What the register leaves open is listed, and each points at its section.
    const open = region(page, /^Open items/);
    const targets = await open
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(targets).toEqual(expect.arrayContaining(['#milestones', '#commitments', '#contacts']));
    expect(await region(page, 'Points of contact').textContent()).toContain('Open item');

    // Nobody signed in: nothing to edit.
    expect(await page.locator('main details').count()).toBe(0);

    // The export is the register as a JSON file.
    const exported = await page.request.get(`${PATH}/export`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toMatch(/^attachment/);
    const file = (await exported.json()) as { slug: string; milestones: unknown[] };
    expect(file.slug).toBe('ofa-dmtf');
    expect(file.milestones.length).toBeGreaterThanOrEqual(3);

    // On a phone the narrow picture shows, and fits the screen.
    const phone = await newSession(suite.browser, suite.portal, PHONE);
    await visit(phone.page, PATH, 'register page (phone)', 'register-phone');
    await expect.poll(() => timeline(phone.page).count()).toBe(1);
    expect(await timeline(phone.page).getAttribute('viewBox')).toMatch(/^0 0 360 \d+$/);
    const box = await timeline(phone.page).boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('R2. admin@dmtf.example marks a milestone done and records the DMTF’s approval', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'admin@dmtf.example');
    await visit(page, PATH, 'register page (DMTF admin)');

    const milestones = region(page, 'Milestones');
    const item = milestones.getByRole('listitem').filter({ hasText: ANNOUNCEMENT });
    await item.locator('summary').click();
    await check(page, 'milestone edit form (DMTF admin)', 'register-edit-milestone');

    // A date done with a state other than "done" is refused next to the field.
    await item.getByLabel('State').selectOption('planned');
    await item.getByLabel(/^Date done/).fill('2018-10-30');
    await item.getByRole('button', { name: 'Save milestone' }).click();
    const dateField = item.getByLabel(/^Date done/);
    await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await dateField.getAttribute('aria-describedby'))?.split(' ').at(-1);
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(
      /Only a milestone that is done/,
    );

    await item.getByLabel('State').selectOption('done');
    await item.getByRole('button', { name: 'Save milestone' }).click();
    await page.waitForURL(/saved=milestone/);
    await page.getByText('Milestone saved.').waitFor();
    const saved = region(page, 'Milestones')
      .getByRole('listitem')
      .filter({ hasText: ANNOUNCEMENT });
    await expect.poll(() => saved.textContent()).toContain('Done (30 October 2018)');
    expect(await timeline(page).locator('desc').textContent()).toContain(
      `${ANNOUNCEMENT}. Done 30 October 2018.`,
    );

    // A milestone removed by someone else while the form is open: the API's refusal shows in
    // the form, and the page is left as it was.
    const token = await apiToken(suite.portal, 'admin@dmtf.example');
    const api = `${suite.portal.apiUrl}/api/v1/registers/ofa-dmtf/milestones`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(api, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        deliverable: 'Joint plugfest (browser suite)',
        timeframe: 'Q2 2027',
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await visit(page, PATH, 'register page with a new milestone (DMTF admin)');
    const doomed = region(page, 'Milestones')
      .getByRole('listitem')
      .filter({ hasText: 'Joint plugfest (browser suite)' });
    await doomed.locator('summary').click();
    const gone = await fetch(`${api}/${id}`, {
      method: 'DELETE',
      headers: { authorization: headers.authorization },
    });
    expect(gone.status).toBe(204);
    await doomed.getByLabel('Timeframe').fill('Q3 2027');
    await doomed.getByRole('button', { name: 'Save milestone' }).click();
    await expect
      .poll(() => doomed.getByRole('alert').textContent())
      .toContain('No such milestone in this work register');
    expect(page.url()).not.toContain('saved=');

    // The DMTF admin records the DMTF's approval, and only the DMTF's.
    const approvals = region(page, 'Approvals');
    const forms = approvals.locator('summary');
    expect(await forms.filter({ hasText: 'OpenFabrics' }).count()).toBe(0);
    await forms.filter({ hasText: `Record our approval for ${DMTF}` }).click();
    await approvals.getByLabel('Approving body').fill('DMTF Board of Directors');
    await approvals.getByLabel(/^Resolution/).fill('BR-2018-42');
    await approvals.getByLabel('Approved on').fill('2018-10-16');
    await check(page, 'approval form (DMTF admin)', 'register-approval-form');
    await approvals.getByRole('button', { name: `Record ${DMTF}’s approval` }).click();
    await page.waitForURL(/saved=approval-dmtf/);
    const dmtf = region(page, 'Approvals').getByRole('listitem').filter({ hasText: DMTF });
    await expect
      .poll(() => dmtf.textContent())
      .toContain('by DMTF Board of Directors, resolution BR-2018-42, on 16 October 2018');
    await check(page, 'register page after edits (DMTF admin)', 'register-admin');
  });

  it('R3. member@dmtf.example reads the register and opens the linked document, with no edit forms', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'member@dmtf.example');
    await visit(page, PATH, 'register page (DMTF member)', 'register-member');
    expect(await page.locator('main details').count()).toBe(0);
    const dmtf = region(page, 'Approvals').getByRole('listitem').filter({ hasText: DMTF });
    await expect.poll(() => dmtf.textContent()).toContain('Approved');

    const commitment = region(page, 'Documentation')
      .getByRole('listitem')
      .filter({ hasText: COMMITMENT });
    // Members of the parties may read the partners' draft, so it is linked.
    const link = commitment.getByRole('link', { name: /^Redfish Fabric Extensions/ });
    const title = (await link.textContent()) ?? '';
    expect(await link.getAttribute('href')).toMatch(/^\/documents\/[0-9a-f-]{36}$/);
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await check(page, 'linked document (DMTF member)');
  });
});
