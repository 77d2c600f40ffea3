/**
 * Password hashing runs on libuv's small thread pool (4 threads), which SQLite's queries
 * share. A flood of logins would queue scrypt jobs ahead of every query and stall the whole
 * app, so hashes run one at a time and a flood beyond a short queue is refused outright.
 */
const MAX_WAITING = 32;

let running = false;
const waiting: (() => void)[] = [];

export class HashQueueFull extends Error {
  constructor() {
    super('too many password checks waiting');
  }
}

export async function oneHashAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running) {
    if (waiting.length >= MAX_WAITING) throw new HashQueueFull();
    await new Promise<void>((resume) => waiting.push(resume));
  }
  running = true;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running = false;
  }
}
