/**
 * Phone-like and ID-number-like sequences in free text (descriptions, notes, addresses):
 * mobiles with or without spaces or dashes and a +86/0086 prefix (139 8765 4321), landlines
 * with an area code (023-67891234, (023)6789 1234), the 18- and 15-digit resident ID numbers,
 * any other run of 11 or more digits (bank cards), and any number of 5 or more digits right
 * after a word that says it is a number to call (电话、手机、联系、tel). Dates, case numbers
 * (20261128-0042), house numbers and amounts do not match.
 */
const SEP = '[\\s\\-－—.·]?';
const PREFIX = `(?:(?:\\+|00)\\s?86${SEP})?`;
const MOBILE = `${PREFIX}1[3-9]\\d(?:${SEP}\\d){8}`;
const LANDLINE = `${PREFIX}(?:[(（]0\\d{2,3}[)）]|0\\d{2,3})${SEP}[2-9]\\d{2,3}${SEP}\\d{4}(?:\\s?(?:转|-|ext\\.?)\\s?\\d{1,5})?`;
const RESIDENT_ID = `\\d{6}${SEP}(?:19|20)\\d{2}${SEP}\\d{4}${SEP}\\d{3}[\\dXx]`;
const LONG_DIGITS = '\\d(?:\\s?\\d){10,}';
const AFTER_CALL_WORD = '(?<=(?:电话|手机|联系|号码|座机|热线|tel|TEL|Tel)[^\\d]{0,4})\\d(?:[\\s\\-]?\\d){4,}';

const SENSITIVE = new RegExp(`(?<![\\dA-Za-z])(?:${RESIDENT_ID}|${MOBILE}|${LANDLINE}|${LONG_DIGITS})(?![\\d])|${AFTER_CALL_WORD}`, 'g');

/** Every digit but the last four becomes *, separators stay: 139 8765 4321 → *** **** 4321. */
function maskDigits(match: string): string {
  const total = match.replace(/\D/g, '').length;
  let seen = 0;
  return match.replace(/\d/g, (d) => (++seen > total - 4 ? d : '*'));
}

export function maskFreeText(text: string): string {
  return text.replace(SENSITIVE, maskDigits);
}
