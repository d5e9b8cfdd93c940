// `npm run bench`: every figure measured side by side in one run, with its goal. Each server runs
// in a process of its own, without request logging, and autocannon drives it from this one.
//   BENCH_SECONDS     seconds per throughput run (10)
//   BENCH_SKIP_WALL=1 skip timing `npm run generate`, `npm run lint` and `npm test`
//   BENCH_ONLY=client only the client overhead rows (for tuning the client)
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { createPortraitClient } from '../src/client/index.js';
import { projectRoot } from './project-root.js';
import { createEmulator } from '../src/emulator/index.js';
import { validateResponse } from '../src/protocol/index.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const apiKey = 'demo-key';
const rows: { figure: string; value: string; goal: string; met: boolean | undefined }[] = [];
const report = (figure: string, value: string, goal = '', met?: boolean) => {
  rows.push({ figure, value, goal, met });
  console.log(`  ${figure}: ${value}${goal ? ` (goal ${goal})` : ''}`);
};

/** Starts a server in a child process from a module snippet that prints its URL. */
async function serve(source: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', source], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

const servers = {
  emulator: `import { startEmulator } from './src/emulator/index.js';
    const s = await startEmulator({ port: 0, processingDelayMs: 0 }); console.log(s.url);`,
  mock: `import { startMock } from './src/mock/index.js';
    const s = await startMock({ port: 0 }); console.log(s.url);`,
  bare: `import { createServer } from 'node:http';
    const body = JSON.stringify({ ResponseMetadata: { RequestId: 'B'.repeat(32), Action: 'GetAsset', Version: '2024-01-01' }, Result: {} });
    const server = createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body)); });
    server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));`,
};

async function load(url: string, action: string, body: object) {
  const result = await autocannon({
    url: `${url}/portrait/?Action=${action}&Version=2024-01-01`,
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections: 50,
    duration: seconds,
  });
  if (result.errors || result.timeouts || result.non2xx) throw new Error(`${action} at ${url}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** Mean microseconds of `call`, after a warm-up, interleaved with `other` so drift hits both. */
async function sideBySide(call: () => Promise<unknown>, other: () => Promise<unknown>, rounds = 10, perRound = 300) {
  for (let i = 0; i < perRound; i++) await Promise.all([call(), other()]);
  let a = 0;
  let b = 0;
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    for (let i = 0; i < perRound; i++) await call();
    a += performance.now() - started;
    started = performance.now();
    for (let i = 0; i < perRound; i++) await other();
    b += performance.now() - started;
  }
  const n = rounds * perRound;
  return [(a / n) * 1000, (b / n) * 1000] as const;
}

async function clientOverhead() {
  console.log('Client overhead: GetAsset through the client against the same request with bare fetch');
  const emulator = await serve(servers.emulator);
  try {
    for (const [where, fetchImpl, baseUrl] of [
      ['loopback', (request: Request) => fetch(request), emulator.url],
      ['in-process', createEmulator({ processingDelayMs: 0 }).handle, 'http://emulator.local'],
    ] as const) {
      const client = createPortraitClient({ apiKey, baseUrl, fetch: fetchImpl });
      const group = await client.createAssetGroup({ Name: 'bench' });
      const { Id } = await client.createAsset({ GroupId: group.Id, URL: 'https://example.com/a.png', AssetType: 'Image' });
      const body = JSON.stringify({ Id });
      const bare = async () => {
        const response = await fetchImpl(
          new Request(`${baseUrl}/portrait/?Action=GetAsset&Version=2024-01-01`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
            body,
          }),
        );
        return response.json();
      };
      const [viaClient, viaFetch] = await sideBySide(() => client.getAsset({ Id }), bare);
      const ratio = viaClient / viaFetch;
      report(`${where}: client ${viaClient.toFixed(0)} µs, bare fetch ${viaFetch.toFixed(0)} µs`, `${ratio.toFixed(2)}x`, where === 'loopback' ? '<= 1.15x' : '', where === 'loopback' ? ratio <= 1.15 : undefined);
    }
  } finally {
    emulator.child.kill();
  }
}

async function throughput() {
  console.log(`Throughput: autocannon, 50 connections, ${seconds} s per run`);
  const measured: Record<string, { rps: number; p99: number }> = {};
  for (const kind of ['emulator', 'mock', 'bare'] as const) {
    const server = await serve(servers[kind]);
    try {
      if (kind === 'bare') {
        measured.bare = await load(server.url, 'GetAsset', {});
        continue;
      }
      let getAsset = { Id: 'asset-20260318035710-xxxxx' };
      if (kind === 'emulator') {
        const client = createPortraitClient({ apiKey, baseUrl: server.url });
        const group = await client.createAssetGroup({ Name: 'bench' });
        for (let i = 0; i < 20; i++) {
          const asset = await client.createAsset({ GroupId: group.Id, URL: `https://example.com/${i}.png`, AssetType: 'Image' });
          getAsset = { Id: asset.Id };
        }
      }
      measured[`${kind} GetAsset`] = await load(server.url, 'GetAsset', getAsset);
      measured[`${kind} ListAssets`] = await load(server.url, 'ListAssets', { PageSize: 20 });
    } finally {
      server.child.kill();
    }
  }
  for (const [name, { rps, p99 }] of Object.entries(measured)) report(name, `${Math.round(rps)} req/s, p99 ${p99} ms`);
  const bare = measured.bare?.rps ?? Number.NaN;
  for (const action of ['GetAsset', 'ListAssets']) {
    const emulator = measured[`emulator ${action}`]?.rps ?? Number.NaN;
    const mock = measured[`mock ${action}`]?.rps ?? Number.NaN;
    report(`${action}: emulator / Prism mock`, `${(emulator / mock).toFixed(1)}x`, '>= 10x', emulator / mock >= 10);
    report(`${action}: emulator / bare node:http`, `${((emulator / bare) * 100).toFixed(0)}%`, '>= 40%', emulator / bare >= 0.4);
  }
}

