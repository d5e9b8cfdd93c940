// `npm run bench`: every figure measured side by side in one run, with its goal. Each server runs
// in a process of its own, without request logging, from the built package (dist/, what users
// run: `npm run build` comes first, except for the wall times and the exploration, which need no
// build), and autocannon drives it from this one. The emulators run
// without the document's rate limits (GetAsset: 100 a second), which would refuse most calls.
//   BENCH_SECONDS     seconds per throughput run (10)
//   BENCH_SKIP_WALL=1 skip timing `npm run generate`, `npm run lint` and `npm test`
//   BENCH_ONLY=client only the client overhead rows (for tuning the client)
//   BENCH_ONLY=stages only the emulator's CPU per request, stage by stage
//   BENCH_ONLY=explore only the model-based exploration (--explore) against the in-process emulator
//                     and the 17 broken emulators
//   BENCH_ONLY=wall   only the wall time of `npm run generate`, `npm run lint` and `npm test`
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { projectRoot } from './project-root.js';

const only = process.env.BENCH_ONLY;
if (only && !['client', 'stages', 'explore', 'wall'].includes(only)) {
  console.error(`BENCH_ONLY=${JSON.stringify(only)} is not understood: client, stages, explore or wall, or unset for every figure.`);
  process.exit(2);
}

// The wall times and the exploration run no part of the built package: only the other figures build it.
if (only !== 'wall' && only !== 'explore') {
  console.log('Building the package (npm run build)...');
  await promisify(execFile)('npm', ['run', 'build'], { cwd: projectRoot });
}
/** The client, the emulator and the validators as the package ships them (dist/), typed by their sources. */
const shipped = {
  client: async () => (await import(`${projectRoot}dist/src/client/index.js`)) as typeof import('../src/client/index.js'),
  emulator: async () => (await import(`${projectRoot}dist/src/emulator/index.js`)) as typeof import('../src/emulator/index.js'),
  validators: async () => (await import(`${projectRoot}dist/src/spec-validators/index.js`)) as typeof import('../src/spec-validators/index.js'),
};

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const listSize = 10;
const apiKey = 'demo-key';
const rows: { figure: string; value: string; goal: string; met: boolean | undefined }[] = [];
const report = (figure: string, value: string, goal = '', met?: boolean) => {
  rows.push({ figure, value, goal, met });
  console.log(`  ${figure}: ${value}${goal ? ` (goal ${goal})` : ''}`);
};

