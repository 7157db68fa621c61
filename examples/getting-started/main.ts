/**
 * The getting-started guide's example, run by the tests
 * (`examples/getting-started/main.test.ts`) so the guide cannot drift.
 */
// #region parse
import { areaKm2, checkStatedFigures, findByCallSign, findByName, isContestedError, parseDataset, resolveArea, safeParseDataset } from 'contested';

const dataset = parseDataset({
  sides: [
    { id: 'UA', name: 'Ukraine' },
    { id: 'RU', name: 'Russia' },
  ],
  actors: [{ id: 'kremlin', name: 'The Kremlin', kind: 'head-of-state', side: 'RU' }],
  persons: [
    { id: 'ghost', callSign: 'Ghost', side: 'UA' },
    { id: 'prigozhin', givenName: 'Евгений', familyName: 'Пригожин', side: 'RU' },
  ],
  places: [
    {
      id: 'town',
      name: 'A town',
      kind: 'settlement',
      geometry: { type: 'Polygon', coordinates: [[[37.1, 48.25], [37.2, 48.25], [37.2, 48.3], [37.1, 48.3], [37.1, 48.25]]] },
    },
    { id: 'road', name: 'A road', kind: 'road', geometry: { type: 'LineString', coordinates: [[37.0, 48.27], [37.3, 48.28]] } },
  ],
  claims: [
    {
      id: 'c1', claimant: 'kremlin', statedAt: '2025-12-01', area: 'town', status: 'controlled', side: 'RU', basis: 'claimed',
      // What the claimant said in numbers, kept as data.
      statedFigures: { areaKm2: 50, settlements: 1, quote: 'we have taken 50 km² and the town' },
    },
  ],
});
// #endregion parse

// #region area
const north = resolveArea(dataset, { split: { area: 'town', line: 'road', keep: 'north' } });
export const northKm2 = areaKm2(north);
export const townKm2 = areaKm2(resolveArea(dataset, 'town'));
// #endregion area

// #region callsign
export const ghosts = findByCallSign(dataset, 'GHOST').map((p) => p.id);
//=> ['ghost']
// A Russian name, found by the spelling English-language sources use (BGN/PCGN), with no alias:
export const prigozhin = findByName(dataset, 'Prigozhin').map((m) => [m.person.id, m.field, m.schemes]);
//=> [['prigozhin', 'familyName', ['bgn-pcgn']]]
// #endregion callsign

// #region figures
// The town measures 41.3 km² (0.1° × 0.05° at 48.3° N): 50 km² is within the documented tolerance (a factor of 1.25).
export const figures = checkStatedFigures(dataset).map((c) => [c.figure, c.stated, c.measured.toFixed(1), c.verdict]);
//=> [['areaKm2', 50, '41.3', 'consistent'], ['settlements', 1, '1.0', 'consistent']]
// #endregion figures

// #region errors
const result = safeParseDataset({ claims: [{ id: 'c1', claimant: 'nobody', statedAt: '2025-02-30' }] });
export const firstProblem = result.success ? undefined : result.error.issues[0];
try {
  parseDataset({ sides: 'UA' });
} catch (error) {
  if (isContestedError(error)) console.log(error.message);
}
// #endregion errors
