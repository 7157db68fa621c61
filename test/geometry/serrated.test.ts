/**
 * Serrated edges (audit finding F3): Clipper2 sweeps along y and its active
 * edge list holds every edge a parallel crosses, so a comb of vertical
 * teeth (a rasterised edge) cost it vertices × teeth. `clip` measures the
 * sweep along both axes and runs the engine on the operands transposed when
 * the sweep along x is much shorter. These tests pin the measure by hand,
 * compare the transposed run with the plain one and with GEOS, and bound
 * the time of a comb that took about 7 s of CPU before.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, difference, intersection, validateGeometry } from '../../src/geometry/index.js';
import { clipAlong, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { boxes, crossOverlap, someOverlap } from '../../src/geometry/_sweep.js';
import { sweepAxis, sweepSize } from '../../src/geometry/_sweepWidth.js';
import { describeDisagreements, disagreements, referee, refereeAvailable, type RefereeCase } from '../referee/_geos.js';

const W = 1e-4;
/** `n` teeth 1e-4° wide hanging from a bar, all tips on latitude 50, and a box over the west half from latitude 50.0025 up. */
function comb(n: number): { comb: Polygon; box: Polygon } {
  const p: Position[] = [[30, 50.01]];
  for (let i = 0; i < n; i++) {
    const x = 30 + 2 * i * W;
    p.push([x, 50], [x + W, 50], [x + W, 50.005]);
  }
  p.push([30 + 2 * n * W, 50.005], [30 + 2 * n * W, 50.01], [30, 50.01]);
  return {
    comb: { type: 'Polygon', coordinates: [p.reverse()] },
    box: { type: 'Polygon', coordinates: [[[29.9, 50.0025], [30 + n * W, 50.0025], [30 + n * W, 50.02], [29.9, 50.02], [29.9, 50.0025]]] },
  };
}
const operands = (...polygons: Polygon[]): MultiPolygon2[] => polygons.map((p) => [p.coordinates as MultiPolygon2[number]]);
/** Polygons in a fixed order (both runs start every ring at its lowest-left vertex; only the order of polygons and holes follows the sweep). */
const canonical = (m: MultiPolygon2): string[] => m.map((p) => JSON.stringify([p[0], ...p.slice(1).map((h) => JSON.stringify(h)).sort()])).sort();
const cpuMs = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

describe('the sweep measure', () => {
  it('a unit square: two edges on a parallel, each of its four vertices reaches both', () => {
    const square: MultiPolygon2 = [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]];
    expect(sweepSize([square], 'y')).toEqual({ vertices: 4, width: 2, work: 8 });
    expect(sweepSize([square], 'x')).toEqual({ vertices: 4, width: 2, work: 8 });
  });
  it('a comb of n teeth minus a box: 2n + 2 edges on a parallel through the teeth, 4 on a meridian', () => {
    const { comb: c, box } = comb(2000);
    const along = (axis: 'x' | 'y') => sweepSize(operands(c, box), axis);
    // Parallel between 50.0025 and 50.005: both sides of every tooth and the box's two sides. Meridian through a tooth: its tip, the bar's top, the box's bottom and top.
    expect(along('y').width).toBe(2 * 2000 + 2);
    expect(along('x').width).toBe(4);
    expect(along('y').vertices).toBe(3 * 2000 + 3 + 4);
    // 6,007 vertices, about 2.4e7 list steps along y: below the bar (the run takes about 0.4 s either way).
    expect(sweepAxis(operands(c, box))).toBe('y');
    const larger = comb(5000);
    expect(sweepAxis(operands(larger.comb, larger.box))).toBe('x');
  });
  it('a comb below the size measured, and a plain large ring, sweep along y', () => {
    const { comb: c, box } = comb(1000);
    expect(sweepAxis(operands(c, box))).toBe('y'); // 3,007 vertices: not measured
    const ring: Position[] = [];
    for (let i = 0; i < 20000; i++) ring.push([30 + Math.cos((2 * Math.PI * i) / 20000), 48 + Math.sin((2 * Math.PI * i) / 20000)]);
    ring.push(ring[0]!);
    expect(sweepAxis([[[ring as MultiPolygon2[number][number]]]])).toBe('y');
  });
});

