// `npm run check:breaking`: lists what in the current document would break clients of the last
// release (openapi/released/portrait.openapi.json); exit code 1 if anything would.
// `npm run check:breaking -- --release` records the current document as the new release.
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../src/codegen/generate.js';
import { findBreakingChanges } from '../src/spec/breaking-changes.js';

const releasedPath = join(projectRoot, 'openapi/released/portrait.openapi.json');
const currentPath = join(projectRoot, 'generated/portrait.openapi.json');

if (process.argv.includes('--release')) {
  await copyFile(currentPath, releasedPath);
  console.log('Recorded generated/portrait.openapi.json as the released document.');
} else {
  const [released, current] = await Promise.all([releasedPath, currentPath].map(async (path) => JSON.parse(await readFile(path, 'utf8'))));
  const changes = findBreakingChanges(released, current);
  for (const { action, where, change } of changes) console.log(`${action}: ${where}: ${change}`);
  console.log(changes.length === 0 ? 'No breaking changes since the last release.' : `${changes.length} breaking change(s) since the last release.`);
  process.exitCode = changes.length === 0 ? 0 : 1;
}
