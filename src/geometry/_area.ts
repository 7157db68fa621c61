/**
 * The exact area of a lon/lat-straight ring on the WGS84 ellipsoid.
 *
 * Why this method: SPEC's edge model makes every edge a straight line in
 * longitude/latitude, so latitude φ is linear in longitude λ along an edge.
 * Mapping the ellipsoid to its authalic (equal-area) sphere, the area of a
 * ring is `(a²/2) |∮ q(φ) dλ|`, where `q` is Snyder's authalic function
 * (`R_q² sin ξ = a² q / 2`). Along one edge that integral is
 * `Δλ · mean(q over the edge)`, and the mean is
 * `(G(cos φ₂) − G(cos φ₁)) / (φ₂ − φ₁)` for an antiderivative `G`, which is
 * an odd polynomial in cos φ once `q` is expanded in powers of e² (ten terms
 * reach 1e-22). Both differences are taken in divided-difference form, so a
 * nearly flat edge (Δφ → 0) loses nothing. Each ring is integrated relative
 * to its first vertex (`q − q₀`; `∮ dλ = 0` makes that free), which keeps a
 * small polygon far from the equator from drowning in cancellation.
 *
 * @module
 */
import type { Position } from 'geojson';

/** WGS84 semi-major axis, metres. */
export const WGS84_A = 6378137;
/** WGS84 flattening. */
export const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const TERMS = 10;
const DEG = Math.PI / 180;

// q(φ) = Σ_k B[k] sin^(2k+1) φ, from expanding s/(1−e²s²) and atanh(e s)/e.
const B: number[] = [];
for (let k = 0; k < TERMS; k += 1) B.push((1 - E2) * E2 ** k * (2 * k + 2) / (2 * k + 1));

// G(c) = Σ_j GC[j] c^(2j+1), with dG(cos φ)/dφ = q(φ):
// ∫ sin^(2k+1) φ dφ = −∫ (1 − c²)^k dc.
const GC: number[] = [];
for (let j = 0; j < TERMS; j += 1) {
  let sum = 0;
  for (let k = TERMS - 1; k >= j; k -= 1) sum += B[k]! * binomial(k, j);
  GC.push((-sum * (j % 2 === 0 ? 1 : -1)) / (2 * j + 1));
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return result;
}

/** (G(C2) − G(C1)) / (C2 − C1), by complete homogeneous sums: no division. */
function dividedG(C1: number, C2: number): number {
  // h_m = Σ_{i=0..m} C1^i C2^(m−i); the odd power c^(2j+1) needs h_{2j}.
  let h = 1;
  let c2pow = 1;
  let sum = GC[0]!;
  for (let j = 1; j < TERMS; j += 1) {
    // two steps of m per j (m = 2j − 1, then m = 2j), integer indices only
    c2pow *= C2;
    h = C1 * h + c2pow;
    c2pow *= C2;
    h = C1 * h + c2pow;
    sum += GC[j]! * h;
  }
  return sum;
}

/** sin(x)/x, stable at 0. */
function sinc(x: number): number {
  if (Math.abs(x) < 1e-4) return 1 - (x * x) / 6;
  return Math.sin(x) / x;
}

// The short-edge path. Along an edge φ is linear in λ, so the mean of q over
// the edge is its mean over φ ∈ [φm − h/2, φm + h/2], whose Taylor series
// about the midpoint is q(φm) + q⁽²⁾(φm)·h²/24 + q⁽⁴⁾(φm)·h⁴/1920 + …; the
// next term, q⁽⁶⁾·h⁶/322560, is below 1e-19 for |h| ≤ SHORT_EDGE. q and its
// even derivatives are odd polynomials in s = sin φm (D² s^n =
// n(n−1) s^(n−2) − n² s^n), so a short edge costs one sine and three short
// polynomials, with no cancellation as h → 0 (the exact path needs a cosine
// per vertex, a sinc and a 19-term divided difference per edge). The series
// are cut where the first term left out is below 1e-17 absolute at the
// largest h: 8 terms of q (e¹⁶ ≈ 3e-18), 6 of q⁽²⁾ (times h²/24 ≤ 1.1e-6),
// 4 of q⁽⁴⁾ (times h⁴/1920 ≤ 3.3e-13). Longer edges take the exact path.
const SHORT_EDGE = 0.005; // radians of latitude, about 0.29°
const Q0 = B.slice(0, 8); // q      = Σ Q0[k] s^(2k+1)
const Q2 = secondDerivative(Q0); // q⁽²⁾ = Σ Q2[k] s^(2k+1)
const Q4 = secondDerivative(Q2); // q⁽⁴⁾ = Σ Q4[k] s^(2k+1)
// Unrolled below: the constants as plain numbers keep the hot loop free of array loads.
const [A0, A1, A2, A3, A4, A5, A6, A7] = Q0 as [number, number, number, number, number, number, number, number];
const [B0, B1, B2, B3, B4, B5] = Q2 as [number, number, number, number, number, number];
const [C0, C1, C2, C3] = Q4 as [number, number, number, number];

