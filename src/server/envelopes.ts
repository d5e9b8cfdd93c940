// The API's JSON replies: `ResponseMetadata` with a fresh RequestId, the Action, the Version and
// the upstream's Service and Region, plus `Result` on success or `Error` on failure, never both.
import { apiVersion, errorEnvelope, newRequestId, type components, type ErrorObject, type ErrorResponse, type Refusal } from '../protocol/index.js';
import type { Reply } from './exchange.js';

type SuccessMetadata = components['schemas']['SuccessMetadata'];

const upstream = { Service: 'ark', Region: 'cn-beijing' } as const;

export function successReply(action: string, result: object): Reply {
  const metadata: SuccessMetadata = { RequestId: newRequestId(), Action: action, Version: apiVersion, ...upstream };
  return jsonReply(200, { ResponseMetadata: metadata, Result: result });
}

export function errorReply(action: string, status: number, error: ErrorObject, headers: Record<string, string> = {}): Reply {
  const { ResponseMetadata } = errorEnvelope(action, error);
  const { Error: reported, ...identity } = ResponseMetadata;
  const envelope: ErrorResponse = { ResponseMetadata: { ...identity, ...upstream, Error: reported } };
  return jsonReply(status, envelope, headers);
}

export function refusalReply({ action, status, error, headers }: Refusal): Reply {
  return errorReply(action, status, error, headers);
}

function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
