// `npm run check:breaking`: lists what in the current document would break clients of the last
// release (openapi/released/), and exits 1 when anything would unless package.json's version is a
// new major one (below 1.0, a new minor) since that release.
// `npm run check:breaking -- --release` records the current document and version as the release.
// `--root <dir>` reads another checkout laid out like this one (the tests use it).
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './project-root.js';
import { findBreakingChanges, raisesMajorVersion } from './release/breaking-changes.js';

const { values } = parseArgs({ options: { release: { type: 'boolean', default: false }, root: { type: 'string', default: projectRoot } } });
const root = values.root;
const releasedPath = join(root, 'openapi/released/portrait.openapi.json');
const releaseInfoPath = join(root, 'openapi/released/release.json');
const currentPath = join(root, 'generated/portrait.openapi.json');

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const { version } = (await readJson(join(root, 'package.json'))) as { version: string };

if (values.release) {
  await copyFile(currentPath, releasedPath);
  await writeFile(releaseInfoPath, `${JSON.stringify({ version }, null, 2)}\n`);
  console.log(`Recorded generated/portrait.openapi.json as the document released with version ${version}.`);
} else {
  const [released, current, releaseInfo] = await Promise.all([releasedPath, currentPath, releaseInfoPath].map(readJson));
  const releasedVersion = (releaseInfo as { version: string }).version;
  const changes = findBreakingChanges(released, current);
  for (const { action, where, change } of changes) console.log(`${action}: ${where}: ${change}`);
  if (changes.length === 0) {
    console.log(`No breaking changes since the release of ${releasedVersion}.`);
  } else if (raisesMajorVersion(releasedVersion, version)) {
    console.log(`${changes.length} breaking change(s) since ${releasedVersion}, allowed: ${version} is a new major version.`);
  } else {
    console.log(
      `${changes.length} breaking change(s) since ${releasedVersion}, but ${version} is not a new major version. ` +
        'Raise it (npm version major; below 1.0, npm version minor) and say what breaks in CHANGELOG.md, or undo the change.',
    );
    process.exitCode = 1;
  }
}
