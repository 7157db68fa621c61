/**
 * Data flows one way: domain modules (control, diff, evidence, output) call
 * the overlay core, which calls geometry, which calls the engine. This test
 * reads the import statements of every source file under `src/geometry/`
 * and `src/overlay/` (with the TypeScript parser, so that no import hides
 * in a comment or a string) and fails when one of them reaches back up,
 * directly or through the imports of what it imports (type-only imports
 * count: a type that lives in the domain drags the domain in). It also
 * holds `diff/` above `control/`: diff builds on control maps, so nothing
 * `control/` reaches may come from `diff/`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const LOWER = ['geometry', 'overlay'];
const DOMAIN = ['control', 'diff', 'evidence', 'output'];
/**
 * Everything `src/geometry/` and `src/overlay/` may reach through imports of
 * imports: themselves, the errors, the shared helpers, time, and the model's
 * schemas' types that areas and claims are written in (`places/` gives the
 * area reference that `AreaLike` names, a type only: resolving one against
 * the places is `control/`'s `coordinatesOf`, above the overlay; `claims/`
 * gives the control statuses, and its schema brings `actors/` and
 * `personnel/`). A folder not listed here, or a
 * file at the top of `src/`, fails the test until it is judged and listed.
 */
const BELOW = ['geometry', 'overlay', 'errors', '_lib', 'time', 'places', 'claims', 'actors', 'personnel'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const parsed = new Map<string, { all: string[]; values: string[] }>();

/**
 * Every module specifier a file imports or re-exports, static or dynamic
 * (`all`), and those it imports for their values, which run (`values`):
 * `all` less `import type`, `export type` and `import('…')` in a type. An
 * import whose every binding is marked `type` (`import { type A } from …`)
 * is a value import: under `verbatimModuleSyntax` (tsconfig.json) it is
 * emitted as `import {} from …`, which loads and runs the module.
 */
function specifiersOf(file: string): { all: string[]; values: string[] } {
  const known = parsed.get(file);
  if (known !== undefined) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = { all: [] as string[], values: [] as string[] };
  const add = (specifier: string, typeOnly: boolean): void => {
    found.all.push(specifier);
    if (!typeOnly) found.values.push(specifier);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, found);
  return found;
}

const importsOf = (file: string): string[] => specifiersOf(file).all;
const valueImportsOf = (file: string): string[] => specifiersOf(file).values;

/** The top folder under src/ that a relative import lands in, or null for packages. */
function folderOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(src, resolve(dirname(file), specifier)).split(/[\\/]/)[0] ?? null;
}

/** The source file a relative import names (`./x.js` is `./x.ts`, a folder its `index.ts`), or null for packages. */
function fileOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(file), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, join(base, 'index.ts')]) if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  throw new Error(`${relative(src, file)} imports ${specifier}, which names no source file`);
}

/**
 * Every file `starts` reach through imports of imports, each with the chain
 * of files by which it is first reached (breadth first, so the chain is a
 * shortest one).
 */
function reachedFrom(starts: readonly string[], importsIn: (file: string) => string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>(starts.map((file) => [file, [file]]));
  const queue = [...starts];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const found of importsIn(next)) {
      if (chains.has(found)) continue;
      chains.set(found, [...chains.get(next)!, found]);
      queue.push(found);
    }
  }
  return chains;
}

const relativeImports = (file: string): string[] => importsOf(file).flatMap((specifier) => fileOf(file, specifier) ?? []);
const topOf = (file: string): string => relative(src, file).split(/[\\/]/)[0]!;
const shown = (chain: readonly string[]): string => chain.map((file) => relative(src, file)).join(' -> ');

/** The chains from `starts` to a file whose top folder `allowed` rejects. */
function escapes(starts: readonly string[], allowed: (top: string) => boolean, importsIn = relativeImports): string[] {
  return [...reachedFrom(starts, importsIn)].filter(([file]) => !allowed(topOf(file))).map(([, chain]) => shown(chain));
}

