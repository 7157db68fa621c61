/**
 * The "Working with DeepState and ISW data" guide's code, run by
 * `importers.test.ts`. DeepState's and ISW's files are not ours to
 * redistribute, so the layers here are small stand-ins with the same shape
 * and the same quirks; the figures from the real files are in the guide,
 * printed by the tests in `test/real-data/`.
 */
// #region deepstate
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { controlChange, controlMap, diffClaims, fromDeepState, fromGeoJSON, fromIsw, type DeepStateIgnored } from 'contested';

const square = (west: number, south: number, size = 0.1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});
const feature = (name: string | undefined, geometry: Geometry | null): Feature<Geometry | null> => ({
  type: 'Feature',
  properties: name === undefined ? {} : { name },
  geometry,
});

// A DeepState per-class layer as its own export writes it: three-part labels,
// a stray line break, a satirical polygon far from the war, a null geometry.
const deepState1Dec: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    feature('Окуповано /// Occupied /// occupied', square(37.0, 48.0)),
    feature('Невідомий статус /// Unknown status /// unknown', square(37.1, 48.0)),
    feature('Звільнено /// Liberated\n25.03 /// liberated', square(37.2, 48.0)),
    feature('East Prussia is temporarily occupied.', square(20.5, 54.7)),
    feature('Окуповано /// Occupied /// occupied', null),
  ],
};
const ukraine = square(36.9, 47.9, 0.5); // stands in for Ukraine's boundary

const ignored: DeepStateIgnored[] = [];
const december1 = fromDeepState(deepState1Dec, { asOf: '2025-12-01', extent: ukraine, onIgnored: (f) => ignored.push(f) });
export const deepStateClaims = december1.map((c) => `${c.id}: ${c.status} ${c.side ?? c.sides?.join('/')} (${c.basis})`);
//=> ['deepstate-2025-12-01-occupied: controlled RU (assessed)',
//    'deepstate-2025-12-01-unknown-status: contested UA/RU (assessed)',
//    'deepstate-2025-12-01-liberated: controlled UA (assessed)',
//    'deepstate-2025-12-01-ukrainian-held: controlled UA (inferred)']
export const deepStateIgnored = ignored;
//=> [{ index: 3, name: 'East Prussia is temporarily occupied.', reason: 'not-a-control-class' },
//    { index: 4, name: 'Occupied', reason: 'null-geometry' }]
// #endregion deepstate

// #region change
// Four days later Russia holds the gray square too.
const deepState5Dec: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [feature('Occupied', square(37.0, 48.0)), feature('Occupied', square(37.1, 48.0)), feature('Liberated', square(37.2, 48.0))],
};
const december5 = fromDeepState(deepState5Dec, { asOf: '2025-12-05', extent: ukraine });
const change = controlChange(controlMap(december1), controlMap(december5));
export const russianGainKm2 = change.bySide['RU']?.gainedKm2.toFixed(1);
//=> '82.9' (the 0.1° square that was gray)
// #endregion change

// #region isw
// ISW's four layers for a date, each one FeatureCollection; the layer is the class.
const layer = (...geometries: Geometry[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry, i) => ({ type: 'Feature', id: i + 1, properties: { OBJECTID: i + 1 }, geometry })),
});
const isw = fromIsw(
  {
    assessedControl: layer(square(37.0, 48.0)),
    claimedControl: layer(square(37.1, 48.0)),
    assessedAdvances: layer(square(37.2, 48.0)),
    claimedCounteroffensives: layer(square(37.3, 48.0)),
  },
  { asOf: '2022-09-15' },
);
export const iswClaims = isw.map((c) => `${c.id}: ${c.status} ${c.side} (${c.basis})`);
//=> ['isw-2022-09-15-assessed-control: controlled RU (assessed)',
//    'isw-2022-09-15-claimed-control: controlled RU (claimed)',
//    'isw-2022-09-15-assessed-advances: advancing RU (assessed)',
//    'isw-2022-09-15-claimed-counteroffensives: advancing UA (claimed)']

// What Russian sources claim against what ISW assesses: two parties of one file.
const claimedVsAssessed = diffClaims(
  isw.filter((c) => c.basis === 'claimed' && c.side === 'RU'),
  isw.filter((c) => c.basis === 'assessed' && c.status === 'controlled'),
);
export const claimedOnlyKm2 = claimedVsAssessed.summary['only-a'].km2.toFixed(1);
//=> '82.9': claimed by Russian sources, not assessed as Russian-held
// #endregion isw

// #region geojson
// Anything else: a ministry's list of captured villages, one status and side per file.
const captured: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'village-a', properties: { name: 'Village A' }, geometry: square(37.0, 48.0, 0.02) },
    { type: 'Feature', id: 'village-b', properties: { name: 'Village B' }, geometry: square(37.1, 48.0, 0.02) },
  ],
};
const ministry = fromGeoJSON(captured, { claimant: 'ru-mod', status: 'controlled', side: 'RU', asOf: '2025-12-01' });
export const ministryClaims = ministry.map((c) => [c.id, c.basis, c.properties?.['featureId']]);
//=> [['ru-mod-2025-12-01-0', 'claimed', 'village-a'], ['ru-mod-2025-12-01-1', 'claimed', 'village-b']]
// #endregion geojson
