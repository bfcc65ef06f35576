import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import {
  apiToken,
  browserSuite,
  check,
  DMTF,
  newSession,
  PHONE,
  reportPageProblems,
  signIn,
  signInOperator,
  visit,
} from './harness.js';

// The OFA/DMTF work register page in a real Chromium: what the public reads, what an admin of a
// party edits, and that a member sees the register without any edit forms. The journeys build on
// each other (the member sees the approval recorded in R2), so they run in order on one portal.

const REGISTER = 'OFA/DMTF Work Register';
const PATH = '/registers/ofa-dmtf';
const COMMITMENT = 'Redfish Fabric Extensions (work-in-progress)';
const ANNOUNCEMENT = 'DMTF announces OFA as a new alliance partner and publish work register';

browserSuite('the work register page in a real browser', { screenshotAs: 'register' }, (suite) => {
  afterAll(() => reportPageProblems('on the register pages'));

  const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
  const timeline = (page: Page) => page.getByRole('img', { name: /^Milestone timeline/ });

  it('R1. anonymous reads the ofa-dmtf register: one consistent state, calm overdue note, timeline, commitments, open items, no forms', async () => {
    const { page, context } = await newSession(suite.browser, suite.portal);
    await visit(page, PATH, 'register page (anonymous)', 'register-anonymous');
    await page.getByRole('heading', { level: 1, name: REGISTER }).waitFor();

    // Approved, and the DMTF's approval not recorded: said once, never "Pending" beside "Approved".
    const main = page.locator('main');
    await expect
      .poll(() => main.textContent())
      .toContain(`Approved; the approval of ${DMTF} is not recorded in Liaison.`);
    const dmtfApproval = region(page, 'Approvals').getByRole('listitem').filter({ hasText: DMTF });
    expect(await dmtfApproval.textContent()).toContain('Approval not recorded');
    expect(await dmtfApproval.textContent()).not.toContain('Pending');

    // The review date (March 2020) has passed: the public reads a calm note, not the red alert,
    // and the date once, as the register writes it.
    expect(await region(page, 'This register’s review is overdue').count()).toBe(0);
    expect(await main.textContent()).toContain(
      'The review planned for March 2020 has not been recorded here yet',
    );
    expect(await main.textContent()).not.toContain('1 March 2020');

    // The milestone timeline: one picture (the phone variant is hidden), described in words, and
    // the milestones not listed a second time beside it.
    await expect.poll(() => timeline(page).count()).toBe(1);
    expect(await region(page, 'Milestones').getByRole('listitem').count()).toBe(0);
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

    // Nobody signed in: nothing to edit, and no history of who edited.
    expect(await page.locator('main details').count()).toBe(0);
    expect(await region(page, 'History of this register').count()).toBe(0);

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

  it('R2. admin@dmtf.example marks a milestone done, removes one after confirming, records the DMTF’s approval and reads the history', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'admin@dmtf.example');
    await visit(page, PATH, 'register page (DMTF admin)');

    // The parties' admins get the red alert about the overdue review.
    const overdue = region(page, 'This register’s review is overdue');
    await expect.poll(() => overdue.textContent()).toContain('March 2020');

    // One "Edit" per section, beside its heading.
    const milestones = region(page, 'Milestones');
    expect(await milestones.locator('summary').filter({ hasText: /^Edit/ }).count()).toBe(1);
    await milestones.locator('summary').filter({ hasText: /^Edit/ }).click();
    const item = milestones.getByRole('region', { name: new RegExp(`^${ANNOUNCEMENT}`) });
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
    expect(await timeline(page).locator('desc').textContent()).toContain(
      `${ANNOUNCEMENT}. Done 30 October 2018.`,
    );

    // A milestone removed by someone else while the form is open: the API's refusal shows in
    // the form, and the page is left as it was.
    const token = await apiToken(suite.portal, 'admin@dmtf.example');
    const api = `${suite.portal.apiUrl}/api/v1/registers/ofa-dmtf/milestones`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const create = (deliverable: string) =>
      fetch(api, {
        method: 'POST',
        headers,
        body: JSON.stringify({ deliverable, timeframe: 'Q2 2027' }),
      });
    const created = await create('Joint plugfest (browser suite)');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await create('Joint webinar (browser suite)')).status).toBe(201);
    await visit(page, PATH, 'register page with new milestones (DMTF admin)');
    await region(page, 'Milestones').locator('summary').filter({ hasText: /^Edit/ }).click();
    const doomed = region(page, 'Milestones').getByRole('region', {
      name: /^Joint plugfest \(browser suite\)/,
    });
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

    // "Remove" sits apart from "Save" and asks first.
    await visit(page, PATH, 'register page before a removal (DMTF admin)');
    await region(page, 'Milestones').locator('summary').filter({ hasText: /^Edit/ }).click();
    const webinar = region(page, 'Milestones').getByRole('region', {
      name: /^Joint webinar \(browser suite\)/,
    });
    const yes = webinar.getByRole('button', { name: /^Yes, remove/ });
    expect(await yes.isVisible()).toBe(false);
    await webinar
      .locator('summary')
      .filter({ hasText: /^Remove/ })
      .click();
    await check(page, 'removal confirmation (DMTF admin)', 'register-remove-confirm');
    await yes.click();
    await page.waitForURL(/saved=milestone-removed/);
    expect(await timeline(page).locator('desc').textContent()).not.toContain('Joint webinar');

    // The DMTF admin edits the DMTF's contacts only, and records the DMTF's approval only.
    const contacts = region(page, 'Points of contact');
    await contacts.locator('summary').filter({ hasText: /^Edit/ }).click();
    expect(await contacts.getByRole('region', { name: /\(OpenFabrics/ }).count()).toBe(0);
    expect(
      await contacts.getByRole('region', { name: /\(Distributed Management/ }).count(),
    ).toBeGreaterThan(0);

    const approvals = region(page, 'Approvals');
    await approvals.locator('summary').filter({ hasText: /^Edit/ }).click();
    expect(await approvals.getByRole('region', { name: /OpenFabrics/ }).count()).toBe(0);
    const ours = approvals.getByRole('region', { name: `Record the approval of ${DMTF}` });
    await ours.getByLabel('Approving body').fill('DMTF Board of Directors');
    await ours.getByLabel(/^Resolution \(/).fill('BR-2018-42');
    await ours.getByLabel('Approved on').fill('2018-10-16');
    await check(page, 'approval form (DMTF admin)', 'register-approval-form');
    await ours.getByRole('button', { name: `Record ${DMTF}’s approval` }).click();
    await page.waitForURL(/saved=approval-dmtf/);
    const dmtf = region(page, 'Approvals').getByRole('listitem').filter({ hasText: DMTF });
    await expect
      .poll(() => dmtf.textContent())
      .toContain('by DMTF Board of Directors, resolution BR-2018-42, on 16 October 2018');
    expect(await page.locator('main').textContent()).toContain('Approved by every party.');

    // Every change is in the history: who, and before → after.
    const history = region(page, 'History of this register');
    await expect
      .poll(() => history.textContent())
      .toContain(`Changed the milestone “${ANNOUNCEMENT}”`);
    expect(await history.textContent()).toMatch(/State:\s*planned\s*→\s*done/);
    expect(await history.textContent()).toContain(`Recorded the approval of ${DMTF}`);
    await check(page, 'register page after edits (DMTF admin)', 'register-admin');
  });

  it('R3. member@dmtf.example reads the register and opens the linked document, with no edit forms', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'member@dmtf.example');
    await visit(page, PATH, 'register page (DMTF member)', 'register-member');
    expect(await page.locator('main details').count()).toBe(0);
    // Members of the parties read the history; the public does not (R1).
    await expect
      .poll(() => region(page, 'History of this register').textContent())
      .toContain(`DMTF Adminfor ${DMTF}Recorded the approval of ${DMTF}`);
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

  it('R4. the operator edits every text section, each item a paragraph, and the page shows it', async () => {
    const { page } = await newSession(suite.browser, suite.portal);
    await signInOperator(page);
    await visit(page, '/admin/registers/ofa-dmtf', 'register editor (operator)');

    // Every section is there, its items in multi-line fields.
    for (const legend of ['Alliance benefits', 'Activities', 'Limitations', 'Access']) {
      await page.getByRole('group', { name: legend }).waitFor();
    }
    const limitations = page.getByRole('group', { name: 'Limitations' });
    const added = limitations.getByLabel(/^New limitation/);
    expect(await added.evaluate((field) => field.tagName)).toBe('TEXTAREA');
    await added.fill('No joint specifications.\nEach party publishes its own.');
    await check(page, 'register editor with sections (operator)', 'register-operator-editor');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/saved=1/);

    await visit(page, PATH, 'register page after the operator’s edit');
    await expect
      .poll(() => region(page, 'Limitations').textContent())
      .toContain('No joint specifications.');
    await expect
      .poll(() => region(page, 'History of this register').textContent())
      .toContain('Changed the register');
  });
});
