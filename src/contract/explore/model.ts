// The model's side of a step: the toolkit's own emulator, asked in-process through its `answer`,
// a call as the server sees it. A Fetch Request and Response each way, as the target's side needs,
// cost an exploration about a tenth of its CPU (the web streams under each body).
import type { Emulator } from '../../emulator/portable.js';
import { apiVersion, protocol, type Action, type ErrorObject } from '../../protocol/index.js';
import { textRequest } from '../../server/exchange.js';

export interface ModelReply {
  status: number;
  envelope: { ResponseMetadata?: { Error?: ErrorObject }; Result?: Record<string, unknown> };
}

/** `model`'s reply to `action` with `body`, called with `apiKey`. */
export async function askModel(model: Emulator, action: Action, apiKey: string, body: unknown): Promise<ModelReply> {
  const url = new URL(`http://model.invalid${protocol.endpoint}?Action=${action}&Version=${apiVersion}`);
  const reply = await model.answer(textRequest('POST', url, { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` }, JSON.stringify(body)));
  return { status: reply.status, envelope: JSON.parse(reply.body) as ModelReply['envelope'] };
}
