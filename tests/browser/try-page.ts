// What the try-it page's tests (try-page.test.ts, and its long form) share: finding an operation's
// block, its deep link, opening the page, and the document's webhooks.
import type { Page } from 'playwright-core';
import { portraitDocument, type Action } from '../../src/protocol/index.js';
import { operationOf } from '../support/examples.js';

export function operationBlock(page: Page, operationId: string) {
  return page.locator('.opblock').filter({ has: page.locator('.opblock-summary-operation-id', { hasText: new RegExp(`^${operationId}$`) }) });
}

/** Swagger UI's deep link to an Action: `#/<its tag>/<its operationId>`. */
export function deepLink(action: Action): string {
  return `#/${encodeURIComponent(operationOf(action).tags[0] ?? '')}/${action}`;
}

export async function openTryPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
}

/** The block's top is on the screen: the page scrolled to it. */
export async function topIsOnScreen(page: Page, action: Action): Promise<boolean> {
  const box = await operationBlock(page, action).boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height;
}

/** The operations a webhook of the document would show as. */
export const webhookOperationIds = Object.values((portraitDocument as { webhooks?: Record<string, Record<string, { operationId?: string }>> }).webhooks ?? {}).flatMap((methods) =>
  Object.values(methods).map(({ operationId }) => operationId ?? ''),
);
