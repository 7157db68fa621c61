/**
 * The overlay core's two N-operand strategies, checked against brute force:
 * `paint` (layers in precedence order, each taking what the ones before it
 * left; its spatial index grows by the logarithmic method, so more than
 * 64 regions are needed to reach the packed trees) and `overlayMany` (the
 * cover cut into pieces labelled by every list). Brute force here means
 * every pair clipped without any index, and totals measured on their own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { clip, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { boxOf, km2Of } from '../../src/overlay/regions.js';
import { paint } from '../../src/overlay/paint.js';
import { overlayMany, type Boxed } from '../../src/overlay/overlay.js';
import { controlMap } from '../../src/control/controlMap.js';
import type { Claim } from '../../src/claims/schema.js';
import { compareClaimants } from '../../src/diff/compareClaimants.js';
import { ContestedError } from '../../src/errors/index.js';

/** A rectangle or a diamond (slanted edges) on a 0.001° lattice near Pokrovsk. */
const shapeIn = (span: number) => fc
  .record({ x: fc.integer({ min: 0, max: span }), y: fc.integer({ min: 0, max: span }), w: fc.integer({ min: 2, max: 14 }), h: fc.integer({ min: 2, max: 14 }), diamond: fc.boolean() })
  .map(({ x, y, w, h, diamond }): Boxed => {
    const [x0, y0, x1, y1] = [37 + x / 1000, 48 + y / 1000, 37 + (x + w) / 1000, 48 + (y + h) / 1000];
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const ring: [number, number][] = diamond
      ? [[cx, y0], [x1, cy], [cx, y1], [x0, cy], [cx, y0]]
      : [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const coords: MultiPolygon2 = [[ring]];
    return { coords, box: boxOf(coords) };
  });
const shapeArb = shapeIn(60);

/** km² of ground two coordinate sets share. */
const sharedKm2 = (a: MultiPolygon2, b: MultiPolygon2): number => km2Of(clip('intersection', [a, b]));
/**
 * The engine's grid moves a vertex by up to 1e-9° (0.11 mm), so two pieces
 * cut along one slanted edge may overlap or gap by that much along it: at
 * most ~1.1e-7 km² per km of boundary. The shapes here are ≤ 1.5 km across
 * and ≥ 0.03 km²; 1e-6 km² is the grid's reach along 9 km of edge, and four
 * orders of magnitude below any piece a wrong cut would lose.
 */
const EPS_KM2 = 1e-6;
const meet = (a: Boxed, b: Boxed): boolean => a.box[0] <= b.box[2] && b.box[0] <= a.box[2] && a.box[1] <= b.box[3] && b.box[1] <= a.box[3];

describe('paint', () => {
  it('paints layers first-wins into disjoint regions covering their union, and reports exactly the overlapping pairs (property, > 64 regions)', () => {
    // Draws that paint more than 64 regions (so the index has packed trees, not only its list of the
    // newest 64). That is a property of the draw, not of paint: 100 copies of one square paint one
    // region, and fast-check's bias draws crowded arrays (seed 12 with 120 runs: run 39 painted 64 or
    // fewer; shrunk, 99 copies of one square and one other shape, 2 regions). So every draw is
    // checked, and the run as a whole must reach the packed trees.
    let packed = 0;
    fc.assert(
      fc.property(fc.array(shapeIn(150), { minLength: 100, maxLength: 130 }), (layers) => {
        const heard = new Set<string>();
        const dropped = { km2: 0 };
        const regions = paint(layers, (layer, regionLayer, overlap) => {
          expect(overlap.length).toBeGreaterThan(0);
          heard.add(`${layer}<${regionLayer}`);
        }, dropped);
        if (regions.length > 64) packed += 1;
        // Regions come in layer order, at most one per layer.
        regions.forEach((r, i) => i > 0 && expect(r.layer).toBeGreaterThan(regions[i - 1]!.layer));
        for (const r of regions) {
          // Inside its own layer, outside every earlier layer.
          expect(km2Of(clip('difference', [r.coords, layers[r.layer]!.coords]))).toBeLessThan(EPS_KM2);
          for (let j = 0; j < r.layer; j++) if (meet(r, layers[j]!)) expect(sharedKm2(r.coords, layers[j]!.coords)).toBeLessThan(EPS_KM2);
        }
        // Disjoint, and together (with what was dropped as slivers) the union of the layers.
        for (let i = 0; i < regions.length; i++) for (let j = i + 1; j < regions.length; j++) if (meet(regions[i]!, regions[j]!)) expect(sharedKm2(regions[i]!.coords, regions[j]!.coords)).toBeLessThan(EPS_KM2);
        const total = regions.reduce((sum, r) => sum + km2Of(r.coords), 0) + dropped.km2;
        const union = km2Of(clip('union', layers.map((l) => l.coords)));
        expect(Math.abs(total - union)).toBeLessThan(EPS_KM2 * layers.length);
        // Every (layer, earlier region) pair whose ground meets was reported, and no other: brute force over all pairs (boxes compared one by one, no index).
        const expected = new Set<string>();
        layers.forEach((layer, i) => {
          for (const r of regions) if (r.layer < i && meet(layer, r) && clip('intersection', [layer.coords, r.coords]).length > 0) expected.add(`${i}<${r.layer}`);
        });
        expect([...heard].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 4, seed: 12 },
    );
    expect(packed).toBeGreaterThan(0);
  }, 120_000);
});

describe('overlayMany', () => {
  it('cuts the cover into pieces that each lie in the region every list names and outside the lists that say nothing (property)', () => {
    // Each list is itself non-overlapping (painted), as control maps are.
    const listArb = fc.array(shapeArb, { minLength: 1, maxLength: 8 }).map((layers) => paint(layers, () => undefined) as Boxed[]);
    fc.assert(
      fc.property(fc.array(listArb, { minLength: 1, maxLength: 5 }), fc.option(shapeArb, { nil: undefined }), (lists, frame) => {
        const dropped = { km2: 0 };
        const pieces = overlayMany(lists, frame?.coords, dropped);
        const cover = frame?.coords ?? clip('union', lists.flat().map((r) => r.coords));
        const total = pieces.reduce((sum, p) => sum + km2Of(p.coords), 0) + dropped.km2;
        expect(Math.abs(total - km2Of(cover))).toBeLessThan(EPS_KM2 * (pieces.length + 1));
        for (const piece of pieces) {
          expect(piece.says).toHaveLength(lists.length);
          piece.says.forEach((region, k) => {
            if (region === null) expect(sharedKm2(piece.coords, clip('union', lists[k]!.map((r) => r.coords)))).toBeLessThan(EPS_KM2);
            else expect(km2Of(clip('difference', [piece.coords, region.coords]))).toBeLessThan(EPS_KM2);
          });
        }
        for (let i = 0; i < pieces.length; i++) for (let j = i + 1; j < pieces.length; j++) if (meet(pieces[i]!, pieces[j]!)) expect(sharedKm2(pieces[i]!.coords, pieces[j]!.coords)).toBeLessThan(EPS_KM2);
      }),
      { numRuns: 25, seed: 18 },
    );
  }, 120_000);
});

describe('controlMap over many claims (issue 18 sizes)', () => {
  const city = (JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')) as { places: { geometry: Polygon }[] }).places[0]!.geometry;
  const claim = (i: number): Claim =>
    ({ id: `c${i}`, claimant: `k${i % 7}`, statedAt: `2025-0${1 + (i % 9)}-1${i % 10}`, status: 'controlled', side: i % 3 === 0 ? 'UA' : 'RU', area: { geometry: city } }) as unknown as Claim;

  it('2,000 claims on one city: one region, and every overruled claim names the one claim that decides the ground (the answer does not grow with the square of the claims)', () => {
    const claims = Array.from({ length: 2_000 }, (_, i) => claim(i));
    const map = controlMap(claims);
    expect(map.features).toHaveLength(1);
    const winner = map.features[0]!.properties;
    const losing = claims.filter((c) => (c as { side?: string }).side !== winner.side);
    expect(winner.claims).toHaveLength(claims.length - losing.length);
    expect(map.overruled.map((o) => o.claim).sort()).toEqual(losing.map((c) => c.id).sort());
    for (const part of map.overruled) {
      expect(part.by).toEqual([winner.claims[0]]);
      expect(part.km2).toBeCloseTo(winner.km2, 9);
    }
  });
});

describe('compareClaimants over the core', () => {
  it('refuses a sparse list of claimant ids with a ContestedError naming the hole', () => {
    const dataset = { claims: [], places: [], actors: [{ id: 'a', name: 'A' }] } as unknown as Parameters<typeof compareClaimants>[0];
    const sparse = ['a', , 'a'] as string[];
    let caught: unknown;
    try {
      compareClaimants(dataset, sparse, { asOf: '2025-12-01' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContestedError);
    expect((caught as ContestedError).issues[0]?.path).toEqual(['claimantIds', 1]);
  });
});
