-- A buyer's status is one of a closed list (a trigger, because a CHECK added to an existing table
-- would rebuild the table that users and offers point to).
CREATE TRIGGER `buyer_organisations_status_insert` BEFORE INSERT ON `buyer_organisations`
WHEN NEW.status NOT IN ('pending', 'approved', 'suspended')
BEGIN
  SELECT RAISE(ABORT, 'buyer_organisations.status must be pending, approved or suspended');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_organisations_status_update` BEFORE UPDATE OF status ON `buyer_organisations`
WHEN NEW.status NOT IN ('pending', 'approved', 'suspended')
BEGIN
  SELECT RAISE(ABORT, 'buyer_organisations.status must be pending, approved or suspended');
END;
--> statement-breakpoint
-- A sealed bid is never changed or withdrawn silently: a later bid supersedes it.
CREATE TRIGGER `bids_no_update` BEFORE UPDATE ON `bids`
BEGIN
  SELECT RAISE(ABORT, 'bids are sealed: rows cannot be updated; submit a new bid');
END;
--> statement-breakpoint
CREATE TRIGGER `bids_no_delete` BEFORE DELETE ON `bids`
BEGIN
  SELECT RAISE(ABORT, 'bids are sealed: rows cannot be deleted');
END;
--> statement-breakpoint
-- The award fixes the buyer, the price, the dates and the allocation: they never change after.
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
CREATE TRIGGER `sale_allocations_no_update` BEFORE UPDATE ON `sale_allocations`
BEGIN
  SELECT RAISE(ABORT, 'sale_allocations are fixed at the award: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `sale_allocations_no_delete` BEFORE DELETE ON `sale_allocations`
BEGIN
  SELECT RAISE(ABORT, 'sale_allocations are fixed at the award: rows cannot be deleted');
END;
