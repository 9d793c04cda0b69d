/**
 * Code point ranges that East Asian input methods produce as full-width
 * (Unicode East Asian Width W/F), as data. A full-width "Ｐ" or "！" looks
 * like its ASCII twin but is a different character, which is exactly why
 * the policy refuses it with its own reason instead of "symbol not allowed".
 */
const wideRanges: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (incl. U+3000 ideographic space)
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // Fullwidth ASCII variants (Ａ, ｚ, ０, ！, ＄...)
  [0xffe0, 0xffe6], // Fullwidth signs (￠ ￡ ￥ ...)
  [0x1f300, 0x1f64f], // Emoji: pictographs, emoticons
  [0x1f900, 0x1f9ff], // Emoji: supplemental symbols and pictographs
  [0x20000, 0x3fffd], // CJK extensions B and beyond
];

export function isWideCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return wideRanges.some(([from, to]) => code >= from && code <= to);
}
