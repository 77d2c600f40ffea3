import { idCheckCharacter } from '../../core/registry/access';
import type { TestBackend } from './backend';

/** A valid ID number (correct check character) from a serial: 500112 19800101 + 3 digits. */
export function testIdNumber(serial: number): string {
  const first17 = `50011219800101${String(serial % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export async function gridIdOf(t: TestBackend, code: string): Promise<string> {
  const row = (await t.backend.knex('regions').where({ code }).first('id')) as { id: string };
  return row.id;
}

export function caller(t: TestBackend) {
  return {
    async call<T>(method: string, input: unknown, token: string): Promise<T> {
      const response = await t.dispatch(method, input, token);
      if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
      return response.result as T;
    },
    async refusal(method: string, input: unknown, token: string) {
      const response = await t.dispatch(method, input, token);
      if (response.ok) throw new Error(`${method} should have been refused`);
      return response.error;
    },
  };
}
