/**
 * Snap rounding of the engine's output settles (audit finding F3). With
 * closed cells, an edge through the corner of a cell met all four cells
 * there; routed through two of them it became the other diagonal of that
 * unit square, which met the other two at the same corner, and the rounds
 * alternated until the engine threw `unsettled after 8 rounds` on valid
 * inputs (the union of one 8 mm polygon with a 0.25 mm hole; 6 of 13,000
 * generated pairs at 0.3–4 mm). The output's snap now uses Hobby's
 * half-open pixels, which own one corner each.
 *
 * Judged by native GEOS (shapely, the referee's Python), but not through
 * test/referee/geos.py: at this scale (pieces of 1e-11 km²) it drops every
 * piece as a crumb (under 1e-14 square degrees) and its geodesic areas round
 * to 0, and its absolute floor of 1e-8 km² would pass anything. Here GEOS's
 * result, ours and their symmetric difference are measured in the plane
 * (lon/lat scaled at the latitude, as geos.py's `sliver_km2`), and ours must
 * be within the grid's reach alone (one cell, REFEREE_TOLERANCE.gridStripKm
 * = 1.1e-7 km, times the boundary's length) in area and shape.
 */
import type { Path64, Point64 } from 'clipper2-ts';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, difference, intersection, union, validateGeometry } from '../../src/geometry/index.js';
import { clip, FINEST_GRID_DEGREES, GRID_DEGREES, gridDegreesOf, onCallGrid, snapRoundWith } from '../../src/geometry/_engine.js';
import { areaCoordinates } from '../../src/geometry/boolean.js';
import { isContestedError } from '../../src/errors/index.js';
import { PYTHON, refereeAvailable, REFEREE_TOLERANCE } from '../referee/_geos.js';
import { PLANAR_GEOS_PRELUDE } from './_planarGeos.js';

type Operand = Polygon | MultiPolygon;
interface Case {
  name: string;
  operands: Operand[];
}

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/snap-unsettled/cases.json', import.meta.url), 'utf8')) as { cases: Case[] };

/**
 * The 1e-9° grid held (`onCallGrid` of a 15° box): these cases failed on 1e-9° cells, and since
 * the grid is chosen per run (issue 12) operands a few millimetres across compute on 1e-12° on
 * their own, where they are thousands of cells across. The cases are run both ways.
 */
const onCoarseGrid = <T>(work: () => T): T => onCallGrid([[20, 40, 35, 55]], work);

/** Union and intersection of all operands, and each operand minus the others (on the 1e-9° grid; `own` runs it on the operands' own grid). */
function operations(c: Case): { id: string; op: 'union' | 'intersection' | 'difference'; operands: Operand[]; run: () => Operand; own: () => Operand }[] {
  const { operands } = c;
  const both = (f: () => Operand) => ({ run: () => onCoarseGrid(f), own: f });
  const out = [{ id: `${c.name}: union`, op: 'union' as const, operands, ...both(() => union(...operands)) }];
  if (operands.length < 2) return out;
  return [
    ...out,
    { id: `${c.name}: intersection`, op: 'intersection' as const, operands, ...both(() => intersection(...operands)) },
    ...operands.map((minuend, i) => {
      const rest = operands.filter((_, k) => k !== i);
      return { id: `${c.name}: difference ${i} − rest`, op: 'difference' as const, operands: [minuend, ...rest], ...both(() => difference(minuend, ...rest)) };
    }),
  ];
}

const point = (x: number, y: number): Point64 => ({ x, y });
const path = (...xy: [number, number][]): Path64 => xy.map(([x, y]) => point(x, y));

