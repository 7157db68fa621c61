import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { isContestedError } from '../errors/index.js';
import { battleDuration } from './battleDuration.js';
import { durationPhrase } from './durationPhrase.js';

const at = (iso: string): Date => new Date(iso);

describe('durationPhrase: the wording rules', () => {
  it.each([
    // unit: the largest with at least 1.9 of it
    ['2024-06-16T00:00Z', '2025-12-04T12:00Z', 'nearly 18 months'], // 17.62 months
    ['2023-12-20T00:00Z', '2025-12-04T00:00Z', 'about 2 years'], // 1.96 years, not "nearly 24 months"
    ['2025-11-10T00:00Z', '2025-12-03T00:00Z', 'just over 3 weeks'], // 3.29 weeks
    ['2025-01-01T00:00Z', '2025-07-01T00:00Z', '6 months'], // exact
    ['2025-01-01T00:00Z', '2025-07-03T00:00Z', 'about 6 months'], // 6.06
    ['2025-01-01T00:00Z', '2025-07-10T00:00Z', 'just over 6 months'], // 6.29
    ['2025-01-01T00:00Z', '2025-03-01T00:00Z', '2 months'],
    ['2025-01-01T00:00Z', '2025-02-19T00:00Z', '7 weeks'], // 1.58 months: under 1.9, so weeks: 49 days
    ['2025-12-01T00:00Z', '2025-12-06T12:00Z', 'nearly 6 days'], // 5.5 rounds half up: half a unit short is "nearly"
    ['2025-12-01T00:00Z', '2025-12-06T10:00Z', 'just over 5 days'], // 5.42
    ['2025-12-02T05:40Z', '2025-12-02T05:55Z', '15 minutes'],
    ['2025-12-02T05:40Z', '2025-12-02T07:10Z', '90 minutes'], // 1.5 hours is under 1.9: told in minutes
    ['2025-12-02T05:40Z', '2025-12-02T07:40Z', '2 hours'],
    ['2025-12-02T05:40Z', '2025-12-02T05:40:30Z', 'less than a minute'],
  ])('%s → %s', (start, end, phrase) => {
    expect(durationPhrase(at(start), at(end)).phrase).toBe(phrase);
  });

  it('reports the unit and the fractional amount', () => {
    const words = durationPhrase(at('2024-06-16T00:00Z'), at('2025-12-04T12:00Z'));
    expect(words.unit).toBe('month');
    expect(words.amount).toBeCloseTo(17 + 18.5 / 30, 12); // 16 Nov → 4 Dec 12:00 of the 30 days to 16 Dec
  });

  it('refuses a duration that ends before it starts', () => {
    expect(() => durationPhrase(at('2025-12-02T00:00Z'), at('2025-12-01T00:00Z'))).toThrowError(/ends before it starts/);
  });
});

describe('battleDuration', () => {
  const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));

  it('counts Pokrovsk from the June 2024 offensive on the hromada: about 18 months', () => {
    const d = battleDuration(pokrovsk, 'pokrovsk', '2025-W49');
    expect(d).not.toBeNull();
    expect(d!.phrase).toBe('about 18 months'); // the start is known only to the month
    expect(d!.startedBy).toEqual({ kind: 'event', id: 'battle-begins', at: '2024-06' });
    expect(d!.start.toISOString()).toBe('2024-06-01T00:00:00.000Z'); // the earliest June could begin
    expect(d!.end.toISOString()).toBe('2025-12-01T00:00:00.000Z'); // Monday of ISO week 49
    expect(d!.months).toBe(18);
    expect(d!.days).toBe(548); // by hand: 2024-06-01 → 2025-06-01 is 365 days, + 183 to 1 December
  });

  it('leaves out what begins after asOf, and returns null when nothing touches the place by then', () => {
    expect(battleDuration(pokrovsk, 'pokrovsk', '2024-05')).toBeNull();
    // June 2024 is known once June is over: 1 June → 1 July is 30 days, 4.29 weeks, and the start is uncertain by a month.
    expect(battleDuration(pokrovsk, 'pokrovsk', new Date('2024-07-01T00:00Z'))?.phrase).toBe('about 4 weeks');
    // Before June is over, the June event is not yet known (knownAt defaults to asOf); with hindsight it counts.
    expect(battleDuration(pokrovsk, 'pokrovsk', new Date('2024-06-20T00:00Z'))).toBeNull();
    expect(battleDuration(pokrovsk, 'pokrovsk', new Date('2024-06-20T00:00Z'), { knownAt: '2025-12' })?.phrase).toBe('about 3 weeks');
  });

  it('does not count a claim that only meets the place at its edge', () => {
    const d = parseDataset({
      sides: [{ id: 'RU', name: 'Russia' }],
      actors: [{ id: 'a', name: 'A', kind: 'other' }],
      places: [
        { id: 'town', name: 'Town', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]] } },
        { id: 'next', name: 'Next door', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [[[37.1, 48], [37.2, 48], [37.2, 48.1], [37.1, 48.1], [37.1, 48]]] } },
      ],
      claims: [
        { id: 'old', claimant: 'a', statedAt: '2020-01', area: 'next', status: 'controlled', side: 'RU', basis: 'claimed' },
        { id: 'new', claimant: 'a', statedAt: '2025-01-01', area: 'town', status: 'contested', basis: 'claimed' },
      ],
    });
    expect(battleDuration(d, 'town', '2025-03-01')?.startedBy.id).toBe('new');
  });

  it('throws not-found for an unknown place', () => {
    try {
      battleDuration(pokrovsk, 'avdiivka', '2025-W49');
      expect.unreachable();
    } catch (error) {
      expect(isContestedError(error) && error.code).toBe('not-found');
    }
  });
});
