/**
 * The clipping engine. Every boolean operation in the library (union,
 * intersection, difference, the split by a line, the repair of
 * self-intersections, and the overlay of labelled regions) goes through
 * `clip` here.
 *
 * The backend is clipper2-ts, a port of Angus Johnson's Clipper2 (the engine
 * Turf is moving its boolean operations to). It works on an integer grid
 * whose cell is chosen per run from the operands' box ({@link gridDegreesFor}:
 * {@link GRID_DEGREES}, 1e-9° or about 0.1 mm, for anything wider than 2°,
 * a power of ten down to 1e-12° for smaller extents), every coordinate
 * rounded to a multiple of it and counted from the box's corner before
 * clipping, so that the integers stay as small as a Ukraine-wide run's at
 * 1e-9°; an overlay or a public call holds one grid for all its runs
 * ({@link onCallGrid}). The precision is passed explicitly here, never
 * through Clipper's one-argument helpers (whose default is 2 decimals,
 * about 1 km). Before each run an input edge that passes within a cell of
 * a vertex is routed through it (snap rounding's hot-pixel rule,
 * `snapInputs`), since Clipper2 misreads a vertex a fraction of a cell
 * beside an edge, or exactly on it; with that, it has no retry path and, in our measurements,
 * no failure on real data, on the adversarial inputs that make other
 * engines hang, or on 13,000 generated pairs of valid polygons 0.3–4 mm
 * across on 1e-9° (6 of which threw until the output's snap rounding used
 * half-open cells, audit F3; see `docs/geometry.md`). That is a measurement, not a
 * proof: a failure is still reported, never hidden (below).
 *
 * Every result is meant to be valid in GEOS's sense, so that
 * `validateGeometry` accepts it: the output goes through snap rounding
 * (`snapToVertices`: a vertex rounded a fraction of a cell across another
 * edge is met by that edge, and two edges that cross, which Clipper2 leaves
 * where it misjudges near-coincident edges, are both routed through the
 * crossing's cell: `routeCrossings`, audit F1), iterated until no edge meets
 * another but at a shared vertex, rings meeting at a vertex are re-linked
 * so that each bounds one piece of ground (`traceFaces`), and a ring that
 * still comes back to a vertex is split into simple rings (the loop that
 * turns the other way becomes a hole). What that proves is that no two
 * edges of one run's output cross, overlap or touch other than at shared
 * vertices. Two limits remain, neither seen: a ring wholly inside another
 * piece of the same winding with no edge meeting it (Clipper2 labelling a
 * whole ring wrongly) is not looked for; and the polygons `partsApart`
 * passes through untouched are joined to the engine's output of the others
 * without that check (the input test shows they meet only at shared
 * vertices, and that no input edge passes another vertex's cell).
 * Operands reach `clip` already read as `normalizeGeometry` reads
 * them (`readAsNormalized` in `_operand.ts`). If the engine still reports a
 * failure, or the output has not settled after {@link MAX_SNAP_ROUNDS}
 * rounds, the caller gets `ContestedError('geometry-engine')` naming the
 * operation and the sizes of the inputs: never a different shape.
 *
 * @module
 */
import { Clipper64, ClipType, FillRule, type Path64, type Point64 } from 'clipper2-ts';
import Flatbush from 'flatbush';
import { ContestedError } from '../errors/index.js';
import { cleanMultiPolygon, type MultiPolygon2, type Polygon2, type Ring2 } from './_clean.js';
import { twiceSignedPathArea as pathArea2 } from './_planar.js';
import { boxes, crossOverlap, someOverlap, type Boxes } from './_sweep.js';
import { onCropCall, ringBox } from './_crop.js';
import { RingLocator } from './_pointInRing.js';
import { sweepAxis } from './_sweepWidth.js';

export type { MultiPolygon2, Polygon2, Ring2 } from './_clean.js';

/**
 * The engine's coarsest grid, in degrees: 1e-9°, 0.11 mm of latitude. A run
 * whose operands span more than {@link GRID_SPAN_CELLS} cells of the next
 * finer grid (anything wider than 2°: a country, every DeepState or ISW
 * map) computes on this one, and every vertex of its result lies on it;
 * smaller runs compute on finer powers of ten ({@link gridDegreesFor}),
 * which nest in it. Rounding moves a vertex by
 * at most 0.71e-9°; on the real data (1,476 DeepState and ISW polygons,
 * `bench/grid-error.ts`) that changes no polygon of 1 km² or more by more
 * than 6.9e-8 of its area, none of 100 km² or more by more than 7.5e-9,
 * and none by more than 6.2e-6 km²; the largest relative change, 2.7e-2,
 * is on a 0.07 m² ISW polygon (docs/geometry.md, "Engine and grid").
 * Thresholds stated in degrees
 * (ten cells for "may overlap", the grid's reach in `overlay`) are counted
 * in cells of this grid, so they hold on every finer one.
 */
export const GRID_DEGREES = 1e-9;

/** The finest grid a run may use, in degrees (1e-12°, 0.11 µm): a run spanning under 0.02°. */
export const FINEST_GRID_DEGREES = 1e-12;

/**
 * How many cells a run may span, at most, on a grid finer than
 * {@link GRID_DEGREES}: 2e10, about the span of a Ukraine-wide run at 1e-9°
 * (18° of longitude, 1.8e10 cells), on which Clipper2's floating-point
 * predicates were measured sound. At 1e-10° a Ukraine-wide run spans
 * 1.8e11 cells, and one DeepState overlay came out with a 0.39 km² piece
 * that is not there (docs/geometry.md, "Why not finer"): what matters for
 * those predicates is the size of the integers, and the integers of a run
 * are counted from the south-west corner of its operands' box, so they stay
 * below this bound whatever the cell.
 */
export const GRID_SPAN_CELLS = 2e10;

/**
 * The cell a run on operands within `box` ([west, south, east, north],
 * degrees) computes on: the finest power of ten from 1e-9° down to
 * {@link FINEST_GRID_DEGREES} on which the box spans at most
 * {@link GRID_SPAN_CELLS} cells on each axis; 1e-9° for anything wider.
 * Powers of ten nest, so a result on a coarser grid lies on every finer one.
 */
export function gridDegreesFor(box: readonly [number, number, number, number]): number {
  return 1 / gridScaleFor(box[2] - box[0], box[3] - box[1]);
}

/** 1 / the cell for a run spanning `width` × `height` degrees (an exact power of ten, 1e9 to 1e12). */
function gridScaleFor(width: number, height: number): number {
  const span = Math.max(width, height, 0);
  let scale = 1e9;
  while (scale < 1e12 && span * scale * 10 <= GRID_SPAN_CELLS) scale *= 10;
  return scale;
}

/**
 * The current run's grid: coordinates are multiplied by `scale` (1 / the
 * cell, an exact power of ten), rounded, and counted from the integer
 * origin (`originX`, `originY`: the south-west corner of the operands' box
 * on that grid), so every integer is below the run's span in cells. Set by
 * {@link onRunGrid} for the length of one `clip` or `resolveRings`.
 */
let scale = 1e9;
let originX = 0;
let originY = 0;

/**
 * Runs `work` on the grid chosen for `operands` ({@link gridDegreesFor} of
 * their box), restoring the grid before it afterwards; the result's cell is
 * recorded for {@link gridDegreesOf}.
 */
function onRunGrid(operands: readonly MultiPolygon2[], work: () => MultiPolygon2): MultiPolygon2 {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const polygons of operands) {
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i += 1) {
          const x = ring[i]![0];
          const y = ring[i]![1];
          if (x < w) w = x;
          if (x > e) e = x;
          if (y < s) s = y;
          if (y > n) n = y;
        }
      }
    }
  }
  const saved = [scale, originX, originY] as const;
  scale = w === Infinity ? 1e9 : Math.min(heldScale, gridScaleFor(e - w, n - s));
  originX = w === Infinity ? 0 : Math.round(w * scale);
  originY = s === Infinity ? 0 : Math.round(s * scale);
  try {
    const out = work();
    RESULT_SCALE.set(out, scale);
    return out;
  } finally {
    [scale, originX, originY] = saved;
  }
}

/**
 * The coarsest grid (1 / cell) held for the call under way
 * ({@link onCallGrid}); 1e12 (no limit) outside one.
 */
let heldScale = 1e12;

/**
 * Runs `work` with every engine run in it on a grid no finer than the one
 * chosen for the box around `boxes` ([west, south, east, north] each): a
 * run on operands within that box computes on exactly that grid, a run
 * reaching beyond it on its own (coarser) one. An overlay holds the grid
 * of everything it reads, so that its pieces, computed in many runs on
 * smaller boxes, are all rounded to one grid and fit together as they did
 * on the fixed grid (a piece cut in a window and the same piece cut whole
 * agree vertex for vertex). Calls nest: the coarsest held grid holds.
 */
export function onCallGrid<T>(boxes: Iterable<readonly [number, number, number, number]>, work: () => T): T {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const b of boxes) {
    if (b[0] < w) w = b[0];
    if (b[1] < s) s = b[1];
    if (b[2] > e) e = b[2];
    if (b[3] > n) n = b[3];
  }
  const saved = heldScale;
  if (w !== Infinity) heldScale = Math.min(heldScale, gridScaleFor(e - w, n - s));
  try {
    // The call's cuts share their pyramids too (`onCropCall`).
    return onCropCall(work);
  } finally {
    heldScale = saved;
  }
}

/**
 * 1 / the cell a run of operands within `box` would compute on now (within
 * the grid held by {@link onCallGrid}, if any): the grid on which
 * `readAsNormalized` reads an operand, so that a union of that operand
 * alone may pass it through as read.
 */
export function gridScaleNow(box: readonly [number, number, number, number]): number {
  return Math.min(heldScale, gridScaleFor(box[2] - box[0], box[3] - box[1]));
}

/**
 * The grid of the run under way (for tests that watch Clipper2's integer
 * input): a position [x, y] in degrees is the integer point
 * (round(x · scale) − originX, round(y · scale) − originY).
 */
export function runGrid(): { scale: number; originX: number; originY: number } {
  return { scale, originX, originY };
}

/** The grid (1 / cell) each result of `clip` and `resolveRings` was computed on. */
const RESULT_SCALE = new WeakMap<MultiPolygon2, number>();

/**
 * The cell, in degrees, of the grid the engine computed `result` on (a
 * result of `clip`), or {@link GRID_DEGREES} for anything else: the grid
 * the operands were read on, e.g. to measure them as the run read them.
 */
export function gridDegreesOf(result: MultiPolygon2): number {
  return 1 / (RESULT_SCALE.get(result) ?? 1e9);
}

/** A coordinate in degrees rounded to a grid of cell 1 / `gridScale` (1e9 by default: {@link GRID_DEGREES}), as a number of cells. */
export function onGrid(degrees: number, gridScale = 1e9): number {
  return Math.round(degrees * gridScale);
}

/** The operations `clip` runs. */
export type ClipOperation = 'union' | 'intersection' | 'difference';

/**
 * Runs one boolean operation: empty operands short-circuit, coordinates go
 * onto the grid, the output is split into simple rings and cleaned, and a
 * failure becomes `ContestedError('geometry-engine')`. For `difference` the
 * first operand is the subject and every other one is subtracted.
 */
export function clip(operation: ClipOperation, operands: readonly MultiPolygon2[]): MultiPolygon2 {
  if (sweepAxis(operands) === 'y') return clipAlong('y', operation, operands);
  return clipAlong('x', operation, operands);
}

/**
 * Runs `clip` with the engine sweeping along the axis given: along y (as
 * Clipper2 sweeps), or along x by running it on the operands with x and y
 * swapped and swapping the result back ({@link transposed}). `clip` picks
 * the axis by {@link sweepAxis}; tests compare the two. The run's grid is
 * chosen from the operands it is given (swapping the axes swaps the box,
 * not its size, so the cell is the same either way).
 *
 * @internal
 */
export function clipAlong(axis: 'x' | 'y', operation: ClipOperation, operands: readonly MultiPolygon2[]): MultiPolygon2 {
  if (axis === 'y') return onRunGrid(operands, () => clipOnGrid(operation, operands));
  const swapped = operands.map((m) => transposed(m));
  const inner = onRunGrid(swapped, () => clipOnGrid(operation, swapped));
  const out = transposed(inner, true);
  const cell = RESULT_SCALE.get(inner);
  if (cell !== undefined) RESULT_SCALE.set(out, cell);
  return out;
}

