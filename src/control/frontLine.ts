/**
 * The line of contact between two sides of a control map: the edges where
 * ground one side controls meets ground the other controls, or the contested
 * zone between them.
 *
 * Rules. A side's *ground* is its `controlled` regions. The *zone* between
 * the two sides is every `contested` region (whose `sides`, when given, name
 * at least one of the two) and every `advancing` region of either side:
 * ground where a side operates without holding it is not yet that side's.
 * Each side's *forward edge* is the part of its ground's boundary that
 * touches the other side's ground or the zone. Where the sides touch
 * directly the two forward edges are one line, drawn once; where a zone lies
 * between them the front is the zone's two edges, one per side (no centre
 * line is invented), and `edgeOf` says whose ground each line bounds. Edges
 * on the boundary of `within` (a border, a coastline), edges outside it, and
 * edges where a side's ground meets unclaimed ground are not front.
 *
 * Two boundaries *coincide* where they run within `tolerance` degrees of each
 * other (default 1e-7°, about 1 cm) and are parallel to within 3°, so maps
 * whose regions were drawn independently, with slivers of gap or overlap,
 * give the same front as maps from a clipping engine. Edges are matched
 * through a uniform grid over their end points and interpolated sub-pieces,
 * never pair by pair, and T-junctions (a vertex of one region lying on an
 * edge of another) are handled by matching parameter intervals along each
 * edge rather than whole edges.
 *
 * @module
 */
import type { AreaLike } from './types.js';
import type { AreaRef } from '../places/areaRef.js';
import type { Place } from '../places/schema.js';
import { resolveArea } from '../places/resolveArea.js';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { ContestedError } from '../errors/index.js';
import { geodesicDistance } from '../geometry/_geodesic.js';
import { checkEdges, polygonsOf, type AreaInput, type GeometryInput } from '../geometry/_input.js';
import { areaPlacement } from '../geometry/_pointInRing.js';
import type { ControlMap, ControlRegionProperties } from './types.js';

/**
 * Options of {@link frontLine}.
 *
 * @category Claims & diffs
 */
export interface FrontLineOptions {
  /**
   * The area the front lies in: edges on its boundary (an international
   * border, a coastline) and outside it are not front. A Polygon,
   * MultiPolygon, a Feature or FeatureCollection of them, or an area
   * expression over `places`.
   */
  within?: AreaLike;
  /** Places that an area expression in `within` names, typically `dataset.places`. */
  places?: readonly Place[];
  /**
   * How far apart, in degrees, two boundaries may run and still count as
   * one. Default `1e-7` (about 1 cm); raise it for maps drawn by hand.
   */
  tolerance?: number;
  /** Line colour, `#rrggbb`. Default `#d62728`. */
  stroke?: string;
}

/**
 * Properties of the Feature {@link frontLine} returns.
 *
 * @category Claims & diffs
 */
export interface FrontLineProperties {
  /** The two sides, as asked. */
  sides: [string, string];
  /** Geodesic length of the geometry, metres (every line counted once). */
  lengthM: number;
  /**
   * Geodesic length of each side's forward edge, metres: the boundary of
   * its ground facing the other side or the zone. Either is "the length of
   * the front" as that side holds it.
   */
  lengthBySideM: Record<string, number>;
  /**
   * For each LineString of the geometry, in order, the side(s) whose ground
   * it bounds: both where they touch, one where it faces the zone.
   */
  edgeOf: string[][];
  /** Short label, `Front line UA–RU`. */
  title: string;
  /** The lengths in words. */
  description: string;
  /** Line colour. */
  stroke: string;
  /** Line width in pixels. */
  'stroke-width': number;
}

/**
 * The front line between two sides, as {@link frontLine} returns it.
 *
 * @category Claims & diffs
 */
export type FrontLine = Feature<MultiLineString, FrontLineProperties>;

/**
 * A map as {@link frontLine} reads it: a {@link ControlMap}, or any
 * FeatureCollection of Polygon/MultiPolygon features carrying `status`,
 * `side` and `sides` (regions drawn by hand or imported need not be built
 * with `controlMap` first).
 *
 * @category Claims & diffs
 */
