/**
 * A loop wound as a hole that no outer ring of the result holds (referee
 * map seed 1000281, `diffClaims`' `only-b` ground): a 0.01 m² sliver of
 * three almost collinear vertices on the border between two other labels'
 * pieces, with no `only-b` polygon within a kilometre. The engine's output
 * put it into the largest polygon as a hole, 1.5 km outside that polygon's
 * shell: GEOS called the result invalid ("Hole lies outside shell"), and its
 * area was taken off that polygon. Such a loop marks no ground (the winding
 * there is below one) and is now left out, as it already was when the
 * output had no outer ring at all.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { diffClaims } from '../../src/diff/diffClaims.js';
import { validateGeometry } from '../../src/geometry/index.js';
import { Random, randomClaims, randomPolygon } from '../referee/_generate.js';

describe('a hole that no outer ring holds (referee map seed 1000281)', () => {
  it('is left out: every region of the diff is valid (validateGeometry found the hole outside its shell)', () => {
    // The maps referee's generator, replayed for its seed 281 (mode `diff`).
    const random = new Random(1_000_281);
    const shared: Polygon[] = [];
    const claims = [randomClaims(random, 'c0', shared), randomClaims(random, 'c1', shared)];
    const within = random.chance(0.5) ? randomPolygon(random, [37.15, 48.25], 0.06) : undefined;
    expect(within).toBeDefined();
    const diff = diffClaims(claims[0]!, claims[1]!, { within: within! });
    for (const region of diff.regions.features) {
      expect(validateGeometry(region.geometry).problems.filter((p) => p.severity === 'error'), region.properties.label).toEqual([]);
    }
    // The label that held the stray hole is still there.
    const onlyB = diff.regions.features.filter((f) => f.properties.label === 'only-b');
    expect(onlyB.length).toBeGreaterThan(0);
  });
});
