/**
 * The far-position warning of parseDataset: evidence more than 500 km from
 * every place and area of the dataset (a swapped [lat, lon]) is valid, and
 * warned about with its path.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geodesicDistance } from '../geometry/_geodesic.js';
import { FAR_POSITION_KM, farPositionWarnings, KM_PER_DEGREE_AT_MOST } from './_farPositions.js';
import { safeParseDataset } from './parse.js';
import type { Dataset } from './schema.js';

const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

function dataset(positions: [number, number][], extra: Record<string, unknown> = {}) {
  return {
    sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
    actors: [{ id: 'mod', name: 'Ministry', kind: 'ministry', side: 'RU' }],
    places: [{ id: 'town', name: 'Town', kind: 'settlement', geometry: rect(37.1, 48.2, 37.3, 48.35) }],
    claims: [{ id: 'held', claimant: 'mod', statedAt: '2025-12-01', area: 'town', status: 'controlled', side: 'RU', basis: 'claimed' }],
    evidence: positions.map((coordinates, i) => ({ id: `e${i}`, kind: 'drone-video', capturedAt: '2025-12-01', position: { coordinates }, shows: [{ kind: 'presence', side: 'UA' }] })),
    ...extra,
  };
}
const far = (input: unknown) => {
  const result = safeParseDataset(input);
  if (!result.success) throw result.error;
  return (result.warnings ?? []).filter((w) => w.code === 'far-position');
};

describe('parseDataset: evidence far from everything else', () => {
  it('a swapped [lat, lon] is a warning with its path, saying how to write it', () => {
    const warnings = far(dataset([[37.2, 48.3], [48.3, 37.2]]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toEqual(['evidence', 1, 'position', 'coordinates']);
    expect(warnings[0]!.message).toMatch(/^this position \[48\.3, 37\.2\] lies 1,\d{3} km from every place and area of the dataset/);
    expect(warnings[0]!.message).toContain('read as [lat, lon] it would lie inside that extent: GeoJSON order is [lon, lat], so write [37.2, 48.3]');
  });

  it('the distance is to the nearest side of the extent: 6° of latitude due north is about 668 km (111.3 km a degree there)', () => {
    const [warning] = far(dataset([[37.2, 54.35]]));
    const km = Number(/lies ([\d,]+) km/.exec(warning!.message)![1]!.replace(/,/g, ''));
    // A meridian degree between 48° and 54° N is 111.2–111.3 km (hand figure: 111,132.95 − 559.82·cos 2φ m).
    expect(km).toBeGreaterThanOrEqual(667);
    expect(km).toBeLessThanOrEqual(669);
    expect(warning!.message).toContain('check the coordinates');
  });

  it('400 km away, inside the extent, or with nothing to compare against: no warning', () => {
    expect(far(dataset([[37.2, 48.35 + 3.6]]))).toEqual([]); // about 400 km north
    expect(far(dataset([[37.2, 48.3]]))).toEqual([]);
    expect(far({ evidence: [{ id: 'e', kind: 'drone-video', capturedAt: '2025-12-01', position: { coordinates: [48.3, 37.2] }, shows: [{ kind: 'strike' }] }] })).toEqual([]);
  });

  it('inline areas of claims count towards the extent, not only places', () => {
    const input = dataset([[60, 48.3]]);
    expect(far(input)).toHaveLength(1);
    input.claims.push({ id: 'east', claimant: 'mod', statedAt: '2025-12-01', area: { geometry: rect(59, 48, 59.5, 48.5) }, status: 'controlled', side: 'RU', basis: 'claimed' } as never);
    expect(far(input)).toEqual([]);
  });

  it('any position within 400 km of the extent is never warned about; any beyond 600 km always is', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (angle, r) => {
        // A point whose lat/lon offset from the extent's centre reaches either well inside 400 km or well beyond 600 km.
        const near: [number, number] = [37.2 + Math.cos(angle) * r * 3, 48.275 + Math.sin(angle) * r * 3];
        expect(far(dataset([near]))).toEqual([]);
        const away: [number, number] = [37.2 + Math.cos(angle) * (12 + r * 20), 48.275 + Math.sin(angle) * (6.5 + r * 20)];
        if (Math.abs(away[1]) < 89 && Math.abs(away[0]) < 179) expect(far(dataset([away]))).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });

  it('the Pokrovsk example has no far position', () => {
    expect(far(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')))).toEqual([]);
  });
});

describe('far positions: the degree bound that spares the geodesic', () => {
  it('no two points are farther apart than 111.7 km per degree of longitude plus latitude between them (GeographicLib)', () => {
    // The extremes by hand: a meridian degree at the pole (111.694 km) and an equator degree (111.320 km).
    expect(geodesicDistance(0, 89, 0, 90) / 1000).toBeCloseTo(111.694, 2);
    expect(geodesicDistance(0, 0, 1, 0) / 1000).toBeCloseTo(111.32, 2);
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (x, y, dx, dy) => {
          const x2 = Math.max(-180, Math.min(180, x + dx));
          const y2 = Math.max(-90, Math.min(90, y + dy));
          const bound = KM_PER_DEGREE_AT_MOST * (Math.abs(x2 - x) + Math.abs(y2 - y)) * 1000;
          expect(geodesicDistance(x, y, x2, y2)).toBeLessThanOrEqual(bound + 1e-6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a position is warned about exactly when its geodesic distance to the extent is over 500 km, near the threshold too', () => {
    const box: [number, number, number, number] = [37.1, 48.2, 37.3, 48.35];
    fc.assert(
      fc.property(fc.double({ min: -12, max: 12, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (dx, dy) => {
        const at: [number, number] = [37.2 + dx, 48.275 + dy];
        const nearest: [number, number] = [Math.max(box[0], Math.min(box[2], at[0])), Math.max(box[1], Math.min(box[3], at[1]))];
        const expected = geodesicDistance(at[0], at[1], nearest[0], nearest[1]) > FAR_POSITION_KM * 1000;
        const dataset = { places: [{ geometry: rect(...box) }], evidence: [{ position: { coordinates: at } }] } as unknown as Dataset;
        expect(farPositionWarnings(dataset).length).toBe(expected ? 1 : 0);
      }),
      { numRuns: 1500 },
    );
  });
});
