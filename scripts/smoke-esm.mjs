// Loads the built ESM entry as Node does and calls into each CommonJS-only
// dependency (geographiclib-geodesic, mgrs, clipper2-ts): a type check does
// not prove that their interop works at run time.
import assert from 'node:assert/strict';
import * as contested from '../dist/index.js';

const square = { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]] };
assert.ok(Math.abs(contested.areaKm2(square) - 82.7) < 1, 'areaKm2');
assert.ok(Math.abs(contested.distanceM([37, 48], [37, 49]) - 111_198) < 100, 'distanceM (GeographicLib)');
assert.equal(contested.toMgrs([37.18, 48.28], 3), '37U CP 649 490', 'toMgrs (mgrs)');
assert.ok(contested.intersection(square, square).coordinates.length === 1, 'intersection (clipper2-ts)');
assert.ok(contested.parseDataset({ sides: [{ id: 'UA', name: 'Ukraine' }] }).sides.length === 1, 'parseDataset (zod)');
console.log('ESM build loads and runs');
