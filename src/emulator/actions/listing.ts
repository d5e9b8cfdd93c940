// Sorting and paging for ListAssetGroups and ListAssets: sort on a key, break ties by Id
// ascending whatever the order, then cut one page. Out-of-range pages are empty, and
// TotalCount always counts every match.

export type SortKey = number | string;

export interface Page<T> {
  Items: T[];
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
}

export interface PageRequest {
  sortOrder: 'Asc' | 'Desc';
  pageNumber: number;
  pageSize: number;
}

export function sortAndPage<T extends { Id: string }>(
  matches: readonly T[],
  sortKey: (item: T) => SortKey,
  { sortOrder, pageNumber, pageSize }: PageRequest,
): Page<T> {
  const direction = sortOrder === 'Asc' ? 1 : -1;
  const keyed = matches.map((item) => ({ item, key: sortKey(item) }));
  keyed.sort((a, b) => direction * compare(a.key, b.key) || compare(a.item.Id, b.item.Id));
  const start = (pageNumber - 1) * pageSize;
  return {
    Items: keyed.slice(start, start + pageSize).map(({ item }) => item),
    TotalCount: keyed.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
  };
}

// Code-unit order, not locale order: the same on every machine, as a server's would be.
function compare(a: SortKey, b: SortKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive substring match, the API's "fuzzy" name filter. */
export function nameMatches(name: string, filter: string | undefined): boolean {
  return filter === undefined || name.toLowerCase().includes(filter.toLowerCase());
}
