import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { assessControl, DEFAULT_WEIGHTS } from './assessControl.js';

// A tracker's inferred ground (basis `inferred`, as fromDeepState files the
// rest of the extent) against a ministry's bare claim, both from equally
// reliable sources with the same credibility: 0.25 against 0.5.
const town = { id: 'town', name: 'Town', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]] } };
const dataset = (basis: 'inferred' | 'assessed') =>
  parseDataset({
    sides: [{ id: 'RU', name: 'Russia' }, { id: 'UA', name: 'Ukraine' }],
    actors: [
      { id: 'tracker', name: 'Tracker', kind: 'osint-tracker', reliability: 'B' },
      { id: 'ministry', name: 'Ministry', kind: 'ministry', reliability: 'B' },
    ],
    places: [town],
    claims: [
      { id: 'held', claimant: 'tracker', statedAt: '2025-12-01', area: 'town', status: 'controlled', side: 'UA', basis, credibility: 3 },
      { id: 'taken', claimant: 'ministry', statedAt: '2025-12-01', area: 'town', status: 'controlled', side: 'RU', basis: 'claimed', credibility: 3 },
    ],
  });

describe('assessControl weighs an inference below a bare claim', () => {
  it('inferred 0.25 < claimed 0.5 < assessed 1', () => {
    expect(DEFAULT_WEIGHTS.basis).toEqual({ assessed: 1, claimed: 0.5, inferred: 0.25 });
  });

  it("a tracker's inferred ground loses to a bare claim (2× its weight); filed as assessed, it would win", () => {
    const [inferred, assessed] = (['inferred', 'assessed'] as const).map((basis) => assessControl(dataset(basis), { asOf: '2025-12-02', within: 'town' }).features[0]!.properties);
    expect([inferred!.status, inferred!.side]).toEqual(['controlled', 'RU']);
    expect([assessed!.status, assessed!.side]).toEqual(['controlled', 'UA']);
  });
});
