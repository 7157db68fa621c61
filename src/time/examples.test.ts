/**
 * The `@example`s of the time functions, run as they are written in their
 * TSDoc (each `//=>` is an assertion here), and included in
 * `docs/time-and-precision.md`.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { battleDuration, compareTimes, controlAsOf, durationPhrase, isValidAt, responseTimes, timeGapMinutes, timesOverlap } from './index.js';

const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));

it('compares times at their precisions', () => {
  // #region compare
  expect(compareTimes('2025-12', '2025-12-03')).toBe('overlaps');
  expect(compareTimes('2025-11-30', '2025-W49')).toBe('before');
  expect(timesOverlap('2025-12-01', { at: '2025-12-03', precision: 'week' })).toBe(true);
  expect(timesOverlap('2025-12-01T10:30Z', '2025-12-02')).toBe(false);
  expect(timeGapMinutes('2025-12-02T05:40Z', '2025-12-02T05:55Z')).toBe(14); // 05:41 is when the first minute ends
  expect(timeGapMinutes('2025-12-01', '2025-W49')).toBe(null);
  // #endregion compare
});

it('says whether a claim is valid at a time', () => {
  // #region valid
  const claim = { statedAt: '2025-12-01' };
  expect(isValidAt(claim, '2025-12')).toBe(true);
  expect(isValidAt(claim, '2025-12-05')).toBe(false);
  expect(isValidAt(claim, '2025-12-05', { standing: true })).toBe(true);
  // #endregion valid
});

it('draws one claimant’s control as of a date', () => {
  // #region asof
  expect(controlAsOf(pokrovsk, 'kremlin', '2025-12-01').features.map((f) => [f.properties.status, f.properties.side])).toEqual([['controlled', 'RU']]);
  expect(controlAsOf(pokrovsk, 'kremlin', '2025-11-30').features.length).toBe(0);
  // #endregion asof
});

it('tells durations in a reporter’s words', () => {
  // #region duration
  expect(battleDuration(pokrovsk, 'pokrovsk', '2025-W49')?.phrase).toBe('about 18 months');
  expect(durationPhrase(new Date('2024-06-16T00:00Z'), new Date('2025-12-04T12:00Z')).phrase).toBe('nearly 18 months');
  expect(durationPhrase(new Date('2023-12-20T00:00Z'), new Date('2025-12-04T00:00Z')).phrase).toBe('about 2 years');
  expect(durationPhrase(new Date('2025-11-10T00:00Z'), new Date('2025-12-03T00:00Z')).phrase).toBe('just over 3 weeks');
  // #endregion duration
});

it('measures response times', () => {
  // #region response
  const t = responseTimes(pokrovsk, { from: 'detection', to: 'strike' });
  expect([t.minMinutes, t.medianMinutes, t.maxMinutes]).toEqual([15, 17.5, 20]);
  // #endregion response
});
