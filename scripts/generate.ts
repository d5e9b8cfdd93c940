// `npm run generate` writes generated/ from openapi/; `-- --check` only reports stale files.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderGenerated } from './codegen/render-generated.js';
import { projectRoot } from './project-root.js';

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const file of await renderGenerated()) {
  const target = join(projectRoot, file.path);
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current === file.contents) continue;
  stale.push(file.path);
  if (!check) await writeFile(target, file.contents);
}
if (check && stale.length > 0) {
  console.error(`Stale, run \`npm run generate\`: ${stale.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log(stale.length > 0 ? `Wrote ${stale.join(', ')}` : 'generated/ is up to date');
}
