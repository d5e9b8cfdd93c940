// Compiles markdown's TypeScript snippets against the project as it is, the package's own names
// resolving to the sources, as another team's code imports them: with TypeScript 7, which the
// README has users install (scripts/typescript-7.ts), as strictly as the project's own tsconfig and
// with Node's types, as the README's type-check command. Each snippet is a file in a scratch
// directory under node_modules/.cache, so that packages resolve as from the project.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../scripts/project-root.js';
import { typeScript7 } from '../../scripts/typescript-7.js';
import { packageSources } from './package-sources.js';

/** The ```ts blocks of a markdown text. */
export function typeScriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** The compiler's errors in `snippets` (file name to text), each as `/file:line message`; a file outside them by its path in the project. */
export async function compileErrors(snippets: Map<string, string>): Promise<string[]> {
  const cache = join(projectRoot, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const scratch = await mkdtemp(join(cache, 'portrait-snippets-'));
  try {
    for (const [name, text] of snippets) await writeFile(join(scratch, name), text);
    // The package's own names resolve to its sources, not to a dist/ that may not be built.
    const paths = Object.fromEntries(Object.entries(packageSources).map(([name, source]) => [name, [join(projectRoot, source)]]));
    const config = { extends: join(projectRoot, 'tsconfig.json'), compilerOptions: { paths, types: ['node'] }, include: [], files: [...snippets.keys()] };
    await writeFile(join(scratch, 'tsconfig.json'), JSON.stringify(config));
    const compiled = await promisify(execFile)(process.execPath, [typeScript7, '--project', join(scratch, 'tsconfig.json'), '--pretty', 'false'], {
      cwd: projectRoot,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      () => ({ failed: false, stdout: '' }),
      (error: { code?: unknown; stdout?: string; message: string }) => {
        if (typeof error.code !== 'number') throw error;
        return { failed: true, stdout: error.stdout ?? '' };
      },
    );
    const errors = [...compiled.stdout.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/gm)].map(([, file = '', line, message]) => {
      const path = resolve(projectRoot, file);
      const shown = relative(scratch, path).startsWith('..') ? relative(projectRoot, path) : relative(scratch, path);
      return `/${shown}:${line} ${message}`;
    });
    if (compiled.failed && errors.length === 0) throw new Error(`TypeScript 7 failed on the snippets and named no error:\n${compiled.stdout}`);
    return errors;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
