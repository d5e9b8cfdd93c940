import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { findBreakingChanges as findIn, raisesMajorVersion } from '../../scripts/release/breaking-changes.js';
import { checkBreaking } from '../../scripts/release/check-breaking.js';
import type { OpenApiDocument } from '../../src/protocol/index.js';
import { apiVersion } from '../../src/protocol/index.js';

type Json = Record<string, any>;
const findBreakingChanges = (before: Json, after: Json) => findIn(before as OpenApiDocument, after as OpenApiDocument);
const load = (path: string): Json => JSON.parse(readFileSync(join(projectRoot, path), 'utf8'));
const released = load('openapi/released/portrait.openapi.json');
const current = load('generated/portrait.openapi.json');
const packageVersion = load('package.json').version as string;
const releasedVersion = load('openapi/released/release.json').version as string;

/** The current document with one edit. */
function changed(edit: (document: Json) => void): Json {
  const copy = structuredClone(current);
  edit(copy);
  return copy;
}

const schemas = (document: Json) => document.components.schemas;
const path = (action: string) => `/portrait/?Action=${action}&Version=${apiVersion}`;

it('finds nothing that breaks clients of the last release', () => {
  expect(findBreakingChanges(released, current)).toEqual([]);
});

describe('reports', () => {
  it.each([
    ['a removed Action', (d: Json) => delete d.paths[path('DeleteAsset')], { action: 'DeleteAsset', change: 'the Action was removed' }],
    ['a removed response field', (d: Json) => delete schemas(d).AssetItem.properties.URL, { action: 'GetAsset', where: 'response Result.URL' }],
    ['a response field made optional', (d: Json) => (schemas(d).AssetItem.required = ['Id']), { action: 'GetAsset', change: 'the field is no longer always present' }],
    ['a retyped response field', (d: Json) => (schemas(d).ListAssetsResult.properties.TotalCount = { type: 'string' }), { action: 'ListAssets', where: 'response Result.TotalCount' }],
    ['a retyped nested response field', (d: Json) => (schemas(d).AssetItem.properties.Status = { type: 'integer' }), { action: 'ListAssets', where: 'response Result.Items[].Status' }],
    ['a newly required request field', (d: Json) => schemas(d).CreateAssetRequest.required.push('Name'), { action: 'CreateAsset', where: 'request Name', change: 'the field is newly required' }],
    ['a new required request field', (d: Json) => {
      schemas(d).GetAssetRequest.properties.Region = { type: 'string' };
      schemas(d).GetAssetRequest.required.push('Region');
    }, { action: 'GetAsset', where: 'request Region' }],
    ['a narrowed request enum', (d: Json) => (schemas(d).AssetType.enum = ['Image', 'Video']), { action: 'CreateAsset', where: 'request AssetType', change: 'the enum no longer accepts "Audio"' }],
    ['a narrowed nested request enum', (d: Json) => (schemas(d).AssetStatus.enum = ['Active', 'Failed']), { action: 'ListAssets', where: 'request Filter.Statuses[]' }],
    ['a removed request field', (d: Json) => delete schemas(d).ListAssetsRequest.properties.SortBy, { action: 'ListAssets', where: 'request SortBy', change: 'the field was removed' }],
    ['a tightened request limit', (d: Json) => (schemas(d).PageSize.maximum = 50), { action: 'ListAssets', change: 'maximum tightened from 100 to 50' }],
  ])('%s', (_, edit, expected) => {
    expect(findBreakingChanges(released, changed(edit))).toContainEqual(expect.objectContaining(expected));
  });
});

describe('accepts', () => {
  it.each([
    ['a new optional request field', (d: Json) => (schemas(d).GetAssetRequest.properties.Verbose = { type: 'boolean' })],
    ['a new response field', (d: Json) => (schemas(d).AssetItem.properties.LastInferenceTime = { type: 'string' })],
    ['a wider request enum', (d: Json) => (schemas(d).AssetType.enum = ['Image', 'Video', 'Audio', 'Model'])],
    ['a looser request limit', (d: Json) => (schemas(d).Name.maxLength = 128)],
    ['a new Action', (d: Json) => (d.paths[path('CopyAsset')] = d.paths[path('GetAsset')])],
    ['new descriptions and examples', (d: Json) => {
      d.paths[path('GetAsset')].post.description = 'Reworded.';
      schemas(d).AssetItem.properties.Name.examples = ['side-face'];
    }],
  ])('%s', (_, edit) => {
    expect(findBreakingChanges(released, changed(edit))).toEqual([]);
  });
});

