/**
 * The one planar signed area: twice the shoelace area, sign by winding,
 * closed or not, and exact on small integer rings (a hand computation).
 */
import { describe, expect, it } from 'vitest';
import { twiceSignedArea } from './_planar.js';

describe('twiceSignedArea', () => {
  const square = [[0, 0], [2, 0], [2, 3], [0, 3], [0, 0]];
  it('is twice the area, positive counterclockwise, negative clockwise', () => {
    expect(twiceSignedArea(square)).toBe(12);
    expect(twiceSignedArea([...square].reverse())).toBe(-12);
  });
  it('is the same whether or not the ring repeats its first position', () => {
    expect(twiceSignedArea(square.slice(0, -1))).toBe(12);
  });
  it('keeps a small ring far from the origin exact (fan from the first vertex)', () => {
    const far = square.map(([x, y]) => [x! * 1e-6 + 37.123456789, y! * 1e-6 + 48.987654321]);
    expect(twiceSignedArea(far) / 12e-12).toBeCloseTo(1, 6);
  });
  it('is 0 for fewer than three positions', () => {
    expect(twiceSignedArea([])).toBe(0);
    expect(twiceSignedArea([[1, 1], [2, 2]])).toBe(0);
  });
});
