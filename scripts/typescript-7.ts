// TypeScript 7's `tsc`, which type-checks the project in `npm test` and compiles the docs'
// snippets: what `npm install -D typescript` gives users, in a quarter of 5.9's CPU. By its path:
// npm links either TypeScript's `tsc` into node_modules/.bin. 5.9 (`typescript`) stays for the
// build and every use of the compiler's API (openapi-typescript needs its `ts.factory`).
import { join } from 'node:path';
import { projectRoot } from './project-root.js';

export const typeScript7 = join(projectRoot, 'node_modules', 'typescript-7', 'bin', 'tsc');
