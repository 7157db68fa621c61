/**
 * `contested`: a typed model of contested ground in a war, and the functions
 * that compare what different parties claim about who holds which ground.
 *
 * @module contested
 */
export * from './errors/index.js';
export * from './time/index.js';
export * from './sides/schema.js';
export * from './actors/schema.js';
export * from './units/index.js';
export * from './personnel/index.js';
export * from './positions/schema.js';
export * from './positions/mgrs.js';
export * from './places/schema.js';
export { AreaRef, SplitKeep, MAX_AREA_DEPTH, areaRefPlaces, type AreaRefPlace, type LineRef } from './places/areaRef.js';
export * from './claims/schema.js';
export * from './claims/statedFigures.js';
export { checkStatedFigures, STATED_FIGURE_TOLERANCE, type StatedFigureCheck, type StatedFigureOptions, type StatedFigureVerdict } from './claims/checkStatedFigures.js';
export * from './evidence/index.js';
export * from './events/schema.js';
export * from './statements/schema.js';
export * from './dataset/schema.js';
export {
  parseDataset,
  safeParseDataset,
  parseDatasetJson,
  safeParseDatasetJson,
  type ParseOptions,
  parseEntity,
  safeParseEntity,
  serializeDataset,
  MAX_INPUT_DEPTH,
  ENTITY_NAMES,
  type ParseResult,
  type EntityName,
  type EntityOf,
  type EntityTypes,
} from './dataset/parse.js';
export * from './dataset/jsonSchema.js';
export { DEFAULT_LIMITS, type Limits, type LimitsOption } from './_lib/limits.js';
export * from './geometry/index.js';
export * from './places/resolveArea.js';
export * from './control/index.js';
export * from './diff/index.js';
export { sideColor, DIFF_COLORS } from './style/palette.js';
export * from './importers/index.js';
export { toSvg, type SvgInput, type SvgOptions, type SvgLines, type SvgPoints, type SvgLabel } from './output/svg.js';
export { periodKey, type PeriodUnit } from './time/periodKey.js';
export * from './regions/index.js';
export * from './history/index.js';
export { toSvgChart, type ChartOptions } from './output/chart.js';
