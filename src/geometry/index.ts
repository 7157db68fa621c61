/**
 * The geometry layer: exact areas on the WGS84 ellipsoid, geodesic lengths
 * and distances, containment, boolean operations through one robust
 * clipping engine, splitting an area by a line, and validation and repair
 * of GeoJSON geometry. See `docs/geometry.md` for the edge model, the
 * accuracy figures and the rules for awkward input.
 *
 * @module
 */
export * from './schema.js';
export type { AreaInput, GeometryInput } from './_input.js';
export { areaKm2, distanceM, lengthM, perimeterM, type PointInput } from './measure.js';
export { contains } from './contains.js';
export { difference, intersection, union, type AreaOperand } from './boolean.js';
export { keepSideOfLine, sideOfLine, splitByLine, type LineInput, type SplitParts, type SplitSide } from './split.js';
export { validateGeometry, type GeometryProblem, type GeometryValidation } from './validate.js';
export { normalizeGeometry, type GeometryRepair, type NormalizedGeometry } from './normalize.js';
