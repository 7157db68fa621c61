/**
 * Claims of control: an actor's statement, at a time, that some ground is
 * held, contested or being advanced into by a side. ISW separates what a
 * party *claims* from what it *assesses* on verifiable evidence; a claim
 * records which it is (`basis`), how credible the information is (Admiralty
 * 1–6), the evidence it rests on, and the earlier claims it refutes.
 *
 * @module
 */
import * as z from 'zod';
import { Id, Properties, Ref, Refs, Text, Url } from '../_lib/fields.js';
import { InformationCredibility } from '../actors/schema.js';
import { AreaRef } from '../places/areaRef.js';
import { TimeRef } from '../time/timeRef.js';
import { StatedFigures } from './statedFigures.js';

/**
 * Who holds ground, as a claim says:
 * - `controlled`: held by one side;
 * - `contested`: the gray zone — fought over or unverified (DeepState's
 *   "unknown status");
 * - `advancing`: a side operates or attacks there without control (ISW's
 *   "assessed advances");
 * - `not-controlled`: a denial — the named side does *not* hold the ground
 *   ("Pokrovsk has not fallen", "the city is not occupied"). It says nothing
 *   of who does: the ground may be held by another side or fought over.
 *
 * How a denial meets each other status in a diff:
 *
 * | denial of X against | label | why |
 * | --- | --- | --- |
 * | `controlled` by X | `conflict` | one says X holds it, the other that X does not |
 * | `not-controlled` by X | `agree` | the same denial |
 * | `controlled` by Y | `consistent` | both can be true |
 * | `contested` | `consistent` | fought-over ground is held by nobody |
 * | `advancing` by X or Y | `consistent` | advancing is operating without control |
 * | `not-controlled` by Y | `consistent` | neither holds it: contested |
 *
 * @example
 * ```ts
 * ControlStatus.safeParse('contested').success;
 * //=> true
 * ControlStatus.safeParse('occupied').success;
 * //=> false
 * ```
 *
 * @category Claims & diffs
 */
export const ControlStatus = z.enum(['controlled', 'contested', 'advancing', 'not-controlled'], {
  error: 'status is one of controlled, contested, advancing, not-controlled',
});
/** Who holds ground, as a claim says. @category Claims & diffs */
export type ControlStatus = z.infer<typeof ControlStatus>;

/**
 * `claimed`: asserted by a party, not independently verified; `assessed`:
 * judged on reliable, independently verifiable information (ISW's usage);
 * `inferred`: not stated by the claimant at all but concluded from what it
 * left out — an importer's inference, such as {@link fromDeepState}'s
 * Ukrainian-held ground (the extent less every polygon DeepState drew).
 * `assessControl` weighs an inference below a bare claim (see
 * {@link DEFAULT_WEIGHTS}); `controlChange` reports change that exists only
 * in inferred ground apart.
 *
 * @example
 * ```ts
 * ClaimBasis.safeParse('assessed').success;
 * //=> true
 * ```
 *
 * @category Claims & diffs
 */
export const ClaimBasis = z.enum(['claimed', 'assessed', 'inferred'], { error: 'basis is claimed, assessed or inferred' });
/** Whether a claim is asserted or assessed. @category Claims & diffs */
export type ClaimBasis = z.infer<typeof ClaimBasis>;

/**
 * An actor's statement about control of an area.
 *
 * `side` names the side that controls (for `controlled`), advances (for
 * `advancing`) or is denied control (for `not-controlled`) and is required
 * for all three; a `contested` claim may name the `sides` fighting over the
 * ground. `statedFigures` records the numbers the claimant gave ("1,000 km²
 * and 28 settlements"); {@link checkStatedFigures} compares them with the
 * ground.
 *
 * @example
 * ```ts
 * Claim.parse({
 *   id: 'kremlin-city', claimant: 'kremlin', statedAt: '2025-12-01', area: 'pokrovsk',
 *   status: 'controlled', side: 'RU', basis: 'claimed', credibility: 5,
 * });
 * // A denial, "Pokrovsk has not fallen", names the side it denies:
 * Claim.parse({
 *   id: 'skala-not-fallen', claimant: 'skala-command', statedAt: '2025-12-01', area: 'pokrovsk',
 *   status: 'not-controlled', side: 'RU', basis: 'claimed', quote: 'Pokrovsk has not fallen yet',
 * }).status;
 * //=> 'not-controlled'
 * ```
 * @category Claims & diffs
 */
export const Claim = z
  .strictObject({
    /** Unique among claims. */
    id: Id,
    /** Who makes the claim (an actor id). */
    claimant: Ref,
    /** When it was stated. */
    statedAt: TimeRef,
    /** The time the claim is about; `statedAt` when absent. */
    validAt: TimeRef.optional(),
    /** The ground it is about. */
    area: AreaRef,
    /** What it says of that ground. */
    status: ControlStatus,
    /** The side in control (`controlled`), advancing (`advancing`) or denied control (`not-controlled`). */
    side: Ref.optional(),
    /** The sides fighting over contested ground. */
    sides: z.array(Ref).min(2, { error: 'contested ground is fought over by at least 2 sides' }).optional(),
    /** Asserted (`claimed`), independently verified (`assessed`) or concluded from what the source left out (`inferred`). */
    basis: ClaimBasis,
    /** The claim in the claimant's words. */
    quote: Text.optional(),
    /** The numbers the claimant stated: area, settlements, distance advanced. */
    statedFigures: StatedFigures.optional(),
    /** Evidence the claim rests on (evidence ids). */
    evidence: Refs.optional(),
    /** Admiralty information credibility, 1 (confirmed) … 6 (cannot be judged). */
    credibility: InformationCredibility.optional(),
    /** Earlier claims this one refutes (claim ids). */
    refutes: Refs.optional(),
    /** Where it was published. */
    url: Url.optional(),
    /** A note. */
    description: Text.optional(),
    /** Fields of your own. */
    properties: Properties.optional(),
  })
  .check((ctx) => {
    const c = ctx.value;
    if (c.status !== 'contested' && c.side === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: c,
        path: ['side'],
        message: MISSING_SIDE[c.status],
        params: { contested: 'missing-side' },
      });
    }
    if (c.status !== 'contested' && c.sides !== undefined) {
      ctx.issues.push({
        code: 'custom',
        input: c.sides,
        path: ['sides'],
        message: `"sides" belongs to contested claims; a ${c.status} claim names one side in "side"`,
        params: { contested: 'sides-not-contested' },
      });
    }
    if (c.sides !== undefined && new Set(c.sides).size !== c.sides.length) {
      ctx.issues.push({
        code: 'custom',
        input: c.sides,
        path: ['sides'],
        message: 'a side is listed twice in "sides"',
        params: { contested: 'duplicate-side' },
      });
    }
  });
const MISSING_SIDE = {
  controlled: 'a controlled claim names the side that controls (side)',
  advancing: 'an advancing claim names the side that advances (side)',
  'not-controlled': 'a not-controlled claim (a denial) names the side it says does not control the ground (side)',
} as const;

/** An actor's statement about control of an area. @category Claims & diffs */
export type Claim = z.infer<typeof Claim>;
