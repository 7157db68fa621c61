import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { isContestedError } from '../errors/index.js';
import { distanceM } from '../geometry/measure.js';
import { findContradictions, findSupport } from './contradictions.js';

const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

/** A town of 0.1° × 0.1° that Russia claims held on 2025-12-01, and one piece of evidence. */
function scenario(evidence: Record<string, unknown>, claim: Record<string, unknown> = {}) {
  return parseDataset({
    sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
    actors: [
      { id: 'mod', name: 'Ministry', kind: 'ministry', side: 'RU', reliability: 'D' },
      { id: 'osint', name: 'Tracker', kind: 'osint-tracker', reliability: 'B' },
    ],
    places: [{ id: 'town', name: 'Town', kind: 'settlement', geometry: rect(37, 48, 37.1, 48.1) }],
    claims: [{ id: 'held', claimant: 'mod', statedAt: '2025-12-01', area: 'town', status: 'controlled', side: 'RU', basis: 'claimed', ...claim }],
    evidence: [{ id: 'e', kind: 'geolocated-video', capturedAt: '2025-12-01T10:30Z', shows: [{ kind: 'presence', side: 'UA' }], source: 'osint', credibility: 2, ...evidence }],
  });
}
const at = (lon: number, lat: number) => ({ position: { coordinates: [lon, lat], how: 'geolocated' } });

describe('where the evidence lies', () => {
  it('inside: a contradiction, with the distance to the nearest edge (positive)', () => {
    const [c, ...rest] = findContradictions(scenario(at(37.05, 48.05)));
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ claim: 'held', evidence: 'e', code: 'presence-of-other-side', codes: ['presence-of-other-side'], timeGapMinutes: null });
    // The nearest edge is the west (or east) meridian, 0.05° of longitude away:
    // the geodesic to the meridian at the same latitude, to well under a metre.
    expect(c!.distanceM).toBeGreaterThan(3700);
    expect(Math.abs(c!.distanceM - distanceM([37.05, 48.05], [37, 48.05]))).toBeLessThan(0.5);
    expect(c!.reason).toBe('e shows UA present 3.7 km inside ground mod says is held by RU');
  });

  it('on the edge: a contradiction at distance 0 (the edge belongs to the claimed ground)', () => {
    const [c] = findContradictions(scenario(at(37.05, 48)));
    expect(c?.distanceM).toBe(0);
    expect(c?.reason).toContain('on the edge of ground');
  });

  it('outside: nothing', () => {
    expect(findContradictions(scenario(at(37.15, 48.05)))).toEqual([]);
  });

  it('outside, but within the position\'s accuracy of the edge: a contradiction at a negative distance; beyond it, nothing', () => {
    // 0.001° east of the east edge at 48.05° N: about 75 m outside.
    const gapM = distanceM([37.101, 48.05], [37.1, 48.05]);
    const near = findContradictions(scenario({ position: { coordinates: [37.101, 48.05], how: 'reported', accuracyM: 100 } }));
    expect(near.map((c) => c.code)).toEqual(['presence-of-other-side']);
    expect(Math.abs(near[0]!.distanceM + gapM)).toBeLessThan(0.01);
    expect(near[0]!.reason).toBe('e shows UA present 75 m outside ground mod says is held by RU');
    expect(findContradictions(scenario({ position: { coordinates: [37.101, 48.05], how: 'reported', accuracyM: 70 } }))).toEqual([]);
    expect(findSupport(scenario({ position: { coordinates: [37.101, 48.05], how: 'reported', accuracyM: 100 }, shows: [{ kind: 'presence', side: 'RU' }] })).map((s) => s.code)).toEqual(['presence-of-holder']);
  });

  it('an area of evidence counts only when all of it lies inside', () => {
    const inside = findContradictions(scenario({ area: { geometry: rect(37.02, 48.02, 37.04, 48.04) } }));
    expect(inside).toHaveLength(1);
    // The shortest distance between the two edges: the west sides, 0.02° of longitude apart.
    expect(inside[0]!.distanceM).toBeCloseTo(distanceM([37.02, 48.04], [37, 48.04]), 0); // west sides, at the north end where 0.02° is shortest
    expect(findContradictions(scenario({ area: { geometry: rect(37.08, 48.02, 37.12, 48.04) } }))).toEqual([]);
  });

  it('copies the position accuracy so a reader can see a shallow contradiction within the error', () => {
    const [c] = findContradictions(scenario({ position: { coordinates: [37.0005, 48.05], how: 'reported', accuracyM: 1000 } }));
    expect(c!.accuracyM).toBe(1000);
    expect(c!.distanceM).toBeLessThan(c!.accuracyM!);
  });
});

