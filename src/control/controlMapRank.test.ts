/**
 * The claim ordering ranks a tie in time by the size of the ground a claim
 * paints (audit F6): a bow-tie claim paints its two lobes (even–odd, as
 * normalizeGeometry and every overlay read it), so it ranks by their area,
 * not by areaKm2's signed sum, in which the lobes cancel to 0.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import { areaKm2 } from '../geometry/measure.js';
import { normalizeGeometry } from '../geometry/normalize.js';
import { operandKm2 } from '../places/_resolveAt.js';
import { controlMap } from './controlMap.js';

type Ring = [number, number][];
const bowTie = { type: 'Polygon' as const, coordinates: [[[30, 48], [30.1, 48.1], [30.1, 48], [30, 48.1], [30, 48]]] as Ring[] };
/** A small square inside the bow-tie's east lobe (the triangle (30.05, 48.05), (30.1, 48.1), (30.1, 48)). */
const square = { type: 'Polygon' as const, coordinates: [[[30.08, 48.04], [30.095, 48.04], [30.095, 48.06], [30.08, 48.06], [30.08, 48.04]]] as Ring[] };

const claim = (id: string, area: Claim['area'], side: 'RU' | 'UA'): Claim => ({ id, claimant: 'p', statedAt: '2025-06-01', area, status: 'controlled', side, basis: 'claimed' }) as Claim;

describe('ranking a bow-tie claim in a tie of time', () => {
  it('measures the lobes the overlay paints, as normalizeGeometry reads them', () => {
    // areaKm2's signed sum cancels the lobes; the lobes are half the 0.1° cell.
    expect(areaKm2(bowTie)).toBeCloseTo(0, 9);
    const cell = areaKm2({ type: 'Polygon', coordinates: [[[30, 48], [30.1, 48], [30.1, 48.1], [30, 48.1], [30, 48]]] });
    const lobes = operandKm2(bowTie, []);
    expect(lobes).toBeCloseTo(areaKm2(normalizeGeometry(bowTie).geometry), 9);
    // Two triangles of half the cell's width and its full height: half the cell, to the curvature of the meridians.
    expect(Math.abs(lobes - cell / 2) / (cell / 2)).toBeLessThan(1e-3);
    // On a valid polygon it is areaKm2's figure.
    expect(operandKm2(square, [])).toBeCloseTo(areaKm2(square), 12);
  });

  for (const within of [undefined, { type: 'Polygon' as const, coordinates: [[[29.9, 47.9], [30.2, 47.9], [30.2, 48.2], [29.9, 48.2], [29.9, 47.9]]] as Ring[] }]) {
    it(`the smaller square wins its ground from the bow-tie ${within === undefined ? 'without' : 'with'} a frame`, () => {
      for (const area of [(g: typeof bowTie) => ({ geometry: g }), (g: typeof bowTie) => g]) {
        const claims = [claim('bow', area(bowTie) as Claim['area'], 'RU'), claim('small', area(square) as Claim['area'], 'UA')];
        const map = controlMap(claims, within === undefined ? {} : { within });
        const ua = map.features.filter((f) => f.properties.side === 'UA');
        expect(ua.map((f) => f.properties.claims)).toEqual([['small']]);
        expect(ua[0]!.properties.km2).toBeCloseTo(areaKm2(square), 6);
        expect(map.overruled.map((o) => [o.claim, o.by])).toEqual([['bow', ['small']]]);
      }
    });
  }

  it('a bow-tie place ranks by its lobes too', () => {
    const places = [{ id: 'bow', name: 'Bow', kind: 'region', geometry: bowTie }] as never;
    const map = controlMap([claim('bow', 'bow', 'RU'), claim('small', { geometry: square }, 'UA')], { places });
    expect(map.features.filter((f) => f.properties.side === 'UA').map((f) => f.properties.claims)).toEqual([['small']]);
  });
});
