// Deliberately broken servers: wrappers around the emulator's Fetch handler that break one rule
// each, for proving that the contract checks catch it.
type Handler = (request: Request) => Promise<Response>;
export type Fault = (handle: Handler) => Handler;

interface Envelope {
  ResponseMetadata: { RequestId?: string; Action?: string; Error?: { Code: string; Message: string } };
  Result?: Record<string, unknown>;
}

const actionOf = (request: Request) => new URL(request.url).searchParams.get('Action');

/** Edits the JSON body of every reply to `action`. */
export function editReplies(action: string, edit: (body: Envelope) => void): Fault {
  return (handle) => async (request) => {
    const response = await handle(request);
    if (actionOf(request) !== action) return response;
    const body = (await response.json()) as Envelope;
    edit(body);
    return Response.json(body, { status: response.status, headers: response.headers });
  };
}

/** Answers `action` itself whenever `when` holds for the request's text, never asking the server. */
export function answerInstead(action: string, when: (text: string) => boolean, reply: (text: string) => Response): Fault {
  return (handle) => async (request) => {
    if (actionOf(request) !== action) return handle(request);
    const text = await request.clone().text();
    return when(text) ? reply(text) : handle(request);
  };
}

/** Sends requests whose key matches `from` as if they used the key `to`. */
export function swapKey(from: (key: string) => boolean, to: string): Fault {
  return (handle) => (request) => {
    const key = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (key === undefined || !from(key)) return handle(request);
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${to}`);
    return handle(new Request(request, { headers }));
  };
}

/** Rewrites the JSON body of requests to `action` before the server sees them. */
export function editRequests(action: string, edit: (body: Record<string, unknown>) => void): Fault {
  return (handle) => async (request) => {
    if (actionOf(request) !== action) return handle(request);
    const body = JSON.parse(await request.text()) as Record<string, unknown>;
    edit(body);
    return handle(new Request(request.url, { method: request.method, headers: request.headers, body: JSON.stringify(body) }));
  };
}

export function envelope(action: string, result: Record<string, unknown>): Response {
  return Response.json({ ResponseMetadata: { RequestId: 'F'.repeat(32), Action: action, Version: '2024-01-01' }, Result: result });
}
