#!/usr/bin/env node
// `portrait-contract` (in this repository `npm run contract --`) --base-url <url> --api-key <key>
//   [--second-api-key <key>] [--junit <file>]
//   --through-proxy       send every call through the Prism validating proxy too, a second judge
//   --image-url <url>     a public image the server can download (needed against the real API)
//   --skip <a,b>          checks not to run, such as groups.quota
//   --asset-timeout <s>   how long an asset may stay Processing (180)
//   --group-quota <n>     the customer's group quota (the document's activeGroupQuota)
//   --fuzz <n>            also send n generated valid and n invalid bodies per Action (0)
// Keys may come from PORTRAIT_API_KEY and PORTRAIT_SECOND_API_KEY instead. Exit code 1 on any failure.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatCheck, formatSummary, runContract, toJUnit } from '../contract/index.js';
import { protocol } from '../protocol/index.js';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    'second-api-key': { type: 'string' },
    junit: { type: 'string' },
    'through-proxy': { type: 'boolean', default: false },
    'image-url': { type: 'string' },
    skip: { type: 'string' },
    'asset-timeout': { type: 'string', default: '180' },
    'group-quota': { type: 'string', default: String(protocol.activeGroupQuota) },
    fuzz: { type: 'string', default: '0' },
  },
});

const baseUrl = values['base-url'];
const apiKey = values['api-key'] ?? process.env.PORTRAIT_API_KEY;
if (!baseUrl || !apiKey) {
  console.error('Usage: portrait-contract --base-url <url> --api-key <key> [--second-api-key <key>] [--junit <file>] [--through-proxy]\n       (in this repository: npm run contract -- ...)');
  process.exit(2);
}

const proxy = values['through-proxy'] ? await startProxy(baseUrl) : undefined;
const secondApiKey = values['second-api-key'] ?? process.env.PORTRAIT_SECOND_API_KEY;
console.log(`Contract checks against ${baseUrl}${proxy ? `, through the Prism validating proxy at ${proxy.url}` : ''}`);
try {
  const report = await runContract({
    baseUrl: proxy?.url ?? baseUrl,
    apiKey,
    ...(secondApiKey ? { secondApiKey } : {}),
    ...(values['image-url'] ? { imageUrl: values['image-url'] } : {}),
    skip: values.skip?.split(',').map((name) => name.trim()) ?? [],
    assetTimeoutMs: Number(values['asset-timeout']) * 1000,
    groupQuota: Number(values['group-quota']),
    fuzz: Number(values.fuzz),
    onProgress: (result) => console.log(formatCheck(result)),
  });
  console.log(`\n${formatSummary(report)}`);
  if (values.junit) {
    await writeFile(values.junit, toJUnit(report));
    console.log(`JUnit report: ${values.junit}`);
  }
  process.exitCode = report.passed ? 0 : 1;
} finally {
  await proxy?.close();
}

// The proxy needs Prism, an optional peer dependency: load it only when asked for.
async function startProxy(upstream: string) {
  const { startMock } = await import('../mock/index.js');
  return startMock({ port: 0, upstream }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