function clipOnGrid(operation: ClipOperation, operands: readonly MultiPolygon2[]): MultiPolygon2 {
  if (operation === 'intersection' && (operands.length === 0 || operands.some((m) => m.length === 0))) return [];
  if (operation === 'union' && operands.every((m) => m.length === 0)) return [];
  if (operation === 'union' && operands.length === 1) {
    const apart = partsApart(operands[0]!);
    if (apart !== null) return apart;
  }
  const [subject, ...clips] = operands;
  if (operation === 'difference' && (subject === undefined || subject.length === 0)) return [];

  if (operation === 'union') return execute(operation, operands, ClipType.Union, operands.flatMap(toPaths), []);
  if (operation === 'difference') return execute(operation, operands, ClipType.Difference, toPaths(subject!), clips.flatMap(toPaths));
  // Intersection of many operands, two at a time: Clipper intersects the
  // subject set with the clip set, each filled by its own rule.
  let acc = toPaths(subject!);
  for (const next of clips) {
    if (acc.length === 0) return [];
    acc = runPaths(operation, operands, ClipType.Intersection, acc, toPaths(next));
  }
  return fromPaths(acc, operation, operands);
}

/**
 * The polygons with x and y swapped in every vertex. Swapping the axes
 * mirrors the plane, so every ring's winding turns; rings the engine wrote
 * (`output`) are also turned back to its winding (shells
 * counter-clockwise, holes clockwise) and started again at their
 * lowest-left vertex as {@link toRing} starts them. A polygon marked
 * simple stays marked (swapping the axes neither makes nor removes a
 * crossing or a touch).
 */
function transposed(polygons: MultiPolygon2, output = false): MultiPolygon2 {
  return polygons.map((polygon) => {
    const out = polygon.map((ring) => {
      const swapped: Ring2 = new Array(ring.length);
      for (let i = 0; i < ring.length; i += 1) swapped[i] = [ring[i]![1], ring[i]![0]];
      return output ? restarted(swapped.reverse()) : swapped;
    });
    const simple = SIMPLE_POLYGONS.get(polygon);
    if (simple !== undefined) SIMPLE_POLYGONS.set(out, simple);
    return out;
  });
}

/** A closed ring started again at its lowest-left vertex (least x, then least y). */
function restarted(ring: Ring2): Ring2 {
  const n = ring.length - 1;
  let start = 0;
  for (let i = 1; i < n; i += 1) {
    const p = ring[i]!;
    const q = ring[start]!;
    if (p[0] < q[0] || (p[0] === q[0] && p[1] < q[1])) start = i;
  }
  if (start === 0) return ring;
  const out: Ring2 = new Array(n + 1);
  for (let i = 0; i < n; i += 1) out[i] = ring[(start + i) % n]!;
  out[n] = [out[0]![0], out[0]![1]];
  return out;
}

/**
 * Polygons whose rings neither cross nor touch on a grid, as
 * `readAsNormalized` found them, with that grid (1 / cell): simplicity on
 * one grid does not imply it on another (rounding may make rings touch, or
 * part them), so the mark counts only in a run on the same grid.
 */
const SIMPLE_POLYGONS = new WeakMap<Polygon2, number>();

/** Records that the rings of `polygon` (as `readAsNormalized` returns it) neither cross nor touch on the grid of 1 / `gridScale` degrees. */
export function markSimple(polygon: Polygon2, gridScale: number): void {
  SIMPLE_POLYGONS.set(polygon, gridScale);
}

/**
 * The union of one operand with the engine run only on the polygons that
 * need it, or null when the engine is to run on all of them. The pairs of
 * polygons whose boxes meet (islands in the box of a mainland, a spit
 * touching it) are tested exactly by {@link howPartsMeet}; boxes apart
 * settle the other pairs.
 * - If edges of two polygons meet anywhere but at a vertex of both (they
 *   cross, run along one another, or a vertex of one lies on an edge of
 *   the other), the engine runs on everything: it computes new vertices
 *   there, and where Clipper2 rounds them depends on every vertex of the
 *   run (it rounds per scanbeam, whose bounds are the y of all vertices),
 *   so a run on those polygons alone could round one a cell away from the
 *   whole run's (test/geometry/union-parts-apart.test.ts found one).
 * - Otherwise the polygons are grouped: two are in one group when they
 *   share a vertex or one lies in the other's outer ring (transitively).
 *   A group is passed through as it is when each of its polygons has
 *   rings that neither cross nor touch on the grid (as `readAsNormalized`
 *   found them, and none is a ring the engine would not give back as it
 *   is: {@link unlikeEngineOutput}), none lies in another's outer ring
 *   (an island in a lake goes to the engine), at each shared vertex their
 *   corners lie side by side, neither reaching into the other's (and apart
 *   by more than the engine's floating-point angle test could confuse:
 *   {@link cornersApart}). The other groups are united by the engine in
 *   one run (no edge of a passed polygon meets theirs but at shared
 *   vertices), and come after the passed ones.
 *   Pairs of which neither could pass are not tested: those polygons go
 *   to the engine anyway, in a run of their own, and where two of them
 *   cross, Clipper2 may round the crossing a cell (1e-9°) from where a run
 *   over the whole operand would. That is within the grid's reach, and
 *   the same as before polygons touching at vertices could pass (an
 *   independent review found 16 such operands in 20,000 generated to
 *   have them, the same 16 on the earlier code); the test of those pairs
 *   would send Ukraine's outline whole to the engine again (two of its
 *   polygons that cannot pass meet other than at a shared vertex).
 * - Either way, snap rounding must have nothing to do: if one pass of
 *   {@link snapRound} (the one the engine's run would make) routes any
 *   edge through a vertex, the engine runs on everything (a routed edge
 *   may cross another, the crossing is rounded by the whole run's
 *   scanbeams, and the engine's snap rounding of its output may route an
 *   edge again, through a vertex of a polygon that would have passed).
 *   With no edge routed and none crossing, the engine makes no new vertex,
 *   and its output snap rounding finds nothing either. The snap pass skips
 *   rings of fewer than four vertices; {@link unlikeEngineOutput} tests a
 *   triangle's corners against its opposite sides instead.
 *
 * A passed group's union is itself, written as the engine writes its
 * output: each ring rounded to the grid, collinear vertices kept as the
 * engine keeps them, started at its lowest-left vertex, shells
 * counter-clockwise and holes clockwise, the holes in the engine's order
 * ({@link holesInEngineOrder}). For a lone polygon that is plain.
 * For polygons meeting at vertices: Clipper2's output has the same edges
 * (none is cut, since none crosses another or ends on one; none is
 * dropped, since no two run along one another and no ground overlaps),
 * and where rings meet at a vertex the engine's `traceFaces` leaves each
 * arrival by the first edge clockwise from the way it came, which is its
 * own polygon's next edge, because the other polygons' corners there lie
 * outside its corner. So each ring traced is one of the input rings,
 * whatever Clipper2 joined: two polygons that touch at two or more
 * vertices and shut in a lake between them stay two polygons, and the lake
 * is no hole of either (GEOS reads such a MultiPolygon as valid: its parts
 * touch at finitely many points). test/geometry/union-touching-parts.test.ts
 * compares the pass-through with the engine's own union on parts touching
 * at one to three vertices, shutting in lakes, with holes, reaching into
 * each other at a shared vertex, one cell apart and sharing an edge.
 *
 * A claim drawn as many islands (a coastline, the occupied ground as one
 * MultiPolygon), or a country outline whose islands and spits touch the
 * mainland at a vertex, costs a pass over its vertices instead of an
 * engine run.
 */
function partsApart(operand: MultiPolygon2): MultiPolygon2 | null {
  const count = operand.length;
  const simple = new Uint8Array(count);
  const paths: Path64[][] = [];
  const west = new Float64Array(count);
  const south = new Float64Array(count);
  const east = new Float64Array(count);
  const north = new Float64Array(count);
  let passed = 0;
  for (let p = 0; p < count; p += 1) {
    const rings = toPaths([operand[p]!]);
    if (rings.length === 0) return null;
    if (SIMPLE_POLYGONS.get(operand[p]!) === scale && !rings.some(unlikeEngineOutput)) {
      simple[p] = 1;
      passed += 1;
    }
    [west[p], south[p], east[p], north[p]] = pathBox(rings[0]!);
    paths.push(rings);
  }
  if (passed === 0) return null;
  // Pairs of parts whose boxes meet (borders included), one of them to be passed through: one sweep by west edge.
  const order = Array.from(operand.keys()).sort((i, j) => west[i]! - west[j]!);
  const open: number[] = [];
  const near: [number, number][] = [];
  for (const i of order) {
    for (let k = open.length - 1; k >= 0; k -= 1) {
      const j = open[k]!;
      if (east[j]! < west[i]!) open.splice(k, 1);
      else if (south[j]! <= north[i]! && south[i]! <= north[j]! && (simple[i] === 1 || simple[j] === 1)) near.push([j, i]);
    }
    open.push(i);
  }
  // Groups (union–find over the parts); a group goes to the engine when any of its parts does.
  const root = Int32Array.from(operand.keys());
  const find = (p: number): number => {
    while (root[p] !== p) p = root[p] = root[root[p]!]!;
    return p;
  };
  const engine = new Uint8Array(count);
  for (let p = 0; p < count; p += 1) engine[p] = 1 - simple[p]!;
  const join = (i: number, j: number, toEngine: boolean): void => {
    if (toEngine) engine[i] = engine[j] = 1;
    root[find(i)] = find(j);
  };
  if (near.length > 0) {
    const meetings = howPartsMeet(paths, near, [west, south, east, north]);
    if (meetings === null) return null;
    for (const [i, j, how] of meetings) join(i, j, how === OVERLAP);
  }
  // A vertex within a cell of another edge, on neither side exactly: the
  // engine would route that edge through it (snap rounding), so it runs,
  // on everything: routed edges may cross others, Clipper2 rounds the
  // crossings by the whole run's scanbeams, and the engine's snap rounding
  // of its output may route an edge again, through a vertex of a polygon
  // this pass would have passed (review finding, on polygons a few cells
  // apart). With no edge routed and no edges of two parts meeting but at
  // shared vertices, the engine makes no new vertex, so its output snap
  // rounding finds nothing either.
  if (snapRound(paths.flat(), true) !== null) return null;
  for (let p = 0; p < count; p += 1) if (engine[p] === 1) engine[find(p)] = 1;
  const out: MultiPolygon2 = [];
  const rest: Path64[] = [];
  paths.forEach((rings, p) => {
    if (engine[find(p)] === 0) out.push(holesInEngineOrder(rings).map(toRing));
    else rest.push(...rings);
  });
  if (out.length === 0) return null;
  const kept = cleanMultiPolygon(out, true);
  return rest.length === 0 ? kept : kept.concat(fromPaths(runPaths('union', [operand], ClipType.Union, rest, []), 'union', [operand]));
}

/**
 * A polygon's rings with its holes in the order the engine lists them: by
 * their northernmost vertex, north first, ties in the polygon's order.
 * Clipper2 sweeps from the greatest y down and opens an output ring at the
 * first vertex of it that the sweep meets; a ring begun at two places keeps
 * the one begun first; it lists its rings in the order it opened them, and
 * `fromPaths` gives each shell its holes in that order.
 * test/geometry/union-touching-parts.test.ts checks it on polygons with up
 * to five holes, several of them with their northernmost vertices level.
 */
function holesInEngineOrder(rings: Path64[]): Path64[] {
  if (rings.length <= 2) return rings;
  const top = rings.map((ring) => ring.reduce((y, v) => (v.y > y ? v.y : y), -Infinity));
  const holes = Array.from(rings.keys()).slice(1).sort((i, j) => top[j]! - top[i]! || i - j);
  return [rings[0]!, ...holes.map((i) => rings[i]!)];
}

