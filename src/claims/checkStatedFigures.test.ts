import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import type { PolygonGeometry } from '../geometry/schema.js';
import { toClaimReview } from '../evidence/claimReview.js';
import type { Place } from '../places/schema.js';
import type { Claim } from './schema.js';
import { checkStatedFigures, STATED_FIGURE_TOLERANCE } from './checkStatedFigures.js';
import { rectKm2 } from '../../test/_rectKm2.js';

const rect = (w: number, s: number, e: number, n: number): PolygonGeometry => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

// A district 0.1° square with three villages: two wholly inside the east half, one straddling the middle (a third of it east).
const places: Place[] = [
  { id: 'district', name: 'District', kind: 'admin-area', geometry: rect(37, 48, 37.1, 48.1) },
  { id: 'v1', name: 'Village 1', kind: 'settlement', geometry: rect(37.06, 48.01, 37.07, 48.02) },
  { id: 'v2', name: 'Village 2', kind: 'settlement', geometry: rect(37.08, 48.05, 37.09, 48.06) },
  { id: 'v3', name: 'Village 3', kind: 'settlement', geometry: rect(37.04, 48.08, 37.055, 48.09) },
];
const east = rect(37.05, 48, 37.1, 48.1);
const claim = (statedFigures: Claim['statedFigures'], area: Claim['area'] = { geometry: east }): Claim => ({
  id: 'taken', claimant: 'mod', statedAt: '2025-12-01', area, status: 'controlled', side: 'RU', basis: 'claimed', ...(statedFigures === undefined ? {} : { statedFigures }),
});

describe('checkStatedFigures', () => {
  const km2 = rectKm2(37.05, 48, 37.1, 48.1);

  it('compares the area stated with the closed-form area of the ground, and the settlements with those at least half inside', () => {
    const [area, count] = checkStatedFigures({ places, claims: [claim({ areaKm2: 40, settlements: 3, quote: 'we took 40 km² and 3 villages' })] });
    expect(area).toEqual({ claim: 'taken', figure: 'areaKm2', stated: 40, measured: expect.closeTo(km2, 6), ratio: expect.closeTo(40 / km2, 6), verdict: 'consistent', quote: 'we took 40 km² and 3 villages' });
    // v1 and v2 lie inside; only a third of v3 does.
    expect(count).toMatchObject({ figure: 'settlements', stated: 3, measured: 2, ratio: 1.5, verdict: 'overstated' });
  });

  it('draws the line at the documented tolerance, a factor either way', () => {
    const verdict = (stated: number, tolerance?: number) => checkStatedFigures({ places, claims: [claim({ areaKm2: stated })] }, tolerance === undefined ? {} : { tolerance })[0]!.verdict;
    expect(STATED_FIGURE_TOLERANCE).toBe(1.25);
    expect(verdict(km2 * 1.249)).toBe('consistent');
    expect(verdict(km2 * 1.251)).toBe('overstated');
    expect(verdict(km2 / 1.249)).toBe('consistent');
    expect(verdict(km2 / 1.251)).toBe('understated');
    expect(verdict(km2 * 1.4, 1.5)).toBe('consistent');
  });

  it('gives a null ratio when the ground measures nothing, and checks no count without settlement places', () => {
    const empty = claim({ areaKm2: 5, settlements: 1 }, { intersection: [{ geometry: rect(37, 48, 37.01, 48.01) }, { geometry: rect(37.05, 48.05, 37.06, 48.06) }] });
    expect(checkStatedFigures({ places, claims: [empty] }).map((c) => [c.figure, c.measured, c.ratio, c.verdict])).toEqual([
      ['areaKm2', 0, null, 'overstated'],
      ['settlements', 0, null, 'overstated'],
    ]);
    expect(checkStatedFigures({ places: places.slice(0, 1), claims: [claim({ settlements: 3 })] })).toEqual([]);
  });

  it('leaves a distance advanced unchecked, and claims without figures out', () => {
    expect(checkStatedFigures({ places, claims: [claim({ advancedKm: 2 }), claim(undefined)] })).toEqual([]);
  });

  it('refuses a tolerance that is not a factor above 1', () => {
    for (const tolerance of [1, 0.8, Number.NaN, Infinity]) {
      try {
        checkStatedFigures({ places, claims: [] }, { tolerance });
        expect.unreachable();
      } catch (error) {
        expect(isContestedError(error) && error.issues[0]?.path).toEqual(['options', 'tolerance']);
      }
    }
  });

  it('gives toClaimReview its rating explanation', () => {
    const review = { url: 'https://factcheck.example/x', author: { name: 'Checker' }, datePublished: '2025-12-05', verdict: 'false' } as const;
    const jsonLd = toClaimReview(claim({ areaKm2: 100, settlements: 2 }), review, { places });
    expect(jsonLd.reviewRating.ratingExplanation).toBe(
      `stated 100 km²; the ground drawn measures ${km2.toFixed(1)} km² (×${(100 / km2).toFixed(2)}, overstated); stated 2 settlements; the ground drawn holds 2 settlements (×1.00, consistent)`,
    );
    expect(toClaimReview(claim({ areaKm2: 100 }), review).reviewRating.ratingExplanation).toBeUndefined();
  });
});

describe('StatedFigures and denials in the Claim schema', () => {
  it('refuses figures with no number, and a denial without the side it denies', async () => {
    const { Claim } = await import('./schema.js');
    const base = { id: 'c', claimant: 'p', statedAt: '2025-12-01', area: 'x', basis: 'claimed' };
    const issues = (value: unknown) => Claim.safeParse(value).error?.issues.map((i) => ({ path: i.path, message: i.message }));
    expect(issues({ ...base, status: 'controlled', side: 'RU', statedFigures: { quote: 'a lot' } })).toMatchInlineSnapshot(`
      [
        {
          "message": "stated figures give at least one of areaKm2, settlements, advancedKm (a quote alone belongs in the claim's quote)",
          "path": [
            "statedFigures",
          ],
        },
      ]
    `);
    expect(issues({ ...base, status: 'not-controlled' })).toMatchInlineSnapshot(`
      [
        {
          "message": "a not-controlled claim (a denial) names the side it says does not control the ground (side)",
          "path": [
            "side",
          ],
        },
      ]
    `);
    expect(issues({ ...base, status: 'controlled', side: 'RU', statedFigures: { settlements: 2.5, areaKm2: -1 } })?.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "areaKm2 is more than 0",
        "settlements is a whole number",
      ]
    `);
  });

  it('gives toClaimReview a sentence for a denial without a quote', () => {
    const review = { url: 'https://factcheck.example/x', author: { name: 'Checker' }, datePublished: '2025-12-05', verdict: 'true' } as const;
    const denial: Claim = { id: 'd', claimant: 'president', statedAt: '2025-12-01', area: 'pokrovsk', status: 'not-controlled', side: 'RU', basis: 'claimed' };
    expect(toClaimReview(denial, review).claimReviewed).toBe('RU does not control pokrovsk');
  });
});
