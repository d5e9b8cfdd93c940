// The API report: what each module entry of the package exports, as the declarations a user's
// compiler sees (TypeScript's own declaration emit, without comments), one Markdown file per
// entry under api/. `npm run api-report` writes them; a test fails when one is stale, so that a
// change of the public surface is a diff someone reviews. The report also holds what the exports
// reach but do not export (an option's shape declared in an internal module): a change there
// changes what users meet as much. Names declared in generated/ are listed by name only: their
// shapes are the document's, which generated/ and check:breaking already show.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { declarationProgram } from './declaration-program.js';
import { moduleEntries, type ModuleEntry } from './module-entries.js';

export const reportDir = 'api';

export interface ApiReport {
  entry: ModuleEntry;
  text: string;
}

/** A name declared in src/, with its statements as the emitted declarations write them. */
interface Declared {
  key: string;
  name: string;
  path: string;
  source: ts.SourceFile;
  statements: ts.Statement[];
}

/** The report of every module entry under `root`, from the build's declaration program. */
export function apiReports(root: string, program: ts.Program = declarationProgram(root)): ApiReport[] {
  const declarations = new EmittedDeclarations(root, program);
  return moduleEntries(root).map((entry) => ({ entry, text: reportText(entry, declarations.ofEntry(entry)) }));
}

interface EntryDeclarations {
  generated: { name: string; path: string; typeOnly: boolean }[];
  exported: Declared[];
  reachable: Declared[];
}

/** Declarations as TypeScript emits them for each source file, emitted on first use and kept. */
class EmittedDeclarations {
  private readonly checker: ts.TypeChecker;
  private readonly emitted = new Map<ts.SourceFile, ts.SourceFile>();

  constructor(
    private readonly root: string,
    private readonly program: ts.Program,
  ) {
    this.checker = program.getTypeChecker();
  }

  ofEntry(entry: ModuleEntry): EntryDeclarations {
    const sourceFile = this.program.getSourceFile(join(this.root, entry.source));
    const moduleSymbol = sourceFile && this.checker.getSymbolAtLocation(sourceFile);
    if (!moduleSymbol) throw new Error(`${entry.name}: ${entry.source} is not a module`);
    const found: EntryDeclarations = { generated: [], exported: [], reachable: [] };
    for (const exported of this.checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(exported) : exported;
      const source = symbol.declarations?.[0]?.getSourceFile();
      if (!source) throw new Error(`${entry.name}: ${exported.name} has no declaration`);
      const path = relative(this.root, source.fileName);
      if (this.isGenerated(source)) {
        found.generated.push({ name: exported.name, path, typeOnly: !(symbol.flags & ts.SymbolFlags.Value) });
        continue;
      }
      const declared = this.declaredIn(source, symbol.name);
      if (!declared) throw new Error(`${entry.name}: no declaration of ${symbol.name} in what ${path} emits`);
      found.exported.push(declared.name === exported.name ? declared : { ...declared, name: exported.name });
    }
    const seen = new Set(found.exported.map(({ key }) => key));
    const pending = [...found.exported];
    for (let next = pending.pop(); next; next = pending.pop()) {
      for (const reached of this.references(next)) {
        if (seen.has(reached.key)) continue;
        seen.add(reached.key);
        found.reachable.push(reached);
        pending.push(reached);
      }
    }
    return found;
  }

  private isGenerated(source: ts.SourceFile): boolean {
    return relative(this.root, source.fileName).startsWith('generated/');
  }

  private declarationFile(source: ts.SourceFile): ts.SourceFile {
    if (source.isDeclarationFile) return source;
    let declarations = this.emitted.get(source);
    if (!declarations) {
      this.program.emit(source, (name, text) => {
        declarations = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
      }, undefined, true);
      if (!declarations) throw new Error(`TypeScript emitted no declarations for ${relative(this.root, source.fileName)}`);
      this.emitted.set(source, declarations);
    }
    return declarations;
  }

  /** The declaration `name` is in `source`'s own scope: declared there, or imported into it. */
  private declaredIn(source: ts.SourceFile, name: string): Declared | undefined {
    const statements = this.declarationFile(source).statements;
    const own = statements.filter((statement) => declaresName(statement, name));
    if (own.length > 0) {
      const path = relative(this.root, source.fileName);
      return { key: `${path}#${name}`, name, path, source, statements: own };
    }
    for (const statement of statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const bindings = statement.importClause?.namedBindings;
      const binding = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((element) => element.name.text === name) : undefined;
      if (binding) return this.exportedFrom(source, statement.moduleSpecifier.text, (binding.propertyName ?? binding.name).text);
    }
    return undefined;
  }