/**
 * Whether the engine would not give a ring back as it is: two consecutive
 * vertices on one grid point (it merges them), or a triangle with two
 * corners less than 2 cells apart on both axes (Clipper2 drops such a
 * "very small triangle") or with a corner whose cell the line of the
 * opposite side passes through (snap rounding would fold it onto that
 * side; the snap check in `partsApart` skips rings of fewer than four
 * vertices, so it is tested here: review finding).
 */
function unlikeEngineOutput(path: Path64): boolean {
  if (path.length < 3) return true;
  for (let i = 0; i < path.length; i += 1) if (same(path[i]!, path[i + 1 === path.length ? 0 : i + 1]!)) return true;
  if (path.length > 3) return false;
  const close = (a: Point64, b: Point64): boolean => Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2;
  if (close(path[0]!, path[1]!) || close(path[1]!, path[2]!) || close(path[2]!, path[0]!)) return true;
  for (let i = 0; i < 3; i += 1) {
    const v = path[i]!;
    const a = path[(i + 1) % 3]!;
    const b = path[(i + 2) % 3]!;
    if (passesThroughCell(a.x, a.y, b.x, b.y, v.x, v.y)) return true;
  }
  return false;
}

/** How two parts of an operand meet ({@link howPartsMeet}): only at shared vertices, side by side. */
const AT_VERTICES = 1;
/** How two parts of an operand meet: one lies in the other's outer ring, or they share vertices only but a corner of one reaches into the other's. */
const OVERLAP = 2;

/**
 * How the parts in `near` (pairs whose boxes meet) meet, for each pair
 * that does, or null when edges of two parts meet anywhere but at a vertex
 * of both (they cross, run along one another, or a vertex of one lies on
 * an edge of the other). Otherwise the pairs that meet are
 * {@link AT_VERTICES} when the parts' corners at each shared vertex lie
 * side by side ({@link cornersApart}) and neither part lies in the other's
 * outer ring, and {@link OVERLAP} when not; pairs that do not meet at all
 * are left out. One sweep over the edges of the parts in those pairs finds
 * the edges that meet; a vertex of each part off the other's outer ring
 * (exact crossing number on the grid) settles nesting, as the rings cross
 * nowhere.
 */
function howPartsMeet(paths: readonly Path64[][], near: readonly [number, number][], [west, south, east, north]: readonly [Float64Array, Float64Array, Float64Array, Float64Array]): [number, number, number][] | null {
  const count = paths.length;
  const how = new Map<number, number>(); // i * count + j (i < j) -> AT_VERTICES or OVERLAP
  const key = (i: number, j: number): number => (i < j ? i * count + j : j * count + i);
  const partners = new Map<number, number[]>();
  for (const [i, j] of near) {
    (partners.get(i) ?? partners.set(i, []).get(i)!).push(j);
    (partners.get(j) ?? partners.set(j, []).get(j)!).push(i);
  }
  // Only the edges whose box meets the box of a part this part is paired
  // with can meet that part's edges: a mainland's coast far from every
  // island is not swept. Edge e runs from vertex edgeAt[e] of ring
  // edgeRing[e] to the next.
  const rings: Path64[] = [];
  const partOfRing: number[] = [];
  const edgeRing: number[] = [];
  const edgeAt: number[] = [];
  const box = { minX: [] as number[], minY: [] as number[], maxX: [] as number[], maxY: [] as number[] };
  for (const [p, others] of partners) {
    const nearby = new PartnerCells(west[p]!, south[p]!, east[p]!, north[p]!);
    for (const q of others) nearby.mark(west[q]!, south[q]!, east[q]!, north[q]!);
    for (const ring of paths[p]!) {
      const g = rings.length;
      rings.push(ring);
      partOfRing.push(p);
      for (let k = 0; k < ring.length; k += 1) {
        const a = ring[k]!;
        const b = ring[k + 1 === ring.length ? 0 : k + 1]!;
        const w = a.x < b.x ? a.x : b.x;
        const e = a.x < b.x ? b.x : a.x;
        const s = a.y < b.y ? a.y : b.y;
        const n = a.y < b.y ? b.y : a.y;
        if (!nearby.meets(w, s, e, n)) continue;
        for (const q of others) {
          if (w <= east[q]! && west[q]! <= e && s <= north[q]! && south[q]! <= n) {
            edgeRing.push(g);
            edgeAt.push(k);
            box.minX.push(w);
            box.maxX.push(e);
            box.minY.push(s);
            box.maxY.push(n);
            break;
          }
        }
      }
    }
  }
  const swept = { minX: Float64Array.from(box.minX), minY: Float64Array.from(box.minY), maxX: Float64Array.from(box.maxX), maxY: Float64Array.from(box.maxY) };
  // Vertices of two parts at one point: [ring, index, ring, index].
  const shared: [number, number, number, number][] = [];
  const edgesMeet = someOverlap(swept, (e, f) => {
    const g = edgeRing[e]!;
    const h = edgeRing[f]!;
    const p = partOfRing[g]!;
    const q = partOfRing[h]!;
    if (p === q) return false;
    const r1 = rings[g]!;
    const r2 = rings[h]!;
    const k1 = edgeAt[e]!;
    const k2 = k1 + 1 === r1.length ? 0 : k1 + 1;
    const m1 = edgeAt[f]!;
    const m2 = m1 + 1 === r2.length ? 0 : m1 + 1;
    const a = r1[k1]!;
    const b = r1[k2]!;
    const c = r2[m1]!;
    const d = r2[m2]!;
    const d1 = orientation(a.x, a.y, b.x, b.y, c.x, c.y);
    const d2 = orientation(a.x, a.y, b.x, b.y, d.x, d.y);
    if (d1 * d2 > 0) return false;
    const d3 = orientation(c.x, c.y, d.x, d.y, a.x, a.y);
    const d4 = orientation(c.x, c.y, d.x, d.y, b.x, b.y);
    if (d3 * d4 > 0) return false;
    // They meet (collinear ones too: the boxes meet, and on one line that is a common point).
    // Only at a shared end, and not along one another: a shared vertex.
    const [k, m] = same(a, c) ? [k1, m1] : same(a, d) ? [k1, m2] : same(b, c) ? [k2, m1] : same(b, d) ? [k2, m2] : [-1, -1];
    if (k === -1) return true;
    if (d1 === 0 && d2 === 0) {
      const from = r1[k]!;
      const to1 = k === k1 ? b : a;
      const to2 = m === m1 ? d : c;
      // On one line, leaving the shared point the same way: along one another.
      if (productSign(to1.x - from.x, to2.x - from.x, -(to1.y - from.y), to2.y - from.y) > 0) return true;
    }
    how.set(key(p, q), AT_VERTICES);
    shared.push([g, k, h, m]);
    return false;
  });
  if (edgesMeet) return null;
  const around = (ring: Path64, k: number, step: number): Point64 => ring[(k + step + ring.length) % ring.length]!;
  for (const [g, k, h, m] of shared) {
    const r1 = rings[g]!;
    const r2 = rings[h]!;
    if (!cornersApart(r1[k]!, around(r1, k, -1), around(r1, k, 1), around(r2, m, -1), around(r2, m, 1))) how.set(key(partOfRing[g]!, partOfRing[h]!), OVERLAP);
  }
  // A part lies in another's outer ring only if its box lies in the other's box; then the
  // part's first vertex decides, all those in one outer ring placed in one pass over it.
  const boxWithin = (inner: number, outer: number): boolean => west[outer]! <= west[inner]! && east[inner]! <= east[outer]! && south[outer]! <= south[inner]! && north[inner]! <= north[outer]!;
  const nested = new Set<number>();
  for (const [outer, others] of partners) {
    const inner = others.filter((q) => how.get(key(q, outer)) !== OVERLAP && boxWithin(q, outer));
    if (inner.length === 0) continue;
    const where = placeEach(paths[outer]![0]!, inner.map((q) => paths[q]![0]![0]!));
    inner.forEach((q, n) => {
      if (where[n] === 0 ? liesIn(paths[outer]![0]!, paths[q]![0]!) : where[n]! > 0) nested.add(key(q, outer));
    });
  }
  const out: [number, number, number][] = [];
  for (const [i, j] of near) {
    const verdict = nested.has(key(i, j)) ? OVERLAP : how.get(key(i, j));
    if (verdict !== undefined) out.push([i, j, verdict]);
  }
  return out;
}

/** Cells a side of the grid {@link PartnerCells} lays over a part's box. */
const PARTNER_CELLS = 64;

/**
 * Which cells of a 64 × 64 grid over one part's box the boxes of its
 * partners (the parts paired with it) cover: an edge of the part whose box
 * covers no marked cell meets no partner's box, and most of a mainland's
 * edges are settled by one cell or two instead of a test per island.
 */
class PartnerCells {
  private readonly marked = new Uint8Array(PARTNER_CELLS * PARTNER_CELLS);
  private readonly width: number;
  private readonly height: number;
  constructor(
    private readonly west: number,
    private readonly south: number,
    east: number,
    north: number,
  ) {
    this.width = Math.max(east - west, 1) / PARTNER_CELLS;
    this.height = Math.max(north - south, 1) / PARTNER_CELLS;
  }

  private column(x: number): number {
    return Math.min(PARTNER_CELLS - 1, Math.max(0, Math.floor((x - this.west) / this.width)));
  }

  private row(y: number): number {
    return Math.min(PARTNER_CELLS - 1, Math.max(0, Math.floor((y - this.south) / this.height)));
  }

  /** Marks the cells a box covers (clamped to the grid: a box beyond the part's meets only its border cells, which is all it can meet). */
  mark(w: number, s: number, e: number, n: number): void {
    for (let r = this.row(s); r <= this.row(n); r += 1) for (let c = this.column(w); c <= this.column(e); c += 1) this.marked[r * PARTNER_CELLS + c] = 1;
  }

  /** Whether a box covers a marked cell (so it may meet a partner's box). */
  meets(w: number, s: number, e: number, n: number): boolean {
    for (let r = this.row(s); r <= this.row(n); r += 1) for (let c = this.column(w); c <= this.column(e); c += 1) if (this.marked[r * PARTNER_CELLS + c] === 1) return true;
    return false;
  }
}

/**
 * Where each point lies relative to a closed integer path: 1 inside, 0 on
 * it (a vertex, or on an edge), −1 outside (crossing number, exact), in
 * one pass over the path: the points sorted by latitude, each edge meets only those
 * within its own latitudes (a binary search), so a mainland's 400,000
 * edges and its 30 islands cost one pass, not 30.
 */
function placeEach(path: Path64, points: readonly Point64[]): Int8Array {
  const order = Array.from(points.keys()).sort((i, j) => points[i]!.y - points[j]!.y);
  const ys = order.map((i) => points[i]!.y);
  const inside = new Uint8Array(points.length);
  const on = new Uint8Array(points.length);
  /** The first position in `order` whose latitude is at least y. */
  const from = (y: number): number => {
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ys[mid]! < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0, j = path.length - 1; i < path.length; j = i, i += 1) {
    const a = path[i]!;
    const b = path[j]!;
    const low = a.y < b.y ? a.y : b.y;
    const high = a.y < b.y ? b.y : a.y;
    // The points with low ≤ y ≤ high: on the edge, or (below high) crossing its rightward ray.
    for (let n = from(low); n < ys.length && ys[n]! <= high; n += 1) {
      const q = order[n]!;
      const v = points[q]!;
      if (a.x === v.x && a.y === v.y) on[q] = 1;
      else if ((a.y > v.y) !== (b.y > v.y)) {
        const turn = orientation(b.x, b.y, a.x, a.y, v.x, v.y);
        if (turn === 0) on[q] = 1;
        else if ((a.y > b.y) === turn > 0) inside[q] = 1 - inside[q]!;
      } else if (a.y === v.y && b.y === v.y && v.x >= Math.min(a.x, b.x) && v.x <= Math.max(a.x, b.x)) on[q] = 1;
    }
  }
  return Int8Array.from(points.keys(), (q) => (on[q] === 1 ? 0 : inside[q] === 1 ? 1 : -1));
}

