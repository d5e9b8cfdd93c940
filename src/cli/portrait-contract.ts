#!/usr/bin/env node
// `portrait-contract` (in this repository `npm run contract --`): the conformance checks against
// any Portrait API server. `--help` lists its flags. Exit code 1 on any failure (with --strict, also
// on a difference from an assumption of the document), 2 on a usage error, 130 or 143 when Ctrl-C
// or SIGTERM stopped it.
import { writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { isExplorePath, maxExploreRuns } from '../contract/explore/replay-path.js';
import { protocol } from '../protocol/generated.js';
import { ignoreOrphanedSocketErrors } from './socket-error-guard.js';
import { fail, messageOf, parseCommandLine, usageError, wholeNumberFrom, type CommandLine, type Flag } from './command-line.js';

const command = {
  name: 'portrait-contract',
  summary: 'Walks a Portrait API server through real flows and judges every reply against the document.',
  flags: {
    'base-url': { type: 'string', value: 'url', description: 'the server, such as http://127.0.0.1:4010 or https://api.alltoken.ai/v1 (required; or PORTRAIT_BASE_URL)' },
    'api-key': { type: 'string', value: 'key', description: 'a key of the server (required; better: PORTRAIT_API_KEY)' },
    'second-api-key': { type: 'string', value: 'key', description: "another customer's key, for the tenancy checks (better: PORTRAIT_SECOND_API_KEY)" },
    junit: { type: 'string', value: 'file', description: 'also write a JUnit XML report there' },
    report: { type: 'string', value: 'file', description: 'also write the whole run as JSON there: checks, grades, reproductions, coverage' },
    'max-time': { type: 'string', value: 's', description: 'stop the checks after this long, report, and exit 1 (the clean-up then has up to 60 s more)', default: '1800' },
    'through-proxy': { type: 'boolean', description: 'send every call through the Prism validating proxy too, a second judge', default: 'false' },
    'image-url': { type: 'string', value: 'url', description: 'a public image the server can download (needed against the real API)' },
    skip: { type: 'string', value: 'a,b', description: 'checks not to run, such as groups.quota' },
    'asset-timeout': { type: 'string', value: 's', description: 'how long an asset may stay Processing', default: '180' },
    'group-quota': { type: 'string', value: 'n', description: "the customer's group quota", default: String(protocol.activeGroupQuota) },
    'asset-quota': { type: 'string', value: 'n', description: "the customer's asset quota, which the exploration's model keeps too", default: String(protocol.assetQuota) },
    fuzz: { type: 'string', value: 'n', description: 'also send n generated valid and n invalid bodies per Action', default: '0' },
    explore: { type: 'string', value: 'n', description: `after the checks, n random call sequences judged against the emulator as the model (at most ${maxExploreRuns})`, default: '0' },
    seed: { type: 'string', value: 's', description: "the exploration's seed (random by default): a report's seed runs the same sequences again" },
    'explore-path': { type: 'string', value: 'path', description: "with --seed, run only the shrunk sequence a report's exploration.path names" },
    'rate-limits': { type: 'string', value: 'document|off', description: "keep each Action's calls within the rate limit the document gives (the upstream's), or send them as fast as the server answers", default: 'document' },
    strict: { type: 'boolean', description: 'fail on a difference from an assumption of the document too, not only on a broken fact of the reference or the upstream', default: 'false' },
  },
  notes: [
    'Environment: PORTRAIT_BASE_URL, PORTRAIT_API_KEY, PORTRAIT_SECOND_API_KEY (keys kept off the command line).',
    'Example: portrait-contract --base-url http://127.0.0.1:4010 --api-key demo-key --second-api-key demo-key-2 --junit contract.xml',
    'Explore: portrait-contract ... --explore 100; a difference prints its sequence as curl commands and the --seed and --explore-path that replay it.',
    'The stateless mock (portrait-mock) is no target: it answers examples, not state. Point it at the emulator or a real server.',
  ],
} as const satisfies CommandLine<Record<string, Flag>>;

const values = parseCommandLine(command);
ignoreOrphanedSocketErrors();
const baseUrl = values['base-url'] ?? (process.env.PORTRAIT_BASE_URL || undefined);
const apiKey = values['api-key'] ?? process.env.PORTRAIT_API_KEY;
if (!baseUrl || !apiKey) usageError(command, baseUrl ? 'an API key is needed: --api-key, or PORTRAIT_API_KEY' : '--base-url is needed, or PORTRAIT_BASE_URL');
for (const name of ['group-quota', 'asset-quota', 'fuzz'] as const) wholeNumberFrom(command, `--${name}`, values[name], 0);
wholeNumberFrom(command, '--explore', values.explore, 0, maxExploreRuns);
if (values.seed !== undefined) wholeNumberFrom(command, '--seed', values.seed, 0);
if (values['explore-path'] !== undefined && values.seed === undefined) usageError(command, '--explore-path replays a sequence of one seed: give --seed too');
if (values['explore-path'] !== undefined && !isExplorePath(values['explore-path'])) usageError(command, `--explore-path must be a path as a report gives it, such as 3:0:1,AAB:A, not ${JSON.stringify(values['explore-path'].slice(0, 80))}`);
// Seconds that become a timer's milliseconds, which stop at 2^31 - 1.
const longestSeconds = Math.floor((2 ** 31 - 1) / 1000);
wholeNumberFrom(command, '--asset-timeout', values['asset-timeout'], 0, longestSeconds);
wholeNumberFrom(command, '--max-time', values['max-time'], 1, longestSeconds);
if (values['rate-limits'] !== 'document' && values['rate-limits'] !== 'off') usageError(command, `--rate-limits must be document or off, not ${JSON.stringify(values['rate-limits'])}`);

// The checks (the document, its validators, the explorer) load once the command line is read: a
// usage error, the usage and the version are each a start of a fraction of the time.
const { formatCheck, formatSummary, runContract, toJson, toJUnit } = await import('../contract/index.js');
const proxy = values['through-proxy'] ? await startProxy(baseUrl) : undefined;
const secondApiKey = values['second-api-key'] ?? process.env.PORTRAIT_SECOND_API_KEY;
console.log(`Contract checks against ${baseUrl}${proxy ? `, through the Prism validating proxy at ${proxy.url}` : ''}`);
// Ctrl-C, or a CI job cancelled (SIGTERM): the run stops as at its max time, deletes what it made
// on the server and writes its reports; another signal quits at once. One Ctrl-C reaches this
// process twice under `portrait-emulator --` (the terminal's, and the copy it passes on): a
// repeat within a second is that one.
const interrupt = new AbortController();
let interrupted: { signal: NodeJS.Signals; at: number } | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      if (performance.now() - interrupted.at > 1000) process.exit(128 + constants.signals[signal]);
      return;
    }
    interrupted = { signal, at: performance.now() };
    console.error(`\n${signal}: stopping, and deleting what the run made (another Ctrl-C or SIGTERM quits at once)`);
    interrupt.abort(new Error(`interrupted by ${signal}`));
  });
}
try {
  const report = await runContract({
    baseUrl: proxy?.url ?? baseUrl,
    apiKey,
    ...(secondApiKey ? { secondApiKey } : {}),
    ...(values['image-url'] ? { imageUrl: values['image-url'] } : {}),
    skip: values.skip?.split(',').map((name) => name.trim()) ?? [],
    assetTimeoutMs: Number(values['asset-timeout']) * 1000,
    groupQuota: Number(values['group-quota']),
    assetQuota: Number(values['asset-quota']),
    fuzz: Number(values.fuzz),
    explore: Number(values.explore),
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    ...(values['explore-path'] !== undefined ? { explorePath: values['explore-path'] } : {}),
    maxTimeMs: Number(values['max-time']) * 1000,
    strict: values.strict,
    ...(values['rate-limits'] === 'off' ? { rateLimits: false } : {}),
    onProgress: (result) => console.log(formatCheck(result)),
    signal: interrupt.signal,
  });
  console.log(`\n${formatSummary(report)}`);
  if (values.junit) {
    await writeFile(values.junit, toJUnit(report));
    console.log(`JUnit report: ${values.junit}`);
  }
  if (values.report) {
    await writeFile(values.report, toJson(report));
    console.log(`JSON report: ${values.report}`);
  }
  process.exitCode = report.stoppedBy === 'signal' && interrupted ? 128 + constants.signals[interrupted.signal] : report.passed ? 0 : 1;
} finally {
  await proxy?.close();
}

// The proxy needs Prism, an optional peer dependency: load it only when asked for.
async function startProxy(upstream: string) {
  const { startMock } = await import('../mock/index.js');
  return startMock({ port: 0, upstream }).catch((error: unknown) => fail(messageOf(error), 1));
}
