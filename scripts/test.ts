// `npm test`: the lint of the document and the type-check run beside the vitest suite instead of
// before it: each keeps a core busy for seconds, while vitest mostly waits on sockets, browsers and
// child processes. tsc type-checks tests/ with the rest, *.test-d.ts included, so vitest does not
// type-check those a second time. Arguments go to vitest (npm test -- tests/cli/).
import { join } from 'node:path';
import { projectRoot } from './project-root.js';
import { runSteps } from './test-steps.js';
import { typeScript7 } from './typescript-7.js';

const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);

process.exitCode = await runSteps(
  [
    { name: 'lint (redocly lint)', command: bin('redocly'), args: ['lint', '--format=stylish'] },
    // TypeScript 7 (scripts/typescript-7.ts): 4 CPU s, where 5.9 takes 16 to 21. Incremental: a
    // run after a small change re-checks what it touches.
    { name: 'typecheck (tsc --noEmit, TypeScript 7)', command: typeScript7, args: ['--noEmit', '--incremental', '--tsBuildInfoFile', join(projectRoot, 'node_modules', '.cache', 'portrait-typecheck.tsbuildinfo')] },
  ],
  { name: 'vitest', command: bin('vitest'), args: ['run', '--typecheck.enabled=false', ...process.argv.slice(2)] },
  // A warning fails nothing but is shown: the document is kept free of them.
  { cwd: projectRoot, worthShowing: (output) => /You have \d+ warnings?/.test(output) },
);
