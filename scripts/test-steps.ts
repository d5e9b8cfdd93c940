// Runs the steps of `npm test` side by side: the quiet ones keep what they print, shown once all
// are done (in full when a step failed or warned), so a failure is the last thing on the screen;
// the loud one (vitest) prints as it goes. The exit code is 1 when any step failed.
import { spawn } from 'node:child_process';

export interface Step {
  name: string;
  command: string;
  args: string[];
}

interface StepOutcome {
  name: string;
  code: number;
  output: string;
}

export interface StepRun {
  cwd: string;
  /** Where the quiet steps' outcomes go; default stdout. */
  write?: (text: string) => void;
  /** A step's output worth showing even when it passed. */
  worthShowing?: (output: string) => boolean;
}

function runStep({ name, command, args }: Step, cwd: string, quiet: boolean): Promise<StepOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: quiet ? 'pipe' : 'inherit' });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.once('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.once('close', (code) => resolve({ name, code: code ?? 1, output }));
  });
}

export async function runSteps(quiet: Step[], loud: Step, run: StepRun): Promise<number> {
  const { cwd, write = (text) => process.stdout.write(text), worthShowing = () => false } = run;
  const outcomes = await Promise.all([...quiet.map((step) => runStep(step, cwd, true)), runStep(loud, cwd, false)]);
  for (const outcome of outcomes.slice(0, quiet.length)) {
    write(`\n${outcome.name}: ${outcome.code === 0 ? 'passed' : `FAILED (exit ${outcome.code})`}\n`);
    if (outcome.code !== 0 || worthShowing(outcome.output)) write(outcome.output);
  }
  const failed = outcomes.filter(({ code }) => code !== 0).map(({ name }) => name);
  write(failed.length === 0 ? `\nAll passed: ${outcomes.map(({ name }) => name).join(', ')}\n` : `\nFAILED: ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : 1;
}
