/**
 * The overlay of labelled regions: the one pipeline every comparison of
 * ground runs through (control maps, their diffs and changes, claimant
 * comparisons and assessments). Two lists of non-overlapping regions go in;
 * out come the pieces of ground either covers, each with the region of A
 * and of B it lies in. Where the two meet, the pieces are "intersect what
 * meets, subtract the cropped rest, drop slivers"; which pairs meet at all
 * is found through a spatial index of bounding boxes (flatbush), so that
 * the work follows the pairs that touch, not every pair.
 *
 * @module
 */
import Flatbush from 'flatbush';
import { edgeIndex, relateApart, verticesPlaced, type EdgeIndex } from '../geometry/_apart.js';
import { ContestedError } from '../errors/index.js';
import { engineErrorAt, idList } from '../_lib/reroot.js';
import { clip, GRID_DEGREES, gridDegreesOf, onCallGrid, onGrid, type MultiPolygon2 } from '../geometry/_engine.js';
import { boxesMeet, boxOf, cropToBox, sameCoordinates, dropSlivers, intersectCropped, km2Of, type Box } from './regions.js';
import type { ControlState } from './types.js';

/** Anything with coordinates and their bounding box: what the overlay clips. */
export interface Boxed {
  coords: MultiPolygon2;
  box: Box;
  /** The ids of the claims behind this ground (a map's region): an engine failure in a run on it names them. */
  claims?: readonly string[];
}

/** A region of an input map, ready to clip. */
export interface MapRegion extends Boxed {
  state: ControlState;
  claims: string[];
}

/** One piece of the overlay of two region lists: its ground, and the region of each list it lies in. */
export interface OverlayPiece<A extends Boxed = MapRegion, B extends Boxed = A> {
  coords: MultiPolygon2;
  a: A | null;
  b: B | null;
}

/**
 * Where an overlay's slivers go: their total km², and, when `pieces` is
 * given, the slivers themselves with the regions of A and B they lie in (so
 * that a caller summing km² per pair, like `controlChange`, can count them).
 */
export interface Dropped<A extends Boxed = MapRegion, B extends Boxed = A> {
  km2: number;
  pieces?: DroppedPiece<A, B>[];
}

/**
 * Dropped slivers with the regions they lie in. Ground the engine's
 * intersection dropped (a wedge one grid cell wide; see `lostWedge`) has
 * no shape on the grid: it is `lostKm2`, what the difference removed beyond
 * what the intersections kept, beside `coords` (empty for it alone).
 */
export interface DroppedPiece<A extends Boxed = MapRegion, B extends Boxed = A> extends OverlayPiece<A, B> {
  lostKm2?: number;
}

/** The slivers of an overlay of two maps' regions. */
export type DroppedSlivers = Dropped<MapRegion>;

/**
 * The one step every overlay is made of, for the pieces a subject shares
 * with one other region: "intersect what meets" (both cut to the overlap of
 * their boxes first), slivers dropped and counted.
 */
export function commonPart(subject: Boxed, other: Boxed, dropped: Dropped<Boxed>): MultiPolygon2 {
  return keep(rawCommonPart(subject, other), dropped, subject, other);
}

/** `commonPart` with its slivers not yet dropped: what the engine kept of the pair's common ground. */
function rawCommonPart(subject: Boxed, other: Boxed): MultiPolygon2 {
  return namingClaims([subject, other], () => intersectCropped(subject.coords, subject.box, other.coords, other.box));
}

/**
 * Runs `work`, an engine run on `operands`; a `geometry-engine` error it
 * throws names the claims the operands hold (`on the overlay of claims
 * "a", "b"`), so
 * that a failure in an overlay of many claims names the ones of the run
 * that failed, not the first few of all. Operands that hold no claims
 * (painted layers, a frame) leave the error as it is: their caller names
 * it.
 */
