import { describe, expect, it } from 'vitest';
import { chainOfCommand, subordinates } from './chain.js';
import type { Unit } from './schema.js';
import { thrown } from '../../test/_thrown.js';

const units: Unit[] = [
  { id: 'corps', name: 'Corps', side: 'UA', echelon: 'corps', role: 'headquarters' },
  { id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault', parent: 'corps' },
  { id: 'skala-2', name: '2nd Battalion', side: 'UA', echelon: 'battalion', role: 'assault', parent: 'skala' },
  { id: 'skala-1', name: '1st Battalion', side: 'UA', echelon: 'battalion', role: 'assault', parent: 'skala' },
  { id: 'skala-1-1', name: '1st Company', side: 'UA', echelon: 'company', role: 'assault', parent: 'skala-1' },
  { id: 'skala-uav', name: 'UAV Company', side: 'UA', echelon: 'company', role: 'uav', parent: 'skala' },
  { id: 'skala-2-1', name: '2/1 Company', side: 'UA', echelon: 'company', role: 'assault', parent: 'skala-2' },
];
const ids = (list: readonly { id: string }[]) => list.map((unit) => unit.id);

describe('chainOfCommand', () => {
  it('goes from the unit up to the top', () => {
    expect(ids(chainOfCommand({ units }, 'skala-1-1'))).toEqual(['skala-1-1', 'skala-1', 'skala', 'corps']);
    expect(ids(chainOfCommand({ units }, 'corps'))).toEqual(['corps']);
  });

  it('throws not-found for an unknown id', () => {
    const error = thrown(() => chainOfCommand({ units }, 'nope'));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatchInlineSnapshot(`
      "not-found: 1 problem found
      ✖ no unit has id "nope" (the dataset has 7 units)
        → at (root)"
    `);
    expect(thrown(() => chainOfCommand({}, 'nope')).code).toBe('not-found');
  });

  it('stops at a cycle of parents with a clear error', () => {
    const cyclic = [
      { id: 'a', parent: 'c' },
      { id: 'b', parent: 'a' },
      { id: 'c', parent: 'b' },
    ];
    const error = thrown(() => chainOfCommand({ units: cyclic }, 'a'));
    expect(error.code).toBe('invalid-dataset');
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "parent-cycle",
          "message": "unit parents form a cycle: "a" → "c" → "b" → "a"; a unit cannot be its own superior",
          "path": [
            "units",
            1,
            "parent",
          ],
        },
      ]
    `);
    expect(thrown(() => chainOfCommand({ units: [{ id: 'self', parent: 'self' }] }, 'self')).issues[0]?.message).toContain(
      '"self" → "self"',
    );
  });

  it('reports a parent that is not in the dataset', () => {
    const error = thrown(() => chainOfCommand({ units: [{ id: 'lost', parent: 'ghost-hq' }] }, 'lost'));
    expect(error.code).toBe('invalid-dataset');
    expect(error.issues[0]).toMatchInlineSnapshot(`
      {
        "code": "unknown-reference",
        "message": "unit "lost" names parent "ghost-hq", which is not a unit in the dataset",
        "path": [
          "units",
          0,
          "parent",
        ],
      }
    `);
  });
});

describe('subordinates', () => {
  it('lists every unit below, breadth-first, in dataset order per level', () => {
    expect(ids(subordinates({ units }, 'skala'))).toEqual(['skala-2', 'skala-1', 'skala-uav', 'skala-2-1', 'skala-1-1']);
    expect(ids(subordinates({ units }, 'corps'))).toEqual(['skala', 'skala-2', 'skala-1', 'skala-uav', 'skala-2-1', 'skala-1-1']);
  });

  it('limits the depth', () => {
    expect(ids(subordinates({ units }, 'corps', { depth: 1 }))).toEqual(['skala']);
    expect(ids(subordinates({ units }, 'corps', { depth: 2 }))).toEqual(['skala', 'skala-2', 'skala-1', 'skala-uav']);
    expect(subordinates({ units }, 'corps', { depth: 0 })).toEqual([]);
  });

  it('returns [] for a unit with nothing under it', () => {
    expect(subordinates({ units }, 'skala-1-1')).toEqual([]);
  });

  it('throws for an unknown id or a bad depth', () => {
    expect(thrown(() => subordinates({ units }, 'nope')).code).toBe('not-found');
    expect(thrown(() => subordinates({ units }, 'skala', { depth: -1 })).message).toMatchInlineSnapshot(`
      "invalid-input: 1 problem found
      ✖ depth must be a whole number ≥ 0 (got -1)
        → at depth"
    `);
    expect(thrown(() => subordinates({ units }, 'skala', { depth: 1.5 })).code).toBe('invalid-input');
  });

  it('terminates on a cycle of parents', () => {
    const cyclic = [
      { id: 'a', parent: 'b' },
      { id: 'b', parent: 'a' },
      { id: 'c', parent: 'a' },
    ];
    expect(ids(subordinates({ units: cyclic }, 'a'))).toEqual(['b', 'c']);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(units);
    subordinates({ units }, 'corps');
    chainOfCommand({ units }, 'skala-1-1');
    expect(units).toEqual(before);
  });
});
