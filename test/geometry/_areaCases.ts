/**
 * Random polygons for areaKm2's property tests against independent oracles
 * (area-oracles.test.ts: quadrature and GeographicLib; the referee's
 * area.referee.test.ts: PROJ). Star-shaped shells, 0–2 holes inside them,
 * from 1e-5° to `maxSize` degrees across, anywhere from pole to pole and
 * from −180° to 180° without crossing the antimeridian; a quarter of them
 * centred exactly on a boundary of areaKm2's 0.5° latitude bands, where a
 * ring's edges read two rows of its table.
 */
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';

/** One generated case: the polygon and its size in degrees. */
export interface AreaCase {
  polygon: Polygon;
  size: number;
}

/** A star-shaped ring of radii.length vertices around (cx, cy), closed, counterclockwise. */
export function star(cx: number, cy: number, radii: readonly number[], turn: number): Position[] {
  const ring: Position[] = radii.map((r, i) => {
    const t = turn + (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
  ring.push([...ring[0]!]);
  return ring;
}

/** Random polygons up to `maxSize` degrees across (largest radius), with 0–2 holes, within `maxLat` of the equator. */
export function areaCases(maxSize: number, maxLat = 90): fc.Arbitrary<AreaCase> {
  return fc
    .record({
      exponent: fc.double({ min: -5, max: Math.log10(maxSize), noNaN: true }),
      lat: fc.double({ min: -1, max: 1, noNaN: true }),
      lon: fc.double({ min: -1, max: 1, noNaN: true }),
      onBandEdge: fc.integer({ min: 0, max: 3 }).map((k) => k === 0),
      radii: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 12 }),
      turn: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      holes: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ exponent, lat, lon, onBandEdge, radii, turn, holes }) => {
      const size = 10 ** exponent;
      const reach = maxLat - size;
      let cy = lat * reach;
      if (onBandEdge) cy = Math.max(-reach, Math.min(reach, Math.round(cy * 2) / 2));
      const cx = lon * (180 - size);
      const scaled = radii.map((r) => r * size);
      const inner = Math.min(...scaled);
      const rings: Position[][] = [star(cx, cy, scaled, turn)];
      // Holes within half the shell's smallest radius, which the star's edges never come closer than.
      if (holes === 1) rings.push(star(cx, cy, radii.map(() => inner / 3), turn + 0.2).reverse());
      if (holes === 2) {
        rings.push(star(cx + inner / 4, cy, [inner / 8, inner / 9, inner / 8, inner / 10], 0.1).reverse());
        rings.push(star(cx - inner / 4, cy, [inner / 9, inner / 8, inner / 10], 0.3).reverse());
      }
      return { polygon: { type: 'Polygon', coordinates: rings }, size };
    });
}
