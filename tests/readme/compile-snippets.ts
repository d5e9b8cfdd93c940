// Compiles markdown's TypeScript snippets against the project as it is, the package's own names
// resolving to the sources, as another team's code imports them.
import { join } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../scripts/project-root.js';
import { packageSources } from './package-sources.js';

/** The ```ts blocks of a markdown text. */
export function typeScriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** The compiler's errors in `sources` (file name to text), each as `/file:line message`. */
export function compileErrors(sources: Map<string, string>): string[] {
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
