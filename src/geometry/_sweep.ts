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

/** Up to this many boxes, {@link byWest} sorts with a comparator (cheaper than the radix passes). */
const COMPARATOR_SORT = 256;

/** Whether this platform stores numbers little-endian (every platform Node runs on today). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The boxes' indices sorted by west edge, ties in index order: the order a
 * stable comparator sort gives, computed as a least-significant-digit radix
 * sort of the keys' IEEE 754 bits (turned so that unsigned order is numeric
 * order), 16 bits a pass, a pass skipped when all keys share its digit. A
 * comparator sort of a million indices spent more time than the sweep.
 */
export function byWest(b: Boxes): Uint32Array {
  const n = b.minX.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  const west = b.minX;
  if (n <= COMPARATOR_SORT || !LITTLE_ENDIAN) return order.sort((i, j) => west[i]! - west[j]!);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) keys[i] = west[i]! + 0; // -0 becomes +0, which the comparator calls equal
  const words = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i += 1) {
    const hi = words[2 * i + 1]!;
    if (hi >= 0x80000000) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~words[2 * i]! >>> 0;
    } else words[2 * i + 1] = hi | 0x80000000;
  }
  let from = order;
  let to = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass += 1) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i += 1) count[(words[2 * i + word]! >>> shift) & 0xffff]! += 1;
    if (count[(words[word]! >>> shift) & 0xffff] === n) continue; // one digit for all: nothing to order
    let sum = 0;
    for (let d = 0; d < 65536; d += 1) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k += 1) {
      const i = from[k]!;
      to[count[(words[2 * i + word]! >>> shift) & 0xffff]!++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Calls `visit(i, j)` once for every pair of boxes that overlap (borders
 * included), i ≠ j, in no set order; stops and returns true as soon as
 * `visit` returns true.
 */
export function someOverlap(b: Boxes, visit: (i: number, j: number) => boolean): boolean {
  const order = byWest(b);
  const open = new Int32Array(order.length);
  let count = 0;
  const { minX, minY, maxX, maxY } = b;
  for (const i of order) {
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
 * Calls `visit(a, b)` once for every box `a` of `first` that overlaps a box
 * `b` of `second` (borders included).
 */
export function crossOverlap(first: Boxes, second: Boxes, visit: (a: number, b: number) => void): void {
  const orderA = byWest(first);
  const orderB = byWest(second);
  const openA = new Int32Array(orderA.length);
  const openB = new Int32Array(orderB.length);
  let countA = 0;
  let countB = 0;
  let ia = 0;
  let ib = 0;
  while (ia < orderA.length || ib < orderB.length) {
    const takeA = ib >= orderB.length || (ia < orderA.length && first.minX[orderA[ia]!]! <= second.minX[orderB[ib]!]!);
    if (takeA) {
      const a = orderA[ia++]!;
      const x = first.minX[a]!;
      const s = first.minY[a]!;
      const n = first.maxY[a]!;
      for (let k = 0; k < countB; ) {
        const b = openB[k]!;
        if (second.maxX[b]! < x) {
          openB[k] = openB[--countB]!;
          continue;
        }
        if (second.minY[b]! <= n && second.maxY[b]! >= s) visit(a, b);
        k += 1;
      }
      openA[countA++] = a;
    } else {
      const b = orderB[ib++]!;
      const x = second.minX[b]!;
      const s = second.minY[b]!;
      const n = second.maxY[b]!;
      for (let k = 0; k < countA; ) {
        const a = openA[k]!;
        if (first.maxX[a]! < x) {
          openA[k] = openA[--countA]!;
          continue;
        }
        if (first.minY[a]! <= n && first.maxY[a]! >= s) visit(a, b);
        k += 1;
      }
      openB[countB++] = b;
    }
  }
}
