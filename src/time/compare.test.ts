import { describe, expect, it } from 'vitest';
import { compareTimes, isValidAt, timeGapMinutes, timesOverlap } from './compare.js';

describe('compareTimes at the coarser precision', () => {
  it.each([
    ['2025-12', '2025-12-03', 'overlaps'],
    ['2025-12-03', '2025-12', 'overlaps'],
    ['2025-W49', '2025-12-01', 'overlaps'], // W49 of 2025 is Mon 1 – Sun 7 December
    ['2025-W49', '2025-12-08', 'before'],
    ['2025-11-30', '2025-W49', 'before'],
    ['2025-12-03T14:05Z', '2025-12-03', 'overlaps'],
    ['2025-12-03T14:05Z', '2025-12-03T14:06Z', 'before'],
    ['2025-12-03T16:05+02:00', '2025-12-03T14:05Z', 'overlaps'], // the same minute in two zones
    ['2026', '2025-12-31T23:59Z', 'after'],
    [{ at: '2025-12-03', precision: 'week' }, '2025-12-07', 'overlaps'],
  ] as const)('%j vs %j → %s', (a, b, order) => {
    expect(compareTimes(a, b)).toBe(order);
    expect(timesOverlap(a, b)).toBe(order === 'overlaps');
  });

  it('throws a ContestedError for a time that is not one', () => {
    expect(() => compareTimes('2025-02-30', '2025')).toThrowError(/not a date/);
  });
});

describe('timeGapMinutes', () => {
  it('is null when the spans overlap', () => {
    expect(timeGapMinutes('2025-12-01', '2025-W49')).toBeNull();
    expect(timeGapMinutes('2025-12', '2025-12-03T10:00Z')).toBeNull();
  });
  it('measures from the end of the earlier span to the start of the later, either way round', () => {
    expect(timeGapMinutes('2025-12-02T05:40Z', '2025-12-02T05:55Z')).toBe(14);
    expect(timeGapMinutes('2025-12-02T05:55Z', '2025-12-02T05:40Z')).toBe(14);
    expect(timeGapMinutes('2025-12-01', '2025-12-03')).toBe(1440);
    expect(timeGapMinutes('2025-12-01', '2025-12-02')).toBe(0); // touching days: no gap, no overlap
    expect(timeGapMinutes('2025-11', '2025-12-01T06:00Z')).toBe(360);
  });
});

describe('isValidAt: before, during and after a claim, at different precisions', () => {
  const dayClaim = { statedAt: '2025-12-01' };
  const monthClaim = { statedAt: '2025-12-10', validAt: '2025-11' };
  it.each([
    [dayClaim, '2025-11-30T23:59Z', false],
    [dayClaim, '2025-12-01T10:30Z', true],
    [dayClaim, '2025-W49', true],
    [dayClaim, '2025-12', true],
    [dayClaim, '2025-12-02', false],
    [monthClaim, '2025-10-31', false],
    [monthClaim, '2025-11-15T08:00Z', true],
    [monthClaim, '2025-12-10', false], // validAt, not statedAt, is what the claim is about
  ] as const)('%j at %j → %s', (claim, time, valid) => {
    expect(isValidAt(claim, time)).toBe(valid);
  });
  it('with standing, a claim holds from its time onward, not before', () => {
    expect(isValidAt(dayClaim, '2026-03', { standing: true })).toBe(true);
    expect(isValidAt(dayClaim, '2025-11-30', { standing: true })).toBe(false);
  });
});
