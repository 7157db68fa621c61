/**
 * Where a point lies relative to a ring: inside, outside, or exactly on its
 * boundary. Crossing-number test in lon/lat (the edge model), with an exact
 * on-edge check first so that boundary points are never decided by rounding.
 *
 * @module
 */

/** Where a point lies relative to a ring or an area. */
export type Placement = 'inside' | 'outside' | 'boundary';

/** Placement of (x, y) relative to a closed ring of [lon, lat] positions. */
export function ringContainsPoint(ring: readonly (readonly number[])[], x: number, y: number): Placement {
  let inside = false;
  const n = ring.length;
  if (n === 0) return 'outside';
  // yj carried from the step before: one position read per edge.
  let yj = ring[n - 1]![1]!;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const yi = ring[i]![1]!;
    // An edge wholly above or below the point can neither hold it nor cross its ray: most edges stop here.
    if ((yi > y && yj > y) || (yi < y && yj < y)) {
      yj = yi;
      continue;
    }
    const xi = ring[i]![0]!;
    const xj = ring[j]![0]!;
    if (onSegment(xj, yj, xi, yi, x, y)) return 'boundary';
    if ((yi > y) !== (yj > y)) {
      const crossX = xi + ((y - yi) * (xj - xi)) / (yj - yi);
      if (x < crossX) inside = !inside;
    }
    yj = yi;
  }
  return inside ? 'inside' : 'outside';
}

function onSegment(ax: number, ay: number, bx: number, by: number, x: number, y: number): boolean {
  if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by)) return false;
  return (bx - ax) * (y - ay) - (by - ay) * (x - ax) === 0;
}

/** Placement of (x, y) relative to polygons given as rings (outer first, then holes). */
export function areaPlacement(polygons: readonly (readonly (readonly (readonly number[])[])[])[], x: number, y: number): Placement {
  let onBoundary = false;
  for (const polygon of polygons) {
    const shell = polygon[0];
    if (shell === undefined) continue;
    const placement = ringContainsPoint(shell, x, y);
    if (placement === 'outside') continue;
    if (placement === 'boundary') {
      onBoundary = true;
      continue;
    }
    let inHole = false;
    for (let h = 1; h < polygon.length; h += 1) {
      const inHoleRing = ringContainsPoint(polygon[h]!, x, y);
      if (inHoleRing === 'inside') inHole = true;
      if (inHoleRing === 'boundary') onBoundary = true;
    }
    if (!inHole && !onBoundary) return 'inside';
  }
  return onBoundary ? 'boundary' : 'outside';
}
