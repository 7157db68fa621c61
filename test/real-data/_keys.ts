/**
 * The independent keys of the real-data tests: `keys/keys.json`, written by
 * `keys/make-keys.py` with native GEOS (shapely 1.8, OverlayNG) and PROJ's
 * geodesic areas on rings densified to 0.0001° — the referee's method
 * (test/referee/geos.py; docs/geometry.md "The referee"), reading
 * ../shared/data itself and no code of this library. The keys are committed,
 * so these tests need no Python at run time. Regenerate with
 * `/usr/bin/python3 test/real-data/keys/make-keys.py` (about a minute) and
 * commit keys.json.
 */
import { readFileSync } from 'node:fs';
import { REFEREE_TOLERANCE } from '../referee/_geos.js';

/** A keyed figure: [km², geodesic length of the piece's boundary in km]. */
export type Figure = [km2: number, boundaryKm: number];

interface Keys {
  change: { ruToLiberated: Figure; ruToInferredWithout: Figure; ruToUaWithout: Figure };
  pokrovsk: { hromada: Figure; agree: Figure; partial: Figure; conflictHromadaExtent: Figure; conflictUkraineExtent: Figure; hromadaToBorderKm: number };
  oblasts: { names: string[]; oblast: Figure[]; 'ru 2025-08-22': Figure[]; 'ru 2026-08-22': Figure[]; gained: Figure[]; lost: Figure[] };
  occupied: { dates: string[]; occupied: Figure[]; gained: Figure[]; lost: Figure[] };
  consensus: { agreeSide: Figure };
  history: Record<string, { from: string; to: string; gained: Figure; lost: Figure }[]>;
  isw: Record<string, Record<'claimed' | 'assessed' | 'agree' | 'only-a' | 'only-b', Figure>> & { '2022-09-15 counteroffensives': { sumOfFeatures: number; union: Figure } };
}

/** The keys, as committed. */
export const KEYS = JSON.parse(readFileSync(new URL('./keys/keys.json', import.meta.url), 'utf8')) as Keys;

/**
 * How far a library figure may be from its key: 1e-6 of the key, or, for a
 * small piece, the engine grid's reach if larger — one 1e-9° cell (0.11 mm,
 * `REFEREE_TOLERANCE.gridStripKm`) times the piece's boundary per overlay
 * stage (docs/geometry.md "The referee", "Tolerance"); never under the
 * referee's floor of 1e-8 km² — plus any slivers the function reports
 * having left out of the figure.
 */
export function keyTolerance([km2, boundaryKm]: Figure, stages = 1, sliversKm2 = 0): number {
  return Math.max(1e-6 * km2, REFEREE_TOLERANCE.gridStripKm * boundaryKm * stages, REFEREE_TOLERANCE.absoluteKm2) + sliversKm2;
}

/** `|ours − key|` as a multiple of {@link keyTolerance} (a test passes below 1); printed so a run shows its margin. */
export function keyUse(ours: number, key: Figure, stages = 1, sliversKm2 = 0): number {
  return Math.abs(ours - key[0]) / keyTolerance(key, stages, sliversKm2);
}
