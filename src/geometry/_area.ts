/**
 * The exact area of a lon/lat-straight ring on the WGS84 ellipsoid.
 *
 * Why this method: SPEC's edge model makes every edge a straight line in
 * longitude/latitude, so latitude φ is linear in longitude λ along an edge.
 * Mapping the ellipsoid to its authalic (equal-area) sphere, the area of a
 * ring is `(a²/2) |∮ q(φ) dλ|`, where `q` is Snyder's authalic function
 * (`R_q² sin ξ = a² q / 2`). Along one edge that integral is
 * `Δλ · mean(q over the edge)`. Each ring is integrated relative to its
 * first vertex (`q − q₀`; `∮ dλ = 0` makes that free), which keeps a small
 * polygon far from the equator from drowning in cancellation.
 *
 * Two ways to the mean of q over an edge, one loop ({@link ringIntegral}):
 *
 * - **Short edges** (|Δφ| ≤ 0.25°, every edge of real boundary data): a
 *   table. Latitude is cut into 360 bands of 0.5°; for each band the table
 *   holds q's Taylor polynomial about the band's centre, to degree 6 in
 *   `u = φ − centre` (degrees). The edge's mean is the polynomial's exact
 *   mean over the edge, `P(u_m) + P''(u_m)·h²/24 + P''''(u_m)·h⁴/1920` at
 *   the midpoint `u_m` (the h⁶ term, below 3e-19, is left out). No sine, no
 *   cosine: a short edge costs three short polynomials. The band is the
 *   midpoint's, so |u| ≤ 0.375° at either end, where the Taylor remainder
 *   is below `R⁷/7! · Σ|B_m|(2m+1)⁷ ≈ 2.7e-18` (`|dⁿ sinᵖ φ/dφⁿ| ≤ pⁿ`).
 *   `u` is taken as `(φA − centre) + (φB − centre)` in degrees, exact for
 *   each difference (Sterbenz), so the midpoint carries no rounding of
 *   `φ·π/180`. Between bands the constants are differences of q held as
 *   double-doubles (see `table`), so no rounding of q is shared by the
 *   edges of a band; within the first vertex's band they cancel exactly.
 * - **Long edges** (a few drawn shapes, never real borders): exact. The
 *   mean is `(G(cos φ₂) − G(cos φ₁)) / (φ₂ − φ₁)` for an antiderivative
 *   `G`, an odd polynomial in cos φ once `q` is expanded in powers of e²
 *   (ten terms reach 1e-22), both differences in divided-difference form,
 *   so a nearly flat edge loses nothing.
 *
 * Error bound: each short edge's mean of `q − q₀` is within 3e-18
 * (truncation) plus about 2 ulp of its polynomial parts (rounding; those
 * parts are at most ~0.02) of the exact value, so a ring's integral is
 * within `3e-18 · Σ|Δλ|` plus that rounding and the rounding of a
 * compensated sum of its terms; in m² the first is `(a²/2)·3e-18 ≈ 6e-5
 * m²` per radian of longitude travelled, and the whole under 1e-12 of the
 * area of any polygon larger than a few square metres (measured against an
 * independent quadrature: test/geometry/area-oracles.test.ts). A long
 * edge's mean is absolute (q ≈ 1), so its rounding is ~2e-16.
 *
 * Measured in `bench/area.bench.ts`: on DeepState's rings this is 1.5–2×
 * `@turf/area`'s spherical sum (one sine per vertex); the rest of the time
 * is reading and checking each position, the compensated sum and the hole
 * test's pass over a shell.
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

// q(φ) = Σ_m B[m] sin^(2m+1) φ, from expanding s/(1−e²s²) and atanh(e s)/e.
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

/**
 * Σ_j coef[j] · h_2j(x1, x2), the divided difference of the odd series
 * Σ_j coef[j] · x^(2j+1) between x1 and x2 ((f(x2) − f(x1)) / (x2 − x1)),
 * by complete homogeneous sums h_m = Σ_{i=0..m} x1^i x2^(m−i): no division.
 */
function oddDividedSum(coef: readonly number[], x1: number, x2: number): number {
  let h = 1;
  let power = 1;
  let sum = coef[0]!;
  for (let j = 1; j < TERMS; j += 1) {
    // two steps of m per j (m = 2j − 1, then m = 2j), integer indices only
    power *= x2;
    h = x1 * h + power;
    power *= x2;
    h = x1 * h + power;
    sum += coef[j]! * h;
  }
  return sum;
}

