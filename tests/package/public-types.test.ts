// Teams compile with `exactOptionalPropertyTypes` (TypeScript 5.9's `tsc --init` turns it on), where
// `baseUrl: process.env.PORTRAIT_BASE_URL` only fits an option typed `baseUrl?: string | undefined`.
// So every optional property of every type the package exports, from any entry, says `| undefined`.
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { packageSources } from '../readme/package-sources.js';

const entries = Object.values(packageSources)
  .filter((source) => source.startsWith('./src/'))
  .map((source) => join(projectRoot, source));

/** `Type.property` for each optional property of an exported type, declared in src/, that refuses `undefined`. */
function optionalPropertiesRefusingUndefined(): { checked: number; refusing: string[] } {
  const program = ts.createProgram(entries, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    exactOptionalPropertyTypes: true,
    resolveJsonModule: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const inSource = (node: ts.Node) => node.getSourceFile().fileName.startsWith(join(projectRoot, 'src/'));
  const refusing = new Set<string>();
  let checked = 0;
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!);
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

it('lets every optional property of the public types be set to undefined', () => {
  const { checked, refusing } = optionalPropertiesRefusingUndefined();
  // The client's, the waiters', the emulator's, the mock's and the contract's options at least.
  expect(checked).toBeGreaterThan(30);
  expect(refusing).toEqual([]);
}, 60_000);
