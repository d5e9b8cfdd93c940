// What the broken emulators (broken-emulators.ts) are made of: an Action call read from a Fetch
// Request, calls of their own sent to the emulator with the caller's key, replies read and
// rewritten, and Lists cut again from every match, so that a wrapper changes what a List holds
// and still answers a page the document allows.
import { apiVersion, documentedError, isAction, protocol, requestProperty, validateRequest, type Action, type ErrorCode, type PaginatedAction, type ResultOf } from '../../src/protocol/index.js';
import type { Envelope } from '../support/http.js';

export type FetchHandler = (request: Request) => Promise<Response>;

export type Body = Record<string, unknown>;

/** A call the gateway lets through, as a wrapper sees it: a POST of a known Action and Version, its body valid. */
export interface Call {
  action: Action;
  /** The Bearer key: it names the customer. */
  key: string | undefined;
  body: Body;
  request: Request;
}

/**
 * The call `request` makes, or undefined for anything the gateway refuses or that is no call (a
 * page, a media link): the emulator answers those unbroken.
 */
export async function readCall(request: Request): Promise<Call | undefined> {
  const url = new URL(request.url);
  const action = url.searchParams.get('Action');
  if (request.method !== 'POST' || url.pathname !== protocol.endpoint || !isAction(action) || url.searchParams.get('Version') !== apiVersion) return undefined;
  const text = await request.clone().text();
  if (new TextEncoder().encode(text).byteLength > protocol.maxBodyBytes) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!validateRequest(action, body).valid) return undefined;
  const key = request.headers.get('authorization')?.replace(/^Bearer /i, '');
  return { action, key, body: body as Body, request };
}

/** The same call to `action` (default: its own) with `body`, and the key `key` (default: the caller's). */
export function callWith(call: Call, body: Body, action: Action = call.action, key = call.key): Request {
  const url = new URL(call.request.url);
  url.searchParams.set('Action', action);
  const headers = new Headers(call.request.headers);
  if (key !== undefined) headers.set('authorization', `Bearer ${key}`);
  headers.delete('content-length');
  return new Request(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

export interface ReadReply {
  status: number;
  headers: Headers;
  envelope: Envelope;
}

export async function readReply(response: Response): Promise<ReadReply> {
  return { status: response.status, headers: response.headers, envelope: (await response.json()) as Envelope };
}

export function replyOf({ status, headers, envelope }: ReadReply): Response {
  const sent = new Headers(headers);
  sent.delete('content-length');
  return Response.json(envelope, { status, headers: sent });
}

/** A reply whose Result is `result`, on the metadata of `reply` (its RequestId), answering `action`. */
export function succeedWith(reply: ReadReply, action: string, result: Body): Response {
  const { Error: _, ...metadata } = reply.envelope.ResponseMetadata;
  return replyOf({ status: 200, headers: reply.headers, envelope: { ResponseMetadata: { ...metadata, Action: action }, Result: result } });
}

/** The documented error `code` (its status too), on the metadata of `reply`, answering `action`. */
export function failWith(reply: ReadReply, action: string, code: ErrorCode, message: string, field?: string): Response {
  const { status, error } = documentedError(code, message, field);
  const { Error: _, ...metadata } = reply.envelope.ResponseMetadata;
  return replyOf({ status, headers: reply.headers, envelope: { ResponseMetadata: { ...metadata, Action: action, Error: error } } });
}

export const errorCodeOf = (reply: ReadReply) => reply.envelope.ResponseMetadata.Error?.Code;

/** The Id, GroupId or BytedToken a successful call made. */
export function madeId(reply: ReadReply): string | undefined {
  const result = reply.envelope.Result;
  const id = result?.Id ?? result?.GroupId ?? result?.BytedToken;
  return typeof id === 'string' ? id : undefined;
}

/** An item of a List of `A`: a group or an asset. */
export type ListItem<A extends PaginatedAction = PaginatedAction> = ResultOf<A>['Items'][number];

const maxPageSize = (action: PaginatedAction) => Number(requestProperty(action, 'PageSize').maximum);

/**
 * Every item the List `call` matches, in its order, fetched page by page at the largest page
 * size, with the first page's reply; or the reply itself when the List is refused.
 */
export async function everyMatch<A extends PaginatedAction>(handle: FetchHandler, call: Call, action: A): Promise<{ items: ListItem<A>[]; reply: ReadReply } | { refused: ReadReply }> {
  const pageSize = maxPageSize(action);
  const items: ListItem<A>[] = [];
  let first: ReadReply | undefined;
  // Bounded: the quotas keep a customer's resources to a few pages.
  for (let pageNumber = 1; pageNumber <= 100; pageNumber++) {
    const reply = await readReply(await handle(callWith(call, { ...call.body, PageNumber: pageNumber, PageSize: pageSize }, action)));
    if (!reply.envelope.Result) return { refused: first ?? reply };
    first ??= reply;
    const page = reply.envelope.Result as ResultOf<A>;
    items.push(...page.Items);
    if (page.Items.length < pageSize || items.length >= page.TotalCount) break;
  }
  return { items, reply: first as ReadReply };
}

/** `items` in the order the List `body` asks for: its sort key, then Id ascending, as the emulator orders ties. */
export function sortedAsAsked<A extends PaginatedAction>(items: readonly ListItem<A>[], body: Body, action: A): ListItem<A>[] {
  const sortBy = String(body.SortBy ?? requestProperty(action, 'SortBy').default);
  const direction = (body.SortOrder ?? requestProperty(action, 'SortOrder').default) === 'Asc' ? 1 : -1;
  const key = (item: ListItem<A>) => String((item as Record<string, unknown>)[sortBy]);
  return [...items].sort((a, b) => direction * compare(key(a), key(b)) || compare(a.Id, b.Id));
}

/** The page the List `body` asks for, cut from `items`, with `TotalCount` counting all of them (or `totalCount`). */
export function pageOf(items: readonly ListItem[], body: Body, action: PaginatedAction, totalCount = items.length): Body {
  const pageNumber = Number(body.PageNumber ?? requestProperty(action, 'PageNumber').default);
  const pageSize = Number(body.PageSize ?? requestProperty(action, 'PageSize').default);
  const start = (pageNumber - 1) * pageSize;
  return { Items: items.slice(start, start + pageSize), TotalCount: totalCount, PageNumber: pageNumber, PageSize: pageSize };
}

// ISO times to the second and ids compare as the emulator compares them: by code unit.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
