// Character classes over Unicode: « é » is a letter and a lower-case letter, « É » an upper-case
// one; a symbol is anything that is neither a letter nor a digit (punctuation, space, emoji…).
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const SYMBOL = /[^\p{L}\p{Nd}]/u;

export const hasLetter = (s: string): boolean => LETTER.test(s);
export const hasDigit = (s: string): boolean => DIGIT.test(s);
export const hasUpper = (s: string): boolean => UPPER.test(s);
export const hasLower = (s: string): boolean => LOWER.test(s);
export const hasSymbol = (s: string): boolean => SYMBOL.test(s);