function namingClaims<T>(operands: readonly (Boxed | null)[], work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ContestedError) || error.code !== 'geometry-engine') throw error;
    const ids = [...new Set(operands.flatMap((r) => r?.claims ?? []))];
    if (ids.length === 0) throw error;
    throw engineErrorAt(error, [], `the overlay of claim${ids.length === 1 ? '' : 's'} ${idList(ids)}`);
  }
}

/**
 * The other half of that step: what is left of `subject` once every region
 * of `meeting` is taken away — "subtract the cropped rest, drop slivers".
 * The regions are cut down to the subject's box and subtracted in one sweep
 * of the engine (which unions them as it goes).
 */
export function restOf(subject: Boxed, meeting: readonly Boxed[], dropped: Dropped<Boxed>, list: 'a' | 'b' = 'a'): MultiPolygon2 {
  if (meeting.length === 0) return subject.coords;
  const rest = rawRestOf(subject, meeting);
  return list === 'a' ? keep(rest, dropped, subject, null) : keep(rest, dropped, null, subject);
}

/** `restOf` with its slivers not yet dropped. */
export function rawRestOf(subject: Boxed, meeting: readonly Boxed[]): MultiPolygon2 {
  return meeting.length === 0 ? subject.coords : namingClaims([subject, ...meeting], () => clip('difference', [subject.coords, ...meeting.map((r) => cropToBox(r.coords, subject.box))]));
}

/** Drops the slivers of `coords` and counts them in `dropped` (with the regions they lie in). */
export function keep(coords: MultiPolygon2, dropped: Dropped<Boxed>, a: Boxed | null, b: Boxed | null): MultiPolygon2 {
  if (coords.length === 0) return coords;
  const { kept, droppedKm2 } = dropSlivers(coords);
  dropped.km2 += droppedKm2;
  if (dropped.pieces !== undefined && kept.length < coords.length) {
    const isKept = new Set(kept);
    dropped.pieces.push({ coords: coords.filter((p) => !isKept.has(p)), a, b });
  }
  return kept;
}

/**
 * Whether an empty engine intersection of two regions may still hide
 * common ground: their boxes overlap in more than a line, and their
 * boundaries come within ten grid cells of each other (`relateApart` cannot
 * call them disjoint). Two regions overlapping in a wedge one grid cell
 * wide at its wide end are such a pair: their intersection is a triangle
 * with two corners one cell apart, which Clipper2 drops (docs/geometry.md,
 * "Rules"), so the engine returns nothing although the two overlap.
 * Regions that share an edge exactly and lie on either side of it, the
 * common case, have boxes that meet in a line or boundaries that come near;
 * the first is settled here without a look at the edges.
 */
export function mayOverlap(a: Boxed, b: Boxed): boolean {
  const wide = Math.min(a.box[2], b.box[2]) > Math.max(a.box[0], b.box[0]);
  const high = Math.min(a.box[3], b.box[3]) > Math.max(a.box[1], b.box[1]);
  return wide && high && relateApart(a.coords, a.box, b.coords, b.box) !== 'disjoint';
}

/**
 * What the engine's difference took from `subject` beyond what its
 * intersections kept, km², when positive: ground of the subject and of a
 * region it meets that the intersection dropped (a wedge one grid cell
 * wide), which would otherwise lie in no piece. Measured on the grid: the
 * subject's area with its coordinates rounded to the grid, as the engine
 * reads them, less the raw rest and the raw common parts (slivers not yet
 * dropped). What is left is the dropped ground, give or take where the
 * engine routes an edge through a vertex of the other region within a
 * cell of it (snap rounding), a cell times the length of the stretch where
 * the two boundaries run within a cell of each other: the same order as
 * the wedge itself, and far below the grid's reach along the boundary.
 */
export function lostWedge(subject: MultiPolygon2, rawRest: MultiPolygon2, commonKm2: readonly number[]): number {
  const whole = km2Of(roundedToGrid(subject, gridDegreesOf(rawRest)));
  let lost = whole - km2Of(rawRest);
  for (const km2 of commonKm2) lost -= km2;
  return lost > LOST_FLOOR * whole ? lost : 0;
}

