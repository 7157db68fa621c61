/**
 * Parsing loses nothing: a valid dataset written with `serializeDataset`
 * reads back equal, through `parseDataset` and through `parseDatasetJson`,
 * and writing it again gives the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset, parseDatasetJson, serializeDataset } from '../../src/index.js';
import { datasetArb } from '../model/arbitraries.js';
import { PROPERTY_TIMEOUT_MS, RUNS } from './_maps.js';

describe('parse/serialize round trip', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('serializeDataset(parseDataset(x)) is the normalized input, and reads back to the same dataset', () => {
    fc.assert(
      fc.property(datasetArb(), (input) => {
        const text = serializeDataset(parseDataset(input));
        expect(text).toBe(JSON.stringify(input, null, 2));
        expect(serializeDataset(parseDatasetJson(text))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});
