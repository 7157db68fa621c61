/**
 * The one planar signed area: twice the shoelace area, sign by winding,
 * closed or not, and exact on small integer rings (a hand computation).
 */
import { describe, expect, it } from 'vitest';
import { twiceSignedArea, twiceSignedPathArea } from './_planar.js';

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

describe('twiceSignedPathArea (the engine\'s integer paths)', () => {
  it('gives twiceSignedArea of the same ring, on grid-sized integers', () => {
    const ring = [[37_123_456_789, 48_987_654_321], [37_123_456_989, 48_987_654_321], [37_123_456_989, 48_987_654_621], [37_123_456_789, 48_987_654_621]];
    const path = ring.map(([x, y]) => ({ x: x!, y: y! }));
    expect(twiceSignedPathArea(path)).toBe(2 * 200 * 300);
    expect(twiceSignedPathArea(path)).toBe(twiceSignedArea(ring));
    expect(twiceSignedPathArea([...path].reverse())).toBe(-120000);
    expect(twiceSignedPathArea(path.slice(0, 2))).toBe(0);
  });
});