/** sin(x)/x, stable at 0. */
function sinc(x: number): number {
  if (Math.abs(x) < 1e-4) return 1 - (x * x) / 6;
  return Math.sin(x) / x;
}

/** The exact mean of q over a lon/lat-straight edge from latitude φA to φB (radians). */
function exactMeanQ(phiA: number, phiB: number): number {
  // (cos φB − cos φA)/(φB − φA) = −sin(φ_mid) · sinc(Δφ/2), stable as Δφ → 0.
  const slope = -Math.sin((phiA + phiB) / 2) * sinc((phiB - phiA) / 2);
  return oddDividedSum(GC, Math.cos(phiA), Math.cos(phiB)) * slope;
}

/** Width of a latitude band of the table, degrees. */
const BAND = 0.5;
/** Number of bands from −90° to 90°. */
const BANDS = 180 / BAND;
/** Longest edge, in degrees of latitude, that takes the table. */
const SHORT_EDGE = 0.25;
/** Taylor degree of the table's polynomials. */
const DEGREE = 6;
/** Numbers per band: S (high part), a1…a6, then P''/24 (5), then P''''/1920 (3), S (low part). */
const STRIDE = 16;

/**
 * One row per band: `S`, q at the band's centre less q at the lowest
 * band's centre, as a double-double (row[0] + row[15]); the Taylor
 * coefficients a1…a6 of q − q(centre) in u = φ − centre (degrees); the
 * coefficients of P''(u)/24 and of P''''(u)/1920, the mean's h² and h⁴
 * terms. Only differences of `S` enter a ring's integral, and they carry
 * no rounding of q itself: each step between neighbouring centres is
 * computed in divided-difference form (relative error ~1e-16 of a step of
 * at most 0.0175), and the steps are summed with TwoSum. The centre is `centreDeg · DEG` as a real
 * number; its rounding to a double (`δ`, recovered by an exact product)
 * is added to `S` as q'·δ, so that no band is displaced against another.
 * Built on first use (about 0.2 ms), by power-series arithmetic on
 * sin(centre + t) = s·cos t + c·sin t.
 */
let table: Float64Array | undefined;
/** q at each band's centre, plain doubles: q₀ for a ring's long edges, whose exact mean is absolute. */
let centreQ: Float64Array | undefined;

/** The rounding error of the product `a · b` (Dekker's two-product, without FMA). */
function productError(a: number, b: number): number {
  const split = (x: number): [number, number] => {
    const c = 134217729 * x;
    const high = c - (c - x);
    return [high, x - high];
  };
  const product = a * b;
  const [aHigh, aLow] = split(a);
  const [bHigh, bLow] = split(b);
  return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
}

function buildTable(): Float64Array {
  const rows = new Float64Array(BANDS * STRIDE);
  const absolute = new Float64Array(BANDS);
  const n = DEGREE + 1;
  const multiply = (x: readonly number[], y: readonly number[]): number[] => {
    const out = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) for (let j = 0; i + j < n; j += 1) out[i + j]! += x[i]! * y[j]!;
    return out;
  };
  let high = 0;
  let low = 0;
  let previous = Number.NaN;
  for (let band = 0; band < BANDS; band += 1) {
    const centreDeg = band * BAND - 89.75;
    const centre = centreDeg * DEG;
    const delta = productError(centreDeg, DEG);
    if (band > 0) {
      // S += q(centre) − q(previous centre), by TwoSum. The step is taken in
      // divided-difference form: sin^(2m+1) B − sin^(2m+1) A = (sB − sA)·h_2m(sA, sB),
      // with sB − sA = 2 cos(mid) sin(Δ/2), so it is exact to its own last bits.
      const sum = oddDividedSum(B, Math.sin(previous), Math.sin(centre));
      const step = 2 * Math.cos((previous + centre) / 2) * Math.sin((centre - previous) / 2) * sum;
      const total = high + step;
      const virtual = total - high;
      low += (high - (total - virtual)) + (step - virtual);
      high = total;
    }
    previous = centre;
    const s = Math.sin(centre);
    const c = Math.cos(centre);
    // sin(centre + t) = Σ S[k] t^k: s, c, −s/2, −c/6, s/24, …
    const S: number[] = [];
    let factorial = 1;
    for (let k = 0; k < n; k += 1) {
      if (k > 0) factorial *= k;
      S.push([s, c, -s, -c][k % 4]! / factorial);
    }
    const S2 = multiply(S, S);
    let power = S;
    const Q = new Array<number>(n).fill(0);
    for (let m = 0; m < TERMS; m += 1) {
      for (let k = 0; k < n; k += 1) Q[k]! += B[m]! * power[k]!;
      power = multiply(power, S2);
    }
    // to degrees: a_k (per degree^k) = Q[k] · DEG^k
    const a = Q.map((q, k) => q * DEG ** k);
    const row = band * STRIDE;
    rows[row] = high;
    rows[row + 15] = low + Q[1]! * delta;
    absolute[band] = Q[0]! + Q[1]! * delta;
    for (let k = 1; k <= DEGREE; k += 1) rows[row + k] = a[k]!;
    for (let k = 0; k + 2 <= DEGREE; k += 1) rows[row + 7 + k] = ((k + 2) * (k + 1) * a[k + 2]!) / 24;
    for (let k = 0; k + 4 <= DEGREE; k += 1) rows[row + 12 + k] = ((k + 4) * (k + 3) * (k + 2) * (k + 1) * a[k + 4]!) / 1920;
  }
  centreQ = absolute;
  return rows;
}

