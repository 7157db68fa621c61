/**
 * Two triangles of about 55 m² that differ by one grid cell at one vertex
 * (a property test of frame-first control maps, seed 287543826): `late`'s
 * corner A′ lies on `first`'s horizontal top edge, one cell east of
 * `first`'s corner A. Snap rounding's hot-pixel rule routes `first`'s edges
 * through A′ — its slanted edge A→B passes A′'s cell, and its top edge C→A
 * runs through A′ — so `first` became A, A′, B, C, A′: the triangle A′BC
 * with a spike A′→A→A′ along the horizontal. Clipper2 reads a ring with a
 * spike along a horizontal edge as empty (the same ring turned 90° is read
 * right), so `intersection(first, late)` came out empty and
 * `union(first, late)` lost `first`. The rerouted paths now lose their
 * spikes (a zero-width excursion: no ground under any fill rule) before
 * Clipper2 runs.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, difference, intersection, union } from '../../src/geometry/index.js';
import { describeDisagreements, disagreements, referee, refereeAvailable, type RefereeCase } from '../referee/_geos.js';

const late: Polygon = { type: 'Polygon', coordinates: [[[37.102763962, 48.271118214], [37.103, 48.271061629], [37.103, 48.271118214], [37.102763962, 48.271118214]]] };
const first: Polygon = { type: 'Polygon', coordinates: [[[37.102763961, 48.271118214], [37.103, 48.271061629], [37.103, 48.271118214], [37.102763961, 48.271118214]]] };

describe('a ring rerouted through a vertex on its own horizontal edge (frame-first seed 287543826)', () => {
  it('keeps its ground: late lies inside first, one grid cell short of its corner', () => {
    // first − late is a sliver thinner than a cell (2.3e-10 km²), which snap rounding may close: 5e-10 km² is the grid's reach here.
    const [a, b] = [areaKm2(first), areaKm2(late)];
    expect(b).toBeGreaterThan(5e-5);
    expect(areaKm2(intersection(first, late))).toBeCloseTo(b, 9);
    expect(areaKm2(intersection(late, first))).toBeCloseTo(b, 9);
    expect(areaKm2(union(first, late))).toBeCloseTo(a, 9);
    expect(areaKm2(difference(late, first))).toBeCloseTo(0, 9);
    expect(areaKm2(difference(first, late))).toBeCloseTo(a - b, 9);
  });
});

describe.runIf(refereeAvailable('horizontal spike against GEOS'))('the same two triangles against GEOS', () => {
  it('intersection, union and both differences agree with GEOS', () => {
    const results = [intersection(first, late), union(first, late), difference(late, first), difference(first, late)];
    const cases: RefereeCase[] = [
      { id: 'first ∩ late', kind: 'boolean', op: 'intersection', operands: [first, late], ours: results[0]! },
      { id: 'first ∪ late', kind: 'boolean', op: 'union', operands: [first, late], ours: results[1]! },
      { id: 'late − first', kind: 'boolean', op: 'difference', operands: [late, first], ours: results[2]! },
      { id: 'first − late', kind: 'boolean', op: 'difference', operands: [first, late], ours: results[3]! },
    ];
    const answers = referee(cases);
    const wrong = answers.flatMap((answer, i) => disagreements(answer, { result: areaKm2(results[i]!) }));
    expect(wrong, describeDisagreements(wrong)).toEqual([]);
  });
});
