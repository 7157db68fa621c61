import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContestedError } from '../errors/index.js';
import { parseEntity, safeParseEntity } from '../dataset/parse.js';
import { fromMgrs, toMgrs } from './mgrs.js';
import { lonLatArb } from '../../test/model/arbitraries.js';

function positionIssues(input: unknown) {
  const result = safeParseEntity('position', input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  expect(result.error).toBeInstanceOf(ContestedError);
  expect(result.error.code).toBe('invalid-input');
  return result.error.issues;
}

describe('Position', () => {
  it('accepts [lon, lat], with altitude, and every field', () => {
    expect(parseEntity('position', { coordinates: [37.176, 48.292] })).toEqual({ coordinates: [37.176, 48.292] });
    expect(parseEntity('position', { coordinates: [37.176, 48.292, 180] }).coordinates).toEqual([37.176, 48.292, 180]);
    const full = {
      id: 'cp',
      label: 'command post',
      coordinates: [37.1, 48.3],
      altitudeM: 170,
      accuracyM: 2000,
      how: 'estimated',
      observedAt: '2025-12',
      description: 'well behind the front line',
      properties: { source: 'report' },
    };
    expect(parseEntity('position', full)).toStrictEqual(full);
  });

  it('fills coordinates from an MGRS-only position with the centre of its square, keeping the reference', () => {
    const cp = parseEntity('position', { mgrs: '37U CP 649 490', how: 'estimated' });
    expect(cp.mgrs).toBe('37U CP 649 490');
    expect(Object.keys(cp)).toEqual(['coordinates', 'mgrs', 'how']);
    expect(cp.coordinates?.[0]).toBeCloseTo(37.1797, 3);
    expect(cp.coordinates?.[1]).toBeCloseTo(48.2802, 3);
    // Stable after the first parse.
    expect(parseEntity('position', JSON.parse(JSON.stringify(cp)))).toStrictEqual(cp);
  });

  it('accepts coordinates with an MGRS reference that contains them, at every precision', () => {
    fc.assert(
      fc.property(lonLatArb, fc.constantFrom(0, 1, 2, 3, 4, 5), (c, p) => {
        const mgrs = toMgrs(c, p as 0 | 1 | 2 | 3 | 4 | 5);
        expect(safeParseEntity('position', { coordinates: c, mgrs }).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads MGRS references with or without spaces, and names the square size', () => {
    expect(fromMgrs('37UCP649490')).toEqual(fromMgrs('37U CP 649 490'));
    expect(fromMgrs('37U CP 649 490').squareM).toBe(100);
    expect(fromMgrs('37U CP').squareM).toBe(100_000);
  });

  it('refuses a position with neither coordinates nor MGRS', () => {
    expect(positionIssues({ how: 'gps' })).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-location",
          "message": "a position needs coordinates ([lon, lat]) or an MGRS reference",
          "path": [
            "coordinates",
          ],
        },
      ]
    `);
  });

  it('refuses a malformed MGRS reference', () => {
    expect(positionIssues({ mgrs: 'hello' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-mgrs",
          "message": ""hello" is not an MGRS reference: expected zone, band, 100 km square and an even number of digits (up to 10), such as "37U CP 64975 49022"",
          "path": [
            "mgrs",
          ],
        },
      ]
    `);
    expect(positionIssues({ mgrs: '37U CP 649 49' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-mgrs",
          "message": ""37U CP 649 49" is not an MGRS reference: expected zone, band, 100 km square and an even number of digits (up to 10), such as "37U CP 64975 49022"",
          "path": [
            "mgrs",
          ],
        },
      ]
    `);
  });

  it('refuses coordinates outside the MGRS square given with them', () => {
    expect(positionIssues({ coordinates: [30, 50], mgrs: '37U CP 649 490' })).toMatchInlineSnapshot(`
      [
        {
          "code": "mgrs-mismatch",
          "message": "coordinates [30, 50] lie outside the MGRS square 37U CP 649 490",
          "path": [
            "coordinates",
          ],
        },
      ]
    `);
  });

  it('refuses coordinates out of range, not finite, not numbers, or of the wrong length', () => {
    expect(positionIssues({ coordinates: [200, 48] })).toMatchInlineSnapshot(`
      [
        {
          "code": "out-of-range",
          "message": "longitude 200 is outside [-180, 180] (GeoJSON order is [lon, lat])",
          "path": [
            "coordinates",
            0,
          ],
        },
      ]
    `);
    expect(positionIssues({ coordinates: [37, -91] })).toMatchInlineSnapshot(`
      [
        {
          "code": "out-of-range",
          "message": "latitude -91 is outside [-90, 90] (GeoJSON order is [lon, lat])",
          "path": [
            "coordinates",
            1,
          ],
        },
      ]
    `);
    expect(positionIssues({ coordinates: [Number.NaN, 48] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "longitude must be a finite number",
          "path": [
            "coordinates",
            0,
          ],
        },
      ]
    `);
    expect(positionIssues({ coordinates: [37, Number.POSITIVE_INFINITY] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "latitude must be a finite number",
          "path": [
            "coordinates",
            1,
          ],
        },
      ]
    `);
    expect(positionIssues({ coordinates: ['37.1', 48] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "longitude must be a finite number",
          "path": [
            "coordinates",
            0,
          ],
        },
      ]
    `);
    expect(positionIssues({ coordinates: [37] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "missing latitude",
          "path": [
            "coordinates",
            1,
          ],
        },
      ]
    `);
    expect(positionIssues({ coordinates: [37, 48, 100, 5] })).toMatchInlineSnapshot(`
      [
        {
          "code": "position-length",
          "message": "a position has 2 or 3 numbers ([lon, lat] or [lon, lat, altitude]); got 4",
          "path": [
            "coordinates",
          ],
        },
      ]
    `);
  });

  it('refuses a negative accuracy, an unknown source, and unknown fields', () => {
    expect(positionIssues({ coordinates: [37, 48], accuracyM: -5, how: 'guessed', lat: 48 })).toMatchInlineSnapshot(`
      [
        {
          "code": "too-small",
          "message": "accuracy is a radius in metres, not negative",
          "path": [
            "accuracyM",
          ],
        },
        {
          "code": "invalid-value",
          "message": "how a position was obtained is one of gps, geolocated, reported, estimated",
          "path": [
            "how",
          ],
        },
        {
          "code": "unknown-field",
          "message": "unknown field "lat": put fields of your own under "properties"",
          "path": [
            "lat",
          ],
        },
      ]
    `);
  });

  it('toMgrs refuses latitudes MGRS does not cover with a ContestedError', () => {
    expect(() => toMgrs([37, 85])).toThrow(ContestedError);
    expect(() => toMgrs([Number.NaN, 48])).toThrow(ContestedError);
  });
});
