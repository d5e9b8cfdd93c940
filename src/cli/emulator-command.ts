// The emulator's command line, shared by `npm run emulator` (the bare emulator) and `npm start`
// (the emulator with the docs site): parse the flags, start, print where it listens and which
// keys work, and close on SIGINT/SIGTERM.
//   --port <n>                default 4010
//   --tenants <file>          a JSON array of { customerId, apiKeys, aigc?, groupQuota?, assetQuota? };
//                             else the file named by PORTRAIT_EMULATOR_TENANTS; else the demo tenants
//   --processing-delay <ms>   how long a new asset stays Processing; default 3000
//   --public-url <origin>     where clients reach it, for the links in replies; default the listening address
import { parseArgs } from 'node:util';
import { demoTenants, loadTenants, startEmulator, type EmulatorServerOptions, type RunningEmulator } from '../emulator/index.js';
import { closeOnSignals } from './close-on-signals.js';

/** What a command adds to the emulator's own options (npm start: the site's pages). */
export type EmulatorCommandExtras = Pick<EmulatorServerOptions, 'handler'>;

export async function runEmulatorCommand(extras: EmulatorCommandExtras = {}): Promise<RunningEmulator> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      tenants: { type: 'string' },
      'processing-delay': { type: 'string', default: '3000' },
      'public-url': { type: 'string' },
    },
  });

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not ${JSON.stringify(values.port)}`, 2);
  const processingDelayMs = Number(values['processing-delay']);
  if (!Number.isFinite(processingDelayMs) || processingDelayMs < 0) {
    fail(`--processing-delay must be a number of milliseconds, not ${JSON.stringify(values['processing-delay'])}`, 2);
  }

  const tenantsFile = values.tenants ?? (process.env.PORTRAIT_EMULATOR_TENANTS || undefined);
  const tenants = tenantsFile ? await loadTenants(tenantsFile).catch((error: unknown) => fail(messageOf(error), 2)) : undefined;

  const running = await startEmulator({
    port,
    processingDelayMs,
    ...(tenants ? { tenants } : {}),
    publicUrl: values['public-url'],
    ...extras,
    log: (line) => console.log(line),
  }).catch((error: unknown) => fail(messageOf(error), 1));

  // Before the first line: whoever waits for it may signal at once.
  closeOnSignals(running);
  console.log(`Portrait emulator listening on ${running.url}`);
  if (tenants) {
    // Keys from a file may be real secrets: say how many customers, never which keys.
    console.log(`Tenants: ${tenants.length} customer${tenants.length === 1 ? '' : 's'} from ${tenantsFile}`);
  } else {
    console.log(`Demo API keys: ${demoTenants.map((tenant) => `${tenant.apiKeys.join(', ')} (customer ${tenant.customerId})`).join(', ')}`);
  }
  return running;
}

export function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
