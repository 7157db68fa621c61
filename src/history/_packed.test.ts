import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapRegion } from '../overlay/overlay.js';
import { boxOf } from '../overlay/regions.js';
import { packRegions, unpackRegions, type PackedMap } from './_packed.js';

const point = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
const ring = fc.array(point, { minLength: 4, maxLength: 12 });
const region = fc.record({
  state: fc.record({ status: fc.constantFrom('controlled', 'contested', 'advancing'), side: fc.constantFrom('RU', 'UA') }),
  coords: fc.array(fc.array(ring, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
});

describe('packRegions / unpackRegions', () => {
  it('give back every coordinate bit for bit, the states and the boxes, over shared memory', () => {
    fc.assert(
      fc.property(fc.array(region, { maxLength: 6 }), (drawn) => {
        const regions: MapRegion[] = drawn.map((r) => ({ state: r.state, claims: ['c1'], coords: r.coords, box: boxOf(r.coords) }));
        const packed = packRegions(regions);
        expect(packed.coords.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(packed.coords.length).toBe(2 * regions.flatMap((r) => r.coords.flat()).reduce((n, ring) => n + ring.length, 0));
        const back = unpackRegions(structuredClone(packed));
        // Claims are not packed: a change reads the states and the ground only.
        expect(back).toEqual(regions.map((r) => ({ ...r, claims: [] })));
        back.forEach((r, i) => r.coords.flat(2).forEach((p, k) => expect(Object.is(p[0], regions[i]!.coords.flat(2)[k]![0])).toBe(true)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a map the main thread did not mark as read and checked', () => {
    const packed = packRegions([]);
    expect(() => unpackRegions({ ...packed, checked: false } as unknown as PackedMap)).toThrow(/not read and checked/);
  });
});