/** D² (in φ) of Σ from[k] s^(2k+1), in the same basis (the degree never grows). */
function secondDerivative(from: readonly number[]): number[] {
  const to = from.map(() => 0);
  from.forEach((coefficient, k) => {
    const n = 2 * k + 1;
    to[k] = to[k]! - n * n * coefficient;
    if (k > 0) to[k - 1] = to[k - 1]! + n * (n - 1) * coefficient;
  });
  return to;
}

/** q(φ) from sin φ, by the short-edge series (so that q₀ and the edge means agree term for term). */
function shortQ(s: number): number {
  const s2 = s * s;
  return s * (A0 + s2 * (A1 + s2 * (A2 + s2 * (A3 + s2 * (A4 + s2 * (A5 + s2 * (A6 + s2 * A7)))))));
}

/**
 * The mean of q over a lon/lat-straight edge from latitude φA to φB
 * (radians) longer than SHORT_EDGE; the short-edge series is written out in
 * the two loops below (a call there would not be inlined).
 */
function longEdgeMeanQ(phiA: number, phiB: number): number {
  // (cos φB − cos φA)/(φB − φA) = −sin(φ_mid) · sinc(Δφ/2), stable as Δφ → 0.
  const slope = -Math.sin((phiA + phiB) / 2) * sinc((phiB - phiA) / 2);
  return dividedG(Math.cos(phiA), Math.cos(phiB)) * slope;
}

/**
 * The signed integral `∮ (q − q₀) dλ` of a ring (radians). Negative for a
 * ring that runs counterclockwise in lon/lat. Closing edge included whether
 * or not the ring repeats its first position. Reads the ring as given: the
 * caller has checked it.
 */
export function ringIntegral(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0]!;
  const lon0 = first[0]!;
  const phi0 = first[1]! * DEG;
  const q0 = shortQ(Math.sin(phi0));
  let sum = 0;
  let compensation = 0;
  let lonA = 0;
  let phiA = phi0;
  for (let i = 1; i <= n; i += 1) {
    const point = i < n ? ring[i]! : first;
    const lonB = point[0]! - lon0;
    const phiB = point[1]! * DEG;
    const dLambda = (lonB - lonA) * DEG;
    if (dLambda !== 0) {
      const h = phiB - phiA;
      let meanQ: number;
      if (h <= SHORT_EDGE && h >= -SHORT_EDGE) {
        const s = Math.sin((phiA + phiB) / 2);
        const s2 = s * s;
        // Estrin's scheme: short dependency chains (the loop is latency-bound).
        const s4 = s2 * s2;
        const s8 = s4 * s4;
        const hh = h * h;
        const q = (A0 + A1 * s2) + s4 * (A2 + A3 * s2) + s8 * ((A4 + A5 * s2) + s4 * (A6 + A7 * s2));
        const q2 = (B0 + B1 * s2) + s4 * (B2 + B3 * s2) + s8 * (B4 + B5 * s2);
        const q4 = (C0 + C1 * s2) + s4 * (C2 + C3 * s2);
        meanQ = s * (q + (hh / 24) * (q2 + (hh / 80) * q4));
      } else meanQ = longEdgeMeanQ(phiA, phiB);
      const term = dLambda * (meanQ - q0);
      // Compensated (TwoSum) summation: edges of a large ring add and cancel.
      const total = sum + term;
      const virtual = total - sum;
      compensation += (sum - (total - virtual)) + (term - virtual);
      sum = total;
    }
    lonA = lonB;
    phiA = phiB;
  }
  return sum + compensation;
}