/**
 * Whether two parts' corners at a shared vertex lie side by side: the
 * vertex is v; one part arrives from a1 and leaves to b1,
 * the other from a2 to b2, each with its ground on its left (shells
 * counter-clockwise, holes clockwise), so a corner's ground is the turn
 * counter-clockwise from its way out to its way back. Neither part's edges
 * there may point into the other's corner (exact turn tests), and no edge
 * of one may point within 1e-9 radian of an edge of the other: the
 * engine's `traceFaces` picks the next edge there by floating-point angles,
 * and must not be able to confuse them.
 */
function cornersApart(v: Point64, a1: Point64, b1: Point64, a2: Point64, b2: Point64): boolean {
  for (const p of [a1, b1]) {
    for (const q of [a2, b2]) {
      let gap = Math.abs(Math.atan2(p.y - v.y, p.x - v.x) - Math.atan2(q.y - v.y, q.x - v.x));
      if (gap > Math.PI) gap = 2 * Math.PI - gap;
      if (!(gap > 1e-9)) return false;
    }
  }
  const within = (out: Point64, back: Point64, k: Point64): boolean => turnBefore(out.x - v.x, out.y - v.y, k.x - v.x, k.y - v.y, back.x - v.x, back.y - v.y);
  return !within(b1, a1, a2) && !within(b1, a1, b2) && !within(b2, a2, a1) && !within(b2, a2, b1);
}

/**
 * Whether direction (x, y) lies strictly inside the counter-clockwise turn
 * from direction (ux, uy) to (wx, wy): its angle from u, in (0, 2π), is
 * below w's. Exact (signs of integer products).
 */
function turnBefore(ux: number, uy: number, x: number, y: number, wx: number, wy: number): boolean {
  // Which half-turn from u a direction lies in: 0 for angles [0, π), 1 for [π, 2π).
  const half = (px: number, py: number): number => {
    const cross = productSign(ux, py, uy, px);
    return cross > 0 || (cross === 0 && productSign(ux, px, -uy, py) > 0) ? 0 : 1;
  };
  const h = half(x, y);
  if (h === 0 && productSign(ux, y, uy, x) === 0) return false; // along u itself: angle 0
  const hw = half(wx, wy);
  if (h !== hw) return h < hw;
  return productSign(x, wy, y, wx) > 0;
}

/**
 * Whether part `inner`'s outer ring lies in `outer`'s, given that the two
 * meet only at shared vertices, where neither part's corner reaches into
 * the other's: its first vertex off `outer` decides (exact crossing
 * number). With every vertex on `outer` (a triangle filling a notch of a
 * mainland), its edges leave each vertex outside `outer`'s corner, so it
 * lies outside.
 */
function liesIn(outer: Path64, inner: Path64): boolean {
  for (const where of placeEach(outer, inner)) if (where !== 0) return where > 0;
  return false;
}

/** Sign of the turn a → b → c on the grid (1 left, −1 right, 0 collinear), exact: floating point when it is sure, BigInt when not. */
function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (bx - ax) * (cy - ay);
  const r = (by - ay) * (cx - ax);
  if (Math.abs(l) < 9e15 && Math.abs(r) < 9e15) return Math.sign(l - r);
  if (Math.abs(l - r) > (Math.abs(l) + Math.abs(r)) * 4.5e-16) return Math.sign(l - r);
  const exact = BigInt(bx - ax) * BigInt(cy - ay) - BigInt(by - ay) * BigInt(cx - ax);
  return exact > 0n ? 1 : exact < 0n ? -1 : 0;
}

/**
 * Clipper2's `Clipper64`, run without the catch-all that its `execute`
 * wraps around a run (`try { … } catch { succeeded = false }`, clipper2-ts
 * `dist/Engine.js`): there a TypeError or RangeError thrown inside the
 * engine came back as a bare `false`, with no cause and no stack, and we
 * could only say that the engine failed (audit of 2026-12-03). {@link run}
 * takes the steps `execute` takes for paths (`executeInternal`,
 * `buildPaths`, `clearSolutionOnly`, which Clipper2 declares `protected`
 * for subclasses) and nothing else, so an error thrown inside reaches the
 * caller as it was thrown, as one thrown while the paths are added always
 * did. A failure the engine reports without throwing (`succeeded` false)
 * is returned as `false`, as `execute` returns it, and the wrapper turns it
 * into `ContestedError('geometry-engine')`. (Once `succeeded` is false the
 * engine finishes the scanbeam it is in before it stops, and builds paths
 * of what it has; should anything throw there, that too now reaches the
 * caller as thrown.)
 */
export class EngineRun extends Clipper64 {
  /** One run of `type` under `fill`, its closed paths into `out` (emptied first); whether the engine reports success. */
  run(type: ClipType, fill: FillRule, out: Path64[]): boolean {
    out.length = 0;
    this.executeInternal(type, fill);
    this.buildPaths(out, []);
    this.clearSolutionOnly();
    return this.succeeded;
  }
}

function execute(operation: ClipOperation, operands: readonly MultiPolygon2[], type: ClipType, subject: Path64[], clipPaths: Path64[]): MultiPolygon2 {
  return fromPaths(runPaths(operation, operands, type, subject, clipPaths), operation, operands);
}

/**
 * One engine run, as integer paths. Clipper2 winds outer rings positive and
 * holes negative, which is what the next run's Positive rule and
 * `fromPaths` read. (Its PolyTree output would nest the rings for us, but
 * it tests every ring against every other one: 1.3 s of a 100k-vertex
 * diff, where an index of boxes does it in milliseconds.) The inputs
 * first go through snap rounding's hot-pixel rule ({@link snapInputs}):
 * Clipper2 misreads a vertex lying within a cell of another edge.
 */
function runPaths(operation: ClipOperation | 'repair', operands: readonly MultiPolygon2[], type: ClipType, subject: Path64[], clipPaths: Path64[], fill = FillRule.Positive): Path64[] {
  const [snappedSubject, snappedClip] = snapInputs(subject, clipPaths);
  const clipper = new EngineRun();
  clipper.addSubject(snappedSubject);
  if (snappedClip.length > 0) clipper.addClip(snappedClip);
  const out: Path64[] = [];
  if (!clipper.run(type, fill, out)) throw engineError(operation, operands);
  return out;
}

/**
 * The repair `normalizeGeometry` applies to rings that cross themselves or
 * each other: each ring is read by the even–odd rule (a bow-tie is two
 * triangles, as GEOS's MakeValid reads it), a polygon is its outer ring's
 * ground minus its holes' ground, and the polygons are united.
 */
export function resolveRings(polygons: MultiPolygon2): MultiPolygon2 {
  return onRunGrid([polygons], () => resolveOnGrid(polygons));
}

function resolveOnGrid(polygons: MultiPolygon2): MultiPolygon2 {
  const ground: Path64[] = [];
  for (const polygon of polygons) {
    const [shell, ...holes] = toPaths([polygon]);
    if (shell === undefined) continue;
    const shellGround = runPaths('repair', [polygons], ClipType.Union, [shell], [], FillRule.EvenOdd);
    const holeGround = holes.flatMap((hole) => runPaths('repair', [polygons], ClipType.Union, [hole], [], FillRule.EvenOdd));
    ground.push(...(holeGround.length === 0 ? shellGround : runPaths('repair', [polygons], ClipType.Difference, shellGround, holeGround)));
  }
  return fromPaths(ground, 'repair', [polygons]);
}

/**
 * Polygons from paths wound for the Positive rule: each ring is first cut
 * into simple loops, then every hole goes to the smallest outer ring that
 * holds it (an island in a hole is a polygon of its own, and the island's
 * holes are its own), found through an index of the outer rings' boxes. A
 * hole that no outer ring holds marks no ground and is left out.
 * `operation` and `operands` are what produced the paths: they name the
 * run in the error if the repair's union in {@link snapToVertices} fails.
 */
function fromPaths(paths: Path64[], operation: ClipOperation | 'repair', operands: readonly MultiPolygon2[]): MultiPolygon2 {
  const shells: { ring: Ring2; area: number; holes: Ring2[] }[] = [];
  const holes: Ring2[] = [];
  const traced = traceFaces(snapToVertices(paths, operation, operands));
  for (let p = 0; p < traced.paths.length; p += 1) {
    const path = traced.paths[p]!;
    if (path.length < 3) continue;
    // A ring through one place twice can carry a spike: where a hole shares
    // an edge with its own shell (Clipper2's union can return them so), the
    // trace joins the two rings and runs that edge out and back. The spike
    // bounds no ground; cut into loops as it was, it gave the shell and the
    // hole back with the edge shared, which GEOS calls a self-intersection
    // (snap-settles property, seed 2, run 372).
    for (const loop of traced.touching !== false && traced.touching[p] === true ? simpleLoops(withoutSpikes(path)) : [path]) {
      // Winding decides the role, also of a loop pinched off a ring: wound
      // against its ring, a shell's loop is a hole and a hole's an island.
      const area = pathArea2(loop);
      if (area > 0) shells.push({ ring: toRing(loop), area, holes: [] });
      else if (area < 0) holes.push(toRing(loop));
    }
  }
  if (holes.length > 0 && shells.length > 0) {
    const boxes = shells.map((s) => ringBox(s.ring));
    const locators = new Map<number, RingLocator>();
    const index = new Flatbush(shells.length);
    for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
    for (const hole of holes) {
      const [x, y] = hole[0]!;
      let home: (typeof shells)[number] | undefined;
      for (const i of index.search(x, y, x, y)) {
        const shell = shells[i]!;
        if (home !== undefined && shell.area >= home.area) continue;
        let locator = locators.get(i);
        if (locator === undefined) locators.set(i, (locator = new RingLocator(shell.ring)));
        if (holeLiesIn(hole, locator)) home = shell;
      }
      // A loop wound as a hole that lies in no outer ring bounds no ground (the winding there is
      // below one: outside every region, as when the output has no outer ring at all) and is left
      // out; it used to go into the largest polygon, which made it invalid and took the loop's area
      // off it (referee map seed 1000281: a 0.01 m² sliver 1.5 km from that polygon).
      home?.holes.push(hole);
    }
  }
  return cleanMultiPolygon(shells.map((s) => [s.ring, ...s.holes]), true);
}

/**
 * Integer paths of a multipolygon, wound for the Positive fill rule: shells
 * positive, holes negative, whatever the input's winding (GeoJSON readers
 * must accept either). Ground is where the winding number is above zero, so
 * overlapping parts of a MultiPolygon are read as their union and a hole
 * outside its shell removes nothing (the rule `normalizeGeometry` states).
 */
function toPaths(polygons: MultiPolygon2): Path64[] {
  const paths: Path64[] = [];
  for (const polygon of polygons) {
    for (let r = 0; r < polygon.length; r += 1) {
      const ring = polygon[r]!;
      const n = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length;
      if (n < 3) continue;
      const path: Path64 = new Array(n);
      for (let i = 0; i < n; i += 1) path[i] = { x: Math.round(ring[i]![0] * scale) - originX, y: Math.round(ring[i]![1] * scale) - originY };
      paths.push(orient(path, r === 0));
    }
  }
  return paths;
}

function orient(path: Path64, positive: boolean): Path64 {
  return (pathArea2(path) > 0) === positive ? path : path.reverse();
}

/** Whether a hole lies in a shell: its first vertex not on the shell's boundary decides. */
function holeLiesIn(hole: Ring2, shell: RingLocator): boolean {
  for (let i = 0; i < hole.length; i += 1) {
    const where = shell.placement(hole[i]![0], hole[i]![1]);
    if (where !== 0) return where > 0;
  }
  return false;
}