describe('snap rounding of the output: the half-open cell (hand-computed)', () => {
  // (0,0)→(1,1) meets the cell of (1,0) only at (0.5, 0.5), its north-west corner, which the half-open cell does not own.
  const diagonal = path([0, 0], [1, 1], [-3, 5]);
  const beside = path([1, 0], [9, -10], [12, -4]);
  it('routes an edge through a vertex whose cell it meets only at a corner the cell does not own: no (the inputs\' closed rule: yes)', () => {
    expect(snapRoundWith([diagonal, beside], false, 'pairs')).toBeNull();
    expect(snapRoundWith([diagonal, beside], true, 'pairs')).toEqual([path([0, 0], [1, 0], [1, 1], [-3, 5]), beside]);
  });
  it('routes an edge through the corner a cell owns (its south-west one)', () => {
    // (0,1)→(1,0) meets the cell of (1,1) only at (0.5, 0.5): its south-west corner.
    const other = path([0, 1], [1, 0], [-4, -6]);
    const owner = path([1, 1], [8, 12], [-2, 12]);
    for (const finder of ['pairs', 'cells', 'sweep'] as const) {
      expect(snapRoundWith([other, owner], false, finder)).toEqual([path([0, 1], [1, 1], [1, 0], [-4, -6]), owner]);
    }
  });
  it('leaves settled the state the audit polygon\'s rounds alternated from (grid cells from 30° E, 48° N)', () => {
    // The shell passes (0,34)→(1,35)→(1,34); the hole has (0,35) and (1,35). With closed cells the
    // edge (0,34)→(1,35) was routed through (0,35) and (1,34), became (0,35)→(1,34), which was
    // routed back through (0,34) and (1,35), and so on.
    const shell = path([42, 35], [0, 40], [1, 54], [-37, 54], [-18, 24], [0, 34], [1, 35], [1, 34], [8, 20]);
    const hole = path([0, 36], [0, 37], [1, 37], [2, 36], [1, 35], [0, 35]);
    expect(snapRoundWith([shell, hole], false, 'pairs')).toBeNull();
  });
});

