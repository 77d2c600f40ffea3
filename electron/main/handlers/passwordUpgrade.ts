import { hashPassword, needsRehash } from '../../../db/repositories/users';
import type { Backend } from '../backend';

/**
 * After a sign-in has proven the password: a hash made at a lower cost than today's (the demo
 * accounts, older parameters) is replaced by one at the full cost, with a new salt.
 */
export async function rehashIfCheap(backend: Backend, userId: string, password: string, stored: string): Promise<void> {
  if (!needsRehash(stored)) return;
  const passwordHash = await hashPassword(password);
  // The sign-in stands either way: the stronger hash is written at the next sign-in if not now.
  await backend.writePath.transaction((tx) => tx.update('users', userId, { password_hash: passwordHash })).catch(() => undefined);
}
