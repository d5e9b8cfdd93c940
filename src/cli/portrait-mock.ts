#!/usr/bin/env node
// `portrait-mock` (in this repository `npm run mock --`): the Portrait mock on 127.0.0.1, or with
// `--upstream <url>` a validating proxy. `--help` lists its flags.
import { corsOriginsFrom } from '../server/cors.js';
import { startMock } from '../mock/index.js';
import { closeOnSignals } from './close-on-signals.js';
import { parseCommandLine, portFrom, usageError, type CommandLine, type Flag } from './command-line.js';

const command = {
  name: 'portrait-mock',
  summary: 'The Action-aware Prism mock of the Portrait API; with --upstream, a validating proxy in front of a real server.',
  flags: {
    port: { type: 'string', value: 'n', description: 'the port to listen on, 0 for any free one', default: process.env.PORT || '4010' },
    host: { type: 'string', value: 'address', description: 'the address to listen on', default: '127.0.0.1' },
    upstream: { type: 'string', value: 'url', description: 'forward to this Portrait API and check its answers against the document' },
    errors: { type: 'boolean', description: 'with --upstream: a reply that breaks the document becomes a 502', default: 'false' },
    'upstream-timeout': { type: 'string', value: 'ms', description: 'with --upstream: how long the upstream may take, then a 504', default: '30000' },
    'max-upstream-reply': { type: 'string', value: 'bytes', description: 'with --upstream: the largest reply read, decompressed, then a 502', default: String(10 * 2 ** 20) },
    'cors-origin': { type: 'string', value: 'origins', description: 'origins whose pages may call it: *, none, or a comma-separated list (default: * for the mock, none for the proxy)' },
  },
  notes: ['Environment: PORT (the default port).', 'Example: portrait-mock --upstream https://api.alltoken.ai/v1 --errors'],
} as const satisfies CommandLine<Record<string, Flag>>;

const values = parseCommandLine(command);
const port = portFrom(command, values.port);
if (values.errors && !values.upstream) console.warn('--errors only matters with --upstream; ignored.');
let corsOrigins;
try {
  corsOrigins = values['cors-origin'] === undefined ? undefined : corsOriginsFrom(values['cors-origin']);
} catch (error) {
  usageError(command, `--cors-origin: ${error instanceof Error ? error.message : String(error)}`);
}

const mock = await startMock({
  port,
  host: values.host,
  corsOrigins,
  ...(values.upstream
    ? {
        upstream: values.upstream,
        errors: values.errors,
        upstreamTimeoutMs: Number(values['upstream-timeout']),
        maxUpstreamReplyBytes: Number(values['max-upstream-reply']),
      }
    : {}),
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
// Before the first line: whoever waits for it may signal at once.
closeOnSignals(mock);
console.log(values.upstream ? `Portrait validating proxy for ${values.upstream} on ${mock.url}` : `Portrait mock listening on ${mock.url}`);
