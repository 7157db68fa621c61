import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import type { ControlMap } from '../control/types.js';
import { areaKm2 } from '../geometry/index.js';
import { controlByRegion } from '../regions/controlByRegion.js';
import { diffClaims } from './diffClaims.js';
import { thrown } from '../../test/_thrown.js';

const rect = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const region = (id: string, geometry: Polygon, side: string): ControlMap['features'][number] => ({
  type: 'Feature',
  id,
  geometry: { type: 'MultiPolygon', coordinates: [geometry.coordinates] },
  properties: { status: 'controlled', side, claims: [id], km2: areaKm2(geometry), title: '', description: '', fill: '#000000', 'fill-opacity': 1, stroke: '#000000', 'stroke-width': 1 },
});

// The issue's case: a frame of about 248.7 km² and a "map" of two regions
// that overlap, whose diff labels once summed to 331.6 km² (a share of 1.33).
const frame = rect(37.4, 48.0, 37.7, 48.1);
const overlapping: ControlMap = {
  type: 'FeatureCollection',
  features: [region('ru', rect(37.4, 48.0, 37.6, 48.1), 'RU'), region('ua', rect(37.5, 48.0, 37.7, 48.1), 'UA')],
  overruled: [],
};
const claims: Claim[] = [{ id: 'k', claimant: 'k', statedAt: '2025-12-01', area: { geometry: frame } as Claim['area'], status: 'controlled', side: 'RU', basis: 'claimed' }];

describe('maps whose regions overlap are refused, not double-counted', () => {
  it('the frame is the issue’s 248.7 km², and the two regions sum to its 331.6', () => {
    expect(areaKm2(frame)).toBeCloseTo(248.7, 1);
    expect(overlapping.features.reduce((sum, f) => sum + f.properties.km2, 0)).toBeCloseTo(331.6, 1);
  });

  it('diffClaims, controlChange and controlByRegion name both regions and the km² they share', () => {
    const shared = areaKm2(rect(37.5, 48.0, 37.6, 48.1));
    for (const [call, path] of [
      [() => diffClaims(claims, overlapping, { within: frame }), ['b', 'features', 1]],
      [() => controlChange(overlapping, claims), ['before', 'features', 1]],
      [() => controlByRegion(overlapping, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'frame' }, geometry: frame }] }), ['map', 'features', 1]],
    ] as const) {
      const error = thrown(call);
      expect(error.code).toBe('invalid-input');
      expect(error.issues.map((i) => [i.code, i.path])).toEqual([['overlapping-regions', path]]);
      expect(error.issues[0]!.message).toContain('(ua) overlaps');
      expect(error.issues[0]!.message).toContain('(ru)');
      expect(error.issues[0]!.message).toContain(`${shared.toPrecision(3)} km²`);
    }
  });

  it('regions that only share an edge pass, and so does a controlMap result sent through JSON (no longer known to be built by controlMap)', () => {
    const touching: ControlMap = { ...overlapping, features: [region('ru', rect(37.4, 48.0, 37.5, 48.1), 'RU'), region('ua', rect(37.5, 48.0, 37.7, 48.1), 'UA')] };
    expect(controlChange(touching, claims).bySide['RU']!.gainedKm2).toBeCloseTo(areaKm2(rect(37.5, 48.0, 37.7, 48.1)), 6);
    const built = controlMap([
      ...claims,
      { id: 'u', claimant: 'k', statedAt: '2025-12-02', area: { geometry: rect(37.5, 48.0, 37.7, 48.1) } as Claim['area'], status: 'controlled', side: 'UA', basis: 'claimed' },
    ]);
    const cloned = JSON.parse(JSON.stringify(built)) as ControlMap;
    const diff = diffClaims(cloned, built, { within: frame });
    expect(diff.summary.agree.km2).toBeCloseTo(areaKm2(frame), 6);
  });
});
