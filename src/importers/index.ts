/**
 * Importers: the real sources users already have — DeepStateMap, ISW's
 * control layers, any one-status GeoJSON — read into validated claims, with
 * each source's quirks handled and every repair recorded.
 *
 * @module
 */
export { deepStateClass, deepStateEnglishName, type DeepStateClass } from './deepStateClass.js';
export { fromDeepState, type DeepStateIgnored, type DeepStateOptions } from './deepstate.js';
export { fromIsw, type IswLayers, type IswOptions } from './isw.js';
export { fromGeoJSON, type GeoJSONClaimOptions } from './geojson.js';