/**
 * Of what `lostWedge` found a subject lost (`lost`, km², positive), the
 * part that lies outside the regions cut from it: ground the difference
 * dropped of the subject's rest, which lies in no piece. The rest of
 * `lost` is common ground an intersection dropped (a wedge of the subject
 * and a region), which that region holds, or which the other side of an
 * overlay counts. One union run tells them apart: the subject's ground
 * outside the regions is the area of the subject and the regions (cut to
 * its box) together less the regions' own areas (rounded to the grid, as
 * the engine reads them; they do not overlap), and what the difference
 * lost of it is that less the raw rest. Counted only above `LOST_FLOOR`
 * of the union's area, and never more than `lost`. Callers run it only
 * when `lost` is positive, which is rare.
 */
export function lostOutside(subject: Boxed, cut: readonly Boxed[], rawRest: MultiPolygon2, lost: number): number {
  const cropped = cut.map((r) => cropToBox(r.coords, subject.box));
  const united = clip('union', [subject.coords, ...cropped]);
  const together = km2Of(united);
  let outside = together - km2Of(rawRest);
  for (const c of cropped) outside -= km2Of(roundedToGrid(c, gridDegreesOf(united)));
  return outside > LOST_FLOOR * together ? Math.min(lost, outside) : 0;
}

/**
 * Below this share of the subject's area, what `lostWedge` finds is the
 * rounding of the ellipsoidal area sums, not ground: a lattice cell (0.8
 * km²) cut into pieces whose areas add up to its own within 4.4e-12 km²
 * (5.5e-12 of it) must count nothing. A one-cell wedge 0.01° long, 4.1e-8
 * km², is 5e-8 of such a cell.
 */
const LOST_FLOOR = 1e-10;

/**
 * Coordinates rounded to a grid of the engine (`cell`, degrees: the grid of
 * the run whose result they are compared with, `gridDegreesOf`), as that
 * run read them.
 */
function roundedToGrid(coords: MultiPolygon2, cell: number): MultiPolygon2 {
  const gridScale = Math.round(1 / cell);
  return coords.map((polygon) => polygon.map((ring) => ring.map(([x, y]): [number, number] => [onGrid(x, gridScale) / gridScale, onGrid(y, gridScale) / gridScale])));
}

/**
 * Overlays two non-overlapping region lists. Slivers (see `dropSlivers`)
 * are left out; their total is added to `dropped.km2` (and the slivers to
 * `dropped.pieces` when it is given). `wanted` picks the
 * pairs whose common ground is computed (all by default): a caller that
 * ignores some pairs' pieces spares the engine their intersection.
 */
export function overlay<A extends Boxed, B extends Boxed>(
  a: readonly A[],
  b: readonly B[],
  dropped: Dropped<A, B> = { km2: 0 },
  wanted: (ra: A, rb: B) => boolean = () => true,
): OverlayPiece<A, B>[] {
  return onCallGrid(boxesOf(a, b), () => overlayOnGrid(a, b, dropped, wanted));
}

/**
 * Runs a public call (`controlMap`, `controlChange`, `diffClaims`,
 * `compareClaimants`) on one grid for all its engine runs: the grid of
 * the box around every Polygon, MultiPolygon, LineString and
 * MultiLineString found in `inputs` (claims, maps, places, the frame:
 * everything the call reads, whole, even where it resolves areas only near
 * a frame), held by `onCallGrid`. So a call on Ukraine-wide claims computes
 * on 1e-9° whether or not it is framed to a hromada (the frame-first cut
 * gives the late cut's figures), and a call on local claims on a finer grid.
 * The walk reads nothing else and throws nothing: inputs are checked by the
 * call itself.
 */
export function onInputsGrid<T>(inputs: readonly unknown[], work: () => T): T {
  const box = inputsBox(inputs);
  return box === undefined ? work() : onCallGrid([box], work);
}

