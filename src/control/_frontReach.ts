/**
 * The two metre-scale rules of the front line, and the zone pockets.
 *
 * - *Near the edge of the map.* Stretches of a side's boundary closer than
 *   `borderM` to the boundary of `within` are not front: a detailed map laid
 *   on a coarser border or coastline leaves thin strips between the two, and
 *   ground inferred there (an importer's "the rest of the country") is no
 *   line of contact.
 * - *Gaps in one side's own ground.* Where another boundary stretch of the
 *   same side runs within `gapM`, nearly parallel (within about 15°), the
 *   ground between is a drawing gap (or a sliver of that side), closed before
 *   the front is drawn: two classes of one side drawn a few metres apart do
 *   not make a front on each side of the gap.
 *
 * Distances are measured in a local equirectangular frame (longitude scaled
 * by the cosine of the map's mean latitude, in metres of a 111,195 m degree),
 * accurate to a few percent over a country the size of Ukraine — these are
 * tolerances, not measurements. A parameter `t` along an edge is the same in
 * both frames (the map is linear), so intervals carry over unchanged.
 *
 * *Pockets.* A zone (contested or advancing ground) is between the sides
 * only where it touches both: zone regions are joined into components
 * through their shared boundaries, and a component that touches only one
 * side (a gray pocket inside one side's ground) is relabelled `pocket`. A
 * side's advancing ground counts as that side's presence, so a zone holding
 * one side's advance and touching the other's ground lies between them.
 */
import { alongside, EdgeGrid, type Edge } from './_frontEdges.js';
import { union, type Intervals } from './_frontIntervals.js';

const METRES_PER_DEGREE = 111_195;

/** The edges in the metric frame, with a grid sized for metre-scale searches. */
export class MetricEdges {
  private readonly grid: EdgeGrid;
  private readonly projected: Edge[];
  private readonly pad: number;

  constructor(edges: readonly Edge[], reachM: number) {
    const latitudes = edges.map((e) => (e.ay + e.by) / 2);
    const meanLat = latitudes.reduce((sum, y) => sum + y, 0) / Math.max(1, latitudes.length);
    const scale = Math.cos((meanLat * Math.PI) / 180);
    this.projected = edges.map((e) => {
      const ax = e.ax * scale;
      const bx = e.bx * scale;
      return { ...e, ax, bx, length: Math.hypot(bx - ax, e.by - e.ay) };
    });
    this.pad = reachM / METRES_PER_DEGREE;
    this.grid = new EdgeGrid(this.projected, this.pad, Math.max(4 * this.pad, 1e-6));
  }

  /**
   * The stretches of edge `id` closer than `distanceM` to any edge of
   * `layer`. Two narrower rules, which would keep a front that runs into
   * the border head-on up to it, were tried on DeepState 2025-12-01 and
   * rejected: only border edges within 45° of the stretch's direction
   * (+50 km of ragged fragments), and only where a perpendicular from the
   * stretch meets the border (+36 km, mostly the ends of the strips
   * themselves, where the map's edge turns to meet the coast).
   */
  near(id: number, layer: Edge['layer'], distanceM: number): Intervals {
    const edge = this.projected[id]!;
    const d = distanceM / METRES_PER_DEGREE;
    const found: Intervals = [];
    for (const other of this.grid.near(edge, layer)) {
      const reach = withinDistance(edge, other, d);
      if (reach !== null) found.push(reach);
    }
    return union(found, 0);
  }

  /**
   * The stretches of edge `id` that a gap narrower than `distanceM` closes:
   * where another boundary of the same side runs within `distanceM`, nearly
   * parallel, either across a gap outside its ground, or across a sliver of
   * its own ground whose far edge `facesFront` too (a sliver of one side
   * wedged in a gap of the other's ground).
   */
  gaps(id: number, distanceM: number, facesFront: (otherId: number) => boolean): Intervals {
    const edge = this.projected[id]!;
    const d = distanceM / METRES_PER_DEGREE;
    const found: Intervals = [];
    for (const other of this.grid.near(edge, edge.layer)) {
      const overlap = alongside(edge, other, d, 0.26);
      if (overlap === null) continue;
      const mx = (other.ax + other.bx) / 2 - edge.ax;
      const my = (other.ay + other.by) / 2 - edge.ay;
      const onLeft = (edge.bx - edge.ax) * my - (edge.by - edge.ay) * mx > 0;
      const acrossOwnGround = onLeft === edge.interiorLeft;
      if (!acrossOwnGround || facesFront(other.id)) found.push(overlap);
    }
    return union(found, 0);
  }
}

