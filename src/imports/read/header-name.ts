/**
 * The form headers are compared in: no byte-order mark, lower case, a trailing unit in brackets
 * dropped ("放款金额（元）" → "放款金额"), runs of spaces and dashes as `_` ("Loan ID" → "loan_id").
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[(（][^()（）]*[)）]$/, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