/** Starts a server in a child process from a module snippet that prints its URL. */
async function serve(source: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--input-type=module', '--eval', source], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

const servers = {
  emulator: `import { startEmulator } from './dist/src/emulator/index.js';
    const s = await startEmulator({ port: 0, processingDelayMs: 0, rateLimits: false }); console.log(s.url);`,
  mock: `import { startMock } from './dist/src/mock/index.js';
    const s = await startMock({ port: 0 }); console.log(s.url);`,
  // node:http answering a fixed body: BARE_BODY, or a small envelope.
  bare: `import { createServer } from 'node:http';
    const body = process.env.BARE_BODY || JSON.stringify({ ResponseMetadata: { RequestId: 'B'.repeat(32), Action: 'GetAsset', Version: '2024-01-01' }, Result: {} });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const server = createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, headers).end(body)); });
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

/** Microseconds of wall time, or of this process's CPU time (user + system). */
const clocks = {
  wall: () => performance.now() * 1000,
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  },
};

/**
 * Microseconds per call of `call` and of `other`, each the median over rounds of a block of calls,
 * and the median of the rounds' ratios. The two blocks of a round run back to back, in turn each
 * first, so that drift, garbage collection and the other processes on a shared machine hit both
 * alike; a round's ratio compares blocks run in the same second, which the two medians do not.
 */
async function sideBySide(call: () => Promise<unknown>, other: () => Promise<unknown>, clock: () => number, rounds = 31, perRound = 300) {
  for (let i = 0; i < 3 * perRound; i++) await Promise.all([call(), other()]);
  const a: number[] = [];
  const b: number[] = [];
  const block = async (run: () => Promise<unknown>) => {
    const started = clock();
    for (let i = 0; i < perRound; i++) await run();
    return (clock() - started) / perRound;
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      a.push(await block(call));
      b.push(await block(other));
    } else {
      b.push(await block(other));
      a.push(await block(call));
    }
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { call: median(a), other: median(b), ratio: median(a.map((value, round) => value / (b[round] ?? Number.NaN))) };
}

async function clientOverhead() {
  console.log('Client overhead: GetAsset through the client against the same request with bare fetch');
  const { createPortraitClient } = await shipped.client();
  const { createEmulator } = await shipped.emulator();
  const emulator = await serve(servers.emulator);
  try {
    // Each row compares like with like. With no fetch of its own the client calls the global fetch
    // with the URL and its init, the cheapest call; given a fetch, it hands it a Request, which
    // Node's fetch copies, body and all (the bare side as the goals were set, issue 10). In-process,
    // every microsecond of both sides is this process's CPU, which other processes on the machine
    // do not add to as they add to wall time; over loopback the server's time counts.
    const inProcess = createEmulator({ processingDelayMs: 0, rateLimits: false }).handle;
    for (const [where, clientFetch, bareCall, baseUrl, clock] of [
      ['loopback, the global fetch', undefined, 'fetch(url, init)', emulator.url, 'wall'],
      ['loopback, a fetch of the caller\'s', (request: Request, init?: RequestInit) => fetch(request, init), 'fetch(request)', emulator.url, 'wall'],
      ['in-process', inProcess, 'handle(request)', 'http://emulator.local', 'cpu'],
    ] as const) {
      const client = createPortraitClient({ apiKey, baseUrl, fetch: clientFetch });
      const group = await client.createAssetGroup({ Name: 'bench' });
      const { Id } = await client.createAsset({ GroupId: group.Id, URL: 'https://example.com/a.png', AssetType: 'Image' });
      const url = `${baseUrl}/portrait/?Action=GetAsset&Version=2024-01-01`;
      const init = { method: 'POST', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ Id }) };
      const bare = async () => {
        const response = await (clientFetch ? clientFetch(new Request(url, init)) : fetch(url, init));
        // A refusal (a 429, say) is cheaper to answer than the asset: it must not pass as one.
        if (!response.ok) throw new Error(`bare GetAsset: HTTP ${response.status}`);
        return response.json();
      };
      const { call: viaClient, other: viaFetch, ratio } = await sideBySide(() => client.getAsset({ Id }), bare, clocks[clock]);
      const goal = clock === 'wall' ? 1.1 : 1.3;
      report(`${where} (${clock} time): client ${viaClient.toFixed(0)} µs, bare ${bareCall} ${viaFetch.toFixed(0)} µs`, `${ratio.toFixed(2)}x`, `<= ${goal.toFixed(2)}x`, ratio <= goal);
    }
  } finally {
    emulator.child.kill();
  }
}

async function throughput() {
  const { createPortraitClient } = await shipped.client();
  console.log(`Throughput: autocannon, 50 connections, ${seconds} s per run`);
  const measured: Record<string, { rps: number; p99: number }> = {};
  const requests = { GetAsset: { Id: 'asset-20260318035710-xxxxx' }, ListAssets: { PageSize: listSize } } as Record<'GetAsset' | 'ListAssets', object>;
  // The emulator's own replies, for a bare server that answers the same bytes.
  const replies: Record<string, string> = {};
  for (const kind of ['emulator', 'mock'] as const) {
    const server = await serve(servers[kind]);
    try {
      if (kind === 'emulator') {
        const client = createPortraitClient({ apiKey, baseUrl: server.url });
        const group = await client.createAssetGroup({ Name: 'bench' });
        for (let i = 0; i < listSize; i++) {
          const asset = await client.createAsset({ GroupId: group.Id, URL: `https://example.com/${i}.png`, AssetType: 'Image' });
          requests.GetAsset = { Id: asset.Id };
        }
        for (const action of ['GetAsset', 'ListAssets'] as const) replies[action] = await rawReply(server.url, action, requests[action]);
      }
      for (const action of ['GetAsset', 'ListAssets'] as const) measured[`${kind} ${action}`] = await load(server.url, action, requests[action]);
    } finally {
      server.child.kill();
    }
  }
  const bares: [string, Record<string, string>][] = [
    ['bare, a 110-byte envelope', {}],
    ...Object.entries(replies).map(([action, body]): [string, Record<string, string>] => [`bare, the emulator's ${action} reply (${Buffer.byteLength(body)} bytes)`, { BARE_BODY: body }]),
  ];
  for (const [name, env] of bares) {
    const server = await serve(servers.bare, env);
    try {
      measured[name] = await load(server.url, 'GetAsset', {});
    } finally {
      server.child.kill();
    }
  }
  for (const [name, { rps, p99 }] of Object.entries(measured)) report(name, `${Math.round(rps)} req/s, p99 ${p99} ms`);
  const smallBare = measured['bare, a 110-byte envelope']?.rps ?? Number.NaN;
  for (const [action, goal] of [['GetAsset', 0.6], ['ListAssets', 0.4]] as const) {
    const emulator = measured[`emulator ${action}`]?.rps ?? Number.NaN;
    const mock = measured[`mock ${action}`]?.rps ?? Number.NaN;
    const sameBare = Object.entries(measured).find(([name]) => name.includes(`${action} reply`))?.[1].rps ?? Number.NaN;
    report(`${action}: emulator / Prism mock`, `${(emulator / mock).toFixed(1)}x`);
    report(`${action}: emulator / bare node:http answering the same bytes`, `${((emulator / sameBare) * 100).toFixed(0)}%`, `>= ${goal * 100}%`, emulator / sameBare >= goal);
    report(`${action}: emulator / bare node:http answering 110 bytes`, `${((emulator / smallBare) * 100).toFixed(0)}%`);
  }
}

