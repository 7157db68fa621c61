/**
 * The Pokrovsk claim diff as a picture: the Kremlin's "the city is taken"
 * against Skala's "we hold the north up to the railway", over the hromada,
 * with the railway and the flag. The dataset's places give the map its
 * furniture: the hromada underneath, the city's name and its hand-drawn
 * outline (dashed), the railway named along its line, and the credit line
 * (the OCHA boundary is CC BY-IGO). `main.ts` writes it; the docs show the
 * committed copy `docs/media/pokrovsk-diff.svg` (see
 * `scripts/render-pokrovsk-svg.ts`).
 */
import type { Feature, Point } from 'geojson';
import { diffClaims, sideColor, toSvg, type Dataset } from 'contested';

/** The Pokrovsk diff as a standalone SVG. */
export function pokrovskDiffSvg(dataset: Dataset): string {
  const places = dataset.places ?? [];
  const claims = dataset.claims ?? [];
  const diff = diffClaims(
    claims.filter((c) => c.claimant === 'kremlin'),
    claims.filter((c) => c.claimant === 'skala-command'),
    { within: 'pokrovsk', places },
  );
  const at = (dataset.evidence ?? []).find((e) => e.id === 'flag-drone-feed')?.position?.coordinates;
  const points: Feature<Point>[] =
    at === undefined
      ? []
      : [{ type: 'Feature', properties: { title: 'UA flag on drone feed (approx.)', 'marker-color': sideColor('UA') }, geometry: { type: 'Point', coordinates: at } }];
  return toSvg(diff, {
    title: 'Pokrovsk: the Kremlin vs Skala, December 2025',
    partyNames: { a: 'the Kremlin', b: 'Skala' },
    places,
    points,
    width: 820,
  });
}
