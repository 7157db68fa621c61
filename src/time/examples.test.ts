/**
 * The `@example`s of the time functions, run as they are written in their
 * TSDoc (each `//=>` is an assertion here), and included in
 * `docs/time-and-precision.md`.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { compareClaimants } from '../diff/compareClaimants.js';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { battleDuration, compareTimes, controlAsOf, durationPhrase, isValidAt, resolveTime, responseTimes, timeGapMinutes, timesOverlap } from './index.js';

const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));
const monthly = parseDataset(JSON.parse(readFileSync(new URL('../../examples/monthly-summary/monthly-summary.json', import.meta.url), 'utf8')));

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

it('keeps two times: what a map describes, and what was known', () => {
  // #region knownat
  // The tracker's summary "in August, Ukraine held all of this" (validAt "2024-08") was published on 1 September.
  const tracker = (monthly.claims ?? []).filter((c) => c.claimant === 'tracker');
  // As of 5 August, nobody knew it, and it was not yet true: nothing.
  expect(compareClaimants(monthly, ['tracker'], { asOf: '2024-08-05' }).regions.features).toEqual([]);
  // As of 31 August, by default, it is still unknown: the 15 August snapshot is the tracker's latest word.
  const claimsOf = (map: ReturnType<typeof controlMap>) => map.features.flatMap((f) => f.properties.claims);
  expect(claimsOf(controlMap(tracker, { asOf: '2024-08-31' }))).not.toContain('tracker-august');
  // With hindsight (knownAt after asOf), the summary counts, and as the claim about the later time it wins.
  const august = controlMap(tracker, { asOf: '2024-08-31', knownAt: '2024-09-01' });
  expect(august.overruled.find((o) => o.claim === 'tracker-0815-east')?.by).toEqual(['tracker-august']);
  const change = controlChange(controlMap(tracker, { asOf: '2024-08-14', knownAt: '2024-09-01' }), august);
  expect(change.bySide['UA']?.toContestedKm2).toBe(0);
  // #endregion knownat
});

it('takes a day in its own time zone', () => {
  // #region timezone
  const moscowDay = resolveTime({ at: '2024-08-11', precision: 'day', timeZone: 'Europe/Moscow' });
  expect(moscowDay.start.toISOString()).toBe('2024-08-10T21:00:00.000Z');
  expect(resolveTime({ at: '2024-08-11T00:30', precision: 'minute', timeZone: 'Europe/Moscow' }).start.toISOString()).toBe('2024-08-10T21:30:00.000Z');
  expect(() => resolveTime('2024-08-11+03:00')).toThrow(/timeZone: "Europe\/Moscow"/);
  // #endregion timezone
});

it('tells durations in a reporter’s words', () => {
  // #region duration
  expect(battleDuration(pokrovsk, 'pokrovsk', '2025-W49')?.phrase).toBe('about 18 months');
  expect(battleDuration(monthly, 'town', '2024-08-14')?.phrase).toBe('at least 2 days');
  expect(battleDuration(monthly, 'town', '2024-08-31')?.phrase).toBe('nearly 3 weeks');
  expect(battleDuration(monthly, 'town', '2024-08-31', { knownAt: '2024-09-01' })?.phrase).toBe('about 4 weeks');
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
