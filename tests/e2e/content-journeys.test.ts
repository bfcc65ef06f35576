import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePdf, pdfPageTexts } from '../../apps/api/test/pdf-fixtures.js';
import {
  apiClientAs,
  browserSuite,
  check,
  DMTF,
  newSession,
  OFA,
  signIn,
  visit,
} from './harness.js';

// What readers do with a document's content in a real Chromium: compare two versions from the
// document page (words added and removed, page by page; a version without text says so), and a
// partner's watermarked copy of a confidential PDF, downloaded through the web app, next to the
// owner's original bytes.

const IDENTIFIER = `DSP-E2E-CONTENT-${Date.now().toString(36).toUpperCase()}`;
const TITLE = 'Fabric Zoning Profile (browser suite, watermarked)';

// Version 0.9b replaces a word on page 1 and adds one on page 2; page 3 is the same.
const PAGES_A = [
  'Zoning section covers fabric adapters',
  'Appendix one lists the ports',
  'Glossary',
];
const PAGES_B = [
  'Zoning section covers fabric switches',
  'Appendix one lists all the ports',
  'Glossary',
];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

browserSuite('comparing versions and watermarked copies', { screenshotAs: 'content' }, (suite) => {
  const work = join(tmpdir(), `liaison-e2e-content-${process.pid}`);
  const document = { id: '', newest: { id: '', sha256: '' } };

  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const editor = await apiClientAs(suite.portal, 'editor@dmtf.example');
    // Shared with ofa under the OFA/DMTF register: ofa's members read it, stamped.
    const created = await editor.createDocument({
      organization: 'dmtf',
      identifier: IDENTIFIER,
      title: TITLE,
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
      watermark: true,
    });
    document.id = created.id;
    const files: [label: string, name: string, bytes: Buffer, mediaType: string][] = [
      ['0.9a', 'zoning-0.9a.pdf', await makePdf(PAGES_A), 'application/pdf'],
      // A figure: no text is read from images, so it cannot be compared.
      ['0.9a-figure', 'zoning-figure.png', randomBytes(2048), 'image/png'],
      ['0.9b', 'zoning-0.9b.pdf', await makePdf(PAGES_B), 'application/pdf'],
    ];
    for (const [label, name, bytes, mediaType] of files) {
      const path = join(work, name);
      await writeFile(path, bytes);
      const { version } = await editor.uploadVersion(created.id, { label, path, mediaType });
      document.newest = { id: version.id, sha256: version.sha256 };
    }
  }, 120_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function compare(page: Page, from: string, to: string) {
    const card = page.locator('form', {
      has: page.getByRole('heading', { name: 'Compare versions' }),
    });
    // A select's name from its label includes the chosen option ("From 0.9a").
    await card.getByRole('combobox', { name: /^From/ }).selectOption({ label: from });
    await card.getByRole('combobox', { name: /^To/ }).selectOption({ label: to });
    await card.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/documents/${document.id}/compare`);
    await page
      .getByRole('heading', { level: 1, name: `Compare versions of ${IDENTIFIER}` })
      .waitFor();
  }

  /** Downloads through the web app's link for `label`: the saved bytes. */
  async function download(page: Page, label: string): Promise<Buffer> {
    const [saved] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('link', { name: `Download version ${label}`, exact: true }).click(),
    ]);
    expect(await saved.failure()).toBeNull();
    const path = join(work, `download-${Date.now()}-${saved.suggestedFilename()}`);
    await saved.saveAs(path);
    const bytes = await readFile(path);
    await rm(path, { force: true });
    return bytes;
  }

  it('1. member@dmtf.example compares 0.9a with 0.9b from the document page: the summary, then words added and removed; a figure without text says so', async () => {
    const reader = await apiClientAs(suite.portal, 'member@dmtf.example');
    // Text is extracted in the background: the comparison is ready once both sides are read.
    await expect
      .poll(async () => (await reader.compareVersions(document.id, '0.9a', '0.9b')).status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe('compared');
    const { page } = await newSession(suite.browser, suite.portal);
    await signIn(page, DMTF, 'member@dmtf.example');
    await visit(page, `/documents/${document.id}`, 'document (compare card)');
    await compare(page, '0.9a', '0.9b');
    await check(page, 'compare (two PDFs)', 'compare-versions');
    const query = new URL(page.url()).searchParams;
    // The form sends version ids: the comparison has an address to share.
    expect(query.get('from')).toMatch(/^[0-9a-f-]{36}$/);
    expect(query.get('to')).not.toBe(query.get('from'));
    await expect
      .poll(() => page.getByTestId('compare-summary').textContent())
      .toBe('2 changes on 2 pages.');
    const changed = page.locator('article.compare__page');
    expect(await changed.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Page 1',
      'Page 2',
    ]);
    const first = changed.nth(0);
    expect((await first.locator('del').allTextContents()).join(' ')).toContain('adapters');
    expect((await first.locator('ins').allTextContents()).join(' ')).toContain('switches');
    const second = changed.nth(1);
    expect(await second.locator('del').count()).toBe(0);
    expect((await second.locator('ins').allTextContents()).join(' ')).toContain('all');
    expect(await second.locator('.compare__text').textContent()).toContain('Appendix one lists');

    // The same card on the compare page: a version with no text to compare.
    await compare(page, '0.9a-figure', '0.9b');
    const missing = page.getByTestId('compare-text-missing');
    await expect.poll(() => missing.textContent()).toContain('No comparison yet');
    expect(await missing.textContent()).toContain(
      'Version 0.9a-figure: its file type has no text Liaison can read (no text is read from image/png files).',
    );
    expect(await missing.textContent()).not.toContain('Version 0.9b');
    expect(await page.getByTestId('compare-summary').count()).toBe(0);
    await check(page, 'compare (no text)', 'compare-text-missing');
  });

  it('2. member@ofa.example is told their copy is watermarked and downloads a PDF stamped with their e-mail; member@dmtf.example downloads the original', async () => {
    const partner = await newSession(suite.browser, suite.portal);
    await signIn(partner.page, OFA, 'member@ofa.example');
    await visit(
      partner.page,
      `/documents/${document.id}`,
      'document (watermarked, partner)',
      'document-watermarked',
    );
    const row = partner.page.getByRole('row', { name: /0\.9b/ }).first();
    await expect
      .poll(() => row.getByTestId('watermark-note').textContent())
      .toContain('Your copy is watermarked');
    // The figure is no PDF: it is given out as it is, with no note.
    const figure = partner.page.getByRole('row', { name: /0\.9a-figure/ }).first();
    expect(await figure.getByTestId('watermark-note').count()).toBe(0);

    const stamped = await download(partner.page, '0.9b');
    expect(stamped.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(stamped)).not.toBe(document.newest.sha256);
    const texts = await pdfPageTexts(stamped);
    expect(texts).toHaveLength(PAGES_B.length);
    texts.forEach((text, index) => {
      expect(text).toContain(PAGES_B[index]);
      expect(text).toContain('member@ofa.example');
    });

    const owner = await newSession(suite.browser, suite.portal);
    await signIn(owner.page, DMTF, 'member@dmtf.example');
    await visit(owner.page, `/documents/${document.id}`, 'document (watermarked, owner)');
    expect(await owner.page.getByTestId('watermark-note').count()).toBe(0);
    const original = await download(owner.page, '0.9b');
    expect(sha256(original)).toBe(document.newest.sha256);
    expect((await pdfPageTexts(original)).join('\n')).not.toContain('member@');
  });
});
