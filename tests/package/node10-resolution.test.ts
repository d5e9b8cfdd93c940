// Teams still on `"moduleResolution": "node"` (node10, which reads no `exports`) find every entry's
// types through package.json's `typesVersions`. Checked as such a team would meet them: the build's
// declarations laid out as the package ships them, under node_modules, imported by a program
// compiled with node10. An entry added to `exports` without its `typesVersions` line fails here.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';

type Target = string | { types?: string };
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; exports: Record<string, Target> };

const scratch = mkdtempSync(join(tmpdir(), 'portrait-node10-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The declarations `npm run build` would ship, in <scratch>/node_modules/<name>/, with package.json and the JSON views. */
function installBuiltDeclarations(): string {
  const packageDir = join(scratch, 'node_modules', manifest.name);
  const build = ts.getParsedCommandLineOfConfigFile(join(projectRoot, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!build) throw new Error('tsconfig.build.json could not be read');
  const program = ts.createProgram(build.fileNames, { ...build.options, outDir: join(packageDir, 'dist'), emitDeclarationOnly: true });
  const { diagnostics } = program.emit();
  if (diagnostics.length > 0) throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => projectRoot, getNewLine: () => '\n' }));
  // What the build script copies beside tsc's output: the types entry and the views.
  const generated = join(packageDir, 'dist/generated');
  for (const file of readdirSync(join(projectRoot, 'generated'))) {
    if (file === 'schema.d.ts' || file.endsWith('.json')) copyFileSync(join(projectRoot, 'generated', file), join(generated, file));
  }
  copyFileSync(join(projectRoot, 'package.json'), join(packageDir, 'package.json'));
  return packageDir;
}

/** One import per entry of `exports`, each used so that an entry resolved to `any` fails too (an unused @ts-expect-error). */
function consumerSource(): string {
  const firstView = readdirSync(join(projectRoot, 'generated')).find((file) => file.endsWith('.json')) ?? '';
  const lines: string[] = [];
  Object.entries(manifest.exports)
    .filter(([entry]) => entry !== './package.json')
    .forEach(([entry, target], index) => {
      const specifier = `${manifest.name}${entry.slice(1).replace('*.json', firstView)}`;
      const json = typeof target === 'string' && target.endsWith('.json');
      lines.push(json ? `import entry${index} from '${specifier}';` : `import * as entry${index} from '${specifier}';`);
      lines.push(`// @ts-expect-error no entry exports this`, `export const missing${index} = entry${index}.noSuchExport;`);
    });
  return `${lines.join('\n')}\n`;
}

it('resolves every entry of the package under moduleResolution node (node10)', () => {
  installBuiltDeclarations();
  const consumer = join(scratch, 'consumer.ts');
  writeFileSync(consumer, consumerSource());
  const program = ts.createProgram([consumer], {
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  expect(problems).toEqual([]);
  // Resolved from the package's declarations, not from anywhere else.
  const resolvedFrom = program.getSourceFiles().map((file) => file.fileName).filter((name) => name.includes(`/node_modules/${manifest.name}/`));
  expect(resolvedFrom).toContain(join(scratch, 'node_modules', manifest.name, 'dist/generated/schema.d.ts'));
}, 120_000);
