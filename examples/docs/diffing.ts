/**
 * The "Diffing claims" guide's code, run by `diffing.test.ts`. Two parts: a
 * made-up district of rectangles, whose areas are easy to check by eye, for
 * the rules; and the Pokrovsk report for the real thing.
 */
// #region setup
import {
  compareClaimants,
  controlChange,
  controlMap,
  diffClaims,
  distanceToFront,
  frontLine,
  parseDataset,
  type Claim,
  type Dataset,
} from 'contested';
import pokrovskJson from '../pokrovsk/pokrovsk.json' with { type: 'json' };

/** A rectangle from `west` to `east` and `south` to `north`, in degrees. */
const box = (west: number, south: number, east: number, north: number): { geometry: { type: 'Polygon'; coordinates: [number, number][][] } } => ({
  geometry: {
    type: 'Polygon',
    coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
  },
});

// A district 0.1° × 0.1° (about 7.5 km × 11.1 km at 48° N), and its north and south halves.
const district = box(37.0, 48.0, 37.1, 48.1);
const northHalf = box(37.0, 48.05, 37.1, 48.1);
const southHalf = box(37.0, 48.0, 37.1, 48.05);
// #endregion setup

// #region overlap
// One ministry, two statements: in November it claimed the whole district;
// in December it said its enemy had retaken the north half.
const ministry: Claim[] = [
  { id: 'nov', claimant: 'ministry', statedAt: '2025-11-15', area: district, status: 'controlled', side: 'RU', basis: 'claimed' },
  { id: 'dec', claimant: 'ministry', statedAt: '2025-12-01', area: northHalf, status: 'contested', sides: ['RU', 'UA'], basis: 'claimed' },
];
const ministryMap = controlMap(ministry);
export const ministryRegions = ministryMap.features.map((f) => [f.properties.status, f.properties.claims.join(','), f.properties.km2.toFixed(1)]);
//=> [['contested', 'dec', '41.4'], ['controlled', 'nov', '41.5']]
export const overruled = ministryMap.overruled;
//=> [{ claim: 'nov', by: ['dec'], km2: 41.43… }]

// As of November only the first claim counts.
export const novemberRegions = controlMap(ministry, { asOf: '2025-11-30' }).features.length;
//=> 1
// #endregion overlap

// #region labels
// A tracker sees it differently: Russia holds the south, the north is gray.
const tracker: Claim[] = [
  { id: 't-south', claimant: 'tracker', statedAt: '2025-12-01', area: southHalf, status: 'controlled', side: 'RU', basis: 'assessed' },
  { id: 't-north', claimant: 'tracker', statedAt: '2025-12-01', area: northHalf, status: 'contested', sides: ['RU', 'UA'], basis: 'assessed' },
];
// And Ukraine says it holds the north.
const ukraine: Claim[] = [
  { id: 'ua-north', claimant: 'general-staff', statedAt: '2025-12-01', area: northHalf, status: 'controlled', side: 'UA', basis: 'claimed' },
];

const ministryVsUkraine = diffClaims(ministry, ukraine, { within: district.geometry });
export const labels = Object.fromEntries(
  Object.entries(ministryVsUkraine.summary).map(([label, total]) => [label, `${total.km2.toFixed(1)} km² (${((total.share ?? 0) * 100).toFixed(0)}%)`]),
);
//=> agree 0, conflict 0, partial 41.4 km² (50%: contested vs controlled), only-a 41.5 km² (50%), only-b 0, unclaimed 0

const ukraineVsTracker = diffClaims(ukraine, tracker, { within: district.geometry });
export const ukraineVsTrackerLabels = ukraineVsTracker.regions.features.map((f) => [f.properties.label, f.properties.km2.toFixed(1)]);
//=> [['partial', '41.4'], ['only-b', '41.5']]
export const trackerTotals = ukraineVsTracker.parties.b;
//=> { bySide: { RU: { controlledKm2: 41.47…, advancingKm2: 0 } }, contestedKm2: 41.43…, totalKm2: 82.90… }
// #endregion labels

