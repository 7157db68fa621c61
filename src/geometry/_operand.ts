/**
 * The one rule for the rings of an area, applied wherever an area is read
 * for measuring or clipping (`areaKm2`, `perimeterM`, the boolean operations
 * and everything built on them): an area the library cannot read one way
 * only is refused with a path, never read another way silently.
 *
 * - Coordinates are finite, in range, and no edge jumps the antimeridian
 *   (`checkEdges`).
 * - Every ring is closed: its last position repeats its first. An unclosed
 *   ring is refused (`unclosed-ring`), as `validateGeometry` reports it;
 *   `normalizeGeometry` closes rings and lists that repair.
 * - Every hole lies inside its outer ring. A hole reaching outside it
 *   (`hole-outside-shell`) is refused: measured as given, a hole larger than
 *   its shell made `areaKm2` negative.
 *
 * The checks are linear in the vertices (one point-in-ring test per hole,
 * after a bounding-box test), so they cost little beside an overlay.
 *
 * @module
 */
import type { Position } from 'geojson';
import { ContestedError, type ContestedIssue } from '../errors/index.js';
import { checkEdges, type LocatedPolygon } from './_input.js';
import { ringContainsPoint } from './_pointInRing.js';

/** Checks one polygon's rings (see the module comment); throws `invalid-geometry` with the ring's path. */
export function checkPolygonRings(polygon: LocatedPolygon): void {
  polygon.rings.forEach((ring, index) => checkEdges(ring, [...polygon.path, index]));
  const issues: ContestedIssue[] = [];
  polygon.rings.forEach((ring, index) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
      issues.push({
        code: 'unclosed-ring',
        path: [...polygon.path, index],
        message: `ring ${index} is not closed: its last position [${last[0]}, ${last[1]}] differs from its first [${first[0]}, ${first[1]}]; ` +
          'repeat the first position at the end, or call normalizeGeometry, which closes rings and lists the repair',
      });
    }
  });
  const shell = polygon.rings[0];
  if (issues.length === 0 && shell !== undefined && shell.length > 0) {
    const box = boxOf(shell);
    polygon.rings.slice(1).forEach((hole, i) => {
      const outside = outsidePoint(shell, box, hole);
      if (outside !== undefined) {
        issues.push({
          code: 'hole-outside-shell',
          path: [...polygon.path, i + 1],
          message: `hole ${i + 1} reaches outside its outer ring (at [${outside[0]}, ${outside[1]}]): a hole must lie inside the ring it cuts; ` +
            'validateGeometry locates the problem, and a hole meant as separate ground belongs in a polygon of its own',
        });
      }
    });
  }
  if (issues.length > 0) throw new ContestedError('invalid-geometry', issues);
}

type Box = [number, number, number, number];

function boxOf(ring: readonly Position[]): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}

/** A vertex of `hole` outside `shell`, or undefined when the first vertex off the shell's boundary is inside it. */
function outsidePoint(shell: readonly Position[], box: Box, hole: readonly Position[]): Position | undefined {
  for (const p of hole) if (p[0]! < box[0] || p[1]! < box[1] || p[0]! > box[2] || p[1]! > box[3]) return p;
  for (const p of hole) {
    const placement = ringContainsPoint(shell, p[0]!, p[1]!);
    if (placement === 'outside') return p;
    if (placement === 'inside') return undefined;
  }
  return undefined;
}
