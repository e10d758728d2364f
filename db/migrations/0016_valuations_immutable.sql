-- A stored valuation is the record of a price: the same inputs and seed must give its numbers
-- again, so no one may rewrite or remove one.
CREATE TRIGGER `valuations_no_update` BEFORE UPDATE ON `valuations`
BEGIN
  SELECT RAISE(ABORT, 'valuations are immutable: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `valuations_no_delete` BEFORE DELETE ON `valuations`
BEGIN
  SELECT RAISE(ABORT, 'valuations are immutable: rows cannot be deleted');
END;
