/**
 * Fact-checker output: a claim and a verdict on it as a schema.org
 * `ClaimReview`, the JSON-LD that search engines and fact-checking tools
 * read, so that a refuted claim can be published in the form they index.
 *
 * @module
 */
import * as z from 'zod';
import { Name, Text, Url } from '../_lib/fields.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { Actor } from '../actors/schema.js';
import type { Claim } from '../claims/schema.js';
import { checkStatedFigures, describeCheck } from '../claims/checkStatedFigures.js';
import type { Place } from '../places/schema.js';
import { Claim as ClaimSchema } from '../claims/schema.js';
import { withinStack } from '../_lib/stack.js';
import { quote } from '../_lib/quote.js';
import { ContestedError } from '../errors/index.js';
import { TimeRef } from '../time/timeRef.js';

/**
 * A verdict on a five-point scale, worst first: `false` (1), `misleading`
 * (2), `mixed` (3), `mostly-true` (4), `true` (5).
 *
 * @example
 * ```ts
 * ReviewVerdict.safeParse('mostly-true').success;
 * //=> true
 * ```
 *
 * @category Evidence
 */
export const ReviewVerdict = z.enum(['false', 'misleading', 'mixed', 'mostly-true', 'true'], {
  error: 'verdict is one of false, misleading, mixed, mostly-true, true',
});
/** A verdict on a five-point scale. @category Evidence */
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

const VERDICTS: Record<ReviewVerdict, { value: number; name: string }> = {
  false: { value: 1, name: 'False' },
  misleading: { value: 2, name: 'Misleading' },
  mixed: { value: 3, name: 'Mixed' },
  'mostly-true': { value: 4, name: 'Mostly true' },
  true: { value: 5, name: 'True' },
};

/**
 * A fact-checker's review of a claim: who reviewed it, where and when it is
 * published, and the verdict — either a `verdict` on the five-point scale or
 * a `rating` of your own scale (exactly one of the two).
 *
 * @category Evidence
 */
export const ClaimReviewInput = z
  .strictObject({
    /** Where the review is published. */
    url: Url,
    /** Who reviewed the claim. */
    author: z.strictObject({
      /** The reviewer's name. */
      name: Name,
      /** The reviewer's site. */
      url: Url.optional(),
      /** `Organization` (default) or `Person`. */
      type: z.enum(['Organization', 'Person']).optional(),
    }),
    /** When the review was published (ISO 8601). */
    datePublished: TimeRef,
    /** The verdict on the five-point scale. */
    verdict: ReviewVerdict.optional(),
    /** A rating on a scale of your own. */
    rating: z
      .strictObject({
        /** The rating given. */
        value: z.number(),
        /** The best rating of the scale. */
        best: z.number(),
        /** The worst rating of the scale. */
        worst: z.number(),
        /** The verdict in words: "False", "Misleading" … */
        alternateName: Name,
      })
      .optional(),
    /** The actor who made the claim, to name the claim's author; the claimant id is used without it. */
    claimant: Actor.optional(),
    /** The claim in words; the claim's quote, or a sentence built from it, without it. */
    claimReviewed: Text.optional(),
  })
  .check((ctx) => {
    const r = ctx.value;
    if ((r.verdict === undefined) === (r.rating === undefined)) {
      ctx.issues.push({ code: 'custom', input: r, path: ['verdict'], message: 'give exactly one of verdict (false … true) or rating ({ value, best, worst, alternateName })' });
    }
    if (r.rating !== undefined && !(r.rating.worst <= r.rating.value && r.rating.value <= r.rating.best && r.rating.worst < r.rating.best)) {
      ctx.issues.push({ code: 'custom', input: r.rating, path: ['rating', 'value'], message: `rating ${r.rating.value} must lie between worst (${r.rating.worst}) and best (${r.rating.best}), and worst be below best` });
    }
  });
/** A fact-checker's review of a claim. @category Evidence */
export type ClaimReviewInput = z.input<typeof ClaimReviewInput>;

/**
 * A schema.org `Organization` or `Person`.
 *
 * @category Evidence
 */
export interface SchemaOrgAgent {
  /** `Organization` or `Person`. */
  '@type': 'Organization' | 'Person';
  /** Its name. */
  name: string;
  /** Its site. */
  url?: string;
}

/**
 * A schema.org `ClaimReview`, as JSON-LD.
 *
 * @category Evidence
 */
export interface ClaimReviewJsonLd {
  /** Always `https://schema.org`. */
  '@context': 'https://schema.org';
  /** Always `ClaimReview`. */
  '@type': 'ClaimReview';
  /** Where the review is published. */
  url: string;
  /** The claim in words. */
  claimReviewed: string;
  /** When the review was published. */
  datePublished: string;
  /** The reviewer. */
  author: SchemaOrgAgent;
  /** The claim reviewed. */
  itemReviewed: {
    /** Always `Claim`. */
    '@type': 'Claim';
    /** Who made it. */
    author: SchemaOrgAgent;
    /** When it was made. */
    datePublished: string;
    /** Where it appeared, when the claim has a URL. */
    appearance?: {
      /** Always `CreativeWork`. */
      '@type': 'CreativeWork';
      /** The claim's URL. */
      url: string;
    };
  };
  /** The verdict. */
  reviewRating: {
    /** Always `Rating`. */
    '@type': 'Rating';
    /** The rating given. */
    ratingValue: number;
    /** The best of the scale. */
    bestRating: number;
    /** The worst of the scale. */
    worstRating: number;
    /** The verdict in words. */
    alternateName: string;
    /**
     * The claim's stated figures checked against its ground (see
     * {@link checkStatedFigures}), when the claim states figures and the
     * places were given: `stated 30 km²; the ground drawn measures 34.1 km² (×0.88, consistent)`.
     */
    ratingExplanation?: string;
  };
}

