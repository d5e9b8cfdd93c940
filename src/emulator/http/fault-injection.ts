// Latency and faults in front of the API, for testing a client's retries and timeouts: each API
// call waits its latency, then, at the fault rate, meets one of the faults a real gateway shows
// instead of an answer. The media links and liveness pages stand for other hosts and are spared.
//
// A fault comes before the gateway and the Action, where a load balancer's or an overloaded
// gateway's does: a faulted call runs nothing, changes no state and spends no rate limit, so a
// test may count on a call that succeeded after retries having been executed exactly once.
import { sleep } from '../../protocol/sleep.js';
import { documentedError, echoedAction, protocol } from '../../protocol/index.js';
import { ConnectionReset } from '../../server/connection-reset.js';
import { errorReply, refusalReply } from '../../server/envelopes.js';
import type { Handler, Reply, ServerRequest } from '../../server/exchange.js';
import { rateLimited } from '../actions/action-errors.js';
import type { FaultKind, FaultSettings } from './fault-settings.js';
import { routeOf } from './routes.js';
import { seededRandom } from '../../protocol/seeded-random.js';

/** What a 429 fault asks the client to wait, as the gateway's own limits say it: whole seconds. */
const retryAfterSeconds = 1;

/** The longest a stall lasts when the client never gives up: then the connection is reset, so nothing waits forever. */
export const maxStallMs = 5 * 60_000;

/** Mixed into the seed for the latency's draws, so that a change of latency leaves the same calls faulted. */
const latencyStream = 0x9e3779b9;

export function injectFaults(handler: Handler, settings: FaultSettings): Handler {
  const [minLatency, maxLatency] = settings.latencyMs;
  if (settings.rate === 0 && maxLatency === 0) return handler;
  const faultDraws = seededRandom(settings.seed);
  const latencyDraws = seededRandom(settings.seed ^ latencyStream);
  return async (request) => {
    if (routeOf(request.method, request.url.pathname).kind !== 'api') return handler(request);
    // Drawn on arrival, so that calls in flight together draw in the order they came. Both draws
    // are made for every call: a higher rate or other kinds leave the other calls' draws as they were.
    const latency = minLatency + (maxLatency - minLatency) * latencyDraws();
    const [roll, pick] = [faultDraws(), faultDraws()];
    const fault = roll < settings.rate ? settings.kinds[Math.floor(pick * settings.kinds.length)] : undefined;
    // A client that gives up meanwhile gets the signal's reason, as from fetch.
    if (latency > 0) await sleep(latency, request.signal);
    return fault ? meetFault(fault, request, settings.seed) : handler(request);
  };
}

async function meetFault(kind: FaultKind, request: ServerRequest, seed: number): Promise<Reply> {
  const injected = `(injected by the emulator, fault seed ${seed})`;
  switch (kind) {
    case 'stall':
      // A stall is a reply that never comes: on its own it keeps no process alive, as no reply would.
      await sleep(maxStallMs, request.signal, { keepAlive: false });
      throw new ConnectionReset(`A stall ${injected} outlasted ${maxStallMs} ms.`);
    case 'reset':
      throw new ConnectionReset(`A reset ${injected}.`);
    case '429':
    case '500': {
      // Read as the gateway reads it: a client still writing the body then gets the reply, not a reset.
      await request.readBody(protocol.maxBodyBytes);
      const action = echoedAction(request.url);
      if (kind === '429') return refusalReply({ action, ...rateLimited(retryAfterSeconds, `Too many requests, please retry later ${injected}.`) });
      const { status, error } = documentedError('InternalError', `An internal error occurred, please retry later ${injected}.`);
      return errorReply(action, status, error);
    }
  }
}
