/**
 * Which errors of `parseDataset`'s fast pass hand the input to the full pass
 * (issue 12): only a stack overflow, which means "the fast pass cannot
 * decide". A TypeError or RangeError of a bug in the fast pass, and an
 * exception from the caller's own getter, pass through unchanged; before,
 * a bare catch sent them to the full pass, which answered as if nothing had
 * happened. Also: serializeDataset refuses a BigInt itself and lets a
 * `toJSON` of the caller's throw through.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isContestedError } from '../errors/index.js';
import { parseDataset, safeParseDataset, serializeDataset } from './parse.js';
import { sampleDataset } from '../../test/model/arbitraries.js';

// A failure armed on demand in the fast reader of claims; `calls` counts the fast pass's claim reads.
const fault = vi.hoisted(() => ({ armed: undefined as Error | undefined, calls: 0 }));
vi.mock('./_fastEntities.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./_fastEntities.js')>();
  return {
    ...actual,
    claim: (...args: Parameters<typeof actual.claim>) => {
      fault.calls++;
      if (fault.armed !== undefined) throw fault.armed;
      return actual.claim(...args);
    },
  };
});
afterEach(() => {
  fault.armed = undefined;
  fault.calls = 0;
});

const sample = sampleDataset();

describe('the fast pass of parseDataset', () => {
  it('reads the sample dataset (the reader under test is the one used)', () => {
    expect(parseDataset(sample)).toEqual(sample);
    expect(fault.calls).toBe(sample.claims.length);
  });

  it('lets a TypeError or RangeError of a bug through, from parseDataset and safeParseDataset alike', () => {
    for (const error of [new TypeError("Cannot read properties of undefined (reading 'id')"), new RangeError('Invalid time value')]) {
      fault.armed = error;
      expect(() => parseDataset(sample)).toThrow(error);
      expect(() => safeParseDataset(sample)).toThrow(error);
    }
  });

  it('hands the input to the full pass on a stack overflow, which then answers', () => {
    fault.armed = new RangeError('Maximum call stack size exceeded');
    expect(safeParseDataset(sample)).toEqual({ success: true, data: sample, warnings: [] });
    expect(fault.calls).toBe(1);
  });

  it("lets an exception from the caller's getter through, though a second read would answer", () => {
    const thrown = new TypeError('the caller’s getter failed');
    let reads = 0;
    const input = {
      ...sample,
      get claims() {
        if (reads++ === 0) throw thrown;
        return sample.claims;
      },
    };
    expect(() => safeParseDataset(input)).toThrow(thrown);
  });
});

describe('serializeDataset', () => {
  it('refuses a BigInt with a ContestedError naming its key', () => {
    let error: unknown;
    try {
      serializeDataset({ sides: [{ id: 'UA', name: 'Ukraine', properties: { troops: 10n } }] } as never);
    } catch (caught) {
      error = caught;
    }
    expect(isContestedError(error) && [error.code, error.issues[0]?.code, error.issues[0]?.message]).toEqual([
      'invalid-input',
      'invalid-type',
      'cannot write the dataset as JSON: "troops" holds a BigInt (10n), which JSON cannot',
    ]);
  });

  it('refuses a cycle a getter answers with on the second read (after the walk found none) as circular', () => {
    const loop: Record<string, unknown> = { note: 'x' };
    loop['self'] = loop;
    let reads = 0;
    const side = { id: 'UA', name: 'Ukraine', get properties() { return reads++ === 0 ? { n: 1 } : loop; } };
    let error: unknown;
    try {
      serializeDataset({ sides: [side] } as never);
    } catch (caught) {
      error = caught;
    }
    expect(isContestedError(error) && [error.code, error.issues[0]?.code]).toEqual(['invalid-input', 'circular']);
    // A shared object that is not a cycle is written at each place.
    const shared = { n: 1 };
    expect(serializeDataset({ sides: [{ id: 'UA', name: 'U', properties: { a: shared, b: [shared, shared] } }] } as never, 0)).toBe('{"sides":[{"id":"UA","name":"U","properties":{"a":{"n":1},"b":[{"n":1},{"n":1}]}}]}');
  });

  it("lets a TypeError from the caller's own toJSON through unchanged", () => {
    const thrown = new TypeError('the caller’s toJSON failed');
    const dataset = { sides: [{ id: 'UA', name: 'Ukraine', properties: { when: { toJSON: () => { throw thrown; } } } }] };
    expect(() => serializeDataset(dataset as never)).toThrow(thrown);
  });
});