const iso = (t: TimeRef): string => (typeof t === 'string' ? t : t.at);

/**
 * A claim and a fact-checker's verdict on it as a schema.org `ClaimReview`
 * (JSON-LD), the form Google's fact-check markup and the ClaimReview
 * project read.
 *
 * The claim's author is the claimant actor when `review.claimant` is given
 * (a `person` actor becomes a `Person`, any other an `Organization`),
 * otherwise an `Organization` named by the claimant id. The claim's date is
 * its `statedAt`; its words are `review.claimReviewed`, else its `quote`,
 * else a sentence built from its status and side.
 *
 * When the claim carries `statedFigures` and `dataset` gives the places its
 * area names, the rating's `ratingExplanation` says how each stated figure
 * compares with the ground (see {@link checkStatedFigures}).
 *
 * @param claim - the claim reviewed
 * @param review - reviewer, URL, date and verdict (see {@link ClaimReviewInput})
 * @param dataset - the places the claim's area names, to check its stated figures
 * @returns the JSON-LD object, ready for `JSON.stringify`
 * @throws {@link ContestedError} `invalid-input` when `claim` is not a
 *   {@link Claim} (paths start at `claim`), when the review does not
 *   match {@link ClaimReviewInput} (paths start at `review`), or when
 *   `review.claimant` is not the claim's claimant
 * @category Evidence
 *
 * @example
 * ```ts
 * const jsonLd = toClaimReview(kremlinClaim, {
 *   url: 'https://factcheck.example/pokrovsk', author: { name: 'Example Fact Check' },
 *   datePublished: '2025-12-05', verdict: 'false',
 * });
 * jsonLd.reviewRating;
 * //=> { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' }
 * ```
 */
export function toClaimReview(claim: Claim, review: ClaimReviewInput, dataset?: { places?: readonly Place[] | undefined }): ClaimReviewJsonLd {
  // The claim is checked as a whole: handed the wrong kind of object (a
  // geometry, a review), the error says so here rather than deep inside.
  const claimChecked = withinStack(() => ClaimSchema.safeParse(claim));
  if (!claimChecked.success) throw new ContestedError('invalid-input', fromZodIssues(claimChecked.error.issues, ['claim'], claim), 'toClaimReview needs a claim');
  const parsed = ClaimReviewInput.safeParse(review);
  if (!parsed.success) throw new ContestedError('invalid-input', fromZodIssues(parsed.error.issues, ['review'], review));
  const r = parsed.data;
  if (r.claimant !== undefined && r.claimant.id !== claim.claimant) {
    throw new ContestedError('invalid-input', [
      { code: 'wrong-claimant', path: ['review', 'claimant', 'id'], message: `review.claimant is ${quote(r.claimant.id)}, but the claim was made by ${quote(claim.claimant)}` },
    ]);
  }
  const claimAuthor: SchemaOrgAgent = r.claimant === undefined
    ? { '@type': 'Organization', name: claim.claimant }
    : { '@type': r.claimant.kind === 'person' ? 'Person' : 'Organization', name: r.claimant.name };
  if (r.claimant?.url !== undefined) claimAuthor.url = r.claimant.url;
  const reviewer: SchemaOrgAgent = { '@type': r.author.type ?? 'Organization', name: r.author.name };
  if (r.author.url !== undefined) reviewer.url = r.author.url;
  const rating = r.rating ?? { value: VERDICTS[r.verdict!].value, best: 5, worst: 1, alternateName: VERDICTS[r.verdict!].name };
  const item: ClaimReviewJsonLd['itemReviewed'] = { '@type': 'Claim', author: claimAuthor, datePublished: iso(claim.statedAt) };
  if (claim.url !== undefined) item.appearance = { '@type': 'CreativeWork', url: claim.url };
  const reviewRating: ClaimReviewJsonLd['reviewRating'] = { '@type': 'Rating', ratingValue: rating.value, bestRating: rating.best, worstRating: rating.worst, alternateName: rating.alternateName };
  if (claim.statedFigures !== undefined && dataset !== undefined) {
    const checks = checkStatedFigures({ claims: [claim], places: [...(dataset.places ?? [])] });
    if (checks.length > 0) reviewRating.ratingExplanation = checks.map(describeCheck).join('; ');
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: r.url,
    claimReviewed: r.claimReviewed ?? claim.quote ?? sentence(claim),
    datePublished: iso(r.datePublished),
    author: reviewer,
    itemReviewed: item,
    reviewRating,
  };
}

function sentence(claim: Claim): string {
  const where = typeof claim.area === 'string' ? claim.area : 'the area claimed';
  if (claim.status === 'controlled') return `${claim.side ?? '?'} controls ${where}`;
  if (claim.status === 'advancing') return `${claim.side ?? '?'} is advancing in ${where}`;
  if (claim.status === 'not-controlled') return `${claim.side ?? '?'} does not control ${where}`;
  return `${where} is contested${claim.sides === undefined ? '' : ` between ${claim.sides.join(' and ')}`}`;
}
