import { z } from 'zod';
import { ONBOARDING_KINDS } from '../import/onboarding/columns';

/** 10 MB of file (the reader's limit) is about 13.4 million base64 characters; the bridge takes 16 MB bodies. */
const BASE64_MAX = 14_000_000;

export const onboardingKind = z.enum(ONBOARDING_KINDS, { message: '导入类型不正确' });

export const onboardingTemplateInput = z.strictObject({ kind: onboardingKind });

export const onboardingFileInput = z.strictObject({
  kind: onboardingKind,
  fileName: z.string().trim().min(1, { message: '缺少文件名' }).max(255, { message: '文件名过长' }),
  dataBase64: z.string().min(1, { message: '文件是空的' }).max(BASE64_MAX, { message: '文件超过 10 MB：请分成几个文件导入' }),
  /** New accounts' initial password (users only): each must change it at first login. */
  initialPassword: z.string().max(128).optional(),
});
