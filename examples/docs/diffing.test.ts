import { describe, expect, it } from 'vitest';
import * as guide from './diffing.js';

describe('the "Diffing claims" guide', () => {
  it('resolves one party\'s overlapping claims by the overlap rule', () => {
    expect(guide.ministryRegions).toEqual([
      ['contested', 'dec', '41.4'],
      ['controlled', 'nov', '41.5'],
    ]);
    expect(guide.overruled).toEqual([{ claim: 'nov', by: ['dec'], km2: expect.closeTo(41.43, 2) }]);
    expect(guide.novemberRegions).toBe(1);
  });

  it('labels the diff as the guide says', () => {
    expect(guide.labels).toEqual({
      agree: '0.0 km² (0%)',
      conflict: '0.0 km² (0%)',
      consistent: '0.0 km² (0%)',
      partial: '41.4 km² (50%)',
      'only-a': '41.5 km² (50%)',
      'only-b': '0.0 km² (0%)',
      unclaimed: '0.0 km² (0%)',
    });
    expect(guide.ukraineVsTrackerLabels).toEqual([
      ['partial', '41.4'],
      ['only-b', '41.5'],
    ]);
    expect(guide.trackerTotals.contestedKm2).toBeCloseTo(41.43, 2);
    expect(guide.trackerTotals.bySide['RU']?.controlledKm2).toBeCloseTo(41.47, 2);
  });

  it('labels a denial as the guide says', () => {
    expect(guide.denialLabels).toEqual([
      ['consistent', '41.4'],
      ['conflict', '41.5'],
    ]);
    expect(guide.deniedTotals['RU']).toBeCloseTo(82.9, 1);
  });

  it('compares three claimants', () => {
    expect(guide.comparison).toEqual([
      { km2: '41.4', speakers: 3, agreement: 'partial', consensus: null, says: { ministry: 'contested RU/UA', tracker: 'contested RU/UA', 'general-staff': 'controlled UA' } },
      { km2: '41.5', speakers: 2, agreement: 'agree', consensus: { status: 'controlled', side: 'RU' }, says: { ministry: 'controlled RU', tracker: 'controlled RU', 'general-staff': null } },
    ]);
    expect(guide.comparisonSummary.silentKm2).toBe(0);
    expect(guide.comparisonSummary.disputedKm2).toBe(0);
  });

  it('counts a week of change', () => {
    expect(guide.change['RU']?.gainedKm2).toBeCloseTo(41.43, 2);
    expect(guide.change['RU']?.lostKm2).toBe(0);
    expect(guide.changedRegions).toEqual([['contested', 'controlled', 'RU']]);
  });

  it('draws the front and measures the distance to it', () => {
    expect(guide.frontKm).toBe('7.46');
    expect(guide.postKm).toBe('2.22');
  });

  it('finds the Pokrovsk conflict', () => {
    expect(guide.pokrovskConflict).toBe('17.0 km², 44.7% of the city');
  });
});