/**
 * Where a GetAsset's CPU goes under load: the same request answered by servers that each do one
 * stage more, from bare node:http to the whole emulator. Each server reports its process's CPU
 * time (process.cpuUsage) per request over the load run.
 */
async function stages() {
  console.log(`CPU per GetAsset under load, stage by stage: autocannon, 50 connections, ${seconds} s per run`);
  const stageServer = (handler: string) => `import { createServer } from 'node:http';
    import { listen } from './dist/src/server/listen.js';
    import { passGateway } from './dist/src/server/gateway-stage.js';
    import { successReply } from './dist/src/server/envelopes.js';
    import { createEmulator } from './dist/src/emulator/index.js';
    import { createPortraitClient } from './dist/src/client/index.js';
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const client = createPortraitClient({ apiKey: '${apiKey}', baseUrl: 'http://emulator.local', fetch: emulator.handle });
    const group = await client.createAssetGroup({ Name: 'bench' });
    const { Id } = await client.createAsset({ GroupId: group.Id, URL: 'https://example.com/a.png', AssetType: 'Image' });
    const result = await client.getAsset({ Id });
    const fixed = { status: 200, headers: { 'Content-Type': 'application/json' }, body: successReply('GetAsset', result).body };
    const admitAll = { admitKey: () => ({ caller: {} }), validateBody: true };
    const handler = ${handler};
    let requests = 0;
    let cpu = process.cpuUsage();
    const counted = (request) => { requests++; return handler(request); };
    const server = handler === 'bare' ? await bare() : await listen(counted, { port: 0, label: () => '', name: 'bench' });
    async function bare() {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fixed.body) };
      const plain = createServer((req, res) => { requests++; req.resume(); req.on('end', () => res.writeHead(200, headers).end(fixed.body)); });
      await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve));
      return { url: 'http://127.0.0.1:' + plain.address().port };
    }
    process.on('message', () => { requests = 0; cpu = process.cpuUsage(); });
    process.on('SIGINT', () => { const used = process.cpuUsage(cpu); console.log((used.user + used.system) / requests); process.exit(0); });
    console.log(JSON.stringify({ url: server.url, Id }));`;
  const kinds = {
    'bare node:http answering the reply bytes': "'bare'",
    'the server kit: read the body, answer the reply bytes': 'async (request) => { await request.readBody(1e6); return fixed; }',
    '+ the gateway: Action, key, JSON, AJV': 'async (request) => { await passGateway(request, admitAll); return fixed; }',
    '+ the envelope: a RequestId, JSON.stringify': "async (request) => { await passGateway(request, admitAll); return successReply('GetAsset', result); }",
    '+ the Action: the whole emulator': 'emulator.answer',
  };
  for (const [name, handler] of Object.entries(kinds)) {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', stageServer(handler)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const lines = child.stdout?.setEncoding('utf8')[Symbol.asyncIterator]() as AsyncIterator<string>;
    const { url, Id } = JSON.parse((await lines.next()).value as string) as { url: string; Id: string };
    // Warm up first, so the figure is of steady work, not of the JIT compiling.
    const warmUp = load(url, 'GetAsset', { Id });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.send('start');
    const { rps } = await warmUp;
    child.kill('SIGINT');
    const cpuMicros = Number((await lines.next()).value);
    report(`CPU per request, ${name}`, `${cpuMicros.toFixed(0)} µs (${Math.round(rps)} req/s)`);
  }
}

