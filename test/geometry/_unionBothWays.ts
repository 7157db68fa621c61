/**
 * The union of one operand both ways, for the tests of `partsApart` (the
 * union's pass-through in src/geometry/_engine.ts): through `clip` as the
 * library calls it, and forced through the engine by a copy that
 * `readAsNormalized` never marked, with the paths handed to Clipper2 each
 * way counted.
 */
import { Clipper64 } from 'clipper2-ts';
import { vi } from 'vitest';
import { clip, type MultiPolygon2 } from '../../src/geometry/_engine.js';

/** The engine's own union of `m` (a structured clone carries no mark, so nothing is passed through). */
export const byEngine = (m: MultiPolygon2): MultiPolygon2 => clip('union', [structuredClone(m)]);

/**
 * The polygons in one order (the pass-through keeps the operand's; the engine lists them as its sweep met
 * them): by their rings written out, since polygons touching at a vertex can start at the same one.
 */
export const sorted = (m: MultiPolygon2): MultiPolygon2 => {
  const key = new Map(m.map((p) => [p, JSON.stringify(p)]));
  return [...m].sort((p, q) => (key.get(p)! < key.get(q)! ? -1 : key.get(p)! > key.get(q)! ? 1 : 0));
};

/** `read`'s union through `clip` and through the engine alone, each sorted, with the paths Clipper2 was given each way. */
export function unionBothWays(read: MultiPolygon2): { fast: MultiPolygon2; engine: MultiPolygon2; fastPaths: number; enginePaths: number } {
  const given = vi.spyOn(Clipper64.prototype, 'addSubject');
  const paths = (): number => given.mock.calls.reduce((n, [p]) => n + (p as unknown[]).length, 0);
  try {
    const fast = clip('union', [read]);
    const fastPaths = paths();
    given.mockClear();
    const engine = byEngine(read);
    return { fast: sorted(fast), engine: sorted(engine), fastPaths, enginePaths: paths() };
  } finally {
    given.mockRestore();
  }
}
