/**
 * No function mutates its input: every input is deep-frozen (so a write
 * throws, ES modules being strict) and compared with a copy afterwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaKm2, assessControl, controlChange, controlMap, diffClaims, findContradictions, frontLine, parseDataset, toSvg, union, type Claim,
} from '../../src/index.js';
import { datasetArb, sampleDataset } from '../model/arbitraries.js';
import { claimsArb, deepFreeze, FRAME, GEOMETRY_RUNS, PROPERTY_TIMEOUT_MS, RUNS } from './_maps.js';

const unchanged = <T>(input: T, run: (frozen: T) => unknown): void => {
  const copy = structuredClone(input);
  run(deepFreeze(input));
  expect(input).toEqual(copy);
};

describe('no function mutates its input', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('parseDataset', () => {
    fc.assert(fc.property(datasetArb(), (input) => unchanged(input, (d) => parseDataset(d))), { numRuns: RUNS });
  });

  it('areaKm2 and union', () => {
    fc.assert(
      fc.property(claimsArb('a', 4), (claims) => {
        const areas = claims.map((c) => (c.area as { geometry: Parameters<typeof union>[0] }).geometry);
        unchanged(areas, (a) => areaKm2({ type: 'FeatureCollection', features: a.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) } as never));
        unchanged(areas, (a) => union(a as never));
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('controlMap, diffClaims, controlChange, frontLine and toSvg', () => {
    fc.assert(
      fc.property(claimsArb('a'), claimsArb('b'), (a, b) => {
        unchanged({ a, b }, ({ a: x, b: y }) => diffClaims(x, y, { within: FRAME }));
        unchanged({ a, b }, ({ a: x, b: y }) => controlChange(x, y));
        const map = controlMap(a);
        unchanged(map, (m) => frontLine(m, ['UA', 'RU']));
        unchanged(map, (m) => toSvg(m));
        unchanged(a, (x) => controlMap(x, { within: FRAME }));
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('assessControl and findContradictions', () => {
    const dataset = parseDataset(sampleDataset());
    fc.assert(
      fc.property(fc.constantFrom('2025-12-01', '2025-12-03', '2026-01'), (asOf) => {
        unchanged(structuredClone(dataset), (d) => assessControl(d, { asOf }));
        unchanged(structuredClone(dataset), (d) => findContradictions(d));
      }),
      { numRuns: 20 },
    );
  });

  it('frozen claims are accepted as they are', () => {
    const claims: Claim[] = deepFreeze(structuredClone(parseDataset(sampleDataset()).claims ?? []));
    expect(() => controlMap(claims, { places: parseDataset(sampleDataset()).places ?? [] })).not.toThrow();
  });
});