export interface FrontLineMap {
  /** `FeatureCollection`. */
  type?: 'FeatureCollection';
  /** The regions; features without geometry or control state are skipped. */
  features: readonly Feature<Polygon | MultiPolygon | null, FrontLineRegion | null>[];
}

/**
 * What {@link frontLine} reads of a region: its status (regions of other
 * statuses, such as an assessed map's `unclaimed`, are skipped) and side(s).
 *
 * @category Claims & diffs
 */
export interface FrontLineRegion {
  /** `controlled`, `contested` or `advancing`; anything else is skipped. */
  status: string;
  /** The side that controls or advances. */
  side?: string | undefined;
  /** The sides fighting over contested ground. */
  sides?: readonly string[] | undefined;
}

/**
 * The line of contact between `sideA` and `sideB` on a control map.
 *
 * Returns one Feature whose MultiLineString holds each side's forward edge
 * (see the module comment for the rules), consecutive edges merged into
 * long LineStrings. `lengthM` is geodesic (GeographicLib, WGS84).
 *
 * @param map - a {@link ControlMap}, or any FeatureCollection of
 *   Polygon/MultiPolygon features carrying `status`, `side`, `sides`
 * @param sides - the two sides, e.g. `['UA', 'RU']`
 * @param options - `within`, `tolerance`, `stroke`
 * @returns the front; when the map is empty, a side holds no ground, or
 *   the sides do not meet, a Feature with an empty MultiLineString
 *   (`coordinates: []`) and `lengthM` 0
 * @throws {@link ContestedError} `invalid-input` when `map` is not a
 *   FeatureCollection, the two sides are the same, or `tolerance` is not a
 *   positive number; `invalid-geometry` for non-finite or out-of-range
 *   coordinates
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const square = (x: number, side: string) => ({
 *   type: 'Feature' as const,
 *   properties: { status: 'controlled' as const, side },
 *   geometry: { type: 'Polygon' as const, coordinates: [[[x, 48], [x + 0.1, 48], [x + 0.1, 48.1], [x, 48.1], [x, 48]]] },
 * });
 * const front = frontLine({ type: 'FeatureCollection', features: [square(37, 'UA'), square(37.1, 'RU')] }, ['UA', 'RU']);
 * front.geometry.coordinates;
 * //=> [[[37.1, 48], [37.1, 48.1]]]
 * front.properties.lengthM;
 * //=> 11_119.1… (metres)
 * ```
 */
export function frontLine(map: FrontLineMap, sides: readonly [string, string], options: FrontLineOptions = {}): FrontLine {
  const [sideA, sideB] = checkArguments(map, sides, options);
  const tolerance = options.tolerance ?? 1e-7;
  const layers = readLayers(map, sideA, sideB);
  const border = options.within === undefined ? null : readWithin(isAreaRef(options.within) ? resolveArea({ places: options.places }, options.within) : options.within);
  const all = [...layers.a, ...layers.b, ...layers.zone, ...(border?.edges ?? [])];
  const grid = new EdgeGrid(all, tolerance);
  const pieces: Piece[] = [];
  const lengthBySideM: Record<string, number> = { [sideA]: 0, [sideB]: 0 };
  for (const [own, other, name] of [[layers.a, layers.b, sideA], [layers.b, layers.a, sideB]] as const) {
    for (const edge of own) {
      const facing = coverage(edge, other, grid, tolerance);
      const zone = coverage(edge, layers.zone, grid, tolerance);
      let front = union([...facing, ...zone], tolerance / edge.length);
      if (front.length === 0) continue;
      if (border !== null) front = insideWithin(edge, front, border, grid, tolerance);
      lengthBySideM[name]! += front.reduce((sum, [t0, t1]) => sum + edgeLengthM(edge, t0, t1), 0);
      // Direct contact is drawn once, from sideA's edge.
      const direct = name === sideA ? intersect(front, facing) : [];
      const drawn = name === sideA ? subtract(front, direct) : subtract(front, facing);
      for (const [t0, t1] of direct) pieces.push(piece(edge, t0, t1, `${sideA}\u0000${sideB}`));
      for (const [t0, t1] of drawn) pieces.push(piece(edge, t0, t1, name));
    }
  }
  return toFeature(chain(pieces), [sideA, sideB], lengthBySideM, options.stroke ?? '#d62728');
}