describe('the version a breaking change needs', () => {
  it.each([
    ['1.4.2', '2.0.0', true],
    ['1.4.2', '1.5.0', false],
    ['1.4.2', '1.4.3', false],
    ['1.4.2', '1.4.2', false],
    ['0.1.0', '0.2.0', true],
    ['0.1.0', '1.0.0', true],
    ['0.1.0', '0.1.1', false],
    ['0.1.0', '0.1.0', false],
    ['2.0.0', '1.9.0', false],
    ['1.0.0', '2.0.0-rc.1', true],
  ])('from %s to %s: %s', (from, to, raised) => {
    expect(raisesMajorVersion(from, to)).toBe(raised);
  });

  it('refuses a version that is not semver', () => {
    expect(() => raisesMajorVersion('1.0', '2.0.0')).toThrow(/"1.0" is not a semver version/);
  });
});

describe('npm run check:breaking', () => {
  /** The script on a copy of this checkout's documents at `version`, the current one edited by `edit`. */
  /** The check on a checkout holding `version` and the edited document: in-process, or as the command (exit code and stdout). */
  async function checkAt(version: string, edit: (document: Json) => void, args: string[] = [], asCommand = false) {
    const root = await mkdtemp(join(tmpdir(), 'portrait-release-'));
    try {
      const files: Record<string, unknown> = {
        'package.json': { name: '@portrait-api/toolkit', version },
        'openapi/released/portrait.openapi.json': released,
        'openapi/released/release.json': { version: releasedVersion },
        'generated/portrait.openapi.json': changed(edit),
      };
      for (const [path, value] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), JSON.stringify(value));
      }
      const run = (extra: string[]) =>
        asCommand
          ? promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/check-breaking.ts', '--root', root, ...extra], { cwd: projectRoot }).then(
              ({ stdout }) => ({ code: 0, stdout }),
              (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
            )
          : checkBreaking(root, { release: extra.includes('--release') }).then(({ code, output }) => ({ code, stdout: output }));
      const first = await run(args);
      const releaseInfo = JSON.parse(await readFile(join(root, 'openapi/released/release.json'), 'utf8')) as unknown;
      return { ...first, releaseInfo, again: await run([]) };
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  const dropDeleteAsset = (d: Json) => delete d.paths[path('DeleteAsset')];
  const [major, minor] = releasedVersion.split('.').map(Number) as [number, number];
  const nextMajor = major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;

  it('passes on this checkout: the released version is recorded and has a CHANGELOG entry, as does package.json\'s', () => {
    const changelog = readFileSync(join(projectRoot, 'CHANGELOG.md'), 'utf8');
    for (const version of [releasedVersion, packageVersion]) expect(changelog).toMatch(new RegExp(`^## ${version.replaceAll('.', '\\.')} - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(raisesMajorVersion(packageVersion, releasedVersion)).toBe(false);
  });

  it('fails on a breaking change at the released version, or a minor or patch above it', async () => {
    // The first as `npm run check:breaking` runs it: its exit code is what fails a release.
    for (const [index, version] of [releasedVersion, releasedVersion.replace(/\d+$/, (patch) => String(Number(patch) + 1))].entries()) {
      const { code, stdout } = await checkAt(version, dropDeleteAsset, [], index === 0);
      expect(code).toBe(1);
      expect(stdout).toContain(`DeleteAsset: /portrait/?Action=DeleteAsset&Version=${apiVersion}: the Action was removed\n`);
      expect(stdout).toContain(`but ${version} is not a new major version`);
    }
  }, 120_000);

  it('allows it once the major version is raised', async () => {
    const { code, stdout } = await checkAt(nextMajor, dropDeleteAsset);
    expect(stdout).toContain(`1 breaking change(s) since ${releasedVersion}, allowed: ${nextMajor} is a new major version.`);
    expect(code).toBe(0);
  }, 120_000);

  it('records the document and the version with --release, after which nothing is breaking', async () => {
    const { code, releaseInfo, again } = await checkAt(nextMajor, dropDeleteAsset, ['--release']);
    expect(code).toBe(0);
    expect(releaseInfo).toEqual({ version: nextMajor });
    expect(again).toEqual({ code: 0, stdout: `No breaking changes since the release of ${nextMajor}.\n` });
  }, 120_000);
});
