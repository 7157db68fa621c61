/**
 * Pairs of overlapping boxes, by a sweep along longitude: the boxes sorted
 * by their west edge, and a list of those still open. Used by the two
 * exact tests around the engine (rings that meet in an operand, vertices
 * an output edge passes), where almost every box meets only its
 * neighbours: the open list stays as short as the number of edges a
 * meridian crosses, so the sweep costs one sort and a short scan per box,
 * with no allocation per box (an index of boxes, tried first, spent most of
 * its time building and allocating). `_segments.ts` sweeps the same way
 * for validation, over segment objects in degrees; this one works on typed
 * arrays of the engine's integer grid, as the engine's tests need.
 *
 * @module
 */

/** Boxes as four parallel arrays. */
export interface Boxes {
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
}

/** Boxes for `n` items, to be filled in. */
export function boxes(n: number): Boxes {
  return { minX: new Float64Array(n), minY: new Float64Array(n), maxX: new Float64Array(n), maxY: new Float64Array(n) };
}

/** Boxes from [west, south, east, north] lists. */
export function boxesFrom(list: readonly (readonly [number, number, number, number])[]): Boxes {
  const b = boxes(list.length);
  list.forEach(([w, s, e, n], i) => {
    b.minX[i] = w;
    b.minY[i] = s;
    b.maxX[i] = e;
    b.maxY[i] = n;
  });
  return b;
}

/** Up to this many boxes, {@link byWest} sorts with a comparator (cheaper than the radix passes). */
const COMPARATOR_SORT = 256;

/** Bits of the key each radix pass orders by (2,048 buckets: the scattered writes stay in cache). */
const DIGIT = 11;

/**
 * The boxes' indices sorted by west edge, ties in index order: the order a
 * stable comparator sort gives. On the engine's grid every west edge is a
 * multiple of half a cell, so the keys are small integers (twice the
 * distance from the least); they are ordered by a least-significant-digit
 * radix sort, 11 bits a pass, each pass reading the keys and indices in
 * order (a comparator sort of a million indices took longer than the sweep
 * it prepared). Other keys fall back to the comparator.
 */
export function byWest(b: Boxes): Uint32Array {
  const n = b.minX.length;
  const west = b.minX;
  const comparatorOrder = (): Uint32Array => {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i += 1) order[i] = i;
    return order.sort((i, j) => west[i]! - west[j]!);
  };
  if (n <= COMPARATOR_SORT) return comparatorOrder();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const w = west[i]!;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const span = (max - min) * 2;
  if (!(span < 2 ** 52)) return comparatorOrder();
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    const key = (west[i]! - min) * 2;
    if (!Number.isInteger(key)) return comparatorOrder();
    const h = Math.floor(key / 4294967296);
    lo[i] = key - h * 4294967296;
    hi[i] = h;
    index[i] = i;
  }
  const lo2 = new Uint32Array(n);
  const hi2 = new Uint32Array(n);
  const index2 = new Uint32Array(n);
  const count = new Uint32Array(1 << DIGIT);
  let bits = 0;
  while (2 ** bits <= span) bits += 1;
  // Passes of up to DIGIT bits over the low word, then over the high word
  // (a digit never straddles the two), each from one set of arrays to the
  // other; the arrays are passed in, so the loops read locals only.
  let flipped = false;
  for (let shift = 0; shift < bits; shift += shift % 32 + DIGIT > 32 ? 32 - (shift % 32) : DIGIT) {
    const width = Math.min(DIGIT, 32 - (shift % 32));
    const high = shift >= 32;
    if (flipped) radixPass(lo2, hi2, index2, lo, hi, index, high, shift % 32, width, count);
    else radixPass(lo, hi, index, lo2, hi2, index2, high, shift % 32, width, count);
    flipped = !flipped;
  }
  return flipped ? index2 : index;
}

/** One stable counting pass on `width` bits at `shift` of the low (or high) word, from the first arrays to the second. */
function radixPass(lo: Uint32Array, hi: Uint32Array, index: Uint32Array, lo2: Uint32Array, hi2: Uint32Array, index2: Uint32Array, high: boolean, shift: number, width: number, count: Uint32Array): void {
  const n = lo.length;
  const mask = (1 << width) - 1;
  const key = high ? hi : lo;
  count.fill(0);
  for (let i = 0; i < n; i += 1) count[(key[i]! >>> shift) & mask]! += 1;
  let sum = 0;
  for (let d = 0; d <= mask; d += 1) {
    const c = count[d]!;
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i += 1) {
    const at = count[(key[i]! >>> shift) & mask]!++;
    lo2[at] = lo[i]!;
    hi2[at] = hi[i]!;
    index2[at] = index[i]!;
  }
}

/**
 * Calls `visit(i, j)` once for every pair of boxes that overlap (borders
 * included), i ≠ j, in no set order; stops and returns true as soon as
 * `visit` returns true. Like {@link crossOverlap}, it sweeps along
 * latitude when the boxes are much deeper along longitude.
 */
export function someOverlap(b: Boxes, visit: (i: number, j: number) => boolean): boolean {
  return sweepsAlongY(b) ? someOverlapAlongX(transposedBoxes(b), visit) : someOverlapAlongX(b, visit);
}

