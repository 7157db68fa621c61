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

/** Snyder's q(φ) from sin φ, by the same series the edge integral uses. */
function authalicQ(s: number): number {
  const s2 = s * s;
  let sum = 0;
  for (let k = TERMS - 1; k >= 0; k -= 1) sum = sum * s2 + B[k]!;
  return sum * s;
}

/** (G(c2) − G(c1)) / (c2 − c1), by complete homogeneous sums: no division. */
function dividedG(c1: number, c2: number): number {
  // h_m = Σ_{i=0..m} c1^i c2^(m−i); the odd power c^(2j+1) needs h_{2j}.
  let h = 1;
  let c2pow = 1;
  let sum = GC[0]!;
  for (let m = 1; m <= 2 * (TERMS - 1); m += 1) {
    c2pow *= c2;
    h = c1 * h + c2pow;
    if (m % 2 === 0) sum += GC[m / 2]! * h;
  }
  return sum;
}

/** sin(x)/x, stable at 0. */
function sinc(x: number): number {
  if (Math.abs(x) < 1e-4) return 1 - (x * x) / 6;
  return Math.sin(x) / x;
}

/**
 * The signed integral `∮ (q − q₀) dλ` of a ring (radians). Negative for a
 * ring that runs counterclockwise in lon/lat. Closing edge included whether
 * or not the ring repeats its first position.
 */
export function ringIntegral(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0]!;
  const lon0 = first[0]!;
  const phi0 = first[1]! * DEG;
  const q0 = authalicQ(Math.sin(phi0));
  let sum = 0;
  let compensation = 0;
  let lonA = 0;
  let phiA = phi0;
  let cosA = Math.cos(phi0);
  for (let i = 1; i <= n; i += 1) {
    const point = i < n ? ring[i]! : first;
    const lonB = point[0]! - lon0;
    const phiB = point[1]! * DEG;
    const cosB = Math.cos(phiB);
    const dLambda = (lonB - lonA) * DEG;
    if (dLambda !== 0) {
      const dPhi = phiB - phiA;
      // (cos φB − cos φA)/(φB − φA) = −sin(φ_mid) · sinc(Δφ/2), stable as Δφ → 0.
      const slope = -Math.sin((phiA + phiB) / 2) * sinc(dPhi / 2);
      const meanQ = dividedG(cosA, cosB) * slope;
      const term = dLambda * (meanQ - q0);
      // Neumaier summation: edges of a large ring add and cancel.
      const total = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - total + term : term - total + sum;
      sum = total;
    }
    lonA = lonB;
    phiA = phiB;
    cosA = cosB;
  }
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
