/**
 * The check every function that takes a control map runs on it: a map's
 * regions must not overlap, or the ground they share is counted twice (two
 * overlapping regions in a 248.7 km² frame once gave labels summing to
 * 331.6 km²). Maps that `controlMap` built are disjoint by construction;
 * a map from elsewhere (a file, a hand-made FeatureCollection, a map sent
 * to a worker, a built map edited) is checked here. The pairs of regions
 * that can overlap are found through a flatbush index of the regions'
 * boxes; a pair whose boundaries stay ten grid cells apart and neither of
 * which has a ring in the other (`relateApart` says `'disjoint'`, an exact
 * test, not a tolerance) shares no ground and is passed over without the
 * engine. Every other pair is intersected, each cut down to the overlap of
 * the two boxes.
 * Each piece of a pair's common ground is judged by the overlay's one
 * sliver rule (`dropSlivers`: narrower than `SLIVER_WIDTH_DEG`,
 * about 1 cm, where width is twice the area over the perimeter): a sliver
 * is the residue of two boundaries drawn along each other, anything wider
 * is an overlap, however small a part of the map it is. Shared edges give
 * no piece at all.
 *
 * @module
 */
import Flatbush from 'flatbush';
import { edgeIndex, relateApart, type EdgeIndex } from '../geometry/_apart.js';
import { ContestedError, type ContestedIssue, type IssuePath } from '../errors/index.js';
import { dropSlivers, intersectCropped, km2Of, type Box } from './regions.js';
import type { MultiPolygon2 } from '../geometry/_engine.js';

/** A region of a map as the check sees it: its coordinates and box, and where it is in the caller's input. */
export interface CheckedRegion {
  coords: MultiPolygon2;
  box: Box;
  path: IssuePath;
  id: string | undefined;
}

/**
 * Throws `ContestedError('invalid-input')` with one `overlapping-regions`
 * issue per overlapping pair (path of the second region, naming the first
 * and the km² they share) when any two regions overlap beyond a sliver.
 * Returns the km² of the slivers two regions share (pieces narrower than
 * `SLIVER_WIDTH_DEG`), which are accepted: at most about 1 cm times
 * their length, and counted in both regions.
 */
export function assertNoOverlap(regions: readonly CheckedRegion[], name: string): number {
  if (regions.length < 2) return 0;
  const index = new Flatbush(regions.length);
  for (const r of regions) index.add(r.box[0], r.box[1], r.box[2], r.box[3]);
  index.finish();
  // Each region's edges in an R-tree, built once for all the regions it is compared with.
  const indexed: (EdgeIndex | undefined)[] = [];
  const edgesOf = (j: number): EdgeIndex => (indexed[j] ??= edgeIndex(regions[j]!.coords));
  const issues: ContestedIssue[] = [];
  let sliversKm2 = 0;
  regions.forEach((a, i) => {
    for (const j of index.search(a.box[0], a.box[1], a.box[2], a.box[3])) {
      if (j <= i) continue;
      const b = regions[j]!;
      // Boundaries ten grid cells apart and no ring of either in the other: the engine would return nothing.
      if (relateApart(a.coords, a.box, b.coords, b.box, edgesOf(j)) === 'disjoint') continue;
      const { kept: shared, droppedKm2 } = dropSlivers(intersectCropped(a.coords, a.box, b.coords, b.box));
      sliversKm2 += droppedKm2;
      if (shared.length === 0) continue;
      const km2 = km2Of(shared);
      const label = (r: CheckedRegion): string => `${r.path.join('.').replace(/\.(\d+)/g, '[$1]')}${r.id === undefined ? '' : ` (${r.id})`}`;
      issues.push({
        code: 'overlapping-regions',
        path: b.path,
        message: `${label(b)} overlaps ${label(a)} by ${km2.toPrecision(3)} km² (wider than a sliver of about 1 cm): the regions of a control map must not overlap, or that ground is counted twice; resolve the claims with controlMap, or cut one region out of the other (difference)`,
      });
    }
  });
  if (issues.length > 0) throw new ContestedError('invalid-input', issues, `${name} is not a control map: ${issues.length} pair${issues.length === 1 ? '' : 's'} of regions overlap`);
  return sliversKm2;
}
