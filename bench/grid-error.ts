/**
 * What rounding every vertex to the engine's grid does to areas: each
 * polygon of the DeepState, DeepState-raw and ISW files under the shared
 * data folder, its vertices rounded to 1e-9°, 1e-10° and 1e-11°, and the
 * change of `areaKm2` against the unrounded polygon — the table under
 * "Engine and grid" in docs/geometry.md. Vertex rounding only: the
 * crossings an overlay adds are measured against GEOS by the referee
 * (`REFEREE_ERRORS`, scripts/referee-errors.mjs).
 * Run: `npx tsx bench/grid-error.ts`.
 */
import { readdirSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import { areaKm2 } from '../src/geometry/index.js';
import { dataDir, hasData, readCollection } from './_data.js';

const folders = ['deepstate', 'deepstate-raw', 'isw'];
if (hasData('grid-error', ...folders)) {
  const polygons: { file: string; polygon: Polygon }[] = [];
  for (const folder of folders) {
    for (const name of readdirSync(`${dataDir}${folder}`).filter((f) => f.endsWith('.geojson')).sort()) {
      for (const feature of readCollection(`${folder}/${name}`).features) {
        const g = feature.geometry;
        if (g?.type === 'Polygon') polygons.push({ file: `${folder}/${name}`, polygon: g });
        if (g?.type === 'MultiPolygon') for (const coordinates of g.coordinates) polygons.push({ file: `${folder}/${name}`, polygon: { type: 'Polygon', coordinates } });
      }
    }
  }
  console.log(`${polygons.length} polygons`);
  const sizes: [string, number][] = [['every polygon', 0], ['0.01 km² and more', 0.01], ['1 km² and more', 1], ['100 km² and more', 100]];
  console.log('| grid | polygons | largest relative area change | where | largest absolute change, km² |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const grid of [1e-9, 1e-10, 1e-11]) {
    const round = (p: Position): Position => [Math.round(p[0]! / grid) * grid, Math.round(p[1]! / grid) * grid];
    const changes = polygons.map(({ file, polygon }) => {
      const before = areaKm2(polygon);
      const after = areaKm2({ type: 'Polygon', coordinates: polygon.coordinates.map((ring) => ring.map(round)) });
      return { file, before, absolute: Math.abs(after - before) };
    });
    for (const [name, least] of sizes) {
      const some = changes.filter((c) => c.before > 0 && c.before >= least);
      let worst = { relative: 0, where: '' };
      let largestAbsolute = 0;
      for (const c of some) {
        largestAbsolute = Math.max(largestAbsolute, c.absolute);
        if (c.absolute / c.before > worst.relative) worst = { relative: c.absolute / c.before, where: `a ${c.before.toPrecision(2)} km² polygon of ${c.file}` };
      }
      console.log(`| ${grid.toExponential(0)}° | ${name} (${some.length}) | ${worst.relative.toExponential(1)} | ${worst.where} | ${largestAbsolute.toExponential(1)} |`);
    }
  }
}
