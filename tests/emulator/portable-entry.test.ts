// The emulator's browser entry (portable.ts, the `browser` condition of
// `@portrait-api/toolkit/emulator`) needs no Node: bundled for the browser, it imports no Node
// builtin, so browsers, MSW's service worker and Storybook can run it. Chromium runs it in
// tests/browser/msw-worker.test.ts.
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterEach, expect, it, vi } from 'vitest';
import { createEmulator } from '../../src/emulator/portable.js';
import { projectRoot } from '../../scripts/project-root.js';
import manifest from '../../package.json' with { type: 'json' };

/** Each import of a Node builtin in the graph of `entry`, as `importer -> builtin`. */
async function nodeImports(entry: string): Promise<string[]> {
  const found: string[] = [];
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const recordBuiltins: Plugin = {
    name: 'record-node-builtins',
    setup(build) {
      build.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (!builtins.has(path) && !path.startsWith('node:')) return undefined;
        found.push(`${relative(projectRoot, importer)} -> ${path}`);
        return { path, external: true };
      });
    },
  };
  await build({ entryPoints: [join(projectRoot, entry)], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', plugins: [recordBuiltins] });
  return found;
}

it('bundles the browser entry for the browser without any Node builtin', async () => {
  expect(await nodeImports('src/emulator/portable.ts')).toEqual([]);
}, 60_000);

it('tells the Node builtins of the full entry, so the check above can fail', async () => {
  expect(await nodeImports('src/emulator/index.ts')).toEqual(expect.arrayContaining([expect.stringMatching(/ -> node:http$/), expect.stringMatching(/ -> node:fs\/promises$/)]));
}, 60_000);

it('points the browser condition of the emulator entry at the browser entry', () => {
  const { browser } = manifest.exports['./emulator'];
  expect(browser).toEqual({ types: './dist/src/emulator/portable.d.ts', default: './dist/src/emulator/portable.js' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

it('says at creation when the page has no Web Crypto to sign media links with (not a secure context)', () => {
  vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(bytes: T) => bytes });
  expect(() => createEmulator()).toThrow(
    new TypeError('The emulator signs media links with Web Crypto (crypto.subtle), which only a secure context has: serve the page over https or from localhost.'),
  );
});
