-- Rebuilding `sales` (0017) dropped its triggers: the award still fixes its terms, and a sale is never deleted.
CREATE TRIGGER `sales_terms_fixed` BEFORE UPDATE ON `sales`
WHEN NEW.portfolio_id IS NOT OLD.portfolio_id OR NEW.buyer_organisation_id IS NOT OLD.buyer_organisation_id
  OR NEW.price_fen IS NOT OLD.price_fen OR NEW.claim_fen IS NOT OLD.claim_fen OR NEW.loan_count IS NOT OLD.loan_count
  OR NEW.cut_off_date IS NOT OLD.cut_off_date OR NEW.contract_effective_date IS NOT OLD.contract_effective_date
  OR NEW.delivery_date IS NOT OLD.delivery_date OR NEW.put_back_window_days IS NOT OLD.put_back_window_days
  OR NEW.bid_id IS NOT OLD.bid_id OR NEW.award_kind IS NOT OLD.award_kind
BEGIN
  SELECT RAISE(ABORT, 'a sale''s terms are fixed at the award');
END;
--> statement-breakpoint
CREATE TRIGGER `sales_no_delete` BEFORE DELETE ON `sales`
BEGIN
  SELECT RAISE(ABORT, 'sales cannot be deleted');
END;
--> statement-breakpoint
-- Settlement fixes what was sold (after the bring-down); a cancelled sale stays cancelled.
CREATE TRIGGER `sales_settled_fixed` BEFORE UPDATE ON `sales`
WHEN (OLD.settled_price_fen IS NOT NULL AND (NEW.settled_price_fen IS NOT OLD.settled_price_fen
  OR NEW.settled_claim_fen IS NOT OLD.settled_claim_fen OR NEW.settled_loan_count IS NOT OLD.settled_loan_count))
  OR (OLD.status = 'cancelled' AND (NEW.status IS NOT OLD.status OR NEW.cancelled_at IS NOT OLD.cancelled_at
  OR NEW.cancel_reason IS NOT OLD.cancel_reason))
BEGIN
  SELECT RAISE(ABORT, 'a settled sale''s figures and a cancelled sale are final');
END;
--> statement-breakpoint
CREATE TRIGGER `sale_exits_no_update` BEFORE UPDATE ON `sale_exits`
BEGIN
  SELECT RAISE(ABORT, 'sale_exits are final: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `sale_exits_no_delete` BEFORE DELETE ON `sale_exits`
BEGIN
  SELECT RAISE(ABORT, 'sale_exits are final: rows cannot be deleted');
END;
--> statement-breakpoint
-- Sales settled before: what they sold is their whole allocation; accepted put-backs left them.
INSERT INTO `sale_exits` (sale_id, loan_id, kind, reason, exit_date, claim_fen, price_fen, refund_fen)
SELECT p.sale_id, p.loan_id, 'put_back', p.reason, substr(p.decided_at, 1, 10), a.claim_fen, a.price_fen, coalesce(p.refund_fen, 0)
  FROM put_backs p JOIN sale_allocations a ON a.sale_id = p.sale_id AND a.loan_id = p.loan_id
 WHERE p.status = 'accepted';
--> statement-breakpoint
UPDATE `sales` SET settled_price_fen = price_fen, settled_claim_fen = claim_fen, settled_loan_count = loan_count,
  refunds_fen = coalesce((SELECT sum(x.refund_fen) FROM sale_exits x WHERE x.sale_id = sales.id AND x.kind = 'put_back'), 0),
  put_back_claim_fen = coalesce((SELECT sum(x.claim_fen) FROM sale_exits x WHERE x.sale_id = sales.id AND x.kind = 'put_back'), 0),
  put_back_count = (SELECT count(*) FROM sale_exits x WHERE x.sale_id = sales.id AND x.kind = 'put_back')
 WHERE status = 'settled';
