import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDataset, serializeDataset } from './parse.js';
import { datasetArb, sampleDataset } from '../../test/model/arbitraries.js';

describe('serialize and parse again', () => {
  it('parseDataset(JSON.parse(serializeDataset(d))) equals d, for generated datasets', () => {
    fc.assert(
      fc.property(datasetArb({ mgrsOnly: true }), (input) => {
        const d = parseDataset(input);
        expect(parseDataset(JSON.parse(serializeDataset(d)))).toStrictEqual(d);
        expect(parseDataset(JSON.parse(serializeDataset(d, 0)))).toStrictEqual(d);
      }),
      { numRuns: 300 },
    );
  });

  it('serializeDataset(parseDataset(x)) is x, for normalized input', () => {
    fc.assert(
      fc.property(datasetArb(), (input) => {
        expect(serializeDataset(parseDataset(input))).toBe(JSON.stringify(input, null, 2));
      }),
      { numRuns: 300 },
    );
    const sample = sampleDataset();
    expect(serializeDataset(parseDataset(sample), 0)).toBe(JSON.stringify(sample));
  });

  it('keeps unknown-to-us data under "properties" and foreign members of geometry', () => {
    const d = sampleDataset();
    const withExtras = {
      ...d,
      places: [{ ...d.places[0]!, geometry: { ...d.places[0]!.geometry, crs: 'urn:ogc:def:crs:OGC:1.3:CRS84' }, properties: { pcode: 'UA1412', nested: { a: [1, 'two', null, true] } } }, d.places[1]!],
      properties: { constructor: 'fine as a key', toString: 1 },
    };
    const text = serializeDataset(parseDataset(withExtras));
    expect(text).toBe(JSON.stringify(withExtras, null, 2));
  });

  it('an MGRS-only position gains coordinates on the first parse and is stable after', () => {
    const d = sampleDataset();
    const input = { ...d, units: [{ ...d.units[0]!, position: { mgrs: '37U CP 649 490', how: 'estimated', accuracyM: 2000 } }, d.units[1]!, d.units[2]!] };
    const first = parseDataset(input);
    const position = first.units?.[0]?.position;
    expect(position?.coordinates).toHaveLength(2);
    expect(Object.keys(position ?? {})).toEqual(['coordinates', 'mgrs', 'accuracyM', 'how']);
    const text = serializeDataset(first);
    const second = parseDataset(JSON.parse(text));
    expect(second).toStrictEqual(first);
    expect(serializeDataset(second)).toBe(text);
  });
});
