/**
 * Time with precision: parsing and resolving times, intervals, comparisons
 * that respect precision, control as of a date, the duration of a battle in
 * a reporter's words, and response times over linked events. See
 * `docs/time-and-precision.md`.
 *
 * @module
 */
export * from './timeRef.js';
export * from './interval.js';
export { compareTimes, isValidAt, timeGapMinutes, timesOverlap, type TimeOrder, type ValidAtOptions } from './compare.js';
export { durationPhrase, type DurationUnit, type DurationWords } from './durationPhrase.js';
export { battleDuration, type BattleDuration, type BattleDurationOptions } from './battleDuration.js';
export { responseTimes, type ResponsePair, type ResponseTimeOptions, type ResponseTimes, type SkippedPair } from './responseTimes.js';
export { controlAsOf, type ControlAsOfOptions } from './controlAsOf.js';
