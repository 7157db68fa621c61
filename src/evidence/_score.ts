/**
 * Scoring one piece of the N-way overlay: the states its claimants put
 * forward, the evidence for and against each, and the verdict. The rules are
 * documented on `assessControl`; this file is their arithmetic.
 */
import type { ControlState } from '../control/types.js';
import { sameState } from '../overlay/state.js';
import { relationOf } from '../control/_relation.js';
import { sameSideForward } from '../diff/_consensus.js';
import { bearings } from './_rules.js';
import type { Evidence } from './schema.js';

/** A claim or a piece of evidence, with its weight (0–1). */
export interface Weighed {
  id: string;
  weight: number;
}

/** What one claimant says here, weighed. */
export interface Voice {
  claimant: string;
  state: ControlState;
  claims: string[];
  weight: number;
}

/** One state put forward for a piece of ground. */
export interface Candidate {
  state: ControlState;
  claimants: string[];
  claims: string[];
  voices: number[];
  /** Voices of denials consistent with this state, lent to it. */
  lent: number[];
  /** The claims of those denials. */
  lentBy: string[];
  supporting: Weighed[];
  contradicting: Weighed[];
  score: number;
  confidence: number;
}

/** How the verdict was reached (documented as `AssessmentVerdict`). */
export type Verdict = 'uncontested' | 'agreed' | 'same-side' | 'upheld' | 'undecided' | 'refuted' | 'unclaimed';

export interface Scored {
  state: ControlState | null;
  verdict: Verdict;
  /** The candidate whose state is the region's, when one won (`uncontested`, `agreed`, `same-side`, `upheld`). */
  winner: Candidate | undefined;
  confidence: number;
  candidates: Candidate[];
}

const noisyOr = (weights: readonly number[]): number => 1 - weights.reduce((p, w) => p * (1 - w), 1);
const survives = (weights: readonly number[]): number => weights.reduce((p, w) => p * (1 - w), 1);

/**
 * Whether `top` outweighs `second` by the dominance ratio. Evidence that
 * bears alike on both (Russian soldiers filmed where one party says Russia
 * controls and another says Russia advances) does not tell them apart, so it
 * is left out of this comparison: otherwise adding evidence consistent with
 * both could overturn a verdict it has no bearing on.
 */
function outweighs(top: Candidate, second: Candidate, dominance: number): boolean {
  const own = (c: Candidate, other: Candidate): number => {
    const sum = (items: readonly Weighed[], shared: readonly Weighed[]): number =>
      items.filter((i) => !shared.some((o) => o.id === i.id)).reduce((t, i) => t + i.weight, 0);
    const voices = [...c.voices, ...c.lent].reduce((t, w) => t + w, 0);
    return Math.max(0, voices + sum(c.supporting, other.supporting) - sum(c.contradicting, other.contradicting));
  };
  return own(top, second) >= dominance * own(second, top);
}

