import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

// axe-core runs inside the page. The screens run under a strict Content-Security-Policy
// with no inline script, so axe is not added as a <script> tag: its source goes in through
// the browser's own protocol (page.evaluate → Runtime.evaluate), which the policy does not
// govern, and the csp test still sees no violation.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 rules at levels A and AA, what webtilgængelighedsloven asks (EN 301 549). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(v: Result): string {
  const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`);
  return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes.join('\n')}`;
}

/**
 * Rules axe files under best practice that still test a WCAG criterion: heading-order is
 * 1.3.1 Info and Relationships (a heading's level says where it belongs) and 2.4.6.
 */
export const EXTRA_RULES = ['heading-order'];

/** Runs axe in the page as it is now and fails, listing every violation, if any WCAG 2.1 A/AA rule is broken. */
export async function axeViolations(page: Page): Promise<Result[]> {
  // A colour caught halfway through a transition is no colour the person reads: let them end.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const run = (runOnly: { type: 'tag' | 'rule'; values: string[] }) =>
    page.evaluate(
      (o) => (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: o, resultTypes: ['violations'] }),
      runOnly,
    ) as Promise<AxeResults>;
  const wcag = await run({ type: 'tag', values: WCAG_TAGS });
  const extra = await run({ type: 'rule', values: EXTRA_RULES });
  return [...wcag.violations, ...extra.violations];
}

export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length) throw new Error(`axe: ${violations.length} WCAG 2.1 A/AA violation(s) at ${label} (${page.url()}):\n${violations.map(describe).join('\n')}`);
}
