import { describe, expect, it } from 'vitest';
import { ContestedError } from '../errors/index.js';
import { TimeRef, comparePrecision, resolveTime, timePrecision } from './timeRef.js';
import { safeParseEntity } from '../dataset/parse.js';

/** The issues a time gets when used as a statement's `at`. */
function timeIssues(at: unknown) {
  const result = safeParseEntity('statement', { id: 's', actor: 'a', text: 'x', at });
  if (result.success) throw new Error(`expected ${JSON.stringify(at)} to be refused`);
  expect(result.error).toBeInstanceOf(ContestedError);
  return result.error.issues;
}

describe('TimeRef', () => {
  it.each([
    ['2025', 'year'],
    ['2025-12', 'month'],
    ['2025-W49', 'week'],
    ['2026-W53', 'week'],
    ['2025-12-03', 'day'],
    ['2025-12-03T14Z', 'hour'],
    ['2025-12-03T14:05Z', 'minute'],
    ['2025-12-03T14:05:09+02:00', 'second'],
    ['2025-12-03T14:05:09.250-03:30', 'second'],
    ['2024-02-29', 'day'],
  ])('accepts %s with %s precision', (text, precision) => {
    expect(TimeRef.parse(text)).toBe(text);
    expect(timePrecision(text)).toBe(precision);
  });

  it('accepts { at, precision } coarser than the string', () => {
    expect(timePrecision({ at: '2025-12-03', precision: 'week' })).toBe('week');
    expect(TimeRef.parse({ at: '2025-12-03T10:00Z', precision: 'day' })).toEqual({ at: '2025-12-03T10:00Z', precision: 'day' });
  });

  it('resolves spans in UTC, offsets included', () => {
    const month = resolveTime('2025-12');
    expect(month.start.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(month.end.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const kyiv = resolveTime('2025-12-03T14:05:09+02:00');
    expect(kyiv.start.toISOString()).toBe('2025-12-03T12:05:09.000Z');
    expect(kyiv.end.toISOString()).toBe('2025-12-03T12:05:10.000Z');
    const week = resolveTime('2025-W49');
    expect(week.start.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(week.end.toISOString()).toBe('2025-12-08T00:00:00.000Z');
    // The first week of 2026 begins on Monday 29 December 2025.
    expect(resolveTime('2026-W01').start.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    const wed = resolveTime({ at: '2025-12-03', precision: 'week' });
    expect(wed.start.toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });

  it('orders precisions finest first', () => {
    expect(comparePrecision('minute', 'day')).toBeLessThan(0);
    expect(comparePrecision('year', 'month')).toBeGreaterThan(0);
    expect(comparePrecision('week', 'week')).toBe(0);
  });

  it('refuses a date that does not exist', () => {
    expect(timeIssues('2025-02-30')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "2025-02-30 is not a date (that month has fewer days)",
          "path": [
            "at",
          ],
        },
      ]
    `);
    expect(timeIssues('2025-13')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "month 13 does not exist",
          "path": [
            "at",
          ],
        },
      ]
    `);
  });

  it('refuses a time of day without a UTC offset', () => {
    expect(timeIssues('2025-12-03T14:05')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "time "2025-12-03T14:05" has no UTC offset: add "Z" or an offset such as "+02:00"",
          "path": [
            "at",
          ],
        },
      ]
    `);
  });

  it('refuses week 53 of a year with 52 ISO weeks', () => {
    expect(timeIssues('2025-W53')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "week 53 does not exist in 2025 (it has 52 ISO weeks)",
          "path": [
            "at",
          ],
        },
      ]
    `);
  });

  it('refuses a precision finer than the string carries', () => {
    expect(timeIssues({ at: '2025-12', precision: 'day' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "precision "day" is finer than "2025-12" carries (month)",
          "path": [
            "at",
          ],
        },
      ]
    `);
  });

  it('refuses what is not ISO 8601', () => {
    expect(timeIssues('3 December 2025')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "expected an ISO 8601 time such as "2025-12", "2025-12-03" or "2025-12-03T14:05Z"",
          "path": [
            "at",
          ],
        },
      ]
    `);
    expect(timeIssues('2025-12-03T24:00Z')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "time of day 24:00:00 does not exist",
          "path": [
            "at",
          ],
        },
      ]
    `);
    expect(timeIssues('2025-12-03T14:05+15:00')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "UTC offset +15:00 does not exist",
          "path": [
            "at",
          ],
        },
      ]
    `);
    expect(timeIssues(20251203)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }",
          "path": [
            "at",
          ],
        },
      ]
    `);
    expect(timeIssues({ at: '2025-12', precision: 'fortnight' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-value",
          "message": "Invalid option: expected one of "second"|"minute"|"hour"|"day"|"week"|"month"|"year"",
          "path": [
            "at",
            "precision",
          ],
        },
      ]
    `);
    expect(timeIssues({ at: '2025-12', precision: 'month', zone: 'UTC' })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-field",
          "message": "unknown field "zone": put fields of your own under "properties"",
          "path": [
            "at",
            "zone",
          ],
        },
      ]
    `);
  });

  it('resolveTime throws a ContestedError, never a TypeError', () => {
    expect(() => resolveTime('2025-02-30')).toThrow(ContestedError);
    try {
      resolveTime('nope');
    } catch (error) {
      expect((error as ContestedError).code).toBe('invalid-input');
    }
  });
});
