/** The office's password policy; each rule's message is shown to the user as is. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The first rule a password breaks (Chinese), or null when it may be used. */
export function passwordFault(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (/\s/.test(password)) return '密码不能包含空格';
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}
