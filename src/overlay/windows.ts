/**
 * The overlay of two near-identical maps, computed only where they differ.
 * Two snapshots of one tracker days apart share almost every edge: of
 * DeepState's ~15,000 vertices a few hundred move. Every boundary edge is
 * hashed with the class of the ground on its left (interior side); an edge
 * present in one map and not the other is *changed*. Ground whose class
 * differs between the maps is bounded only by changed edges — an unchanged
 * edge has the same classes on both of its sides in both maps — so each
 * connected piece of change lies inside the box of one connected chain of
 * changed edges. Padded boxes around changed edges are merged until none
 * overlap; both maps are cut to each of these windows and only there does
 * the clipping engine run. Unchanged ground never reaches it.
 *
 * The windows' borders lie in unchanged ground, so the pieces the engine
 * returns inside a window are exactly the full overlay's changed pieces
 * there; pieces whose two sides say the same (cut off at the border) are
 * returned too and callers skip them as they do in the full overlay. When
 * too much changed for windows to pay, the full overlay runs instead.
 */
import { onCallGrid, type MultiPolygon2 } from '../geometry/_engine.js';
import { twiceSignedArea } from '../geometry/_planar.js';
import { boxesMeet, boxOf, cropToBox, type Box } from './regions.js';
import { stateClass } from './state.js';
import { boxesOf, overlay, type DroppedPiece, type DroppedSlivers, type MapRegion, type OverlayPiece } from './overlay.js';

/** Share of changed edges above which the full overlay is cheaper than windows. */
export const WINDOWED_MAX_CHANGED_SHARE = 0.2;

/** How far (degrees) a window reaches beyond the changed edges it holds. */
const WINDOW_PAD_DEG = 1e-5;

/** `full` forces the full overlay, `windowed` the windows (tests compare the two). */
export type ChangeOverlayMode = 'auto' | 'full' | 'windowed';

/**
 * Overlay pieces of `a` and `b` that may have changed, in the order the full
 * {@link overlay} gives them. Pieces where both maps say the same may be
 * left out (outside the windows) or kept (inside them). Slivers go to
 * `dropped` as in {@link overlay}; with `dropped.pieces`, each with the
 * regions of `a` and `b` it lies in, gathered per pair like the pieces.
 */
export function changedOverlay(a: readonly MapRegion[], b: readonly MapRegion[], dropped: DroppedSlivers, mode: ChangeOverlayMode = 'auto'): OverlayPiece[] {
  // One grid for the whole change, windowed or not: the pieces cut in the
  // windows fit the full overlay's vertex for vertex.
  return onCallGrid(boxesOf(a, b), () => changedOverlayOnGrid(a, b, dropped, mode));
}

function changedOverlayOnGrid(a: readonly MapRegion[], b: readonly MapRegion[], dropped: DroppedSlivers, mode: ChangeOverlayMode): OverlayPiece[] {
  if (mode === 'full') return overlay(a, b, dropped);
  const found = changeWindows(a, b);
  if (mode === 'auto' && found.changed > WINDOWED_MAX_CHANGED_SHARE * found.total) return overlay(a, b, dropped, differ);
  return overlayInWindows(a, b, found.windows, dropped);
}

/** One directed edge with the class on its left, and how many more times map A has it than map B. */
/** Pairs whose common ground is a change (the rest are pieces callers skip). */
function differ(ra: MapRegion, rb: MapRegion): boolean {
  return stateClass(ra.state) !== stateClass(rb.state);
}

interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  cls: number;
  count: number;
}

/** A window, and the classes whose ground changes inside it. */
export interface ChangeWindow {
  box: Box;
  classes: Set<string>;
}

/**
 * Windows around the edges one map has and the other has not; `changed` and
 * `total` count edges. Each window lists the classes of its changed edges:
 * the edges of a class form closed loops (∂A_k − ∂B_k bounds the ground
 * where A and B disagree about class k), each loop inside one window, so a
 * class without changed edges in a window covers the same ground there in
 * both maps.
 */
