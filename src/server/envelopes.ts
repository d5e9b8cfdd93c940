// The API's JSON replies: `ResponseMetadata` with a fresh RequestId, the Action, the Version and
// the upstream's Service and Region, plus `Result` on success or `Error` on failure, never both.
import { apiVersion, documentedError, errorEnvelope, newRequestId, type components, type ErrorObject, type ErrorResponse, type EchoedRefusal } from '../protocol/index.js';
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

export function refusalReply({ action, status, error, headers }: EchoedRefusal): Reply {
  return errorReply(action, status, error, headers);
}

/**
 * The 500 for what no rule foresaw: a bug of `server`. What went wrong goes to the server's log,
 * never into the reply, which a client may show to anyone.
 */
export function unexpectedFailureReply(action: string, server: string): Reply {
  return refusalReply({ action, ...documentedError('InternalError', `The ${server} failed unexpectedly while handling this request.`) });
}

function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
