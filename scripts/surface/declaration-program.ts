// The program the build's declarations come from: every module entry under `root`, compiled with
// its tsconfig.build.json, as `npm run build` is, emitting declarations only and without comments.
// The API report reads it; the package tests share one, since each costs seconds of CPU.
import { join } from 'node:path';
import ts from 'typescript';
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
  return ts.createProgram(
    moduleEntries(root).map((entry) => join(root, entry.source)),
    { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, removeComments: true },
  );
}
