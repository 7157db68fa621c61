/**
 * The catalogue of bad inputs: every one must come back as a ContestedError
 * with the right code and a path into the input, never a TypeError, a stack
 * overflow or a zod stack trace. The table keeps the count visible.
 */
import { describe, expect, it } from 'vitest';
import { ContestedError, formatPath, type ContestedErrorCode } from '../../src/errors/index.js';
import { parseDataset, safeParseDataset, safeParseEntity } from '../../src/dataset/parse.js';
import { MAX_AREA_DEPTH } from '../../src/places/areaRef.js';
import { sampleDataset } from './arbitraries.js';

type Sample = ReturnType<typeof sampleDataset>;
type Loose = Record<string, unknown>;

/** The sample dataset with one thing broken. */
function broken(breakIt: (d: Sample) => void): unknown {
  const d = sampleDataset();
  breakIt(d);
  return d;
}
const set = (target: object, key: string, value: unknown): void => {
  (target as Loose)[key] = value;
};
const drop = (target: object, key: string): void => {
  delete (target as Loose)[key];
};
const ring = (coordinates: unknown): unknown => ({ type: 'Polygon', coordinates: [coordinates] });

function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let area: unknown = 'pokrovsk';
  for (let i = 0; i < depth; i++) area = wrap(area);
  return area;
}

interface BadInput {
  what: string;
  input: unknown;
  code: ContestedErrorCode;
  path: (string | number)[];
  /** The issue's path starts with `path` (for limits, reported where the limit is passed). */
  prefix?: true;
}