describe('the engine run transposed', () => {
  it('gives the same polygons as the run along y on a comb (3,000 teeth), difference and intersection', () => {
    const { comb: c, box } = comb(3000);
    for (const op of ['difference', 'intersection'] as const) {
      const y = clipAlong('y', op, operands(c, box));
      const x = clipAlong('x', op, operands(c, box));
      expect(x.length).toBe(op === 'difference' ? 1501 : 1);
      expect(canonical(x)).toEqual(canonical(y));
      // Shells counter-clockwise, as the engine writes them.
      for (const p of x) expect(p[0]!.reduce((s, v, i, r) => (i === 0 ? 0 : s + (r[i - 1]![0] * v[1] - v[0] * r[i - 1]![1])), 0)).toBeGreaterThan(0);
    }
  });

  it('a 45,000-vertex comb minus a box takes under 3 s of CPU (6.3 s along y, 0.59 s along x measured), and is valid', () => {
    const { comb: c, box } = comb(15000);
    let d: ReturnType<typeof difference> | undefined;
    const ms = cpuMs(() => (d = difference(c, box)));
    expect(validateGeometry(d!).valid).toBe(true);
    expect(d!.coordinates.length).toBe(7501);
    expect(ms).toBeLessThan(3000);
  });

  it('a zig-zag strip minus a shifted copy (crossings off the grid): both runs valid, and within the grid of each other in area', () => {
    const n = 4000;
    const zig = (dx: number, dy: number): Polygon => {
      const p: Position[] = [];
      for (let i = 0; i < n; i++) p.push([37 + i * 1e-9 + dx, 48 + (i % 2 ? 3e-9 : 0) + dy]);
      for (let i = n - 1; i >= 0; i--) p.push([37 + i * 1e-9 + dx, 48 + 1e-6 + (i % 2 ? 3e-9 : 0) + dy]);
      p.push(p[0]!);
      return { type: 'Polygon', coordinates: [p.reverse()] };
    };
    const a = zig(0, 0);
    const b = zig(4e-10, 5e-7);
    expect(sweepAxis(operands(a, b))).toBe('x');
    const km2 = (m: MultiPolygon2) => areaKm2({ type: 'MultiPolygon', coordinates: m });
    const y = clipAlong('y', 'difference', operands(a, b));
    const x = clipAlong('x', 'difference', operands(a, b));
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: x }).valid).toBe(true);
    // The strip's boundary is about 2 × 4,000 × 3.2e-9° ≈ 2.9 m long; a grid strip 1.1e-7 km wide along it.
    expect(Math.abs(km2(x) - km2(y))).toBeLessThanOrEqual(1.1e-7 * 3e-3);
  });
});

describe('crossOverlap along latitude', () => {
  it('finds every pair on boxes much deeper along x (5,000 bars running east–west and 3,000 cells), as testing every pair does', () => {
    const bars = boxes(5000);
    for (let i = 0; i < 5000; i++) {
      bars.minX[i] = (i * 7) % 50;
      bars.maxX[i] = bars.minX[i]! + 1000;
      bars.minY[i] = 2 * i;
      bars.maxY[i] = 2 * i + (i % 3);
    }
    const cells = boxes(3000);
    for (let k = 0; k < 3000; k++) {
      cells.minX[k] = (k * 37) % 1100;
      cells.maxX[k] = cells.minX[k]! + 1;
      cells.minY[k] = (k * 13) % 10010;
      cells.maxY[k] = cells.minY[k]! + 1;
    }
    const found = new Set<number>();
    crossOverlap(bars, cells, (a, b) => void found.add(a * 3000 + b));
    const expected = new Set<number>();
    for (let a = 0; a < 5000; a++) for (let b = 0; b < 3000; b++) if (bars.minX[a]! <= cells.maxX[b]! && cells.minX[b]! <= bars.maxX[a]! && bars.minY[a]! <= cells.maxY[b]! && cells.minY[b]! <= bars.maxY[a]!) expected.add(a * 3000 + b);
    expect(expected.size).toBeGreaterThan(1000);
    expect(found).toEqual(expected);
    // someOverlap over the bars alone (5,000 boxes): every overlapping pair once.
    const pairs = new Set<number>();
    someOverlap(bars, (i, j) => {
      pairs.add(Math.min(i, j) * 5000 + Math.max(i, j));
      return false;
    });
    const all = new Set<number>();
    for (let a = 0; a < 5000; a++) for (let b = a + 1; b < 5000; b++) if (bars.minX[a]! <= bars.maxX[b]! && bars.minX[b]! <= bars.maxX[a]! && bars.minY[a]! <= bars.maxY[b]! && bars.minY[b]! <= bars.maxY[a]!) all.add(a * 5000 + b);
    expect(all.size).toBeGreaterThan(1000);
    expect(pairs).toEqual(all);
  });

  it('an east–west comb (the comb turned a quarter, 30,004 vertices) minus a box takes under 2 s of CPU and is valid', () => {
    const { comb: c, box } = comb(10000);
    const turn = (p: Polygon): Polygon => ({ type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(([x, y]) => [y!, x!])) });
    let d: ReturnType<typeof difference> | undefined;
    const ms = cpuMs(() => (d = difference(turn(c), turn(box))));
    expect(validateGeometry(d!).valid).toBe(true);
    expect(d!.coordinates.length).toBe(5001);
    expect(ms).toBeLessThan(2000);
  });
});