function validation() {
  console.log('Validation: AJV, a ListAssets response of 100 items');
  const item = {
    Id: 'asset-20260318035710-xxxxx',
    GroupId: 'group-20260331145705-xxxxx',
    Name: 'front-face',
    AssetType: 'Image',
    Status: 'Active',
    URL: 'https://cdn.example.com/a.png?X-Signature=abc',
    ProjectName: 'default',
    CreateTime: '2026-03-18T07:20:30Z',
    UpdateTime: '2026-03-18T07:20:44Z',
  };
  const envelope = {
    ResponseMetadata: { RequestId: 'R'.repeat(32), Action: 'ListAssets', Version: '2024-01-01' },
    Result: { Items: Array.from({ length: 100 }, (_, i) => ({ ...item, Id: `asset-20260318035710-${i}` })), TotalCount: 100, PageNumber: 1, PageSize: 100 },
  };
  if (!validateResponse('ListAssets', envelope).valid) throw new Error('the bench envelope is invalid');
  const n = 5_000;
  const started = performance.now();
  for (let i = 0; i < n; i++) validateResponse('ListAssets', envelope);
  report('validations per second', `${Math.round(n / ((performance.now() - started) / 1000))}`);
}

async function wallTimes() {
  console.log('Wall time of the project commands');
  for (const script of ['generate', 'lint', 'test']) {
    const started = performance.now();
    await promisify(execFile)('npm', ['run', script], { cwd: projectRoot, maxBuffer: 64 * 2 ** 20 });
    const elapsed = (performance.now() - started) / 1000;
    report(`npm run ${script}`, `${elapsed.toFixed(1)} s`, script === 'test' ? '< 60 s' : '', script === 'test' ? elapsed < 60 : undefined);
  }
}

console.log(`Portrait toolkit benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
await clientOverhead();
if (process.env.BENCH_ONLY !== 'client') {
  await throughput();
  validation();
  if (!process.env.BENCH_SKIP_WALL) await wallTimes();
}

console.log('\n| figure | value | goal | met |\n| --- | --- | --- | --- |');
for (const { figure, value, goal, met } of rows) console.log(`| ${figure} | ${value} | ${goal} | ${met === undefined ? '' : met ? 'yes' : 'no'} |`);
