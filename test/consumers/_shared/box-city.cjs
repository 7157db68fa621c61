// A Pokrovsk-like case small enough to check by hand: a city that is a
// lon/lat box, a railway along the parallel 48.27° N that bisects it, the
// Kremlin claiming all of it and Skala claiming the north up to the railway.
// Because every edge is a meridian or a parallel, the exact WGS84 areas have
// a closed form (the authalic band formula below), computed independently of
// the library. Shared by the ESM and CJS consumers.
'use strict';

const CITY = { west: 37.1, east: 37.2, south: 48.24, north: 48.3 };
const RAILWAY_LAT = 48.27;

/** Exact area, km², of the WGS84 lon/lat box between two parallels and two meridians. */
function boxKm2(west, east, south, north) {
  const a = 6378.137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const b2 = a * a * (1 - e2);
  const q = (lat) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
  };
  return (((east - west) * Math.PI) / 180) * (b2 / 2) * (q(north) - q(south));
}

const { west, east, south, north } = CITY;
const dataset = {
  sides: [
    { id: 'UA', name: 'Ukraine' },
    { id: 'RU', name: 'Russia' },
  ],
  actors: [
    { id: 'kremlin', name: 'The Kremlin', kind: 'head-of-state', side: 'RU' },
    { id: 'skala-command', name: 'Command of the Skala Assault Regiment', kind: 'unit-command', side: 'UA' },
  ],
  places: [
    {
      id: 'city',
      name: 'Box city',
      kind: 'settlement',
      geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
    },
    { id: 'railway', name: 'Railway', kind: 'railway', geometry: { type: 'LineString', coordinates: [[37.0, RAILWAY_LAT], [37.3, RAILWAY_LAT]] } },
  ],
  claims: [
    { id: 'kremlin-city-taken', claimant: 'kremlin', statedAt: '2025-12-01', area: 'city', status: 'controlled', side: 'RU', basis: 'claimed' },
    {
      id: 'ukraine-holds-north',
      claimant: 'skala-command',
      statedAt: '2025-W49',
      area: { split: { area: 'city', line: 'railway', keep: 'north' } },
      status: 'controlled',
      side: 'UA',
      basis: 'claimed',
    },
  ],
};

module.exports = {
  dataset,
  expected: {
    cityKm2: boxKm2(west, east, south, north),
    northKm2: boxKm2(west, east, RAILWAY_LAT, north),
    southKm2: boxKm2(west, east, south, RAILWAY_LAT),
  },
};
