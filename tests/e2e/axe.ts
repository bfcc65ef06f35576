import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core, injected into the page as it is and run there. Serious and critical findings fail the
 * test that visited the page; moderate and minor ones are printed for a person to look at.
 */

export interface AxeFinding {
  page: string;
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResultsInPage {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

type AxeWindow = { axe?: { run(context: unknown, options: unknown): Promise<AxeResultsInPage> } };

const BLOCKING = new Set(['serious', 'critical']);

/** Every finding of the run, for the closing summary. */
export const findings: AxeFinding[] = [];

export async function runAxe(page: Page, name: string): Promise<AxeFinding[]> {
  // Through the debugging protocol, not a <script> tag: no Content-Security-Policy stands in the way.
  const loaded = await page.evaluate(() => typeof (globalThis as AxeWindow).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const page = globalThis as unknown as AxeWindow & { document: unknown };
    return page.axe!.run(page.document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
  });
  const found = results.violations.map((violation) => ({
    page: name,
    url: page.url(),
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
  }));
  findings.push(...found);
  return found;
}

/** The findings that fail a test. */
export function blocking(found: AxeFinding[]): AxeFinding[] {
  return found.filter((finding) => BLOCKING.has(finding.impact));
}

export function describeFinding(finding: AxeFinding): string {
  return `[${finding.impact}] ${finding.rule} on ${finding.page} (${finding.url}): ${finding.help}; ${finding.targets.join(' | ')}`;
}
