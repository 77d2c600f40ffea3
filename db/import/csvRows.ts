/**
 * Streamed CSV rows (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF).
 * Encoding: UTF-8 with or without BOM; a file that is not valid UTF-8 is read as GBK (GB18030),
 * the encoding Excel on a Chinese Windows saves "CSV" in.
 */
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { CellValue } from '../../core/import/cells';
import type { RawRow } from './xlsxRows';
import { TableRefusal } from './tableRefusal';

const SNIFF_BYTES = 64 * 1024;

/** UTF-8 unless the first bytes cannot be UTF-8 (a sequence cut by the sniff window's end is allowed). */
export function sniffEncoding(head: Uint8Array): 'utf-8' | 'gb18030' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function* decodedChunks(input: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (decoder === null) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SNIFF_BYTES) continue;
      const head = Buffer.concat(pending);
      pending = [];
      decoder = new TextDecoder(sniffEncoding(head), { fatal: true });
      yield decode(decoder, head, true);
      continue;
    }
    yield decode(decoder, chunk, true);
  }
  if (decoder === null) {
    const head = Buffer.concat(pending);
    decoder = new TextDecoder(sniffEncoding(head), { fatal: true });
    yield decode(decoder, head, true);
  }
  yield decode(decoder, new Uint8Array(0), false);
}

function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    // The decoder drops a UTF-8 BOM itself (ignoreBOM is false).
    return decoder.decode(bytes, { stream });
  } catch {
    throw new TableRefusal([
      { sheet: '', row: 0, column: '', value: decoder.encoding, reason: '文件编码无法识别：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入' },
    ]);
  }
}

function toCell(text: string): CellValue {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Comma-separated unless the first line has tabs and no commas (a sheet copied as text). */
function delimiterOf(firstText: string): string {
  const firstLine = firstText.slice(0, firstText.search(/\r|\n/) >>> 0);
  return !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
}

export async function* readCsvRows(input: Readable): AsyncGenerator<RawRow> {
  let delimiter: string | null = null;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false; // a quote inside a quoted field: either the close or the first of a doubled ""
  let skipLf = false;
  let record = 0;
  const emit = (): RawRow | null => {
    fields.push(field);
    field = '';
    record += 1;
    const cells = fields.map(toCell);
    fields = [];
    return cells.some((cell) => cell !== null) ? { sheet: '', row: record, cells, issues: [] } : null;
  };
  for await (const text of decodedChunks(input)) {
    if (delimiter === null) {
      if (text === '') continue;
      delimiter = delimiterOf(text);
    }
    let runStart = 0;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (skipLf) {
        skipLf = false;
        if (ch === '\n') {
          runStart = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (ch === '"') {
            field += '"';
            runStart = i + 1;
            continue;
          }
          quoted = false; // that quote closed the field; fall through to read ch unquoted
        } else {
          if (ch === '"') {
            field += text.slice(runStart, i);
            afterQuote = true;
            runStart = i + 1;
          }
          continue;
        }
      }
      if (ch === '"' && field === '' && i === runStart) {
        quoted = true;
        runStart = i + 1;
      } else if (ch === delimiter) {
        fields.push(field + text.slice(runStart, i));
        field = '';
        runStart = i + 1;
      } else if (ch === '\n' || ch === '\r') {
        field += text.slice(runStart, i);
        const row = emit();
        if (row) yield row;
        skipLf = ch === '\r';
        runStart = i + 1;
      }
    }
    if (quoted && !afterQuote) field += text.slice(runStart);
    else if (!quoted) field += text.slice(runStart);
  }
  if (field !== '' || fields.length > 0) {
    const row = emit();
    if (row) yield row;
  }
}