/** The band of `φA + φB + 180` (degrees), clamped so that out-of-range input reads a row (and is refused later). */
function bandOf(key: number): number {
  const band = Math.floor(key);
  return band < 0 ? 0 : band >= BANDS ? BANDS - 1 : band;
}

/**
 * What {@link ringIntegral} learns of a ring while it integrates it:
 * `[west, south, east, north, long]`, where `long` is 1 when some edge
 * spans more than 180° of longitude, else 0.
 */
export type RingScan = Float64Array;

/** A scan buffer for callers that do not read it. */
const ignored: RingScan = new Float64Array(5);

/**
 * The signed integral `∮ (q − q₀) dλ` of a ring (λ in radians): the one
 * place the ellipsoidal area is computed. Negative for a ring that runs
 * counterclockwise in lon/lat. The closing edge is included whether or not
 * the ring repeats its first position.
 *
 * Reads every position once, and notes in `scan` its bounding box and
 * whether an edge spans more than 180° of longitude. Returns NaN when a
 * position is not a pair of numbers, or a latitude is NaN (it could hide
 * behind edges with no Δλ); a NaN or infinite longitude makes the integral
 * NaN or infinite by itself. Ranges are not checked here: the scan's box
 * tells the caller.
 */
export function ringIntegral(ring: readonly Position[], scan: RingScan = ignored): number {
  const rows = table ?? (table = buildTable());
  const n = ring.length;
  const first = ring[0];
  // Array.isArray, not optional chaining: `p?.[0]` makes this loop three times slower in V8.
  if (!Array.isArray(first)) return n === 0 ? 0 : Number.NaN;
  const lon0: unknown = first[0];
  const lat0: unknown = first[1];
  if (typeof lon0 !== 'number' || typeof lat0 !== 'number' || lat0 !== lat0) return Number.NaN;
  let west = lon0;
  let east = lon0;
  let south = lat0;
  let north = lat0;
  let long = 0;
  // q₀, split as the band's S (double-double) plus the small polynomial part p0.
  const band0 = bandOf(lat0 + lat0 + 180);
  const row0 = band0 * STRIDE;
  const u0 = lat0 - (band0 * BAND - 89.75);
  const S0 = rows[row0]!;
  const S0low = rows[row0 + 15]!;
  const p0 = u0 * (rows[row0 + 1]! + u0 * (rows[row0 + 2]! + u0 * (rows[row0 + 3]! + u0 * (rows[row0 + 4]! + u0 * (rows[row0 + 5]! + u0 * rows[row0 + 6]!)))));
  let sum = 0;
  let compensation = 0;
  let lonA = lon0;
  let latA = lat0;
  // The current band's row, held in locals: consecutive edges nearly always
  // share a band, and loads from the table cost more than the arithmetic.
  // The band covers the keys φA + φB + 180 in [low, low + 1).
  let low = Number.NaN;
  let centre = 0;
  let base = 0;
  let k1 = 0, k2 = 0, k3 = 0, k4 = 0, k5 = 0, k6 = 0;
  let m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  let n0 = 0, n1 = 0, n2 = 0;
  for (let i = 1; i <= n; i += 1) {
    let lonB: number;
    let latB: number;
    if (i < n) {
      const point = ring[i];
      if (!Array.isArray(point)) return Number.NaN;
      const lon: unknown = point[0];
      const lat: unknown = point[1];
      if (typeof lon !== 'number' || typeof lat !== 'number' || lat !== lat) return Number.NaN;
      if (lon < west) west = lon;
      else if (lon > east) east = lon;
      if (lat < south) south = lat;
      else if (lat > north) north = lat;
      lonB = lon;
      latB = lat;
    } else {
      // the closing edge, back to the first position (nothing when the ring repeats it)
      lonB = lon0;
      latB = lat0;
    }
    const dLon = lonB - lonA;
    if (dLon > 180 || dLon < -180) long = 1;
    if (dLon !== 0) {
      const h = latB - latA;
      let mean: number;
      if (h <= SHORT_EDGE && h >= -SHORT_EDGE) {
        // The band is floor(φA + φB + 180) of this very sum, so it never depends on the edges before.
        const key = latA + latB + 180;
        if (!(key >= low && key < low + 1)) {
          const band = bandOf(key);
          low = band === Math.floor(key) ? band : Number.NaN;
          centre = band * BAND - 89.75;
          const row = band * STRIDE;
          // S − S0: exact in the high parts when the bands are near, to ~1e-32 with the low parts
          base = (rows[row]! - S0) + (rows[row + 15]! - S0low);
          k1 = rows[row + 1]!; k2 = rows[row + 2]!; k3 = rows[row + 3]!; k4 = rows[row + 4]!; k5 = rows[row + 5]!; k6 = rows[row + 6]!;
          m0 = rows[row + 7]!; m1 = rows[row + 8]!; m2 = rows[row + 9]!; m3 = rows[row + 10]!; m4 = rows[row + 11]!;
          n0 = rows[row + 12]!; n1 = rows[row + 13]!; n2 = rows[row + 14]!;
        }
        const u = ((latA - centre) + (latB - centre)) * 0.5;
        const hh = h * h;
        const u2 = u * u;
        const u4 = u2 * u2;
        // Estrin's scheme: short dependency chains (the loop is latency-bound).
        const p = u * ((k1 + u * k2) + u2 * (k3 + u * k4) + u4 * (k5 + u * k6));
        const p2 = (m0 + u * m1) + u2 * (m2 + u * m3) + u4 * m4;
        const p4 = n0 + u * n1 + u2 * n2;
        mean = base + ((p - p0) + hh * (p2 + hh * p4));
      } else mean = exactMeanQ(latA * DEG, latB * DEG) - (centreQ![band0]! + p0);
      const term = dLon * mean;
      // Compensated (TwoSum) summation: edges of a large ring add and cancel.
      const total = sum + term;
      const virtual = total - sum;
      compensation += (sum - (total - virtual)) + (term - virtual);
      sum = total;
    }
    lonA = lonB;
    latA = latB;
  }
  scan[0] = west;
  scan[1] = south;
  scan[2] = east;
  scan[3] = north;
  scan[4] = long;
  return (sum + compensation) * DEG;
}

