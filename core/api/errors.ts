export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_MOVE',
  'BAD_CREDENTIALS',
  'PASSWORD_CHANGE_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  /** Always Chinese: it is shown to the user as is. */
  message: string;
  issues?: FieldIssue[];
}

export type ApiResponse<R> = { ok: true; result: R } | { ok: false; error: ApiErrorBody };

/** Thrown by handlers and core; the dispatcher turns it into an error response. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const GENERIC_MESSAGES: Record<ErrorCode, { zh: string; en: string }> = {
  VALIDATION_FAILED: { zh: '输入有误', en: 'Invalid input' },
  UNKNOWN_METHOD: { zh: '未知的操作', en: 'Unknown operation' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  NOT_FOUND: { zh: '记录不存在', en: 'Not found' },
  CONFLICT: { zh: '数据已被他人修改，请刷新后重试', en: 'Changed by someone else; reload and retry' },
  INVALID_MOVE: { zh: '当前状态下不能执行此操作', en: 'Not allowed in the current state' },
  BAD_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  PASSWORD_CHANGE_REQUIRED: { zh: '请先修改初始密码后再使用系统', en: 'Change your initial password first' },
  INTERNAL: { zh: '系统内部错误，请联系管理员', en: 'Internal error; contact the administrator' },
};
