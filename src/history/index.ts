/**
 * Change over time: the series of km² gained, lost and net per period.
 *
 * @module
 */
export { controlHistory, type AbortSignalLike, type ControlHistory, type ControlHistoryOptions, type HistoryPeriod, type HistorySnapshot, type HistoryWorkers, type PeriodRegionChange, type PeriodSideChange } from './controlHistory.js';