/**
 * The box around every Polygon, MultiPolygon, LineString and
 * MultiLineString found in `inputs` (walked as {@link onInputsGrid} walks
 * them), or `undefined` when there is none: the box whose grid a call
 * holds, for a call that holds it step by step (`controlHistory`, whose
 * steps may run on worker threads).
 */
export function inputsBox(inputs: readonly unknown[]): Box | undefined {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const seen = new WeakSet<object>();
  // Iterative (explicit stacks): an input may nest deeper than the call stack (a 10,000-deep area
  // expression), and the call itself is to refuse it with a path.
  // The positions of a line or ring, read in one loop: a stack entry per
  // position was most of this walk's time (5 % of an 8-claimant comparison).
  const addPositions = (positions: readonly unknown[]): void => {
    for (let i = 0; i < positions.length; i += 1) {
      const v = positions[i];
      if (!Array.isArray(v)) continue;
      const x: unknown = v[0];
      const y: unknown = v[1];
      if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
        if (x < box[0]) box[0] = x;
        if (x > box[2]) box[2] = x;
        if (y < box[1]) box[1] = y;
        if (y > box[3]) box[3] = y;
      }
    }
  };
  const add = (coordinates: unknown, depth: number): void => {
    const stack: [unknown, number][] = [[coordinates, depth]];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      const [v, d] = top;
      if (!Array.isArray(v)) continue;
      if (d === 1) addPositions(v);
      else if (d > 1) for (const w of v) stack.push([w, d - 1]);
    }
  };
  const walk = (input: unknown): void => {
    const stack: unknown[] = [input];
    for (let v = stack.pop(); stack.length > 0 || v !== undefined; v = stack.pop()) {
      if (v === null || typeof v !== 'object' || seen.has(v)) continue;
      seen.add(v);
      if (Array.isArray(v)) {
        for (const w of v) stack.push(w);
        continue;
      }
      const record = v as Record<string, unknown>;
      const depth = GEOMETRY_DEPTH[String(record['type'])];
      if (depth !== undefined && 'coordinates' in record) add(record['coordinates'], depth);
      else for (const w of Object.values(record)) stack.push(w);
    }
  };
  inputs.forEach(walk);
  return box[0] === Infinity ? undefined : box;
}

