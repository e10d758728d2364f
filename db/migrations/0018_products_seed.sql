-- The products lenders most often write on a personal-NPL tape, with the names and aliases they use
-- (codes as the demo book and the earlier rule packs spelt them). The lender extends the table
-- through POST /products and POST /products/{code}/aliases.
INSERT INTO products (code, name_zh, name_en, kind, created_at) VALUES
  ('consumer_loan', '消费贷', 'Consumer loan', 'unsecured_consumer_loan', '2026-12-07T00:00:00.000Z'),
  ('cash_loan', '现金贷', 'Cash loan', 'unsecured_consumer_loan', '2026-12-07T00:00:00.000Z'),
  ('credit_card', '信用卡', 'Credit card', 'credit_card_overdraft', '2026-12-07T00:00:00.000Z'),
  ('small_business', '小微经营贷', 'Small-business loan', 'small_business_credit', '2026-12-07T00:00:00.000Z'),
  ('mortgage', '个人住房贷款', 'Residential mortgage', 'secured_loan', '2026-12-07T00:00:00.000Z'),
  ('auto_loan', '汽车贷款', 'Auto loan', 'secured_loan', '2026-12-07T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO product_aliases (alias, product_code) VALUES
  ('consumer_loan', 'consumer_loan'), ('consumer loan', 'consumer_loan'), ('消费贷', 'consumer_loan'),
  ('消费贷款', 'consumer_loan'), ('个人消费贷款', 'consumer_loan'), ('消费信贷', 'consumer_loan'),
  ('cash_loan', 'cash_loan'), ('cash loan', 'cash_loan'), ('现金贷', 'cash_loan'), ('现金贷款', 'cash_loan'),
  ('小额现金贷', 'cash_loan'),
  ('credit_card', 'credit_card'), ('credit card', 'credit_card'), ('信用卡', 'credit_card'),
  ('信用卡透支', 'credit_card'), ('贷记卡', 'credit_card'),
  ('small_business', 'small_business'), ('small-business loan', 'small_business'),
  ('small business loan', 'small_business'), ('小微经营贷', 'small_business'), ('经营贷', 'small_business'),
  ('个人经营贷', 'small_business'), ('个人经营性贷款', 'small_business'),
  ('mortgage', 'mortgage'), ('residential mortgage', 'mortgage'), ('个人住房贷款', 'mortgage'),
  ('房贷', 'mortgage'), ('住房贷款', 'mortgage'),
  ('auto_loan', 'auto_loan'), ('auto loan', 'auto_loan'), ('汽车贷款', 'auto_loan'), ('车贷', 'auto_loan');
