import { describe, expect, it } from 'vitest';
import * as guide from './importers.js';

describe('the "Working with DeepState and ISW data" guide', () => {
  it('reads a DeepState layer, ignoring what is not about control', () => {
    expect(guide.deepStateClaims).toEqual([
      'deepstate-2025-12-01-occupied: controlled RU (assessed)',
      'deepstate-2025-12-01-unknown-status: contested UA/RU (assessed)',
      'deepstate-2025-12-01-liberated: controlled UA (assessed)',
      'deepstate-2025-12-01-ukrainian-held: controlled UA (inferred)',
    ]);
    expect(guide.deepStateIgnored).toEqual([
      { index: 3, name: 'East Prussia is temporarily occupied.', reason: 'not-a-control-class' },
      { index: 4, name: 'Occupied', reason: 'null-geometry' },
    ]);
    expect(guide.russianGainKm2).toBe('82.9');
  });

  it('reads ISW layers and diffs claimed against assessed', () => {
    expect(guide.iswClaims).toEqual([
      'isw-2022-09-15-assessed-control: controlled RU (assessed)',
      'isw-2022-09-15-claimed-control: controlled RU (claimed)',
      'isw-2022-09-15-assessed-advances: advancing RU (assessed)',
      'isw-2022-09-15-claimed-counteroffensives: advancing UA (claimed)',
    ]);
    expect(guide.claimedOnlyKm2).toBe('82.9');
  });

  it('reads any one-status GeoJSON', () => {
    expect(guide.ministryClaims).toEqual([
      ['ru-mod-2025-12-01-0', 'claimed', 'village-a'],
      ['ru-mod-2025-12-01-1', 'claimed', 'village-b'],
    ]);
  });
});
