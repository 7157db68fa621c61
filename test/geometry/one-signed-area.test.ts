/**
 * One planar signed-area routine: `twiceSignedArea` and its twin on `{ x, y }`
 * paths in `src/geometry/_planar.ts`. Every other module calls them instead
 * of writing the shoelace again. This test reads every source file under
 * `src/` with the TypeScript parser and fails on a sum of cross products
 * (`s += a * b - c * d`, the shape of every shoelace or fan loop) outside
 * `_planar.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ringCentroid, twiceSignedArea, twiceSignedPathArea } from '../../src/geometry/_planar.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const HOME = join('geometry', '_planar.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function unwrap(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
}

function isProduct(node: ts.Expression): boolean {
  const inner = unwrap(node);
  return ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AsteriskToken;
}

/** The lines (1-based) of `text` that add a difference of two products to a running sum. */
function crossProductSums(name: string, text: string): number[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken || node.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken)) {
      const right = unwrap(node.right);
      if (ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.MinusToken && isProduct(right.left) && isProduct(right.right)) {
        lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('one planar signed-area routine', () => {
  it('is written only in geometry/_planar.ts', () => {
    const elsewhere = sourceFiles(src).flatMap((file) => {
      const name = relative(src, file);
      const text = readFileSync(file, 'utf8');
      // Only files with a compound sum of products somewhere are parsed (a statement ends at its semicolon).
      if (name === HOME || !/[+-]=[^;]*\*[^;]*-[^;]*\*/.test(text)) return [];
      return crossProductSums(name, text).map((line) => `${name}:${line}`);
    });
    expect(elsewhere).toEqual([]);
  });

  it('finds the routine where it is, and would find a copy', () => {
    expect(crossProductSums(HOME, readFileSync(join(src, HOME), 'utf8'))).toHaveLength(2);
    const shoelace = 'let s = 0;\nfor (let i = 1; i < r.length; i++) s += r[i - 1][0] * r[i][1] - r[i][0] * r[i - 1][1];\n';
    const fan = 'let t = 0;\nfor (const [p, q] of edges) {\n  t += (p.x - o.x) * (q.y - o.y) - (q.x - o.x) * (p.y - o.y);\n}\n';
    expect(crossProductSums('copy.ts', shoelace)).toEqual([2]);
    expect(crossProductSums('copy.ts', fan)).toEqual([3]);
    expect(crossProductSums('orientation.ts', 'const o = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);\n')).toEqual([]);
  });

  it('gives the same figure on rings and on { x, y } paths, closed or not, either way round', () => {
    const ring = [[0, 0], [4, 0], [4, 3], [1, 5], [0, 0]];
    // Hand computation (shoelace): 0 + 12 + (20 - 3) + 0 = 29.
    expect(twiceSignedArea(ring)).toBe(29);
    expect(twiceSignedArea(ring.slice(0, -1))).toBe(29);
    expect(twiceSignedArea([...ring].reverse())).toBe(-29);
    expect(twiceSignedPathArea(ring.slice(0, -1).map(([x, y]) => ({ x: x!, y: y! })))).toBe(29);
  });

  it('puts a ring\'s centroid where a hand computation does, and has none for a ring without area', () => {
    // An L of two unit squares side by side and one on top: (2 × (1, 0.5) + 1 × (0.5, 1.5)) / 3 = (5/6, 5/6).
    const l = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    const [x, y] = ringCentroid(l.map(([a, b]) => [37 + a!, 48 + b!]))!;
    expect(x).toBeCloseTo(37 + 5 / 6, 12);
    expect(y).toBeCloseTo(48 + 5 / 6, 12);
    expect(ringCentroid([...l].reverse())).toEqual(ringCentroid(l));
    expect(ringCentroid([[37, 48], [37.1, 48.1], [37.2, 48.2], [37, 48]])).toBeUndefined();
  });
});
