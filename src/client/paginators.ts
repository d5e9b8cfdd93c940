// AWS-style paginators over the two List Actions: async iterables of pages, with `.items()`.
import type { PaginatedAction } from '../protocol/generated.js';
import type { RequestOf, ResultOf } from '../protocol/action-types.js';
import type { CallOptions, WithMetadata } from './call-types.js';
import { safeText, type PortraitClient } from './client.js';
import { PortraitClientError, PortraitError } from './errors.js';

export interface PaginatorConfig {
  client: PortraitClient;
  /** Sets `PageSize` on every request (1 to 100). */
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface Paginator<Page, Item> extends AsyncIterable<Page> {
  /** Every item of every page, in order, each once (by Id). */
  items(): AsyncIterable<Item>;
}

type ListPage<A extends PaginatedAction> = WithMetadata<ResultOf<A>>;
type ListItem<A extends PaginatedAction> = ResultOf<A>['Items'][number];

/** A page number or size must be a whole number from 1: a fraction (1e-9) would never reach TotalCount. */
function wholeFromOne(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new PortraitClientError(`${name} must be a whole number from 1, not ${String(value)}.`);
}

function paginate<A extends PaginatedAction>(action: A, config: PaginatorConfig, input: RequestOf<A>): Paginator<ListPage<A>, ListItem<A>> {
  wholeFromOne('pageSize', config.pageSize);
  wholeFromOne('PageSize', input.PageSize);
  wholeFromOne('PageNumber', input.PageNumber);
  const callOptions: CallOptions = config.signal ? { signal: config.signal } : {};
  /** Each page, with its items not seen on an earlier page. */
  async function* walk(): AsyncGenerator<[ListPage<A>, ListItem<A>[]]> {
    let pageNumber = input.PageNumber ?? 1;
    // A server may keep promising one page more: the walk also ends after two pages in a row of
    // nothing new (one can be an honest list shifted by inserts), and once it has received twice
    // the items the first page announced. Only the last two pages' ids are kept: what an honest
    // shift repeats, in memory that does not grow with the walk.
    let seen = new Set<string>();
    let before = new Set<string>();
    let total: number | undefined;
    let received = 0;
    let stale = 0;
    for (;;) {
      const request = { ...input, PageNumber: pageNumber, ...(config.pageSize === undefined ? {} : { PageSize: config.pageSize }) };
      const page = (await config.client.call(action, request as RequestOf<A>, callOptions)) as ListPage<A>;
      // A server that ignores PageNumber, or answers something else, would otherwise loop for ever.
      const broken = !Array.isArray(page.Items)
        ? 'has no Items list'
        : page.PageNumber !== pageNumber
          ? `is page ${safeText(config.client, page.PageNumber)}, not the page ${pageNumber} asked for`
          : !(page.PageSize > 0 && Number.isSafeInteger(page.TotalCount))
            ? 'has no usable PageSize and TotalCount'
            : undefined;
      if (broken) {
        const { requestId, httpStatus } = page.$metadata;
        throw new PortraitError({ code: 'InvalidResponse', message: `The ${action} reply ${broken}; paging stopped.`, requestId, action, status: httpStatus });
      }
      if (page.Items.length === 0) return;
      const fresh = (page.Items as ListItem<A>[]).filter((item) => !seen.has(item?.Id) && !before.has(item?.Id));
      stale = fresh.length === 0 ? stale + 1 : 0;
      if (stale === 2) return;
      [before, seen] = [seen, new Set(page.Items.map((item) => item?.Id))];
      total ??= page.TotalCount;
      received += page.Items.length;
      yield [page, fresh];
      // The last page: what was seen so far covers TotalCount.
      if (page.PageNumber * page.PageSize >= page.TotalCount || received >= 2 * total) return;
      pageNumber = page.PageNumber + 1;
    }
  }
  return {
    async *[Symbol.asyncIterator]() {
      for await (const [page] of walk()) yield page;
    },
    // Each item once: a page shifted by inserts, or a server that repeats itself, brings some again.
    async *items() {
      for await (const [, fresh] of walk()) yield* fresh;
    },
  };
}

/** Pages of `ListAssets`, from `input.PageNumber` (1 by default) until TotalCount, an empty page or two of items already seen. */
export function paginateListAssets(config: PaginatorConfig, input: RequestOf<'ListAssets'> = {}) {
  return paginate('ListAssets', config, input);
}

/** Pages of `ListAssetGroups`, from `input.PageNumber` (1 by default) until TotalCount, an empty page or two of items already seen. */
export function paginateListAssetGroups(config: PaginatorConfig, input: RequestOf<'ListAssetGroups'> = {}) {
  return paginate('ListAssetGroups', config, input);
}
