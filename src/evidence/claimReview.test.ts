import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import { isContestedError } from '../errors/index.js';
import { toClaimReview } from './claimReview.js';

const claim: Claim = {
  id: 'kremlin-city-taken',
  claimant: 'kremlin',
  statedAt: '2025-12-01',
  area: 'pokrovsk',
  status: 'controlled',
  side: 'RU',
  basis: 'claimed',
  quote: 'Russian forces have taken the city.',
  credibility: 4,
  url: 'https://example.org/statement',
};
const review = { url: 'https://factcheck.example/pokrovsk', author: { name: 'Example Fact Check', url: 'https://factcheck.example' }, datePublished: '2025-12-05' };

describe('toClaimReview', () => {
  it('writes schema.org ClaimReview JSON-LD, naming the claimant actor as the claim’s author', () => {
    const jsonLd = toClaimReview(claim, { ...review, verdict: 'false', claimant: { id: 'kremlin', name: 'The Kremlin', kind: 'head-of-state', side: 'RU' } });
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/pokrovsk',
      claimReviewed: 'Russian forces have taken the city.',
      datePublished: '2025-12-05',
      author: { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'The Kremlin' },
        datePublished: '2025-12-01',
        appearance: { '@type': 'CreativeWork', url: 'https://example.org/statement' },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
    });
    expect(JSON.parse(JSON.stringify(jsonLd))).toEqual(jsonLd);
  });

  it('takes a rating of your own scale, a Person claimant, and builds words for a claim without a quote', () => {
    const { quote: _quote, url: _url, ...bare } = claim;
    const jsonLd = toClaimReview(bare, {
      ...review,
      rating: { value: 2, best: 7, worst: 1, alternateName: 'Misleading' },
      claimant: { id: 'kremlin', name: 'A spokesman', kind: 'person' },
    });
    expect(jsonLd.claimReviewed).toBe('RU controls pokrovsk');
    expect(jsonLd.itemReviewed).toEqual({ '@type': 'Claim', author: { '@type': 'Person', name: 'A spokesman' }, datePublished: '2025-12-01' });
    expect(jsonLd.reviewRating).toMatchObject({ ratingValue: 2, bestRating: 7, alternateName: 'Misleading' });
  });

  it.each([
    [{ ...review }, 'review.verdict', /exactly one of verdict/],
    [{ ...review, verdict: 'false', rating: { value: 1, best: 5, worst: 1, alternateName: 'False' } }, 'review.verdict', /exactly one/],
    [{ ...review, verdict: 'pants-on-fire' }, 'review.verdict', /verdict is one of/],
    [{ ...review, rating: { value: 9, best: 5, worst: 1, alternateName: 'False' } }, 'review.rating.value', /between worst/],
    [{ ...review, url: 'not a url', verdict: 'false' }, 'review.url', /absolute URL/],
    [{ ...review, datePublished: '2025-13-01', verdict: 'false' }, 'review.datePublished', /month 13/],
    [{ ...review, verdict: 'false', claimant: { id: 'skala', name: 'Skala', kind: 'unit-command' } }, 'review.claimant.id', /made by "kremlin"/],
  ])('rejects bad input with a ContestedError: %#', (input, path, message) => {
    try {
      toClaimReview(claim, input as Parameters<typeof toClaimReview>[1]);
      expect.unreachable();
    } catch (error) {
      expect(isContestedError(error)).toBe(true);
      if (!isContestedError(error)) return;
      expect(error.code).toBe('invalid-input');
      expect(error.issues[0]!.path.join('.')).toBe(path);
      expect(error.issues[0]!.message).toMatch(message);
    }
  });
});