describe('valid inputs on which the output\'s snap rounding did not settle', () => {
  it('are all here, and valid', () => {
    expect(fixtures.cases.length).toBe(7);
    for (const c of fixtures.cases) for (const operand of c.operands) expect(validateGeometry(operand).valid, c.name).toBe(true);
  });
  const results = new Map<string, Operand>();
  for (const c of fixtures.cases) {
    it(`${c.name}: every operation finishes with a valid result`, () => {
      for (const o of operations(c)) {
        const result = o.run();
        results.set(o.id, result);
        expect(validateGeometry(result).problems.filter((p) => p.severity === 'error'), o.id).toEqual([]);
        expect(validateGeometry(o.own()).problems.filter((p) => p.severity === 'error'), `${o.id} (own grid)`).toEqual([]);
      }
    });
  }
  it.runIf(refereeAvailable('snap rounding settles, against GEOS'))('every result agrees with GEOS within the grid\'s reach, and GEOS calls it valid', () => {
    const all = fixtures.cases.flatMap((c) => operations(c).map((o) => ({ id: o.id, op: o.op, operands: o.operands, ours: results.get(o.id) ?? o.run() })));
    expect(all.length).toBe(1 + 6 * 4);
    const run = spawnSync(PYTHON, ['-c', GEOS_JUDGE], { input: JSON.stringify(all), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status, run.stderr).toBe(0);
    const answers = JSON.parse(run.stdout) as { id: string; valid: string; geosKm2: number; oursKm2: number; symmetricDifferenceKm2: number; boundaryKm: number }[];
    expect(answers.length).toBe(all.length);
    const wrong: string[] = [];
    for (const a of answers) {
      const reach = REFEREE_TOLERANCE.gridStripKm * a.boundaryKm;
      if (a.valid !== 'Valid Geometry' || !(Math.abs(a.oursKm2 - a.geosKm2) <= reach && a.symmetricDifferenceKm2 <= reach)) {
        wrong.push(`${a.id}: GEOS says ${a.valid}; ours ${a.oursKm2} km², GEOS ${a.geosKm2} km², symmetric difference ${a.symmetricDifferenceKm2} km², grid reach ${reach} km²`);
      }
    }
    if (process.env['SNAP_SETTLES_LOG'] !== undefined) console.log(answers.map((a) => `${a.id}: |Δ| ${Math.abs(a.oursKm2 - a.geosKm2).toExponential(2)}, symmetric difference ${a.symmetricDifferenceKm2.toExponential(2)}, reach ${(REFEREE_TOLERANCE.gridStripKm * a.boundaryKm).toExponential(2)} km²`).join('\n'));
    expect(wrong).toEqual([]);
    // Not a vacuous bound: for each union (a whole polygon, not a sliver) it is less than the area (at a
    // millimetre a cell-wide strip along the boundary is a large part of a polygon), so an empty or a
    // wrong piece fails.
    for (const a of answers.filter((x) => x.id.endsWith(': union'))) expect(REFEREE_TOLERANCE.gridStripKm * a.boundaryKm, a.id).toBeLessThan(a.geosKm2);
  }, 60_000);
});

/**
 * GEOS's answer to each case on stdin ({ id, op, operands, ours }), in the
 * plane: areas and the boundary's length with longitude scaled by cos(lat),
 * 111.32 km a degree (about 1 % from the geodesic figures; a bound on a
 * sliver needs no more), and GEOS's verdict on our shape's validity.
 */
const GEOS_JUDGE = `${PLANAR_GEOS_PRELUDE}out = []
for case in json.load(sys.stdin):
    operands = [shape(g) for g in case['operands']]
    assert all(g.is_valid for g in operands), case['id']
    if case['op'] == 'union': expected = unary_union(operands)
    elif case['op'] == 'intersection':
        expected = operands[0]
        for g in operands[1:]: expected = expected.intersection(g)
    else: expected = operands[0].difference(unary_union(operands[1:]))
    ours = shape(case['ours']) if case['ours']['coordinates'] else expected.difference(expected)
    valid = explain_validity(ours)
    out.append({'id': case['id'], 'valid': valid, 'geosKm2': km2(expected), 'oursKm2': km2(ours),
                'symmetricDifferenceKm2': km2(expected.symmetric_difference(ours)) if valid == 'Valid Geometry' else -1.0,
                'boundaryKm': max(boundary_km(expected), boundary_km(ours))})
print(json.dumps(out))
`;

/**
 * Polygons a few grid cells across (radii 2–7 cells, 0.2–0.8 mm; the
 * vertices on the grid, on half or third cells, or on tenths), with a hole
 * of 0.5–2 cells near the middle: many edges pass cell corners. Before the
 * half-open cells, about 1 in 400 of the valid pairs threw "unsettled"
 * (2,000 drawn, 886 valid: 2 threw), and with seed 2 this property failed.
 */
const gridRing = (G: number, cx: number, cy: number, radii: readonly number[], turn: number, per: number): Position[] => {
  const ring = radii.map((r, i): Position => {
    const t = turn + (2 * Math.PI * i) / radii.length;
    return [30 + (cx + Math.round(r * Math.cos(t) * per) / per) * G, 48 + (cy + Math.round(r * Math.sin(t) * per) / per) * G];
  });
  ring.push([...ring[0]!]);
  return ring;
};
const ringArb = (min: number, max: number, most: number) =>
  fc.record({ radii: fc.array(fc.double({ min, max, noNaN: true }), { minLength: 3, maxLength: most }), turn: fc.double({ min: 0, max: 6.3, noNaN: true }) });
const tinyPair = (G: number) =>
  fc
  .record({
    shell: ringArb(2, 7, 9),
    hole: fc.option(fc.record({ ring: ringArb(0.5, 2, 8), x: fc.integer({ min: -3, max: 3 }), y: fc.integer({ min: -3, max: 3 }) })),
    other: ringArb(2, 7, 9),
    ox: fc.integer({ min: -4, max: 4 }),
    oy: fc.integer({ min: -4, max: 4 }),
    per: fc.constantFrom(2, 3, 4, 10),
  })
  .map(({ shell, hole, other, ox, oy, per }): [Polygon, Polygon] => {
    const rings = [gridRing(G, 0, 0, shell.radii, shell.turn, per)];
    if (hole !== null) rings.push(gridRing(G, hole.x, hole.y, hole.ring.radii, hole.ring.turn, per).reverse());
    return [
      { type: 'Polygon', coordinates: rings },
      { type: 'Polygon', coordinates: [gridRing(G, ox, oy, other.radii, other.turn, per)] },
    ];
  });

/**
 * The cells: the run's own grid is chosen from the operands' box (issue 12), and polygons a few
 * 1e-9° cells across (under 2e-8°) compute on 1e-12°, where they are thousands of cells across.
 * So the property runs on 1e-12° cells (their own grid), and on 1e-9° cells with the 1e-9° grid
 * held (`onCallGrid` of a 15° box, as a call on Ukraine-wide data holds it).
 */
const GRIDS = [
  { cell: FINEST_GRID_DEGREES, run: <T>(work: () => T): T => work() },
  { cell: GRID_DEGREES, run: <T>(work: () => T): T => onCallGrid([[20, 40, 35, 55]], work) },
];

describe('snap rounding settles on polygons a few grid cells across (property)', () => {
  it.each(GRIDS)('every operation on valid inputs gives a valid result, never "unsettled" (cells of $cell°)', ({ cell, run }) => {
    fc.assert(
      fc.property(tinyPair(cell), ([a, b]) => {
        fc.pre(validateGeometry(a).valid && validateGeometry(b).valid);
        let results: Operand[];
        try {
          results = run(() => [union(a), union(a, b), intersection(a, b), difference(a, b), difference(b, a)]);
          expect(run(() => gridDegreesOf(clip('union', [areaCoordinates(a), areaCoordinates(b)])))).toBe(cell);
        } catch (error) {
          // Reading the inputs onto the grid can refuse them (a hole rounded outside its shell:
          // validateGeometry judges the coordinates as given); the engine itself must not fail.
          if (isContestedError(error) && error.code !== 'geometry-engine') return;
          throw error;
        }
        for (const r of results) expect(validateGeometry(r).problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: 300, seed: 2 },
    );
  });
});

describe('a hole that Clipper2 returns sharing an edge with its own shell', () => {
  // The snap-settles property's counterexample (seed 2, run 372; found with 30× its 300 runs). In grid
  // cells from 30° E, 48° N, Clipper2's union of these gives the shell …(2,2), (2,0), (1,1), (0,2)… and
  // the hole (1,0), (1,1), (2,0), (2,−1), (1,−1): both run the edge (1,1)–(2,0), the shell's ground and
  // the hole on the same side of it. The trace of the rings meeting there joined them into one ring
  // that ran that edge out and back (a spike), and cutting that ring at its repeated vertices gave the
  // two rings back: a polygon GEOS calls a self-intersection at (2,0). Without the spike the ring is
  // simple: the hole is a notch of the shell, and its ground (16.5 cells² by the shoelace formula on
  // the ring below) is what the shell (18) minus the hole (1.5) held.
  const a: Polygon = { type: 'Polygon', coordinates: [
    [[30.000000004666667, 48], [30, 48.000000002], [29.999999998, 48], [30, 47.99999999733333], [30.000000004666667, 48]],
    [[30.000000002666667, 48], [30.000000001, 47.99999999933333], [30.000000000666667, 48], [30.000000001, 48.00000000066667], [30.000000002666667, 48]],
  ] };
  const b: Polygon = { type: 'Polygon', coordinates: [[[30.000000005, 48], [30.000000002, 48.00000000166666], [30.000000002, 47.99999999833334], [30.000000005, 48]]] };
  const c: Case = { name: 'hole sharing an edge with its shell', operands: [a, b] };

  it('union: one ring, the hole opened into a notch', () => {
    expect(validateGeometry(a).valid && validateGeometry(b).valid).toBe(true);
    const cells = (r: Operand): number[][][][] => (r.type === 'Polygon' ? [r.coordinates] : r.coordinates).map((p) => p.map((ring) => ring.map(([x, y]) => [Math.round((x! - 30) * 1e9), Math.round((y! - 48) * 1e9)])));
    // On the 1e-9° grid held (as a call on Ukraine-wide data holds it): the case is one of those cells.
    expect(cells(onCoarseGrid(() => union(a, b)))).toEqual([[[[-2, 0], [0, -3], [2, -2], [5, 0], [2, 2], [2, 0], [2, -1], [1, -1], [1, 0], [1, 1], [0, 2], [-2, 0]]]]);
    // On its own (finer) grid the same union is one simple polygon too.
    expect(validateGeometry(union(a, b)).valid).toBe(true);
  });
  it.runIf(refereeAvailable('a hole sharing an edge with its shell, against GEOS'))('every operation: valid, and within the grid\'s reach of GEOS', () => {
    const all = [
      ...operations(c).map((o) => ({ id: `${o.id} (1e-9° held)`, op: o.op, operands: o.operands, ours: onCoarseGrid(() => o.run()) })),
      ...operations(c).map((o) => ({ id: o.id, op: o.op, operands: o.operands, ours: o.run() })),
    ];
    for (const o of all) expect(validateGeometry(o.ours).problems.filter((p) => p.severity === 'error'), o.id).toEqual([]);
    const run = spawnSync(PYTHON, ['-c', GEOS_JUDGE], { input: JSON.stringify(all), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const answers = JSON.parse(run.stdout) as { id: string; valid: string; geosKm2: number; oursKm2: number; symmetricDifferenceKm2: number; boundaryKm: number }[];
    expect(answers.map((x) => x.id)).toEqual(all.map((o) => o.id));
    for (const x of answers) {
      const reach = REFEREE_TOLERANCE.gridStripKm * x.boundaryKm;
      expect(x.valid, x.id).toBe('Valid Geometry');
      expect(Math.abs(x.oursKm2 - x.geosKm2), x.id).toBeLessThanOrEqual(reach);
      expect(x.symmetricDifferenceKm2, x.id).toBeLessThanOrEqual(reach);
    }
  });
});
