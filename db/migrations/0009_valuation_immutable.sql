-- Curve sets and back-tests are records of what was fitted and forecast: a valuation that names
-- a curve set must always be reproducible, so no one may rewrite or remove one.
CREATE TRIGGER `curve_sets_no_update` BEFORE UPDATE ON `curve_sets`
BEGIN
  SELECT RAISE(ABORT, 'curve_sets are immutable: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `curve_sets_no_delete` BEFORE DELETE ON `curve_sets`
BEGIN
  SELECT RAISE(ABORT, 'curve_sets are immutable: rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `backtests_no_update` BEFORE UPDATE ON `backtests`
BEGIN
  SELECT RAISE(ABORT, 'backtests are immutable: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `backtests_no_delete` BEFORE DELETE ON `backtests`
BEGIN
  SELECT RAISE(ABORT, 'backtests are immutable: rows cannot be deleted');
END;
