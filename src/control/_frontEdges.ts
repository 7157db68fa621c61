/**
 * The edges a front is drawn from, and how they are found near each other.
 * Every ring of every region becomes a list of straight lon/lat edges tagged
 * with their layer (side A's ground, side B's, the zone between, or the
 * border of `within`); a uniform grid over them answers "which edges run near
 * this one" in the cost of the edges in its cells; `alongside` and `crossing`
 * are the two ways one edge can meet another. Nothing here knows about sides
 * or statuses: `frontLine` decides which layer a region belongs to.
 */
import type { Position } from 'geojson';
import { geodesicDistance } from '../geometry/_geodesic.js';
import { checkEdges } from '../geometry/_input.js';
import { twiceSignedArea } from '../geometry/_planar.js';

/** One straight lon/lat edge of a region boundary. */
export interface Edge {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Length in degrees. */
  length: number;
  /** Index in the grid's edge list, set when the grid is built. */
  id: number;
  /** Which ground the edge bounds; a zone that touches only one side is relabelled `pocket`. */
  layer: 'a' | 'b' | 'zone' | 'pocket' | 'border';
  /** The polygon the edge belongs to, numbered per layer (zone components are built from it). */
  group: number;
  /** Whether the ground the edge bounds lies on its left (walking from a to b). */
  interiorLeft: boolean;
}

/**
 * Appends the edges of one ring. `hole` says whether the ring is a hole of
 * its polygon, so that each edge knows on which side its ground lies
 * whatever the ring's winding.
 */
export function addRing(out: Edge[], ring: readonly Position[], path: (string | number)[], layer: Edge['layer'], group = -1, hole = false): void {
  checkEdges(ring, path);
  const start = out.length;
  const n = ring.length;
  const first = ring[0];
  const last = ring[n - 1];
  const closed = first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  const count = closed ? n - 1 : n;
  for (let i = 0; i < count; i += 1) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    const length = Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!);
    if (length === 0) continue;
    out.push({ ax: p[0]!, ay: p[1]!, bx: q[0]!, by: q[1]!, length, id: -1, layer, group, interiorLeft: true });
  }
  // A counter-clockwise shell and a clockwise hole both keep their ground on the left.
  const interiorLeft = twiceSignedArea(ring) > 0 !== hole;
  for (let i = start; i < out.length; i += 1) out[i]!.interiorLeft = interiorLeft;
}

/**
 * A uniform grid over every edge, so that finding the edges near one edge
 * costs the edges in its cells, not all of them. Long edges are entered
 * piece by piece along their length, so a diagonal does not fill its box.
 */
export class EdgeGrid {
  readonly edges: Edge[];
  private readonly cell: number;
  private readonly pad: number;
  private readonly cells = new Map<number, number[]>();
  private readonly seen: Int32Array;
  private stamp = 0;

