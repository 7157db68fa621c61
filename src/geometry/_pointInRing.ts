/**
 * Where a point lies relative to a ring: inside, outside, or exactly on its
 * boundary. Crossing-number test in lon/lat (the edge model), with an exact
 * on-edge check first so that boundary points are never decided by rounding.
 *
 * @module
 */

/** Where a point lies relative to a ring or an area. */
export type Placement = 'inside' | 'outside' | 'boundary';

/** A ring of [lon, lat] positions (open or closed: a closing edge of length zero decides nothing). */
type Ring = readonly (readonly number[])[];

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

/** Rings up to this many vertices are scanned whole; larger ones, once asked twice, get bands. */
const SCAN_WHOLE = 256;

/**
 * Where points lie relative to one ring: 1 inside, -1 outside, 0 on the
 * boundary (crossing number, exact on-edge test). A large ring asked more
 * than once is cut into horizontal bands, each listing the edges whose
 * latitudes reach into it; a point then meets only the edges of its band,
 * which are all the edges that can hold it or cross its ray, so the answer
 * is the whole scan's (a hole in a 300,000-vertex shell scanned all of it).
 */
export class RingLocator {
  private asked = 0;
  private bands: Bands | undefined;
  constructor(private readonly ring: Ring) {}

  placement(x: number, y: number): number {
    const ring = this.ring;
    this.asked += 1;
    if (this.bands === undefined && ring.length > SCAN_WHOLE && this.asked > 1) this.bands = bandsOf(ring);
    const bands = this.bands;
    let inside = false;
    if (bands === undefined) {
      for (let i = 0; i < ring.length; i += 1) {
        const verdict = edgeVerdict(ring, i, x, y);
        if (verdict === BOUNDARY) return 0;
        if (verdict === TOGGLE) inside = !inside;
      }
      return inside ? 1 : -1;
    }
    if (y < bands.south || y > bands.north) return -1; // beyond the ring's latitudes
    const band = bandOf(bands, y);
    for (let k = bands.start[band]!; k < bands.start[band + 1]!; k += 1) {
      const verdict = edgeVerdict(ring, bands.edges[k]!, x, y);
      if (verdict === BOUNDARY) return 0;
      if (verdict === TOGGLE) inside = !inside;
    }
    return inside ? 1 : -1;
  }
}

const BOUNDARY = 2;
const TOGGLE = 1;

/** What edge i (from vertex i − 1, or the last vertex, to vertex i) says of (x, y): on it, crossing its rightward ray, or neither. */
function edgeVerdict(ring: Ring, i: number, x: number, y: number): number {
  // Read by index, not destructured: unoptimized code (a first run) destructures through the iterator protocol.
  const pi = ring[i]!;
  const pj = ring[i === 0 ? ring.length - 1 : i - 1]!;
  const xi = pi[0]!;
  const yi = pi[1]!;
  const xj = pj[0]!;
  const yj = pj[1]!;
  // The on-edge test of the whole-ring scan (`ringContainsPoint`), to the bit: the two never disagree on a point at rounding's edge.
  if (onSegment(xj, yj, xi, yi, x, y)) return BOUNDARY;
  if ((yi > y) !== (yj > y) && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) return TOGGLE;
  return 0;
}

/** A ring's edges by band of latitude: band b's are edges[start[b]] to edges[start[b + 1] − 1]. */
interface Bands {
  south: number;
  north: number;
  perBand: number;
  count: number;
  start: Int32Array;
  edges: Int32Array;
}

/**
 * The band of a latitude, by one monotone division: an edge is listed in
 * every band from its south end's to its north end's, so a point on or
 * across it (its latitude between the ends) finds it in its own band.
 */
function bandOf(bands: Pick<Bands, 'south' | 'perBand' | 'count'>, y: number): number {
  return Math.min(bands.count - 1, Math.max(0, Math.floor((y - bands.south) / bands.perBand)));
}

/** The edges of a ring by band of latitude, one band per 8 edges. */
function bandsOf(ring: Ring): Bands {
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i < ring.length; i += 1) {
    const y = ring[i]![1]!;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  const count = Math.max(1, Math.floor(ring.length / 8));
  const perBand = (north - south) / count || 1;
  const grid = { south, perBand, count };
  // Edge i's bands, from[i] to to[i] (computed once, in arrays: no pair allocated per edge).
  const from = new Int32Array(ring.length);
  const to = new Int32Array(ring.length);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i]![1]!;
    const b = ring[i === 0 ? ring.length - 1 : i - 1]![1]!;
    const f = bandOf(grid, Math.min(a, b));
    const t = bandOf(grid, Math.max(a, b));
    from[i] = f;
    to[i] = t;
    for (let band = f; band <= t; band += 1) start[band + 1]! += 1;
  }
  for (let b = 0; b < count; b += 1) start[b + 1]! += start[b]!;
  const fill = start.slice(0, count);
  const edges = new Int32Array(start[count]!);
  for (let i = 0; i < ring.length; i += 1) {
    for (let band = from[i]!; band <= to[i]!; band += 1) edges[fill[band]!++] = i;
  }
  return { south, north, perBand, count, start, edges };
}