describe.runIf(refereeAvailable('serrated edges against GEOS'))('serrated edges against GEOS', () => {
  it('the transposed runs agree with GEOS in area and shape (comb of 15,000 teeth minus and intersected with a box)', () => {
    const { comb: c, box } = comb(15000);
    expect(sweepAxis(operands(c, box))).toBe('x');
    const cases = [
      { id: 'comb 15000 − box', kind: 'boolean', op: 'difference', operands: [c, box], ours: difference(c, box) },
      { id: 'comb 15000 ∩ box', kind: 'boolean', op: 'intersection', operands: [c, box], ours: intersection(c, box) },
    ] satisfies RefereeCase[];
    const answers = referee(cases);
    const wrong = answers.flatMap((answer, i) => disagreements(answer, { result: areaKm2(cases[i]!.ours) }));
    expect(wrong, describeDisagreements(wrong)).toEqual([]);
  });
});

/** A square of 0.2° with 100 square holes, a box over its middle (edges on the grid, no crossing off it), and a triangle whose edges cross the holes' off the grid. */
function holed(): { a: MultiPolygon2; box: MultiPolygon2; triangle: MultiPolygon2 } {
  const holes: [number, number][][] = [];
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 10; j++) {
      const x = 30.01 + i * 0.01;
      const y = 48.01 + j * 0.01;
      holes.push([[x, y], [x, y + 0.004], [x + 0.004, y + 0.004], [x + 0.004, y], [x, y]]);
    }
  }
  return {
    a: [[[[30, 48], [30.2, 48], [30.2, 48.2], [30, 48.2], [30, 48]], ...holes]],
    box: [[[[30.05, 48.05], [30.15, 48.05], [30.15, 48.15], [30.05, 48.15], [30.05, 48.05]]]],
    triangle: [[[[30.013, 48], [30.2, 48.171], [30, 48.19], [30.013, 48]]]],
  };
}

describe('holes through the transposed run', () => {
  it('with edges on the grid, the same polygons and holes as the run along y, each operation', () => {
    const { a, box } = holed();
    for (const op of ['difference', 'intersection', 'union'] as const) {
      const x = clipAlong('x', op, [a, box]);
      expect(x.reduce((t, p) => t + p.length - 1, 0)).toBe(op === 'intersection' ? 25 : op === 'union' ? 64 : 65);
      expect(canonical(x)).toEqual(canonical(clipAlong('y', op, [a, box])));
    }
  });
});

describe.runIf(refereeAvailable('holes transposed against GEOS'))('holes transposed against GEOS', () => {
  it('with crossings off the grid, each operation run along x agrees with GEOS in area and shape', () => {
    const { a, triangle } = holed();
    const geo = (m: MultiPolygon2) => ({ type: 'MultiPolygon' as const, coordinates: m });
    const cases = (['difference', 'intersection', 'union'] as const).map((op) => ({ id: `holed ${op} triangle along x`, kind: 'boolean', op, operands: [geo(a), geo(triangle)], ours: geo(clipAlong('x', op, [a, triangle])) }) satisfies RefereeCase);
    const answers = referee(cases);
    const wrong = answers.flatMap((answer, i) => disagreements(answer, { result: areaKm2(cases[i]!.ours) }));
    expect(wrong, describeDisagreements(wrong)).toEqual([]);
  });
});

describe('the bound that settles most operands without sorting', () => {
  it('is never below the work it bounds (combs, a circle, random rings, open rings), along either axis', async () => {
    const { workAtMost } = await import('../../src/geometry/_sweepWidth.js');
    const cases: MultiPolygon2[][] = [];
    for (const n of [5, 300, 2000]) cases.push(operands(comb(n).comb, comb(n).box));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 20; k++) {
      const ring: [number, number][] = [];
      for (let i = 0; i < 50 + k * 40; i++) ring.push([Math.round(random() * 30) / 7, Math.round(random() * 30) / 7]);
      cases.push([[[k % 2 === 0 ? [...ring, ring[0]!] : ring]]]);
    }
    for (const c of cases) for (const axis of ['x', 'y'] as const) expect(workAtMost(c, axis)).toBeGreaterThanOrEqual(sweepSize(c, axis).work);
  });
});
