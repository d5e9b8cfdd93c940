// AWS-style paginators over the two List Actions: async iterables of pages, with `.items()`.
import type { PaginatedAction } from '../protocol/generated.js';
import type { RequestOf, ResultOf } from '../protocol/action-types.js';
import type { CallOptions, PortraitClient, WithMetadata } from './client.js';
import { PortraitClientError, PortraitError } from './errors.js';

export interface PaginatorConfig {
  client: PortraitClient;
  /** Sets `PageSize` on every request (1 to 100). */
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface Paginator<Page, Item> extends AsyncIterable<Page> {
  /** Every item of every page, in order. */
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
  async function* pages(): AsyncGenerator<ListPage<A>> {
    let pageNumber = input.PageNumber ?? 1;
    // Ids of the items seen: a page of nothing new means the server is not paging.
    const seen = new Set<string>();
    for (;;) {
      const request = { ...input, PageNumber: pageNumber, ...(config.pageSize === undefined ? {} : { PageSize: config.pageSize }) };
      const page = (await config.client.call(action, request as RequestOf<A>, callOptions)) as ListPage<A>;
      // A server that ignores PageNumber, or answers something else, would otherwise loop for ever.
      const broken = !Array.isArray(page.Items)
        ? 'has no Items list'
        : page.PageNumber !== pageNumber
          ? `is page ${String(page.PageNumber)}, not the page ${pageNumber} asked for`
          : !(page.PageSize > 0 && Number.isInteger(page.TotalCount))
            ? 'has no usable PageSize and TotalCount'
            : page.Items.length > 0 && page.Items.every((item) => seen.has(item.Id))
              ? 'holds only items already seen'
              : undefined;
      if (broken) {
        const { requestId, httpStatus } = page.$metadata;
        throw new PortraitError({ code: 'InvalidResponse', message: `The ${action} reply ${broken}; paging stopped.`, requestId, action, status: httpStatus });
      }
      if (page.Items.length === 0) return;
      for (const item of page.Items) seen.add(item.Id);
      yield page;
      // The last page: what was seen so far covers TotalCount.
      if (page.PageNumber * page.PageSize >= page.TotalCount) return;
      pageNumber = page.PageNumber + 1;
    }
  }
  return {
    [Symbol.asyncIterator]: () => pages(),
    async *items() {
      for await (const page of pages()) yield* page.Items as ListItem<A>[];
    },
  };
}

/** Pages of `ListAssets`, from `input.PageNumber` (1 by default) until TotalCount or an empty page. */
export function paginateListAssets(config: PaginatorConfig, input: RequestOf<'ListAssets'> = {}) {
  return paginate('ListAssets', config, input);
}

/** Pages of `ListAssetGroups`, from `input.PageNumber` (1 by default) until TotalCount or an empty page. */
export function paginateListAssetGroups(config: PaginatorConfig, input: RequestOf<'ListAssetGroups'> = {}) {
  return paginate('ListAssetGroups', config, input);
}
