// The docs page's long form: each of the 12 operations followed from the menu shows its summary
// and request URL (docs-page.test.ts opens one of each tag).
import { describe, it } from 'vitest';
import { actionNames } from '../../src/protocol/index.js';
import { walkDocsPage } from './docs-page.js';
import { useSiteAndBrowser } from './harness.js';

const ready = useSiteAndBrowser();

describe('the docs page (/docs), every operation opened', () => {
  it('shows each Action followed from the menu with its summary and request URL', async () => {
    const { site, browser } = ready();
    await walkDocsPage(site, browser, actionNames);
  }, 120_000);
});
