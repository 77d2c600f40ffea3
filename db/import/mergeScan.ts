/**
 * exceljs's streaming worksheet reader drops <mergeCell> elements, and they come after the rows
 * in the sheet XML. This watches the sheet's XML chunks as exceljs reads them (no second pass)
 * and collects the merged ranges, so the reader can refuse a merged header when the sheet ends.
 */
const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
/** Longest tail of a chunk that may hold the start of a <mergeCell ...> cut by the chunk edge. */
const CARRY = 200;

export async function* scanMergedRanges(chunks: AsyncIterable<Buffer | string>, found: string[]): AsyncGenerator<Buffer | string> {
  let carry = '';
  for await (const chunk of chunks) {
    // latin1 keeps byte offsets; the ranges and tag names are ASCII.
    const text = carry + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    if (text.includes('mergeCell')) {
      let lastEnd = 0;
      for (const match of text.matchAll(MERGE_CELL)) {
        if (match.index + match[0].length > carry.length) found.push(match[1]!);
        lastEnd = match.index + match[0].length;
      }
      carry = text.slice(Math.max(lastEnd, text.length - CARRY));
    } else {
      carry = text.slice(-CARRY);
    }
    yield chunk;
  }
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): CellRange {
  const [from, to = from] = ref.split(':') as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to!);
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

function parseAddress(address: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}