function someOverlapAlongX(b: Boxes, visit: (i: number, j: number) => boolean): boolean {
  const order = byWest(b);
  const open = new Int32Array(order.length);
  let count = 0;
  const { minX, minY, maxX, maxY } = b;
  for (let o = 0; o < order.length; o += 1) {
    const i = order[o]!;
    const x = minX[i]!;
    const s = minY[i]!;
    const n = maxY[i]!;
    for (let k = 0; k < count; ) {
      const j = open[k]!;
      if (maxX[j]! < x) {
        open[k] = open[--count]!;
        continue;
      }
      if (minY[j]! <= n && maxY[j]! >= s && visit(j, i)) return true;
      k += 1;
    }
    open[count++] = i;
  }
  return false;
}

/**
 * The pairs [i, j] (i < j) of boxes that overlap in more than a line (their
 * interiors meet), found by {@link someOverlap}; once there are more than
 * `limit`, it stops and returns those found (so a caller that only needs
 * to know that there are more lists no more than `limit` + 1).
 */
export function interiorPairs(b: Boxes, limit = Infinity): [number, number][] {
  const pairs: [number, number][] = [];
  const { minX, minY, maxX, maxY } = b;
  someOverlap(b, (i, j) => {
    if (minX[i]! < maxX[j]! && minX[j]! < maxX[i]! && minY[i]! < maxY[j]! && minY[j]! < maxY[i]!) pairs.push(i < j ? [i, j] : [j, i]);
    return pairs.length > limit;
  });
  return pairs;
}

/**
 * Calls `visit(a, b)` once for every box `a` of `first` that overlaps a box
 * `b` of `second` (borders included), in no set order. The sweep runs
 * along longitude unless the boxes are much deeper along it than along
 * latitude ({@link sweepsAlongY}), as on a comb of teeth running east to
 * west, where a meridian crosses every tooth and the open list would hold
 * them all: then along latitude (the boxes read with x and y swapped).
 */
export function crossOverlap(first: Boxes, second: Boxes, visit: (a: number, b: number) => void): void {
  if (sweepsAlongY(first, second)) crossOverlapAlongX(transposedBoxes(first), transposedBoxes(second), visit);
  else crossOverlapAlongX(first, second, visit);
}

/** Above this many boxes, {@link crossOverlap} and {@link someOverlap} weigh the two axes. */
const AXIS_WEIGHED_FROM = 4096;

/**
 * Whether boxes are at least 4 times as deep along x as along y: the sum
 * of their extents along an axis over the span of the axis is how many a
 * line across it meets on average (the open list's mean length). One pass.
 */
function sweepsAlongY(...sets: Boxes[]): boolean {
  if (sets.reduce((n, b) => n + b.minX.length, 0) < AXIS_WEIGHED_FROM) return false;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  let sumX = 0;
  let sumY = 0;
  for (const b of sets) {
    for (let i = 0; i < b.minX.length; i += 1) {
      const w = b.minX[i]!;
      const e = b.maxX[i]!;
      const s = b.minY[i]!;
      const n = b.maxY[i]!;
      if (w < west) west = w;
      if (e > east) east = e;
      if (s < south) south = s;
      if (n > north) north = n;
      sumX += e - w;
      sumY += n - s;
    }
  }
  return sumX / (east - west) > 4 * (sumY / (north - south));
}

/** The same boxes with x and y swapped (no copy). */
function transposedBoxes(b: Boxes): Boxes {
  return { minX: b.minY, minY: b.minX, maxX: b.maxY, maxY: b.maxX };
}

function crossOverlapAlongX(first: Boxes, second: Boxes, visit: (a: number, b: number) => void): void {
  const orderA = byWest(first);
  const orderB = byWest(second);
  const open = { a: new Int32Array(orderA.length), b: new Int32Array(orderB.length), countA: 0, countB: 0 };
  // One box enters the sweep: it meets the open boxes of the other set that
  // still reach its west edge (the rest are closed for good), then opens.
  const enter = (box: number, own: Boxes, other: Boxes, otherOpen: Int32Array, otherCount: number, boxIsA: boolean): number => {
    const x = own.minX[box]!;
    const s = own.minY[box]!;
    const n = own.maxY[box]!;
    for (let k = 0; k < otherCount; ) {
      const j = otherOpen[k]!;
      if (other.maxX[j]! < x) {
        otherOpen[k] = otherOpen[--otherCount]!;
        continue;
      }
      if (other.minY[j]! <= n && other.maxY[j]! >= s) {
        if (boxIsA) visit(box, j);
        else visit(j, box);
      }
      k += 1;
    }
    return otherCount;
  };
  let ia = 0;
  let ib = 0;
  while (ia < orderA.length || ib < orderB.length) {
    if (ib >= orderB.length || (ia < orderA.length && first.minX[orderA[ia]!]! <= second.minX[orderB[ib]!]!)) {
      const a = orderA[ia++]!;
      open.countB = enter(a, first, second, open.b, open.countB, true);
      open.a[open.countA++] = a;
    } else {
      const b = orderB[ib++]!;
      open.countA = enter(b, second, first, open.a, open.countA, false);
      open.b[open.countB++] = b;
    }
  }
}
