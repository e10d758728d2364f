/**
 * The folded form of a product name, as aliases are stored and looked up: Unicode NFKC (full-width
 * `ＣＡＳＨ` and half-width forms become plain), trimmed, inner runs of white space made one space,
 * lower case. Lenders write one product many ways (`信用卡`, ` Credit Card `, `credit_card`); the
 * fold makes the spellings that differ only in width, case and spacing one key.
 * @example productKey(' Credit  Card ') // 'credit card'
 * @example productKey('ＣＡＳＨ　ＬＯＡＮ') // 'cash loan'
 */
export function productKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
