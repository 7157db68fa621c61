// A Node CommonJS app that installed the packed `contested`: the same checks
// as the ESM consumer, through require() and the CJS build.
'use strict';
const assert = require('node:assert/strict');
const { areaKm2, diffClaims, distanceM, parseDataset, toMgrs, ContestedError } = require('contested');
const claimSchema = require('contested/schemas/claim.json');
const { dataset: input, expected } = require('../_shared/box-city.cjs');

const close = (actual, wanted, what) => assert.ok(Math.abs(actual - wanted) <= 1e-6 * wanted, `${what}: ${actual} ≠ ${wanted}`);

const dataset = parseDataset(input);
const city = dataset.places.find((p) => p.id === 'city');
close(areaKm2(city.geometry), expected.cityKm2, 'areaKm2(city)');

const diff = diffClaims(
  dataset.claims.filter((c) => c.claimant === 'kremlin'),
  dataset.claims.filter((c) => c.claimant === 'skala-command'),
  { within: 'city', places: dataset.places },
);
close(diff.withinKm2, expected.cityKm2, 'withinKm2');
close(diff.summary.conflict.km2, expected.northKm2, 'conflict km²');
close(diff.summary['only-a'].km2, expected.southKm2, 'only-a km²');
assert.equal(diff.summary.agree.km2, 0);
assert.equal(diff.summary.unclaimed.km2, 0);
close(diff.summary.conflict.share, expected.northKm2 / expected.cityKm2, 'conflict share');

assert.ok(Math.abs(distanceM([37.1, 48.24], [37.1, 48.3]) - 6_672) < 10, 'distanceM (GeographicLib)');
assert.equal(toMgrs([37.18, 48.28], 3), '37U CP 649 490', 'toMgrs (mgrs)');
assert.throws(() => parseDataset({ sides: [{ id: 'UA' }] }), ContestedError, 'ContestedError is the class the package exports');
assert.equal(typeof claimSchema, 'object', 'contested/schemas/claim.json');

console.log(`conflict ${diff.summary.conflict.km2.toFixed(3)} km² of ${diff.withinKm2.toFixed(3)} km²`);
