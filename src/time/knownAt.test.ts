/**
 * Regression: the monthly summary stated after the fact (issue 14). A
 * tracker's daily snapshots of August 2024, its summary for August
 * (`validAt: "2024-08"`) published on 1 September, a ministry statement made
 * just after midnight Moscow time, and a town first touched on 12 August
 * (`examples/monthly-summary/monthly-summary.json`). Each test reproduces
 * one wrong answer of the old rules (the figure in its comment) and pins the
 * right one. The km² are GeographicLib's (pyproj `Geod`, WGS84) for the
 * dataset's rectangles, their edges densified to 4,000 points each so that
 * they follow the parallels and meridians as the library's lon/lat-straight
 * edges do:
 *
 * | ground | km² |
 * | --- | --- |
 * | the August summary's rectangle | 874.3313 |
 * | the 15 August snapshot's contested east | 233.2804 |
 * | the larger 20 August claim west of 35.65° E | 233.2804 |
 * | the same inside the frame (35.64–35.65° E) | 15.5520 |
 * | the smaller 20 August claim inside the frame | 155.5203 |
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { assessControl } from '../evidence/assessControl.js';
import { findContradictions, findSupport } from '../evidence/contradictions.js';
import { compareClaimants } from '../diff/compareClaimants.js';
import { diffClaims } from '../diff/diffClaims.js';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { contains } from '../geometry/contains.js';
import { battleDuration } from './battleDuration.js';
import { controlAsOf } from './controlAsOf.js';
import { resolveTime } from './timeRef.js';
import type { Polygon } from 'geojson';

const dataset = parseDataset(JSON.parse(readFileSync(new URL('../../examples/monthly-summary/monthly-summary.json', import.meta.url), 'utf8')));
const tracker = (dataset.claims ?? []).filter((c) => c.claimant === 'tracker');
const km2Where = <P>(features: readonly { properties: P }[], keep: (p: P) => boolean, of: (p: P) => number): number =>
  features.filter((f) => keep(f.properties)).reduce((sum, f) => sum + of(f.properties), 0);
const close = (actual: number, expected: number): void => expect(Math.abs(actual - expected)).toBeLessThan(1e-6 * Math.max(1, expected));

describe('hindsight: what was stated later does not shape an earlier map', () => {
  it('compareClaimants as of 5 August gives the tracker nothing (was: the August summary, 874.33 km² Ukrainian)', () => {
    const n = compareClaimants(dataset, ['tracker', 'mod'], { asOf: '2024-08-05' });
    expect(n.regions.features).toEqual([]);
    // Hindsight is opt-in, and even then a claim about August does not apply on 5 August.
    expect(compareClaimants(dataset, ['tracker', 'mod'], { asOf: '2024-08-05', knownAt: '2024-09-01' }).regions.features).toEqual([]);
  });

  it('assessControl as of 10 August assesses no Ukrainian-held ground (was: 874.33 km² on the summary’s strength)', () => {
    const assessed = assessControl(dataset, { asOf: '2024-08-10' });
    expect(km2Where(assessed.features, (p) => p.status === 'controlled' && p.side === 'UA', (p) => p.km2)).toBe(0);
  });

  it('the summary counts once it is known and its month is over', () => {
    const before = controlAsOf(dataset, 'tracker', '2024-08-31');
    expect(before.features.flatMap((f) => f.properties.claims)).not.toContain('tracker-august');
    const after = controlAsOf(dataset, 'tracker', '2024-08-31', { knownAt: '2024-09-01' });
    expect(after.features.flatMap((f) => f.properties.claims)).toContain('tracker-august');
    expect(controlAsOf(dataset, 'tracker', '2024-09-01').features.flatMap((f) => f.properties.claims)).toContain('tracker-august');
  });
});

describe('the newest statement about a period wins', () => {
  it('the August summary overrules the 15 August snapshot, not the other way round (was: 233.28 km² of the summary overruled)', () => {
    const map = controlMap(tracker, { asOf: '2024-08-31', knownAt: '2024-09-01' });
    const summary = map.overruled.find((o) => o.claim === 'tracker-august');
    expect(summary).toBeUndefined();
    const east = map.overruled.find((o) => o.claim === 'tracker-0815-east');
    expect(east?.by).toEqual(['tracker-august']);
    close(east!.km2, 233.2803785);
  });

  it('controlChange from 14 to 31 August sends no Ukrainian ground to contested (was: 233.28 km²)', () => {
    const change = controlChange(
      controlMap(tracker, { asOf: '2024-08-14', knownAt: '2024-09-01' }),
      controlMap(tracker, { asOf: '2024-08-31', knownAt: '2024-09-01' }),
    );
    expect(change.bySide['UA']?.toContestedKm2).toBe(0);
    // Gained: the summary's rectangle, and the larger 20 August claim west of the overlap the smaller one contests (35.50–35.65° E).
    close(change.bySide['UA']!.gainedKm2, 874.3313413 + 233.2803785);
  });
});

describe('one ordering, measured before within clips', () => {
  const frame: Polygon = { type: 'Polygon', coordinates: [[[35.64, 51.1], [35.9, 51.1], [35.9, 51.3], [35.64, 51.3], [35.64, 51.1]]] };
  const west = tracker.filter((c) => c.id.startsWith('tracker-0820'));
  const overlap = [35.675, 51.2];

  it('controlMap with within calls the overlap contested, as controlMap without it and diffClaims do (was: controlled, 93.31 km²)', () => {
    const framed = controlMap(west, { within: frame });
    const whole = controlMap(west);
    const diff = diffClaims(west, [], { within: frame });
    const at = <P>(features: readonly { geometry: Polygon | import('geojson').MultiPolygon; properties: P }[]): P[] => features.filter((f) => contains(f.geometry, overlap)).map((f) => f.properties);
    expect(at(framed.features).map((p) => p.status)).toEqual(['contested']);
    expect(at(whole.features).map((p) => p.status)).toEqual(['contested']);
    expect(at(diff.regions.features).map((p) => p.a?.status)).toEqual(['contested']);
    close(km2Where(framed.features, (p) => p.status === 'controlled', (p) => p.km2), 15.5520252);
    close(km2Where(framed.features, (p) => p.status === 'contested', (p) => p.km2), 155.5202523);
  });
});

describe('battleDuration from the earliest moment a record could have begun', () => {
  it('as of 14 August: at least 2 days, from 12 August (was: "less than a minute", from the middle of August)', () => {
    const d = battleDuration(dataset, 'town', '2024-08-14');
    expect(d?.phrase).toBe('at least 2 days');
    expect(d?.startedBy.id).toBe('tracker-0812');
    expect(d?.start.toISOString()).toBe('2024-08-12T00:00:00.000Z');
    expect(d!.end.getTime()).toBeGreaterThanOrEqual(d!.start.getTime());
  });

  it('as of 31 August: nearly 3 weeks; with the summary known, about 4 weeks from 1 August (was: "just over 2 weeks")', () => {
    expect(battleDuration(dataset, 'town', '2024-08-31')?.phrase).toBe('nearly 3 weeks'); // 19 days: 2.71 weeks
    const hindsight = battleDuration(dataset, 'town', '2024-08-31', { knownAt: '2024-09-01' });
    expect(hindsight?.phrase).toBe('about 4 weeks'); // 30 days from the start of August, uncertain by a month
    expect(hindsight?.startedBy.id).toBe('tracker-august');
  });
});

describe('local time', () => {
  it('reads a Moscow statement made just after midnight as that Moscow day', () => {
    const mod = (dataset.claims ?? []).find((c) => c.id === 'mod-0810')!;
    expect(resolveTime(mod.statedAt).start.toISOString()).toBe('2024-08-10T21:30:00.000Z');
    const day = resolveTime({ at: '2024-08-11T00:30', precision: 'day', timeZone: 'Europe/Moscow' });
    expect([day.start.toISOString(), day.end.toISOString()]).toEqual(['2024-08-10T21:00:00.000Z', '2024-08-11T21:00:00.000Z']);
  });
});

describe('findContradictions and findSupport with knownAt', () => {
  const pokrovsk = parseDataset(JSON.parse(readFileSync(new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')));

  it('count only claims stated and evidence captured (or published) by then; everything without it', () => {
    const found = (knownAt?: string) => findContradictions(pokrovsk, knownAt === undefined ? {} : { knownAt }).map((f) => [f.claim, f.evidence]);
    expect(found()).toEqual([['kremlin-city-taken', 'flag-drone-feed']]);
    // The Kremlin's claim is stated on 1 December; the flag video is timed only to the week of 1–7 December.
    expect(found('2025-11-30')).toEqual([]);
    expect(found('2025-12-03')).toEqual([]);
    expect(found('2025-W49')).toEqual([['kremlin-city-taken', 'flag-drone-feed']]);
    expect(findSupport(pokrovsk, { knownAt: '2025-12-03' })).toEqual([]);
    expect(findSupport(pokrovsk, { knownAt: '2025-W49' }).length).toBeGreaterThan(0);
  });
});
