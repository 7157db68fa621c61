import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaKm2, diffClaims, parseDataset, resolveArea, serializeDataset } from 'contested';
import { pokrovskReport } from './report.js';

const raw: unknown = JSON.parse(readFileSync(join(__dirname, 'pokrovsk.json'), 'utf8'));

describe('the Pokrovsk example', () => {
  const dataset = parseDataset(raw);

  it('parses, and survives a round trip unchanged', () => {
    expect(parseDataset(JSON.parse(serializeDataset(dataset)))).toEqual(dataset);
    expect(serializeDataset(dataset)).toBe(serializeDataset(parseDataset(JSON.parse(serializeDataset(dataset)))));
  });

  it('encodes every noun of the report', () => {
    expect(dataset.sides?.map((s) => s.id)).toEqual(['UA', 'RU']);
    expect(dataset.persons?.map((p) => p.callSign ?? p.givenName)).toEqual(['Yuri', 'Sasha', 'Rabbit', 'Ghost', 'Godfather']);
    expect(dataset.persons?.find((p) => p.id === 'sasha')?.age?.years).toBe(25);
    expect(dataset.units?.find((u) => u.id === 'skala')?.aliases).toContain('Скеля');
    expect(dataset.claims?.map((c) => c.id)).toEqual(['kremlin-city-taken', 'ukraine-holds-north', 'trackers-advance-south', 'outlet-not-fallen', 'soldiers-capture-propaganda']);
    expect(dataset.claims?.filter((c) => c.status === 'not-controlled').map((c) => c.side)).toEqual(['RU', 'RU']);
    // Hand-drawn geometry must say so in the data.
    for (const id of ['pokrovsk', 'railway']) expect(dataset.places?.find((p) => p.id === id)?.approximate?.note).toBeTruthy();
  });

  it('splits the city at the railway into parts that add up to the whole', () => {
    const north = areaKm2(resolveArea(dataset, { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } }));
    const south = areaKm2(resolveArea(dataset, { split: { area: 'pokrovsk', line: 'railway', keep: 'south' } }));
    const city = areaKm2(resolveArea(dataset, 'pokrovsk'));
    expect(north).toBeGreaterThan(0);
    expect(south).toBeGreaterThan(0);
    expect(Math.abs(north + south - city) / city).toBeLessThan(1e-9);
  });

  it('finds the Kremlin and Ukraine in conflict over exactly the north of the city', () => {
    const of = (claimant: string) => (dataset.claims ?? []).filter((c) => c.claimant === claimant);
    const diff = diffClaims(of('kremlin'), of('skala-command'), { within: 'pokrovsk', places: dataset.places ?? [] });
    const north = areaKm2(resolveArea(dataset, { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } }));
    expect(Math.abs(diff.summary.conflict.km2 - north) / north).toBeLessThan(1e-9);
    // Pieces lie on the engine's 1e-9° grid, the frame's outline does not: to 1e-8 of it.
    expect(Math.abs(diff.summary['only-a'].km2 + diff.summary.conflict.km2 - (diff.withinKm2 ?? 0)) / (diff.withinKm2 ?? 1)).toBeLessThan(1e-8);
    expect(diff.summary.agree.km2).toBe(0);
  });

  it('finds the report’s denials in conflict with the Kremlin over the whole city, and consistent with Ukraine and the trackers', () => {
    const claims = dataset.claims ?? [];
    const of = (claimant: string) => claims.filter((c) => c.claimant === claimant);
    const options = { within: 'pokrovsk', places: dataset.places ?? [] };
    const city = areaKm2(resolveArea(dataset, 'pokrovsk'));
    for (const denial of claims.filter((c) => c.status === 'not-controlled')) {
      expect(diffClaims([denial], of('kremlin'), options).summary.conflict.km2).toBeCloseTo(city, 6);
      const ukraine = diffClaims([denial], of('skala-command'), options);
      expect(ukraine.summary.consistent.km2 + ukraine.summary['only-a'].km2).toBeCloseTo(city, 6);
      expect(ukraine.summary.conflict.km2).toBe(0);
    }
  });

  it('prints a summary naming who is who and which claims exist', () => {
    const text = pokrovskReport(dataset);
    for (const word of ['Skala Assault Regiment', 'Sasha', 'Godfather', 'kremlin-city-taken', 'ukraine-holds-north', 'The railway splits Pokrovsk', '25 as of 2025-W49', 'Where the claims disagree', 'a conflict over 44.7% of the city',
      'kremlin-city-taken is contradicted by flag-drone-feed',
      'outlet-not-fallen            kremlin        —      —           38.0 km²',
      'outlet-not-fallen            skala-command  —      17.0 km²    —',
      'The battle has lasted about 18 months',
      'min 15 / median 17.5 / max 20 minutes',
      'the command post is 17.2 km from it',
      // The Kremlin's "taken" beside the trackers' "advancing" puts one side forward: not disputed (it was, 21.0 km², before issue 13).
      'agree-side  RU    21.0 km²  controlled RU  —              advancing RU',
      'Disputed: 17.0 km²; the same side put forward with different statuses (agree-side): 21.0 km².',
      'controlled  UA    17.0  upheld ']) {
      expect(text).toContain(word);
    }
  });
});
