// Two TypeScripts: the build, the declaration and hover tests and openapi-typescript use 5.9 (its
// API: TypeScript 7 has no `ts.factory`), and `npm test` type-checks and compiles the docs'
// snippets with 7 (scripts/typescript-7.ts). npm links either one's `tsc` into node_modules/.bin
// (`npm ci` and `npm install` choose differently), so every script names its compiler by path.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { typeScript7 } from '../../scripts/typescript-7.js';

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const versionOf = (directory: string) => (JSON.parse(readFileSync(join(projectRoot, 'node_modules', directory, 'package.json'), 'utf8')) as { version: string }).version;

describe('the two TypeScripts', () => {
  it('are 5.9 as typescript and 7 as typescript-7', () => {
    expect(versionOf('typescript')).toMatch(/^5\.9\./);
    expect(versionOf('typescript-7')).toMatch(/^7\./);
  });

  it('are each named by path in the scripts: the build runs 5.9, the type-check 7', () => {
    const bareTsc = Object.entries(manifest.scripts).filter(([, command]) => /(^|[\s&;|])(npx\s+)?tsc\s/.test(command));
    expect(bareTsc).toEqual([]);
    expect(manifest.scripts.build).toContain('node node_modules/typescript/bin/tsc -p tsconfig.build.json');
    expect(manifest.scripts.typecheck).toBe('node node_modules/typescript-7/bin/tsc --noEmit');
    expect(execFileSync(process.execPath, [typeScript7, '--version'], { encoding: 'utf8' })).toMatch(/^Version 7\./);
    expect(readFileSync(join(projectRoot, 'scripts/test.ts'), 'utf8')).toContain('command: typeScript7,');
  });
});
