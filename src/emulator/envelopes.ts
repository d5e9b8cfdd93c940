// The JSON replies of the API: `ResponseMetadata` with a fresh RequestId, the Action, the
// Version and the upstream's Service and Region, plus `Result` on success or `Error` on failure,
// never both.
import type { components } from '../protocol/index.js';
import { apiVersion, errorEnvelope, newRequestId, type ErrorObject, type ErrorResponse, type Refusal } from '../protocol/index.js';
import type { PlainReply } from './exchange.js';

type SuccessMetadata = components['schemas']['SuccessMetadata'];

const upstream = { Service: 'ark', Region: 'cn-beijing' } as const;

export function successReply(action: string, result: object): PlainReply {
  const metadata: SuccessMetadata = { RequestId: newRequestId(), Action: action, Version: apiVersion, ...upstream };
  return json(200, { ResponseMetadata: metadata, Result: result });
}

export function errorReply(action: string, status: number, error: ErrorObject, headers: Record<string, string> = {}): PlainReply {
  const { ResponseMetadata } = errorEnvelope(action, error);
  const { Error: reported, ...identity } = ResponseMetadata;
  const envelope: ErrorResponse = { ResponseMetadata: { ...identity, ...upstream, Error: reported } };
  return json(status, envelope, headers);
}

export function refusalReply({ action, status, error, headers }: Refusal): PlainReply {
  return errorReply(action, status, error, headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): PlainReply {
  return { status, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
