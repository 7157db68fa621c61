/**
 * Years are years: every year 0000–9999 is kept as written. `Date.UTC` and
 * `new Date(y, …)` read 0–99 as 1900–1999; this pins that the parser does not.
 * The expected instants are built independently, from `toISOString`'s own
 * text and from day counts (no parser of ours involved).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveTime } from './timeRef.js';
import { compareTimes } from './compare.js';

const iso = (d: Date): string => d.toISOString();

describe('years 0000–9999 are kept exact', () => {
  it.each([
    ['0000', '0000-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z'],
    ['0001', '0001-01-01T00:00:00.000Z', '0002-01-01T00:00:00.000Z'],
    ['0099', '0099-01-01T00:00:00.000Z', '0100-01-01T00:00:00.000Z'],
    ['0100', '0100-01-01T00:00:00.000Z', '0101-01-01T00:00:00.000Z'],
    ['9999', '9999-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z'],
    ['0050-06', '0050-06-01T00:00:00.000Z', '0050-07-01T00:00:00.000Z'],
    ['0001-02-28', '0001-02-28T00:00:00.000Z', '0001-03-01T00:00:00.000Z'],
    ['0099-12-31T23:59Z', '0099-12-31T23:59:00.000Z', '0100-01-01T00:00:00.000Z'],
    ['0010-01-01T00:30+01:00', '0009-12-31T23:30:00.000Z', '0009-12-31T23:31:00.000Z'],
  ])('%s', (text, start, end) => {
    const r = resolveTime(text);
    expect([iso(r.start), iso(r.end)]).toEqual([start, end]);
  });

  it('0000 is a leap year (proleptic Gregorian) and 0100 is not', () => {
    expect(iso(resolveTime('0000-02-29').start)).toBe('0000-02-29T00:00:00.000Z');
    expect(() => resolveTime('0100-02-29')).toThrow(/not a date/);
  });

  it('weeks in early years: 0001-W01 starts on Monday 0001-01-01', () => {
    // 1 January of year 1 (proleptic Gregorian) was a Monday: 719,162 days before 1970-01-01, a Thursday.
    expect((719_162 % 7)).toBe(3);
    expect(iso(resolveTime('0001-W01').start)).toBe('0001-01-01T00:00:00.000Z');
  });

  it('any date in 0000–9999 comes back as written, and its order follows the text', () => {
    const dates = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const ta = iso(a).slice(0, 10);
        const tb = iso(b).slice(0, 10);
        expect(iso(resolveTime(ta).start).slice(0, 10)).toBe(ta);
        const order = ta < tb ? 'before' : ta > tb ? 'after' : 'overlaps';
        expect(compareTimes(ta, tb)).toBe(order);
      }),
    );
  });
});