function checkArguments(map: FrontLineMap, sides: readonly [string, string], options: FrontLineOptions): [string, string] {
  const problem = (path: (string | number)[], message: string): ContestedError =>
    new ContestedError('invalid-input', [{ code: 'invalid-type', path, message }]);
  if (map === null || typeof map !== 'object' || !Array.isArray((map as { features?: unknown }).features)) {
    throw problem(['map'], 'expected a control map: a FeatureCollection with a `features` array');
  }
  const [sideA, sideB] = Array.isArray(sides) ? sides : [];
  if (typeof sideA !== 'string' || typeof sideB !== 'string' || sideA === sideB) {
    throw problem(['sides'], 'expected two different side ids, e.g. [\'UA\', \'RU\']');
  }
  const { tolerance } = options;
  if (tolerance !== undefined && !(typeof tolerance === 'number' && tolerance > 0 && Number.isFinite(tolerance))) {
    throw problem(['options', 'tolerance'], `tolerance must be a positive number of degrees (default 1e-7); got ${String(tolerance)}`);
  }
  return [sideA, sideB];
}

/** One straight lon/lat edge of a region boundary. */
interface Edge {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Length in degrees. */
  length: number;
  /** Index in the grid's edge list, set when the grid is built. */
  id: number;
  layer: 'a' | 'b' | 'zone' | 'border';
}

interface Layers {
  a: Edge[];
  b: Edge[];
  zone: Edge[];
}

function readLayers(map: FrontLineMap, sideA: string, sideB: string): Layers {
  const layers: Layers = { a: [], b: [], zone: [] };
  map.features.forEach((feature, index) => {
    const properties = feature?.properties;
    if (properties === null || properties === undefined || feature.geometry === null) return;
    const layer = layerOf(properties, sideA, sideB);
    if (layer === null) return;
    for (const polygon of polygonsOf(feature as GeometryInput, 'skip', ['map', 'features', index])) {
      polygon.rings.forEach((ring, r) => addRing(layers[layer], ring, [...polygon.path, r], layer));
    }
  });
  return layers;
}

function layerOf(properties: FrontLineRegion, sideA: string, sideB: string): keyof Layers | null {
  const { status, side, sides } = properties;
  if (status === 'controlled') return side === sideA ? 'a' : side === sideB ? 'b' : null;
  if (status === 'advancing') return side === sideA || side === sideB ? 'zone' : null;
  if (status === 'contested') {
    return sides === undefined || sides.length === 0 || sides.includes(sideA) || sides.includes(sideB) ? 'zone' : null;
  }
  return null;
}

function addRing(out: Edge[], ring: readonly Position[], path: (string | number)[], layer: Edge['layer']): void {
  checkEdges(ring, path);
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
    out.push({ ax: p[0]!, ay: p[1]!, bx: q[0]!, by: q[1]!, length, id: -1, layer });
  }
}

interface Within {
  edges: Edge[];
  polygons: Position[][][];
}

function isAreaRef(within: AreaLike): within is AreaRef {
  return typeof within === 'string' || !('type' in within);
}

function readWithin(within: AreaInput): Within {
  const located = polygonsOf(within as GeometryInput, 'refuse', ['options', 'within']);
  const edges: Edge[] = [];
  for (const polygon of located) polygon.rings.forEach((ring, r) => addRing(edges, ring, [...polygon.path, r], 'border'));
  return { edges, polygons: located.map((polygon) => polygon.rings) };
}

/**
 * A uniform grid over every edge, so that finding the edges near one edge
 * costs the edges in its cells, not all of them. Long edges are entered
 * piece by piece along their length, so a diagonal does not fill its box.
 */
