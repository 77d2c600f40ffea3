import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A node token: 256 random bits. Only its sha256 is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

// No 0/O, 1/I/L: read aloud over the phone and typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An enrolment code: 10 characters from a 31-letter alphabet (~49 bits), single use and short-lived. */
export function newEnrolCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export const normaliseCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();
