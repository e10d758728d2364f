/**
 * Text as it may stand in XML 1.0, in element content and in double-quoted attributes.
 *
 * XML 1.0 forbids the control characters other than tab, line feed and carriage return, U+FFFE,
 * U+FFFF and unpaired surrogates: a part holding one is not well formed and Excel refuses the whole
 * file, so they are dropped. A carriage return is written as `&#13;` because parsers turn a literal
 * one into a line feed.
 */

/** Anything that needs more than copying: checked first, as almost all text passes as it is. */
const NEEDS_WORK = /[\u0000-\u001F"&<>\uD800-\uDFFF\uFFFE\uFFFF]/;
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPED = /["&<>\r]/g;
const ENTITIES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

/** `text` without the characters XML 1.0 forbids. */
export function withoutIllegalXmlCharacters(text: string): string {
  return MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL, '') : text;
}

/**
 * `text` escaped for XML, illegal characters dropped.
 * @example xmlText('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return withoutIllegalXmlCharacters(text).replace(
    ESCAPED,
    (character) => ENTITIES[character] ?? character,
  );
}