/** Groups the voices by what they say, weighs the evidence on each state, and decides. */
export function score(voices: readonly Voice[], evidence: readonly { evidence: Evidence; weight: number }[], dominance: number): Scored {
  const candidates: Candidate[] = [];
  for (const voice of voices) {
    let c = candidates.find((k) => sameState(k.state, voice.state));
    if (c === undefined) {
      c = { state: voice.state, claimants: [], claims: [], voices: [], lent: [], lentBy: [], supporting: [], contradicting: [], score: 0, confidence: 0 };
      candidates.push(c);
    }
    c.claimants.push(voice.claimant);
    c.claims.push(...voice.claims);
    c.voices.push(voice.weight);
  }
  if (candidates.length === 0) return { state: null, verdict: 'unclaimed', winner: undefined, confidence: 0, candidates };
  for (const c of candidates) {
    for (const { evidence: e, weight } of evidence) {
      const b = bearings(c.state, e);
      if (b.contradicts.length > 0) c.contradicting.push({ id: e.id, weight });
      else if (b.supports.length > 0) c.supporting.push({ id: e.id, weight });
    }
  }
  // A denial ("RU does not hold it") lends its voices to each state put
  // forward that is consistent with it and says more (UA holds it, it is
  // fought over, RU is only advancing); it wins a region itself only where
  // no such state is put forward.
  for (const c of candidates) {
    if (c.state.status === 'not-controlled') continue;
    for (const d of candidates) {
      if (d.state.status === 'not-controlled' && relationOf(d.state, c.state) === 'consistent') {
        c.lent.push(...d.voices);
        c.lentBy.push(...d.claims);
      }
    }
  }
  for (const c of candidates) {
    const sum = (items: readonly number[]): number => items.reduce((s, w) => s + w, 0);
    c.score = Math.max(0, sum(c.voices) + sum(c.lent) + sum(c.supporting.map((s) => s.weight)) - sum(c.contradicting.map((s) => s.weight)));
  }
  // A denial and a state it is consistent with (RU does not hold the city;
  // UA holds it) are not rivals: neither weakens the other's confidence,
  // and the one does not have to outweigh the other.
  const rivalsOf = (c: Candidate): Candidate[] => candidates.filter((k) => k !== c && relationOf(k.state, c.state) !== 'consistent');
  for (const c of candidates) {
    const rivals = rivalsOf(c).flatMap((k) => k.voices);
    const strength = noisyOr([...c.voices, ...c.lent, ...c.supporting.map((s) => s.weight)]);
    c.confidence = Math.round(1e-9 + 100 * strength * survives([...c.contradicting.map((s) => s.weight), ...rivals]));
  }
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const first = ranked[0]!;
  const specific = first.state.status === 'not-controlled' ? ranked.find((k) => k.score > 0 && k.state.status !== 'not-controlled' && relationOf(k.state, first.state) === 'consistent') : undefined;
  const top = specific ?? first;
  const topRivals = rivalsOf(top);
  const second = ranked.find((k) => topRivals.includes(k));
  const strength = (c: Candidate): number => noisyOr([...c.voices, ...c.lent, ...c.supporting.map((s) => s.weight)]);
  // Ground left undecided between two states is called contested with the
  // strength of the weaker (below). A contested state that wins is at least
  // that credible: deciding for "contested" cannot make the ground less
  // likely to be fought over than failing to decide would have.
  const dispute = (a: Candidate, b: Candidate | undefined): number => (b === undefined ? 0 : Math.round(1e-9 + 100 * Math.min(strength(a), strength(b))));
  if (top.score > 0 && (second === undefined || outweighs(top, second, dominance))) {
    const speakers = new Set(candidates.flatMap((c) => c.claimants)).size;
    const verdict: Verdict = topRivals.length > 0 ? 'upheld' : speakers === 1 ? 'uncontested' : 'agreed';
    const confidence = top.state.status === 'contested' ? Math.max(top.confidence, dispute(top, second)) : top.confidence;
    return { state: top.state, verdict, winner: top, confidence, candidates };
  }
  // Every rival puts the same side forward with another status (UA holds
  // it; UA advances there): the side is not in doubt, only its status. The
  // ground is that side's, with the status that scores higher — on a tie,
  // `advancing`, the lesser claim.
  if (top.score > 0 && topRivals.every((k) => sameSideForward(k.state, top.state))) {
    const group = [top, ...topRivals];
    const best = Math.max(...group.map((c) => c.score));
    const chosen = group.filter((c) => c.score === best).sort((a, b) => (a.state.status === 'advancing' ? 0 : 1) - (b.state.status === 'advancing' ? 0 : 1))[0]!;
    return { state: chosen.state, verdict: 'same-side', winner: chosen, confidence: chosen.confidence, candidates };
  }
  const sides = new Set<string>();
  for (const c of candidates) {
    if (c.state.side !== undefined) sides.add(c.state.side);
    for (const s of c.state.sides ?? []) sides.add(s);
  }
  const contested: ControlState = { status: 'contested' };
  if (top.score === 0) {
    const against = new Map<string, number>();
    for (const c of candidates) for (const s of c.contradicting) against.set(s.id, s.weight);
    for (const { evidence: e } of evidence) {
      if (!against.has(e.id)) continue;
      for (const seen of e.shows) if (seen.side !== undefined && (seen.kind === 'presence' || seen.kind === 'control')) sides.add(seen.side);
    }
    if (sides.size >= 2) contested.sides = [...sides].sort();
    return { state: contested, verdict: 'refuted', winner: undefined, confidence: Math.round(1e-9 + 100 * noisyOr([...against.values()])), candidates };
  }
  if (sides.size >= 2) contested.sides = [...sides].sort();
  return { state: contested, verdict: 'undecided', winner: undefined, confidence: dispute(top, second), candidates };
}
