/**
 * One grid for a whole series (review R1 of the per-run grid): a framed
 * `controlHistory` step is `controlChange`'s figure for the same pair, to
 * the bit, when the maps span more than the frame. Before, the history held
 * only each step's own (frame-cropped, so finer) grid while `controlChange`
 * held the grid of the whole inputs, and the two differed by 5e-7 km² on
 * DeepState's Pokrovsk front.
 */
import { describe, expect, it } from 'vitest';
import { controlChange, controlHistory, controlMap, fromGeoJSON } from '../../src/index.js';

// A front across a box about 0.9° wide, its vertices off every power-of-ten grid (a jagged line
// of 40 vertices), redrawn between the dates (moved east by `shift`, its jags in another phase), so
// that the fronts of two dates cross each other many times: the crossings are new vertices, which
// the grid rounds.
function front(shift: number, at: string) {
  const line: [number, number][] = [];
  for (let i = 0; i <= 40; i++) line.push([37.43 + shift + 0.0031 * Math.sin(i * 1.7 + shift * 1000) + 1.234567e-7 * i, 48.0 + (i * 0.9) / 40 + 3.21e-8 * (i % 3)]);
  const ring = [[37.0, 48.0], ...line, [37.0, 48.9], [37.0, 48.0]];
  const fc = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [ring] } }] };
  return { at, map: controlMap(fromGeoJSON(fc, { claimant: 't', status: 'controlled', side: 'RU', asOf: at })) };
}

describe('controlHistory holds one grid for the series', () => {
  const snapshots = [front(0, '2025-11-01'), front(0.0042, '2025-11-08'), front(0.0013, '2025-11-15')];
  for (const within of [
    { type: 'Polygon' as const, coordinates: [[[37.4, 48.4], [37.47, 48.4], [37.47, 48.45], [37.4, 48.45], [37.4, 48.4]]] },
    { type: 'Polygon' as const, coordinates: [[[37.3, 48.1], [37.6, 48.1], [37.6, 48.7], [37.3, 48.7], [37.3, 48.1]]] },
  ]) {
    it(`each step is controlChange's figure for its pair, to the bit (frame ${within.coordinates[0]![0]!.join(', ')})`, async () => {
      const history = await controlHistory(snapshots, { within });
      expect(history.periods).toHaveLength(2);
      history.periods.forEach((period, i) => {
        const change = controlChange(snapshots[i]!.map, snapshots[i + 1]!.map, { within });
        const { gainedKm2, lostKm2, netKm2 } = change.bySide['RU']!;
        expect(period.bySide).toEqual({ RU: { gainedKm2, lostKm2, netKm2 } });
        expect(change.bySide['RU']!.netKm2).not.toBe(0);
      });
    });
  }
});
