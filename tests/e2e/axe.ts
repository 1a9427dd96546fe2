import AxeBuilder from '@axe-core/playwright';

type Page = import('@playwright/test').Page;

/** Serious or critical accessibility violations axe finds inside `selector`, one line each. */
export async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
