// The door of the history room of valuation: what its sibling rooms may use.
export { readRecoveryHistory } from './history-repository';
export {
  costModelRecords,
  historyKnownAt,
  type HistoryLoan,
  type RecoveryHistory,
} from './recovery-history';
export { type SegmentDimension, segmentDimensions, segmenter } from './segments';
