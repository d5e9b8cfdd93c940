// The public surface is what each entry of package.json's exports offers, and api/ holds a report
// of it (`npm run api-report`): a change to what users can import, or to a shape they meet
// through it, is a diff in api/ that someone reviews. declarations.test.ts fails, naming the
// entry, while api/ is stale; this shows on a small package what the report holds and that a
// stale one fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiReports, staleReports, writeApiReports } from '../../scripts/surface/api-report.js';

describe('the report of a small package', () => {
  const root = mkdtempSync(join(tmpdir(), 'portrait-api-report-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const entry = (name: string) => ({ types: `./dist/src/${name}/index.d.ts`, default: `./dist/src/${name}/index.js` });
  write('package.json', JSON.stringify({ name: '@fixture/kit', exports: { '.': entry('main'), './extra': { browser: entry('light'), ...entry('extra') }, './data': './dist/data.json' } }));
  write('tsconfig.build.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, rootDir: '.', outDir: 'dist', types: [] }, files: ['src/main/index.ts'] }));
  write('src/main/index.ts', "export { start, type Options } from '../internal/start.js';\n");
  write('src/internal/start.ts', 'interface Address { host: string }\nexport interface Options { at?: Address }\nexport function start(options: Options = {}) { return { options }; }\nexport function helper() {}\n');
  write('src/extra/index.ts', 'export const limit = 10;\n');
  write('src/light/index.ts', 'export const limit = 10;\n');

  it('lists each exported name with its declared type, and the shapes they reach', async () => {
    const reports = apiReports(root);
    expect(reports.map(({ entry }) => entry.reportFile)).toEqual(['kit.api.md', 'extra.browser.api.md', 'extra.api.md']);
    const main = reports[0]?.text ?? '';
    expect(main).toContain('function start(options?: Options): {\n    options: Options;\n};');
    expect(main).toContain('interface Address {\n    host: string;\n}');
    expect(main).not.toContain('helper');
    await writeApiReports(root, reports);
    expect(await staleReports(root, apiReports(root))).toEqual([]);
  });

  it('names the entry whose exports changed, and what changed', async () => {
    write('src/extra/index.ts', 'export const limit = 10;\nexport function added(): void {}\n');
    expect(await staleReports(root, apiReports(root))).toEqual(['@fixture/kit/extra: api/extra.api.md is stale\n  + function added(): void;']);
  });

  it('names the entry when a shape it reaches but does not export changes', async () => {
    write('src/internal/start.ts', 'interface Address { host: string; port: number }\nexport interface Options { at?: Address }\nexport function start(options: Options = {}) { return { options }; }\n');
    const stale = await staleReports(root, apiReports(root));
    expect(stale.map((message) => message.split('\n')[0])).toEqual(['@fixture/kit: api/kit.api.md is stale', '@fixture/kit/extra: api/extra.api.md is stale']);
    expect(stale[0]).toContain('  +     port: number;');
  });

  it('names a report whose entry is gone', async () => {
    write('package.json', JSON.stringify({ name: '@fixture/kit', exports: { '.': entry('main') } }));
    const stale = await staleReports(root, apiReports(root));
    expect(stale).toContain("api/extra.api.md reports no entry of package.json's exports");
    expect(stale).toContain("api/extra.browser.api.md reports no entry of package.json's exports");
  });
});
