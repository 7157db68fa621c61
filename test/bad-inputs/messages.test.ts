/**
 * Messages stay short and never fail, whatever the caller's values are
 * (issue 18): an id of 900,000 characters is quoted as an excerpt, and a
 * Symbol, BigInt or object without a prototype where an id or a kind
 * belongs is described, not converted (which throws a TypeError).
 */
import { describe, expect, it } from 'vitest';
import { controlHistory, isContestedError, parseDataset, safeParseDataset } from '../../src/index.js';

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('messages quote caller values as short excerpts', () => {
  it('a duplicate or unknown id of 900,000 characters: each message under 300 characters, naming the length', () => {
    const long = 'x'.repeat(900_000);
    const error = caught(() => parseDataset({ sides: [{ id: long, name: 'a' }, { id: long, name: 'b' }], units: [{ id: 'u', name: 'U', side: `${long}y`, echelon: 'company', role: 'infantry' }] }));
    if (!isContestedError(error)) throw new Error(`expected a ContestedError, got ${String(error)}`);
    const messages = error.issues.filter((i) => i.code === 'duplicate-id' || i.code === 'unknown-reference').map((i) => i.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.length).toBeLessThan(300);
      expect(message).toMatch(/"x{60}"… \(900,00[01] characters\)/);
    }
  });

  it('a unit cycle of 50,000 lists ten ids and the count, not all of them', () => {
    const units = Array.from({ length: 50_000 }, (_, i) => ({ id: `u${i}`, name: `U${i}`, side: 'UA', echelon: 'company', role: 'infantry', parent: `u${(i + 1) % 50_000}` }));
    const result = safeParseDataset({ sides: [{ id: 'UA', name: 'Ukraine' }], units });
    expect(result.success).toBe(false);
    const cycle = !result.success ? result.error.issues.find((i) => i.code === 'cycle') : undefined;
    expect(cycle?.message).toMatch(/^unit parents form a cycle: u\d+ → (u\d+ → ){8}u\d+ → … \(50,000 units in all\)$/);
  });

  it('a BigInt where controlHistory wants a step name is described, not serialised (a TypeError before)', async () => {
    const error = await controlHistory([], { by: 10n as unknown as 'day' }).catch((e: unknown) => e);
    expect(isContestedError(error) && error.issues[0]?.message).toBe("expected 'step', 'day', 'week' or 'month'; got 10n");
  });

  it('ids that are Symbols, BigInts or prototype-less objects, in every reference of a dataset: a ContestedError, never a TypeError', () => {
    const exotic: unknown[] = [Symbol('x'), 10n, Object.create(null), 'x'.repeat(100_000)];
    for (const x of exotic) {
      const dataset = {
        sides: [{ id: x, name: 'a' }, { id: x, name: 'b' }],
        actors: [{ id: 'k', name: 'K', kind: 'ministry', side: x }],
        units: [{ id: x, name: 'U', side: x, echelon: 'company', role: 'infantry', parent: x }],
        persons: [{ id: 'p', name: 'P', side: x, unit: x }],
        places: [{ id: x, name: 'P', kind: x, geometry: { type: x, coordinates: [] } }],
        claims: [{ id: x, claimant: x, statedAt: x, area: x, status: x, side: x, basis: x, refutes: [x], evidence: [x] }],
        evidence: [{ id: x, kind: x, capturedAt: x, position: { coordinates: [x, x] }, shows: [{ kind: x, side: x }] }],
      };
      const error = caught(() => parseDataset(dataset));
      expect(isContestedError(error), String(error)).toBe(true);
      for (const issue of (error as { issues: { message: string }[] }).issues) expect(issue.message.length).toBeLessThanOrEqual(1_000);
    }
  });
});