/**
 * The inputs of an engine run with snap rounding's hot-pixel rule applied
 * before the run (one round of {@link snapRound}, no union): an edge that
 * passes through the cell of a vertex, of its own ring or another, is routed
 * through that vertex. Clipper2 cannot read a vertex placed within a cell of
 * another ring's edge (on the grid, up to half a cell beside it), and two
 * failures are known:
 * - it meets that edge at a computed point rounded next to the vertex; the
 *   output ring then crosses itself by a fraction of a cell, and its cleanup
 *   (`fixSelfIntersects` → `doSplitOp`) cuts the ring at the crossing and
 *   drops the loop wound the other way when it is the smaller part, even
 *   when that loop is a real hole: a union of two valid polygons, one with a
 *   vertex on the other's edge, came out 0.0896 km² too large, the hole they
 *   enclose filled (referee seed 4016; upstream AngusJohnson/Clipper2#1109);
 * - its sweep orders edges by their x rounded to the grid, so vertices a
 *   fraction of a cell either side of an edge can be put on the wrong side
 *   of it without the edges ever being met: a difference of a frame and a
 *   union clipped to it (six vertices within 0.55 cell of the frame's edge)
 *   came out invalid, its ring cutting the corner from the frame's vertex
 *   to a vertex 20 m inside, 0.0229 km² too small (referee map seed
 *   1001225). No detection inside Clipper2 sees this one, so the rule is
 *   applied to every run's inputs, not as a retry.
 * A vertex lying exactly on another edge (on the grid) is a hot pixel too:
 * Clipper2 does not meet it exactly either. Its output ring passes that
 * vertex twice and the same cleanup drops the loop, a real hole: the union
 * of three valid diamonds, one's vertex exactly on another's edge, came out
 * 0.901319 km² where GEOS gives 0.893708 km² with a 0.00761 km² hole, and
 * a hole whose vertex rounding put exactly on its shell's edge gave an
 * intersection whose rings cross (snap-settles property, seed 2, run 2971
 * of 9,000; test/geometry/vertex-on-edge.test.ts). Routed through the
 * vertex, the edge meets the other ring at that vertex exactly, and a hole
 * comes back as a loop through it, which {@link traceFaces} and
 * {@link simpleLoops} cut off as a hole. An edge moves by at most half a
 * cell's diagonal, as in {@link snapToVertices}, and not at all when the
 * vertex lay on it. The cost of the latter: where that vertex ends up on a
 * straight stretch of the output's boundary (the L-shaped area split along
 * its inner edge: the left part's edge passes the L's inner corner), the
 * output keeps it, as Clipper2 keeps every collinear input vertex; the
 * area and validity are the same, and the pieces then share that vertex.
 */
function snapInputs(subject: Path64[], clipPaths: Path64[]): [Path64[], Path64[]] {
  const snapped = snapRound(subject.concat(clipPaths), true);
  if (snapped === null) return [subject, clipPaths];
  // A path that lost its spikes down to nothing is left out (Clipper2 fails on an empty path).
  const some = (path: Path64): boolean => path.length > 0;
  return [snapped.paths.slice(0, subject.length).filter(some), snapped.paths.slice(subject.length).filter(some)];
}

/**
 * Scratch typed arrays, reused from one engine run to the next. Most runs
 * (the N-way overlay's pieces) have a few hundred vertices, and allocating a
 * typed array costs one to three microseconds whatever its length (its
 * memory is allocated outside the heap and zeroed): eleven of them per run
 * were about a sixth of snap rounding's time on the N-way overlay's runs.
 * Each place in the code that needs one has its own numbered slot, so two
 * arrays in use at the same time never share one, and no function calls
 * another that takes one of its slots while it still reads that slot's
 * array (snapRound calls nearVertices, traceFaces calls
 * firstAtSamePoint: different slots; fromPaths calls them one after the
 * other, and keeps none of their arrays). A slot's array may be longer than
 * asked, and holds whatever its last user left: every user writes before
 * it reads. Above {@link SCRATCH_LIMIT} elements a fresh array is
 * allocated (there the work dwarfs the allocation) and none is kept, so
 * the arrays kept stay below a few megabytes.
 */
const SCRATCH_LIMIT = 1 << 16;

const int32Slots: (Int32Array | undefined)[] = [];
const float64Slots: (Float64Array | undefined)[] = [];

/**
 * A scratch array of at least `length` elements from `slots` (see
 * {@link SCRATCH_LIMIT}): its first `length` set to `clear` when that is
 * given, and otherwise holding whatever was there. A new array is zero
 * already, so it is filled only with another value (at a million vertices a
 * needless pass over a fresh array, and the pages it makes the system hand
 * over, were measurable).
 */
function scratch<T extends Int32Array | Float64Array>(slots: (T | undefined)[], make: (length: number) => T, slot: number, length: number, clear?: number): T {
  let array: T;
  if (length > SCRATCH_LIMIT) array = make(length);
  else {
    const kept = slots[slot];
    if (kept !== undefined && kept.length >= length) return clear === undefined ? kept : (kept.fill(clear, 0, length) as T);
    array = make(grown(length));
    slots[slot] = array;
  }
  return clear === undefined || clear === 0 ? array : (array.fill(clear, 0, length) as T);
}

/** An Int32Array of at least `length` elements, as {@link scratch} gives one. */
function scratchInt32(slot: number, length: number, clear?: number): Int32Array {
  return scratch(int32Slots, (n) => new Int32Array(n), slot, length, clear);
}

/** A Float64Array of at least `length` elements, as {@link scratch} gives one. */
function scratchFloat64(slot: number, length: number, clear?: number): Float64Array {
  return scratch(float64Slots, (n) => new Float64Array(n), slot, length, clear);
}

function grown(length: number): number {
  let size = 256;
  while (size < length) size *= 2;
  return Math.min(size, SCRATCH_LIMIT);
}

// The slots. Int32:
const LINK_NEXT = 0;
const LINK_PREV = 1;
const LINK_PATH = 2;
const NEAR_COUNT = 3;
const NEAR_CHAIN = 4;
const NEAR_HEADS = 5;
const SAME_FIRST = 6;
const SAME_TABLE = 7;
const FACE_GROUP = 8;
const FACE_LEAVE = 9;
const FACE_USED = 10;
const FACE_DONE = 11;
const LOOP_AT = 12;
const NEAR_PAIRS = 13;
// Float64:
const SNAP_XS = 0;
const SNAP_YS = 1;
const NEAR_TABLE = 2;

/** Up to this many vertices, {@link snapRound} compares every edge with every vertex (cheaper than sorting boxes). */
const PAIRWISE_VERTICES = 40;

/** Rounds of {@link snapToVertices} before it stops (one or two are the most seen; a safety net, see there). */
const MAX_SNAP_ROUNDS = 8;

function same(a: Point64, b: Point64): boolean {
  return a.x === b.x && a.y === b.y;
}

/**
 * Rounding to the grid (of the input's vertices, and of the intersections
 * Clipper2 computes) can leave a vertex a fraction of a cell across an edge
 * of another ring, or of its own: GEOS then finds a crossing a millionth of
 * a millimetre long (14 of 2,000 generated results and 4 of 50 labelled
 * overlays before this repair). The repair is snap rounding's hot-pixel
 * rule (Hobby 1999; iterated, as Halperin and Packer do): a vertex owns the
 * cell of the grid centred on it, and an edge that passes through another
 * vertex's cell is routed through that vertex. The cell is Hobby's
 * half-open pixel ({@link passesThroughCell} with `halfOpen`): of its four
 * corners it owns only the south-west one. With closed cells (border
 * included, as this repair had them until audit finding F3) an edge
 * through a cell's corner meets all four cells there; routed through two
 * of them it became the other diagonal of that unit square, which meets
 * the other two at the same corner, and the rounds alternated between the
 * two forever (the union of one valid 8 mm polygon, whose 0.25 mm hole
 * lies a cell from a shell vertex, threw; 6 of 13,000 generated pairs at
 * 0.3–4 mm; test/geometry/snap-settles.test.ts). A corner owned by one
 * cell ends that. After
 * a round that rerouted something, the paths are united once more (Positive
 * rule, collinear vertices kept), so that two rings which now share an edge
 * (a sliver thinner than a cell, closed by the snap) become one; the next
 * round checks that run's output again. No vertex moves; an edge moves by
 * at most half a cell's diagonal (0.07 mm), inside the grid's stated reach.
 * If Clipper2 reports that union failed, the caller gets the same
 * `ContestedError('geometry-engine')` as for a failed run of its own
 * operation (`operation`, `operands`: the run whose output this is), never
 * the paths as they were before the union (two rings overlapping or
 * sharing an edge, which is another shape); likewise if an edge still
 * passes through another vertex's cell, or two edges still cross, after
 * {@link MAX_SNAP_ROUNDS} rounds.
 *
 * A round that finds no edge through another vertex's cell then looks for
 * edges that cross ({@link routeCrossings}): Clipper2 can leave two rings
 * overlapping in a sliver thinner than a cell with no vertex near the
 * other's edge (audit F1: an edge 0.5000025 of a cell beside a vertex),
 * and the vertex test alone returned them as they were. That check is one
 * sweep of the output's edges' boxes per run (about 6 % of the engine's
 * CPU time on the regression fixtures and eight DeepState days, within
 * the noise of `npm run example`).
 */
function snapToVertices(paths: Path64[], operation: ClipOperation | 'repair', operands: readonly MultiPolygon2[]): Path64[] {
  for (let round = 0; round < MAX_SNAP_ROUNDS; round += 1) {
    const snapped = snapRound(paths) ?? routeCrossings(paths);
    if (snapped === null) return paths;
    // Only the rings rerouted or met, and every ring whose box meets one
    // of theirs (the shell of a hole, the holes of a shell), are united
    // again: a large result where two rings touch costs a small run.
    const boxOfPath = snapped.paths.map(pathBox);
    const touched = [...snapped.touched].map((p) => boxOfPath[p]!);
    const again: Path64[] = [];
    const kept: Path64[] = [];
    snapped.paths.forEach((path, p) => {
      if (path.length === 0) return; // nothing left once its spikes went
      const b = boxOfPath[p]!;
      (touched.some((t) => t[0] <= b[2] && b[0] <= t[2] && t[1] <= b[3] && b[1] <= t[3]) ? again : kept).push(path);
    });
    const clipper = new EngineRun();
    clipper.preserveCollinear = true;
    clipper.addSubject(again);
    const out: Path64[] = [];
    if (!clipper.run(ClipType.Union, FillRule.Positive, out)) throw engineError(operation, operands, 'the union that repairs its output after snap rounding');
    paths = kept.concat(out);
  }
  // Still an edge through another vertex's cell after the last round: the
  // result would not be valid, and it is not returned as if it were.
  if (snapRound(paths) !== null || routeCrossings(paths) !== null) throw engineError(operation, operands, `snap rounding of its output, unsettled after ${MAX_SNAP_ROUNDS} rounds`, true);
  return paths;
}

function pathBox(path: Path64): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i < path.length; i += 1) {
    const p = path[i]!;
    if (p.x < w) w = p.x;
    if (p.x > e) e = p.x;
    if (p.y < s) s = p.y;
    if (p.y > n) n = p.y;
  }
  return [w, s, e, n];
}

/**
 * The points' coordinates, copied once into the scratch typed arrays, which
 * the loops over pairs read: the point objects come in several shapes (ours,
 * and Clipper2's with a `z`), and reading them there made those loops up to
 * twice as slow.
 */
function coordinateArrays(points: readonly Point64[]): { xs: Float64Array; ys: Float64Array } {
  const xs = scratchFloat64(SNAP_XS, points.length);
  const ys = scratchFloat64(SNAP_YS, points.length);
  for (let k = 0; k < points.length; k += 1) {
    const point = points[k]!;
    xs[k] = point.x;
    ys[k] = point.y;
  }
  return { xs, ys };
}

/**
 * One round of {@link snapToVertices}: the paths with every edge routed
 * through the cells it passes, and which paths were rerouted or met, or
 * null when no edge passes another vertex's cell. With `closedCells` (the
 * inputs' rule, {@link snapInputs}) a cell's border belongs to it; without,
 * the cells are half-open ({@link passesThroughCell}). The candidates come from buckets of the plane
 * ({@link nearVertices}; almost every vertex meets only its own two edges),
 * and each is judged by the exact test.
 */