/**
 * The parameter interval of `edge` within distance `d` of the segment
 * `other` (a capsule: the segment's rectangle and the discs at its ends;
 * a line meets a convex set in one interval), clamped to [0, 1].
 */
export function withinDistance(edge: Edge, other: Edge, d: number): [number, number] | null {
  const px = edge.ax;
  const py = edge.ay;
  const vx = edge.bx - edge.ax;
  const vy = edge.by - edge.ay;
  let lo = Infinity;
  let hi = -Infinity;
  const take = (range: [number, number] | null): void => {
    if (range === null) return;
    lo = Math.min(lo, range[0]);
    hi = Math.max(hi, range[1]);
  };
  take(lineInDisc(px, py, vx, vy, other.ax, other.ay, d));
  take(lineInDisc(px, py, vx, vy, other.bx, other.by, d));
  const ux = other.bx - other.ax;
  const uy = other.by - other.ay;
  const length = Math.hypot(ux, uy);
  if (length > 0) {
    const ex = ux / length;
    const ey = uy / length;
    // In the segment's frame: along ∈ [0, length], across ∈ [-d, d].
    const along0 = (px - other.ax) * ex + (py - other.ay) * ey;
    const alongV = vx * ex + vy * ey;
    const across0 = -(px - other.ax) * ey + (py - other.ay) * ex;
    const acrossV = -vx * ey + vy * ex;
    const a = slab(along0, alongV, 0, length);
    const b = slab(across0, acrossV, -d, d);
    if (a !== null && b !== null) take([Math.max(a[0], b[0]), Math.min(a[1], b[1])]);
  }
  const t0 = Math.max(0, lo);
  const t1 = Math.min(1, hi);
  return t1 > t0 ? [t0, t1] : null;
}

/** The parameters t with value0 + t·rate in [min, max]. */
function slab(value0: number, rate: number, min: number, max: number): [number, number] | null {
  if (rate === 0) return value0 >= min && value0 <= max ? [-Infinity, Infinity] : null;
  const t0 = (min - value0) / rate;
  const t1 = (max - value0) / rate;
  const range: [number, number] = [Math.min(t0, t1), Math.max(t0, t1)];
  return range[1] >= range[0] ? range : null;
}

/** The parameters t with |p + t·v − c| ≤ r. */
function lineInDisc(px: number, py: number, vx: number, vy: number, cx: number, cy: number, r: number): [number, number] | null {
  const wx = px - cx;
  const wy = py - cy;
  const a = vx * vx + vy * vy;
  const b = 2 * (wx * vx + wy * vy);
  const c = wx * wx + wy * wy - r * r;
  if (a === 0) return c <= 0 ? [-Infinity, Infinity] : null;
  const discriminant = b * b - 4 * a * c;
  if (discriminant < 0) return null;
  const root = Math.sqrt(discriminant);
  return [(-b - root) / (2 * a), (-b + root) / (2 * a)];
}

/**
 * Relabels as `pocket` every zone edge whose component (zone polygons joined
 * through shared boundaries) does not touch both sides' ground (or hold
 * that side's advance, `advancing` by group).
 */
export function markPockets(zone: readonly Edge[], grid: EdgeGrid, tolerance: number, advancing: ReadonlyMap<number, 'a' | 'b'>): void {
  const groups = 1 + zone.reduce((max, e) => Math.max(max, e.group), -1);
  const parent = Array.from({ length: groups }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const touchesA = new Uint8Array(groups);
  const touchesB = new Uint8Array(groups);
  // A side's advance is that side's presence: its zone touches that side.
  for (const [group, side] of advancing) (side === 'a' ? touchesA : touchesB)[group] = 1;
  for (const edge of zone) {
    for (const other of grid.near(edge, 'zone')) {
      if (other.group !== edge.group && alongside(edge, other, tolerance) !== null) parent[find(other.group)] = find(edge.group);
    }
    if (touchesA[edge.group] === 0 && grid.near(edge, 'a').some((other) => alongside(edge, other, tolerance) !== null)) touchesA[edge.group] = 1;
    if (touchesB[edge.group] === 0 && grid.near(edge, 'b').some((other) => alongside(edge, other, tolerance) !== null)) touchesB[edge.group] = 1;
  }
  const componentA = new Uint8Array(groups);
  const componentB = new Uint8Array(groups);
  for (let g = 0; g < groups; g += 1) {
    componentA[find(g)]! |= touchesA[g]!;
    componentB[find(g)]! |= touchesB[g]!;
  }
  for (const edge of zone) {
    const root = find(edge.group);
    if (componentA[root] === 0 || componentB[root] === 0) edge.layer = 'pocket';
  }
}
