import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import { periodKey } from './periodKey.js';
import { resolveTime } from './timeRef.js';

describe('periodKey', () => {
  it('labels days, ISO weeks and months in UTC', () => {
    const late = new Date('2025-11-30T23:30:00-02:00'); // 2025-12-01T01:30Z
    expect(periodKey(late, 'day')).toBe('2025-12-01');
    expect(periodKey(late, 'month')).toBe('2025-12');
    expect(periodKey(new Date('2024-12-30T00:00Z'), 'week')).toBe('2025-W01');
    expect(periodKey(new Date('2026-01-01T00:00Z'), 'week')).toBe('2026-W01');
    expect(periodKey(new Date('2021-01-03T12:00Z'), 'week')).toBe('2020-W53');
  });

  it('every instant lies inside the span its week key names (the key parsed back as a TimeRef)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00Z'), max: new Date('2090-01-01T00:00Z'), noInvalidDate: true }), fc.constantFrom('day' as const, 'week' as const, 'month' as const), (instant, unit) => {
        const span = resolveTime(periodKey(instant, unit));
        expect(span.precision).toBe(unit);
        expect(span.start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(span.end.getTime());
      }),
    );
  });

  it('refuses an invalid date or unit with a path', () => {
    for (const [instant, unit, path] of [[new Date(Number.NaN), 'day', 'instant'], [new Date(0), 'year', 'unit']] as const) {
      try {
        periodKey(instant, unit as 'day');
        expect.unreachable();
      } catch (error) {
        expect(isContestedError(error) && error.issues[0]!.path).toEqual([path]);
      }
    }
  });
});
