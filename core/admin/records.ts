/**
 * Shared rules for the records an office keeps about its people and units, whichever way they
 * come in (an admin's form, an Excel row): one fault shape and the field checks they share.
 */

export interface RecordFault {
  /** Position of the record in the batch, from 0 (screens show it from 1). */
  index: number;
  /** The record's code or username, as given. */
  key: string;
  field: string;
  /** Chinese, shown as is. */
  reason: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
// Hotlines such as 12345 or 110, and service numbers such as 95598.
const SERVICE = /^(1\d{2}|[19]\d{4})$/;

/**
 * Phone numbers as people write them: spaces and the +86 prefix are dropped; a mobile written in
 * groups (138-2318-6724, as the shipped organisations list has them) loses its dashes.
 */
export function normalisePhone(raw: string): string {
  const phone = raw.replace(/[\s\u3000]/g, '').replace(/^(\+86|0086)/, '').replace(/[－—]/g, '-');
  const undashed = phone.replace(/-/g, '');
  return MOBILE.test(undashed) ? undashed : phone;
}

/** Null when the phone (already normalised) is empty or looks like a mobile, a landline or a service number. */
export function phoneFault(phone: string): string | null {
  if (phone === '' || MOBILE.test(phone) || LANDLINE.test(phone) || SERVICE.test(phone)) return null;
  return `电话号码"${phone}"格式不对（手机 11 位，座机如 023-67891234）`;
}

/** Department and organisation codes: letters, digits, - and _ , up to 16. */
export function unitCodeFault(code: string): string | null {
  if (code === '') return '编码为空';
  if (code.length > 16) return '编码超过 16 位';
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return '编码只能包含字母、数字、- 和 _';
  return null;
}

export function textFault(label: string, value: string, max: number, required = false): string | null {
  if (required && value.trim() === '') return `${label}为空`;
  if (value.length > max) return `${label}超过 ${max} 个字`;
  return null;
}

/** Faults of keys repeated within one batch (the first occurrence is fine, each repeat is reported). */
export function duplicateKeyFaults(keys: readonly string[], field: string, label: string): RecordFault[] {
  const first = new Map<string, number>();
  const faults: RecordFault[] = [];
  keys.forEach((key, index) => {
    const norm = key.trim().toLowerCase();
    if (norm === '') return;
    const seen = first.get(norm);
    if (seen === undefined) first.set(norm, index);
    else faults.push({ index, key, field, reason: `${label}"${key}"与第 ${seen + 1} 条重复` });
  });
  return faults;
}