/** How deep the positions of each geometry the engine reads lie in its `coordinates`. */
const GEOMETRY_DEPTH: Readonly<Record<string, number>> = { LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** The boxes of regions, list after list (for {@link onCallGrid}: an overlay holds the grid of all it reads). */
export function* boxesOf(...lists: readonly (readonly Boxed[])[]): Generator<Box> {
  for (const list of lists) for (const r of list) yield r.box;
}

function overlayOnGrid<A extends Boxed, B extends Boxed>(a: readonly A[], b: readonly B[], dropped: Dropped<A, B>, wanted: (ra: A, rb: B) => boolean): OverlayPiece<A, B>[] {
  const pieces: OverlayPiece<A, B>[] = [];
  const bMeets: A[][] = b.map(() => []);
  // Per region of B: km² of its raw common parts, and whether a pair was
  // skipped (`wanted`), so that its common part's area is not known.
  const bCommonKm2 = b.map(() => 0);
  const bSkipped = b.map(() => false);
  // The regions of A whose count of lost ground was made (see below).
  const aCounted = new Set<A>();
  const index = boxIndex(b);
  for (const ra of a) {
    const meeting: B[] = [];
    const rawCommon: MultiPolygon2[] = [];
    const skipped: B[] = [];
    // The first region whose intersection with `ra` came back empty although the two may overlap.
    let emptyWith: B | undefined;
    for (const j of meetingIn(index, ra.box)) {
      const rb = b[j]!;
      meeting.push(rb);
      bMeets[j]?.push(ra);
      if (!wanted(ra, rb)) {
        skipped.push(rb);
        bSkipped[j] = true;
        continue;
      }
      const raw = rawCommonPart(ra, rb);
      if (raw.length === 0) {
        if (mayOverlap(ra, rb)) emptyWith ??= rb;
        continue;
      }
      rawCommon.push(raw);
      bCommonKm2[j]! += km2Of(raw);
      const both = keep(raw, dropped, ra, rb);
      if (both.length > 0) pieces.push({ coords: both, a: ra, b: rb });
    }
    if (meeting.length === 0) {
      if (ra.coords.length > 0) pieces.push({ coords: ra.coords, a: ra, b: null });
      continue;
    }
    const rawRest = rawRestOf(ra, meeting);
    // An empty intersection is not taken to mean "apart", nor is a
    // difference taken to keep every bit of the rest: what the engine took
    // from `ra` beyond what its common parts kept is counted as a sliver
    // (`lostWedge`). When the caller skipped pairs, their common parts are
    // intersected for their area only where an intersection came back
    // empty; otherwise the count is not made.
    if (emptyWith !== undefined) for (const rb of skipped) rawCommon.push(rawCommonPart(ra, rb));
    if (emptyWith !== undefined || skipped.length === 0) {
      aCounted.add(ra);
      const lost = lostWedge(ra.coords, rawRest, rawCommon.map(km2Of));
      if (lost > 0) {
        dropped.km2 += lost;
        dropped.pieces?.push({ coords: [], a: ra, b: emptyWith ?? null, lostKm2: lost });
      }
    }
    const onlyA = keep(rawRest, dropped, ra, null);
    if (onlyA.length > 0) pieces.push({ coords: onlyA, a: ra, b: null });
  }
  b.forEach((rb, j) => {
    const meeting = bMeets[j] ?? [];
    if (meeting.length === 0) {
      if (rb.coords.length > 0) pieces.push({ coords: rb.coords, a: null, b: rb });
      return;
    }
    const rawRest = rawRestOf(rb, meeting);
    // What the difference dropped of B's rest (a wedge of B outside A),
    // counted as on A's side, unless a pair of `rb` was skipped. What `rb`
    // lost may also be common ground an intersection dropped (a wedge of
    // both, whether the intersection came back empty or kept other ground),
    // which A's side counted already: only when `rb` lost something (rare)
    // does one union run tell the two apart (`lostOutside`), and only the
    // part outside A is counted here. Where a region of A that `rb` meets
    // made no count (the caller skipped a pair of it), all `rb` lost is
    // counted, as the common wedge may be that region's.
    if (!bSkipped[j]) {
      const lost = lostWedge(rb.coords, rawRest, [bCommonKm2[j]!]);
      const outside = lost > 0 && meeting.every((ra) => aCounted.has(ra)) ? lostOutside(rb, meeting, rawRest, lost) : lost;
      if (outside > 0) {
        dropped.km2 += outside;
        dropped.pieces?.push({ coords: [], a: null, b: rb, lostKm2: outside });
      }
    }
    const onlyB = keep(rawRest, dropped, null, rb);
    if (onlyB.length > 0) pieces.push({ coords: onlyB, a: null, b: rb });
  });
  return pieces;
}

/** What is left of `frame` once every region is taken away, slivers dropped and counted. */
export function uncovered(frame: MultiPolygon2, regions: readonly Boxed[], dropped: Dropped = { km2: 0 }): MultiPolygon2 {
  const box = boxOf(frame);
  const meeting = regions.filter((r) => boxesMeet(r.box, box));
  return onCallGrid([box, ...boxesOf(meeting)], () => restOf({ coords: frame, box }, meeting, dropped));
}

/** A piece of an N-way overlay: its ground, and the region of each input list it lies in (`null` where that list says nothing). */
export interface ManyPiece<R extends Boxed> extends Boxed {
  says: (R | null)[];
}

/**
 * Overlays any number of non-overlapping region lists at once: the ground
 * of `cover` (by default, all the lists cover) cut into pieces, each
 * labelled with the region of each list it lies in. The cover is refined
 * list by list: every piece is cut by the regions of the next list whose
 * boxes meet it (found through a spatial index), into its common part with
 * each and the rest — the same two steps as every overlay. Nothing is
 * compared pairwise between lists, and ground no list covers comes out as
 * pieces that say `null` everywhere.
 *
 * Most pieces lie wholly inside one region of the next list, or wholly
 * outside a region whose box meets theirs. Such a pair, when its
 * boundaries stay apart (`relateApart`: no edge within ten grid cells of
 * the other's), is settled without the engine — the piece goes on whole,
 * labelled with that region, or the region is passed over — since the
 * engine would return the piece itself, or nothing. Only the regions whose
 * boundaries come near a piece's cut it with the engine.
 *
 * Of those, a piece whose sampled vertices lie in one region or on its
 * boundary (`verticesPlaced`) most likely lies in it whole, its boundary
 * running along the region's edges: what is left of the piece outside
 * that region is cut first, and when the engine leaves nothing, the piece
 * goes on whole, labelled with it — one run that returns nothing. Other
 * pieces have their rest cut first (one run for all the regions), then
 * their common parts, likeliest holder first, until those hold the piece
 * but for the grid's reach.
 */
export function overlayMany<R extends Boxed>(lists: readonly (readonly R[])[], cover: MultiPolygon2 | undefined, dropped: Dropped = { km2: 0 }): ManyPiece<R>[] {
  return onCallGrid(cover === undefined ? boxesOf(...lists) : [boxOf(cover), ...boxesOf(...lists)], () => overlayManyOnGrid(lists, cover, dropped));
}

function overlayManyOnGrid<R extends Boxed>(lists: readonly (readonly R[])[], cover: MultiPolygon2 | undefined, dropped: Dropped): ManyPiece<R>[] {
  const start = cover ?? namingClaims(lists.flat(), () => clip('union', lists.flat().map((r) => r.coords)));
  let pieces: ManyPiece<R>[] = start.length === 0 ? [] : [{ coords: start, box: boxOf(start), says: [] }];
  const leftovers = new Leftovers<R>();
  for (const list of lists) {
    const index = boxIndex(list);
    // Each region's edges in an R-tree, built once for all the pieces it meets.
    const indexed: (EdgeIndex | undefined)[] = [];
    const edgesOf = (j: number): EdgeIndex => (indexed[j] ??= edgeIndex(list[j]!.coords));
    const next: ManyPiece<R>[] = [];
    for (const piece of pieces) {
      const cutting: R[] = [];
      let holder: R | undefined;
      for (const j of meetingIn(index, piece.box)) {
        const region = list[j]!;
        const relation = relateApart(piece.coords, piece.box, region.coords, region.box, edgesOf(j));
        if (relation === 'within') {
          holder = region;
          break;
        }
        if (relation === 'unknown') cutting.push(region);
      }
      // Inside one region, the piece is outside every other (the list does not overlap itself).
      if (holder !== undefined || cutting.length === 0) next.push({ coords: piece.coords, box: piece.box, says: [...piece.says, holder ?? null] });
      else next.push(...namingClaims([...piece.says, ...cutting], () => cutPiece(piece, cutting, dropped, leftovers)));
    }
    pieces = next;
  }
  return pieces;
}

/**
 * A piece cut by the regions of one list whose boundaries come near it:
 * its common part with each region and its rest, slivers dropped and
 * counted.
 */
function cutPiece<R extends Boxed>(piece: ManyPiece<R>, cutting: readonly R[], dropped: Dropped, leftovers: Leftovers<R>): ManyPiece<R>[] {
  const next: ManyPiece<R>[] = [];
  // With one region, the rest below is that region's test already.
  const { order, holds } = cutting.length === 1 ? { order: [0], holds: false } : byHold(cutting, piece);
  // The piece lies in the region the nearest earlier list names; when it
  // stays clear of what of that region lies outside the region it most
  // likely lies in now, it lies in that one: no run of its own (see `Leftovers`).
  const likely = holds || cutting.length === 1 ? cutting[order[0]!]! : undefined;
  if (likely !== undefined && leftovers.settles(piece, piece.says, likely)) return [{ coords: piece.coords, box: piece.box, says: [...piece.says, likely] }];
  // The likeliest holder first, when the sampled vertices lie in it or on
  // its boundary: most such pieces lie in it whole (their boundary runs
  // along its edges, so `relateApart` could not tell). If the engine leaves
  // nothing of the piece outside it, the piece lies in it (and outside the
  // list's other regions): one run, which returns nothing.
  if (holds) {
    const first = cutting[order[0]!]!;
    const outside = clip('difference', [piece.coords, cropToBox(first.coords, piece.box)]);
    leftovers.learn(piece.says, first, outside.length === 0);
    if (outside.length === 0) return [{ coords: piece.coords, box: piece.box, says: [...piece.says, first] }];
  }
  // Then the rest (one run): what it leaves of the piece is what the
  // common parts can hold, and once they hold all of it but the grid's
  // reach, the regions not yet cut hold nothing more.
  const rawRest = clip('difference', [piece.coords, ...cutting.map((r) => cropToBox(r.coords, piece.box))]);
  if (cutting.length === 1) leftovers.learn(piece.says, cutting[0]!, rawRest.length === 0);
  if (rawRest.length === 0 && cutting.length === 1) {
    // Nothing is left outside the one region: the piece lies in it.
    return [{ coords: piece.coords, box: piece.box, says: [...piece.says, cutting[0]!] }];
  }
  const reach = gridReachKm2(piece.coords);
  const common: (MultiPolygon2 | undefined)[] = [];
  let left = km2Of(piece.coords) - km2Of(rawRest);
  for (const i of order) {
    if (left <= reach) {
      dropped.km2 += Math.max(0, left);
      break;
    }
    const raw = intersectCropped(piece.coords, piece.box, cutting[i]!.coords, cutting[i]!.box);
    left -= km2Of(raw);
    common[i] = keep(raw, dropped, piece, cutting[i]!);
  }
  // In the regions' order, as the lists give them.
  cutting.forEach((region, i) => {
    const both = common[i];
    if (both !== undefined && both.length > 0) next.push({ coords: both, box: boxOf(both), says: [...piece.says, region] });
  });
  const rest = keep(rawRest, dropped, piece, null);
  if (rest.length > 0) next.push({ coords: rest, box: boxOf(rest), says: [...piece.says, null] });
  return next;
}

/**
 * What of a region of an earlier list lies outside a region of a later
 * one, as far as one N-way overlay has found out (nothing outlives the
 * call). A piece lies in the region X it names in the nearest earlier list
 * that names one (it is X's common part with an earlier piece, or lay in X
 * whole). When the piece stays clear of X's ground outside Y — the
 * leftover X \ Y is empty, or `relateApart` finds the piece and the
 * leftover disjoint — the piece lies in Y, and goes on whole, labelled Y,
 * without an engine run of its own. Maps of one source a few days apart
 * are mostly the same regions, so many pieces ask the same pair, and the
 * leftover is the narrow ground that changed.
 *
 * The leftover costs one engine run. The first piece to ask for a pair is
 * cut with runs of its own, as before; only when it turned out to lie in Y
 * whole is the leftover made, for the next piece that asks (a pair whose
 * first piece was cut, like the regions of two maps whose front moved, is
 * never given one). The answer is the engine's, on the grid, as the
 * piece's own run would be.
 */
class Leftovers<R extends Boxed> {
  private readonly pairs = new Map<R, Map<R, Boxed | 'asked' | 'lay-in' | 'cut'>>();

  /** Whether the piece (lying in the last region `says` names) is known to lie in `y`. */
  settles(piece: Boxed, says: readonly (R | null)[], y: R): boolean {
    const x = nearest(says);
    if (x === undefined) return false;
    if (x === y) return true;
    let row = this.pairs.get(x);
    if (row === undefined) {
      row = new Map();
      this.pairs.set(x, row);
    }
    let left = row.get(y);
    if (left === undefined) {
      row.set(y, 'asked');
      return false;
    }
    if (left === 'asked' || left === 'cut') return false;
    if (left === 'lay-in') {
      const coords = sameCoordinates(x.coords, y.coords) ? [] : clip('difference', [x.coords, cropToBox(y.coords, x.box)]);
      left = { coords, box: coords.length === 0 ? x.box : boxOf(coords) };
      row.set(y, left);
    }
    if (left.coords.length === 0 || !boxesMeet(left.box, piece.box)) return true;
    return relateApart(piece.coords, piece.box, left.coords, left.box) === 'disjoint';
  }

  /** What the engine found of the first piece to ask for a pair: whether it lay in `y` whole. */
  learn(says: readonly (R | null)[], y: R, inY: boolean): void {
    const x = nearest(says);
    const row = x === undefined ? undefined : this.pairs.get(x);
    if (row?.get(y) === 'asked') row.set(y, inY ? 'lay-in' : 'cut');
  }
}

/** The region the nearest list that names one gives a piece. */
function nearest<R>(says: readonly (R | null)[]): R | undefined {
  for (let i = says.length - 1; i >= 0; i -= 1) {
    const x = says[i];
    if (x !== null && x !== undefined) return x;
  }
  return undefined;
}

/**
 * The grid's reach along a piece's boundary, km²: one cell of the engine's
 * coarsest grid (1e-9°, 0.11 mm; a run on a finer grid moves less) times the boundary's length (planar, a degree of
 * longitude shrunk by the cosine of the latitude), the most by which
 * rounding to the grid can move the piece's area.
 */
function gridReachKm2(coords: MultiPolygon2): number {
  let km = 0;
  for (const polygon of coords) {
    for (const ring of polygon) {
      const first = ring[0];
      if (first === undefined) continue;
      const k = Math.cos((first[1] * Math.PI) / 180);
      for (let i = 0; i + 1 < ring.length; i++) km += Math.hypot((ring[i + 1]![0] - ring[i]![0]) * k, ring[i + 1]![1] - ring[i]![1]) * KM_PER_DEGREE;
    }
  }
  return km * GRID_DEGREES * KM_PER_DEGREE;
}

/** Kilometres per degree of latitude (rounded up: the reach is an upper bound). */
const KM_PER_DEGREE = 111.7;

/**
 * Indices of the regions in the order of how many of the piece's sampled
 * vertices lie inside them (clear of their boundaries), most first: the
 * likeliest holder is cut first; ties keep their order. `holds`: some
 * sampled vertex lies inside the first region and none outside it (the
 * rest lie along its boundary), so the piece most likely lies in it whole.
 */
function byHold(regions: readonly Boxed[], piece: Boxed): { order: number[]; holds: boolean } {
  const placed = regions.map((r) => verticesPlaced(piece.coords, r.coords, r.box));
  const order = regions.map((_, i) => i).sort((x, y) => placed[y]!.inside - placed[x]!.inside || x - y);
  const best = placed[order[0]!]!;
  return { order, holds: best.inside > 0 && best.outside === 0 };
}

/** A packed R-tree of the regions' boxes (null when there are none). */
export function boxIndex(regions: readonly { box: Box }[]): Flatbush | null {
  if (regions.length === 0) return null;
  const index = new Flatbush(regions.length);
  for (const { box } of regions) index.add(box[0], box[1], box[2], box[3]);
  index.finish();
  return index;
}

/** Indices of the regions whose boxes meet `box`, in the regions' order (so results do not depend on the tree). */
export function meetingIn(index: Flatbush | null, box: Box): number[] {
  if (index === null) return [];
  return index.search(box[0], box[1], box[2], box[3]).sort((x, y) => x - y);
}
