/**
 * The `@example`s of the evidence functions, run as they are written in
 * their TSDoc (each `//=>` is an assertion here), and included in
 * `docs/evidence.md`.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { assessControl, findContradictions, findSupport, toClaimReview } from './index.js';

const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));

it('finds the contradiction the flag video exposes, and the support it gives', () => {
  // #region contradictions
  const [flag] = findContradictions(pokrovsk);
  expect([flag!.claim, flag!.evidence, flag!.code, Math.round(flag!.distanceM), flag!.timeGapMinutes]).toEqual([
    'kremlin-city-taken',
    'flag-drone-feed',
    'presence-of-other-side',
    1195,
    null,
  ]);
  expect(findSupport(pokrovsk).map((s) => [s.claim, s.evidence, s.code])).toEqual([['ukraine-holds-north', 'flag-drone-feed', 'presence-of-holder']]);
  // #endregion contradictions
});

it('assesses control of the city as of the report', () => {
  // #region assess
  const assessed = assessControl(pokrovsk, { asOf: '2025-W49', within: 'pokrovsk' });
  expect(assessed.features.map((f) => [f.properties.status, f.properties.side, f.properties.confidence])).toEqual([
    ['controlled', 'UA', 60],
    ['advancing', 'RU', 69],
  ]);
  // #endregion assess
});

it('writes a ClaimReview', () => {
  // #region review
  const kremlinClaim = pokrovsk.claims!.find((c) => c.id === 'kremlin-city-taken')!;
  const jsonLd = toClaimReview(kremlinClaim, {
    url: 'https://factcheck.example/pokrovsk',
    author: { name: 'Example Fact Check' },
    datePublished: '2025-12-05',
    verdict: 'false',
  });
  expect(jsonLd.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' });
  // #endregion review
});