  /**
   * @param pad - how far from an edge a neighbour may lie
   * @param cell - the grid's cell size; by default twice the mean edge
   *   length, and at least 1000 pads (a pad is tiny when it is a tolerance)
   */
  constructor(edges: Edge[], pad: number, cell?: number) {
    this.edges = edges;
    this.pad = pad;
    const mean = edges.reduce((sum, e) => sum + e.length, 0) / Math.max(1, edges.length);
    this.cell = cell ?? Math.max(2 * mean, 1000 * pad, 1e-9);
    this.seen = new Int32Array(edges.length);
    edges.forEach((edge, id) => {
      edge.id = id;
      this.visitCells(edge, (key) => {
        const list = this.cells.get(key);
        if (list === undefined) this.cells.set(key, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      });
    });
  }

  /** Every edge whose cells meet those of `edge`, once each. */
  near(edge: Edge, layer: Edge['layer']): Edge[] {
    this.stamp += 1;
    const out: Edge[] = [];
    this.visitCells(edge, (key) => {
      for (const id of this.cells.get(key) ?? []) {
        if (this.seen[id] === this.stamp) continue;
        this.seen[id] = this.stamp;
        const other = this.edges[id]!;
        if (other.layer === layer && other !== edge) out.push(other);
      }
    });
    return out;
  }

  private visitCells(edge: Edge, visit: (key: number) => void): void {
    const steps = Math.max(1, Math.ceil(edge.length / this.cell));
    for (let k = 0; k < steps; k += 1) {
      const x0 = edge.ax + ((edge.bx - edge.ax) * k) / steps;
      const y0 = edge.ay + ((edge.by - edge.ay) * k) / steps;
      const x1 = edge.ax + ((edge.bx - edge.ax) * (k + 1)) / steps;
      const y1 = edge.ay + ((edge.by - edge.ay) * (k + 1)) / steps;
      const i0 = Math.floor((Math.min(x0, x1) - this.pad) / this.cell);
      const i1 = Math.floor((Math.max(x0, x1) + this.pad) / this.cell);
      const j0 = Math.floor((Math.min(y0, y1) - this.pad) / this.cell);
      const j1 = Math.floor((Math.max(y0, y1) + this.pad) / this.cell);
      for (let i = i0; i <= i1; i += 1) for (let j = j0; j <= j1; j += 1) visit((i + 2 ** 25) * 2 ** 26 + (j + 2 ** 25));
    }
  }
}

/**
 * The parameter interval of `edge` along which `other` runs within
 * `tolerance` of it and nearly parallel (the sine of the angle between them
 * at most `maxSine`, by default 0.05, about 3°), or null.
 */
export function alongside(edge: Edge, other: Edge, tolerance: number, maxSine = 0.05): [number, number] | null {
  const dx = edge.bx - edge.ax;
  const dy = edge.by - edge.ay;
  const ox = other.bx - other.ax;
  const oy = other.by - other.ay;
  const length = edge.length;
  // Signed distances of the other edge's ends from this edge's line; linear along it.
  const da = (dx * (other.ay - edge.ay) - dy * (other.ax - edge.ax)) / length;
  const db = (dx * (other.by - edge.ay) - dy * (other.bx - edge.ax)) / length;
  if (length > 2 * tolerance && other.length > 2 * tolerance && Math.abs(dx * oy - dy * ox) / (length * other.length) > maxSine) return null;
  let s0 = 0;
  let s1 = 1;
  if (da !== db) {
    const u = (-tolerance - da) / (db - da);
    const v = (tolerance - da) / (db - da);
    s0 = Math.max(0, Math.min(u, v));
    s1 = Math.min(1, Math.max(u, v));
    if (s0 >= s1) return null;
  } else if (Math.abs(da) > tolerance) return null;
  const project = (s: number): number => ((other.ax + s * ox - edge.ax) * dx + (other.ay + s * oy - edge.ay) * dy) / (length * length);
  const ta = project(s0);
  const tb = project(s1);
  const t0 = Math.max(0, Math.min(ta, tb));
  const t1 = Math.min(1, Math.max(ta, tb));
  if (t1 <= t0) return null;
  // A crossing or a touching corner leaves only a sliver; a real shared stretch is longer.
  if ((t1 - t0) * length <= 4 * tolerance && t1 - t0 < 0.5) return null;
  return [t0, t1];
}

/** The parameter along `edge` where `other` crosses it, or null. */
export function crossing(edge: Edge, other: Edge): number | null {
  const dx = edge.bx - edge.ax;
  const dy = edge.by - edge.ay;
  const ox = other.bx - other.ax;
  const oy = other.by - other.ay;
  const denominator = dx * oy - dy * ox;
  if (denominator === 0) return null;
  const t = ((other.ax - edge.ax) * oy - (other.ay - edge.ay) * ox) / denominator;
  const s = ((other.ax - edge.ax) * dy - (other.ay - edge.ay) * dx) / denominator;
  return t > 0 && t < 1 && s >= 0 && s <= 1 ? t : null;
}

export function at(edge: Edge, t: number): [number, number] {
  if (t === 0) return [edge.ax, edge.ay];
  if (t === 1) return [edge.bx, edge.by];
  return [edge.ax + t * (edge.bx - edge.ax), edge.ay + t * (edge.by - edge.ay)];
}

export function edgeLengthM(edge: Edge, t0: number, t1: number): number {
  const [x0, y0] = at(edge, t0);
  const [x1, y1] = at(edge, t1);
  return geodesicDistance(x0, y0, x1, y1);
}
