/**
 * Same input, same bytes: each function run twice on one input, and once on
 * a structured clone of it, gives byte-identical JSON (or SVG).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlChange, controlMap, diffClaims, frontLine, parseDataset, serializeDataset, toSvg } from '../../src/index.js';
import { datasetArb } from '../model/arbitraries.js';
import { claimsArb, FRAME, GEOMETRY_RUNS, PROPERTY_TIMEOUT_MS, RUNS } from './_maps.js';

const same = (run: (input: unknown) => unknown, input: unknown): void => {
  const first = JSON.stringify(run(input));
  expect(JSON.stringify(run(input))).toBe(first);
  expect(JSON.stringify(run(structuredClone(input)))).toBe(first);
};

describe('determinism', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('parseDataset', () => {
    fc.assert(fc.property(datasetArb(), (input) => same((d) => serializeDataset(parseDataset(d)), input)), { numRuns: RUNS });
  });

  it('diffClaims, controlChange, controlMap, frontLine and toSvg', () => {
    fc.assert(
      fc.property(claimsArb('a'), claimsArb('b'), (a, b) => {
        same((x) => diffClaims((x as { a: never }).a, (x as { b: never }).b, { within: FRAME }), { a, b });
        same((x) => controlChange((x as { a: never }).a, (x as { b: never }).b), { a, b });
        same((x) => controlMap(x as never), a);
        same((x) => frontLine(controlMap(x as never), ['UA', 'RU']), a);
        same((x) => toSvg(diffClaims((x as { a: never }).a, (x as { b: never }).b, { within: FRAME })), { a, b });
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('a control map does not depend on the order of its claims', () => {
    fc.assert(
      fc.property(claimsArb('a'), (a) => {
        const forward = controlMap(a);
        const backward = controlMap([...a].reverse());
        const key = (m: typeof forward): string[] => m.features.map((f) => `${f.properties.status}/${f.properties.side ?? ''}/${f.properties.km2.toFixed(6)}`).sort();
        expect(key(backward)).toEqual(key(forward));
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });
});
