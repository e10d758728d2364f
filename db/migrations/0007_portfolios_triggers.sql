-- Membership and snapshot of a portfolio are frozen once it leaves draft: only the screening
-- verdict and the active mark may change after that. (Rows are added only by the service, which
-- checks the portfolio is a draft: an INSERT trigger would make SQLite write every million-row
-- snapshot to a temporary table before inserting it, a tenth of the time of creating a portfolio.)
CREATE TRIGGER `portfolio_loans_frozen_delete` BEFORE DELETE ON `portfolio_loans`
WHEN (SELECT `status` FROM `portfolios` WHERE `id` = OLD.`portfolio_id`) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'portfolio_loans: loans can be removed only from a draft portfolio');
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_loans_frozen_snapshot` BEFORE UPDATE OF
  `portfolio_id`, `loan_id`, `borrower_id`, `product`, `province`, `origination_date`, `charge_off_date`, `charge_off_fen`,
  `principal_fen`, `interest_fen`, `fee_fen`, `penalty_fen`, `claim_fen`, `collected_fen`, `last_payment_date`, `last_payment_fen`,
  `dpd_at_charge_off`, `dpd_at_cut_off`, `months_since_charge_off`, `months_since_last_payment`, `birth_date`,
  `borrower_age_years`, `placement_stage`, `litigation_status` ON `portfolio_loans`
WHEN (SELECT `status` FROM `portfolios` WHERE `id` = OLD.`portfolio_id`) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'portfolio_loans: the snapshot of a portfolio that has left draft cannot change');
END;
--> statement-breakpoint
-- A loan let go by a withdrawn, closed or split portfolio is never taken back by it.
CREATE TRIGGER `portfolio_loans_no_reactivation` BEFORE UPDATE OF `active` ON `portfolio_loans`
WHEN OLD.`active` = 0 AND NEW.`active` = 1
BEGIN
  SELECT RAISE(ABORT, 'portfolio_loans: an inactive membership cannot become active again');
END;