function snapRound(paths: Path64[], closedCells = false, finder: SnapFinder = 'cells'): { paths: Path64[]; touched: Set<number> } | null {
  const { points, next, pathOf } = linked(paths);
  const total = points.length;
  if (total < 4) return null;
  const { xs, ys } = coordinateArrays(points);
  const touched = new Set<number>();
  // Edge e (from vertex e to next[e]) -> the vertices to route it through.
  let inserts: Map<number, Point64[]> | undefined;
  const visit = (e: number, k: number): void => {
    const ax = xs[e]!;
    const ay = ys[e]!;
    const bx = xs[next[e]!]!;
    const by = ys[next[e]!]!;
    const vx = xs[k]!;
    const vy = ys[k]!;
    if ((ax === vx && ay === vy) || (bx === vx && by === vy) || !passesThroughCell(ax, ay, bx, by, vx, vy, !closedCells)) return;
    touched.add(pathOf[e]!);
    touched.add(pathOf[k]!);
    inserts ??= new Map();
    const v = points[k]!;
    const list = inserts.get(e);
    if (list === undefined) inserts.set(e, [v]);
    else if (!list.some((q) => same(q, v))) list.push(v);
  };
  if (total <= PAIRWISE_VERTICES || finder === 'pairs') {
    for (let e = 0; e < total; e += 1) {
      const ax = xs[e]!;
      const ay = ys[e]!;
      const bx = xs[next[e]!]!;
      const by = ys[next[e]!]!;
      for (let k = 0; k < total; k += 1) {
        const vx = xs[k]!;
        const vy = ys[k]!;
        if (vx + 0.5 >= Math.min(ax, bx) && vx - 0.5 <= Math.max(ax, bx) && vy + 0.5 >= Math.min(ay, by) && vy - 0.5 <= Math.max(ay, by)) visit(e, k);
      }
    }
  } else {
    const near = finder === 'sweep' ? null : nearVertices(total, xs, ys, next);
    if (near === null) sweepNearVertices(total, xs, ys, next, visit);
    else for (let i = 0; i < near.count; i += 2) visit(near.pairs[i]!, near.pairs[i + 1]!);
  }
  if (inserts === undefined) return null;
  return { paths: routedThrough(paths, inserts), touched };
}

/**
 * The paths with each edge e (numbered as {@link linked} numbers them)
 * routed through the points `found` lists for it, in order along the edge,
 * and without the spikes that can leave ({@link withoutSpikes}).
 */
function routedThrough(paths: Path64[], found: Map<number, Point64[]>): Path64[] {
  let e = 0;
  return paths.map((path) => {
    const out: Path64 = [];
    for (let i = 0; i < path.length; i += 1, e += 1) {
      const a = path[i]!;
      out.push(a);
      const list = found.get(e);
      if (list === undefined) continue;
      const b = path[i + 1 === path.length ? 0 : i + 1]!;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      // Along the edge; a tie (two vertices either side of it) by position, so the order does not depend on which was found first.
      list.sort((q, r) => (q.x - a.x) * dx + (q.y - a.y) * dy - ((r.x - a.x) * dx + (r.y - a.y) * dy) || q.x - r.x || q.y - r.y);
      out.push(...list);
    }
    return withoutSpikes(out);
  });
}

/**
 * The other half of a round of {@link snapToVertices}, run when no edge
 * passes another vertex's cell ({@link snapRound} found nothing): two
 * output edges that cross (each passes strictly between the other's ends)
 * are both routed through the hot pixel of their crossing, the grid point
 * whose half-open cell holds it (each coordinate rounded half up, the
 * half-open pixel's rule: {@link crossingPixel}), and an edge that another
 * edge repeats (both ends the same) marks both rings for the union that
 * follows. With no vertex within a cell of another edge, these are the
 * only ways two edges can meet other than at a shared vertex. Clipper2
 * leaves such crossings when it misjudges two near-coincident edges: its
 * sweep reads an edge's x rounded to the grid, and an edge passing 0.5000025
 * of a cell beside a vertex was read as on the vertex's far side, so two
 * valid squares overlapping in a sliver 1 m long and half a cell wide came
 * back as two overlapping rings, neither cut (audit F1;
 * test/geometry/output-crossings.test.ts). Routed through the pixel, the
 * two edges meet at a vertex there; the union after the round then reads
 * the ground they bound, and the next round checks that union's output
 * again, cells and crossings both. The pixel is exact ({@link crossingPixel}),
 * so an edge moves by at most half a cell's diagonal, as in
 * {@link snapToVertices}. One sweep of the
 * edges' boxes finds the candidates (every pair, up to
 * {@link PAIRWISE_VERTICES} vertices), and each is judged by exact
 * orientation tests. Returns null when no two edges cross or repeat.
 */
function routeCrossings(paths: Path64[]): { paths: Path64[]; touched: Set<number> } | null {
  const { points, next, pathOf } = linked(paths);
  const total = points.length;
  if (total < 4) return null;
  const { xs, ys } = coordinateArrays(points);
  const touched = new Set<number>();
  let inserts: Map<number, Point64[]> | undefined;
  const add = (edge: number, v: Point64): void => {
    inserts ??= new Map();
    const list = inserts.get(edge);
    if (list === undefined) inserts.set(edge, [v]);
    else if (!list.some((q) => same(q, v))) list.push(v);
  };
  const visit = (e: number, f: number): boolean => {
    const e2 = next[e]!;
    const f2 = next[f]!;
    if (f === e2 || e === f2) return false; // consecutive edges: they share a vertex
    const ax = xs[e]!;
    const ay = ys[e]!;
    const bx = xs[e2]!;
    const by = ys[e2]!;
    const cx = xs[f]!;
    const cy = ys[f]!;
    const dx = xs[f2]!;
    const dy = ys[f2]!;
    if ((ax === cx && ay === cy && bx === dx && by === dy) || (ax === dx && ay === dy && bx === cx && by === cy)) {
      touched.add(pathOf[e]!);
      touched.add(pathOf[f]!);
      inserts ??= new Map();
      return false;
    }
    if (orientation(ax, ay, bx, by, cx, cy) * orientation(ax, ay, bx, by, dx, dy) >= 0) return false;
    if (orientation(cx, cy, dx, dy, ax, ay) * orientation(cx, cy, dx, dy, bx, by) >= 0) return false;
    const pixel = crossingPixel(ax, ay, bx - ax, by - ay, cx, cy, dx - cx, dy - cy);
    touched.add(pathOf[e]!);
    touched.add(pathOf[f]!);
    add(e, pixel);
    add(f, pixel);
    return false;
  };
  if (total <= PAIRWISE_VERTICES) {
    for (let e = 0; e < total; e += 1) {
      const ex0 = Math.min(xs[e]!, xs[next[e]!]!);
      const ex1 = Math.max(xs[e]!, xs[next[e]!]!);
      const ey0 = Math.min(ys[e]!, ys[next[e]!]!);
      const ey1 = Math.max(ys[e]!, ys[next[e]!]!);
      for (let f = e + 1; f < total; f += 1) {
        const g = next[f]!;
        if (Math.max(xs[f]!, xs[g]!) >= ex0 && Math.min(xs[f]!, xs[g]!) <= ex1 && Math.max(ys[f]!, ys[g]!) >= ey0 && Math.min(ys[f]!, ys[g]!) <= ey1) visit(e, f);
      }
    }
  } else {
    someOverlap(edgeBoxesOf(total, xs, ys, next), visit);
  }
  if (inserts === undefined) return null;
  return { paths: routedThrough(paths, inserts), touched };
}

/**
 * A rerouted path without its spikes: a vertex where the path turns
 * straight back along itself (the edges before and after it collinear and
 * opposite) goes, and so does a repeated vertex. Routing an edge through a
 * vertex can leave one: a ring whose corner A lies one cell from another
 * ring's vertex A′ on the ring's own horizontal edge C→A has its edge A→B
 * routed through A′ (it passes A′'s cell) but not C→A (A′ lies exactly on
 * it), and becomes A, A′, B, C, where A′→A and back overlap. A spike holds
 * no ground under any fill rule, but Clipper2 reads a ring with one along a
 * horizontal edge as empty (frame-first property seed 287543826: the
 * intersection of two 55 m² triangles came out empty;
 * test/geometry/horizontal-spike.test.ts). A path left with fewer than 3
 * vertices is empty.
 */
function withoutSpikes(path: Path64): Path64 {
  const out: Path64 = [];
  for (const p of path) {
    if (out.length > 0 && same(out[out.length - 1]!, p)) continue;
    while (out.length >= 2 && turnsBack(out[out.length - 2]!, out[out.length - 1]!, p)) {
      out.pop();
      if (same(out[out.length - 1]!, p)) break;
    }
    if (!same(out[out.length - 1] ?? { x: NaN, y: NaN }, p)) out.push(p);
  }
  // Where the path closes: a repeat across the seam, or a spike at its last or first vertex.
  while (out.length >= 3) {
    const n = out.length;
    if (same(out[0]!, out[n - 1]!) || turnsBack(out[n - 2]!, out[n - 1]!, out[0]!)) out.pop();
    else if (turnsBack(out[n - 1]!, out[0]!, out[1]!)) out.shift();
    else break;
  }
  return out.length >= 3 ? out : [];
}

/** Whether the path q→s→p turns straight back at s: the two edges collinear (exactly, in integers) and opposite. */
function turnsBack(q: Point64, s: Point64, p: Point64): boolean {
  const ax = s.x - q.x;
  const ay = s.y - q.y;
  const bx = p.x - s.x;
  const by = p.y - s.y;
  if (ax * bx + ay * by >= 0) return false; // it goes on, or turns by 90° or less
  const l = ax * by;
  const r = ay * bx;
  // Products reach 1e23: decide in floating point only when they differ by more than its rounding.
  if (Math.abs(l - r) > 1e-9 * (Math.abs(l) + Math.abs(r))) return false;
  return BigInt(ax) * BigInt(by) === BigInt(ay) * BigInt(bx);
}

/** How {@link snapRound} finds the vertices near each edge: buckets of the plane (the default), a sweep of boxes, or every edge against every vertex. */
export type SnapFinder = 'cells' | 'sweep' | 'pairs';

/** The test hook for {@link snapRound}, with the finder named: all three must give the same paths. */
export function snapRoundWith(paths: Path64[], closedCells: boolean, finder: SnapFinder): Path64[] | null {
  return snapRound(paths, closedCells, finder)?.paths ?? null;
}

/**
 * The hot pixel of the crossing of the lines a + t·u and c + s·w (integers,
 * not parallel): the grid point whose half-open cell [p − ½, p + ½) holds
 * it, each coordinate a + t·u rounded half up, exactly (BigInt: products
 * of coordinate differences reach 1e23, and on long, nearly parallel edges
 * a floating-point t can put the crossing cells away; crossings are rare,
 * so the exact path costs nothing that shows).
 */
function crossingPixel(ax: number, ay: number, ux: number, uy: number, cx: number, cy: number, wx: number, wy: number): Point64 {
  let num = BigInt(cx - ax) * BigInt(wy) - BigInt(cy - ay) * BigInt(wx);
  let den = BigInt(ux) * BigInt(wy) - BigInt(uy) * BigInt(wx);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  // floor(a + u·num/den + ½) = a + floor((2·u·num + den) / (2·den)), the division floored (den > 0).
  const round = (a: number, u: number): number => {
    const p = 2n * BigInt(u) * num + den;
    const q = 2n * den;
    const quotient = p / q;
    return a + Number(p % q !== 0n && p < 0n ? quotient - 1n : quotient);
  };
  return { x: round(ax, ux), y: round(ay, uy) };
}

/** The test hook for {@link routeCrossings}: the rerouted paths and which paths were met (sorted), or null. */
export function routeCrossingsWith(paths: Path64[]): { paths: Path64[]; touched: number[] } | null {
  const routed = routeCrossings(paths);
  return routed === null ? null : { paths: routed.paths, touched: [...routed.touched].sort((a, b) => a - b) };
}

/**
 * The pairs (edge e, from vertex e to vertex next[e]; vertex k, at
 * (xs[k], ys[k]); there are n of each) where vertex k's cell (side 1,
 * centred on it) meets the edge's box: every pair the exact test of
 * {@link snapRound} can accept, and few more, as e, k, e, k, … in the
 * first `count` numbers of `pairs`.
 * The vertices are hashed by square buckets about as wide as the mean edge
 * (one pass, no sort), and each edge looks only into the buckets its box,
 * widened by half a cell, covers; a long edge is walked in stretches of
 * one bucket's width, so it looks near itself, not into the whole box of a
 * diagonal. Almost every vertex then meets only its own two edges, and the
 * work is linear in the vertices and in the edges' lengths over the bucket.
 * Where vertices crowd into few buckets (a dense city among long rural
 * edges) it returns null before finding anything, and the caller sweeps.
 *
 * Each pass is a function of its own, and the pairs are handed back rather
 * than passed to a callback: in a fresh process a function is first
 * optimized on its hot loop alone (on-stack replacement), and one function
 * holding all the loops was thrown away for each next loop it reached
 * without type feedback, and again when a later call passed another
 * callback (a new closure per `snapRound`), then compiled whole again: on the
 * first run of Turf 2317's union, 8 compiles and 8 deoptimizations of all
 * five loops, against 5 deoptimizations of the passes now (docs/geometry.md,
 * "Turf 2317 and a first run"). The pairs are the same, in the same order.
 */
