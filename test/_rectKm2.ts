/**
 * The area of a lon/lat rectangle on the WGS84 ellipsoid in closed form, an
 * independent key for tests (its edges are meridians and parallels, so the
 * edge model does not matter): A = (b² Δλ / 2) · [q(φ)] from φ1 to φ2, with
 * q(φ) = sin φ / (1 − e² sin² φ) + (1 / 2e) · ln((1 + e sin φ) / (1 − e sin φ)).
 * It shares no code with the library's own integrator.
 */
const A = 6378137;
const F = 1 / 298.257223563;
const B = A * (1 - F);
const E = Math.sqrt(F * (2 - F));
const q = (phiDeg: number): number => {
  const s = Math.sin((phiDeg * Math.PI) / 180);
  return s / (1 - E * E * s * s) + (1 / (2 * E)) * Math.log((1 + E * s) / (1 - E * s));
};

/** km² of the rectangle west `w`, south `s`, east `e`, north `n` (degrees). */
export const rectKm2 = (w: number, s: number, e: number, n: number): number => ((B * B * ((e - w) * Math.PI)) / 180 / 2) * (q(n) - q(s)) / 1e6;
