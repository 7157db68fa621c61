import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxes, boxesFrom as boxesOf, byWest, crossOverlap, interiorPairs, someOverlap } from './_sweep.js';

// Grid-like keys (integers and half-integers far from the origin, many ties), and arbitrary doubles.
const key = fc.oneof(
  fc.integer({ min: -200, max: 200 }).map((k) => 3.5e10 + k / 2),
  fc.integer({ min: -200, max: 200 }).map((k) => -1.8e11 + k),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, -1),
);

describe('byWest (radix order of the sweep)', () => {
  it("is the stable comparator order, ties in index order, above and below the comparator size, on the grid and off it", () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 0, maxLength: 1200 }), (keys) => {
        const b = boxes(keys.length);
        keys.forEach((k, i) => (b.minX[i] = k));
        const expected = Array.from(keys.keys()).sort((i, j) => (keys[i]! === keys[j]! ? 0 : keys[i]! - keys[j]!));
        expect(Array.from(byWest(b))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the sweeps find every overlapping pair', () => {
  const box = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([w, s, dw, dh]) => [w, s, w + dw, s + dh] as const);
  const meets = (p: readonly number[], q: readonly number[]): boolean => p[0]! <= q[2]! && q[0]! <= p[2]! && p[1]! <= q[3]! && q[1]! <= p[3]!;
  it('someOverlap and crossOverlap agree with testing every pair (300+ boxes take the radix path)', () => {
    fc.assert(
      fc.property(fc.array(box, { minLength: 0, maxLength: 400 }), fc.array(box, { minLength: 0, maxLength: 400 }), (first, second) => {
        const seen = new Set<string>();
        someOverlap(boxesOf(first), (i, j) => {
          seen.add(i < j ? `${i},${j}` : `${j},${i}`);
          return false;
        });
        const pairs = new Set<string>();
        for (let i = 0; i < first.length; i += 1) for (let j = i + 1; j < first.length; j += 1) if (meets(first[i]!, first[j]!)) pairs.add(`${i},${j}`);
        expect(seen).toEqual(pairs);
        const crossed = new Set<string>();
        crossOverlap(boxesOf(first), boxesOf(second), (a, b) => void crossed.add(`${a},${b}`));
        const expected = new Set<string>();
        first.forEach((p, a) => second.forEach((q, b) => meets(p, q) && expected.add(`${a},${b}`)));
        expect(crossed).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('interiorPairs lists the pairs whose interiors meet (touching boxes left out), and stops past its limit', () => {
    const interiors = (p: readonly number[], q: readonly number[]): boolean => p[0]! < q[2]! && q[0]! < p[2]! && p[1]! < q[3]! && q[1]! < p[3]!;
    fc.assert(
      fc.property(fc.array(box, { minLength: 0, maxLength: 400 }), fc.integer({ min: 0, max: 50 }), (list, limit) => {
        const expected: string[] = [];
        for (let i = 0; i < list.length; i += 1) for (let j = i + 1; j < list.length; j += 1) if (interiors(list[i]!, list[j]!)) expected.push(`${i},${j}`);
        expect(interiorPairs(boxesOf(list)).map(([i, j]) => `${i},${j}`).sort()).toEqual(expected.sort());
        const some = interiorPairs(boxesOf(list), limit);
        expect(some.length).toBe(Math.min(expected.length, limit + 1));
        for (const [i, j] of some) expect(i < j && expected.includes(`${i},${j}`)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