const BAD_INPUTS: BadInput[] = [
  // The dataset as a whole
  { what: 'null dataset', input: null, code: 'invalid-input', path: [] },
  { what: 'array dataset', input: [], code: 'invalid-input', path: [] },
  { what: 'string dataset', input: '{"sides":[]}', code: 'invalid-input', path: [] },
  { what: 'unknown top-level field', input: { ...sampleDataset(), claimz: [] }, code: 'invalid-input', path: ['claimz'] },
  { what: '__proto__ key at the top', input: JSON.parse('{"__proto__": {"polluted": true}, "sides": []}'), code: 'invalid-input', path: ['__proto__'] },
  { what: 'constructor key in a side', input: JSON.parse('{"sides": [{"id": "UA", "name": "Ukraine", "constructor": "x"}]}'), code: 'invalid-input', path: ['sides', 0, 'constructor'] },
  { what: '__proto__ key inside properties', input: JSON.parse('{"sides": [{"id": "UA", "name": "Ukraine", "properties": {"__proto__": {"a": 1}}}]}'), code: 'invalid-input', path: ['sides', 0, 'properties', '__proto__'] },
  { what: 'list that is an object', input: { sides: { UA: 'Ukraine' } }, code: 'invalid-input', path: ['sides'] },
  { what: 'entity that is null', input: { sides: [null] }, code: 'invalid-input', path: ['sides', 0] },
  // Fields
  { what: 'wrong type (number as name)', input: broken((d) => set(d.sides[0]!, 'name', 42)), code: 'invalid-input', path: ['sides', 0, 'name'] },
  { what: 'missing required field', input: broken((d) => drop(d.claims[0]!, 'basis')), code: 'invalid-input', path: ['claims', 0, 'basis'] },
  { what: 'misspelt field', input: broken((d) => set(d.claims[0]!, 'claimnt', 'kremlin')), code: 'invalid-input', path: ['claims', 0, 'claimnt'] },
  { what: 'empty id', input: broken((d) => set(d.units[2]!, 'id', '')), code: 'invalid-input', path: ['units', 2, 'id'] },
  { what: 'id with spaces around it', input: broken((d) => set(d.units[2]!, 'id', ' ru-teams ')), code: 'invalid-input', path: ['units', 2, 'id'] },
  { what: '10,000-character id', input: broken((d) => set(d.units[2]!, 'id', 'x'.repeat(10_000))), code: 'invalid-input', path: ['units', 2, 'id'] },
  // Time
  { what: 'time that is not ISO 8601', input: broken((d) => set(d.claims[0]!, 'statedAt', 'yesterday')), code: 'invalid-input', path: ['claims', 0, 'statedAt'] },
  { what: '2025-02-30', input: broken((d) => set(d.claims[0]!, 'statedAt', '2025-02-30')), code: 'invalid-input', path: ['claims', 0, 'statedAt'] },
  { what: 'month 13', input: broken((d) => set(d.statements[0]!, 'at', '2025-13')), code: 'invalid-input', path: ['statements', 0, 'at'] },
  { what: 'time of day without UTC offset', input: broken((d) => set(d.evidence[0]!, 'capturedAt', '2025-12-01T10:30')), code: 'invalid-input', path: ['evidence', 0, 'capturedAt'] },
  { what: 'week 53 of 2025', input: broken((d) => set(d.meta, 'asOf', '2025-W53')), code: 'invalid-input', path: ['meta', 'asOf'] },
  { what: 'precision finer than the string', input: broken((d) => set(d.claims[0]!, 'validAt', { at: '2025-12', precision: 'hour' })), code: 'invalid-input', path: ['claims', 0, 'validAt'] },
  { what: 'event ending before it begins', input: broken((d) => set(d.events[1]!, 'until', '2025-11-28T06:00Z')), code: 'invalid-input', path: ['events', 1, 'until'] },
  { what: 'age without its date', input: broken((d) => set(d.persons[1]!, 'age', { years: 25 })), code: 'invalid-input', path: ['persons', 1, 'age', 'asOf'] },
  // Enumerations and scales
  { what: 'invalid echelon', input: broken((d) => set(d.units[0]!, 'echelon', 'Regiment')), code: 'invalid-input', path: ['units', 0, 'echelon'] },
  { what: 'invalid role', input: broken((d) => set(d.units[0]!, 'role', 'storm')), code: 'invalid-input', path: ['units', 0, 'role'] },
  { what: 'credibility 7', input: broken((d) => set(d.claims[0]!, 'credibility', 7)), code: 'invalid-input', path: ['claims', 0, 'credibility'] },
  { what: 'credibility 2.5', input: broken((d) => set(d.evidence[0]!, 'credibility', 2.5)), code: 'invalid-input', path: ['evidence', 0, 'credibility'] },
  { what: "reliability 'G'", input: broken((d) => set(d.actors[2]!, 'reliability', 'G')), code: 'invalid-input', path: ['actors', 2, 'reliability'] },
  { what: 'unknown control status', input: broken((d) => set(d.claims[0]!, 'status', 'taken')), code: 'invalid-input', path: ['claims', 0, 'status'] },
  // Geometry
  { what: 'unclosed ring', input: broken((d) => set(d.places[0]!, 'geometry', ring([[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48.2]]))), code: 'invalid-input', path: ['places', 0, 'geometry', 'coordinates', 0] },
  { what: '3-position ring', input: broken((d) => set(d.places[0]!, 'geometry', ring([[37, 48], [37.1, 48], [37, 48]]))), code: 'invalid-input', path: ['places', 0, 'geometry', 'coordinates', 0] },
  { what: 'longitude 200', input: broken((d) => set(d.places[1]!, 'geometry', { type: 'LineString', coordinates: [[37, 48], [200, 48]] })), code: 'invalid-input', path: ['places', 1, 'geometry', 'coordinates', 1, 0] },
  { what: 'NaN coordinate', input: broken((d) => set(d.evidence[0]!.position, 'coordinates', [Number.NaN, 48.29])), code: 'invalid-input', path: ['evidence', 0, 'position', 'coordinates', 0] },
  { what: 'Infinity coordinate', input: broken((d) => set(d.evidence[0]!.position, 'coordinates', [37.17, Number.POSITIVE_INFINITY])), code: 'invalid-input', path: ['evidence', 0, 'position', 'coordinates', 1] },
  { what: 'string coordinate', input: broken((d) => set(d.evidence[0]!.position, 'coordinates', ['37.17', 48.29])), code: 'invalid-input', path: ['evidence', 0, 'position', 'coordinates', 0] },
  { what: 'line of one point', input: broken((d) => set(d.places[1]!, 'geometry', { type: 'LineString', coordinates: [[37, 48]] })), code: 'invalid-input', path: ['places', 1, 'geometry', 'coordinates'] },
  { what: 'railway drawn as a polygon', input: broken((d) => set(d.places[1]!, 'geometry', d.places[0]!.geometry)), code: 'invalid-input', path: ['places', 1, 'geometry', 'type'] },
  { what: 'unknown geometry type', input: broken((d) => set(d.places[0]!, 'geometry', { type: 'Circle', radius: 5 })), code: 'invalid-input', path: ['places', 0, 'geometry', 'type'] },
  // Positions
  { what: 'position without coordinates or MGRS', input: broken((d) => set(d.evidence[0]!, 'position', { how: 'gps' })), code: 'invalid-input', path: ['evidence', 0, 'position', 'coordinates'] },
  { what: 'bad MGRS', input: broken((d) => set(d.evidence[0]!, 'position', { mgrs: '37U CP 649 49' })), code: 'invalid-input', path: ['evidence', 0, 'position', 'mgrs'] },
  { what: 'MGRS and coordinates disagree', input: broken((d) => set(d.evidence[0]!, 'position', { coordinates: [30, 50], mgrs: '37U CP 649 490' })), code: 'invalid-input', path: ['evidence', 0, 'position', 'coordinates'] },
  { what: 'negative accuracy', input: broken((d) => set(d.evidence[0]!.position, 'accuracyM', -150)), code: 'invalid-input', path: ['evidence', 0, 'position', 'accuracyM'] },
  // Entity rules
  { what: 'controlled claim without side', input: broken((d) => drop(d.claims[0]!, 'side')), code: 'invalid-input', path: ['claims', 0, 'side'] },
  { what: '`sides` on a controlled claim', input: broken((d) => set(d.claims[0]!, 'sides', ['UA', 'RU'])), code: 'invalid-input', path: ['claims', 0, 'sides'] },
  { what: 'evidence without position or area', input: broken((d) => drop(d.evidence[0]!, 'position')), code: 'invalid-input', path: ['evidence', 0, 'position'] },
  { what: 'evidence with empty `shows`', input: broken((d) => set(d.evidence[0]!, 'shows', [])), code: 'invalid-input', path: ['evidence', 0, 'shows'] },
  { what: 'statement without speaker', input: broken((d) => drop(d.statements[0]!, 'speaker')), code: 'invalid-input', path: ['statements', 0, 'speaker'] },
  { what: 'person without any name', input: broken((d) => drop(d.persons[2]!, 'callSign')), code: 'invalid-input', path: ['persons', 2, 'callSign'] },
  { what: 'mixed-script call sign', input: broken((d) => set(d.persons[2]!, 'callSign', 'R\u0430bbit')), code: 'invalid-input', path: ['persons', 2, 'callSign'] },
  { what: 'union of one area', input: broken((d) => set(d.claims[0]!, 'area', { union: ['pokrovsk'] })), code: 'invalid-input', path: ['claims', 0, 'area', 'union'] },
  // Integrity
  { what: 'duplicate ids', input: broken((d) => set(d.units[2]!, 'id', 'skala')), code: 'invalid-dataset', path: ['units', 2, 'id'] },
  { what: 'dangling claimant', input: broken((d) => set(d.claims[0]!, 'claimant', 'putin')), code: 'invalid-dataset', path: ['claims', 0, 'claimant'] },
  { what: 'dangling unit', input: broken((d) => set(d.persons[0]!, 'unit', 'skala-2')), code: 'invalid-dataset', path: ['persons', 0, 'unit'] },
  { what: 'dangling parent', input: broken((d) => set(d.units[1]!, 'parent', 'skala-hq')), code: 'invalid-dataset', path: ['units', 1, 'parent'] },
  { what: 'dangling person', input: broken((d) => set(d.events[0]!, 'persons', ['ghost'])), code: 'invalid-dataset', path: ['events', 0, 'persons', 0] },
  { what: 'dangling evidence', input: broken((d) => set(d.claims[1]!, 'evidence', ['flag-feed-2'])), code: 'invalid-dataset', path: ['claims', 1, 'evidence', 0] },
  { what: 'dangling refuted claim', input: broken((d) => set(d.claims[1]!, 'refutes', ['tass-city'])), code: 'invalid-dataset', path: ['claims', 1, 'refutes', 0] },
  { what: 'dangling place in an area expression', input: broken((d) => set(d.claims[0]!, 'area', { difference: { area: 'pokrovsk', minus: 'myrnohrad' } })), code: 'invalid-dataset', path: ['claims', 0, 'area', 'difference', 'minus'] },
  { what: 'place of wrong kind as split line', input: broken((d) => set(d.claims[1]!, 'area', { split: { area: 'pokrovsk', line: 'pokrovsk', keep: 'north' } })), code: 'invalid-dataset', path: ['claims', 1, 'area', 'split', 'line'] },
  { what: 'cyclic unit parents', input: broken((d) => set(d.units[0]!, 'parent', 'skala-bn')), code: 'invalid-dataset', path: ['units', 0, 'parent'] },
  { what: "person's unit on another side", input: broken((d) => set(d.persons[2]!, 'unit', 'ru-teams')), code: 'invalid-dataset', path: ['persons', 2, 'unit'] },
  { what: 'claim refuting a later claim', input: broken((d) => set(d.claims[1]!, 'statedAt', '2025-11-30')), code: 'invalid-dataset', path: ['claims', 1, 'refutes', 0] },
  { what: 'self-refutation', input: broken((d) => set(d.claims[0]!, 'refutes', ['kremlin-city'])), code: 'invalid-dataset', path: ['claims', 0, 'refutes', 0] },
  // Limits
  { what: `area expression ${MAX_AREA_DEPTH + 36} deep`, input: broken((d) => set(d.claims[0]!, 'area', nest(MAX_AREA_DEPTH + 36, (a) => ({ split: { area: a, line: 'railway', keep: 'north' } })))), code: 'limit-exceeded', path: ['claims', 0, 'area'] },
  { what: 'area expression 10,000 deep', input: broken((d) => set(d.claims[0]!, 'area', nest(10_000, (a) => ({ union: [a, 'pokrovsk'] })))), code: 'limit-exceeded', path: ['claims', 0, 'area'] },
  { what: 'properties nested 10,000 deep', input: broken((d) => set(d.sides[0]!, 'properties', { deep: nest(10_000, (a) => [a]) })), code: 'limit-exceeded', path: ['sides', 0, 'properties', 'deep'], prefix: true },
];