function nearVertices(n: number, xs: Float64Array, ys: Float64Array, next: Int32Array): NearPairs | null {
  const grid = bucketGrid(n, xs, ys, next);
  const buckets = new BucketTable(tableSlots(bucketRuns(n, xs, ys, grid)));
  const chain = scratchInt32(NEAR_CHAIN, n);
  if (fillBuckets(buckets, chain, n, xs, ys, grid) > CROWDED * n) return null;
  return edgesNearVertices(buckets, chain, n, xs, ys, next, grid);
}

/** Pairs of numbers (edge, vertex), in the first `count` numbers of `pairs`. */
interface NearPairs {
  pairs: Int32Array;
  count: number;
}

/** The buckets of {@link nearVertices}: their side, and the corner they are counted from. */
interface BucketGrid {
  west: number;
  south: number;
  size: number;
}

/** Buckets about four mean edges wide, counted from the south-west corner less two cells (for the widened boxes). */
function bucketGrid(n: number, xs: Float64Array, ys: Float64Array, next: Int32Array): BucketGrid {
  let west = Infinity;
  let south = Infinity;
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    const x = xs[k]!;
    const y = ys[k]!;
    if (x < west) west = x;
    if (y < south) south = y;
    const j = next[k]!;
    sum += Math.max(Math.abs(xs[j]! - x), Math.abs(ys[j]! - y));
  }
  return { west: west - 2, south: south - 2, size: Math.max(4, Math.ceil((4 * sum) / n)) };
}

/**
 * Runs of consecutive vertices in one bucket. There are at most as many
 * buckets as runs, and the table is sized by those (at 1M vertices, about a
 * third of n): a table sized by n was mostly empty, and its cache misses
 * cost a fifth of the time.
 */
function bucketRuns(n: number, xs: Float64Array, ys: Float64Array, { west, south, size }: BucketGrid): number {
  let runs = 1;
  for (let k = 1, px = Math.floor((xs[0]! - west) / size), py = Math.floor((ys[0]! - south) / size); k < n; k += 1) {
    const cx = Math.floor((xs[k]! - west) / size);
    const cy = Math.floor((ys[k]! - south) / size);
    if (cx !== px || cy !== py) runs += 1;
    px = cx;
    py = cy;
  }
  return runs;
}

function tableSlots(runs: number): number {
  let slots = 16;
  while (slots < 2 * runs) slots *= 2;
  return slots;
}

/**
 * An open-addressing table of buckets by their coordinates. One slot is
 * three numbers side by side (bucket x, bucket y, 1 when taken, 0 when
 * empty), so a look-up touches one cache line; and consecutive vertices and
 * edges mostly fall in the bucket looked up last, which is then not looked
 * up again. A bucket's vertices are chained (through the caller's `chain`)
 * from `heads`.
 */
class BucketTable {
  readonly table: Float64Array;
  readonly count: Int32Array;
  /** A bucket's first vertex (-1: none), apart from the table: read from a float, the chain walk ran about 20 % slower. */
  readonly heads: Int32Array;
  private readonly mask: number;
  /** See localBucketHash. */
  private readonly local: boolean;
  private lastX = NaN;
  private lastY = NaN;
  private lastSlot = -1;

  constructor(slots: number) {
    this.mask = slots - 1;
    this.local = slots >= 65536;
    this.table = scratchFloat64(NEAR_TABLE, 3 * slots, 0);
    this.count = scratchInt32(NEAR_COUNT, slots, 0);
    this.heads = scratchInt32(NEAR_HEADS, slots, -1);
  }

  /** The slot of bucket (cx, cy): its place in the table, or -1 when it holds no vertex (with `insert`, it is made). */
  slotOf(cx: number, cy: number, insert: boolean): number {
    if (cx === this.lastX && cy === this.lastY) return this.lastSlot;
    const table = this.table;
    const mask = this.mask;
    let h = (this.local ? localBucketHash(cx, cy) : scatteredBucketHash(cx, cy)) & mask;
    for (;;) {
      const at = 3 * h;
      if (table[at + 2] === 0) {
        if (!insert) return -1;
        table[at] = cx;
        table[at + 1] = cy;
        break;
      }
      if (table[at] === cx && table[at + 1] === cy) break;
      h = (h + 1) & mask;
    }
    this.lastX = cx;
    this.lastY = cy;
    this.lastSlot = h;
    return h;
  }

  /** Forgets the last bucket looked up (a bucket found empty is not remembered, so the last insert's is forgotten too, to start clean). */
  forget(): void {
    this.lastX = NaN;
  }
}

/** Puts every vertex in its bucket; returns the pairs of vertices sharing a bucket (the sum of count² / 2). */
function fillBuckets(buckets: BucketTable, chain: Int32Array, n: number, xs: Float64Array, ys: Float64Array, { west, south, size }: BucketGrid): number {
  const { table, count, heads } = buckets;
  let pairs = 0;
  for (let k = 0; k < n; k += 1) {
    const h = buckets.slotOf(Math.floor((xs[k]! - west) / size), Math.floor((ys[k]! - south) / size), true);
    chain[k] = heads[h]!;
    heads[h] = k;
    table[3 * h + 2] = 1; // the slot is taken
    pairs += count[h]!++;
  }
  return pairs;
}

/** The candidate pairs of {@link nearVertices}, once the vertices are in their buckets. */
function edgesNearVertices(buckets: BucketTable, chain: Int32Array, n: number, xs: Float64Array, ys: Float64Array, next: Int32Array, { west, south, size }: BucketGrid): NearPairs {
  buckets.forget();
  const heads = buckets.heads;
  let found = 0;
  let pairs = scratchInt32(NEAR_PAIRS, 1024);
  for (let edge = 0; edge < n; edge += 1) {
    const to = next[edge]!;
    const ax = xs[edge]!;
    const ay = ys[edge]!;
    const bx = xs[to]!;
    const by = ys[to]!;
    const minX = Math.min(ax, bx) - 0.5;
    const maxX = Math.max(ax, bx) + 0.5;
    const minY = Math.min(ay, by) - 0.5;
    const maxY = Math.max(ay, by) + 0.5;
    const dx = bx - ax;
    const dy = by - ay;
    // A long edge is looked at a stretch at a time: each stretch's box,
    // widened by a cell (more than half, for rounding in the division),
    // holds every point within half a cell of that stretch. A vertex near
    // the end of one stretch may be found twice; snapRound keeps each vertex once.
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / size));
    for (let i = 0; i < steps; i += 1) {
      let w = minX;
      let s = minY;
      let e = maxX;
      let nn = maxY;
      if (steps > 1) {
        const px = ax + (dx * i) / steps;
        const py = ay + (dy * i) / steps;
        const qx = i + 1 === steps ? bx : ax + (dx * (i + 1)) / steps;
        const qy = i + 1 === steps ? by : ay + (dy * (i + 1)) / steps;
        w = Math.min(px, qx) - 1;
        e = Math.max(px, qx) + 1;
        s = Math.min(py, qy) - 1;
        nn = Math.max(py, qy) + 1;
      }
      const x0 = Math.floor((w - west) / size);
      const x1 = Math.floor((e - west) / size);
      const y0 = Math.floor((s - south) / size);
      const y1 = Math.floor((nn - south) / size);
      for (let cx = x0; cx <= x1; cx += 1) {
        for (let cy = y0; cy <= y1; cy += 1) {
          const h = buckets.slotOf(cx, cy, false);
          if (h === -1) continue;
          for (let k = heads[h]!; k !== -1; k = chain[k]!) {
            if (k === edge || k === to) continue;
            const x = xs[k]!;
            const y = ys[k]!;
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
              if (found + 2 > pairs.length) pairs = grown2(pairs, found);
              pairs[found] = edge;
              pairs[found + 1] = k;
              found += 2;
            }
          }
        }
      }
    }
  }
  return { pairs, count: found };
}

/**
 * The first `found` numbers of `pairs` in an array twice as long, which
 * takes the scratch slot of the pairs (see {@link scratch}) while it is no
 * longer than {@link SCRATCH_LIMIT}.
 */
function grown2(pairs: Int32Array, found: number): Int32Array {
  const more = new Int32Array(2 * pairs.length);
  more.set(pairs.subarray(0, found));
  if (more.length <= SCRATCH_LIMIT) int32Slots[NEAR_PAIRS] = more;
  return more;
}

/** The bits of a byte spread to the even bits of 16: the Z-order of a bucket within its tile of 256 × 256. */
const SPREAD = new Int32Array(256).map((_, v) => {
  let bits = 0;
  for (let b = 0; b < 8; b += 1) bits |= ((v >> b) & 1) << (2 * b);
  return bits;
});

/**
 * A 32-bit hash of a bucket's (non-negative integer) coordinates, for a
 * table of at least 2^16 slots: the Z-order of the bucket within its tile
 * of 256 × 256 buckets, XORed with a mixed hash of the tile. Buckets near
 * each other then mostly land in slots near each other (a ring's
 * consecutive look-ups stay in cache: about a fifth less time at 1M
 * vertices than a hash that scatters them), and the tile's hash spreads
 * tiles over the whole table, so buckets a tile apart do not collide. In a
 * smaller table the mask would cut the Z-order short and a line of buckets
 * would pile onto a few slots, so {@link scatteredBucketHash} serves there.
 */
function localBucketHash(cx: number, cy: number): number {
  const tile = Math.imul((cx >>> 8) ^ Math.floor(cx / 4294967296), 0x9e3779b1) ^ Math.imul(((cy >>> 8) ^ Math.floor(cy / 4294967296)) + 0x7f4a7c15, 0x85ebca77);
  return ((SPREAD[cx & 255]! | (SPREAD[cy & 255]! << 1)) ^ (tile ^ (tile >>> 15))) >>> 0;
}

