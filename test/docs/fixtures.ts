/**
 * Names the `@example` blocks in `src/` may use without defining them: the
 * Pokrovsk report (`examples/pokrovsk/pokrovsk.json`) and its parts, and
 * small stand-ins for DeepState's, ISW's and a ministry's GeoJSON layers.
 * `examples.test.ts` imports exactly the names an example refers to.
 */
import type { FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import pokrovskJson from '../../examples/pokrovsk/pokrovsk.json' with { type: 'json' };
import { fromDeepState, parseDataset, type Claim, type Dataset, type Person, type Place } from '../../src/index.js';

/** A dataset with every section present, as the Pokrovsk report has. */
export type FullDataset = { [K in keyof Dataset]-?: NonNullable<Dataset[K]> };

/** The Pokrovsk report, parsed. */
export const dataset = parseDataset(pokrovskJson) as FullDataset;

/** The dataset's places: the city, the railway, the hromada. */
export const places: Place[] = dataset.places;

const place = (id: string): Place => {
  const found = places.find((p) => p.id === id);
  if (found === undefined) throw new Error(`fixtures: no place "${id}" in pokrovsk.json`);
  return found;
};

/** The city of Pokrovsk, as the report's polygon. */
export const pokrovsk = place('pokrovsk').geometry as Polygon;

/** The railway line that bisects the city. */
export const railway = place('railway').geometry as LineString;

const claimsOf = (claimant: string): Claim[] => dataset.claims.filter((c) => c.claimant === claimant);

/** What the Kremlin claims: Russian forces have taken the city. */
export const kremlinClaims: Claim[] = claimsOf('kremlin');

/** The Kremlin's one claim. */
export const kremlinClaim: Claim = kremlinClaims[0]!;

/** What the Skala regiment's command claims: Ukraine holds the north, up to the railway. */
export const ukraineClaims: Claim[] = claimsOf('skala-command');

/** The same claims, by the name of the unit that made them. */
export const skalaClaims: Claim[] = ukraineClaims;

/** The people the report names. */
export const persons: Person[] = dataset.persons;

/** A square `size` degrees wide whose south-west corner is `[west, south]`. */
export const square = (west: number, south: number, size = 0.1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

const layer = (...features: { name?: string; geometry: Geometry | null }[]): FeatureCollection<Geometry | null> => ({
  type: 'FeatureCollection',
  features: features.map(({ name, geometry }, i) => ({ type: 'Feature', id: i + 1, properties: name === undefined ? {} : { name }, geometry })),
});

/** Stands in for Ukraine's boundary: half a degree around Pokrovsk. */
export const ukraine: Polygon = square(36.9, 47.9, 0.5);

/** A DeepState layer of 1 December 2025 as its export writes it: three-part labels, a stray line break. */
export const polygons20251201: FeatureCollection<Geometry | null> = layer(
  { name: 'Окуповано /// Occupied /// occupied', geometry: square(37.0, 48.0) },
  { name: 'Невідомий статус /// Unknown status /// unknown', geometry: square(37.1, 48.0) },
  { name: 'Звільнено /// Liberated\n25.03 /// liberated', geometry: square(37.2, 48.0) },
);

/** Four days later: Russia holds the gray square too. */
export const polygons20251205: FeatureCollection<Geometry | null> = layer(
  { name: 'Occupied', geometry: square(37.0, 48.0) },
  { name: 'Occupied', geometry: square(37.1, 48.0) },
  { name: 'Liberated', geometry: square(37.2, 48.0) },
);

/** DeepState's claims of 1 December 2025. */
export const deepStateDec1: Claim[] = fromDeepState(polygons20251201, { asOf: '2025-12-01', extent: ukraine });

/** DeepState's claims of 5 December 2025. */
export const deepStateDec5: Claim[] = fromDeepState(polygons20251205, { asOf: '2025-12-05', extent: ukraine });

/** ISW's "assessed Russian control" layer of 15 September 2022. */
export const assessedControl: FeatureCollection<Geometry | null> = layer({ geometry: square(37.0, 48.0) });

/** ISW's "Russian-claimed control" layer of the same day. */
export const claimedControl: FeatureCollection<Geometry | null> = layer({ geometry: square(37.1, 48.0) });

/** A ministry's list of captured villages. */
export const captured: FeatureCollection<Geometry | null> = layer(
  { name: 'Village A', geometry: square(37.0, 48.0, 0.02) },
  { name: 'Village B', geometry: square(37.1, 48.0, 0.02) },
);

/** Stands in for OCHA's oblasts (ADM1): "Luhanska" is DeepState's occupied square, "Donetska" the two squares east of it. */
export const ukraineOblasts: FeatureCollection<Polygon> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ADM1_EN: 'Luhanska' }, geometry: square(37.0, 48.0, 0.1) },
    { type: 'Feature', properties: { ADM1_EN: 'Donetska' }, geometry: { type: 'Polygon', coordinates: [[[37.1, 48.0], [37.3, 48.0], [37.3, 48.1], [37.1, 48.1], [37.1, 48.0]]] } },
  ],
};