async function rawReply(url: string, action: string, body: object): Promise<string> {
  const response = await fetch(`${url}/portrait/?Action=${action}&Version=2024-01-01`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.text();
}

/** From a fresh process's first import of the server to its first answer, for each server. */
async function startup() {
  console.log('Start to first answer: a fresh process imports the server, starts it and answers one GetAsset');
  const call = `new Request('http://127.0.0.1/portrait/?Action=GetAsset&Version=2024-01-01', { method: 'POST', headers: { authorization: 'Bearer ${apiKey}', 'content-type': 'application/json' }, body: JSON.stringify({ Id: 'asset-20260318035710-xxxxx' }) })`;
  const sources = {
    'emulator, in-process (createEmulator, then handle)': `const started = performance.now();
      const { createEmulator } = await import('./dist/src/emulator/index.js');
      const reply = await createEmulator().handle(${call});
      if (reply.status !== 404) throw new Error('unexpected ' + reply.status);
      console.log(performance.now() - started);`,
    'Prism mock (startMock on a port, then one request)': `const started = performance.now();
      const { startMock } = await import('./dist/src/mock/index.js');
      const mock = await startMock({ port: 0 });
      const request = ${call};
      const reply = await fetch(mock.url + '/portrait/?Action=GetAsset&Version=2024-01-01', { method: 'POST', headers: request.headers, body: await request.text() });
      if (reply.status !== 200) throw new Error('unexpected ' + reply.status);
      console.log(performance.now() - started);
      await mock.close();`,
  };
  for (const [name, source] of Object.entries(sources)) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', source], { cwd: projectRoot });
      runs.push(Number(stdout.trim()));
    }
    runs.sort((a, b) => a - b);
    report(name, `${Math.round(runs[2] ?? Number.NaN)} ms (median of 5)`);
  }
}

async function validation() {
  const { validateResponse } = await shipped.validators();
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

/**
 * `--explore` against the in-process emulator: sequences per second where it finds nothing, and,
 * over the 17 emulators broken on purpose (tests/contract/broken-emulators.ts) and five seeds,
 * how many `--explore 100` catches and the median length it shrinks them to. It runs the teeth
 * tests' harness from the sources (through tsx): the broken emulators live with the tests.
 */
async function exploration() {
  console.log('Exploration: runContract --explore against the in-process emulator (the sources), the scripted checks skipped');
  const { exploreAgainst, expectedGrade } = await import('../tests/contract/explore-teeth.js');
  const { brokenEmulators } = await import('../tests/contract/broken-emulators.js');
  const runs = 500;
  const started = performance.now();
  const clean = await exploreAgainst(undefined, runs, 1);
  if (clean.status !== 'passed') throw new Error(`the unbroken emulator differs from the model:\n${clean.messages.join('\n')}`);
  report('explore sequences per second (unbroken emulator)', `${Math.round(runs / ((performance.now() - started) / 1000))}`);
  const seeds = [1, 2, 3, 4, 5];
  const lengths: number[] = [];
  const caughtEmulators = new Set<string>();
  for (const broken of brokenEmulators) {
    for (const seed of seeds) {
      const result = await exploreAgainst(broken, 100, seed);
      if (result.status !== expectedGrade(broken) || !result.exploration) continue;
      lengths.push(result.exploration.sequence.length);
      caughtEmulators.add(broken.name);
    }
  }
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  const runsTotal = brokenEmulators.length * seeds.length;
  report(
    'explore median shrunk length',
    `${median ?? Number.NaN} calls; --explore 100 caught ${lengths.length} of ${runsTotal} runs (${brokenEmulators.length} broken emulators × ${seeds.length} seeds), ${caughtEmulators.size} of the ${brokenEmulators.length} in at least one; goal at most 6`,
    '≤ 6',
    (median ?? Infinity) <= 6,
  );
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
if (only === 'client') await clientOverhead();
else if (only === 'stages') await stages();
else if (only === 'explore') await exploration();
else if (only === 'wall') await wallTimes();
else {
  await clientOverhead();
  await throughput();
  await stages();
  await startup();
  await validation();
  await exploration();
  if (!process.env.BENCH_SKIP_WALL) await wallTimes();
}

console.log('\n| figure | value | goal | met |\n| --- | --- | --- | --- |');
for (const { figure, value, goal, met } of rows) console.log(`| ${figure} | ${value} | ${goal} | ${met === undefined ? '' : met ? 'yes' : 'no'} |`);
