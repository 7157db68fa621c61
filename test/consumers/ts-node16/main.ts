// @ts-nocheck: the repository's own typecheck cannot resolve 'contested' (nothing is built yet); scripts/check-consumers.mjs removes this line in the temporary copy, where the packed package is installed.
// A TypeScript app (moduleResolution node16) that installed the packed
// `contested`: it must type-check against the published .d.ts with strict
// settings and skipLibCheck off.
import type { MultiPolygon, Polygon } from 'geojson';
import {
  areaKm2,
  Claim,
  diffClaims,
  isContestedError,
  parseDataset,
  safeParseDataset,
  toSvg,
  type ClaimDiff,
  type ControlStatus,
  type Dataset,
  type DiffLabel,
} from 'contested';

declare const input: unknown;
const dataset: Dataset = parseDataset(input);

// A schema and its type share one name.
const claim: Claim = Claim.parse({
  id: 'ukraine-holds-north',
  claimant: 'skala-command',
  statedAt: '2025-W49',
  area: { split: { area: 'city', line: 'railway', keep: 'north' } },
  status: 'controlled',
  side: 'UA',
  basis: 'claimed',
});
const status: ControlStatus = claim.status;

const diff: ClaimDiff = diffClaims([claim], dataset.claims ?? [], { within: 'city', places: dataset.places ?? [] });
const labels: DiffLabel[] = diff.regions.features.map((region) => region.properties.label);
const conflictKm2: number = diff.summary.conflict.km2;
const share: number | null = diff.summary.conflict.share;
const city: Polygon | MultiPolygon | undefined = diff.regions.features[0]?.geometry;
const km2: number = city === undefined ? 0 : areaKm2(city);
const svg: string = toSvg(diff, { title: 'Box city' });

const result = safeParseDataset(input);
if (!result.success) {
  const paths: (string | number)[][] = result.error.issues.map((issue) => [...issue.path]);
  void paths;
}
try {
  parseDataset({});
} catch (error) {
  if (isContestedError(error)) {
    const code: string = error.code;
    void code;
  }
}

// The types are real, not `any`: each line below must be an error.
// @ts-expect-error 'maybe' is not a diff label
const wrongLabel: DiffLabel = 'maybe';
// @ts-expect-error a claim's status is not a number
const wrongStatus: ControlStatus = 3;
// @ts-expect-error areaKm2 takes an area, not a position
areaKm2([37.1, 48.2]);

export const used = [status, labels, conflictKm2, share, km2, svg, wrongLabel, wrongStatus];