/**
 * {@link ringIntegral} of a ring that passes, in the same pass, every
 * check `checkPolygonRings` makes of one ring: every position a pair of
 * numbers within lon [−180, 180], lat [−90, 90], no edge longer than 180°
 * of longitude, and the ring closed with at least four positions. Writes
 * the ring's box into `scan`. Returns NaN when any check fails; the
 * caller then runs the full checks, which say what is wrong (or accept
 * what this pass does not: a ring shorter than four positions, an edge
 * along ±180°).
 */
export function checkedRingIntegral(ring: readonly Position[], scan: RingScan): number {
  const n = ring.length;
  if (n < 4) return Number.NaN;
  const first = ring[0];
  const last = ring[n - 1];
  if (!Array.isArray(first) || !Array.isArray(last) || last[0] !== first[0] || last[1] !== first[1]) return Number.NaN;
  const integral = ringIntegral(ring, scan);
  if (scan[4] !== 0 || !(scan[0]! >= -180 && scan[2]! <= 180 && scan[1]! >= -90 && scan[3]! <= 90)) return Number.NaN;
  return integral;
}

/** The unsigned area of a ring in m². */
export function ringAreaM2(ring: readonly Position[]): number {
  return (WGS84_A * WGS84_A / 2) * Math.abs(ringIntegral(ring));
}

/** Area of a polygon in m²: outer ring positive, holes negative, whatever their winding. */
export function polygonAreaM2(rings: readonly (readonly Position[])[]): number {
  let area = 0;
  for (let index = 0; index < rings.length; index += 1) {
    const ringArea = ringAreaM2(rings[index]!);
    area += index === 0 ? ringArea : -ringArea;
  }
  return area;
}
