import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import { parseEntity, safeParseEntity } from '../dataset/parse.js';

const claim = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'kremlin-city',
  claimant: 'kremlin',
  statedAt: '2025-12-01',
  area: 'pokrovsk',
  status: 'controlled',
  side: 'RU',
  basis: 'claimed',
  ...patch,
});

function claimIssues(input: unknown) {
  const result = safeParseEntity('claim', input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  expect(result.error).toBeInstanceOf(ContestedError);
  expect(result.error.code).toBe('invalid-input');
  return result.error.issues;
}

describe('Claim', () => {
  it('accepts each status with the sides it needs', () => {
    expect(parseEntity('claim', claim())).toStrictEqual(claim());
    expect(parseEntity('claim', claim({ status: 'advancing' })).status).toBe('advancing');
    const contested = { ...claim({ status: 'contested', sides: ['UA', 'RU'] }) };
    delete contested['side'];
    expect(parseEntity('claim', contested).sides).toEqual(['UA', 'RU']);
    const grayZone = { ...claim({ status: 'contested' }) };
    delete grayZone['side'];
    expect(parseEntity('claim', grayZone).status).toBe('contested');
  });

  it('accepts every field and every form of area', () => {
    const full = claim({
      validAt: { at: '2025-11-28', precision: 'week' },
      area: { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } },
      quote: 'Russian forces have taken the city',
      evidence: ['e1'],
      credibility: 5,
      refutes: ['c0'],
      url: 'https://example.org/claim',
      description: 'a note',
      properties: { channel: 'tass' },
    });
    expect(parseEntity('claim', full)).toStrictEqual(full);
    const square = { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]] };
    for (const area of [
      { geometry: square },
      { union: ['a', { geometry: square }] },
      { intersection: ['a', 'b'] },
      { difference: { area: 'a', minus: { split: { area: 'b', line: { type: 'LineString', coordinates: [[37, 48], [38, 48]] }, keep: 'left' } } } },
    ]) {
      expect(parseEntity('claim', claim({ area })).area).toStrictEqual(area);
    }
  });

  it('refuses a controlled or advancing claim without a side', () => {
    expect(claimIssues(claim({ side: undefined }))).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-side",
          "message": "a controlled claim names the side that controls (side)",
          "path": [
            "side",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ status: 'advancing', side: undefined }))).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-side",
          "message": "an advancing claim names the side that advances (side)",
          "path": [
            "side",
          ],
        },
      ]
    `);
  });

  it('refuses "sides" on a claim that is not contested, fewer than 2, or twice the same', () => {
    expect(claimIssues(claim({ sides: ['UA', 'RU'] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "sides-not-contested",
          "message": ""sides" belongs to contested claims; a controlled claim names one side in "side"",
          "path": [
            "sides",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ status: 'contested', side: undefined, sides: ['UA'] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "contested ground is fought over by at least 2 sides",
          "path": [
            "sides",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ status: 'contested', side: undefined, sides: ['UA', 'UA'] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate-side",
          "message": "a side is listed twice in "sides"",
          "path": [
            "sides",
          ],
        },
      ]
    `);
  });

  it('refuses credibility outside 1–6 or not whole', () => {
    expect(claimIssues(claim({ credibility: 7 }))).toMatchInlineSnapshot(`
      [
        {
          "code": "too-big",
          "message": "information credibility is a whole number 1–6 (Admiralty scale)",
          "path": [
            "credibility",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ credibility: 2.5 }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "information credibility is a whole number 1–6 (Admiralty scale)",
          "path": [
            "credibility",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ credibility: '2' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "information credibility is a whole number 1–6 (Admiralty scale)",
          "path": [
            "credibility",
          ],
        },
      ]
    `);
  });

  it('refuses an unknown status or basis, and a misspelt field', () => {
    expect(claimIssues(claim({ status: 'taken', basis: 'rumour' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "status is one of controlled, contested, advancing, not-controlled",
          "path": [
            "status",
          ],
        },
        {
          "code": "invalid-value",
          "message": "basis is claimed, assessed or inferred",
          "path": [
            "basis",
          ],
        },
      ]
    `);
    const typo = claim({ claimnt: 'kremlin' });
    delete typo['claimant'];
    expect(claimIssues(typo)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected an id (a string)",
          "path": [
            "claimant",
          ],
        },
        {
          "code": "unknown-field",
          "message": "unknown field "claimnt": put fields of your own under "properties"",
          "path": [
            "claimnt",
          ],
        },
      ]
    `);
  });

  it('refuses a malformed area expression, at the place it is malformed', () => {
    expect(claimIssues(claim({ area: 42 }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected an area: a place id, { geometry }, { split }, { union }, { intersection } or { difference }",
          "path": [
            "area",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ area: { split: { area: 'pokrovsk', line: 'railway', keep: 'up' } } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "keep is one of north, south, east, west, left, right",
          "path": [
            "area",
            "split",
            "keep",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ area: { union: ['pokrovsk'] } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "a union needs at least 2 areas",
          "path": [
            "area",
            "union",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ area: { geometry: { type: 'LineString', coordinates: [[37, 48], [38, 48]] } } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-union",
          "message": "Invalid discriminator value. Expected 'Polygon' | 'MultiPolygon'",
          "path": [
            "area",
            "geometry",
            "type",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ area: { split: { area: 'pokrovsk', line: { type: 'LineString', coordinates: [[37, 48]] }, keep: 'north' } } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "a line needs at least 2 positions",
          "path": [
            "area",
            "split",
            "line",
            "coordinates",
          ],
        },
      ]
    `);
    expect(claimIssues(claim({ area: { merge: ['a', 'b'] } }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected an area: a place id, { geometry }, { split }, { union }, { intersection } or { difference } (got an object with "merge")",
          "path": [
            "area",
          ],
        },
      ]
    `);
  });

  it('refuses a claim missing everything, listing every field', () => {
    expect(claimIssues({})).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected an id (a string)",
          "path": [
            "id",
          ],
        },
        {
          "code": "invalid-type",
          "message": "expected an id (a string)",
          "path": [
            "claimant",
          ],
        },
        {
          "code": "invalid-type",
          "message": "expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }",
          "path": [
            "statedAt",
          ],
        },
        {
          "code": "invalid-type",
          "message": "expected an area: a place id, { geometry }, { split }, { union }, { intersection } or { difference }",
          "path": [
            "area",
          ],
        },
        {
          "code": "invalid-value",
          "message": "status is one of controlled, contested, advancing, not-controlled",
          "path": [
            "status",
          ],
        },
        {
          "code": "invalid-value",
          "message": "basis is claimed, assessed or inferred",
          "path": [
            "basis",
          ],
        },
      ]
    `);
  });
});
