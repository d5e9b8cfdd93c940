// The declarations the package ships, checked as the teams that compile against them meet them.
// All three checks read one program, the build's (declarationProgram), which costs seconds of CPU:
// - api/ holds a report of each entry's exports (`npm run api-report`): a change to what users can
//   import, or to a shape they meet through it, is a diff someone reviews (api-report.test.ts shows
//   on a small package that a stale report fails);
// - teams still on `"moduleResolution": "node"` (node10, which reads no `exports`) find every
//   entry's types through package.json's `typesVersions`: the declarations laid out as the package
//   ships them, under node_modules, imported by a program compiled with node10;
// - teams compile with `exactOptionalPropertyTypes` (TypeScript 5.9's `tsc --init` turns it on),
//   where `baseUrl: process.env.PORTRAIT_BASE_URL` only fits an option typed
//   `baseUrl?: string | undefined`: every optional property of every exported type says `| undefined`.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { apiReports, staleReports } from '../../scripts/surface/api-report.js';
import { compilerHost, declarationProgram } from '../../scripts/surface/declaration-program.js';
import { moduleEntries } from '../../scripts/surface/module-entries.js';

type Target = string | { types?: string };
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; exports: Record<string, Target> };

let built: ts.Program | undefined;
beforeAll(() => {
  built = declarationProgram(projectRoot);
}, 120_000);
function program(): ts.Program {
  if (!built) throw new Error('the build program was not made');
  return built;
}

const scratch = mkdtempSync(join(tmpdir(), 'portrait-declarations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The declarations `npm run build` would ship, in <scratch>/node_modules/<name>/, with package.json and the JSON views. */
function installBuiltDeclarations(): string {
  const packageDir = join(scratch, 'node_modules', manifest.name);
  const outDir = program().getCompilerOptions().outDir ?? join(projectRoot, 'dist');
  const { diagnostics } = program().emit(undefined, (name, text) => {
    const shipped = join(packageDir, 'dist', relative(outDir, name));
    mkdirSync(dirname(shipped), { recursive: true });
    writeFileSync(shipped, text);
  });
  if (diagnostics.length > 0) throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => projectRoot, getNewLine: () => '\n' }));
  const generated = join(packageDir, 'dist/generated');
  mkdirSync(generated, { recursive: true });
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

/** `Type.property` for each optional property of an exported type, declared in src/, that refuses `undefined`. */
function optionalPropertiesRefusingUndefined(): { checked: number; refusing: string[] } {
  const entries = moduleEntries(projectRoot).map((entry) => join(projectRoot, entry.source));
  const options = program().getCompilerOptions();
  expect([options.strict, options.exactOptionalPropertyTypes]).toEqual([true, true]);
  const checker = program().getTypeChecker();
  const inSource = (node: ts.Node) => node.getSourceFile().fileName.startsWith(join(projectRoot, 'src/'));
  const refusing = new Set<string>();
  let checked = 0;
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program().getSourceFile(entry)!);
    for (const exported of checker.getExportsOfModule(module!)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
      if (!symbol.declarations?.some(inSource)) continue;
      for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
        const declaration = property.valueDeclaration;
        if (!(property.flags & ts.SymbolFlags.Optional) || !declaration || !inSource(declaration)) continue;
        if (!ts.isPropertySignature(declaration) || !declaration.type) continue;
        checked += 1;
        const type = checker.getTypeFromTypeNode(declaration.type);
        const parts = type.isUnion() ? type.types : [type];
        if (!parts.some((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Any | ts.TypeFlags.Unknown))) {
          refusing.add(`${symbol.name}.${property.name}`);
        }
      }
    }
  }
  return { checked, refusing: [...refusing].sort() };
}

describe('the declarations the package ships', () => {
  it('are reported in api/ as they are, for every entry (else run `npm run api-report` and review the diff)', async () => {
    const reports = apiReports(projectRoot, program());
    expect(reports.map(({ entry }) => entry.name)).toContain('@portrait-api/toolkit/spec/validators');
    expect(reports.map(({ entry }) => entry.name)).toContain('@portrait-api/toolkit/emulator (browser)');
    expect(await staleReports(projectRoot, reports)).toEqual([]);
  });

  it('resolve for every entry of the package under moduleResolution node (node10)', () => {
    installBuiltDeclarations();
    const consumer = join(scratch, 'consumer.ts');
    writeFileSync(consumer, consumerSource());
    const options: ts.CompilerOptions = {
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
    };
    const program = ts.createProgram([consumer], options, compilerHost(options));
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
    // Resolved from the package's declarations, not from anywhere else.
    const resolvedFrom = program.getSourceFiles().map((file) => file.fileName).filter((name) => name.includes(`/node_modules/${manifest.name}/`));
    expect(resolvedFrom).toContain(join(scratch, 'node_modules', manifest.name, 'dist/generated/schema.d.ts'));
  });

  it('let every optional property of the public types be set to undefined', () => {
    const { checked, refusing } = optionalPropertiesRefusingUndefined();
    // The client's, the waiters', the emulator's, the mock's and the contract's options at least.
    expect(checked).toBeGreaterThan(30);
    expect(refusing).toEqual([]);
  });
});
