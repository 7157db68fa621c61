/**
 * The referee on generated boolean operations: union, intersection,
 * difference and splitByLine on random simple polygons with holes,
 * multipolygons, shared and nearly shared edges, vertices on edges and
 * non-axis-aligned lines, each checked against native GEOS (area and shape)
 * with areas measured by PROJ. Every case is sent to the referee in one
 * batch. An exception from the library is a failure too, except the
 * documented refusals of splitByLine for a line that does not divide.
 */
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { ContestedError, areaKm2, difference, intersection, splitByLine, union } from '../../src/index.js';
import { judge } from './_judge.js';
import { cellAround, disagreements, referee, refereeAvailable, type Disagreement, type RefereeCase } from './_geos.js';
import { areaCoordinates } from '../../src/geometry/boolean.js';
import { SPLIT_GRID_PAD } from '../../src/geometry/split.js';
import { REFEREE_CASES, REFEREE_TIMEOUT_MS, Random, booleanOperands, crossingLine, randomArea } from './_generate.js';

const OPS = ['union', 'intersection', 'difference', 'split'] as const;
/** The refusals splitByLine documents for a line that leaves the area on one side. */
const SPLIT_REFUSALS = new Set(['line-misses-area', 'line-does-not-divide']);

describe.runIf(refereeAvailable('referee: boolean operations'))('referee: boolean operations against GEOS', () => {
  it(`agrees with GEOS on ${REFEREE_CASES} generated overlays (area and shape)`, () => {
    const started = performance.now();
    const cases: RefereeCase[] = [];
    const ours: Record<string, number>[] = [];
    const cells: number[] = [];
    const failures: string[] = [];
    let refused = 0;
    for (let seed = 1; cases.length < REFEREE_CASES; seed += 1) {
      const random = new Random(seed);
      const op = OPS[seed % OPS.length]!;
      const id = `boolean seed ${seed} (${op})`;
      try {
        if (op === 'split') {
          const area = randomArea(random, []);
          const line = crossingLine(random, area);
          let parts;
          try {
            parts = splitByLine(area, { type: 'LineString', coordinates: line });
          } catch (error) {
            if (error instanceof ContestedError && error.issues.every((i) => SPLIT_REFUSALS.has(i.code))) {
              refused += 1;
              continue;
            }
            throw error;
          }
          cases.push({ id, kind: 'split', area, line, ours: parts });
          ours.push({ left: areaKm2(parts.left), right: areaKm2(parts.right) });
          // Both runs of the split hold the grid of the shape's box (as read) widened by SPLIT_GRID_PAD.
          cells.push(cellAround([areaCoordinates(area)], SPLIT_GRID_PAD));
        } else {
          const operands = booleanOperands(random);
          const result = op === 'union' ? union(...operands) : op === 'intersection' ? intersection(...operands) : difference(operands[0]!, ...operands.slice(1));
          cases.push({ id, kind: 'boolean', op, operands: operands as Geometry[], ours: result });
          ours.push({ result: areaKm2(result) });
          // One run, on the grid of the box around the operands as the library reads them.
          cells.push(cellAround(operands.map((o) => areaCoordinates(o))));
        }
      } catch (error) {
        failures.push(`${id}: threw ${error instanceof ContestedError ? `${error.code}: ${error.message}` : String(error)}`);
        if (failures.length > 20) break;
      }
    }
    const built = performance.now();
    const answers = referee(cases);
    const wrong: Disagreement[] = answers.flatMap((answer, i) => disagreements(answer, ours[i]!, 0, 1, cells[i]!));
    console.log(
      `referee: ${cases.length} boolean overlays (union, intersection, difference, splitByLine) checked against GEOS ` +
        `(${refused} splits refused as documented); library ${((built - started) / 1000).toFixed(1)} s, referee ${((performance.now() - built) / 1000).toFixed(1)} s`,
    );
    judge('referee: boolean operations', answers, wrong, failures);
    expect(cases.length).toBeGreaterThanOrEqual(REFEREE_CASES);
  }, REFEREE_TIMEOUT_MS);
});