export function changeWindows(a: readonly MapRegion[], b: readonly MapRegion[]): { windows: ChangeWindow[]; changed: number; total: number } {
  const table = new EdgeTable();
  const classes = new Map<string, number>();
  const total = table.addRegions(a, 1, classes) + table.addRegions(b, -1, classes);
  const names = [...classes.keys()];
  const found: ChangeWindow[] = [];
  for (const bucket of table.buckets.values()) {
    for (const e of Array.isArray(bucket) ? bucket : [bucket]) {
      if (e.count === 0) continue;
      const box: Box = [Math.min(e.x1, e.x2) - WINDOW_PAD_DEG, Math.min(e.y1, e.y2) - WINDOW_PAD_DEG, Math.max(e.x1, e.x2) + WINDOW_PAD_DEG, Math.max(e.y1, e.y2) + WINDOW_PAD_DEG];
      found.push({ box, classes: new Set([names[e.cls]!]) });
    }
  }
  return { windows: mergeWindows(found), changed: found.length, total };
}

/**
 * A hash multiset of edges. Keys are mixed from the coordinates' bits
 * rather than built as strings: formatting 80,000 doubles costs more than
 * the rest of the change detection together.
 */
class EdgeTable {
  readonly buckets = new Map<number, Edge | Edge[]>();
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);

  /** Adds every boundary edge, directed with the interior on the left; returns how many. */
  addRegions(regions: readonly MapRegion[], sign: 1 | -1, classes: Map<string, number>): number {
    let n = 0;
    for (const region of regions) {
      const name = stateClass(region.state);
      const cls = classes.get(name) ?? classes.size;
      classes.set(name, cls);
      for (const polygon of region.coords) {
        polygon.forEach((ring, index) => {
          // An outer ring runs counterclockwise, a hole clockwise, whatever the input's winding.
          const forward = (index === 0) === twiceSignedArea(ring) > 0;
          for (let i = 0; i + 1 < ring.length; i++) {
            const p = ring[forward ? i : i + 1]!;
            const q = ring[forward ? i + 1 : i]!;
            if (p[0] === q[0] && p[1] === q[1]) continue;
            n++;
            this.add(p[0], p[1], q[0], q[1], cls, sign);
          }
        });
      }
    }
    return n;
  }

  private mix(h: number, v: number): number {
    this.f64[0] = v;
    h = Math.imul(h ^ this.u32[0]!, 0x9e3779b1);
    h = Math.imul(h ^ this.u32[1]!, 0x85ebca77);
    return h ^ (h >>> 15);
  }

  private add(x1: number, y1: number, x2: number, y2: number, cls: number, sign: 1 | -1): void {
    const h = this.mix(this.mix(this.mix(this.mix(cls, x1), y1), x2), y2);
    const bucket = this.buckets.get(h);
    if (bucket === undefined) {
      this.buckets.set(h, { x1, y1, x2, y2, cls, count: sign });
      return;
    }
    const list = Array.isArray(bucket) ? bucket : [bucket];
    const same = list.find((e) => e.x1 === x1 && e.y1 === y1 && e.x2 === x2 && e.y2 === y2 && e.cls === cls);
    if (same !== undefined) {
      same.count += sign;
      return;
    }
    list.push({ x1, y1, x2, y2, cls, count: sign });
    if (list.length === 2) this.buckets.set(h, list);
  }
}

/** Merges windows whose boxes meet until no two do: sweep by west edge, repeat while anything merged. */
export function mergeWindows(input: readonly ChangeWindow[]): ChangeWindow[] {
  let windows = input.map((w): ChangeWindow => ({ box: [...w.box], classes: new Set(w.classes) }));
  for (;;) {
    windows.sort((p, q) => p.box[0] - q.box[0]);
    const out: ChangeWindow[] = [];
    let merged = false;
    // `open` holds windows of `out` whose east edge may still reach later ones.
    let open: ChangeWindow[] = [];
    for (const w of windows) {
      const box = w.box;
      open = open.filter((o) => o.box[2] >= box[0]);
      const hit = open.find((o) => o.box[1] <= box[3] && box[1] <= o.box[3]);
      if (hit === undefined) {
        out.push(w);
        open.push(w);
        continue;
      }
      merged = true;
      hit.box[0] = Math.min(hit.box[0], box[0]);
      hit.box[1] = Math.min(hit.box[1], box[1]);
      hit.box[2] = Math.max(hit.box[2], box[2]);
      hit.box[3] = Math.max(hit.box[3], box[3]);
      for (const c of w.classes) hit.classes.add(c);
    }
    windows = out;
    if (!merged) return windows;
  }
}

