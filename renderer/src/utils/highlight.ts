export interface TextSegment {
  text: string;
  hit: boolean;
}

/** Splits text into runs, marking every occurrence of the given words (longest first, so 燃气泄漏 wins over 燃气). */
export function highlightSegments(text: string, words: readonly string[]): TextSegment[] {
  const wanted = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text === '') return [{ text, hit: false }];
  const segments: TextSegment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const word = wanted.find((w) => text.startsWith(w, i));
    if (word) {
      if (plain) segments.push({ text: plain, hit: false });
      plain = '';
      segments.push({ text: word, hit: true });
      i += word.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) segments.push({ text: plain, hit: false });
  return segments;
}
