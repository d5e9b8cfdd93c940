// `npm run size`: what the client costs a browser app, measured on the built package (dist/) as a
// consumer's bundler sees it: the package's own exports map, openapi-fetch included, minified, then
// gzipped. Exits 1 over budget. Also shows that the types-only entry adds nothing at all.
import { existsSync } from 'node:fs';
import { projectRoot as root } from './project-root.js';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Gzipped bytes the whole client entry may weigh. Raised from 6,400 on purpose nine times: to
 * 7,300 when the client learned to bound what comes from outside (replies read within
 * maxResponseBytes, no redirect followed, options checked; 7,120 then), to 7,700 for a logger,
 * per-call headers, a User-Agent, the key from PORTRAIT_API_KEY, `$response`, and a stalled body
 * that times out through any fetch (7,600), and to 7,800 for the base URL from PORTRAIT_BASE_URL
 * and its check (7,719), to 7,900 for the Action table's rate limits and the liveness
 * callback's whole query (7,867), to 8,300 against hostile servers (8,299): a server's text made
 * printable before an error or a log line holds it, waiters whose maxWaitTime cuts a poll short,
 * paginators that stop on repeated items, options refused at once, and a request fetch refuses
 * reported as never sent; and to 8,650 for a key redacted in any form a server echoes it (cut
 * short, percent-encoded, split by zero-width characters), the waiters' and paginators' errors
 * made safe too, and paging whose memory does not grow with the walk (8,602); and to 8,700 when
 * the client shared its bounded read, its URL check and its backoff with the servers and waiters
 * instead of writing each twice (8,656); and to 8,800 when Node's fetch was told to refuse
 * redirects, which spares it a copy of every request's body, and the client to report the redirect
 * it refused and close its connection (8,790); and to 8,850 when a redirect's body was cancelled
 * unread, so that its error no longer depends on its size, and only the fetch standard's redirect
 * statuses were called redirects (8,816).
 */
const clientBudgetBytes = 8_850;


async function bundle(contents: string, options: { ignoreAnnotations?: boolean } = {}): Promise<Uint8Array> {
  const result = await build({
    // The package imports itself by name, so resolution goes through package.json "exports".
    stdin: { contents, resolveDir: root, sourcefile: 'consumer.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    ...options,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.contents;
}

if (!existsSync(new URL('../dist/src/client/index.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm run build` first (`npm run size` does).');
  process.exit(2);
}

// Every export of the client entry, so nothing is tree-shaken away.
const client = await bundle(`export * from '@portrait-api/toolkit';`);
const clientGzip = gzipSync(client, { level: 9 }).length;

// The types entry: a type import plus a bare import of its JavaScript. ignoreAnnotations makes
// esbuild disregard "sideEffects": false, so 0 bytes proves the module itself is empty.
const typesOnly = await bundle(
  [
    `import type { components, paths } from '@portrait-api/toolkit/types';`,
    `import '@portrait-api/toolkit/types';`,
    `export type Asset = components['schemas']['AssetItem'];`,
    `export type Paths = keyof paths;`,
  ].join('\n'),
  { ignoreAnnotations: true },
);

const format = (bytes: number) => `${bytes.toLocaleString('en-US')} B`;
console.log(`client (@portrait-api/toolkit): ${format(client.length)} minified, ${format(clientGzip)} gzipped; budget ${format(clientBudgetBytes)} gzipped`);
console.log(`types (@portrait-api/toolkit/types): ${format(typesOnly.length)}`);

let over = false;
if (clientGzip > clientBudgetBytes) {
  console.error(`Over budget by ${format(clientGzip - clientBudgetBytes)}: trim the client or raise the budget on purpose.`);
  over = true;
}
if (typesOnly.length > 0) {
  console.error('The types entry added runtime code: @portrait-api/toolkit/types must stay an empty module.');
  over = true;
}
process.exitCode = over ? 1 : 0;
