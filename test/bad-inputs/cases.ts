/**
 * The table the corpus files are written from (see `make-corpus.ts`). Each
 * case names the public entry point, the input, the error code and one
 * issue path (with, where it matters, the issue code) that must come back.
 */
import type { sampleDataset as SampleFn } from '../model/arbitraries.js';

export interface Case {
  name: string;
  entry: string;
  input: unknown;
  /** `path` is one issue's path (any issue, not only the first); with `pathPrefix`, that issue's path starts with it. */
  expect: { code: string; path: (string | number)[]; issueCode?: string; pathPrefix?: boolean };
  why: string;
}

type Sample = ReturnType<typeof SampleFn>;
type Loose = Record<string, unknown>;

const box = (w: number, s: number, e: number, n: number): number[][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const poly = (...rings: unknown[]): Loose => ({ type: 'Polygon', coordinates: rings });
const line = (...points: unknown[]): Loose => ({ type: 'LineString', coordinates: points });
const CITY = box(37.12, 48.25, 37.24, 48.32);
const RAIL = line([37.1, 48.28], [37.26, 48.29]);
const claim = (over: Loose = {}): Loose => ({ id: 'c1', claimant: 'kremlin', statedAt: '2025-12-01', area: { geometry: poly(CITY) }, status: 'controlled', side: 'RU', basis: 'claimed', ...over });
const json = (text: string): unknown => JSON.parse(text);

export function CASES(sampleDataset: () => Sample): Case[] {
  const cases: Case[] = [];
  const add = (name: string, entry: string, input: unknown, code: string, path: (string | number)[], why: string, issueCode?: string): void => {
    cases.push({ name, entry, input, expect: issueCode === undefined ? { code, path } : { code, path, issueCode }, why });
  };
  /** The sample dataset with one thing broken. */
  const ds = (name: string, breakIt: (d: Sample & Loose) => void, code: string, path: (string | number)[], why: string, issueCode?: string): void => {
    const d = sampleDataset() as Sample & Loose;
    breakIt(d);
    add(`dataset-${name}`, 'parseDataset', d, code, path, why, issueCode);
  };
  const set = (o: object, k: string, v: unknown): void => { (o as Loose)[k] = v; };
  const del = (o: object, k: string): void => { delete (o as Loose)[k]; };
  const place0 = (d: Sample, g: unknown): void => set(d.places[0]!, 'geometry', g);
  const GEO = ['places', 0, 'geometry', 'coordinates'];

  // --- The dataset as a whole
  add('dataset-null', 'parseDataset', null, 'invalid-input', [], 'a dataset is an object, not null');
  add('dataset-array', 'parseDataset', [], 'invalid-input', [], 'a dataset is an object, not an array');
  add('dataset-number', 'parseDataset', 42, 'invalid-input', [], 'a dataset is an object, not a number');
  add('dataset-string', 'parseDataset', '{"sides":[]}', 'invalid-input', [], 'JSON text must be parsed first (or use parseDatasetJson)');
  add('dataset-unknown-list', 'parseDataset', { sidez: [] }, 'invalid-input', ['sidez'], 'a misspelt list is an unknown field, not silently dropped', 'unknown-field');
  add('dataset-list-is-object', 'parseDataset', { sides: { UA: 'Ukraine' } }, 'invalid-input', ['sides'], 'lists are arrays');
  add('dataset-entity-null', 'parseDataset', { sides: [null] }, 'invalid-input', ['sides', 0], 'an entity is an object');
  add('dataset-entity-string', 'parseDataset', { sides: ['UA'] }, 'invalid-input', ['sides', 0], 'an entity is an object, not its id');
  add('dataset-meta-without-title', 'parseDataset', { meta: {} }, 'invalid-input', ['meta', 'title'], 'meta needs a title');
  // --- Wrong types
  ds('side-name-number', (d) => set(d.sides[0]!, 'name', 42), 'invalid-input', ['sides', 0, 'name'], 'a name is a string');
  ds('side-id-number', (d) => set(d.sides[0]!, 'id', 7), 'invalid-input', ['sides', 0, 'id'], 'an id is a string');
  ds('unit-aliases-string', (d) => set(d.units[0]!, 'aliases', 'Скеля'), 'invalid-input', ['units', 0, 'aliases'], 'aliases are a list');
  ds('claim-credibility-string', (d) => set(d.claims[0]!, 'credibility', '5'), 'invalid-input', ['claims', 0, 'credibility'], 'credibility is a number 1–6');
  ds('claim-status-bool', (d) => set(d.claims[0]!, 'status', true), 'invalid-input', ['claims', 0, 'status'], 'status is one of three words');
  ds('claim-evidence-string', (d) => set(d.claims[1]!, 'evidence', 'flag-feed'), 'invalid-input', ['claims', 1, 'evidence'], 'evidence is a list of ids');
  ds('person-age-string', (d) => set(d.persons[1]!, 'age', '25'), 'invalid-input', ['persons', 1, 'age'], 'an age is { years, asOf }');
  ds('event-units-number', (d) => set(d.events[0]!, 'units', 3), 'invalid-input', ['events', 0, 'units'], 'units is a list of ids');
  ds('position-accuracy-negative', (d) => set(d.evidence[0]!.position, 'accuracyM', -5), 'invalid-input', ['evidence', 0, 'position', 'accuracyM'], 'an accuracy radius is not negative');
  ds('unit-count-fraction', (d) => set(d.units[2]!, 'count', 2.5), 'invalid-input', ['units', 2, 'count'], 'a count of teams is whole');
  ds('properties-array', (d) => set(d.sides[0]!, 'properties', [1, 2]), 'invalid-input', ['sides', 0, 'properties'], 'properties is an object');
  ds('statement-text-object', (d) => set(d.statements[0]!, 'text', { en: 'x' }), 'invalid-input', ['statements', 0, 'text'], 'a quote is text');
  // --- Missing and extra fields
  ds('claim-missing-basis', (d) => del(d.claims[0]!, 'basis'), 'invalid-input', ['claims', 0, 'basis'], 'basis is required (claimed, assessed or inferred)');
  ds('claim-missing-claimant', (d) => del(d.claims[0]!, 'claimant'), 'invalid-input', ['claims', 0, 'claimant'], 'a claim has a claimant');
  ds('claim-missing-area', (d) => del(d.claims[0]!, 'area'), 'invalid-input', ['claims', 0, 'area'], 'a claim names ground');
  ds('claim-missing-stated-at', (d) => del(d.claims[0]!, 'statedAt'), 'invalid-input', ['claims', 0, 'statedAt'], 'a claim has a time');
  ds('side-missing-name', (d) => del(d.sides[0]!, 'name'), 'invalid-input', ['sides', 0, 'name'], 'a side has a name');
  ds('place-missing-geometry', (d) => del(d.places[0]!, 'geometry'), 'invalid-input', ['places', 0, 'geometry'], 'a place has a geometry');
  ds('evidence-missing-kind', (d) => del(d.evidence[0]!, 'kind'), 'invalid-input', ['evidence', 0, 'kind'], 'evidence has a kind');
  ds('claim-extra-field', (d) => set(d.claims[0]!, 'claimnt', 'kremlin'), 'invalid-input', ['claims', 0, 'claimnt'], 'a misspelt field is reported, not dropped', 'unknown-field');
  ds('unit-extra-field', (d) => set(d.units[0]!, 'commander', 'yuri'), 'invalid-input', ['units', 0, 'commander'], 'own fields go under properties', 'unknown-field');
  ds('geometry-extra-field-kept', (d) => { set(d.places[0]!.geometry, 'note', 'ok'); set(d.places[0]!, 'bogus', 1); }, 'invalid-input', ['places', 0, 'bogus'], 'foreign members of a geometry are kept; an unknown field of the place is not', 'unknown-field');
  // --- Empty strings and white space
  ds('empty-id', (d) => set(d.units[2]!, 'id', ''), 'invalid-input', ['units', 2, 'id'], 'an id must not be empty');
  ds('empty-name', (d) => set(d.sides[1]!, 'name', ''), 'invalid-input', ['sides', 1, 'name'], 'a name must not be empty');
  ds('empty-claimant', (d) => set(d.claims[0]!, 'claimant', ''), 'invalid-input', ['claims', 0, 'claimant'], 'a reference must not be empty');
  ds('empty-stated-at', (d) => set(d.claims[0]!, 'statedAt', ''), 'invalid-input', ['claims', 0, 'statedAt'], 'an empty time is not a time');
  ds('empty-area', (d) => set(d.claims[0]!, 'area', ''), 'invalid-input', ['claims', 0, 'area'], 'an empty place id');
  ds('empty-call-sign', (d) => set(d.persons[2]!, 'callSign', ''), 'invalid-input', ['persons', 2, 'callSign'], 'an empty call sign');
  ds('blank-call-sign', (d) => set(d.persons[2]!, 'callSign', '   '), 'invalid-input', ['persons', 2, 'callSign'], 'a call sign of spaces only');
  ds('id-spaces-around', (d) => set(d.units[2]!, 'id', ' ru-teams '), 'invalid-input', ['units', 2, 'id'], 'ids have no white space at either end', 'invalid-id');
  // --- Duplicate and dangling ids
  ds('duplicate-side', (d) => d.sides.push({ id: 'UA', name: 'Ukraine again', iso3166: 'UA' }), 'invalid-dataset', ['sides', 2, 'id'], 'ids are unique per kind', 'duplicate-id');
  ds('duplicate-claim', (d) => d.claims.push({ ...d.claims[0]! }), 'invalid-dataset', ['claims', 2, 'id'], 'two claims with one id', 'duplicate-id');
  ds('duplicate-place', (d) => d.places.push({ ...d.places[0]! }), 'invalid-dataset', ['places', 2, 'id'], 'two places with one id', 'duplicate-id');
  ds('dangling-claimant', (d) => set(d.claims[0]!, 'claimant', 'kremlinn'), 'invalid-dataset', ['claims', 0, 'claimant'], 'the claimant is not an actor', 'unknown-reference');
  ds('dangling-side', (d) => set(d.claims[0]!, 'side', 'RUS'), 'invalid-dataset', ['claims', 0, 'side'], 'the side is not a side', 'unknown-reference');
  ds('dangling-place', (d) => set(d.claims[0]!, 'area', 'pokrovskk'), 'invalid-dataset', ['claims', 0, 'area'], 'the area names no place', 'unknown-reference');
  ds('dangling-split-line', (d) => set(d.claims[1]!, 'area', { split: { area: 'pokrovsk', line: 'rail', keep: 'north' } }), 'invalid-dataset', ['claims', 1, 'area', 'split', 'line'], 'the split line names no place', 'unknown-reference');
  ds('dangling-evidence', (d) => set(d.claims[1]!, 'evidence', ['flag']), 'invalid-dataset', ['claims', 1, 'evidence', 0], 'cited evidence does not exist', 'unknown-reference');
  ds('dangling-parent', (d) => set(d.units[1]!, 'parent', 'skal'), 'invalid-dataset', ['units', 1, 'parent'], 'the parent unit does not exist', 'unknown-reference');
  ds('dangling-follows', (d) => set(d.events[1]!, 'follows', ['detect']), 'invalid-dataset', ['events', 1, 'follows', 0], 'the earlier event does not exist', 'unknown-reference');
  ds('dangling-speaker', (d) => set(d.statements[0]!, 'speaker', 'sash'), 'invalid-dataset', ['statements', 0, 'speaker'], 'the speaker does not exist', 'unknown-reference');
  ds('dangling-refutes', (d) => set(d.claims[1]!, 'refutes', ['kremlin-town']), 'invalid-dataset', ['claims', 1, 'refutes', 0], 'the refuted claim does not exist', 'unknown-reference');
  ds('person-unit-other-side', (d) => set(d.persons[2]!, 'unit', 'ru-teams'), 'invalid-dataset', ['persons', 2, 'unit'], "a person's unit is on the person's side", 'side-mismatch');
  ds('line-used-as-area', (d) => set(d.claims[0]!, 'area', 'railway'), 'invalid-dataset', ['claims', 0, 'area'], 'a railway is not an area', 'wrong-place-kind');
  ds('area-used-as-line', (d) => set(d.claims[1]!, 'area', { split: { area: 'pokrovsk', line: 'pokrovsk', keep: 'north' } }), 'invalid-dataset', ['claims', 1, 'area', 'split', 'line'], 'a city is not a line to split by', 'wrong-place-kind');
  // --- Cyclic unit trees
  ds('unit-parent-self', (d) => set(d.units[0]!, 'parent', 'skala'), 'invalid-dataset', ['units', 0, 'parent'], 'a unit cannot be its own parent', 'cycle');
  ds('unit-parent-cycle-2', (d) => set(d.units[0]!, 'parent', 'skala-bn'), 'invalid-dataset', ['units', 0, 'parent'], 'regiment and battalion each the other’s parent', 'cycle');
  ds('unit-parent-cycle-3', (d) => { set(d.units[2]!, 'side', 'UA'); set(d.units[2]!, 'parent', 'skala-bn'); set(d.units[0]!, 'parent', 'ru-teams'); }, 'invalid-dataset', ['units', 0, 'parent'], 'a cycle of three', 'cycle');
  // --- NaN, Infinity and strings in coordinates
  ds('coordinate-nan', (d) => place0(d, poly([[NaN, 48.25], ...CITY.slice(1, 4), [NaN, 48.25]])), 'invalid-input', [...GEO, 0, 0, 0], 'NaN is not a longitude');
  ds('coordinate-infinity', (d) => place0(d, poly([[37.12, Infinity], ...CITY.slice(1, 4), [37.12, Infinity]])), 'invalid-input', [...GEO, 0, 0, 1], 'Infinity is not a latitude');
  ds('coordinate-minus-infinity', (d) => set(d.evidence[0]!.position, 'coordinates', [-Infinity, 48]), 'invalid-input', ['evidence', 0, 'position', 'coordinates', 0], '-Infinity is not a longitude');
  ds('coordinate-string', (d) => place0(d, poly([['37.12', 48.25], ...CITY.slice(1, 4), ['37.12', 48.25]])), 'invalid-input', [...GEO, 0, 0, 0], 'coordinates are numbers, not strings');
  ds('coordinate-null', (d) => place0(d, poly([[37.12, null], ...CITY.slice(1, 4), [37.12, null]])), 'invalid-input', [...GEO, 0, 0, 1], 'null is not a coordinate');
  ds('position-one-number', (d) => set(d.evidence[0]!.position, 'coordinates', [37.1]), 'invalid-input', ['evidence', 0, 'position', 'coordinates', 1], 'a position needs a latitude');
  ds('position-four-numbers', (d) => set(d.evidence[0]!.position, 'coordinates', [37.1, 48.2, 100, 5]), 'invalid-input', ['evidence', 0, 'position', 'coordinates'], 'a position has 2 or 3 numbers');
  ds('line-point-string', (d) => set(d.places[1]!, 'geometry', line([37.1, 48.28], 'x')), 'invalid-input', ['places', 1, 'geometry', 'coordinates', 1], 'a line position is an array');
  // --- Rings
  ds('ring-unclosed', (d) => place0(d, poly([...CITY.slice(0, 4), [37.12, 48.26]])), 'invalid-input', [...GEO, 0], 'a ring repeats its first position last', 'unclosed-ring');
  ds('ring-3-points', (d) => place0(d, poly([[37.12, 48.25], [37.24, 48.25], [37.12, 48.25]])), 'invalid-input', [...GEO, 0], 'a ring has at least 4 positions');
  ds('ring-empty', (d) => place0(d, poly([])), 'invalid-input', [...GEO, 0], 'an empty ring');
  ds('polygon-no-rings', (d) => place0(d, poly()), 'invalid-input', GEO, 'a polygon needs an outer ring');
  ds('multipolygon-unclosed', (d) => place0(d, { type: 'MultiPolygon', coordinates: [[CITY], [[[38, 48], [38.1, 48], [38.1, 48.1], [38, 48.1]]]] }), 'invalid-input', [...GEO, 1, 0], 'each polygon of a MultiPolygon is checked', 'unclosed-ring');
  ds('geometry-type-unknown', (d) => place0(d, { type: 'Polygn', coordinates: [CITY] }), 'invalid-input', ['places', 0, 'geometry', 'type'], 'a misspelt GeoJSON type');
  ds('geometry-collection', (d) => place0(d, { type: 'GeometryCollection', geometries: [] }), 'invalid-input', ['places', 0, 'geometry', 'type'], 'GeometryCollection is not stored (use several places)');
  // --- Out of range, antimeridian
  ds('longitude-200', (d) => place0(d, poly([[200, 48], [201, 48], [201, 49], [200, 48]])), 'invalid-input', [...GEO, 0, 0, 0], 'longitude beyond 180', 'out-of-range');
  ds('latitude-95', (d) => set(d.evidence[0]!.position, 'coordinates', [37.1, 95]), 'invalid-input', ['evidence', 0, 'position', 'coordinates', 1], 'latitude beyond 90', 'out-of-range');
  ds('lat-lon-swapped', (d) => set(d.evidence[0]!.position, 'coordinates', [48.29, 137.17]), 'invalid-input', ['evidence', 0, 'position', 'coordinates', 1], '[lat, lon] with lon > 90 is out of range as a latitude', 'out-of-range');
  // --- Time
  ds('date-2025-02-30', (d) => set(d.claims[0]!, 'statedAt', '2025-02-30'), 'invalid-input', ['claims', 0, 'statedAt'], 'February has no 30th', 'invalid-time');
  ds('date-2025-02-29', (d) => set(d.claims[0]!, 'statedAt', '2025-02-29'), 'invalid-input', ['claims', 0, 'statedAt'], '2025 is not a leap year', 'invalid-time');
  ds('date-month-13', (d) => set(d.statements[0]!, 'at', '2025-13'), 'invalid-input', ['statements', 0, 'at'], 'there is no month 13');
  ds('date-hour-25', (d) => set(d.evidence[0]!, 'capturedAt', '2025-12-01T25:00Z'), 'invalid-input', ['evidence', 0, 'capturedAt'], 'there is no hour 25');
  ds('date-not-iso', (d) => set(d.claims[0]!, 'statedAt', '1 December 2025'), 'invalid-input', ['claims', 0, 'statedAt'], 'times are ISO 8601');
  ds('date-us-order', (d) => set(d.claims[0]!, 'statedAt', '12/01/2025'), 'invalid-input', ['claims', 0, 'statedAt'], 'not the US date order');
  ds('time-without-offset', (d) => set(d.evidence[0]!, 'capturedAt', '2025-12-01T10:30'), 'invalid-input', ['evidence', 0, 'capturedAt'], 'a time of day needs a UTC offset');
  ds('time-zone-name', (d) => set(d.evidence[0]!, 'capturedAt', '2025-12-01T10:30 Europe/Kyiv'), 'invalid-input', ['evidence', 0, 'capturedAt'], 'time zone names are not ISO 8601 offsets');
  ds('time-offset-24h', (d) => set(d.evidence[0]!, 'capturedAt', '2025-12-01T10:30+24:00'), 'invalid-input', ['evidence', 0, 'capturedAt'], 'an offset of 24 hours does not exist');
  ds('time-offset-no-colon-bad', (d) => set(d.evidence[0]!, 'capturedAt', '2025-12-01T10:30+2'), 'invalid-input', ['evidence', 0, 'capturedAt'], 'an offset has two-digit hours');
  ds('week-53-of-2025', (d) => set(d.meta, 'asOf', '2025-W53'), 'invalid-input', ['meta', 'asOf'], '2025 has 52 ISO weeks');
  ds('precision-finer-than-string', (d) => set(d.claims[0]!, 'validAt', { at: '2025-12', precision: 'hour' }), 'invalid-input', ['claims', 0, 'validAt'], 'a month cannot be known to the hour');
  ds('precision-unknown', (d) => set(d.claims[0]!, 'validAt', { at: '2025-12', precision: 'fortnight' }), 'invalid-input', ['claims', 0, 'validAt', 'precision'], 'precision is one of second … year');
  ds('event-ends-before-start', (d) => set(d.events[1]!, 'until', '2025-11-28T06:00Z'), 'invalid-input', ['events', 1, 'until'], 'an interval cannot end before it begins');
  ds('age-without-as-of', (d) => set(d.persons[1]!, 'age', { years: 25 }), 'invalid-input', ['persons', 1, 'age', 'asOf'], 'an age is true as of a date');
  ds('age-negative', (d) => set(d.persons[1]!, 'age', { years: -1, asOf: '2025-12' }), 'invalid-input', ['persons', 1, 'age', 'years'], 'an age is not negative');
  ds('refutes-later-claim', (d) => { set(d.claims[0]!, 'refutes', ['ua-north']); del(d.claims[1]!, 'refutes'); }, 'invalid-dataset', ['claims', 0, 'refutes', 0], 'a claim cannot refute one stated after it', 'refutes-later-claim');
  ds('refutes-itself', (d) => set(d.claims[0]!, 'refutes', ['kremlin-city']), 'invalid-dataset', ['claims', 0, 'refutes', 0], 'a claim cannot refute itself', 'self-reference');
  ds('valid-at-after-refuting-claim', (d) => { set(d.claims[0]!, 'statedAt', '2025-12-03'); set(d.claims[0]!, 'validAt', '2025-12-05'); }, 'invalid-dataset', ['claims', 1, 'refutes', 0], 'the refuting claim (2 Dec) predates the claim it refutes (stated 3 Dec, valid 5 Dec)', 'refutes-later-claim');
  // --- Enumerations and scales
  ds('echelon-capitalised', (d) => set(d.units[0]!, 'echelon', 'Regiment'), 'invalid-input', ['units', 0, 'echelon'], 'echelons are lower-case words');
  ds('role-unknown', (d) => set(d.units[0]!, 'role', 'storm'), 'invalid-input', ['units', 0, 'role'], 'roles are a fixed list');
  ds('credibility-7', (d) => set(d.claims[0]!, 'credibility', 7), 'invalid-input', ['claims', 0, 'credibility'], 'credibility runs 1–6');
  ds('credibility-0', (d) => set(d.claims[0]!, 'credibility', 0), 'invalid-input', ['claims', 0, 'credibility'], 'credibility runs 1–6');
  ds('reliability-G', (d) => set(d.actors[2]!, 'reliability', 'G'), 'invalid-input', ['actors', 2, 'reliability'], 'reliability runs A–F');
  ds('status-taken', (d) => set(d.claims[0]!, 'status', 'taken'), 'invalid-input', ['claims', 0, 'status'], 'status is controlled, contested or advancing');
  ds('basis-rumoured', (d) => set(d.claims[0]!, 'basis', 'rumoured'), 'invalid-input', ['claims', 0, 'basis'], 'basis is claimed, assessed or inferred');
  ds('keep-up', (d) => set(d.claims[1]!, 'area', { split: { area: 'pokrovsk', line: 'railway', keep: 'up' } }), 'invalid-input', ['claims', 1, 'area', 'split', 'keep'], 'keep is a compass word or left/right');
  ds('evidence-kind-unknown', (d) => set(d.evidence[0]!, 'kind', 'tiktok'), 'invalid-input', ['evidence', 0, 'kind'], 'evidence kinds are a fixed list');
  // --- Area expressions
  ds('area-number', (d) => set(d.claims[0]!, 'area', 7), 'invalid-input', ['claims', 0, 'area'], 'an area is a place id or an expression');
  ds('area-unknown-operator', (d) => set(d.claims[0]!, 'area', { merge: ['pokrovsk', 'pokrovsk'] }), 'invalid-input', ['claims', 0, 'area'], 'merge is not an area operator');
  ds('union-of-one', (d) => set(d.claims[0]!, 'area', { union: ['pokrovsk'] }), 'invalid-input', ['claims', 0, 'area', 'union'], 'a union needs two areas');
  ds('split-without-line', (d) => set(d.claims[1]!, 'area', { split: { area: 'pokrovsk', keep: 'north' } }), 'invalid-input', ['claims', 1, 'area', 'split', 'line'], 'a split needs a line');
  ds('difference-without-minus', (d) => set(d.claims[0]!, 'area', { difference: { area: 'pokrovsk' } }), 'invalid-input', ['claims', 0, 'area', 'difference', 'minus'], 'a difference needs what to take away');
  ds('inline-geometry-line', (d) => set(d.claims[0]!, 'area', { geometry: RAIL }), 'invalid-input', ['claims', 0, 'area', 'geometry', 'type'], 'an inline area is a Polygon or MultiPolygon');
  // --- Mixed scripts
  ds('call-sign-mixed-script', (d) => set(d.persons[2]!, 'callSign', 'Rаbbit'), 'invalid-input', ['persons', 2, 'callSign'], 'Latin Rabbit with a Cyrillic а is a look-alike', 'mixed-script');
  ds('call-sign-mixed-cyrillic-o', (d) => set(d.persons[2]!, 'callSign', 'Ghоst'), 'invalid-input', ['persons', 2, 'callSign'], 'Ghost with a Cyrillic о', 'mixed-script');
  ds('call-sign-mixed-greek-omicron', (d) => set(d.persons[2]!, 'callSign', 'Ghοst'), 'invalid-input', ['persons', 2, 'callSign'], 'Ghost with a Greek ο', 'mixed-script');
  add('call-sign-mixed-script-direct', 'normalizeCallSign', 'Godfаther', 'mixed-script', [], 'normalizeCallSign refuses look-alikes too');
  // --- Prototype keys
  add('proto-top-level', 'parseDataset', json('{"__proto__": {"polluted": true}, "sides": []}'), 'invalid-input', ['__proto__'], '__proto__ as a dataset field: unknown, reported, Object.prototype untouched');
  add('proto-in-entity', 'parseDataset', json('{"sides": [{"id": "UA", "name": "Ukraine", "__proto__": {"polluted": true}}]}'), 'invalid-input', ['sides', 0, '__proto__'], '__proto__ inside an entity');
  add('proto-in-properties', 'parseDataset', json('{"sides": [{"id": "UA", "name": "Ukraine", "properties": {"__proto__": {"polluted": true}}}]}'), 'invalid-input', ['sides', 0, 'properties', '__proto__'], '__proto__ inside properties cannot be stored', 'forbidden-key');
  add('proto-in-geometry', 'parseDataset', json('{"places": [{"id": "p", "name": "P", "kind": "settlement", "geometry": {"type": "Point", "coordinates": [37, 48], "__proto__": {"polluted": true}}}]}'), 'invalid-input', ['places', 0, 'geometry', '__proto__'], '__proto__ as a foreign member of a geometry', 'forbidden-key');
  add('proto-in-meta', 'parseDataset', json('{"meta": {"title": "t", "__proto__": {"polluted": true}}}'), 'invalid-input', ['meta', '__proto__'], '__proto__ inside meta');
  add('constructor-in-side', 'parseDataset', json('{"sides": [{"id": "UA", "name": "Ukraine", "constructor": "x"}]}'), 'invalid-input', ['sides', 0, 'constructor'], 'constructor is an unknown field', 'unknown-field');
  add('prototype-in-claim', 'parseDataset', { claims: [{ ...claim(), prototype: {} }] }, 'invalid-input', ['claims', 0, 'prototype'], 'prototype is an unknown field', 'unknown-field');
  add('proto-entity-entry', 'parseEntity:side', json('{"id": "UA", "name": "Ukraine", "__proto__": {"polluted": true}}'), 'invalid-input', ['__proto__'], 'parseEntity applies the same rule');
  // --- Long strings (10,000 characters and more)
  ds('id-10000-chars', (d) => set(d.units[2]!, 'id', 'x'.repeat(10_000)), 'invalid-input', ['units', 2, 'id'], 'an id is at most 200 characters');
  ds('name-10000-chars', (d) => set(d.sides[0]!, 'name', 'U'.repeat(10_000)), 'invalid-input', ['sides', 0, 'name'], 'a name is at most 1,000 characters');
  ds('call-sign-10000-chars', (d) => set(d.persons[2]!, 'callSign', 'R'.repeat(10_000)), 'invalid-input', ['persons', 2, 'callSign'], 'a call sign is short');
  ds('time-10000-chars', (d) => set(d.claims[0]!, 'statedAt', '2'.repeat(10_000)), 'invalid-input', ['claims', 0, 'statedAt'], 'a time string is at most 64 characters');
  ds('properties-key-10000-chars', (d) => set(d.sides[0]!, 'properties', { ['k'.repeat(10_000)]: 1 }), 'invalid-input', ['sides', 0, 'properties', 'k'.repeat(10_000)], 'a property key is at most 1,000 characters', 'invalid-key');
  ds('quote-200000-chars', (d) => set(d.statements[0]!, 'text', 'a'.repeat(200_000)), 'invalid-input', ['statements', 0, 'text'], 'text is at most 100,000 characters');

  // --- Geometry entry points
  add('area-nan', 'areaKm2', poly([[NaN, 48], [37.1, 48], [37.1, 48.1], [NaN, 48]]), 'invalid-geometry', ['coordinates', 0, 0], 'NaN has no area', 'non-finite-coordinate');
  add('area-infinity', 'areaKm2', poly([[37, 48], [Infinity, 48], [37.1, 48.1], [37, 48]]), 'invalid-geometry', ['coordinates', 0, 1], 'Infinity has no area', 'non-finite-coordinate');
  add('area-string-coordinate', 'areaKm2', poly([[37, 48], ['37.1', 48], [37.1, 48.1], [37, 48]]), 'invalid-geometry', ['coordinates', 0, 1], 'a string is not a coordinate', 'non-finite-coordinate');
  add('area-out-of-range', 'areaKm2', poly([[37, 48], [37.1, 91], [37.1, 48.1], [37, 48]]), 'invalid-geometry', ['coordinates', 0, 1], 'latitude 91', 'out-of-range');
  add('area-antimeridian', 'areaKm2', poly([[179, 60], [-179, 60], [-179, 61], [179, 61], [179, 60]]), 'invalid-geometry', ['coordinates', 0, 1], 'an edge from 179° to −179° runs the long way round; cut at ±180°', 'antimeridian-crossing');
  add('area-antimeridian-multipolygon', 'areaKm2', { type: 'MultiPolygon', coordinates: [[box(170, 60, 175, 61)], [[[178, 60], [-178, 60], [-178, 61], [178, 61], [178, 60]]]] }, 'invalid-geometry', ['coordinates', 1, 0, 1], 'the second polygon crosses the antimeridian', 'antimeridian-crossing');
  add('area-not-geojson', 'areaKm2', { coordinates: [CITY] }, 'invalid-input', ['type'], 'no type');
  add('area-type-unknown', 'areaKm2', { type: 'Circle', radius: 5 }, 'invalid-input', ['type'], 'Circle is not GeoJSON');
  add('area-coordinates-missing', 'areaKm2', { type: 'Polygon' }, 'invalid-input', ['coordinates'], 'a Polygon needs coordinates');
  add('area-feature-collection-features-object', 'areaKm2', { type: 'FeatureCollection', features: {} }, 'invalid-input', ['features'], 'features is an array');
  add('area-feature-bad-geometry', 'areaKm2', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: poly(CITY) }, { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[37, 48], [37, NaN], [37.1, 48], [37, 48]]] } }] }, 'invalid-geometry', ['features', 1, 'geometry', 'coordinates', 0, 1], 'the path points into the second feature', 'non-finite-coordinate');
  add('area-null', 'areaKm2', null, 'invalid-input', [], 'null is not GeoJSON');
  add('union-nan', 'union', [poly(CITY), poly([[37, 48], [37.1, NaN], [37.1, 48.1], [37, 48]])], 'invalid-geometry', [1, 'coordinates', 0, 1], 'the second operand has NaN', 'non-finite-coordinate');
  add('union-line', 'union', [poly(CITY), RAIL], 'invalid-input', [1, 'type'], 'a line is not an area', 'not-an-area');
  add('union-point', 'union', [{ type: 'Point', coordinates: [37, 48] }], 'invalid-input', [0, 'type'], 'a point is not an area', 'not-an-area');
  add('union-antimeridian', 'union', [poly([[179, 60], [-179, 60], [-179, 61], [179, 61], [179, 60]])], 'invalid-geometry', [0, 'coordinates', 0, 1], 'boolean operations refuse antimeridian crossings too', 'antimeridian-crossing');
  add('union-string', 'union', ['pokrovsk'], 'invalid-input', [0], 'union takes GeoJSON, not place ids (use resolveArea)');
  add('intersection-out-of-range', 'intersection', [poly(CITY), poly([[-190, 0], [-189, 0], [-189, 1], [-190, 0]])], 'invalid-geometry', [1, 'coordinates', 0, 0], 'longitude −190', 'out-of-range');
  add('difference-null-area', 'difference', [null, poly(CITY)], 'invalid-input', ['area'], 'the area to cut from is missing');
  add('split-line-one-point', 'splitByLine', { area: poly(CITY), line: line([37.1, 48.28]) }, 'invalid-geometry', ['line'], 'a line of one point cannot split', 'degenerate-line');
  add('split-line-repeated-point', 'splitByLine', { area: poly(CITY), line: line([37.1, 48.28], [37.1, 48.28], [37.1, 48.28]) }, 'invalid-geometry', ['line'], 'one point repeated is still one point', 'degenerate-line');
  add('split-line-misses', 'splitByLine', { area: poly(CITY), line: line([38, 49], [38.1, 49]) }, 'invalid-geometry', ['line'], 'the line does not meet the area', 'line-misses-area');
  add('split-line-nan', 'splitByLine', { area: poly(CITY), line: line([37.1, NaN], [37.26, 48.29]) }, 'invalid-geometry', ['line', 0], 'NaN in the split line', 'non-finite-coordinate');
  add('split-line-is-polygon', 'splitByLine', { area: poly(CITY), line: poly(CITY) }, 'invalid-input', ['line'], 'a polygon is not a split line');
  add('split-multiline-two', 'splitByLine', { area: poly(CITY), line: { type: 'MultiLineString', coordinates: [[[37.1, 48.28], [37.26, 48.29]], [[37.1, 48.3], [37.26, 48.3]]] } }, 'invalid-input', ['line'], 'a MultiLineString of two lines is ambiguous');
  add('split-empty-area', 'splitByLine', { area: { type: 'MultiPolygon', coordinates: [] }, line: RAIL }, 'invalid-geometry', ['area'], 'nothing to split', 'empty-area');
  add('split-zero-area', 'splitByLine', { area: poly([[37.12, 48.25], [37.24, 48.25], [37.18, 48.25], [37.12, 48.25]]), line: RAIL }, 'invalid-geometry', ['area'], 'a ring with no area cleans to nothing', 'empty-area');
  add('split-line-self-crossing', 'splitByLine', { area: poly(CITY), line: line([37.1, 48.27], [37.2, 48.31], [37.2, 48.26], [37.1, 48.3]) }, 'invalid-geometry', ['line'], 'the extended line meets itself', 'line-crosses-itself');
  add('split-line-antimeridian', 'splitByLine', { area: poly(CITY), line: line([179, 48], [-179, 48]) }, 'invalid-geometry', ['line', 1], 'the split line jumps the antimeridian', 'antimeridian-crossing');
  add('keep-north-of-meridian', 'keepSideOfLine', { area: poly(CITY), line: line([37.18, 48.2], [37.18, 48.4]), keep: 'north' }, 'invalid-geometry', ['keep'], 'a north–south line has no north side', 'ambiguous-side');
  add('distance-nan', 'distanceM', { from: [37, NaN], to: [37.1, 48] }, 'invalid-geometry', ['from', 0], 'NaN in a point', 'non-finite-coordinate');
  add('distance-polygon', 'distanceM', { from: poly(CITY), to: [37.1, 48] }, 'invalid-input', ['from'], 'a polygon is not a point');
  add('length-line-one-point-nan', 'lengthM', line([37, 48], [NaN, 48]), 'invalid-geometry', ['coordinates', 1], 'NaN in a line', 'non-finite-coordinate');
  add('contains-nan-point', 'contains', { area: poly(CITY), what: [NaN, 48.3] }, 'invalid-geometry', ['what', 0], 'NaN is nowhere', 'non-finite-coordinate');

  // --- resolveArea
  const places = sampleDataset().places;
  add('resolve-unknown-place', 'resolveArea', { dataset: { places }, area: 'pokrovskk' }, 'not-found', [], 'no such place', 'unknown-reference');
  add('resolve-line-as-area', 'resolveArea', { dataset: { places }, area: 'railway' }, 'invalid-geometry', [], 'a railway is not an area', 'wrong-place-kind');
  add('resolve-split-unknown-line', 'resolveArea', { dataset: { places }, area: { split: { area: 'pokrovsk', line: 'rail', keep: 'north' } } }, 'not-found', ['split', 'line'], 'no such line', 'unknown-reference');
  add('resolve-split-misses', 'resolveArea', { dataset: { places }, area: { split: { area: 'pokrovsk', line: line([37.17, 49], [37.17, 49.1]), keep: 'east' } } }, 'invalid-geometry', ['split', 'line'], 'the inline line stops north of the city and its extension would cut it: ambiguous', 'line-misses-area');
  add('resolve-inline-nan', 'resolveArea', { dataset: { places }, area: { union: ['pokrovsk', { geometry: poly([[37, 48], [37.1, NaN], [37.1, 48.1], [37, 48]]) }] } }, 'invalid-geometry', ['union', 1, 'geometry', 'coordinates', 0, 1], 'NaN deep in an expression is reported where it is', 'non-finite-coordinate');
  add('resolve-union-null', 'resolveArea', { dataset: { places }, area: { union: ['pokrovsk', null] } }, 'invalid-input', ['union', 1], 'null inside a union');
  add('resolve-split-null', 'resolveArea', { dataset: { places }, area: { split: null } }, 'invalid-input', [], 'split is an object');
  add('resolve-dataset-null', 'resolveArea', { dataset: null, area: 'pokrovsk' }, 'invalid-input', ['dataset'], 'resolveArea needs places to look ids up in');

  // --- Claim diffs and control maps
  const nanClaim = claim({ area: { geometry: poly([[37, 48], [37.1, NaN], [37.1, 48.1], [37, 48]]) } });
  add('diff-a-not-claims', 'diffClaims', { a: 'kremlin', b: [] }, 'invalid-input', ['a'], 'a is claims or a control map');
  add('diff-b-null', 'diffClaims', { a: [], b: null }, 'invalid-input', ['b'], 'b is claims or a control map');
  add('diff-claim-null', 'diffClaims', { a: [null], b: [] }, 'invalid-input', ['a', 0], 'a claim is an object');
  add('diff-claim-nan', 'diffClaims', { a: [nanClaim], b: [] }, 'invalid-geometry', ['a', 0, 'area', 'geometry', 'coordinates', 0, 1], 'NaN in a claimed area', 'non-finite-coordinate');
  add('diff-claim-bad-time', 'diffClaims', { a: [claim({ statedAt: '2025-02-30' })], b: [] }, 'invalid-input', ['a', 0, 'statedAt'], 'an impossible date in an unparsed claim', 'invalid-time');
  add('diff-claim-unknown-place', 'diffClaims', { a: [claim({ area: 'pokrovsk' })], b: [] }, 'not-found', ['a', 0, 'area'], 'an area id with no places given', 'unknown-reference');
  add('diff-options-null', 'diffClaims', { a: [], b: [], options: null }, 'invalid-input', ['options'], 'options is an object');
  add('diff-within-nan', 'diffClaims', { a: [], b: [], options: { within: poly([[37, 48], [37.1, NaN], [37.1, 48.1], [37, 48]]) } }, 'invalid-geometry', ['within', 'coordinates', 0, 1], 'NaN in the frame', 'non-finite-coordinate');
  add('diff-map-region-without-status', 'diffClaims', { a: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: poly(CITY) }] }, b: [] }, 'invalid-input', ['a', 'features', 0, 'properties', 'status'], 'a control map region needs a status');
  add('diff-map-region-antimeridian', 'diffClaims', { a: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { status: 'controlled', side: 'RU' }, geometry: poly([[179, 60], [-179, 60], [-179, 61], [179, 61], [179, 60]]) }] }, b: [] }, 'invalid-geometry', ['a', 'features', 0, 'geometry', 'coordinates', 0, 1], 'an antimeridian-crossing region', 'antimeridian-crossing');
  add('change-before-string', 'controlChange', { before: 'yesterday', after: [] }, 'invalid-input', ['before'], 'before is claims or a map');
  add('change-claim-missing-status', 'controlChange', { before: [claim({ status: undefined })], after: [] }, 'invalid-input', ['before', 0, 'status'], 'a claim without a status');
  add('control-map-claims-object', 'controlMap', { claims: { c1: claim() } }, 'invalid-input', [], 'claims is a list');
  add('control-map-as-of-bad', 'controlMap', { claims: [claim()], options: { asOf: '2025-02-30' } }, 'invalid-input', ['asOf'], 'asOf is a real time', 'invalid-time');

  // --- Importers
  const dsFeature = (geometry: unknown, name = 'Occupied'): Loose => ({ type: 'Feature', properties: { name }, geometry });
  add('deepstate-not-collection', 'fromDeepState', { layer: { type: 'Feature' }, options: { asOf: '2025-12-01' } }, 'invalid-input', [], 'a layer is a FeatureCollection');
  add('deepstate-nan', 'fromDeepState', { layer: { type: 'FeatureCollection', features: [dsFeature(poly([[37, 48], [37.1, NaN], [37.1, 48.1], [37, 48]]))] }, options: { asOf: '2025-12-01' } }, 'invalid-geometry', ['features', 0, 'geometry', 'coordinates', 0, 1], 'NaN cannot be repaired', 'non-finite-coordinate');
  add('deepstate-point', 'fromDeepState', { layer: { type: 'FeatureCollection', features: [dsFeature({ type: 'Point', coordinates: [37, 48] })] }, options: { asOf: '2025-12-01' } }, 'invalid-input', ['features', 0, 'geometry', 'type'], 'a control class must be an area');
  add('deepstate-bad-as-of', 'fromDeepState', { layer: { type: 'FeatureCollection', features: [] }, options: { asOf: '2025-02-30' } }, 'invalid-input', ['options', 'asOf'], 'asOf is a real date');
  add('deepstate-name-number', 'fromDeepState', { layer: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 5 }, geometry: poly(CITY) }] }, options: { asOf: '2025-12-01' } }, 'invalid-input', ['features', 0, 'properties', 'name'], 'a label is a string');
  add('deepstate-proto-properties', 'fromDeepState', { layer: json(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Occupied", "__proto__": {"polluted": true}}, "geometry": {"type": "Polygon", "coordinates": [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]]}}, {"type": "Feature", "properties": {}, "geometry": null}, 5]}`), options: { asOf: '2025-12-01' } }, 'invalid-input', ['features', 2], '__proto__ in feature properties is ignored as data (not a control field); the bad feature after it is reported');
  add('isw-layers-null', 'fromIsw', { layers: null, options: { asOf: '2022-11-15' } }, 'invalid-input', [], 'layers is an object of collections');
  add('geojson-status-bad', 'fromGeoJSON', { collection: { type: 'FeatureCollection', features: [] }, options: { claimant: 'a', status: 'held', asOf: '2025-12-01' } }, 'invalid-input', ['options', 'status'], 'status is one of three words');
  add('geojson-feature-line', 'fromGeoJSON', { collection: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: RAIL }] }, options: { claimant: 'a', status: 'controlled', side: 'UA', asOf: '2025-12-01' } }, 'invalid-input', ['features', 0, 'geometry', 'type'], 'a claim needs an area');

  // --- Output
  add('svg-null', 'toSvg', { input: null }, 'invalid-input', [], 'toSvg draws a map, a diff, a change or a comparison');
  add('svg-width-negative', 'toSvg', { input: { type: 'FeatureCollection', features: [] }, options: { width: -5 } }, 'invalid-input', ['options', 'width'], 'a width is positive');
  add('svg-region-nan', 'toSvg', { input: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { status: 'controlled', side: 'RU' }, geometry: poly([[37, 48], [37.1, NaN], [37.1, 48.1], [37, 48]]) }] } }, 'invalid-geometry', ['features', 0, 'geometry', 'coordinates', 0, 1], 'NaN cannot be drawn', 'non-finite-coordinate');
  add('svg-proto-properties', 'toSvg', { input: json(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"status": "controlled", "side": "RU", "__proto__": {"polluted": true}}, "geometry": {"type": "Polygon", "coordinates": [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]]}}]}`), options: { width: 0 } }, 'invalid-input', ['options', 'width'], '__proto__ in region properties is ignored data; the bad width after it is reported');

  // --- Personnel, units, time, positions
  add('call-sign-number', 'normalizeCallSign', 42, 'invalid-input', ['callSign'], 'a call sign is a string');
  add('call-sign-empty', 'normalizeCallSign', '', 'invalid-input', [], 'an empty call sign');
  add('chain-unknown-unit', 'chainOfCommand', { dataset: { units: [] }, unitId: 'skala' }, 'not-found', [], 'no such unit', 'unknown-unit');
  add('chain-units-null-item', 'chainOfCommand', { dataset: { units: [null] }, unitId: 'skala' }, 'invalid-input', ['dataset', 'units', 0], 'a unit is an object');
  add('resolve-time-2025-02-30', 'resolveTime', '2025-02-30', 'invalid-input', [], 'February has no 30th', 'invalid-time');
  add('resolve-time-object-no-at', 'resolveTime', { precision: 'day' }, 'invalid-input', [], 'a { at, precision } needs at', 'invalid-time');
  add('resolve-time-precision-proto', 'resolveTime', { at: '2025-12', precision: 'constructor' }, 'invalid-input', [], 'constructor is not a precision (and not read from Object.prototype)', 'invalid-time');
  add('mgrs-garbage', 'fromMgrs', '37U ZZ 1', 'invalid-input', [], 'not an MGRS reference');
  add('mgrs-longitude-out-of-range', 'toMgrs', [-4963145729971119, 48], 'invalid-input', [], 'a longitude beyond ±180 has no MGRS square', 'out-of-range');
  add('parse-entity-unknown-name', 'parseEntity:tank', { id: 't' }, 'invalid-input', ['name'], 'there is no entity called tank', 'unknown-entity');
  add('parse-entity-claim-null', 'parseEntity:claim', null, 'invalid-input', [], 'a claim is an object');
  add('parse-entity-position-nan', 'parseEntity:position', { coordinates: [NaN, 48] }, 'invalid-input', ['coordinates', 0], 'NaN in a position');
  add('parse-entity-area-ref-array', 'parseEntity:areaRef', ['pokrovsk'], 'invalid-input', [], 'an area is not an array');

  // --- Wrong kinds of objects and odd values in unparsed data (issue 18)
  const call = (name: string, fn: string, args: unknown[], code: string, path: (string | number)[], why: string, issueCode?: string): void => add(name, `call:${fn}`, args, code, path, why, issueCode);
  const flag = (over: Loose = {}): Loose => ({ id: 'e1', kind: 'drone-video', capturedAt: '2025-12-01', position: { coordinates: [37.18, 48.28] }, shows: [{ kind: 'presence', side: 'UA' }], ...over });
  const kremlin = { id: 'kremlin', name: 'Kremlin', kind: 'government' };
  call('contradictions-shows-null', 'findContradictions', [{ claims: [claim()], evidence: [flag({ shows: null })] }], 'invalid-input', ['dataset', 'evidence', 0, 'shows'], 'shows is a list of observations, not null');
  call('support-shows-null', 'findSupport', [{ claims: [claim()], evidence: [flag({ shows: null })] }], 'invalid-input', ['dataset', 'evidence', 0, 'shows'], 'findSupport applies the same check');
  call('contradictions-refutes-string', 'findContradictions', [{ claims: [claim({ refutes: 'c0' })], evidence: [flag()] }], 'invalid-input', ['dataset', 'claims', 0, 'refutes'], 'refutes is a list of ids, not one id');
  call('contradictions-tolerance-string', 'findContradictions', [{ claims: [], evidence: [] }, { timeTolerance: '60' }], 'invalid-input', ['options', 'timeTolerance'], 'a tolerance is a number of minutes');
  call('assess-status-taken', 'assessControl', [{ claims: [claim({ status: 'taken' })], actors: [kremlin] }, { asOf: '2025-12-02' }], 'invalid-input', ['dataset', 'claims', 0, 'status'], 'an unparsed claim with a status that does not exist');
  call('assess-reliability-z', 'assessControl', [{ claims: [claim()], actors: [{ ...kremlin, reliability: 'Z' }] }, { asOf: '2025-12-02' }], 'invalid-input', ['dataset', 'actors', 0, 'reliability'], 'reliability runs A–F');
  call('assess-credibility-string', 'assessControl', [{ claims: [claim({ credibility: 'high' })], actors: [kremlin] }, { asOf: '2025-12-02' }], 'invalid-input', ['dataset', 'claims', 0, 'credibility'], 'credibility is 1–6');
  call('find-aliases-number', 'findByCallSign', [{ persons: [{ id: 'p', callSign: 'Ghost', side: 'UA', aliases: 5 }] }, 'Ghost'], 'invalid-input', ['dataset', 'persons', 0, 'aliases'], 'aliases is a list');
  call('find-unit-number', 'findByCallSign', [{ persons: [] }, 'Ghost', { unit: 5 }], 'invalid-input', ['options', 'unit'], 'a unit scope is a unit id');
  call('deepstate-on-ignored-number', 'fromDeepState', [{ type: 'FeatureCollection', features: [] }, { asOf: '2025-12-01', onIgnored: 5 }], 'invalid-input', ['options', 'onIgnored'], 'onIgnored is a function');
  call('keep-object', 'keepSideOfLine', [poly(CITY), RAIL, {}], 'invalid-input', ['keep'], 'keep is a compass word or left/right');
  call('claim-review-of-geometry', 'toClaimReview', [poly(CITY), { url: 'https://example.org/r', author: { name: 'R' }, verdict: 'false', datePublished: '2025-12-02' }], 'invalid-input', ['claim', 'type'], 'a geometry is not a claim', 'unknown-field');
  call('claim-review-of-null', 'toClaimReview', [null, {}], 'invalid-input', ['claim'], 'null is not a claim');
  return cases;
}
