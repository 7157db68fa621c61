// @ts-nocheck: see main.ts; scripts/check-consumers.mjs removes this line in the temporary copy.
// The same package from a CommonJS TypeScript module: node16 resolves the
// `require` condition, so these types come from dist/index.d.cts.
import contested = require('contested');

const dataset: contested.Dataset = contested.parseDataset({ sides: [{ id: 'UA', name: 'Ukraine' }] });
const km2: number = contested.areaKm2({ type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48], [37, 48]]] });
// @ts-expect-error 'maybe' is not a diff label
const wrongLabel: contested.DiffLabel = 'maybe';

export = { dataset, km2, wrongLabel };
