// The program the build's declarations come from: every module entry under `root`, compiled with
// its tsconfig.build.json, as `npm run build` is, emitting declarations only and without comments.
// The API report reads it; the package tests share one, since each costs seconds of CPU.
import { join, sep } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../project-root.js';
import { moduleEntries } from './module-entries.js';

export function declarationProgram(root: string): ts.Program {
  const configFile = join(root, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`${configFile} could not be read`);
  const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, removeComments: true };
  return ts.createProgram(moduleEntries(root).map((entry) => join(root, entry.source)), options, compilerHost(options));
}

/** This project's installed packages: TypeScript's libs, @types/node, the dependencies' types. */
const installed = join(projectRoot, 'node_modules') + sep;
/** Their declaration files as parsed, kept for the next program. */
const installedFiles = new Map<string, ts.SourceFile>();

/**
 * TypeScript's own host, but for the declaration files this project installed, which nothing
 * changes while a process runs: each is parsed once, and every later program takes it as parsed
 * (and bound) already. The libs alone cost each program about half a CPU second.
 */
export function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreateNew) => {
    if (shouldCreateNew || !fileName.startsWith(installed) || !fileName.endsWith('.d.ts')) return parse(fileName, languageVersion, onError, shouldCreateNew);
    const key = `${fileName}\n${JSON.stringify(languageVersion)}`;
    let file = installedFiles.get(key);
    if (!file) {
      file = parse(fileName, languageVersion, onError);
      if (file) installedFiles.set(key, file);
    }
    return file;
  };
  return host;
}
