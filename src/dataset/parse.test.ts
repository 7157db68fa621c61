import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ContestedError, isContestedError } from '../errors/index.js';
import { ENTITY_NAMES, parseDataset, parseEntity, safeParseDataset, safeParseEntity, type EntityName } from './parse.js';
import { toJsonSchema } from './jsonSchema.js';
import { datasetArb, sampleDataset } from '../../test/model/arbitraries.js';

function entityIssues(name: EntityName, input: unknown) {
  const result = safeParseEntity(name, input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused as ${name}`);
  expect(result.error).toBeInstanceOf(ContestedError);
  expect(result.error.code).toBe('invalid-input');
  return result.error.issues;
}

const square = { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]] };

/** One valid example of every entity, straight from the sample dataset. */
const sample = sampleDataset();
const VALID: [EntityName, unknown][] = [
  ...sample.sides.map((e): [EntityName, unknown] => ['side', e]),
  ...sample.actors.map((e): [EntityName, unknown] => ['actor', e]),
  ...sample.units.map((e): [EntityName, unknown] => ['unit', e]),
  ...sample.persons.map((e): [EntityName, unknown] => ['person', e]),
  ...sample.places.map((e): [EntityName, unknown] => ['place', e]),
  ...sample.claims.map((e): [EntityName, unknown] => ['claim', e]),
  ...sample.evidence.map((e): [EntityName, unknown] => ['evidence', e]),
  ...sample.events.map((e): [EntityName, unknown] => ['event', e]),
  ...sample.statements.map((e): [EntityName, unknown] => ['statement', e]),
  ['position', { coordinates: [37.176, 48.292] }],
  ['areaRef', 'pokrovsk'],
  ['place', { id: 'cp', name: 'Command post', kind: 'site', geometry: { type: 'Point', coordinates: [37.1, 48.3] } }],
  ['place', { id: 'oblast', name: 'Donetsk oblast', kind: 'region', geometry: { type: 'MultiPolygon', coordinates: [square.coordinates] } }],
  ['dataset', {}],
  ['dataset', sample],
];

describe('parseEntity', () => {
  it.each(VALID)('accepts a valid %s and returns it unchanged', (name, input) => {
    expect(parseEntity(name, input)).toStrictEqual(input);
  });

  it('throws a ContestedError naming the entity', () => {
    expect(() => parseEntity('side', { id: 'UA' })).toThrowErrorMatchingInlineSnapshot(`
      [ContestedError: invalid side
      ✖ expected a name (a string)
        → at name]
    `);
  });

  it('Side: refuses a bad ISO code, colour and missing name', () => {
    expect(entityIssues('side', { id: 'UA', iso3166: 'ukr', color: 'blue' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected a name (a string)",
          "path": [
            "name",
          ],
        },
        {
          "code": "invalid-format",
          "message": "an ISO 3166-1 alpha-2 code is two capital letters, such as "UA"",
          "path": [
            "iso3166",
          ],
        },
        {
          "code": "invalid-format",
          "message": "a colour is written #rrggbb",
          "path": [
            "color",
          ],
        },
      ]
    `);
  });

  it('Actor: refuses reliability G and an unknown kind', () => {
    expect(entityIssues('actor', { id: 'kremlin', name: 'The Kremlin', kind: 'blogger', reliability: 'G' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "actor kind is one of head-of-state, government, ministry, military-command, unit-command, person, osint-tracker, think-tank, media, other",
          "path": [
            "kind",
          ],
        },
        {
          "code": "invalid-value",
          "message": "source reliability is one letter A–F (Admiralty scale)",
          "path": [
            "reliability",
          ],
        },
      ]
    `);
    expect(entityIssues('actor', { id: 'a', name: 'A', kind: 'media', url: 'not a url' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-format",
          "message": "expected an absolute URL",
          "path": [
            "url",
          ],
        },
      ]
    `);
  });

  it('Unit: refuses an unknown echelon or role, a capitalised echelon, a count of 0', () => {
    const unit = { id: 'skala', name: 'Skala', side: 'UA', echelon: 'regiment', role: 'assault' };
    expect(entityIssues('unit', { ...unit, echelon: 'legion', role: 'wizards' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "echelon is one of team, squad, section, platoon, company, battalion, regiment, brigade, division, corps, army, army-group, region, command",
          "path": [
            "echelon",
          ],
        },
        {
          "code": "invalid-value",
          "message": "unknown unit role; see UnitRole for the list (infantry, assault, uav, artillery, command-post, …)",
          "path": [
            "role",
          ],
        },
      ]
    `);
    expect(entityIssues('unit', { ...unit, echelon: 'Regiment', count: 0 })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "echelon is one of team, squad, section, platoon, company, battalion, regiment, brigade, division, corps, army, army-group, region, command",
          "path": [
            "echelon",
          ],
        },
        {
          "code": "too-small",
          "message": "Too small: expected number to be >0",
          "path": [
            "count",
          ],
        },
      ]
    `);
  });

  it('Person: refuses a person without a name, a mixed-script call sign, a bad age', () => {
    expect(entityIssues('person', { id: 'p', side: 'UA' })).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-name",
          "message": "a person needs a call sign, a given name or a family name",
          "path": [
            "callSign",
          ],
        },
      ]
    `);
    expect(entityIssues('person', { id: 'p', side: 'UA', callSign: 'R\u0430bbit' })).toMatchInlineSnapshot(`
      [
        {
          "code": "mixed-script",
          "message": ""Rаbbit" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A) at position 2 looks like Latin "a"; did you mean "Rabbit"?",
          "path": [
            "callSign",
          ],
        },
      ]
    `);
    expect(entityIssues('person', { id: 'p', side: 'UA', givenName: 'Sasha', age: { years: 25.5 } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "age is a whole number of years",
          "path": [
            "age",
            "years",
          ],
        },
        {
          "code": "invalid-type",
          "message": "expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }",
          "path": [
            "age",
            "asOf",
          ],
        },
      ]
    `);
  });

  it('Place: refuses geometry of the wrong kind, an unknown type, bad rings and lines', () => {
    const place = { id: 'p', name: 'P', kind: 'settlement', geometry: square };
    expect(entityIssues('place', { ...place, kind: 'railway' })).toMatchInlineSnapshot(`
      [
        {
          "code": "geometry-kind-mismatch",
          "message": "a railway needs a LineString or MultiLineString, not a Polygon",
          "path": [
            "geometry",
            "type",
          ],
        },
      ]
    `);
    expect(entityIssues('place', { ...place, geometry: { type: 'Circle', center: [37, 48] } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-union",
          "message": "a place geometry is a GeoJSON Polygon, MultiPolygon, LineString, MultiLineString or Point",
          "path": [
            "geometry",
            "type",
          ],
        },
      ]
    `);
    expect(entityIssues('place', { ...place, geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1]]] } })).toMatchInlineSnapshot(`
      [
        {
          "code": "unclosed-ring",
          "message": "ring is not closed: first position [37, 48] differs from last [37, 48.1]",
          "path": [
            "geometry",
            "coordinates",
            0,
          ],
        },
      ]
    `);
    expect(entityIssues('place', { ...place, geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37, 48]]] } })).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "a ring needs at least 4 positions (first repeated last); got 3",
          "path": [
            "geometry",
            "coordinates",
            0,
          ],
        },
      ]
    `);
    expect(entityIssues('place', { ...place, kind: 'river', geometry: { type: 'LineString', coordinates: [[37, 48]] } })).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "a line needs at least 2 positions",
          "path": [
            "geometry",
            "coordinates",
          ],
        },
      ]
    `);
    expect(entityIssues('place', { ...place, approximate: { toleranceM: 300 } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected text (a string)",
          "path": [
            "approximate",
            "note",
          ],
        },
      ]
    `);
  });

  it('AreaRef: refuses a number and an empty id', () => {
    expect(entityIssues('areaRef', 7)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected an area: a place id, { geometry }, { split }, { union }, { intersection } or { difference }",
          "path": [],
        },
      ]
    `);
    expect(entityIssues('areaRef', '')).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "an id must not be empty",
          "path": [],
        },
      ]
    `);
  });

  it('Evidence: refuses evidence without position or area, with empty or bad shows', () => {
    const ev = { id: 'e', kind: 'drone-video', capturedAt: '2025-12-01T10:30Z', shows: [{ kind: 'presence', side: 'UA' }] };
    expect(entityIssues('evidence', ev)).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-location",
          "message": "evidence needs a position or an area: where was it captured?",
          "path": [
            "position",
          ],
        },
      ]
    `);
    expect(entityIssues('evidence', { ...ev, area: 'pokrovsk', shows: [] })).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "evidence shows at least one thing",
          "path": [
            "shows",
          ],
        },
      ]
    `);
    expect(entityIssues('evidence', { ...ev, area: 'pokrovsk', shows: [{ kind: 'presence' }, { kind: 'flag' }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected an id (a string)",
          "path": [
            "shows",
            0,
            "side",
          ],
        },
        {
          "code": "invalid-union",
          "message": "an observation kind is one of presence, strike, casualties, control",
          "path": [
            "shows",
            1,
            "kind",
          ],
        },
      ]
    `);
    expect(entityIssues('evidence', { ...ev, kind: 'tweet', area: 'pokrovsk', credibility: 0 })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "evidence kind is one of drone-video, geolocated-photo, geolocated-video, eyewitness, satellite-image, casualty-record, official-statement, osint-map, intercept, other",
          "path": [
            "kind",
          ],
        },
        {
          "code": "too-small",
          "message": "information credibility is a whole number 1–6 (Admiralty scale)",
          "path": [
            "credibility",
          ],
        },
      ]
    `);
  });

  it('Event: refuses an event that ends before it begins, and an unknown kind', () => {
    expect(entityIssues('event', { id: 'e', kind: 'strike', at: '2025-11-28T06:28Z', until: '2025-11-28T06:10Z' })).toMatchInlineSnapshot(`
      [
        {
          "code": "end-before-start",
          "message": "event ends ("2025-11-28T06:10Z") before it begins ("2025-11-28T06:28Z")",
          "path": [
            "until",
          ],
        },
      ]
    `);
    expect(entityIssues('event', { id: 'e', kind: 'party', at: '2025-11-28' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "event kind is one of detection, strike, destruction, infiltration, assault, flag-display, withdrawal, capture, evacuation, shelling, other",
          "path": [
            "kind",
          ],
        },
      ]
    `);
  });

  it('Statement: refuses a statement without speaker, with empty text or a bad language tag', () => {
    expect(entityIssues('statement', { id: 'q', text: 'Surrender is not an option.', at: '2025-12' })).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-speaker",
          "message": "a statement needs a speaker (person id) or an actor (actor id)",
          "path": [
            "speaker",
          ],
        },
      ]
    `);
    expect(entityIssues('statement', { id: 'q', actor: 'a', text: '', language: 'english', at: '2025-12' })).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "a statement has text",
          "path": [
            "text",
          ],
        },
        {
          "code": "invalid-format",
          "message": "language is a BCP 47 tag such as "en" or "uk"",
          "path": [
            "language",
          ],
        },
      ]
    `);
  });

  it('Dataset: refuses a non-object, a list that is not a list, and meta without title', () => {
    expect(entityIssues('dataset', null)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected a dataset: an object such as { "sides": [...], "claims": [...] }",
          "path": [],
        },
      ]
    `);
    expect(entityIssues('dataset', { sides: { UA: 'Ukraine' }, meta: {} })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected a name (a string)",
          "path": [
            "meta",
            "title",
          ],
        },
        {
          "code": "invalid-type",
          "message": "Invalid input: expected array, received object",
          "path": [
            "sides",
          ],
        },
      ]
    `);
  });
});

describe('parseDataset', () => {
  it('returns the data on success, and safeParseDataset the result object', () => {
    const input = sampleDataset();
    expect(parseDataset(input)).toStrictEqual(input);
    expect(safeParseDataset(input)).toStrictEqual({ success: true, data: input, warnings: [] });
  });

  it('reports every problem, not the first: 5 problems give 5 issues', () => {
    const input = sampleDataset();
    (input.sides[1] as Record<string, unknown>)['color'] = 'red'; // schema: bad colour
    input.units[0]!.echelon = 'legion'; // schema: unknown echelon
    (input.places[0]!.geometry.coordinates as number[][][])[0]![4] = [37.2, 48.3]; // schema: unclosed ring
    input.claims[0]!.claimant = 'nobody'; // integrity: dangling claimant
    input.persons[0]!.unit = 'ghost'; // integrity: dangling unit
    const result = safeParseDataset(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues).toHaveLength(5);
    expect(result.error.issues.map((i) => [i.code, i.path])).toMatchInlineSnapshot(`
      [
        [
          "invalid-format",
          [
            "sides",
            1,
            "color",
          ],
        ],
        [
          "invalid-value",
          [
            "units",
            0,
            "echelon",
          ],
        ],
        [
          "unclosed-ring",
          [
            "places",
            0,
            "geometry",
            "coordinates",
            0,
          ],
        ],
        [
          "unknown-reference",
          [
            "persons",
            0,
            "unit",
          ],
        ],
        [
          "unknown-reference",
          [
            "claims",
            0,
            "claimant",
          ],
        ],
      ]
    `);
  });

  it('formats the error message as a readable list', () => {
    const input = sampleDataset();
    input.claims[1]!.claimant = 'nobody';
    input.units[1]!.parent = 'nowhere';
    expect(() => parseDataset(input)).toThrowErrorMatchingInlineSnapshot(`
      [ContestedError: invalid dataset: 2 problems
      ✖ parent unit "nowhere" is not the id of any unit in units
        → at units[1].parent
      ✖ claimant "nobody" is not the id of any actor in actors
        → at claims[1].claimant]
    `);
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(datasetArb({ mgrsOnly: true }), (input) => {
        const before = structuredClone(input);
        parseDataset(deepFreeze(input));
        expect(input).toStrictEqual(before);
      }),
      { numRuns: 100 },
    );
    const bad = sampleDataset();
    bad.claims[0]!.claimant = 'nobody';
    const before = structuredClone(bad);
    expect(safeParseDataset(deepFreeze(bad)).success).toBe(false);
    expect(bad).toStrictEqual(before);
  });

  it('never throws anything but a ContestedError, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (input) => {
        try {
          parseDataset(input);
        } catch (error) {
          expect(isContestedError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('toJsonSchema', () => {
  it.each(ENTITY_NAMES)('returns a JSON Schema object for %s', (name) => {
    const schema = toJsonSchema(name);
    expect(typeof schema).toBe('object');
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => JSON.stringify(schema)).not.toThrow();
  });

  it('valid generated datasets validate against the dataset schema, and broken ones do not', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(toJsonSchema('dataset'));
    fc.assert(
      fc.property(datasetArb({ mgrsOnly: true }), (input) => {
        const ok = validate(JSON.parse(JSON.stringify(input)));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect(validate({ sides: [{ id: 'UA' }] })).toBe(false);
    expect(validate({ claims: [{ ...sampleDataset().claims[0], credibility: 7 }] })).toBe(false);
  });

  it('each entity schema accepts the valid examples', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const [name, input] of VALID) {
      const validate = ajv.compile(toJsonSchema(name));
      expect(validate(input), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
