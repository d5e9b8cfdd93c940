// `npm test` runs its steps side by side (scripts/test-steps.ts): a failing step still fails the
// run and its output is shown, whichever step it is; a passing quiet step shows only its name. The
// files vitest.config.ts starts first, as the longest, all exist: a renamed one would drop out unseen.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { runSteps, type Step } from '../../scripts/test-steps.js';

const node = (name: string, script: string): Step => ({ name, command: process.execPath, args: ['-e', script] });
const passing = node('lint', "console.log('lint output')");

async function run(quiet: Step[], loud: Step, worthShowing?: (output: string) => boolean) {
  let printed = '';
  const code = await runSteps(quiet, loud, { cwd: process.cwd(), write: (text) => (printed += text), ...(worthShowing ? { worthShowing } : {}) });
  return { code, printed };
}

describe('the steps of npm test', () => {
  it('exit 0 when every step passes, naming each, and keep a passing step quiet', async () => {
    const { code, printed } = await run([passing], node('vitest', '0'));
    expect(code).toBe(0);
    expect(printed).toContain('lint: passed');
    expect(printed).not.toContain('lint output');
    expect(printed).toContain('All passed: lint, vitest');
  });

  it('exit 1 when a quiet step fails, with its output, both streams, and its exit code', async () => {
    const { code, printed } = await run([passing, node('typecheck', "console.log('out'); console.error('error TS2344'); process.exit(2)")], node('vitest', '0'));
    expect(code).toBe(1);
    expect(printed).toContain('typecheck: FAILED (exit 2)');
    expect(printed).toContain('out\n');
    expect(printed).toContain('error TS2344');
    expect(printed).toMatch(/FAILED: typecheck\n$/);
  });

  it('exit 1 when the loud step fails, or a command cannot start', async () => {
    expect((await run([passing], node('vitest', 'process.exit(1)'))).printed).toMatch(/FAILED: vitest\n$/);
    const missing = await run([{ name: 'lint', command: '/no/such/command', args: [] }], node('vitest', '0'));
    expect(missing.code).toBe(1);
    expect(missing.printed).toContain('lint: FAILED');
    expect(missing.printed).toContain('ENOENT');
  });

  it('show a passing step whose output is worth showing: a lint warning', async () => {
    const { code, printed } = await run([node('lint', "console.log('You have 1 warning.')")], node('vitest', '0'), (output) => output.includes('warning'));
    expect(code).toBe(0);
    expect(printed).toContain('You have 1 warning.');
  });
});

describe('the order vitest starts files in', () => {
  it('names only files that exist among the longest, which start first', async () => {
    const { longestFiles } = await import('../../vitest.config.js');
    expect(longestFiles.length).toBeGreaterThan(0);
    expect(longestFiles.filter((file) => !existsSync(join(projectRoot, file)))).toEqual([]);
  });
});