/** A 32-bit hash of a bucket's (non-negative integer) coordinates that scatters neighbours over the table. */
function scatteredBucketHash(cx: number, cy: number): number {
  const h = Math.imul(cx | 0, 0x9e3779b1) ^ Math.imul((cy | 0) + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(Math.floor(cx / 4294967296) ^ Math.floor(cy / 4294967296), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Above this many pairs of vertices sharing a bucket per vertex, {@link nearVertices} leaves the work to {@link sweepNearVertices}. */
const CROWDED = 32;

/** The box of each edge k → next[k] of the linked points, for a sweep. */
function edgeBoxesOf(total: number, xs: Float64Array, ys: Float64Array, next: Int32Array): Boxes {
  const edgeBoxes = boxes(total);
  for (let k = 0; k < total; k += 1) {
    const ax = xs[k]!;
    const ay = ys[k]!;
    const bx = xs[next[k]!]!;
    const by = ys[next[k]!]!;
    edgeBoxes.minX[k] = ax < bx ? ax : bx;
    edgeBoxes.maxX[k] = ax < bx ? bx : ax;
    edgeBoxes.minY[k] = ay < by ? ay : by;
    edgeBoxes.maxY[k] = ay < by ? by : ay;
  }
  return edgeBoxes;
}

/** The pairs {@link nearVertices} finds, each passed to `visit`, by one sweep that pairs the edges' boxes with the vertices' cells (one sort of each). */
function sweepNearVertices(total: number, xs: Float64Array, ys: Float64Array, next: Int32Array, visit: (e: number, k: number) => void): void {
  const edgeBoxes = edgeBoxesOf(total, xs, ys, next);
  const cells = boxes(total);
  for (let k = 0; k < total; k += 1) {
    const ax = xs[k]!;
    const ay = ys[k]!;
    cells.minX[k] = ax - 0.5;
    cells.maxX[k] = ax + 0.5;
    cells.minY[k] = ay - 0.5;
    cells.maxY[k] = ay + 0.5;
  }
  crossOverlap(edgeBoxes, cells, visit);
}

/**
 * The vertices of all paths in one list, each with the vertex after it and
 * before it on its own path and the path it is on: vertex k's edge runs
 * from k to next[k].
 */
function linked(paths: readonly Path64[]): { points: Point64[]; next: Int32Array; prev: Int32Array; pathOf: Int32Array } {
  let total = 0;
  for (const path of paths) total += path.length;
  const points: Point64[] = new Array(total);
  const next = scratchInt32(LINK_NEXT, total);
  const prev = scratchInt32(LINK_PREV, total);
  const pathOf = scratchInt32(LINK_PATH, total);
  for (let p = 0, k = 0; p < paths.length; p += 1) {
    const path = paths[p]!;
    const start = k;
    for (let i = 0; i < path.length; i += 1, k += 1) {
      points[k] = path[i]!;
      next[k] = i + 1 === path.length ? start : k + 1;
      prev[k] = i === 0 ? start + path.length - 1 : k - 1;
      pathOf[k] = p;
    }
  }
  return { points, next, prev, pathOf };
}

/**
 * Whether the segment a-b meets the closed cell of side 1 centred on v (each given by its coordinates).
 * (Its box already does.) A fast reject by distance in floating point, then an exact test
 * in integers (doubled coordinates, {@link productSign}): the cell's corners do not all
 * lie strictly on one side of the line.
 *
 * With `halfOpen`, the cell is Hobby's half-open pixel, [v − ½, v + ½) on each axis: a
 * segment that meets the cell only at a corner (the line through that corner, the other
 * three strictly on one side) meets it only when that corner is the south-west one, which
 * the cell owns. Between integer vertices, a segment meets a cell's border without
 * entering it only at a corner (its sides lie on half-integer lines), so that is the only
 * case the two rules tell apart. Snap rounding of the output needs it (see
 * {@link snapToVertices}); the rule for the inputs ({@link snapInputs}) keeps closed cells.
 */
function passesThroughCell(ax: number, ay: number, bx: number, by: number, vx: number, vy: number, halfOpen = false): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const cross = dx * (vy - ay) - dy * (vx - ax);
  // Half the cell's diagonal is 0.7072; the margin covers rounding in `cross`.
  if (Math.abs(cross) > 0.75 * Math.hypot(dx, dy) + 1) return false;
  // Doubled coordinates: the corners of v's cell are 2v ± 1.
  const ex = 2 * dx;
  const ey = 2 * dy;
  const ux = 2 * (vx - ax);
  const uy = 2 * (vy - ay);
  let positive = false;
  let negative = false;
  let onLine = -1;
  for (let c = 0; c < 4; c += 1) {
    const cx = c === 0 || c === 3 ? -1 : 1;
    const cy = c < 2 ? -1 : 1;
    const side = productSign(ex, uy + cy, ey, ux + cx);
    if (side > 0) positive = true;
    else if (side < 0) negative = true;
    else onLine = c;
  }
  if (positive && negative) return true;
  // Only the border: a corner on the line (c = 0 is the south-west corner).
  return onLine >= 0 && (!halfOpen || onLine === 0);
}

/**
 * The sign of p·q − r·s for integers (each below 2^53), exact: floating
 * point when its rounding cannot flip the sign (the filter `orientation`
 * uses), BigInt when it can. Snap rounding asks this of every vertex
 * near an edge, four times; on the N-way overlay's small runs (boundaries
 * shared along a front line) BigInt for each was about a tenth of snap
 * rounding's time.
 */
function productSign(p: number, q: number, r: number, s: number): number {
  const l = p * q;
  const m = r * s;
  if (Math.abs(l) < 9e15 && Math.abs(m) < 9e15) return Math.sign(l - m);
  if (Math.abs(l - m) > (Math.abs(l) + Math.abs(m)) * 4.5e-16) return Math.sign(l - m);
  const exact = BigInt(p) * BigInt(q) - BigInt(r) * BigInt(s);
  return exact > 0n ? 1 : exact < 0n ? -1 : 0;
}

/**
 * Rings that meet at a vertex, re-linked there so that each ring bounds one
 * piece of ground. The engine's rings keep the ground on their left
 * (shells counter-clockwise, holes clockwise), and where several pass one
 * vertex, a ring may go on along another's edge: two holes touching each
 * other at two points, for instance, shut in a piece of ground between
 * them, and GEOS calls such a polygon's interior disconnected. Here every
 * arrival at a shared vertex leaves by the first edge clockwise from the
 * way it came (the tightest turn that keeps the ground on the left), so the
 * rings traced are the boundaries of the pieces of ground, each piece
 * apart; a ring that still comes back to a vertex (ground wrapped around
 * it) is then cut there by `simpleLoops`. `touching` is false when no two
 * vertices coincide (the paths are returned as they are), and otherwise
 * says per ring whether it passes two vertices at one place (only such a
 * ring can come back to one).
 */
function traceFaces(paths: Path64[]): { paths: Path64[]; touching: boolean[] | false } {
  const { points, next, prev } = linked(paths);
  const total = points.length;
  // Vertices at one place: each joins the group of the first vertex there.
  const first = firstAtSamePoint(points);
  const group = scratchInt32(FACE_GROUP, total, -1);
  const groups: number[][] = [];
  for (let k = 0; k < total; k += 1) {
    const j = first[k]!;
    if (j === k) continue;
    if (group[j] === -1) {
      group[j] = groups.length;
      groups.push([j]);
    }
    group[k] = group[j]!;
    groups[group[j]!]!.push(k);
  }
  if (groups.length === 0) return { paths, touching: false };
  const everyPath = (): boolean[] => paths.map(() => true);
  // leave[k]: arriving at vertex k, the vertex whose outgoing edge comes next.
  const leave = scratchInt32(FACE_LEAVE, total);
  for (let k = 0; k < total; k += 1) leave[k] = k;
  const used = scratchInt32(FACE_USED, total, 0);
  for (const members of groups) {
    const v = points[members[0]!]!;
    for (const k of members) {
      const back = points[prev[k]!]!;
      const from = Math.atan2(back.y - v.y, back.x - v.x);
      let best = -1;
      let bestTurn = Infinity;
      for (const j of members) {
        const out = points[next[j]!]!;
        // Clockwise angle from the way back to this edge, in (0, 2π].
        let turn = from - Math.atan2(out.y - v.y, out.x - v.x);
        while (turn <= 0) turn += 2 * Math.PI;
        if (turn < bestTurn && used[j] === 0) {
          bestTurn = turn;
          best = j;
        }
      }
      if (best === -1) return { paths, touching: everyPath() }; // not a consistent set of rings: leave them to simpleLoops
      used[best] = 1;
      leave[k] = best;
    }
  }
  const done = scratchInt32(FACE_DONE, total, 0);
  const out: Path64[] = [];
  const mayRepeat: boolean[] = [];
  for (let s = 0; s < total; s += 1) {
    if (done[s] === 1) continue;
    const ring: Path64 = [];
    let shared = 0;
    // Edge s (from vertex s to the next), then wherever each arrival leaves.
    for (let k = s; done[k] === 0; k = leave[next[k]!]!) {
      done[k] = 1;
      ring.push(points[k]!);
      if (group[k] !== -1) shared += 1;
    }
    if (ring.length >= 3) {
      out.push(ring);
      // Only a ring through two vertices of one place can come back to it.
      mayRepeat.push(shared > 1);
    }
  }
  return { paths: out, touching: mayRepeat };
}

/** Cuts a closed path (no repeated closing vertex) at every vertex it visits twice. */
function simpleLoops(path: Path64): Path64[] {
  const first = firstAtSamePoint(path);
  let repeats = false;
  for (let k = 0; k < path.length && !repeats; k += 1) repeats = first[k] !== k;
  if (!repeats) return [path];
  const loops: Path64[] = [];
  const stack: Path64 = [];
  const stackPlace: number[] = [];
  // For each place (its first vertex), where it stands on the stack, or -1.
  const at = scratchInt32(LOOP_AT, path.length, -1);
  for (let k = 0; k < path.length; k += 1) {
    const place = first[k]!;
    const where = at[place]!;
    if (where === -1) {
      at[place] = stack.length;
      stack.push(path[k]!);
      stackPlace.push(place);
      continue;
    }
    // The vertex comes back: the stretch since its first visit is a loop.
    const loop = stack.splice(where + 1);
    for (const p of stackPlace.splice(where + 1)) at[p] = -1;
    loop.unshift(stack[where]!);
    if (loop.length >= 3) loops.push(loop);
  }
  if (stack.length >= 3) loops.push(stack);
  return loops;
}

/**
 * For each point, the index of the first point at the same place (itself
 * when it is the first): one pass through an open-addressing hash table of
 * the integer coordinates, so that a million vertices cost a million
 * look-ups. (A chain of the vertices at one longitude, used before, was
 * quadratic along a densified meridian, where thousands share it.)
 */
function firstAtSamePoint(points: readonly Point64[]): Int32Array {
  const n = points.length;
  const first = scratchInt32(SAME_FIRST, n);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = scratchInt32(SAME_TABLE, size, 0); // index + 1, 0 when empty
  for (let k = 0; k < n; k += 1) {
    const p = points[k]!;
    let h = hashPoint(p.x, p.y) & mask;
    for (;;) {
      const slot = table[h]!;
      if (slot === 0) {
        table[h] = k + 1;
        first[k] = k;
        break;
      }
      const q = points[slot - 1]!;
      if (q.x === p.x && q.y === p.y) {
        first[k] = slot - 1;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return first;
}

/** A 32-bit hash of an integer point (all 53 bits of each coordinate count). */
function hashPoint(x: number, y: number): number {
  const hx = Math.imul((x | 0) ^ Math.floor(x / 4294967296), 0x9e3779b1);
  const hy = Math.imul((y | 0) ^ Math.floor(y / 4294967296), 0x85ebca77);
  const h = hx ^ (hy + 0x165667b1 + (hx << 6) + (hx >>> 2));
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Degrees from integer vertices, the ring starting at its lowest-left
 * vertex (least longitude, then least latitude), so that one shape is
 * always written the same way whatever order the engine met it in.
 */
function toRing(path: Path64): Ring2 {
  let start = 0;
  for (let i = 1; i < path.length; i += 1) {
    const p = path[i]!;
    const q = path[start]!;
    if (p.x < q.x || (p.x === q.x && p.y < q.y)) start = i;
  }
  const ring: Ring2 = new Array(path.length + 1);
  for (let i = 0; i < path.length; i += 1) {
    const p = path[(start + i) % path.length]!;
    ring[i] = [(p.x + originX) / scale, (p.y + originY) / scale];
  }
  ring[path.length] = [ring[0]![0], ring[0]![1]];
  return ring;
}

/**
 * The error for a run Clipper2 reported as failed: the operation, the
 * operands' vertex counts and, where the run that failed was one of the
 * wrapper's own on the operation's output, which one (`stage`; `unsettled`
 * when it was our snap rounding, not a run Clipper2 reported failed). Clipper2's
 * `execute` returns `false` both for input it refuses and for any exception
 * thrown inside its run (it catches them all and keeps none), so the
 * message cannot tell the two apart and says so (docs/geometry.md).
 */
function engineError(operation: ClipOperation | 'repair', operands: readonly MultiPolygon2[], stage?: string, unsettled = false): ContestedError {
  const sizes = operands.map((m) => m.reduce((n, p) => n + p.reduce((k, r) => k + r.length, 0), 0));
  const where = stage === undefined ? '' : ` (in ${stage})`;
  return new ContestedError('geometry-engine', [
    {
      code: 'engine-failure',
      path: [],
      message:
        `the clipping engine (clipper2-ts) failed on ${operation} of ${operands.length} operand(s) of ${sizes.join(', ')} vertices${where}. ` +
        (unsettled ? '' : 'Clipper2 reported failure; it does not say why (input it cannot handle, or a bug in the engine). ') +
        'The operands were already read as normalizeGeometry reads them, so normalizing them again will not help: please report this with the inputs attached',
    },
  ]);
}
