/**
 * The UTF-16 code units the read side's char scans compare with, named once for the exact parser (./parse.ts), the
 * fast path's scans (./fast-path.ts) and the count-first list reader (./number-list.ts). `char | 0x20` lowers an
 * ASCII letter (the case bit), so `(char | 0x20) === E_LOWER` is `e` or `E`. Each of those modules binds the names it
 * uses to constants of its own (`const { COMMA, … } = charCodes`): tsc's CommonJS output reads a named import through
 * the module object at each use (`char_codes_1.COMMA`); each says what that measured.
 */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const PLUS = 43;
export const COMMA = 44;
export const MINUS = 45;
export const DOT = 46;
export const SLASH = 47;
export const D0 = 48;
export const D1 = 49;
export const D2 = 50;
export const D7 = 55;
export const D9 = 57;
export const COLON = 58;
export const I_UPPER = 73;
export const N_UPPER = 78;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const UNDERSCORE = 95;
export const A_LOWER = 97;
export const B_LOWER = 98;
export const E_LOWER = 101;
export const F_LOWER = 102;
export const N_LOWER = 110;
export const R_LOWER = 114;
export const T_LOWER = 116;
export const U_LOWER = 117;
export const Z_LOWER = 122;
export const LBRACE = 123;
export const RBRACE = 125;