/** The overlay run window by window, pieces of the same pair of regions gathered and put in the full overlay's order. */
function overlayInWindows(a: readonly MapRegion[], b: readonly MapRegion[], windows: readonly ChangeWindow[], dropped: DroppedSlivers): OverlayPiece[] {
  const pieces = new PairGather(a, b);
  const slivers = new PairGather(a, b);
  for (const window of windows) {
    // Regions of a class that does not change here cannot meet changed
    // ground: where A says k and B says j ≠ k, both k and j change.
    const [localA, indexA] = cropAll(a, window);
    const [localB, indexB] = cropAll(b, window);
    if (localA.length === 0 && localB.length === 0) continue;
    const local: DroppedSlivers = dropped.pieces === undefined ? dropped : { km2: 0, pieces: [] };
    const toGlobal = (piece: OverlayPiece): [number, number] => [
      piece.a === null ? -1 : indexA[localA.indexOf(piece.a)]!,
      piece.b === null ? -1 : indexB[localB.indexOf(piece.b)]!,
    ];
    for (const piece of overlay(localA, localB, local, differ)) pieces.add(...toGlobal(piece), piece.coords);
    if (local !== dropped) {
      dropped.km2 += local.km2;
      for (const piece of local.pieces ?? []) slivers.add(...toGlobal(piece), piece.coords, piece.lostKm2);
    }
  }
  if (dropped.pieces !== undefined) dropped.pieces.push(...slivers.pieces());
  return pieces.pieces();
}

/** Coordinates gathered per pair (i, j) of regions of A and B (−1: none), given back in the full overlay's order. */
class PairGather {
  private readonly byPair = new Map<number, { i: number; j: number; coords: MultiPolygon2; lostKm2?: number }>();
  constructor(
    private readonly a: readonly MapRegion[],
    private readonly b: readonly MapRegion[],
  ) {}

  /** Pair (i, j) sorts as the full overlay emits it: A's regions in order, each with its B partners then its A-only piece; B-only pieces last. */
  private rank(i: number, j: number): number {
    const [na, nb] = [this.a.length, this.b.length];
    return i < 0 ? (na + 1) * (nb + 1) + j : i * (nb + 1) + (j < 0 ? nb : j);
  }

  /** `lostKm2`: dropped ground without a shape (see `DroppedPiece`), summed per pair. */
  add(i: number, j: number, coords: MultiPolygon2, lostKm2?: number): void {
    const key = this.rank(i, j);
    let entry = this.byPair.get(key);
    if (entry === undefined) {
      entry = { i, j, coords: [...coords] };
      this.byPair.set(key, entry);
    } else entry.coords.push(...coords);
    if (lostKm2 !== undefined) entry.lostKm2 = (entry.lostKm2 ?? 0) + lostKm2;
  }

  pieces(): DroppedPiece[] {
    return [...this.byPair.entries()]
      .sort((p, q) => p[0] - q[0])
      .map(([, { i, j, coords, lostKm2 }]) => {
        const piece: DroppedPiece = { coords, a: i < 0 ? null : this.a[i]!, b: j < 0 ? null : this.b[j]! };
        if (lostKm2 !== undefined) piece.lostKm2 = lostKm2;
        return piece;
      });
  }
}

function cropAll(regions: readonly MapRegion[], window: ChangeWindow): [MapRegion[], number[]] {
  const local: MapRegion[] = [];
  const index: number[] = [];
  regions.forEach((region, i) => {
    if (!boxesMeet(region.box, window.box) || !window.classes.has(stateClass(region.state))) return;
    const coords = cropToBox(region.coords, window.box);
    if (coords.length === 0) return;
    local.push({ state: region.state, claims: region.claims, coords, box: boxOf(coords) });
    index.push(i);
  });
  return [local, index];
}