/**
 * The same integral as {@link ringIntegral}, bit for bit, read in the same
 * pass that checks the ring: every position a pair of numbers within
 * lon [−180, 180], lat [−90, 90], no edge longer than 180° of longitude, and
 * the ring closed with at least four positions. Writes the ring's bounding
 * box into `box` as [west, south, east, north]. Returns NaN when any check
 * fails; the caller then runs the full checks, which say what is wrong
 * (or accept what this fast pass does not: a ring shorter than four
 * positions, an edge along ±180°).
 */
export function checkedRingIntegral(ring: readonly Position[], box: Float64Array): number {
  const n = ring.length;
  if (n < 4) return Number.NaN;
  // Array.isArray, not optional chaining: `p?.[0]` makes this loop three times slower in V8.
  const first = ring[0];
  const last = ring[n - 1];
  if (!Array.isArray(first) || !Array.isArray(last)) return Number.NaN;
  const lon0 = first[0];
  const lat0 = first[1];
  if (typeof lon0 !== 'number' || typeof lat0 !== 'number' || last[0] !== lon0 || last[1] !== lat0) return Number.NaN;
  if (!(lon0 >= -180 && lon0 <= 180 && lat0 >= -90 && lat0 <= 90)) return Number.NaN;
  let west = lon0;
  let east = lon0;
  let south = lat0;
  let north = lat0;
  const phi0 = lat0 * DEG;
  const q0 = shortQ(Math.sin(phi0));
  let sum = 0;
  let compensation = 0;
  let lonA = 0;
  let phiA = phi0;
  let lonPrevious = lon0;
  // The ring is closed, so its last edge ends at `first`: ringIntegral's
  // closing edge from the repeated first position to itself adds nothing.
  for (let i = 1; i < n; i += 1) {
    const point = ring[i];
    if (!Array.isArray(point)) return Number.NaN;
    const lon: unknown = point[0];
    const lat: unknown = point[1];
    // A NaN latitude could hide behind edges of zero Δλ, so it is caught here;
    // a NaN longitude makes the integral NaN, which the caller also refuses.
    // Range: from the box after the loop.
    if (typeof lon !== 'number' || typeof lat !== 'number' || lat !== lat) return Number.NaN;
    const step = lon - lonPrevious;
    if (step > 180 || step < -180) return Number.NaN;
    lonPrevious = lon;
    if (lon < west) west = lon;
    else if (lon > east) east = lon;
    if (lat < south) south = lat;
    else if (lat > north) north = lat;
    const lonB = lon - lon0;
    const phiB = lat * DEG;
    const dLambda = (lonB - lonA) * DEG;
    if (dLambda !== 0) {
      const h = phiB - phiA;
      let meanQ: number;
      if (h <= SHORT_EDGE && h >= -SHORT_EDGE) {
        const s = Math.sin((phiA + phiB) / 2);
        const s2 = s * s;
        // Estrin's scheme: short dependency chains (the loop is latency-bound).
        const s4 = s2 * s2;
        const s8 = s4 * s4;
        const hh = h * h;
        const q = (A0 + A1 * s2) + s4 * (A2 + A3 * s2) + s8 * ((A4 + A5 * s2) + s4 * (A6 + A7 * s2));
        const q2 = (B0 + B1 * s2) + s4 * (B2 + B3 * s2) + s8 * (B4 + B5 * s2);
        const q4 = (C0 + C1 * s2) + s4 * (C2 + C3 * s2);
        meanQ = s * (q + (hh / 24) * (q2 + (hh / 80) * q4));
      } else meanQ = longEdgeMeanQ(phiA, phiB);
      const term = dLambda * (meanQ - q0);
      // Compensated (TwoSum) summation: edges of a large ring add and cancel.
      const total = sum + term;
      const virtual = total - sum;
      compensation += (sum - (total - virtual)) + (term - virtual);
      sum = total;
    }
    lonA = lonB;
    phiA = phiB;
  }
  if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90)) return Number.NaN;
  box[0] = west;
  box[1] = south;
  box[2] = east;
  box[3] = north;
  return sum + compensation;
}

/** The unsigned area of a ring in m². */
export function ringAreaM2(ring: readonly Position[]): number {
  return (WGS84_A * WGS84_A / 2) * Math.abs(ringIntegral(ring));
}

/** Area of a polygon in m²: outer ring positive, holes negative, whatever their winding. */
export function polygonAreaM2(rings: readonly (readonly Position[])[]): number {
  let area = 0;
  rings.forEach((ring, index) => {
    const ringArea = ringAreaM2(ring);
    area += index === 0 ? ringArea : -ringArea;
  });
  return area;
}
