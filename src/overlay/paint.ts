/**
 * Painting by precedence: overlapping layers (one party's claims) made into
 * non-overlapping regions, the first layer winning wherever layers overlap.
 * Layers are painted in the order given; each takes what the layers before
 * it left: "intersect what meets, subtract the cropped rest, drop slivers",
 * through the same two steps as every other overlay (`overlay.ts`).
 *
 * Which painted regions a new layer can meet is found through a spatial
 * index of their boxes. Regions arrive one by one, so the index grows by
 * the logarithmic method: packed R-trees (flatbush) of 64, 128, 256 …
 * regions, two of a size merged into one of the next, and a short list of
 * the newest regions scanned as it is. Each region is packed O(log n)
 * times, each query visits O(log n) trees, and a layer is clipped only
 * against the regions its box meets, so n layers that each meet a few
 * others cost about n log n, not n².
 *
 * @module
 */
import { ContestedError, type IssuePath } from '../errors/index.js';
import { engineErrorAt } from '../_lib/reroot.js';
import Flatbush from 'flatbush';
import { onCallGrid, type MultiPolygon2 } from '../geometry/_engine.js';
import { boxesMeet, boxOf, intersectCropped, km2Of, sameCoordinates, type Box } from './regions.js';
import { boxesOf, keep, lostOutside, lostWedge, mayOverlap, rawRestOf, type Boxed, type Dropped } from './overlay.js';

/** One painted region: the ground it holds and the layer it came from. */
export interface PaintedRegion extends Boxed {
  /** Index of the layer (in the order given) this region is what is left of. */
  layer: number;
}

/**
 * Called once for every painted region a layer really overlaps (their
 * common ground is not empty), in the order the regions were painted, with
 * the layer the region is what is left of, and their common ground (slivers
 * not dropped: even a sliver of overlap says the two layers meet there).
 */
export type OnOverlap = (layer: number, regionLayer: number, overlap: MultiPolygon2) => void;

/**
 * Where a layer came from, for an engine failure while it is painted: the
 * path of its input (a claim's `[i, 'area']`) and what to name in the
 * message (that claim, and those of `under`: the layers whose painted
 * regions' boxes meet it, the regions it was being cut against).
 */
export type LayerOrigin = (layer: number, under: readonly number[]) => { path: IssuePath; on: string };

/** The size of the newest regions kept in a plain list before they are packed into a tree. */
const BUFFER = 64;

/** A spatial index of boxes that grows one box at a time (logarithmic method over flatbush). */
class GrowingIndex {
  private readonly boxes: Box[] = [];
  /** `levels[k]`: a packed tree of BUFFER·2^k boxes and their ids, or null. */
  private readonly levels: ({ tree: Flatbush; ids: number[] } | null)[] = [];
  private buffer: number[] = [];

  add(box: Box): number {
    const id = this.boxes.length;
    this.boxes.push(box);
    this.buffer.push(id);
    if (this.buffer.length === BUFFER) {
      let carry = this.buffer;
      this.buffer = [];
      let k = 0;
      for (; this.levels[k] !== undefined && this.levels[k] !== null; k++) {
        carry = [...this.levels[k]!.ids, ...carry];
        this.levels[k] = null;
      }
      this.levels[k] = { tree: this.pack(carry), ids: carry };
    }
    return id;
  }

  /** Ids of the boxes that meet `box`, ascending. */
  search(box: Box): number[] {
    const found: number[] = [];
    for (const level of this.levels) {
      if (level === null) continue;
      for (const i of level.tree.search(box[0], box[1], box[2], box[3])) found.push(level.ids[i]!);
    }
    for (const id of this.buffer) if (boxesMeet(this.boxes[id]!, box)) found.push(id);
    return found.sort((x, y) => x - y);
  }

  private pack(ids: readonly number[]): Flatbush {
    const tree = new Flatbush(ids.length);
    for (const id of ids) {
      const b = this.boxes[id]!;
      tree.add(b[0], b[1], b[2], b[3]);
    }
    tree.finish();
    return tree;
  }
}

/**
 * Paints `layers` in the order given, each onto what the ones before it
 * left, and returns the painted regions (at most one per layer, in the
 * layers' order; a layer wholly covered leaves none). `onOverlap` hears of
 * every (layer, earlier region) pair whose ground overlaps, so the caller
 * can credit agreeing layers to the region or record what was overruled.
 * Slivers of the cut are dropped and counted in `dropped`, each piece of
 * ground once, and only if no later layer holds it (a sliver of one layer's
 * rest may lie inside a later layer's region, or be dropped again from the
 * rest of a later layer). With `origin`,
 * an engine failure while a layer is painted comes out rooted at that
 * layer's input and naming it (see {@link LayerOrigin}).
 */
export function paint(layers: readonly Boxed[], onOverlap: OnOverlap, dropped: { km2: number } = { km2: 0 }, origin?: LayerOrigin): PaintedRegion[] {
  return onCallGrid(boxesOf(layers), () => paintOnGrid(layers, onOverlap, dropped, origin));
}