  /** The declaration a module exports as `name`, through its re-exports; none for a package's or generated/'s. */
  private exportedFrom(from: ts.SourceFile, specifier: string, name: string): Declared | undefined {
    const source = this.moduleFile(from, specifier);
    if (!source || this.isGenerated(source)) return undefined;
    const own = this.declaredIn(source, name);
    if (own) return own;
    for (const statement of this.declarationFile(source).statements) {
      if (!ts.isExportDeclaration(statement)) continue;
      const inner = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause && inner) {
        const starred = this.exportedFrom(source, inner, name);
        if (starred) return starred;
      } else if (clause && ts.isNamedExports(clause)) {
        const element = clause.elements.find((item) => item.name.text === name);
        if (!element) continue;
        const original = (element.propertyName ?? element.name).text;
        return inner ? this.exportedFrom(source, inner, original) : this.declaredIn(source, original);
      }
    }
    return undefined;
  }

  private moduleFile(from: ts.SourceFile, specifier: string): ts.SourceFile | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = resolve(dirname(from.fileName), specifier).replace(/\.js$/, '');
    return this.program.getSourceFile(`${base}.ts`) ?? this.program.getSourceFile(`${base}.d.ts`);
  }

  /** What `declared`'s statements name that is declared in src/: types, bases, `typeof` values. */
  private references(declared: Declared): Declared[] {
    const found: Declared[] = [];
    const visit = (node: ts.Node) => {
      let reached: Declared | undefined;
      if (ts.isTypeReferenceNode(node)) reached = this.declaredIn(declared.source, leftmost(node.typeName));
      else if (ts.isExpressionWithTypeArguments(node) && ts.isIdentifier(node.expression)) reached = this.declaredIn(declared.source, node.expression.text);
      else if (ts.isTypeQueryNode(node)) reached = this.declaredIn(declared.source, leftmost(node.exprName));
      else if (ts.isImportTypeNode(node) && node.qualifier && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        reached = this.exportedFrom(declared.source, node.argument.literal.text, leftmost(node.qualifier));
      }
      if (reached) found.push(reached);
      ts.forEachChild(node, visit);
    };
    declared.statements.forEach(visit);
    return found;
  }
}

function leftmost(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : leftmost(name.left);
}

function declaresName(statement: ts.Statement, name: string): boolean {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name);
  const named = ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement);
  return named && statement.name?.text === name;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: Declared, b: Declared) => compare(a.name, b.name) || compare(a.path, b.path);

function declarationText({ statements }: Declared): string {
  return statements.map((statement) => statement.getText().replace(/^(export )?(declare )?/, '')).join('\n');
}

function reportText(entry: ModuleEntry, { generated, exported, reachable }: EntryDeclarations): string {
  const lines = [
    `# ${entry.name}`,
    '',
    `What this entry exports, built from \`${entry.source}\`. Written by \`npm run api-report\`; do not edit.`,
    'A change here changes what users of the package meet: review it as a change of its API.',
  ];
  const paths = [...new Set(generated.map(({ path }) => path))].sort(compare);
  if (paths.length > 0) {
    lines.push('', '## From generated/', '', 'Shaped by the document: a change to them shows in generated/ and in `npm run check:breaking`.', '', '```ts');
    for (const path of paths) {
      for (const typeOnly of [false, true]) {
        const names = generated.filter((item) => item.path === path && item.typeOnly === typeOnly).map(({ name }) => name).sort(compare);
        if (names.length > 0) lines.push(`export ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${path}';`);
      }
    }
    lines.push('```');
  }
  if (exported.length > 0) {
    const renamed = (item: Declared) => (item.statements.some((statement) => declaresName(statement, item.name)) ? '' : `// exported as ${item.name}\n`);
    lines.push('', '## Declared in src/', '', '```ts', [...exported].sort(byName).map((item) => renamed(item) + declarationText(item)).join('\n\n'), '```');
  }
  if (reachable.length > 0) {
    lines.push('', '## Reached from the exports, not exported', '', 'Users meet these in the types above but cannot import them by name.', '', '```ts');
    lines.push([...reachable].sort(byName).map((item) => declarationText(item)).join('\n\n'), '```');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes each report under `root`'s api/, and deletes the reports of entries package.json no longer has. */
export async function writeApiReports(root: string, reports: ApiReport[]): Promise<void> {
  await mkdir(join(root, reportDir), { recursive: true });
  for (const { entry, text } of reports) await writeFile(join(root, reportDir, entry.reportFile), text);
  for (const file of await orphanReports(root, reports)) await rm(join(root, reportDir, file));
}

async function orphanReports(root: string, reports: ApiReport[]): Promise<string[]> {
  const written = new Set(reports.map(({ entry }) => entry.reportFile));
  const files = await readdir(join(root, reportDir)).catch(() => []);
  return files.filter((name) => name.endsWith('.api.md') && !written.has(name));
}

/**
 * Each report that differs from the one under api/, as `<entry>: <file> is stale` with the lines
 * it adds (+) and drops (-), and each file under api/ that no entry writes any more.
 */
export async function staleReports(root: string, reports: ApiReport[]): Promise<string[]> {
  const stale: string[] = [];
  for (const { entry, text } of reports) {
    const path = join(reportDir, entry.reportFile);
    const committed = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (committed === undefined) stale.push(`${entry.name}: ${path} is missing`);
    else if (committed !== text) stale.push([`${entry.name}: ${path} is stale`, ...changedLines(committed, text)].join('\n'));
  }
  for (const file of await orphanReports(root, reports)) stale.push(`${join(reportDir, file)} reports no entry of package.json's exports`);
  return stale;
}

function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  const current = new Set(after.split('\n'));
  return [...[...current].filter((line) => !old.has(line)).map((line) => `  + ${line}`), ...[...old].filter((line) => !current.has(line)).map((line) => `  - ${line}`)];
}
