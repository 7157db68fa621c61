/**
 * The Pokrovsk claim diff as a picture: the Kremlin's "the city is taken"
 * against Skala's "we hold the north up to the railway", over the hromada,
 * with the railway and the flag. `main.ts` writes it; the docs show the
 * committed copy `docs/media/pokrovsk-diff.svg` (see
 * `scripts/render-pokrovsk-svg.ts`).
 */
import type { Feature, LineString, Point } from 'geojson';
import { diffClaims, sideColor, toSvg, type Dataset } from '../../src/index.js';

/** The Pokrovsk diff as a standalone SVG. */
export function pokrovskDiffSvg(dataset: Dataset): string {
  const places = dataset.places ?? [];
  const claims = dataset.claims ?? [];
  const diff = diffClaims(
    claims.filter((c) => c.claimant === 'kremlin'),
    claims.filter((c) => c.claimant === 'skala-command'),
    { within: 'pokrovsk', places },
  );
  const place = (id: string) => {
    const found = places.find((p) => p.id === id);
    if (found === undefined) throw new Error(`the example dataset has no place "${id}"`);
    return found;
  };
  const railway: Feature<LineString> = {
    type: 'Feature',
    properties: { title: 'railway (approx.)', stroke: '#333333', 'stroke-width': 2.5, 'stroke-dasharray': '7 4' },
    geometry: place('railway').geometry as LineString,
  };
  const at = (dataset.evidence ?? []).find((e) => e.id === 'flag-drone-feed')?.position?.coordinates;
  const points: Feature<Point>[] =
    at === undefined
      ? []
      : [{ type: 'Feature', properties: { title: 'UA flag on drone feed (approx.)', 'marker-color': sideColor('UA') }, geometry: { type: 'Point', coordinates: at } }];
  const hromada = place('pokrovska-hromada').geometry;
  if (hromada.type !== 'Polygon' && hromada.type !== 'MultiPolygon') throw new Error('the hromada should be an area');
  return toSvg(diff, {
    title: 'Pokrovsk: the Kremlin vs Skala, December 2025',
    partyNames: { a: 'the Kremlin', b: 'Skala' },
    basemap: hromada,
    lines: [railway],
    points,
    width: 820,
  });
}
