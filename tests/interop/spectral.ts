// Spectral's `spectral:oas` ruleset on the generated views (linters.test.ts lints two of them and a
// broken one, linters.long.test.ts the other two): no error, and only the warnings the README
// lists and explains.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { actionNames, actions } from '../../src/protocol/index.js';

export const viewPath = (file: string) => join(projectRoot, 'generated', file);

export interface SpectralResult {
  code: string;
  path: string[];
  severity: number;
  source: string;
}

/** Spectral's CLI with `spectral:oas`, as JSON results; it exits 1 when there are errors. */
export async function spectral(files: string[]): Promise<SpectralResult[]> {
  const args = ['lint', ...files, '--ruleset', join(projectRoot, 'tests/interop/spectral-oas.yaml'), '--format', 'json', '--quiet'];
  const run = await promisify(execFile)(join(projectRoot, 'node_modules/.bin/spectral'), args, { maxBuffer: 32 * 2 ** 20 }).catch(
    (failure: { stdout: string }) => failure,
  );
  return JSON.parse(run.stdout) as SpectralResult[];
}

/** Checks that `results` hold no error for each of `views`, and only the warnings each kind of view is known for. */
export function expectOnlyKnownWarnings(results: SpectralResult[], views: readonly string[]): void {
  const found = (file: string, severity: number) =>
    results
      .filter((result) => result.source === viewPath(file) && result.severity === severity)
      .map((result) => `${result.code} ${result.path.join('.')}`)
      .sort();
  const unusedByOperations = ['oas3-unused-component components.schemas.PortraitCall', 'oas3-unused-component components.schemas.PortraitCallResult'];
  const queryInPathKeys = actionNames.map((action) => `path-not-include-query paths.${actions[action].path}`);
  for (const file of views) {
    expect(found(file, 0), file).toEqual([]);
    const expected = file.includes('single-endpoint') ? ['path-keys-no-trailing-slash paths./portrait/', ...unusedByOperations] : [...queryInPathKeys, ...unusedByOperations];
    expect(found(file, 1), file).toEqual(expected.sort());
  }
}
