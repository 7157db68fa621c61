/**
 * The examples the data model reference shows under "Claims as people make
 * them", run by `model-reference.test.ts`: a denial, a stated figure, and a
 * Russian name found by its English spelling.
 */
import { checkStatedFigures, findByName, parseDataset, parseEntity } from '../../src/index.js';
import pokrovskJson from '../pokrovsk/pokrovsk.json' with { type: 'json' };

const places = parseDataset(pokrovskJson).places;

// #region denial
// "Pokrovsk has not fallen yet": a denial names the side it denies.
export const denial = parseEntity('claim', {
  id: 'outlet-not-fallen', claimant: 'outlet', statedAt: '2025-W49', area: 'pokrovsk',
  status: 'not-controlled', side: 'RU', basis: 'claimed', quote: 'Pokrovsk has not fallen yet.',
});
// #endregion denial

// #region figures
// What the claimant said in numbers, checked against the ground drawn (the city measures 38.0 km²).
const taken = parseEntity('claim', {
  id: 'mod-taken', claimant: 'ru-mod', statedAt: '2025-12-01', area: 'pokrovsk', status: 'controlled', side: 'RU', basis: 'claimed',
  statedFigures: { areaKm2: 40, settlements: 1, quote: 'we have taken 40 km² and the town' },
});
export const figures = checkStatedFigures({ places, claims: [taken] }).map((c) => [c.figure, c.verdict]);
//=> [['areaKm2', 'consistent'], ['settlements', 'consistent']]
// #endregion figures

// #region name
// Kept in Cyrillic, found by the spelling English-language sources use (BGN/PCGN), with no alias.
const prigozhin = parseEntity('person', { id: 'prigozhin', givenName: 'Евгений', familyName: 'Пригожин', side: 'RU' });
export const found = findByName({ persons: [prigozhin] }, 'Prigozhin').map((m) => [m.person.id, m.field, m.schemes]);
//=> [['prigozhin', 'familyName', ['bgn-pcgn']]]
// #endregion name
