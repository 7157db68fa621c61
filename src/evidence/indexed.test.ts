/**
 * The evidence index must not change an answer: on random claims (boxes and
 * triangles) and random points, the findings of findContradictions /
 * findSupport are exactly the pairs that `contains` puts inside, or that
 * lie within the position's accuracy radius of the edge (by
 * `distanceToFront`), checked pair by pair without the index, and an unresolvable area still fails as
 * it did (only when some evidence needs it).
 *
 * The pairs are checked against the ground each claim names (`resolveArea`),
 * which the overlay engine puts on its 1e-9° grid (docs/geometry.md): a
 * corner at 32.949999999999996 is the corner at 32.95 there, and a point at
 * 32.95 lies on its edge. The raw inline polygon would put that point
 * 4e-15° outside, a difference the library does not claim to resolve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains } from '../geometry/contains.js';
import { distanceToFront } from '../control/distanceToFront.js';
import { resolveArea } from '../places/resolveArea.js';
import { findContradictions, findSupport } from './contradictions.js';
import type { Claim } from '../claims/schema.js';
import type { Evidence } from './schema.js';

const coord = fc.integer({ min: 0, max: 400 }).map((n) => 30 + n / 100);
const claimArb = fc.tuple(coord, coord, fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 150 }), fc.boolean(), fc.constantFrom('RU', 'UA')).map(
  ([x, y, w, h, triangle, side]): Claim => {
    const [e, n] = [x + w / 100, y + h / 100];
    const ring = triangle ? [[x, y], [e, y], [x, n], [x, y]] : [[x, y], [e, y], [e, n], [x, n], [x, y]];
    return { id: 'c', claimant: 'k', statedAt: '2025-12-01', area: { geometry: { type: 'Polygon', coordinates: [ring as [number, number][]] } }, status: 'controlled', side, basis: 'claimed' } as Claim;
  },
);
const evidenceArb = fc.tuple(coord, coord, fc.constantFrom('RU', 'UA'), fc.constantFrom('presence', 'control'), fc.constantFrom(undefined, 0, 300, 2000, 20_000)).map(
  ([x, y, side, kind, accuracyM]): Evidence =>
    ({ id: 'e', kind: 'drone-video', capturedAt: '2025-12-01', position: accuracyM === undefined ? { coordinates: [x, y] } : { coordinates: [x, y], accuracyM }, shows: [{ kind, side }] }) as Evidence,
);

describe('findContradictions / findSupport with the evidence index', () => {
  it('find exactly the pairs that contains() puts inside or that lie within the accuracy radius', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 12 }), fc.array(evidenceArb, { minLength: 1, maxLength: 40 }), (claimsIn, evidenceIn) => {
        const claims = claimsIn.map((c, i) => ({ ...c, id: `c${i}` }));
        const evidence = evidenceIn.map((e, i) => ({ ...e, id: `e${i}` }));
        const dataset = { claims, evidence };
        const expected = { contradicts: [] as string[], supports: [] as string[] };
        for (const c of claims) {
          for (const e of evidence) {
            const ground = resolveArea({ places: [] }, c.area);
            const at = e.position!.coordinates!;
            const near = contains(ground, at) || distanceToFront(at, { type: 'MultiLineString', coordinates: ground.coordinates.flat() }).distanceM <= (e.position!.accuracyM ?? 0);
            if (!near) continue;
            const other = e.shows[0]!.side !== c.side;
            (other ? expected.contradicts : expected.supports).push(`${c.id}/${e.id}`);
          }
        }
        expect(findContradictions(dataset).map((f) => `${f.claim}/${f.evidence}`)).toEqual(expected.contradicts);
        expect(findSupport(dataset).map((f) => `${f.claim}/${f.evidence}`)).toEqual(expected.supports);
      }),
      { numRuns: 60 },
    );
  });

  it('an unknown place fails only when evidence needs the area, as before the index', () => {
    const claim = { id: 'c', claimant: 'k', statedAt: '2025-12-01', area: 'nowhere', status: 'controlled', side: 'RU', basis: 'claimed' } as Claim;
    const flag = { id: 'e', kind: 'drone-video', capturedAt: '2025-12-01', position: { coordinates: [37, 48] }, shows: [{ kind: 'presence', side: 'UA' }] } as Evidence;
    expect(() => findContradictions({ claims: [claim], evidence: [flag] })).toThrow(/nowhere/);
    expect(findContradictions({ claims: [claim], evidence: [{ ...flag, capturedAt: '2020-01-01' }] })).toEqual([]);
  });
});
