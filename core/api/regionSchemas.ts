import { z } from 'zod';
import { DESCRIPTION_MAX, HOUSEHOLDS_MAX, NAME_MAX } from '../regions/records';
import { id, nonBlank } from './schemas';

// Codes are checked by core/regions (one set of rules and messages for every way in); here only their size.
const code = z.string().trim().max(15, { message: '编码不能超过 15 位' });
const households = z.number().int({ message: '户数应为整数' }).min(0).max(HOUSEHOLDS_MAX).nullable();
const description = z.string().trim().max(DESCRIPTION_MAX, { message: `不能超过 ${DESCRIPTION_MAX} 个字符` });

export const regionCreateInput = z.strictObject({
  parentId: id,
  code,
  name: nonBlank(NAME_MAX),
  households: households.optional(),
  description: description.optional(),
});

export const regionUpdateInput = z.strictObject({
  id,
  name: nonBlank(NAME_MAX),
  households: households.optional(),
  description: description.optional(),
});

export const regionMoveInput = z.strictObject({ id, parentId: id, code });

export const regionSetActiveInput = z.strictObject({ id, active: z.boolean() });

/** A GeoJSON file as text (up to the bridge's 16 MB body), and the properties holding code and name. */
export const regionImportInput = z.strictObject({
  text: z.string().min(1, { message: '文件为空' }).max(15_000_000, { message: '文件超过 15 MB' }),
  codeProperty: z.string().max(64).optional(),
  nameProperty: z.string().max(64).optional(),
});

/** `version`: the copy the client has; unchanged, the answer carries no map. A wall passes its display key. */
export const regionMapInput = z.strictObject({ key: z.string().max(64).optional(), version: z.string().max(64).optional() });
