import { recordAudit } from '../audit';
import {
  chargeOffCandidates,
  chargeOffPolicyOf,
  chargeOffRules,
  projectedDaysPastDue,
} from '../loans';
import {
  type Fen,
  sumFen,
  type AppDeps,
  claimFen,
  type FieldError,
  type IsoDate,
  Problem,
  type VerbContext,
} from '../shared';
import { draftItem, type DraftItem } from './draft-item';
import * as repository from './repository';

export interface PrepareRequest {
  writeOffDate: IsoDate;
  /** The loans to write off; the charge-off candidates as of the write-off date when absent. */
  loanIds?: string[];
  /** A reason stated by the preparer, recorded with (or instead of) the charge-off rules that fire. */
  reason?: string;
}

export interface PreparedBatch {
  batch: repository.WriteOffBatchRow;
  /** Candidates left out because they are already in another open or posted batch. */
  skippedInOtherBatches: number;
}

const invalid = (field: string, value: unknown, message: string) =>
  new Problem('validation_failed', message, { errors: [{ field, value, message }] });

/** Draft items for explicitly named loans; every loan that cannot be written off is named. */
function itemsForLoanIds(
  { tx, deps }: VerbContext,
  request: PrepareRequest & { loanIds: string[] },
): DraftItem[] {
  const policy = chargeOffPolicyOf(deps.config);
  const found = new Map(
    repository.loansForDraft(tx, request.loanIds).map((loan) => [loan.loanId, loan]),
  );
  const inBatches = repository.loansInUnreleasedBatches(tx, request.loanIds);
  const errors: FieldError[] = [];
  const items: DraftItem[] = [];
  const seen = new Set<string>();
  request.loanIds.forEach((loanId, index) => {
    const refuse = (message: string) =>
      errors.push({ field: `json.loanIds.${index}`, value: loanId, message });
    const loan = found.get(loanId);
    if (seen.has(loanId)) return refuse('the loan is listed twice');
    seen.add(loanId);
    if (!loan) return refuse('no such loan');
    if (inBatches.has(loanId))
      return refuse(`the loan is already in write-off batch ${inBatches.get(loanId)}`);
    if (request.writeOffDate < loan.tapeDate)
      return refuse(`the write-off date is before the loan's tape date ${loan.tapeDate}`);
    const daysPastDue = projectedDaysPastDue(loan.daysPastDue, loan.tapeDate, request.writeOffDate);
    const rules = chargeOffRules(
      {
        status: loan.status,
        daysPastDue,
        bankrupt: loan.bankrupt === 1,
        deceased: loan.deceased === 1,
      },
      policy,
    );
    const item = draftItem({ ...loan, rules }, request.reason);
    if ('refusal' in item) return refuse(item.refusal);
    items.push(item);
  });
  if (errors.length > 0)
    throw new Problem('validation_failed', `${errors.length} loan(s) cannot be written off`, {
      errors,
    });
  return items;
}

/** The book's charge-off candidates as of the write-off date, all of them. */
function candidatesOn(deps: AppDeps, writeOffDate: IsoDate) {
  try {
    return chargeOffCandidates(deps, { asOf: writeOffDate, limit: Number.MAX_SAFE_INTEGER - 1 })
      .items;
  } catch (error) {
    // The book reports the date as its own query field; here it is the request's write-off date.
    if (error instanceof Problem && error.code === 'validation_failed')
      throw invalid('json.writeOffDate', writeOffDate, error.detail);
    throw error;
  }
}

/** Draft items for the charge-off candidates (坏账认定) as of the write-off date, less those already in a batch. */
function itemsForCandidates(
  { tx, deps }: VerbContext,
  request: PrepareRequest,
): { items: DraftItem[]; skipped: number } {
  const candidates = candidatesOn(deps, request.writeOffDate);
  const inBatches = repository.loansInUnreleasedBatches(
    tx,
    candidates.map((candidate) => candidate.loan.loanId),
  );
  const items: DraftItem[] = [];
  for (const { loan, rules } of candidates) {
    if (inBatches.has(loan.loanId)) continue;
    const item = draftItem({ ...loan, rules }, request.reason);
    if (!('refusal' in item)) items.push(item);
  }
  return { items, skipped: inBatches.size };
}

/**
 * Prepares a draft write-off batch (核销) dated `writeOffDate`, from the charge-off candidates as of
 * that date or from explicit loan ids, with each loan's balances now and the reason, inside the
 * caller's transaction. Nothing is booked until the batch is approved and posted.
 * @throws Problem validation_failed for a future date, no loan to write off, or loans that cannot be
 */
export function prepareWriteOffBatch(ctx: VerbContext, request: PrepareRequest): PreparedBatch {
  const { tx, deps, actor } = ctx;
  if (request.writeOffDate > deps.clock.today())
    throw invalid(
      'json.writeOffDate',
      request.writeOffDate,
      'a write-off cannot be dated in the future',
    );
  const { items, skipped } = request.loanIds
    ? { items: itemsForLoanIds(ctx, { ...request, loanIds: request.loanIds }), skipped: 0 }
    : itemsForCandidates(ctx, request);
  if (items.length === 0)
    throw invalid(
      'json.writeOffDate',
      request.writeOffDate,
      `no charge-off candidate to write off as of ${request.writeOffDate}`,
    );
  const sum = (pick: (item: DraftItem) => Fen) => sumFen(items.map(pick));
  const batch = repository.insertBatch(tx, {
    writeOffDate: request.writeOffDate,
    state: 'draft',
    selection: request.loanIds ? 'loan_ids' : 'candidates',
    loanCount: items.length,
    principalFen: sum((item) => item.principalFen),
    interestFen: sum((item) => item.interestFen),
    feeFen: sum((item) => item.feeFen),
    penaltyFen: sum((item) => item.penaltyFen),
    preparedByUserId: actor.userId,
    preparedBy: actor.label,
    preparedAt: deps.clock.now(),
  });
  for (const item of items) repository.insertItem(tx, batch.id, item);
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'write_off_batch.prepared',
    targetType: 'write_off_batch',
    targetId: batch.id,
    detail: {
      writeOffDate: batch.writeOffDate,
      selection: batch.selection,
      loans: items.length,
      claimFen: sum(claimFen),
      skippedInOtherBatches: skipped,
    },
  });
  return { batch, skippedInOtherBatches: skipped };
}
