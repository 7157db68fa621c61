/**
 * The check that broke a uniformly finer grid (docs/geometry.md, "Engine and
 * grid", "Why not a uniformly finer grid"): with A = Ukraine's outline and B,
 * C = DeepState's occupied areas of 2025-10-01 and 2026-08-22, `(A − B) − C`
 * and `(A − C) − B` are the same ground. At a uniform 1e-10° (integers near
 * 4e11) they differed by 0.39 km², two copies of one triangle. The grid is
 * now chosen per run from the operands' box (issue 12): Ukraine-wide the runs
 * must stay on 1e-9°, and runs cut down to boxes along the front compute on
 * 1e-10° to 1e-12° with integers no larger than a Ukraine-wide run's. Both
 * orders must agree far inside 0.39 km² (measured 2026-12-03: 1.2e-6 km² of
 * symmetric difference Ukraine-wide, at most 1.6e-7 km² in the boxes), and
 * the boxes must agree with the same runs held on 1e-9° within the 1e-9°
 * grid's reach along their boundaries.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaCoordinates } from '../../src/geometry/boolean.js';
import { clip, gridDegreesOf, onCallGrid, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { areaKm2, perimeterM } from '../../src/geometry/index.js';
import { hasData, readAreas } from './_data.js';

const FILES = ['ukraine/ukraine-adm0.geojson', 'deepstate/occupied-2025-10-01.geojson', 'deepstate/occupied-2026-08-22.geojson'];
const present = hasData('subtraction order', ...FILES);

const km2 = (m: MultiPolygon2): number => areaKm2({ type: 'MultiPolygon', coordinates: m });
const boundaryKm = (m: MultiPolygon2): number => (m.length === 0 ? 0 : perimeterM({ type: 'MultiPolygon', coordinates: m }) / 1000);
const asMulti = (file: string): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: readAreas(file).features.flatMap((f) => (f.geometry.type === 'Polygon' ? [(f.geometry as Polygon).coordinates] : (f.geometry as MultiPolygon).coordinates)),
});

/** `(A − B) − C` and `(A − C) − B`, the cell of their runs and the area of their symmetric difference. */
function bothOrders(a: MultiPolygon2, b: MultiPolygon2, c: MultiPolygon2): { abc: MultiPolygon2; acb: MultiPolygon2; cells: number[]; symmetricKm2: number } {
  const ab = clip('difference', [a, b]);
  const abc = clip('difference', [ab, c]);
  const ac = clip('difference', [a, c]);
  const acb = clip('difference', [ac, b]);
  return { abc, acb, cells: [ab, abc, ac, acb].map(gridDegreesOf), symmetricKm2: km2(clip('difference', [abc, acb])) + km2(clip('difference', [acb, abc])) };
}

describe.runIf(present)('(A − B) − C against (A − C) − B on DeepState, Ukraine-wide and along the front', () => {
  const [ukraine, early, late] = present ? FILES.map((f) => asMulti(f)) : [];

  it('Ukraine-wide: every run on 1e-9°, the two orders the same ground to 1e-5 km²', () => {
    const a = areaCoordinates(ukraine!);
    const b = clip('union', [areaCoordinates(early!)]);
    const c = clip('union', [areaCoordinates(late!)]);
    const { abc, acb, cells, symmetricKm2 } = bothOrders(a, b, c);
    expect(cells).toEqual([1e-9, 1e-9, 1e-9, 1e-9]);
    expect(km2(abc)).toBeGreaterThan(400_000);
    expect(Math.abs(km2(abc) - km2(acb))).toBeLessThan(1e-5);
    expect(symmetricKm2).toBeLessThan(1e-5);
  });

  it('in boxes along the 2026 front (1e-10° to 1e-12°): the two orders agree, and agree with 1e-9° within its reach', () => {
    const occupied = areaCoordinates(late!);
    const front = occupied.reduce((longest, p) => (p[0]!.length > longest.length ? p[0]! : longest), occupied[0]![0]!);
    let boxes = 0;
    for (let k = 0; k < 6; k += 1) {
      const [x, y] = front[Math.floor(((k + 0.5) * front.length) / 6)]!;
      for (const [half, cell] of [[0.995, 1e-10], [0.0995, 1e-11], [0.00995, 1e-12]] as const) {
        const box: [number, number, number, number] = [x! - half, y! - half, x! + half, y! + half];
        const [a, b, c] = [ukraine!, early!, late!].map((g) => areaCoordinates(g, [], box)) as [MultiPolygon2, MultiPolygon2, MultiPolygon2];
        if (a.length === 0) continue;
        const fine = bothOrders(a, b, c);
        const coarse = onCallGrid([[20, 40, 42, 55]], () => bothOrders(a, b, c));
        const id = `box ${x!.toFixed(3)}, ${y!.toFixed(3)} ± ${half}°`;
        // The cell of every run of the box whose result is not empty (an empty result says nothing of its grid).
        for (const [i, m] of [fine.abc, fine.acb].entries()) if (m.length > 0) expect(fine.cells[2 * i + 1], id).toBe(cell);
        expect(coarse.cells, id).toEqual([1e-9, 1e-9, 1e-9, 1e-9]);
        expect(fine.symmetricKm2, id).toBeLessThan(1e-6);
        // The 1e-9° grid's reach: 1.1e-7 km along the boundary, two stages.
        const reach = 1.1e-7 * 2 * Math.max(boundaryKm(fine.abc), boundaryKm(coarse.abc)) + 1e-12;
        expect(Math.abs(km2(fine.abc) - km2(coarse.abc)), id).toBeLessThanOrEqual(reach);
        boxes += 1;
      }
    }
    expect(boxes).toBeGreaterThan(10);
  });
});
