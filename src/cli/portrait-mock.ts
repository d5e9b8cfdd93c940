#!/usr/bin/env node
// `portrait-mock` (in this repository `npm run mock --`): the Portrait mock on 127.0.0.1, or with
// `--upstream <url>` a validating proxy. `--help` lists its flags.
import { corsOriginsFrom } from '../server/cors.js';
import { stopOnSignalsOrParentExit } from './stop-server.js';
import { ignoreOrphanedSocketErrors } from './socket-error-guard.js';
import { defaultUpstreamLimits } from '../mock/upstream.js';
import { fail, fromFlag, listenFlags, messageOf, parseCommandLine, wholeNumberFrom, type CommandLine, type Flag } from './command-line.js';

const command = {
  name: 'portrait-mock',
  summary: 'The Action-aware Prism mock of the Portrait API; with --upstream, a validating proxy in front of a real server.',
  flags: {
    ...listenFlags,
    upstream: { type: 'string', value: 'url', description: 'forward to this Portrait API and check its answers against the document' },
    errors: { type: 'boolean', description: 'with --upstream: a reply that breaks the document becomes a 502', default: 'false' },
    'upstream-timeout': { type: 'string', value: 'ms', description: 'with --upstream: how long the upstream may take, then a 504', default: String(defaultUpstreamLimits.timeoutMs) },
    'max-upstream-reply': { type: 'string', value: 'bytes', description: 'with --upstream: the largest reply read, decompressed, then a 502', default: String(defaultUpstreamLimits.maxReplyBytes) },
    'cors-origin': { type: 'string', value: 'origins', description: 'origins whose pages may call it: *, none, or a comma-separated list (default: * for the mock, none for the proxy)' },
  },
  notes: ['Environment: PORT (the default port).', 'Example: portrait-mock --upstream https://api.alltoken.ai/v1 --errors'],
} as const satisfies CommandLine<Record<string, Flag>>;

const values = parseCommandLine(command);
ignoreOrphanedSocketErrors();
const port = wholeNumberFrom(command, '--port', values.port, 0, 65535);
if (values.errors && !values.upstream) console.warn('--errors only matters with --upstream; ignored.');
const corsOrigin = values['cors-origin'];
const corsOrigins = corsOrigin === undefined ? undefined : fromFlag(command, '--cors-origin', () => corsOriginsFrom(corsOrigin));
const upstreamTimeoutMs = wholeNumberFrom(command, '--upstream-timeout', values['upstream-timeout'], 1);
const maxUpstreamReplyBytes = wholeNumberFrom(command, '--max-upstream-reply', values['max-upstream-reply'], 1);

// Prism loads once the command line is read: a usage error, the usage and the version are each a
// start of a fraction of the time.
const { startMock } = await import('../mock/index.js');
const mock = await startMock({
  port,
  host: values.host,
  corsOrigins,
  ...(values.upstream
    ? {
        upstream: values.upstream,
        errors: values.errors,
        upstreamTimeoutMs,
        maxUpstreamReplyBytes,
      }
    : {}),
  log: (line) => console.log(line),
}).catch((error: unknown) => fail(messageOf(error), 1));
// Before the first line: whoever waits for it may signal at once.
stopOnSignalsOrParentExit(mock);
console.log(values.upstream ? `Portrait validating proxy for ${values.upstream} on ${mock.url}` : `Portrait mock listening on ${mock.url}`);
