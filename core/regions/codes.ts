/**
 * The 15-digit region code convention: 6 district + 3 street + 3 community + 3 grid digits
 * (e.g. 500112 003 001 001). A child's code extends its parent's by one 3-digit segment, so
 * the level and the parent follow from the code itself.
 */
import type { RegionLevel } from '../api/types';

export const REGION_LEVELS: readonly RegionLevel[] = ['district', 'street', 'community', 'grid'];

export const CODE_LENGTH: Record<RegionLevel, number> = { district: 6, street: 9, community: 12, grid: 15 };

export const LEVEL_LABELS: Record<RegionLevel, string> = { district: '区县', street: '街道', community: '社区', grid: '网格' };

const LEVEL_BY_LENGTH = new Map<number, RegionLevel>(REGION_LEVELS.map((level) => [CODE_LENGTH[level], level]));

/** The level under each level (grids have none). */
export const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = { district: 'street', street: 'community', community: 'grid', grid: null };

export type CodeCheck = { ok: true; level: RegionLevel; parentCode: string | null } | { ok: false; reason: string };

/** What a code says about itself: its level and its parent's code, or why it is not a region code. */
export function parseRegionCode(code: string): CodeCheck {
  if (code === '') return { ok: false, reason: '编码为空' };
  if (!/^\d+$/.test(code)) return { ok: false, reason: `编码「${code}」只能由数字组成` };
  const level = LEVEL_BY_LENGTH.get(code.length);
  if (!level) return { ok: false, reason: `编码「${code}」有 ${code.length} 位，应为 6 位（区县）、9 位（街道）、12 位（社区）或 15 位（网格）` };
  if (level !== 'district') {
    const segment = code.slice(-3);
    if (segment === '000') return { ok: false, reason: `编码「${code}」的${LEVEL_LABELS[level]}段不能为 000` };
  }
  return { ok: true, level, parentCode: level === 'district' ? null : code.slice(0, code.length - 3) };
}

/** Codes in a GeoJSON property or a spreadsheet cell may be numbers; 15 digits still fit a double exactly. */
export function codeFromValue(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

/** The next free code under a parent: its largest child segment plus one, or null when all 999 are used. */
export function nextChildCode(parentCode: string, takenCodes: Iterable<string>): string | null {
  const prefix = parentCode;
  let highest = 0;
  for (const code of takenCodes) {
    if (code.length === prefix.length + 3 && code.startsWith(prefix)) highest = Math.max(highest, Number(code.slice(-3)));
  }
  return highest >= 999 ? null : `${prefix}${String(highest + 1).padStart(3, '0')}`;
}
