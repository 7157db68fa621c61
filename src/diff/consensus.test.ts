/**
 * compareClaimants' labels: the rule on `ComparisonRegionProperties.agreement`,
 * case by case on one square (its area known in closed form), and as
 * properties over generated states and generated maps — the label never
 * depends on the claimants' order, and ground where only one side is put
 * forward is never `disputed`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import type { ControlState } from '../control/types.js';
import { areaKm2 } from '../geometry/measure.js';
import type { PolygonGeometry } from '../geometry/schema.js';
import { labelPiece, type ComparisonAgreement } from './_consensus.js';
import { compareClaimants } from './compareClaimants.js';

const RUNS = Number(process.env['FC_RUNS'] ?? 1_000);
const rect = (w: number, s: number, e: number, n: number): PolygonGeometry => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const square = rect(37, 48, 37.5, 48.5);
type State = Pick<Claim, 'status' | 'side' | 'sides'>;
const claim = (id: string, claimant: string, state: State, area: PolygonGeometry = square): Claim => ({ id, claimant, statedAt: '2025-12-01', basis: 'claimed', area: { geometry: area }, ...state });
const actors = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id, kind: 'other' as const }));

const UA: State = { status: 'controlled', side: 'UA' };
const RU: State = { status: 'controlled', side: 'RU' };
const advUA: State = { status: 'advancing', side: 'UA' };
const advRU: State = { status: 'advancing', side: 'RU' };
const gray: State = { status: 'contested', sides: ['RU', 'UA'] };
const denyRU: State = { status: 'not-controlled', side: 'RU' };
const denyUA: State = { status: 'not-controlled', side: 'UA' };

describe('compareClaimants labels what the claimants say on one square', () => {
  const table: [string, State[], ComparisonAgreement, string | null][] = [
    ['UA controlled twice', [UA, UA], 'agree', 'UA'],
    ['UA controlled vs UA advancing', [UA, advUA], 'agree-side', 'UA'],
    ['UA controlled, UA advancing, RU denied', [UA, advUA, denyRU], 'agree-side', 'UA'],
    ['UA controlled vs RU controlled', [UA, RU], 'disputed', null],
    ['UA advancing vs RU advancing', [advUA, advRU], 'disputed', null],
    ['UA controlled vs RU advancing', [UA, advRU], 'disputed', null],
    ['UA controlled vs its denial', [UA, denyUA], 'disputed', null],
    ['UA controlled, UA advancing, UA denied', [UA, advUA, denyUA], 'disputed', null],
    ['UA controlled vs contested', [UA, gray], 'partial', null],
    ['UA advancing vs contested', [advUA, gray], 'partial', null],
    ['UA controlled, UA advancing, contested', [UA, advUA, gray], 'partial', null],
    ['RU denied vs UA controlled', [denyRU, UA], 'consistent', 'UA'],
    ['RU denied vs contested', [denyRU, gray], 'consistent', null],
    ['RU denied vs UA denied', [denyRU, denyUA], 'consistent', null],
    ['contested twice', [gray, { status: 'contested' }], 'agree', null],
  ];
  it.each(table)('%s: %s', (_, states, agreement, side) => {
    const ids = states.map((_s, i) => actors[i]!.id);
    const n = compareClaimants({ actors, claims: states.map((s, i) => claim(`c${i}`, ids[i]!, s)) }, ids, { asOf: '2025-12-31' });
    expect(n.regions.features.map((f) => [f.properties.agreement, f.properties.side])).toEqual([[agreement, side]]);
    const key = { agree: 'agreeKm2', 'agree-side': 'agreeSideKm2', consistent: 'consistentKm2', partial: 'partialKm2', disputed: 'disputedKm2', silent: 'silentKm2' } as const;
    expect(n.summary[key[agreement]]).toBeCloseTo(areaKm2(square), 9);
  });

  it('splits a half-advanced square into agree and agree-side, by area', () => {
    // a: UA holds the whole square; b: UA holds the west half, advances into the east half.
    const west = rect(37, 48, 37.25, 48.5);
    const east = rect(37.25, 48, 37.5, 48.5);
    const n = compareClaimants({ actors, claims: [claim('a', 'a', UA), claim('bw', 'b', UA, west), claim('be', 'b', advUA, east)] }, ['a', 'b'], { asOf: '2025-12-31' });
    expect(n.summary.agreeKm2).toBeCloseTo(areaKm2(west), 6);
    expect(n.summary.agreeSideKm2).toBeCloseTo(areaKm2(east), 6);
    expect(n.summary.disputedKm2).toBe(0);
    const eastRegion = n.regions.features.find((f) => f.properties.agreement === 'agree-side')!;
    expect(eastRegion.properties).toMatchObject({ consensus: null, side: 'UA', title: 'agree-side: UA', fill: '#004038' });
  });
});

// Every state a claimant can put forward, over two sides and a third.
const stateArb: fc.Arbitrary<ControlState> = fc.oneof(
  fc.record({ status: fc.constantFrom('controlled' as const, 'advancing' as const, 'not-controlled' as const), side: fc.constantFrom('UA', 'RU', 'BY') }),
  fc.constantFrom<ControlState>({ status: 'contested' }, { status: 'contested', sides: ['RU', 'UA'] }, { status: 'contested', sides: ['BY', 'UA'] }),
);
const forward = (s: ControlState): string | undefined => (s.status === 'controlled' || s.status === 'advancing' ? s.side : undefined);

describe('the label rule as properties (fast-check)', () => {
  it('is the same for every order of the claimants (label, consensus and side)', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { maxLength: 6 }), fc.infiniteStream(fc.nat()), (states, random) => {
        const shuffled = [...states];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = random.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(labelPiece(shuffled)).toEqual(labelPiece(states));
      }),
      { numRuns: RUNS },
    );
  });

  it('never calls ground disputed where only one side is put forward and nobody denies it', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { minLength: 1, maxLength: 6 }), (states) => {
        const sides = new Set(states.map(forward).filter((s) => s !== undefined));
        const deniedHolder = states.some((d) => d.status === 'not-controlled' && states.some((s) => s.status === 'controlled' && s.side === d.side));
        const { agreement } = labelPiece(states);
        expect(agreement === 'disputed').toBe(sides.size > 1 || deniedHolder);
        // Ground where the one side is put forward as controlled and as advancing is agree-side (or partial beside a contested voice).
        if (sides.size === 1 && !deniedHolder && new Set(states.filter((s) => forward(s) !== undefined).map((s) => s.status)).size === 2) {
          expect(agreement).toBe(states.some((s) => s.status === 'contested') ? 'partial' : 'agree-side');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same labels and km² for every order of the claimants on generated maps', () => {
    // Each of three claimants states one state over each of two overlapping rectangles.
    const shapeArb = fc.record({ w: fc.integer({ min: 0, max: 5 }), dw: fc.integer({ min: 1, max: 5 }) });
    const claimsArb = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), shapeArb, stateArb), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(claimsArb, fc.constantFrom(['a', 'b', 'c'], ['c', 'a', 'b'], ['b', 'c', 'a'], ['c', 'b', 'a']), (list, order) => {
        const claims = list.map(([who, { w, dw }, s], i) => claim(`k${i}`, who, s as State, rect(37 + w * 0.05, 48, 37 + (w + dw) * 0.05, 48.2)));
        const totals = (ids: readonly string[]) => {
          const n = compareClaimants({ actors, claims }, ids, { asOf: '2025-12-31' });
          const byLabel: Record<string, number> = {};
          for (const f of n.regions.features) byLabel[`${f.properties.agreement}/${f.properties.side}`] = (byLabel[`${f.properties.agreement}/${f.properties.side}`] ?? 0) + f.properties.km2;
          return { byLabel, summary: n.summary };
        };
        const base = totals(['a', 'b', 'c']);
        const other = totals(order);
        expect(Object.keys(other.byLabel).sort()).toEqual(Object.keys(base.byLabel).sort());
        for (const [k, v] of Object.entries(base.byLabel)) expect(other.byLabel[k]).toBeCloseTo(v, 6);
        for (const [k, v] of Object.entries(base.summary)) expect(other.summary[k as keyof typeof base.summary]).toBeCloseTo(v, 6);
      }),
      { numRuns: Math.max(20, Math.round(RUNS / 20)) },
    );
  });
});
