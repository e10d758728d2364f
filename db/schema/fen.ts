declare const fenBrand: unique symbol;

/**
 * Integer fen (minor units of CNY). Made only by parseFen, asFen, the rounding rules and the
 * database's money columns (`*_fen`, typed `.$type<Fen>()`). The brand lives here, below `src`, so
 * the schema and the domain share ONE type: `src/shared/money.ts` re-exports it with its makers.
 * Arithmetic on Fen yields a plain number, which becomes money again only through a checked maker.
 */
export type Fen = number & { readonly [fenBrand]: true };

/** No money: the default of the balance columns. The one cast outside `asFen`, of a literal 0. */
export const ZERO_FEN = 0 as Fen;
