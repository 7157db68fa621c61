/**
 * Data flows one way: domain modules (control, diff, evidence, output) call
 * the overlay core, which calls geometry, which calls the engine. This test
 * reads the import statements of every source file under `src/geometry/`
 * and `src/overlay/` (with the TypeScript parser, so that no import hides
 * in a comment or a string) and fails when one of them reaches back up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const LOWER = ['geometry', 'overlay'];
const DOMAIN = ['control', 'diff', 'evidence', 'output'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The top folder under src/ that a relative import lands in, or null for packages. */
function folderOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(src, resolve(dirname(file), specifier)).split(/[\\/]/)[0] ?? null;
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
});
