import { describe, expect, it } from 'vitest';
import { cellToDate, excelSerialToDate, parseDateText } from '../../core/import/cellDates';
import { cellText } from '../../core/import/cells';
import { columnLetter } from '../../core/import/report';

const at = (wall: string) => new Date(`${wall}+08:00`);

describe('dates in imported cells are office wall-clock time', () => {
  it.each([
    ['2025-03-04', '2025-03-04T00:00:00'],
    ['2025/3/4 8:30', '2025-03-04T08:30:00'],
    ['2025.03.04 08:30:15', '2025-03-04T08:30:15'],
    ['2025-03-04T08:30', '2025-03-04T08:30:00'],
    ['2025年3月4日', '2025-03-04T00:00:00'],
    ['2025年3月4日 14时05分', '2025-03-04T14:05:00'],
    ['2025年3月4日14时05分30秒', '2025-03-04T14:05:30'],
    ['20250304', '2025-03-04T00:00:00'],
    ['20250304 1405', '2025-03-04T14:05:00'],
    ['45720.75', '2025-03-04T18:00:00'],
  ])('text %s', (text, wall) => {
    expect(parseDateText(text)).toEqual(at(wall));
  });

  it.each(['2025-02-30', '2025-13-01', '2025-03-04 24:00', '下周一', '3/4', '12', ''])('refuses %s', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('serials: whole seconds despite float noise, 1904 system, out of range refused', () => {
    expect(excelSerialToDate(45720 + 8.5 / 24 - 1e-9)).toEqual(at('2025-03-04T08:30:00'));
    expect(excelSerialToDate(45720 - 1462, true)).toEqual(at('2025-03-04T00:00:00'));
    expect(excelSerialToDate(3_000_000)).toBeNull();
    expect(excelSerialToDate(-1)).toBeNull();
  });

  it('a date cell from exceljs carries the wall clock as UTC', () => {
    expect(cellToDate(new Date(Date.UTC(2025, 2, 4, 8, 30)))).toEqual(at('2025-03-04T08:30:00'));
    expect(cellToDate(true)).toBeNull();
  });
});

describe('cell text and column letters', () => {
  it('numbers read as the text a person typed', () => {
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(null)).toBe('');
  });
  it('letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
