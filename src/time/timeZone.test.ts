/**
 * Time zones on a TimeRef: a day, week, month or year in an IANA zone is
 * that zone's calendar unit (computed by @date-fns/tz, daylight saving
 * included), and a date with an offset is refused with the way to say it.
 */
import { describe, expect, it } from 'vitest';
import { safeParseEntity } from '../dataset/parse.js';
import { resolveTime, TimeRef } from './timeRef.js';

const iso = (ref: TimeRef): [string, string] => {
  const r = resolveTime(ref);
  return [r.start.toISOString(), r.end.toISOString()];
};

describe('TimeRef with a timeZone', () => {
  it('takes a day, a week, a month and a year in the zone’s calendar', () => {
    expect(iso({ at: '2023-05-21', precision: 'day', timeZone: 'Europe/Moscow' })).toEqual(['2023-05-20T21:00:00.000Z', '2023-05-21T21:00:00.000Z']);
    // 2025-W49 begins on Monday 1 December, midnight in Kyiv (UTC+2 in winter).
    expect(iso({ at: '2025-W49', precision: 'week', timeZone: 'Europe/Kyiv' })).toEqual(['2025-11-30T22:00:00.000Z', '2025-12-07T22:00:00.000Z']);
    expect(iso({ at: '2024-08', precision: 'month', timeZone: 'Europe/Moscow' })).toEqual(['2024-07-31T21:00:00.000Z', '2024-08-31T21:00:00.000Z']);
    expect(iso({ at: '2024', precision: 'year', timeZone: 'America/New_York' })).toEqual(['2024-01-01T05:00:00.000Z', '2025-01-01T05:00:00.000Z']);
  });

  it('follows daylight saving: the Kyiv day the clocks went forward is 23 hours', () => {
    const [start, end] = iso({ at: '2024-03-31', precision: 'day', timeZone: 'Europe/Kyiv' });
    expect((Date.parse(end) - Date.parse(start)) / 3_600_000).toBe(23);
  });

  it('reads a time of day without offset as the zone’s wall time, and one with an offset as given', () => {
    expect(iso({ at: '2023-05-21T00:30', precision: 'minute', timeZone: 'Europe/Moscow' })[0]).toBe('2023-05-20T21:30:00.000Z');
    // Just after midnight in Moscow is the previous UTC day; the Moscow day is the 21st.
    expect(iso({ at: '2023-05-20T21:30Z', precision: 'day', timeZone: 'Europe/Moscow' })).toEqual(['2023-05-20T21:00:00.000Z', '2023-05-21T21:00:00.000Z']);
    expect(iso({ at: '2023-05-20T21:30Z', precision: 'day' })).toEqual(['2023-05-20T00:00:00.000Z', '2023-05-21T00:00:00.000Z']);
  });

  it('refuses an unknown zone', () => {
    const result = TimeRef.safeParse({ at: '2023-05-21', precision: 'day', timeZone: 'Europe/Atlantis' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('time zone "Europe/Atlantis" is not an IANA time zone name such as "Europe/Moscow" or "Europe/Kyiv"');
  });

  it('says how to write a date with an offset', () => {
    const result = safeParseEntity('statement', { id: 's', actor: 'a', text: 'x', at: '2023-05-21+03:00' });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        ""2023-05-21+03:00" puts a UTC offset on a day, which ISO 8601 does not allow: a day is a calendar unit of a time zone, not of an offset. Write { at: "2023-05-21", precision: "day", timeZone: "Europe/Moscow" } with the IANA time zone meant, or a time of day with its offset such as "2023-05-21T00:00+03:00"",
      ]
    `);
  });
});
