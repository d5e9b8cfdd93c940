import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The published-package test (publish to a local registry, install into fresh projects,
// type-check and run them: about a minute and a quarter) runs on its own, with `npm run test:package`,
// so that `npm test` stays a quick loop; .ci/run runs both, the package test's part that depends
// on Node also on 22 and 24 (`npm run test:node -- 22 24`).
const packageTest = 'tests/package/registry.test.ts';
const packageOnly = process.env.PORTRAIT_PACKAGE_TEST === '1';
// A test's long form (*.long.test.ts: each check from a fresh page, every Action, more runs) is
// left to `npm run test:long`, which sets PORTRAIT_LONG_TESTS; `npm test` runs its short form,
// which still fails on the defects the long one guards.
const longTests = '**/*.long.test.ts';
const withLong = process.env.PORTRAIT_LONG_TESTS === '1';

/**
 * The files that take longest (over 4 s on a clean clone), longest first, started first. vitest
 * orders by the timings of earlier runs, and without them (a clean clone, as in CI) by size: the
 * explorer's teeth, a short file of 17 explorations, came last and ran alone for 13 s after every
 * other file had ended, and the README's snippets (one compile of 6 s) for the last 6.
 */
export const longestFiles = [
  'tests/contract/explore.test.ts',
  'tests/contract/explore-teeth.test.ts',
  'tests/cli/commands.test.ts',
  'tests/browser/explorer-page.test.ts',
  'tests/package/declarations.test.ts',
  'tests/interop/linters.test.ts',
  'tests/browser/docs-page.test.ts',
  'tests/readme/snippets.test.ts',
  'tests/contract/broken-emulators.test.ts',
  'tests/judges/differential.test.ts',
  'tests/browser/try-page.test.ts',
  'tests/client/retries.test.ts',
  'tests/browser/start-command.test.ts',
  'tests/contract/hostile-servers.test.ts',
  'tests/contract/contract.test.ts',
  'tests/load/emulator-load.test.ts',
  'tests/package/api-report.test.ts',
  'tests/fuzz/request-bodies.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const known = longestFiles.indexOf(relative(file.project.config.root, file.moduleId));
      return known < 0 ? longestFiles.length : known;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: packageOnly ? [packageTest] : ['tests/**/*.test.ts'],
    exclude: packageOnly ? configDefaults.exclude : [...configDefaults.exclude, packageTest, ...(withLong ? [] : [longTests])],
    // Chooses (and if need be unpacks) the browser once for the browser tests, and builds the
    // commands the command tests spawn.
    globalSetup: packageOnly ? [] : ['tests/browser/global-setup.ts', 'tests/cli/global-setup.ts'],
    // vitest keeps a core free by default, which on this project's 2-core machines means one
    // worker; the tests wait on sockets, browsers, child processes and timers more than they
    // compute, so one worker more than the cores fills the seconds in which every worker waits
    // (2026-12-07, 2 cores: vitest took 46 to 52 s with three workers, 52 to 56 s with two).
    maxWorkers: availableParallelism() + 1,
    // V8 collects a worker's garbage on helper threads besides its own; with more workers than
    // cores those threads only compete with the other workers, Chromium and the commands for the
    // same cores. One thread a worker spent 4% less CPU over the suite (2026-12-08, 2 cores: 99 to
    // 105 CPU s against 106 to 108).
    execArgv: ['--single-threaded-gc'],
    // A worker runs its files one after another in one module graph, instead of a fresh one per
    // file: the spec's validators, Prism and the emulator load once a worker, not 88 times (about
    // 70 of vitest's 290 CPU seconds). No test file relies on a fresh module; the ones that stub
    // globals, the environment or timers restore them.
    isolate: false,
    // A page, a child process or a socket may take seconds to show what a test waits for on a busy
    // machine: expect.poll waits up to 15 s (its default, 1 s, failed CI runs there).
    expect: { poll: { timeout: 15_000 } },
    sequence: { sequencer: LongestFirst },
    // The same for a whole test: vitest's default of 5 s failed tests that parse 80,000 levels of
    // nesting or start a command when the machine's load was 12. A test that hangs still fails.
    testTimeout: 60_000,
    // And for a hook: a beforeAll that starts three mocks took over vitest's default of 10 s at a
    // load of 7.
    hookTimeout: 60_000,
    // Type-level tests (*.test-d.ts) are compiled, never run.
    typecheck: { enabled: !packageOnly, include: ['tests/**/*.test-d.ts'] },
  },
});
