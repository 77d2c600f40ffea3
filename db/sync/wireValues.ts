/**
 * Row values on the wire are JSON. SQLite hands blobs (attachments' photos) back as Buffers, which JSON
 * cannot carry, so they travel as `{ "$base64": "…" }` and are turned back into bytes on arrival.
 */
type Row = Record<string, unknown>;

export function rowToWire(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value;
  return out;
}

export function valueFromWire(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { $base64?: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Equal as stored values (a Buffer against a Buffer by bytes). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return a === b;
}
