// The README's pagination example runs as written, against the emulator with more Failed assets
// than a page holds (its pageSize cut to 2): every one of them is deleted, none skipped.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { withSourceImports } from './package-sources.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const example = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((block) => block.includes('paginateListAssets({ client'));

it('deletes every Failed asset, however many pages they take', async () => {
  expect(example).toBeDefined();
  const prelude = `import { createEmulator } from '@portrait-api/toolkit/emulator';
import { createPortraitClient as makeClient } from '@portrait-api/toolkit';
let now = Date.UTC(2026, 2, 18);
const emulator = createEmulator({ clock: () => now, processingDelayMs: 1000, rateLimits: false });
const client = makeClient({ apiKey: 'demo-key', baseUrl: 'http://emulator.local', fetch: emulator.handle });
const group = await client.createAssetGroup({ Name: 'pages' });
for (let i = 0; i < 7; i++) await client.createAsset({ GroupId: group.Id, URL: \`https://example.com/not-an-image-\${i}.txt\`, AssetType: 'Image' });
await client.createAsset({ GroupId: group.Id, URL: 'https://example.com/kept.png', AssetType: 'Image' });
now += 1000;
`;
  const body = (example ?? '').replace('pageSize: 100', 'pageSize: 2');
  const epilogue = `\nexport const left = { failed: (await client.listAssets({ Filter: { Statuses: ['Failed'] } })).TotalCount, all: (await client.listAssets({})).TotalCount };\n`;
  const directory = await mkdtemp(join(tmpdir(), 'portrait-readme-'));
  try {
    const file = join(directory, 'pagination.ts');
    await writeFile(file, withSourceImports(prelude + body + epilogue));
    const { left } = (await import(file)) as { left: { failed: number; all: number } };
    expect(left).toEqual({ failed: 0, all: 1 });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