describe('when the evidence was captured, at different precisions', () => {
  it.each([
    ['2025-11-28', 'before, beyond a day', false, 1440 * 2],
    ['2025-11-30T12:00Z', 'before, within a day', true, 719],
    ['2025-12-01T10:30Z', 'during: a minute inside the claimed day', true, null],
    ['2025-12', 'during: a month holding the day', true, null],
    ['2025-W49', 'during: the week holding the day', true, null],
    ['2025-12-02T06:00Z', 'after, within a day', true, 360],
    ['2025-12-05', 'after, beyond a day', false, 1440 * 3],
  ])('%s (%s) → contradiction %s', (capturedAt, _label, found, gap) => {
    const result = findContradictions(scenario({ ...at(37.05, 48.05), capturedAt }));
    expect(result.length > 0).toBe(found);
    if (found) expect(result[0]!.timeGapMinutes).toBe(gap);
    else expect(timeGapOf(capturedAt)).toBe(gap);
  });

  it('timeTolerance widens or narrows the window; 0 keeps only overlapping times', () => {
    const d = scenario({ ...at(37.05, 48.05), capturedAt: '2025-12-05' });
    expect(findContradictions(d, { timeTolerance: 3 * 1440 })).toHaveLength(1);
    expect(findContradictions(scenario({ ...at(37.05, 48.05), capturedAt: '2025-12-02T06:00Z' }), { timeTolerance: 0 })).toEqual([]);
  });

  it('refuses a negative tolerance', () => {
    try {
      findContradictions(scenario(at(37.05, 48.05)), { timeTolerance: -1 });
      expect.unreachable();
    } catch (error) {
      expect(isContestedError(error) && error.issues[0]).toMatchObject({ path: ['options', 'timeTolerance'] });
    }
  });
});

function timeGapOf(capturedAt: string): number | null {
  // Independent of the code under test: whole days between the claimed day (1 Dec) and the evidence day.
  return capturedAt === '2025-11-28' ? 2 * 1440 : capturedAt === '2025-12-05' ? 3 * 1440 : null;
}

describe('what the evidence shows', () => {
  const shows = (s: unknown[], claim: Record<string, unknown> = {}) => scenario({ ...at(37.05, 48.05), shows: s }, claim);
  it.each([
    [[{ kind: 'control', side: 'UA' }], 'control-by-other-side'],
    [[{ kind: 'strike', side: 'RU' }], 'fighting-in-held-ground'], // the holder strikes inside its own ground: the enemy is there
    [[{ kind: 'casualties', side: 'UA', count: 3 }], 'fighting-in-held-ground'], // the enemy's dead inside held ground
  ])('%j contradicts a claim of firm control: %s', (s, code) => {
    expect(findContradictions(shows(s)).map((c) => c.code)).toEqual([code]);
  });
  it.each([
    [[{ kind: 'strike', side: 'UA' }]], // the enemy shelling held ground
    [[{ kind: 'strike' }]], // a strike by nobody knows whom
    [[{ kind: 'casualties', side: 'RU' }]], // the holder's own losses
  ])('%j does not contradict it', (s) => {
    expect(findContradictions(shows(s))).toEqual([]);
  });
  it('presence of the holder supports; presence of both both supports and contradicts', () => {
    expect(findSupport(shows([{ kind: 'presence', side: 'RU' }])).map((s) => s.code)).toEqual(['presence-of-holder']);
    const both = shows([{ kind: 'presence', side: 'RU' }, { kind: 'presence', side: 'UA' }]);
    expect(findSupport(both).map((s) => s.code)).toEqual(['presence-of-holder']);
    expect(findContradictions(both).map((s) => s.code)).toEqual(['presence-of-other-side']);
  });
  it('fighting supports a contested claim; visible control contradicts it', () => {
    const contested = { status: 'contested', side: undefined, sides: ['RU', 'UA'] };
    expect(findSupport(shows([{ kind: 'strike' }], contested)).map((s) => s.code)).toEqual(['fighting-in-contested-ground']);
    expect(findContradictions(shows([{ kind: 'control', side: 'RU' }], contested)).map((s) => s.code)).toEqual(['control-in-contested-ground']);
  });
  it('the advancing side’s presence supports an advance', () => {
    expect(findSupport(shows([{ kind: 'presence', side: 'RU' }], { status: 'advancing' })).map((s) => s.code)).toEqual(['presence-of-advancing-side']);
  });
  it('the denied side’s presence or control contradicts a denial; another side’s control supports it; fighting says nothing', () => {
    const denial = { status: 'not-controlled', side: 'RU' };
    const found = findContradictions(shows([{ kind: 'presence', side: 'RU' }], denial));
    expect(found.map((c) => c.code)).toEqual(['presence-of-denied-side']);
    expect(found[0]!.reason).toMatch(/ shows RU present .* inside ground \w+ says is not held by RU$/);
    expect(findContradictions(shows([{ kind: 'control', side: 'RU' }], denial)).map((c) => c.code)).toEqual(['control-by-denied-side']);
    expect(findSupport(shows([{ kind: 'control', side: 'UA' }], denial)).map((c) => c.code)).toEqual(['control-by-another-side']);
    expect(findContradictions(shows([{ kind: 'presence', side: 'UA' }, { kind: 'strike', side: 'UA' }, { kind: 'casualties', side: 'RU' }], denial))).toEqual([]);
  });
});

