#!/usr/bin/env node
// `npm run mock`: the Portrait mock on 127.0.0.1, or with `--upstream <url>` a validating proxy.
//   --port <n>        default 4010
//   --upstream <url>  forward to a real Portrait API and check its answers against the document
//   --errors          with --upstream: a response that breaks the document becomes a 502
//   --upstream-timeout <ms>       with --upstream: 30000 by default, then a 504
//   --max-upstream-reply <bytes>  with --upstream: 10485760 (10 MB, decompressed) by default, then a 502
import { parseArgs } from 'node:util';
import { startMock } from '../mock/index.js';
import { closeOnSignals } from './close-on-signals.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    upstream: { type: 'string' },
    errors: { type: 'boolean', default: false },
    'upstream-timeout': { type: 'string' },
    'max-upstream-reply': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${JSON.stringify(values.port)}`);
  process.exit(2);
}
if (values.errors && !values.upstream) console.warn('--errors only matters with --upstream; ignored.');

const mock = await startMock({
  port,
  ...(values.upstream
    ? {
        upstream: values.upstream,
        errors: values.errors,
        upstreamTimeoutMs: optionalNumber(values['upstream-timeout']),
        maxUpstreamReplyBytes: optionalNumber(values['max-upstream-reply']),
      }
    : {}),
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

// Before the first line: whoever waits for it may signal at once.
closeOnSignals(mock);
console.log(
  values.upstream
    ? `Portrait validating proxy for ${values.upstream} on ${mock.url}`
    : `Portrait mock listening on ${mock.url}`,
);
