/**
 * `isIsoTime` (the schema's fast validity check) decides exactly as
 * `parseIso` does, on strings built near the ISO forms: every field in and
 * just out of range, leap days, offsets, weeks and zoned dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoTime, parseIso } from './_iso.js';

const two = (n: number): string => String(n).padStart(2, '0');
const isoLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    frac: fc.constantFrom('', '.5', '.123456789'),
    zone: fc.constantFrom('', 'Z', '+02:00', '-14:00', '+15:00', '+03:60', '-00:30'),
    parts: fc.integer({ min: 1, max: 6 }),
    week: fc.boolean(),
  })
  .map(({ year, month, day, hour, minute, second, frac, zone, parts, week }) => {
    const y = String(year).padStart(4, '0');
    if (week) return `${y}-W${two(day + 20)}`;
    const fields = [y, `-${two(month)}`, `-${two(day)}`, `T${two(hour)}`, `:${two(minute)}`, `:${two(second)}${frac}`];
    return fields.slice(0, parts).join('') + zone;
  });

describe('isIsoTime', () => {
  it('agrees with parseIso on strings near every ISO form', () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string({ maxLength: 30 })), (text) => {
        expect(isIsoTime(text)).toBe(typeof parseIso(text) !== 'string');
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 1_000) * 5 },
    );
  });

  it('decides leap days and month lengths', () => {
    expect(isIsoTime('2024-02-29')).toBe(true);
    expect(isIsoTime('2025-02-29')).toBe(false);
    expect(isIsoTime('2000-02-29')).toBe(true);
    expect(isIsoTime('1900-02-29')).toBe(false);
    expect(isIsoTime('0000-02-29')).toBe(true);
    expect(isIsoTime('2025-04-31')).toBe(false);
    expect(isIsoTime('2025-12-03T14:05')).toBe(false);
  });
});