function paintOnGrid(layers: readonly Boxed[], onOverlap: OnOverlap, dropped: { km2: number }, origin: LayerOrigin | undefined): PaintedRegion[] {
  const regions: PaintedRegion[] = [];
  const index = new GrowingIndex();
  // Slivers dropped from the layers painted so far, with the km² of each
  // that no later layer holds, added to `dropped` at the end: each piece of
  // ground counted once. A later layer may still hold that ground (a large
  // claim round a small one whose rest was a sliver), and a later layer
  // that drops it again does not count it again (two claims whose rests
  // were the same sliver counted it twice).
  const voids: (Boxed & { km2: number; whole: number })[] = [];
  const voidIndex = new GrowingIndex();
  layers.forEach(rootedPerLayer(origin, (layer) => index.search(layer.box).map((j) => regions[j]!.layer), (layer, i) => {
    const overlapping: Boxed[] = [];
    // Regions whose intersection with the layer came back empty although
    // the two may overlap (`mayOverlap`: a wedge one grid cell wide, which
    // the engine's intersection drops): cut away all the same, so that the
    // wedge stays in the earlier region alone and the regions stay disjoint.
    const touching: Boxed[] = [];
    let covered = false;
    let overlapKm2 = 0;
    for (const j of index.search(layer.box)) {
      const region = regions[j]!;
      // A region with the very same coordinates (many claims naming one
      // city) overlaps the layer whole: nothing of the layer is left, and no
      // engine call is needed. Otherwise only regions whose ground really
      // overlaps the layer's are cut away from it: boxes meet far more often
      // than ground does.
      const same = sameCoordinates(region.coords, layer.coords);
      const overlap = same ? layer.coords : intersectCropped(layer.coords, layer.box, region.coords, region.box);
      if (overlap.length === 0) {
        if (mayOverlap(layer, region)) touching.push(region);
        continue;
      }
      covered ||= same;
      if (!same) overlapKm2 += km2Of(overlap);
      overlapping.push(region);
      onOverlap(i, region.layer, overlap);
    }
    if (covered) return;
    // What the layer drops with no shape (a wedge the difference lost) is counted as it is; its slivers below.
    const own: Dropped<Boxed> = { km2: 0, pieces: [] };
    const rest = restOfLayer(layer, [...overlapping, ...touching], overlapKm2, own, dropped);
    const near = voids.length === 0 ? [] : voidIndex.search(layer.box).map((k) => voids[k]!);
    // Ground the layer holds that an earlier layer dropped: no longer a sliver.
    if (rest.length > 0) {
      const restBox = rest === layer.coords ? layer.box : boxOf(rest);
      for (const sliver of near) if (boxesMeet(sliver.box, restBox)) sliver.km2 -= km2Of(intersectCropped(sliver.coords, sliver.box, rest, restBox));
    }
    // Of what the layer drops, only ground no earlier layer dropped is new.
    for (const piece of own.pieces!) {
      const box = boxOf(piece.coords);
      const before = near.filter((sliver) => boxesMeet(sliver.box, box));
      const fresh = before.length === 0 ? piece.coords : rawRestOf({ coords: piece.coords, box }, before);
      if (fresh.length === 0) continue;
      const km2 = km2Of(fresh);
      voids.push({ coords: fresh, box: fresh === piece.coords ? box : boxOf(fresh), km2, whole: km2 });
      voidIndex.add(voids[voids.length - 1]!.box);
    }
    if (rest.length === 0) return;
    regions.push({ coords: rest, box: rest === layer.coords ? layer.box : boxOf(rest), layer: i });
    index.add(regions[regions.length - 1]!.box);
  }));
  // A sliver held whole by a later layer leaves the rounding of two area
  // sums of its ground (1e-22 km² on a 6e-7 km² sliver), not ground: below
  // 1e-9 of the sliver it counts nothing.
  for (const sliver of voids) if (sliver.km2 > 1e-9 * sliver.whole) dropped.km2 += sliver.km2;
  return regions;
}

/**
 * What is left of a layer once the regions it overlaps (or may overlap:
 * `touching`, whose intersection with it came back empty) are cut away,
 * slivers dropped and counted. What the difference took from the layer
 * beyond what its intersections with those regions kept (`lostWedge`) is
 * either common ground an intersection dropped (a wedge one grid cell
 * wide of the layer and a region, whether that intersection came back
 * empty or kept other ground too), which the earlier region holds, or a
 * wedge of the layer's rest the difference dropped, which lies in no
 * region. Only when something was taken (rare) does one union run tell
 * the two apart (`lostOutside`), and only the second is counted, in
 * `lostInto` (the slivers kept out of the rest go to `dropped`, with their
 * shapes).
 */
function restOfLayer(layer: Boxed, cut: readonly Boxed[], overlapKm2: number, dropped: Dropped<Boxed>, lostInto: { km2: number }): MultiPolygon2 {
  if (cut.length === 0) return layer.coords;
  const raw = rawRestOf(layer, cut);
  const lost = lostWedge(layer.coords, raw, [overlapKm2]);
  if (lost > 0) lostInto.km2 += lostOutside(layer, cut, raw, lost);
  return keep(raw, dropped, layer, null);
}

/**
 * `paintLayer` with a `geometry-engine` error it throws rooted at the
 * layer's origin (unchanged without one): every engine run of a layer's
 * painting is on that layer and the regions `under` it, so the failure is
 * named there rather than by all the layers.
 */
function rootedPerLayer(origin: LayerOrigin | undefined, under: (layer: Boxed) => number[], paintLayer: (layer: Boxed, i: number) => void): (layer: Boxed, i: number) => void {
  if (origin === undefined) return paintLayer;
  return (layer, i) => {
    try {
      paintLayer(layer, i);
    } catch (error) {
      if (!(error instanceof ContestedError) || error.code !== 'geometry-engine') throw error;
      const at = origin(i, under(layer));
      throw engineErrorAt(error, at.path, at.on);
    }
  };
}
