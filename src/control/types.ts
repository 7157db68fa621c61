/**
 * The shapes control maps are made of, as the control functions name them.
 * They are declared with the overlay core (`src/overlay/types.ts`), which
 * speaks them below every domain module; this module keeps the public names
 * where they have always been.
 *
 * @module
 */
export type { AreaLike, ControlMap, ControlRegion, ControlRegionProperties, ControlState, OverruledPart, SimpleStyle } from '../overlay/types.js';
