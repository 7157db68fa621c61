/**
 * Control maps and how they change: one party's claims resolved into
 * non-overlapping regions, the change between two maps, and the front line.
 *
 * @module
 */
export type { AreaLike, ControlMap, ControlRegion, ControlRegionProperties, ControlState, OverruledPart, SimpleStyle } from './types.js';
export { controlMap, type ControlMapOptions } from './controlMap.js';
export { controlChange, type ControlChange, type ControlChangeOptions, type ChangeRegionProperties, type SideChange } from './controlChange.js';
export { frontLine, type FrontLine, type FrontLineMap, type FrontLineOptions, type FrontLineProperties, type FrontLineRegion } from './frontLine.js';
export { distanceToFront, type DistanceToFront, type FrontLineInput, type FrontPositionInput } from './distanceToFront.js';