class EdgeGrid {
  readonly edges: Edge[];
  private readonly cell: number;
  private readonly pad: number;
  private readonly cells = new Map<number, number[]>();
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(edges: Edge[], pad: number) {
    this.edges = edges;
    this.pad = pad;
    const mean = edges.reduce((sum, e) => sum + e.length, 0) / Math.max(1, edges.length);
    this.cell = Math.max(2 * mean, 1000 * pad, 1e-9);
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

/** A sorted list of disjoint parameter intervals [t0, t1] along an edge. */
type Intervals = [number, number][];

/** The parts of `edge` that some edge of `layer` runs along, within `tolerance`. */
function coverage(edge: Edge, layer: readonly Edge[], grid: EdgeGrid, tolerance: number): Intervals {
  if (layer.length === 0) return [];
  const found: Intervals = [];
  for (const other of grid.near(edge, layer[0]!.layer)) {
    const overlap = alongside(edge, other, tolerance);
    if (overlap !== null) found.push(overlap);
  }
  return union(found, tolerance / edge.length);
}

/**
 * The parameter interval of `edge` along which `other` runs within
 * `tolerance` of it (and nearly parallel), or null.
 */
function alongside(edge: Edge, other: Edge, tolerance: number): [number, number] | null {
  const dx = edge.bx - edge.ax;
  const dy = edge.by - edge.ay;
  const ox = other.bx - other.ax;
  const oy = other.by - other.ay;
  const length = edge.length;
  // Signed distances of the other edge's ends from this edge's line; linear along it.
  const da = (dx * (other.ay - edge.ay) - dy * (other.ax - edge.ax)) / length;
  const db = (dx * (other.by - edge.ay) - dy * (other.bx - edge.ax)) / length;
  if (length > 2 * tolerance && other.length > 2 * tolerance && Math.abs(dx * oy - dy * ox) / (length * other.length) > 0.05) return null;
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

/** Merges intervals that overlap or lie closer than `gap`; snaps ends within `gap` of 0 and 1. */
function union(intervals: Intervals, gap: number): Intervals {
  const sorted = intervals.slice().sort((p, q) => p[0] - q[0]);
  const out: Intervals = [];
  for (const [t0, t1] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && t0 <= last[1] + gap) last[1] = Math.max(last[1], t1);
    else out.push([t0, t1]);
  }
  const first = out[0];
  if (first !== undefined && first[0] <= gap) first[0] = 0;
  const end = out[out.length - 1];
  if (end !== undefined && end[1] >= 1 - gap) end[1] = 1;
  return out;
}

function intersect(a: Intervals, b: Intervals): Intervals {
  const out: Intervals = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const t0 = Math.max(a0, b0);
      const t1 = Math.min(a1, b1);
      if (t1 > t0) out.push([t0, t1]);
    }
  }
  return out;
}

function subtract(a: Intervals, b: Intervals): Intervals {
  let out = a;
  for (const [b0, b1] of b) {
    out = out.flatMap(([t0, t1]): Intervals => {
      if (b1 <= t0 || b0 >= t1) return [[t0, t1]];
      const parts: Intervals = [];
      if (b0 > t0) parts.push([t0, b0]);
      if (b1 < t1) parts.push([b1, t1]);
      return parts;
    });
  }
  return out;
}

/** The parts of `front` inside `within` and off its boundary. */
function insideWithin(edge: Edge, front: Intervals, within: Within, grid: EdgeGrid, tolerance: number): Intervals {
  const onBorder = coverage(edge, within.edges, grid, tolerance);
  const cuts = new Set<number>();
  for (const other of grid.near(edge, 'border')) {
    const t = crossing(edge, other);
    if (t !== null) cuts.add(t);
  }
  const out: Intervals = [];
  for (const [t0, t1] of subtract(front, onBorder)) {
    const ends = [t0, ...[...cuts].filter((t) => t > t0 && t < t1).sort((p, q) => p - q), t1];
    for (let i = 1; i < ends.length; i += 1) {
      const mid = (ends[i - 1]! + ends[i]!) / 2;
      const placement = areaPlacement(within.polygons, edge.ax + mid * (edge.bx - edge.ax), edge.ay + mid * (edge.by - edge.ay));
      if (placement !== 'outside') out.push([ends[i - 1]!, ends[i]!]);
    }
  }
  return union(out, 0);
}

