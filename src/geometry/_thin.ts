/**
 * Narrow parts of an area near another area's boundary: the strips an
 * importer's inference leaves where a coarse boundary (a national border
 * simplified to a few hundred metres) and a detailed map (DeepState's
 * polygons, drawn to metres) part. A part is *narrow* when a disc of the
 * given width does not fit in it: the area less its morphological opening
 * (eroded by half the width, then dilated back, mitred so that corners come
 * back as they were). Widths are metres, measured in a sinusoidal projection
 * centred on the area (equal-area, true along parallels; over Ukraine's 18°
 * of longitude its skew changes a width by under 1 %). The offsets are
 * Clipper2's (`inflatePathsD`); every boolean operation stays the engine's.
 *
 * @module
 */
import { Clipper64, EndType, inflatePathsD, JoinType, type PathD, type PathsD } from 'clipper2-ts';
import { ContestedError } from '../errors/index.js';
import { clip, type MultiPolygon2, type Ring2 } from './_engine.js';
import { twiceSignedPathArea } from './_planar.js';
import { ringContainsPoint } from './_pointInRing.js';

/** Mean radius of the WGS84 ellipsoid (IUGG), metres. */
const RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Offsets are computed to the centimetre. */
const PRECISION = 2;
/** The dilation goes this much further than the erosion, so that the opening covers every wide part despite rounding. */
const OVERLAP_M = 1;
/** Mitred corners stay sharp up to this ratio of the offset (Clipper's default, 2, squares off corners sharper than 60°). */
const MITER_LIMIT = 100;
/** Round joins are drawn with chords at most this far (metres) from the true arc. */
const ARC_TOLERANCE_M = 5;

interface Projection {
  forward: (ring: Ring2) => PathD;
  inverse: (path: PathD) => Ring2;
}

function projectionFor(area: MultiPolygon2): Projection {
  let west = Infinity;
  let east = -Infinity;
  for (const polygon of area) for (const ring of polygon) for (const [x] of ring) {
    if (x < west) west = x;
    if (x > east) east = x;
  }
  const lon0 = (west + east) / 2;
  return {
    forward: (ring) => ring.map(([lon, lat]) => ({ x: RADIUS_M * (lon - lon0) * RAD * Math.cos(lat * RAD), y: RADIUS_M * lat * RAD })),
    inverse: (path) => {
      const ring: Ring2 = path.map(({ x, y }) => {
        const lat = y / RADIUS_M / RAD;
        return [lon0 + x / (RADIUS_M * Math.cos(lat * RAD)) / RAD, lat];
      });
      if (ring.length > 0) ring.push([ring[0]![0], ring[0]![1]]);
      return ring;
    },
  };
}

/** Offsets an area by `deltaM` metres (negative: inwards), mitred, and brings it back to degrees through the engine. */
function offset(area: MultiPolygon2, deltaM: number, projection: Projection, join: JoinType): MultiPolygon2 {
  const paths: PathsD = [];
  for (const polygon of area) {
    polygon.forEach((ring, r) => {
      const path = projection.forward(ring.slice(0, -1));
      // Outer rings anticlockwise, holes clockwise: the orientation Clipper's offset reads as filled and empty.
      paths.push((twiceSignedPathArea(path) > 0) === (r === 0) ? path : path.reverse());
    });
  }
  const rings = checkedOffset(paths, deltaM, join).filter((path) => path.length >= 3);
  // The offset's rings do not cross; a ring's depth (how many others hold it)
  // says what it is: 0 an outer ring, 1 a hole, 2 an island in a hole …
  const xy = rings.map((path) => path.map((p) => [p.x, p.y] as [number, number]));
  const boxes = xy.map((ring) => boxOfRing(ring));
  const byDepth: MultiPolygon2[] = [];
  xy.forEach((ring, i) => {
    const [x, y] = ring[0]!;
    let depth = 0;
    xy.forEach((other, j) => {
      const box = boxes[j]!;
      if (j !== i && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && ringContainsPoint(other, x, y) === 'inside') depth += 1;
    });
    (byDepth[depth] ??= []).push([projection.inverse(rings[i]!)]);
  });
  let result: MultiPolygon2 = [];
  byDepth.forEach((level, depth) => {
    result = depth % 2 === 0 ? clip('union', [result, level]) : clip('difference', [result, level]);
  });
  return result;
}

