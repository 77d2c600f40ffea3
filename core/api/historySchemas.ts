import { z } from 'zod';
import { HISTORY_FIELDS } from '../import/history/fields';
import { nonBlank } from './schemas';

/** The HTTP bridge takes 16 MB bodies: a base64 file of up to 12 MB. Larger histories: split the file. */
export const MAX_HISTORY_FILE_BYTES = 12 * 1024 * 1024;

const file = {
  name: nonBlank(200).refine((n) => /\.(xlsx|csv|xls)$/i.test(n), { message: '只能导入 .xlsx 或 .csv 文件' }),
  dataBase64: z
    .string()
    .min(1, { message: '文件是空的' })
    .max(Math.ceil((MAX_HISTORY_FILE_BYTES * 4) / 3) + 4, { message: '文件超过 12 MB，请分成几个文件分别导入' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: '文件数据格式不正确' }),
};

export const historyMapping = z.partialRecord(z.enum(HISTORY_FIELDS), z.string().max(100));

export const historyInspectInput = z.strictObject(file);
export const historyRunInput = z.strictObject({ ...file, mapping: historyMapping, dryRun: z.boolean() });