// #region denial
// A president: "the district is not occupied". A denial names the side it denies.
const president: Claim[] = [
  { id: 'not-occupied', claimant: 'president', statedAt: '2025-12-01', area: district, status: 'not-controlled', side: 'RU', basis: 'claimed', quote: 'The district is not occupied.' },
];
// It conflicts with the tracker's Russian south and is consistent with its gray north.
const presidentVsTracker = diffClaims(president, tracker, { within: district.geometry });
export const denialLabels = presidentVsTracker.regions.features.map((f) => [f.properties.label, f.properties.km2.toFixed(1)]);
//=> [['consistent', '41.4'], ['conflict', '41.5']]
export const deniedTotals = presidentVsTracker.parties.a.deniedKm2;
//=> { RU: 82.90… }
// #endregion denial

// #region compare
// The N-way overlay needs the claimants as actors of a dataset.
const district3: Dataset = parseDataset({
  sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
  actors: [
    { id: 'ministry', name: 'A ministry of defence', kind: 'ministry', side: 'RU' },
    { id: 'tracker', name: 'An OSINT tracker', kind: 'osint-tracker', reliability: 'B' },
    { id: 'general-staff', name: 'A general staff', kind: 'ministry', side: 'UA' },
  ],
  claims: [...ministry, ...tracker, ...ukraine],
});
const three = compareClaimants(district3, ['ministry', 'tracker', 'general-staff'], { asOf: '2025-12-07', within: district.geometry });
export const comparison = three.regions.features.map((f) => ({
  km2: f.properties.km2.toFixed(1),
  speakers: f.properties.speakers,
  agreement: f.properties.agreement,
  consensus: f.properties.consensus,
  says: Object.fromEntries(Object.entries(f.properties.says).map(([who, view]) => [who, view === null ? null : `${view.status} ${view.side ?? view.sides?.join('/')}`])),
}));
//=> the north (41.4 km²): contested, contested, controlled UA: 'partial' (no side opposes another);
//   the south (41.5 km²): the ministry and the tracker say controlled RU, Ukraine is silent: 'agree'
export const comparisonSummary = three.summary;
// #endregion compare

// #region change
// Two snapshots of the tracker, a week apart: Russia takes the gray north.
const trackerLater: Claim[] = [
  { id: 't2', claimant: 'tracker', statedAt: '2025-12-08', area: district, status: 'controlled', side: 'RU', basis: 'assessed' },
];
const week = controlChange(tracker, trackerLater);
export const change = week.bySide;
//=> { RU: { gainedKm2: 41.43…, lostKm2: 0, netKm2: 41.43…, toContestedKm2: 0, toAdvancingKm2: 0, gainedFrom: {}, lostTo: {}, … } }
export const changedRegions = week.regions.features.map((f) => [f.properties.from?.status, f.properties.to?.status, f.properties.to?.side]);
//=> [['contested', 'controlled', 'RU']]
// #endregion change

// #region front
// Ukraine's map of the district: it holds the north, Russia the south.
const ukraineMap = controlMap([
  ...ukraine,
  { id: 'ua-south', claimant: 'general-staff', statedAt: '2025-12-01', area: southHalf, status: 'controlled', side: 'RU', basis: 'claimed' },
]);
const front = frontLine(ukraineMap, ['UA', 'RU']);
export const frontKm = (front.properties.lengthM / 1000).toFixed(2);
//=> '7.46' (the 48.05° N parallel across the district)
// A command post 0.02° north of the line: how far behind it?
const post = distanceToFront([37.05, 48.07], front);
export const postKm = (post.distanceM / 1000).toFixed(2);
//=> '2.22'
// #endregion front

// #region pokrovsk
const dataset = parseDataset(pokrovskJson);
const of = (claimant: string) => (dataset.claims ?? []).filter((c) => c.claimant === claimant);
const kremlinVsSkala = diffClaims(of('kremlin'), of('skala-command'), { within: 'pokrovsk', places: dataset.places ?? [] });
export const pokrovskConflict = `${kremlinVsSkala.summary.conflict.km2.toFixed(1)} km², ${((kremlinVsSkala.summary.conflict.share ?? 0) * 100).toFixed(1)}% of the city`;
//=> '17.0 km², 44.7% of the city'
// #endregion pokrovsk