/** The parameter along `edge` where `other` crosses it, or null. */
function crossing(edge: Edge, other: Edge): number | null {
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

function at(edge: Edge, t: number): [number, number] {
  if (t === 0) return [edge.ax, edge.ay];
  if (t === 1) return [edge.bx, edge.by];
  return [edge.ax + t * (edge.bx - edge.ax), edge.ay + t * (edge.by - edge.ay)];
}

function edgeLengthM(edge: Edge, t0: number, t1: number): number {
  const [x0, y0] = at(edge, t0);
  const [x1, y1] = at(edge, t1);
  return geodesicDistance(x0, y0, x1, y1);
}

/** A piece of front: a straight stretch of one edge, tagged with whose ground it bounds. */
interface Piece {
  from: [number, number];
  to: [number, number];
  tag: string;
}

function piece(edge: Edge, t0: number, t1: number, tag: string): Piece {
  return { from: at(edge, t0), to: at(edge, t1), tag };
}

/** A LineString of front, tagged. */
interface Chain {
  coordinates: Position[];
  tag: string;
}

/**
 * Joins pieces of the same tag into LineStrings through every point where
 * exactly two piece ends meet; stops at junctions and loose ends. Closed
 * loops (an island of one side inside the other) come out as closed rings.
 */
function chain(pieces: readonly Piece[]): Chain[] {
  const key = (p: readonly number[], tag: string): string => `${tag}\u0001${p[0]},${p[1]}`;
  const ends = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    for (const [end, point] of [[0, p.from], [1, p.to]] as const) {
      const k = key(point, p.tag);
      const list = ends.get(k);
      if (list === undefined) ends.set(k, [2 * i + end]);
      else list.push(2 * i + end);
    }
  });
  const used = new Uint8Array(pieces.length);
  const chains: Chain[] = [];
  const walk = (start: number, startEnd: 0 | 1): void => {
    const first = pieces[start]!;
    used[start] = 1;
    const coordinates: Position[] = startEnd === 0 ? [first.from, first.to] : [first.to, first.from];
    let current = 2 * start + (1 - startEnd);
    for (;;) {
      const list = ends.get(key(coordinates[coordinates.length - 1]!, first.tag))!;
      if (list.length !== 2) break;
      const next = list[0] === current ? list[1]! : list[0]!;
      const index = next >> 1;
      if (used[index] === 1) break;
      used[index] = 1;
      const p = pieces[index]!;
      coordinates.push((next & 1) === 0 ? p.to : p.from);
      current = next ^ 1;
    }
    chains.push({ coordinates, tag: first.tag });
  };
  pieces.forEach((p, i) => {
    if (used[i] === 1) return;
    if (ends.get(key(p.from, p.tag))!.length !== 2) walk(i, 0);
    else if (ends.get(key(p.to, p.tag))!.length !== 2) walk(i, 1);
  });
  // What is left runs in loops.
  pieces.forEach((_, i) => {
    if (used[i] === 0) walk(i, 0);
  });
  return chains;
}

function toFeature(chains: Chain[], sides: [string, string], lengthBySideM: Record<string, number>, stroke: string): FrontLine {
  let lengthM = 0;
  for (const { coordinates } of chains) {
    for (let i = 1; i < coordinates.length; i += 1) {
      lengthM += geodesicDistance(coordinates[i - 1]![0]!, coordinates[i - 1]![1]!, coordinates[i]![0]!, coordinates[i]![1]!);
    }
  }
  const km = (m: number): string => `${(m / 1000).toFixed(1)} km`;
  const [sideA, sideB] = sides;
  return {
    type: 'Feature',
    properties: {
      sides,
      lengthM,
      lengthBySideM,
      edgeOf: chains.map((c) => c.tag.split('\u0000')),
      title: `Front line ${sideA}–${sideB}`,
      description:
        chains.length === 0
          ? `${sideA} and ${sideB} do not meet on this map.`
          : `${km(lengthM)} of front lines: ${sideA}'s forward edge ${km(lengthBySideM[sideA] ?? 0)}, ${sideB}'s ${km(lengthBySideM[sideB] ?? 0)}.`,
      stroke,
      'stroke-width': 3,
    },
    geometry: { type: 'MultiLineString', coordinates: chains.map((c) => c.coordinates) },
  };
}
