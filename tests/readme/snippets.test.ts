// Every ```ts block of the README, CONTRIBUTING.md and docs/ compiles against the project as it is,
// the package's own names resolving to the sources. A block that uses `client` without creating it
// gets one declared.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { packageSources } from './package-sources.js';

const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(projectRoot, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const blocks = pages.flatMap((page) =>
  [...readFileSync(join(projectRoot, page), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => ({ name: `${page.replace(/\W/g, '-')}.snippet-${i}.ts`, code: match[1] ?? '' })),
);
const clientPrelude = "import type { PortraitClient as ReadmeClient } from '@portrait-api/toolkit';\ndeclare const client: ReadmeClient;\n";

function compileErrors(sources: Map<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(projectRoot, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  // The package's own names resolve to its sources, not to a dist/ that may not be built.
  const paths = Object.fromEntries(Object.entries(packageSources).map(([name, source]) => [name, [source]]));
  const options = { ...config.options, paths, baseUrl: projectRoot };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.fileExists = (file) => sources.has(file) || ts.sys.fileExists(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = sources.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && sources.has(d.file.fileName))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${d.file!.fileName.replace(projectRoot, '')}:${line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
}

it('finds the snippets of the README and of docs/', () => {
  expect(blocks.filter((block) => block.name.startsWith('README')).length).toBeGreaterThanOrEqual(5);
  expect(blocks.filter((block) => block.name.startsWith('docs')).length).toBeGreaterThanOrEqual(4);
});

it('compiles every TypeScript snippet of the README and of docs/', () => {
  const sources = new Map(
    blocks.map(({ name, code }) => {
      const needsClient = /\bclient\b/.test(code) && !/const client\b/.test(code);
      return [join(projectRoot, name), `${needsClient ? clientPrelude : ''}${code}\nexport {};\n`];
    }),
  );
  expect(compileErrors(sources)).toEqual([]);
}, 60_000);
