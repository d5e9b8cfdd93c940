// The emulator's command line, shared by `portrait-emulator` (`npm run emulator`) and `npm start`
// (the emulator with the docs site): flags, start, where it listens and which keys work, and a
// clean close on SIGINT/SIGTERM. Given a command after `--`, it serves that command alone: on a
// free port, with PORTRAIT_BASE_URL and PORTRAIT_API_KEY set, and stops when the command ends,
// exiting with its status.
import { corsOriginsFrom } from '../server/cors.js';
import type { EmulatorServerOptions, RunningEmulator } from '../emulator/index.js';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { faultFlags, faultOptionsFrom, faultSummary } from './fault-flags.js';
import { stopOnSignalsOrParentExit, whenParentExits } from './stop-server.js';
import { commandAfterFlags, fail, fromFlag, listenFlags, messageOf, parseCommandLine, usageError, wholeNumberFrom, type CommandLine, type Flag } from './command-line.js';

/** How long a served command has to end after SIGTERM, once the process that started the emulator is gone. */
const commandGraceMs = 5000;

/**
 * What a command adds to the emulator's own options (npm start: the site's pages, built first),
 * from `prepare`, which runs once the flags are read (and not for --help), before the emulator
 * starts: what it needs loads then.
 */
export interface EmulatorCommandExtras {
  prepare: () => Promise<Pick<EmulatorServerOptions, 'handler'>>;
}

export function emulatorCommandLine(name: string, summary: string) {
  return {
    name,
    summary,
    flags: {
      ...listenFlags,
      tenants: { type: 'string', value: 'file', description: 'a JSON array of { customerId, apiKeys, aigc?, groupQuota?, assetQuota? }; else the demo tenants' },
      'processing-delay': { type: 'string', value: 'ms', description: 'how long a new asset stays Processing', default: '3000' },
      'rate-limits': { type: 'string', value: 'document|off', description: "each Action's rate limit as the document gives it (the upstream's), or none", default: 'document' },
      'public-url': { type: 'string', value: 'origin', description: 'where clients reach it, for the links in replies; else the listening address' },
      'cors-origin': { type: 'string', value: 'origins', description: 'origins whose pages may call it: *, none, or a comma-separated list', default: '*' },
      ...faultFlags,
      quiet: { type: 'boolean', description: 'no line per request', default: 'false' },
    },
    notes: [
      'Environment: PORT (the default port), PORTRAIT_EMULATOR_TENANTS (a tenants file when --tenants is not given).',
      `Example: ${name} --port 4011 --processing-delay 500`,
      `Testing retries and timeouts: ${name} --latency 20-300 --fault-rate 0.2 --fault-kinds 429,reset --fault-seed 42`,
      `After -- a command to serve: ${name} [options] -- <command...> starts on a free port (unless --port or PORT says),`,
      '  runs the command with PORTRAIT_BASE_URL and PORTRAIT_API_KEY (the first tenant\'s first key) set, stops, and exits with its status.',
    ],
    runsCommand: true,
  } as const satisfies CommandLine<Record<string, Flag>>;
}

export async function runEmulatorCommand(command: ReturnType<typeof emulatorCommandLine>, extras?: EmulatorCommandExtras): Promise<RunningEmulator> {
  const values = parseCommandLine(command);
  const served = commandAfterFlags();
  // A command is served on a free port, unless one is asked for.
  const flagWords = process.argv.slice(2, process.argv.indexOf('--'));
  const portGiven = flagWords.some((word) => word === '--port' || word.startsWith('--port=')) || Boolean(process.env.PORT);
  const port = served.length > 0 && !portGiven ? 0 : wholeNumberFrom(command, '--port', values.port, 0, 65535);
  const processingDelayMs = wholeNumberFrom(command, '--processing-delay', values['processing-delay'], 0);
  const rateLimits = values['rate-limits'];
  if (rateLimits !== 'document' && rateLimits !== 'off') usageError(command, `--rate-limits must be document or off, not ${JSON.stringify(rateLimits)}`);
  const corsOrigins = fromFlag(command, '--cors-origin', () => corsOriginsFrom(values['cors-origin']));
  const faults = faultOptionsFrom(command, values);
  // The emulator (the document, its validators, the server) loads once the usage, the version, an
  // unknown flag and a bad value are past: each of those is a start of a fraction of the time.
  const [{ demoTenants, loadTenants, startEmulator }, { publicUrlOrigin }] = await Promise.all([import('../emulator/index.js'), import('../emulator/server.js')]);
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined) fromFlag(command, '--public-url', () => publicUrlOrigin(publicUrl));

  const tenantsFile = values.tenants ?? (process.env.PORTRAIT_EMULATOR_TENANTS || undefined);
  const tenants = tenantsFile ? await loadTenants(tenantsFile).catch((error: unknown) => fail(messageOf(error), 2)) : undefined;

  const added = await extras?.prepare();
  const running = await startEmulator({
    port,
    host: values.host,
    processingDelayMs,
    ...(rateLimits === 'off' ? { rateLimits: false } : {}),
    corsOrigins,
    ...(tenants ? { tenants } : {}),
    publicUrl,
    ...faults,
    ...added,
    ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
  }).catch((error: unknown) => fail(messageOf(error), 1));

  const faultLines = faultSummary(faults, running.emulator.faultSeed);
  if (served.length > 0) {
    // Beside the command's own output, where a failed CI run shows it.
    for (const line of faultLines) console.error(line);
    return serve(running, served, (tenants ?? demoTenants)[0]?.apiKeys[0] ?? '');
  }
  // Before the first line: whoever waits for it may signal at once.
  stopOnSignalsOrParentExit(running);
  console.log(`Portrait emulator listening on ${running.url}`);
  if (tenants) {
    // Keys from a file may be real secrets: say how many customers, never which keys.
    console.log(`Tenants: ${tenants.length} customer${tenants.length === 1 ? '' : 's'} from ${tenantsFile}`);
  } else {
    console.log(`Demo API keys: ${demoTenants.map((tenant) => `${tenant.apiKeys.join(', ')} (customer ${tenant.customerId})`).join(', ')}`);
  }
  for (const line of faultLines) console.log(line);
  return running;
}

/** Runs `words` against `running`, then stops it and exits with the command's status. */
function serve(running: RunningEmulator, words: string[], apiKey: string): Promise<never> {
  const [file = '', ...args] = words;
  // The program only: its arguments may hold a secret.
  console.error(`Portrait emulator on ${running.url}, serving ${file}`);
  const child = spawn(file, args, { stdio: 'inherit', env: { ...process.env, PORTRAIT_BASE_URL: running.url, PORTRAIT_API_KEY: apiKey } });
  // Ctrl-C or a supervisor's SIGTERM goes to the command, whose end stops the emulator.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  // A script's kill of the npm or npx in front reaches neither: the command is told, and its end
  // stops the emulator.
  whenParentExits(() => {
    child.kill('SIGTERM');
    // A command that ignores SIGTERM would keep itself and the emulator running with no one to stop them.
    setTimeout(() => child.kill('SIGKILL'), commandGraceMs).unref();
  });
  return new Promise<never>(() => {
    const stop = (code: number) => void running.close().finally(() => process.exit(code));
    child.once('error', (error) => {
      console.error(`${file} could not be run: ${error.message}`);
      stop(127);
    });
    // Ended by a signal: 128 + its number, as a shell reports it.
    child.once('exit', (code, signal) => stop(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
