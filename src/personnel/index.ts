/**
 * Personnel: people by call sign and name, and the functions that find them.
 *
 * @module
 */
export * from './schema.js';
export * from './callSign.js';
export * from './transliterate.js';
export * from './romanize.js';
export * from './findByName.js';
export * from './findByCallSign.js';
