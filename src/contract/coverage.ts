// How much of the document a run exercised: the Actions it called, and the replies the document
// shows by example (an Action, an HTTP status and an error code, or a success) that it saw. The
// 5xx examples are left out: a conforming server never fails (behaviours.noServerErrors).
import { actionNames, apiVersion, isAction, portraitDocument, postOperations, resolveResponse } from '../protocol/index.js';

export interface Coverage {
  actions: { called: number; documented: number };
  replies: { seen: number; documented: number };
  /** The documented replies the run never saw, as `<Action> HTTP <status> <code or success>`. */
  unseen: string[];
}

const replyName = (action: string, status: number | string, code: string | undefined) => `${action} HTTP ${status} ${code ?? 'success'}`;

/** Every reply below 500 an example of the document shows, by name. */
function documentedReplies(): Set<string> {
  const names = new Set<string>();
  for (const { operation } of postOperations(portraitDocument)) {
    for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) < 500)) {
      const examples = resolveResponse(portraitDocument, response)?.content?.['application/json']?.examples ?? {};
      for (const { value } of Object.values(examples)) {
        const code = (value as { ResponseMetadata?: { Error?: { Code?: string } } } | undefined)?.ResponseMetadata?.Error?.Code;
        names.add(replyName(operation.operationId, status, code?.split('.')[0]));
      }
    }
  }
  return names;
}

export class CoverageRecorder {
  readonly #documented = documentedReplies();
  readonly #called = new Set<string>();
  readonly #seen = new Set<string>();

  /** Counts a reply to a POST of a known Action and Version; other calls test the gateway, not an Action. */
  record(request: { action: string; version: string; method: string }, status: number, baseCode: string | undefined): void {
    if (!isAction(request.action) || request.version !== apiVersion || request.method !== 'POST') return;
    this.#called.add(request.action);
    this.#seen.add(replyName(request.action, status, baseCode));
  }

  summary(): Coverage {
    const seen = [...this.#documented].filter((name) => this.#seen.has(name));
    return {
      actions: { called: this.#called.size, documented: actionNames.length },
      replies: { seen: seen.length, documented: this.#documented.size },
      unseen: [...this.#documented].filter((name) => !this.#seen.has(name)),
    };
  }
}
