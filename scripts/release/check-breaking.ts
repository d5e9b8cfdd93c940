// What `npm run check:breaking` does in a checkout at `root`: lists what in the current document
// (generated/) would break clients of the last release (openapi/released/), and fails (code 1)
// when anything would unless package.json's version is a new major one (below 1.0, a new minor)
// since that release; with `release`, records the current document and version as the release.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findBreakingChanges, raisesMajorVersion } from './breaking-changes.js';

export interface BreakingCheck {
  code: 0 | 1;
  /** What the command prints, line by line. */
  output: string;
}

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

export async function checkBreaking(root: string, { release }: { release: boolean }): Promise<BreakingCheck> {
  const releasedPath = join(root, 'openapi/released/portrait.openapi.json');
  const releaseInfoPath = join(root, 'openapi/released/release.json');
  const currentPath = join(root, 'generated/portrait.openapi.json');
  const { version } = (await readJson(join(root, 'package.json'))) as { version: string };

  if (release) {
    await copyFile(currentPath, releasedPath);
    await writeFile(releaseInfoPath, `${JSON.stringify({ version }, null, 2)}\n`);
    return { code: 0, output: `Recorded generated/portrait.openapi.json as the document released with version ${version}.\n` };
  }
  const [released, current, releaseInfo] = await Promise.all([releasedPath, currentPath, releaseInfoPath].map(readJson));
  const releasedVersion = (releaseInfo as { version: string }).version;
  const changes = findBreakingChanges(released as never, current as never);
  const lines = changes.map(({ action, where, change }) => `${action}: ${where}: ${change}`);
  let code: 0 | 1 = 0;
  if (changes.length === 0) {
    lines.push(`No breaking changes since the release of ${releasedVersion}.`);
  } else if (raisesMajorVersion(releasedVersion, version)) {
    lines.push(`${changes.length} breaking change(s) since ${releasedVersion}, allowed: ${version} is a new major version.`);
  } else {
    lines.push(
      `${changes.length} breaking change(s) since ${releasedVersion}, but ${version} is not a new major version. ` +
        'Raise it (npm version major; below 1.0, npm version minor) and say what breaks in CHANGELOG.md, or undo the change.',
    );
    code = 1;
  }
  return { code, output: `${lines.join('\n')}\n` };
}
