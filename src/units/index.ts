/**
 * Units: formations, their chain of command, and their map symbols.
 *
 * @module
 */
export * from './schema.js';
export * from './chain.js';
export * from './sidc.js';
