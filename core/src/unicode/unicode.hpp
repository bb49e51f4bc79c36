// Unicode character properties and UTF-8 helpers for the core. The property tables are
// generated at build time from Debian's unicode-data files (core/data/gen/unicode.mjs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace precis::unicode {

// Same order as GC in core/data/gen/unicode.mjs.
enum class GeneralCategory : std::uint8_t {
  Cn, Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me, Nd, Nl, No, Pc, Pd, Ps, Pe, Pi, Pf, Po,
  Sm, Sc, Sk, So, Zs, Zl, Zp, Cc, Cf, Cs, Co
};

GeneralCategory category(char32_t cp);

// Scripts (Scripts.txt) that the language detector tells apart; all others are Other.
// Same order as SCRIPTS in core/data/gen/unicode.mjs.
enum class Script : std::uint8_t {
  Other, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Gurmukhi,
  Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar,
  Georgian, Hangul, Ethiopic, Khmer, Hiragana, Katakana, Han, kCount
};
Script script(char32_t cp);
std::string_view category_name(GeneralCategory gc);

// Inline for ASCII, which every stage asks about; the rest from the category table.
bool is_letter_multibyte(char32_t cp);
bool is_upper_multibyte(char32_t cp);
bool is_lower_multibyte(char32_t cp);
bool is_digit_multibyte(char32_t cp);
bool is_word_char_multibyte(char32_t cp);
// L*
inline bool is_letter(char32_t cp) {
  return cp < 0x80 ? static_cast<std::uint32_t>((cp | 0x20) - 'a') < 26 : is_letter_multibyte(cp);
}
// Lu, Lt
inline bool is_upper(char32_t cp) { return cp < 0x80 ? cp - 'A' < 26 : is_upper_multibyte(cp); }
// Ll
inline bool is_lower(char32_t cp) { return cp < 0x80 ? cp - 'a' < 26 : is_lower_multibyte(cp); }
// Nd
inline bool is_digit(char32_t cp) { return cp < 0x80 ? cp - '0' < 10 : is_digit_multibyte(cp); }
// Letters, marks, numbers and connector punctuation: what words are made of.
inline bool is_word_char(char32_t cp) {
  return cp < 0x80 ? is_letter(cp) || cp - '0' < 10 || cp == '_' : is_word_char_multibyte(cp);
}
// White space: Zs, Zl, Zp and the C0/C1 spaces (tab, LF, VT, FF, CR, NEL). Inline
// for ASCII, which every stage asks about.
bool is_space_multibyte(char32_t cp);
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return is_space_multibyte(cp);
}
// Line terminators: LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
inline bool is_line_break(char32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// Appends the full case folding (CaseFolding.txt, statuses C and F) of cp to out.
void append_folded(char32_t cp, std::string& out);
// The full case folding of a UTF-8 string (append_folded of each code point).
std::string fold(std::string_view text);
// Appends cp as UTF-8.
void append_utf8(char32_t cp, std::string& out);

// Decodes the code point at text[i] and advances i. `text` must be valid UTF-8 (the
// core only calls this on repaired text); a malformed byte decodes as U+FFFD.
// Inline, with the ASCII case first: every stage walks text with it.
char32_t next_multibyte(std::string_view text, std::size_t& i);
inline char32_t next(std::string_view text, std::size_t& i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return next_multibyte(text, i);
}
// Decodes the code point that ends just before text[i] and moves i back to its start.
char32_t prev(std::string_view text, std::size_t& i);

}  // namespace precis::unicode