/**
 * Clipper2's offset of `paths` by `deltaM`, with its failure seen.
 * `inflatePathsD` ends with a union of the offset rings, run through
 * `Clipper64.execute`, and ignores what that returns (clipper2-ts
 * `dist/Offset.js`, `executeInternal`): a union that failed (the engine's
 * `succeeded` flag, or an error it caught) gives back no rings, or the rings
 * its sweep had reached, or those `buildPaths` had built, and no error.
 * Made to fail, every ring of an 11 km square came back as a narrow strip
 * (audit of 2026-12-03). The offset's API gives no way to ask, so for the
 * length of this synchronous call `execute` on `Clipper64.prototype` is
 * wrapped to note a `false` (nothing else runs meanwhile, and the wrapper
 * puts back exactly the method it found, a test's spy included); a
 * `false` is `ContestedError('geometry-engine')`, never the strips that a
 * failed union would have made. (An earlier check compared the result's
 * box with the input's and with a mirrored run's; arcs meeting long edges
 * at a cusp moved a box by up to 11 m, and it refused good offsets of
 * oblasts and raions: review of 2026-12-03.)
 */
function checkedOffset(paths: PathsD, deltaM: number, join: JoinType): PathsD {
  const prototype = Clipper64.prototype;
  const execute = prototype.execute;
  let failures = 0;
  prototype.execute = function (this: Clipper64, ...args: Parameters<Clipper64['execute']>): boolean {
    const succeeded = execute.apply(this, args);
    if (!succeeded) failures += 1;
    return succeeded;
  } as Clipper64['execute'];
  let out: PathsD;
  try {
    out = inflatePathsD(paths, deltaM, join, EndType.Polygon, MITER_LIMIT, PRECISION, ARC_TOLERANCE_M);
  } finally {
    prototype.execute = execute;
  }
  if (failures > 0) throw offsetError(deltaM, paths);
  return out;
}

function offsetError(deltaM: number, paths: PathsD): ContestedError {
  const vertices = paths.reduce((n, path) => n + path.length, 0);
  return new ContestedError('geometry-engine', [
    {
      code: 'engine-failure',
      path: [],
      message:
        `the clipping engine (clipper2-ts) failed on the offset by ${deltaM} m of ${paths.length} ring(s) of ${vertices} vertices that measures narrow strips (sliverM): ` +
        'the union inside its offset reported failure, which the offset itself ignores. Please report this with the inputs attached, or pass sliverM: 0 to keep every strip',
    },
  ]);
}

function boxOfRing(ring: readonly [number, number][]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * `area` less its parts narrower than `widthM` metres that lie within
 * `widthM` of the boundary of `frame`: the area itself when `widthM` is 0.
 */
export function withoutNarrowPartsNear(area: MultiPolygon2, frame: MultiPolygon2, widthM: number): MultiPolygon2 {
  if (widthM <= 0 || area.length === 0) return area;
  const projection = projectionFor(frame.length > 0 ? frame : area);
  // Eroded with round joins (a disc of the width fits, or not), grown back
  // mitred so that the corners of wide ground come back sharp, as drawn.
  const opened = offset(offset(area, -widthM / 2, projection, JoinType.Round), widthM / 2 + OVERLAP_M, projection, JoinType.Miter);
  const inner = offset(frame, -widthM, projection, JoinType.Round);
  // Intersecting with what is kept, rather than subtracting what is
  // absorbed, keeps the result's rings valid: the absorbed strips share
  // long stretches of edge with the rest.
  return clip('intersection', [area, clip('union', [opened, inner])]);
}
