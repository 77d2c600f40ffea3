/**
 * Yields the same bytes, cut only between UTF-8 characters. exceljs decodes each zip chunk
 * on its own (utils/parse-sax.js), so a Chinese character split across two chunks came out
 * as "视��监控"; whole characters per chunk avoid that.
 */
export async function* wholeUtf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const piece of source) {
    const chunk = carry.length > 0 ? Buffer.concat([carry, Buffer.from(piece)]) : Buffer.from(piece);
    // Back up over continuation bytes (10xxxxxx) to the start of the last character; keep it if incomplete.
    let start = chunk.length - 1;
    while (start >= 0 && start > chunk.length - 4 && (chunk[start]! & 0xc0) === 0x80) start -= 1;
    const lead = chunk[start] ?? 0;
    const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    const cut = start >= 0 && chunk.length - start < needed ? start : chunk.length;
    carry = chunk.subarray(cut);
    if (cut > 0) yield chunk.subarray(0, cut);
  }
  if (carry.length > 0) yield carry;
}
