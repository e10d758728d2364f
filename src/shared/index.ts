// The door of this room: what other rooms may use. Everything else here is private.
export { addBusinessDays } from './business-days';
export { bodyLimitProblem, streamingBodyLimit } from './body-limit';
export { fixedClock, systemClock } from './clock';
export {
  type DelinquencyBucket,
  type LedgerPolicy,
  type PlatformConfig,
  type PortfolioBands,
  type TransferTerms,
  assertValidDelinquencyScheme,
  configFromEnv,
  defaultConfig,
  defaultLedgerPolicy,
  defaultPortfolioBands,
  defaultTransferTerms,
  importCellLimits,
  saleChunkLoans,
  transferTermsOf,
  defaultPortfolioRequests,
} from './config';
export {
  type IsoDate,
  addDays,
  addMonths,
  addMonthsToDayNumber,
  dayNumber,
  daysBetween,
  excelSerialToIsoDate,
  fromDayNumber,
  monthsBetween,
  parseIsoDate,
} from './dates';
export { type AppDeps, type AppEnv, type AuthenticatedUser, writeLog } from './deps';
export {
  IDEMPOTENT_REPLAYED_HEADER,
  type IdempotencyKey,
  type StoredResponse,
  isKeyUsed,
  keyScope,
  requestHash,
  storeResponse,
  storedResponse,
  withKeyLock,
} from './idempotency';
export { idempotencyKeyOf, idempotently } from './idempotently';
export {
  addFen,
  asFen,
  type Fen,
  formatFen,
  negateFen,
  parseFen,
  subtractFen,
  sumFen,
  ZERO_FEN,
} from './money';
export { allocatePrice, fenFromYuanNumber, roundToFen } from './rounding';
export { jsonBody, jsonResponse, problemResponseDoc } from './openapi-docs';
export { type FieldError, Problem, problemResponse } from './problem';
export { ProblemSchema } from './problem-schema';
export { createRouter, rejectNonJsonBody, rejectUnknownQuery } from './router';
export { Sfc32 } from './sfc32';
export {
  fenFromYuanRequest,
  IdParams,
  idParam,
  instant,
  isoDate,
  pageLimit,
  positivePriceFen,
  yuanAmount,
  yuanAmountRequest,
} from './api-vocabulary';
export { claimFen, claimSql, type ClaimBalances } from './claim';
export type { AuditActor, VerbContext } from './context';
export { type ValuationDefaults, defaultValuation } from './config';
