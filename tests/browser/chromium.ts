// Which Chromium the browser tests drive, so that `npm ci && npm test` passes on a fresh machine:
// PORTRAIT_CHROMIUM when set, else the system's Chromium when present, else the one shipped inside
// the @sparticuz/chromium npm package. PORTRAIT_BROWSER=registry forces that one (CI uses it, to
// prove what a machine without a system browser does).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';

/** How the tests launch it: headless, and reaching nothing on its own (no updates, sync or QUIC). */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface ChromiumChoice {
  executablePath: string;
  /** How it was chosen, for the test output. */
  source: string;
  /** What `--version` printed. */
  version: string;
}

export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const named = env.PORTRAIT_CHROMIUM;
  if (named) {
    if (!existsSync(named)) throw new Error(`PORTRAIT_CHROMIUM names ${named}, which does not exist.`);
    return { executablePath: named, source: 'PORTRAIT_CHROMIUM', version: await chromiumVersion(named) };
  }
  const forced = env.PORTRAIT_BROWSER;
  if (forced !== undefined && forced !== '' && forced !== 'registry') {
    throw new Error(`PORTRAIT_BROWSER=${forced} is not understood: leave it unset, or set it to "registry".`);
  }
  const system = forced === 'registry' ? undefined : systemChromiumPaths.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'the system Chromium', version: await chromiumVersion(system) };
  return registryChromium();
}

/**
 * @sparticuz/chromium unpacks its browser into the temporary directory on first use and trusts
 * any file already there, so one cut short (an interrupted run) would fail every later launch:
 * a browser that cannot say its version is unpacked again, once.
 */
async function registryChromium(): Promise<ChromiumChoice> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const source = 'the @sparticuz/chromium npm package';
  const executablePath = await sparticuz.executablePath();
  try {
    return { executablePath, source, version: await chromiumVersion(executablePath) };
  } catch {
    await rm(executablePath, { force: true });
    const again = await sparticuz.executablePath();
    return { executablePath: again, source, version: await chromiumVersion(again) };
  }
}

async function chromiumVersion(executablePath: string): Promise<string> {
  const { stdout } = await promisify(execFile)(executablePath, ['--headless', '--no-sandbox', '--version'], { timeout: 30_000 });
  return stdout.trim();
}
