import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { responseTimes } from './responseTimes.js';

const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));

describe('responseTimes', () => {
  it('gives the battalion commander’s 15–20 minutes on the Pokrovsk events', () => {
    const t = responseTimes(pokrovsk, { from: 'detection', to: 'strike' });
    expect(t).toEqual({
      count: 2,
      minMinutes: 15,
      medianMinutes: 17.5,
      maxMinutes: 20,
      pairs: [
        { from: 'detection-1', to: 'strike-1', minutes: 15 },
        { from: 'detection-2', to: 'strike-2', minutes: 20 },
      ],
      skipped: [],
    });
  });

  it('follows chains, skips coarse or reversed pairs, and takes the median of an odd count', () => {
    const events = [
      { id: 'd1', kind: 'detection', at: '2025-12-02T05:40Z' },
      { id: 's1', kind: 'strike', at: '2025-12-02T05:50Z', follows: ['d1'] },
      { id: 'x1', kind: 'destruction', at: '2025-12-02T05:52:30Z', follows: ['s1'] },
      { id: 'd2', kind: 'detection', at: '2025-12-02T09Z' }, // to the hour only
      { id: 'x2', kind: 'destruction', at: '2025-12-02T09:20Z', follows: ['d2'] },
      { id: 'd3', kind: 'detection', at: '2025-12-02T11:00Z' },
      { id: 'x3', kind: 'destruction', at: '2025-12-02T10:50Z', follows: ['d3'] },
      { id: 'd4', kind: 'detection', at: '2025-12-02T12:00:00Z' },
      { id: 'x4', kind: 'destruction', at: '2025-12-02T12:30Z', follows: ['d4'] },
      { id: 'd5', kind: 'detection', at: '2025-12-03T08:00Z' },
      { id: 'x5', kind: 'destruction', at: '2025-12-03T08:06Z', follows: ['d5'] },
    ] as const;
    const t = responseTimes({ events: events.map((e) => ({ ...e, follows: 'follows' in e ? [...e.follows] : [] })) }, { from: 'detection', to: 'destruction' });
    expect(t.pairs.map((p) => [p.from, p.to, p.minutes])).toEqual([
      ['d5', 'x5', 6],
      ['d1', 'x1', 12.5],
      ['d4', 'x4', 30],
    ]);
    expect([t.count, t.minMinutes, t.medianMinutes, t.maxMinutes]).toEqual([3, 6, 12.5, 30]);
    expect(t.skipped).toEqual([
      { from: 'd2', to: 'x2', reason: 'too-coarse' },
      { from: 'd3', to: 'x3', reason: 'negative' },
    ]);
  });

  it('returns a count of 0 and null statistics when nothing is linked', () => {
    expect(responseTimes({}, { from: 'detection', to: 'strike' })).toEqual({
      count: 0,
      minMinutes: null,
      medianMinutes: null,
      maxMinutes: null,
      pairs: [],
      skipped: [],
    });
  });

  it('does not loop on a cycle of follows', () => {
    const events = [
      { id: 'a', kind: 'strike' as const, at: '2025-12-02T05:50Z', follows: ['b'] },
      { id: 'b', kind: 'assault' as const, at: '2025-12-02T05:40Z', follows: ['a'] },
    ];
    expect(responseTimes({ events }, { from: 'detection', to: 'strike' }).count).toBe(0);
  });
});
