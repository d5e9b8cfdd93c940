import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderGenerated } from '../../scripts/codegen/render-generated.js';
import { projectRoot } from '../../scripts/project-root.js';

it('generated/ is what `npm run generate` writes from openapi/', async () => {
  const stale: string[] = [];
  for (const file of await renderGenerated()) {
    const committed = await readFile(join(projectRoot, file.path), 'utf8').catch(() => '');
    if (committed !== file.contents) stale.push(file.path);
  }
  expect(stale, 'stale files: run `npm run generate` and commit generated/').toEqual([]);
}, 60_000);
