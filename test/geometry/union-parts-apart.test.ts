/**
 * A union of one operand whose polygons neither meet nor nest, and whose
 * rings neither cross nor touch, skips the engine (`partsApart` in
 * src/geometry/_engine.ts): the answer must be the very rings the engine
 * gives, vertex for vertex, on generated star-shaped polygons with holes,
 * islands in a mainland's box (apart from it, in its hole, or on it),
 * off-grid coordinates and (nearly) collinear vertices. Operands that do
 * not qualify (parts whose boxes meet, a hole touching its shell) still
 * go through the engine, and give what it gives. (The polygons keep the
 * operand's order; the engine lists them in the order its sweep met them.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, type MultiPolygon2, type Ring2 } from '../../src/geometry/_engine.js';
import { readAsNormalized } from '../../src/geometry/_operand.js';
import { byEngine, sorted, unionBothWays } from './_unionBothWays.js';

/** A star-shaped ring around (cx, cy), radii between rMin and rMax, with every `mid`-th edge's midpoint added (collinear before rounding). */
function star(cx: number, cy: number, radii: readonly number[], scale: number, mid: number, clockwise: boolean): Ring2 {
  const ring: Ring2 = [];
  radii.forEach((r, i) => {
    const t = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / radii.length;
    const p: [number, number] = [cx + r * scale * Math.cos(t), cy + r * scale * Math.sin(t)];
    const prev = ring[ring.length - 1];
    if (mid > 0 && prev !== undefined && i % mid === 0) ring.push([(prev[0] + p[0]) / 2, (prev[1] + p[1]) / 2]);
    ring.push(p);
  });
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

const part = fc.record({
  radii: fc.array(fc.double({ min: 0.6, max: 1, noNaN: true }), { minLength: 3, maxLength: 24 }),
  hole: fc.option(fc.array(fc.double({ min: 0.1, max: 0.5, noNaN: true }), { minLength: 3, maxLength: 10 })),
  mid: fc.integer({ min: 0, max: 3 }),
  clockwise: fc.boolean(),
});

/** Where an island goes, in units of the mainland's scale: in a corner of its box (outside it), in its hole, or over its middle (overlapping it). */
const island = fc.record({
  at: fc.constantFrom([0.85, 0.85], [-0.86, 0.84], [0.8, -0.9], [0, 0], [0.05, 0], [0.7, 0]),
  radii: fc.array(fc.double({ min: 0.02, max: 0.06, noNaN: true }), { minLength: 3, maxLength: 8 }),
});

const operand = fc.record({
  parts: fc.array(part, { minLength: 1, maxLength: 6 }),
  islands: fc.array(island, { maxLength: 4 }),
  touching: fc.boolean(),
  bowTie: fc.boolean(),
  scale: fc.constantFrom(1, 1e-3, 1e-6, 3e-8),
  origin: fc.tuple(fc.double({ min: -170, max: 170, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true })),
}).map(({ parts, islands, touching, bowTie, scale, origin }): MultiPolygon2 => [
  ...parts.map((p, i) => {
    const cx = origin[0] + 2.5 * scale * i;
    const cy = origin[1];
    const shell = star(cx, cy, p.radii, scale, p.mid, p.clockwise);
    return p.hole === null ? [shell] : [shell, star(cx, cy, p.hole, scale, 0, !p.clockwise)];
  }),
  // Islands within the first part's box: apart from it, in its hole, or on it.
  ...islands.map((s) => [star(origin[0] + s.at[0]! * scale, origin[1] + s.at[1]! * scale, s.radii, scale, 0, false)]),
  // Parts the engine must still unite, beside the others: a hole touching its shell, a bow-tie.
  ...(touching ? [[square(origin[0] - 3 * scale, origin[1], scale), [[origin[0] - 3 * scale, origin[1] + 0.5 * scale], [origin[0] - 2.5 * scale, origin[1] + 0.25 * scale], [origin[0] - 2.5 * scale, origin[1] + 0.75 * scale], [origin[0] - 3 * scale, origin[1] + 0.5 * scale]] as Ring2]] : []),
  ...(bowTie ? [[[[origin[0] - 5 * scale, origin[1]], [origin[0] - 4 * scale, origin[1] + scale], [origin[0] - 4 * scale, origin[1]], [origin[0] - 5 * scale, origin[1] + scale], [origin[0] - 5 * scale, origin[1]]] as Ring2]] : []),
]);

const square = (x: number, y: number, s: number): Ring2 => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe('union of parts that are apart', () => {
  it('gives the engine\'s rings, vertex for vertex, without running it', () => {
    let skipped = 0;
    let fewer = 0;
    fc.assert(
      fc.property(operand, (raw) => {
        // The same polygons; their order is the input's, where the engine's is its sweep's.
        const { fast, engine, fastPaths, enginePaths } = unionBothWays(readAsNormalized(raw));
        expect(fast).toEqual(engine);
        if (fastPaths === 0) skipped += 1;
        else if (fastPaths < enginePaths) fewer += 1;
      }),
      { numRuns: 300 },
    );
    // Both ways are exercised: no engine run at all, and a run on the polygons that need it only. Of 300
    // random operands typically 18–29 and 66–84 (eight runs); CI once drew only 10 of the first, which a
    // bound of 10 failed. The bound says each way happens, not how often.
    expect(skipped).toBeGreaterThan(2);
    expect(fewer).toBeGreaterThan(2);
  });

  it('runs the engine when parts\' boxes meet, or a hole touches its shell', () => {
    const overlapping = readAsNormalized([[square(0, 0, 2)], [square(1, 1, 2)]]);
    expect(clip('union', [overlapping])).toHaveLength(1);
    const touching = readAsNormalized([[square(0, 0, 4), [[0, 2], [2, 1], [2, 3], [0, 2]]]]);
    // The hole touching the shell at (0, 2) comes back from the engine as valid rings: the same ground either way.
    expect(clip('union', [touching])).toEqual(byEngine(touching));
  });
});
