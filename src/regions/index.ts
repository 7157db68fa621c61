/**
 * Control and change broken down by named regions (oblasts, raions, any
 * polygons), with the rule for ground in no region or in two.
 *
 * @module
 */
export { controlByRegion, type RegionControl, type RegionControlRow, type RegionHolding, type RegionOptions, type RegionShareProperties } from './controlByRegion.js';
export { changeByRegion, type RegionChange, type RegionChangeRow, type RegionSideChange } from './changeByRegion.js';