describe('a claim refuted by a later claim', () => {
  const base = (capturedAt: string, position: [number, number]) =>
    parseDataset({
      sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
      actors: [
        { id: 'mod', name: 'Ministry', kind: 'ministry', side: 'RU' },
        { id: 'gs', name: 'General Staff', kind: 'military-command', side: 'UA' },
      ],
      places: [
        { id: 'town', name: 'Town', kind: 'settlement', geometry: rect(37, 48, 37.1, 48.1) },
      ],
      claims: [
        { id: 'taken', claimant: 'mod', statedAt: '2025-12-01', area: 'town', status: 'controlled', side: 'RU', basis: 'claimed' },
        { id: 'still-ours', claimant: 'gs', statedAt: '2025-12-20', area: 'town', status: 'contested', sides: ['RU', 'UA'], basis: 'claimed', evidence: ['video'], refutes: ['taken'] },
      ],
      evidence: [{ id: 'video', kind: 'drone-video', capturedAt, position: { coordinates: position }, shows: [{ kind: 'strike', side: 'UA' }] }],
    });

  it('its evidence, captured after the refuted claim, contradicts it when it lies inside the ground', () => {
    const found = findContradictions(base('2025-12-18', [37.05, 48.05]));
    expect(found.map((c) => [c.claim, c.evidence, c.code])).toEqual([['taken', 'video', 'refuted-by-later-evidence']]);
    expect(found[0]!.distanceM).toBeGreaterThan(0);
    expect(found[0]!.timeGapMinutes).toBe(16 * 1440);
  });

  it('evidence far from the ground refutes nothing, whatever cites it: 7 km outside, or a swapped [lat, lon] 1,500 km away', () => {
    expect(findContradictions(base('2025-12-18', [37.2, 48.05]))).toEqual([]);
    const swapped: [number, number] = [48.05, 37.05];
    expect(distanceM(swapped, [37.05, 48.05])).toBeGreaterThan(1_400_000);
    expect(findContradictions(base('2025-12-18', swapped))).toEqual([]);
  });

  it('evidence outside the ground but within its stated accuracy of the edge still counts (negative distance)', () => {
    const dataset = base('2025-12-18', [37.2, 48.05]);
    const edgeM = distanceM([37.2, 48.05], [37.1, 48.05]); // to the east edge, along the parallel: about 7.4 km
    const within = { ...dataset, evidence: dataset.evidence!.map((e) => ({ ...e, position: { ...e.position!, accuracyM: edgeM + 50 } })) };
    const [found, ...rest] = findContradictions(within);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ claim: 'taken', code: 'refuted-by-later-evidence', accuracyM: edgeM + 50 });
    expect(found!.distanceM).toBeLessThan(0);
    expect(Math.abs(-found!.distanceM - edgeM)).toBeLessThan(1);
    const short = { ...dataset, evidence: dataset.evidence!.map((e) => ({ ...e, position: { ...e.position!, accuracyM: edgeM - 50 } })) };
    expect(findContradictions(short)).toEqual([]);
  });

  it('evidence older than the refuted claim does not refute it: the claim may describe a later change', () => {
    expect(findContradictions(base('2025-11-20', [37.05, 48.05]))).toEqual([]);
  });
});

describe('the Pokrovsk example', () => {
  const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));

  it('finds the flag on the drone feed inside the city the Kremlin claims, at the same time', () => {
    const found = findContradictions(pokrovsk);
    expect(found).toHaveLength(1);
    const [flag] = found;
    expect(flag).toMatchObject({
      claim: 'kremlin-city-taken',
      evidence: 'flag-drone-feed',
      code: 'presence-of-other-side',
      codes: ['presence-of-other-side', 'refuted-by-later-evidence'],
      timeGapMinutes: null, // the claimed day (1 Dec) lies in the week of the feed (W49)
      accuracyM: 1000,
    });
    // 1.2 km from the city's northern edge, the nearest.
    expect(flag!.distanceM).toBeGreaterThan(1150);
    expect(flag!.distanceM).toBeLessThan(1250);
    expect(flag!.reason).toBe('flag-drone-feed shows UA present 1.2 km inside ground kremlin says is held by RU');
  });

  it('returns the same feed as support for the Skala command’s claim to the north', () => {
    expect(findSupport(pokrovsk).map((s) => [s.claim, s.evidence, s.code])).toEqual([['ukraine-holds-north', 'flag-drone-feed', 'presence-of-holder']]);
  });

  it('does not mutate the dataset', () => {
    const before = JSON.stringify(pokrovsk);
    findContradictions(pokrovsk);
    findSupport(pokrovsk);
    expect(JSON.stringify(pokrovsk)).toBe(before);
  });
});
