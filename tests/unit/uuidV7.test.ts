import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newUuidV7 } from '../../db/uuidV7';

describe('pooled UUIDv7 ids', () => {
  it('are valid version-7 UUIDs, all different, and sort in the order they were made', () => {
    const ids = Array.from({ length: 20_000 }, newUuidV7);
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carry the time they were made in their first 48 bits', () => {
    const before = Date.now();
    const id = newUuidV7();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