describe('bad inputs', () => {
  it(`lists ${BAD_INPUTS.length} distinct bad inputs`, () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUTS.map((b) => b.what)).size).toBe(BAD_INPUTS.length);
    // No two rows are the same input (the 10,000-deep ones are too deep for JSON.stringify and differ by construction).
    const fingerprint = (b: BadInput): string => {
      try {
        return JSON.stringify(b.input, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
      } catch {
        return b.what;
      }
    };
    expect(new Set(BAD_INPUTS.map(fingerprint)).size).toBe(BAD_INPUTS.length);
  });

  it.each(BAD_INPUTS)('$what: a ContestedError ($code) at the right path', ({ input, code, path, prefix }) => {
    const result = safeParseDataset(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(ContestedError);
    expect(result.error.code).toBe(code);
    const paths = result.error.issues.map((i) => (prefix ? i.path.slice(0, path.length) : i.path));
    expect(paths).toContainEqual(path);
    for (const issue of result.error.issues) {
      expect(issue.message).not.toMatch(/ZodError|TypeError|at .*\.js:\d+/);
      expect(issue.message.length).toBeGreaterThan(10);
    }
    // The throwing twin throws the same error.
    expect(() => parseDataset(input)).toThrow(ContestedError);
  });

  it('says, for each, what was wrong and where', () => {
    const lines = BAD_INPUTS.map(({ what, input }) => {
      const result = safeParseDataset(input);
      if (result.success) return `${what}: accepted!`;
      const where = (p: (string | number)[]): string => (p.length > 12 ? `${formatPath(p.slice(0, 6))}…(${p.length} deep)` : formatPath(p));
      return `${what}: ${result.error.issues.map((i) => `${where(i.path)} — ${i.message}`).join(' | ')}`;
    });
    expect(lines.join('\n').replaceAll('x'.repeat(10_000), 'x…x')).toMatchInlineSnapshot(`
      "null dataset: (root) — expected a dataset: an object such as { "sides": [...], "claims": [...] }
      array dataset: (root) — expected a dataset: an object such as { "sides": [...], "claims": [...] }
      string dataset: (root) — expected a dataset: an object such as { "sides": [...], "claims": [...] }
      unknown top-level field: claimz — unknown field "claimz": put fields of your own under "properties"
      __proto__ key at the top: __proto__ — unknown field "__proto__": put fields of your own under "properties"
      constructor key in a side: sides[0].constructor — unknown field "constructor": put fields of your own under "properties"
      __proto__ key inside properties: sides[0].properties.__proto__ — the key "__proto__" cannot be stored: rename it
      list that is an object: sides — Invalid input: expected array, received object
      entity that is null: sides[0] — Invalid input: expected object, received null
      wrong type (number as name): sides[0].name — expected a name (a string)
      missing required field: claims[0].basis — basis is claimed, assessed or inferred
      misspelt field: claims[0].claimnt — unknown field "claimnt": put fields of your own under "properties"
      empty id: units[2].id — an id must not be empty
      id with spaces around it: units[2].id — id " ru-teams " has leading or trailing white space
      10,000-character id: units[2].id — an id is at most 200 characters
      time that is not ISO 8601: claims[0].statedAt — expected an ISO 8601 time such as "2025-12", "2025-12-03" or "2025-12-03T14:05Z"
      2025-02-30: claims[0].statedAt — 2025-02-30 is not a date (that month has fewer days)
      month 13: statements[0].at — month 13 does not exist
      time of day without UTC offset: evidence[0].capturedAt — time "2025-12-01T10:30" has no UTC offset: add "Z" or an offset such as "+02:00"
      week 53 of 2025: meta.asOf — week 53 does not exist in 2025 (it has 52 ISO weeks)
      precision finer than the string: claims[0].validAt — precision "hour" is finer than "2025-12" carries (month)
      event ending before it begins: events[1].until — event ends ("2025-11-28T06:00Z") before it begins ("2025-11-28T06:28Z")
      age without its date: persons[1].age.asOf — expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }
      invalid echelon: units[0].echelon — echelon is one of team, squad, section, platoon, company, battalion, regiment, brigade, division, corps, army, army-group, region, command
      invalid role: units[0].role — unknown unit role; see UnitRole for the list (infantry, assault, uav, artillery, command-post, …)
      credibility 7: claims[0].credibility — information credibility is a whole number 1–6 (Admiralty scale)
      credibility 2.5: evidence[0].credibility — information credibility is a whole number 1–6 (Admiralty scale)
      reliability 'G': actors[2].reliability — source reliability is one letter A–F (Admiralty scale)
      unknown control status: claims[0].status — status is one of controlled, contested, advancing, not-controlled
      unclosed ring: places[0].geometry.coordinates[0] — ring is not closed: first position [37, 48] differs from last [37, 48.2]
      3-position ring: places[0].geometry.coordinates[0] — a ring needs at least 4 positions (first repeated last); got 3
      longitude 200: places[1].geometry.coordinates[1][0] — longitude 200 is outside [-180, 180] (GeoJSON order is [lon, lat])
      NaN coordinate: evidence[0].position.coordinates[0] — longitude must be a finite number
      Infinity coordinate: evidence[0].position.coordinates[1] — latitude must be a finite number
      string coordinate: evidence[0].position.coordinates[0] — longitude must be a finite number
      line of one point: places[1].geometry.coordinates — a line needs at least 2 positions
      railway drawn as a polygon: places[1].geometry.type — a railway needs a LineString or MultiLineString, not a Polygon
      unknown geometry type: places[0].geometry.type — a place geometry is a GeoJSON Polygon, MultiPolygon, LineString, MultiLineString or Point
      position without coordinates or MGRS: evidence[0].position.coordinates — a position needs coordinates ([lon, lat]) or an MGRS reference
      bad MGRS: evidence[0].position.mgrs — "37U CP 649 49" is not an MGRS reference: expected zone, band, 100 km square and an even number of digits (up to 10), such as "37U CP 64975 49022"
      MGRS and coordinates disagree: evidence[0].position.coordinates — coordinates [30, 50] lie outside the MGRS square 37U CP 649 490
      negative accuracy: evidence[0].position.accuracyM — accuracy is a radius in metres, not negative
      controlled claim without side: claims[0].side — a controlled claim names the side that controls (side)
      \`sides\` on a controlled claim: claims[0].sides — "sides" belongs to contested claims; a controlled claim names one side in "side"
      evidence without position or area: evidence[0].position — evidence needs a position or an area: where was it captured?
      evidence with empty \`shows\`: evidence[0].shows — evidence shows at least one thing
      statement without speaker: statements[0].speaker — a statement needs a speaker (person id) or an actor (actor id)
      person without any name: persons[2].callSign — a person needs a call sign, a given name or a family name
      mixed-script call sign: persons[2].callSign — "Rаbbit" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?
      union of one area: claims[0].area.union — a union needs at least 2 areas
      duplicate ids: units[2].id — unit id "skala" is already used by units[0]
      dangling claimant: claims[0].claimant — claimant "putin" is not the id of any actor in actors
      dangling unit: persons[0].unit — unit "skala-2" is not the id of any unit in units
      dangling parent: units[1].parent — parent unit "skala-hq" is not the id of any unit in units
      dangling person: events[0].persons[0] — person "ghost" is not the id of any person in persons
      dangling evidence: claims[1].evidence[0] — evidence "flag-feed-2" is not the id of any evidence in evidence
      dangling refuted claim: claims[1].refutes[0] — refuted claim "tass-city" is not the id of any claim in claims
      dangling place in an area expression: claims[0].area.difference.minus — area "myrnohrad" is not the id of any place in places
      place of wrong kind as split line: claims[1].area.split.line — place "pokrovsk" is a settlement, not a line to split by
      cyclic unit parents: units[0].parent — unit parents form a cycle: skala → skala-bn → skala
      person's unit on another side: persons[2].unit — person is on side "UA" but unit "ru-teams" is on side "RU"
      claim refuting a later claim: claims[1].refutes[0] — claim "ua-north" (stated "2025-11-30") cannot refute "kremlin-city", stated later ("2025-12-01")
      self-refutation: claims[0].refutes[0] — claim "kremlin-city" cannot refute itself
      area expression 100 deep: claims[0].area — area expression nests deeper than 64 levels
      area expression 10,000 deep: claims[0].area — area expression nests deeper than 64 levels
      properties nested 10,000 deep: sides[0].properties.deep[0][0]…(512 deep) — input nests deeper than 512 levels"
    `);
  });

  it('refuses a 10,000-deep area expression as an entity too, without overflowing the stack', () => {
    const area = nest(10_000, (a) => ({ difference: { area: a, minus: 'pokrovsk' } }));
    const asArea = safeParseEntity('areaRef', area);
    expect(asArea.success).toBe(false);
    if (!asArea.success) expect(asArea.error.code).toBe('limit-exceeded');
    const claim = { ...sampleDataset().claims[0], area };
    const asClaim = safeParseEntity('claim', claim);
    expect(asClaim.success).toBe(false);
    if (!asClaim.success) expect(asClaim.error.code).toBe('limit-exceeded');
  });
});
