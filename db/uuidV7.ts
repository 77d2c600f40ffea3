import { randomFillSync } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562) with the `uuid` package's layout and monotonic counter, but with its
 * random bytes taken from a pool filled by the same CSPRNG 4 KB at a time. `uuid`'s v7 asks
 * WebCrypto for 16 bytes per id, and that call cost about 3.5 % of a history import (ten ids
 * per case). The ids are as unguessable as before: every byte still comes from the OS CSPRNG,
 * and no byte is used twice.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolAt = POOL_BYTES;

const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

// The same state rules as uuid's updateV7State: a 31-bit counter seeded at random each new
// millisecond, incremented within one, and borrowing the next millisecond when it wraps.
let lastMsecs = -Infinity;
let seq = 0;

export function newUuidV7(): string {
  if (poolAt + 16 > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const r = poolAt;
  poolAt += 16;
  const now = Date.now();
  if (now > lastMsecs) {
    seq = ((pool[r + 6]! & 0x7f) << 24) | (pool[r + 7]! << 16) | (pool[r + 8]! << 8) | pool[r + 9]!;
    lastMsecs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMsecs += 1;
  }
  const msecs = lastMsecs;
  return (
    HEX[(msecs / 0x10000000000) & 0xff]! + HEX[(msecs / 0x100000000) & 0xff]! + HEX[(msecs / 0x1000000) & 0xff]! + HEX[(msecs / 0x10000) & 0xff]! + '-' +
    HEX[(msecs / 0x100) & 0xff]! + HEX[msecs & 0xff]! + '-' +
    HEX[0x70 | ((seq >>> 28) & 0x0f)]! + HEX[(seq >>> 20) & 0xff]! + '-' +
    HEX[0x80 | ((seq >>> 14) & 0x3f)]! + HEX[(seq >>> 6) & 0xff]! + '-' +
    HEX[((seq << 2) & 0xff) | (pool[r + 10]! & 0x03)]! + HEX[pool[r + 11]!]! + HEX[pool[r + 12]!]! + HEX[pool[r + 13]!]! + HEX[pool[r + 14]!]! + HEX[pool[r + 15]!]!
  );
}
