/**
 * The referee on invalid operands (issue 11): rings that cross or touch
 * themselves, overlapping MultiPolygon parts, holes crossing their shell or
 * each other. The documented rule: an overlay reads such an operand as
 * normalizeGeometry reads it (each ring by the even–odd rule, a polygon is
 * its shell's ground minus its holes', the parts united), and refuses a hole
 * with a vertex outside its shell (`hole-outside-shell`, with its path).
 * GEOS is given the even–odd reading built from its own noding and
 * polygonize (geos.py, `read_even_odd`), and must agree on area and shape;
 * every refusal is checked to be that one, at that path.
 */
import { describe, expect, it } from 'vitest';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { ContestedError, areaKm2, difference, intersection, normalizeGeometry, union } from '../../src/index.js';
import { judge } from './_judge.js';
import { bound, cellAround, disagreements, referee, refereeAvailable, type Disagreement, type RefereeCase } from './_geos.js';
import { areaCoordinates } from '../../src/geometry/boolean.js';
import { INVALID_KINDS, REFEREE_CASES, REFEREE_TIMEOUT_MS, Random, invalidArea, randomPolygon } from './_generate.js';

/** One invalid-operand case per this many boolean cases (2,000 → 400). */
const SHARE = 5;
const OPS = ['union', 'intersection', 'difference'] as const;

describe.runIf(refereeAvailable('referee: invalid operands'))('referee: invalid operands, read as normalizeGeometry reads them', () => {
  it(`agrees with GEOS on the even–odd reading of ${Math.ceil(REFEREE_CASES / SHARE)} invalid operands, or refuses a hole outside its shell with its path`, () => {
    const wanted = Math.ceil(REFEREE_CASES / SHARE);
    const cases: RefereeCase[] = [];
    const ours: Record<string, number>[] = [];
    const cells: number[] = [];
    const failures: string[] = [];
    const refusedByKind = new Map<string, number>();
    for (let seed = 1; cases.length < wanted; seed += 1) {
      const random = new Random(7_000_000 + seed);
      const kind = INVALID_KINDS[seed % INVALID_KINDS.length]!;
      const op = OPS[Math.floor(seed / INVALID_KINDS.length) % OPS.length]!;
      const id = `invalid seed ${seed} (${kind}, ${op})`;
      const bad = invalidArea(random, kind);
      const other = randomPolygon(random);
      const first = random.chance(0.5);
      const operands: (Polygon | MultiPolygon)[] = first ? [bad, other] : [other, bad];
      try {
        const result = op === 'union' ? union(...operands) : op === 'intersection' ? intersection(...operands) : difference(operands[0]!, operands[1]!);
        cases.push({ id, kind: 'boolean', op, operands: operands as Geometry[], ours: result, read: 'even-odd' });
        ours.push({ result: areaKm2(result) });
        // The overlay's run computes on the grid of the box around the operands as read (a repair of `bad`
        // runs first on its own box, on that grid or a finer one).
        cells.push(cellAround(operands.map((o) => areaCoordinates(o))));
      } catch (error) {
        const issues = error instanceof ContestedError ? error.issues : [];
        const holeOutside = kind === 'hole crossing shell' && issues.length > 0 && issues.every((i) => i.code === 'hole-outside-shell');
        if (holeOutside) {
          // The documented refusal: the path names the operand and its hole.
          const path = issues[0]!.path;
          expect(path).toEqual([first ? (op === 'difference' ? 'area' : 0) : 1, 'coordinates', 1]);
          refusedByKind.set(kind, (refusedByKind.get(kind) ?? 0) + 1);
          continue;
        }
        failures.push(`${id}: threw ${error instanceof ContestedError ? `${error.code}: ${error.message}` : String(error)}`);
        if (failures.length > 20) break;
      }
    }
    const answers = referee(cases);
    const wrong: Disagreement[] = answers.flatMap((answer, i) => disagreements(answer, ours[i]!, 0, 1, cells[i]!));
    console.log(`referee: ${cases.length} overlays of invalid operands (${INVALID_KINDS.join(', ')}) checked against GEOS's even–odd reading; ${[...refusedByKind.values()].reduce((a, b) => a + b, 0)} holes outside their shell refused with their path`);
    judge('referee: invalid operands', answers, wrong, failures);
    // Both outcomes of a hole crossing its shell occur: read (vertices inside) and refused (a vertex outside).
    expect(refusedByKind.get('hole crossing shell') ?? 0).toBeGreaterThan(0);
    expect(cases.filter((c) => c.id.includes('hole crossing shell')).length).toBeGreaterThan(0);
  }, REFEREE_TIMEOUT_MS);
});

describe.runIf(refereeAvailable('referee: invalid operands'))('invalid operands: the pinned cases', () => {
  const square = (w: number, s: number, size: number): number[][] => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];

  it('a MultiPolygon with overlapping parts loses nothing in an intersection (it lost 13 % before)', () => {
    // Two 0.1° squares overlapping by half, as parts of one MultiPolygon, intersected with a frame that holds both.
    const parts: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(37, 48, 0.1)], [square(37.05, 48, 0.1)]] };
    const frame: Polygon = { type: 'Polygon', coordinates: [square(36.9, 47.9, 0.4)] };
    const result = intersection(parts, frame);
    const [answer] = referee([{ id: 'overlapping parts', kind: 'boolean', op: 'intersection', operands: [parts, frame], ours: result, read: 'even-odd' }]);
    const [refKm2, symmetricKm2] = answer!.keys!['result']!;
    expect(Math.abs(areaKm2(result) - refKm2)).toBeLessThanOrEqual(bound(refKm2));
    expect(symmetricKm2).toBeLessThanOrEqual(bound(refKm2));
    // The union of the parts: 0.15° × 0.1°, so 1.5 times one square.
    expect(areaKm2(result) / areaKm2({ type: 'Polygon', coordinates: [square(37, 48, 0.1)] })).toBeCloseTo(1.5, 3);
  });

  it('a bow-tie is two triangles in every overlay, as normalizeGeometry makes it', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48.1], [37.1, 48], [37, 48.1], [37, 48]]] };
    const repaired = normalizeGeometry(bowTie).geometry;
    expect(union(bowTie).coordinates.length).toBe(2);
    expect(areaKm2(union(bowTie))).toBeCloseTo(areaKm2(repaired), 9);
    const frame: Polygon = { type: 'Polygon', coordinates: [square(36.9, 47.9, 0.4)] };
    expect(areaKm2(intersection(bowTie, frame))).toBeCloseTo(areaKm2(repaired), 9);
    const [answer] = referee([{ id: 'bow-tie', kind: 'boolean', op: 'union', operands: [bowTie], ours: union(bowTie), read: 'even-odd' }]);
    expect(Math.abs(areaKm2(union(bowTie)) - answer!.keys!['result']![0])).toBeLessThanOrEqual(bound(answer!.keys!['result']![0]));
  });
});