describe('import direction', () => {
  const files = LOWER.flatMap((folder) => sourceFiles(join(src, folder)));

  it('finds the files and their imports', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => importsOf(f).includes('../geometry/_engine.js'))).toBe(true);
  });

  it('no module under src/geometry/ or src/overlay/ imports from control/, diff/, evidence/ or output/', () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => DOMAIN.includes(folderOf(file, specifier) ?? ''))
        .map((specifier) => `${relative(src, file)} imports ${specifier}`),
    );
    expect(upward).toEqual([]);
  });

  it('would catch an upward import', () => {
    const file = join(src, 'overlay', 'example.ts');
    expect(DOMAIN.includes(folderOf(file, '../control/controlMap.js') ?? '')).toBe(true);
    expect(folderOf(file, './regions.js')).toBe('overlay');
  });

  it('nothing src/geometry/ or src/overlay/ reaches through imports of imports lies above them', () => {
    const reached = reachedFrom(files, relativeImports);
    // The walk does go past the folders' own files (places/ resolves areas; claims/ gives the statuses).
    expect([...reached.keys()].some((file) => topOf(file) === 'places')).toBe(true);
    expect(reached.size).toBeGreaterThan(files.length);
    expect(escapes(files, (top) => BELOW.includes(top))).toEqual([]);
  });

  it('what src/geometry/ and src/overlay/ run (value imports, of imports) is themselves, the errors and the shared helpers: no domain code', () => {
    const valueImports = (file: string): string[] => valueImportsOf(file).flatMap((specifier) => fileOf(file, specifier) ?? []);
    // The model's types (places/, claims/) are reached only by type imports.
    expect(escapes(files, (top) => ['geometry', 'overlay', 'errors', '_lib'].includes(top), valueImports)).toEqual([]);
    // And the rule would see one: a value import of the places' resolver, as overlay/regions.ts had until 2026-12-03.
    const probe = join(src, 'overlay', 'regions.ts');
    expect(folderOf(probe, '../places/_resolveAt.js')).toBe('places');
    expect(valueImportsOf(join(src, 'control', 'controlMap.ts'))).toContain('../places/_resolveAt.js');
    expect(valueImportsOf(join(src, 'overlay', 'types.ts'))).toEqual([]);
  });

  it('nothing src/control/ reaches through imports of imports comes from src/diff/', () => {
    const control = sourceFiles(join(src, 'control')).filter((file) => !file.endsWith('.test.ts'));
    expect(control.length).toBeGreaterThan(5);
    expect(escapes(control, (top) => top !== 'diff')).toEqual([]);
  });

  it('only the command line and the package entry reach src/output/ (the renderers sit on top of the domain)', () => {
    // The palette the domain's GeoJSON properties use lives in src/style/, below the domain;
    // output/ draws what the domain computed and nothing the domain computes comes from it.
    const domain = sourceFiles(src).filter((file) => !['output', 'cli'].includes(topOf(file)) && !file.endsWith('.test.ts') && relative(src, file) !== 'index.ts');
    expect(domain.length).toBeGreaterThan(50);
    expect(escapes(domain, (top) => top !== 'output')).toEqual([]);
  });

  it('would catch a forbidden import two steps away, and say by which chain', () => {
    const at = (name: string): string => join(src, name);
    const graph = new Map<string, string[]>([
      [at('geometry/a.ts'), [at('geometry/b.ts'), at('places/p.ts')]],
      [at('geometry/b.ts'), [at('geometry/a.ts')]],
      [at('places/p.ts'), [at('control/c.ts')]],
      [at('control/c.ts'), [at('diff/d.ts')]],
    ]);
    const importsIn = (file: string): string[] => graph.get(file) ?? [];
    expect(escapes([at('geometry/a.ts')], (top) => BELOW.includes(top), importsIn)).toEqual([
      'geometry/a.ts -> places/p.ts -> control/c.ts',
      'geometry/a.ts -> places/p.ts -> control/c.ts -> diff/d.ts',
    ]);
    expect(escapes([at('control/c.ts')], (top) => top !== 'diff', importsIn)).toEqual(['control/c.ts -> diff/d.ts']);
    expect(() => fileOf(at('overlay/x.ts'), './nowhere.js')).toThrow(/names no source file/);
  });
});
