// Stage 0: Unicode properties, case folding and the UTF-8 walkers (core/src/unicode).
// Expected values are from the Unicode Character Database (UnicodeData.txt,
// CaseFolding.txt), not from the program.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unicode/unicode.hpp"

namespace {

using precis::unicode::GeneralCategory;
namespace u = precis::unicode;

std::string hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

std::string utf8(std::u32string_view cps) {
  std::string out;
  for (char32_t cp : cps) u::append_utf8(cp, out);
  return out;
}

struct CategoryCase {
  char32_t cp;
  const char* gc;
};

TEST(Unicode, GeneralCategory) {
  const CategoryCase cases[] = {
      // ASCII
      {U'A', "Lu"}, {U'z', "Ll"}, {U'0', "Nd"}, {U' ', "Zs"}, {U'\n', "Cc"}, {U'\0', "Cc"},
      {0x7F, "Cc"}, {U'.', "Po"}, {U'-', "Pd"}, {U'(', "Ps"}, {U')', "Pe"}, {U'$', "Sc"},
      {U'+', "Sm"}, {U'^', "Sk"}, {U'_', "Pc"}, {U'"', "Po"},
      // Latin-1
      {0x00A0, "Zs"},  // no-break space
      {0x00A9, "So"},  // ©
      {0x00AA, "Lo"},  // ª
      {0x00AB, "Pi"},  // «
      {0x00AD, "Cf"},  // soft hyphen
      {0x00B2, "No"},  // ²
      {0x00B5, "Ll"},  // µ
      {0x00BB, "Pf"},  // »
      {0x00BF, "Po"},  // ¿
      {0x00C9, "Lu"},  // É
      {0x00D7, "Sm"},  // ×
      {0x00DF, "Ll"},  // ß
      {0x00E9, "Ll"},  // é
      // Latin Extended, modifiers, combining marks
      {0x01C5, "Lt"},  // ǅ
      {0x02B0, "Lm"},  // ʰ
      {0x0301, "Mn"},  // combining acute
      // Greek, Cyrillic
      {0x03A3, "Lu"}, {0x03C2, "Ll"},
      {0x0416, "Lu"},  // Ж
      {0x0436, "Ll"},  // ж
      {0x0451, "Ll"},  // ё
      {0x0483, "Mn"},  // combining titlo
      {0x0488, "Me"},  // combining hundred thousands sign
      // Devanagari, number letters
      {0x0903, "Mc"}, {0x0966, "Nd"}, {0x2160, "Nl"},
      // Punctuation and separators
      {0x2019, "Pf"}, {0x201C, "Pi"}, {0x2014, "Pd"}, {0x2026, "Po"},
      {0x2028, "Zl"}, {0x2029, "Zp"}, {0x200D, "Cf"}, {0xFEFF, "Cf"},
      // CJK
      {0x4E2D, "Lo"},   // 中 (inside the First/Last range of UnicodeData.txt)
      {0x9FA5, "Lo"},
      {0x3002, "Po"},   // 。
      {0x3000, "Zs"},   // ideographic space
      {0x3041, "Lo"},   // ぁ
      {0x30FC, "Lm"},   // ー
      {0xFF01, "Po"},   // ！
      {0xAC00, "Lo"}, {0xD7A3, "Lo"},  // Hangul syllables, range ends
      {0x20000, "Lo"}, {0x2A6DF, "Lo"},  // CJK Extension B, range ends
      // Emoji
      {0x1F600, "So"},  // 😀
      {0x1F1E6, "So"},  // regional indicator A
      {0x1F3FB, "Sk"},  // skin tone modifier
      {0xFE0F, "Mn"},   // variation selector 16
      {0xE0100, "Mn"},  // variation selector 17
      // Surrogates, private use
      {0xD800, "Cs"}, {0xDFFF, "Cs"}, {0xE000, "Co"}, {0xF0000, "Co"}, {0x10FFFD, "Co"},
      // Unassigned (and noncharacters), out of range
      {0x0378, "Cn"}, {0xD7A4, "Cn"}, {0xE0080, "Cn"}, {0xFFFF, "Cn"}, {0x10FFFF, "Cn"},
      {0x110000, "Cn"}, {0xFFFFFFFF, "Cn"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(hex(c.cp));
    EXPECT_EQ(u::category_name(u::category(c.cp)), c.gc);
  }
}

struct PredicateCase {
  char32_t cp;
  bool letter, upper, lower, digit, word, space, line_break;
};

TEST(Unicode, Predicates) {
  const PredicateCase cases[] = {
      //  cp      letter upper  lower  digit  word   space  break
      {U'A',     true,  true,  false, false, true,  false, false},
      {U'q',     true,  false, true,  false, true,  false, false},
      {U'7',     false, false, false, true,  true,  false, false},
      {U'_',     false, false, false, false, true,  false, false},
      {U'@',     false, false, false, false, false, false, false},
      {U'[',     false, false, false, false, false, false, false},
      {U'`',     false, false, false, false, false, false, false},
      {U'{',     false, false, false, false, false, false, false},
      {U' ',     false, false, false, false, false, true,  false},
      {U'\t',    false, false, false, false, false, true,  false},
      {U'\n',    false, false, false, false, false, true,  true},
      {U'\r',    false, false, false, false, false, true,  true},
      {0x0B,     false, false, false, false, false, true,  true},   // VT
      {0x0C,     false, false, false, false, false, true,  true},   // FF
      {0x85,     false, false, false, false, false, true,  true},   // NEL
      {0x00A0,   false, false, false, false, false, true,  false},  // NBSP
      {0x2028,   false, false, false, false, false, true,  true},
      {0x2029,   false, false, false, false, false, true,  true},
      {0x3000,   false, false, false, false, false, true,  false},
      {0xFEFF,   false, false, false, false, false, false, false},  // BOM is not a space
      {0x00C9,   true,  true,  false, false, true,  false, false},  // É
      {0x00DF,   true,  false, true,  false, true,  false, false},  // ß
      {0x01C5,   true,  true,  false, false, true,  false, false},  // ǅ title case
      {0x02B0,   true,  false, false, false, true,  false, false},  // ʰ Lm
      {0x0416,   true,  true,  false, false, true,  false, false},  // Ж
      {0x0436,   true,  false, true,  false, true,  false, false},  // ж
      {0x4E2D,   true,  false, false, false, true,  false, false},  // 中
      {0x0301,   false, false, false, false, true,  false, false},  // combining mark
      {0x0966,   false, false, false, true,  true,  false, false},  // Devanagari 0
      {0x00B2,   false, false, false, false, true,  false, false},  // ² (No)
      {0x2160,   false, false, false, false, true,  false, false},  // Ⅰ (Nl)
      {0x203F,   false, false, false, false, true,  false, false},  // ‿ (Pc)
      {0x2019,   false, false, false, false, false, false, false},  // ’
      {0x1F600,  false, false, false, false, false, false, false},  // 😀
      {0x0378,   false, false, false, false, false, false, false},  // unassigned
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(hex(c.cp));
    EXPECT_EQ(u::is_letter(c.cp), c.letter);
    EXPECT_EQ(u::is_upper(c.cp), c.upper);
    EXPECT_EQ(u::is_lower(c.cp), c.lower);
    EXPECT_EQ(u::is_digit(c.cp), c.digit);
    EXPECT_EQ(u::is_word_char(c.cp), c.word);
    EXPECT_EQ(u::is_space(c.cp), c.space);
    EXPECT_EQ(u::is_line_break(c.cp), c.line_break);
  }
}

struct Utf8Case {
  char32_t cp;
  std::string_view bytes;
};

TEST(Unicode, AppendUtf8) {
  const Utf8Case cases[] = {
      {U'\0', std::string_view("\0", 1)},
      {U'A', "A"},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {0xE9, "\xC3\xA9"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {0x4E2D, "\xE4\xB8\xAD"},
      {0xFFFD, "\xEF\xBF\xBD"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(hex(c.cp));
    std::string out = "x";
    u::append_utf8(c.cp, out);
    EXPECT_EQ(out, "x" + std::string(c.bytes));
  }
}

struct FoldCase {
  char32_t cp;
  std::u32string_view folded;
  const char* why;
};

TEST(Unicode, CaseFolding) {
  const FoldCase cases[] = {
      {U'A', U"a", "ASCII upper"},
      {U'Z', U"z", "ASCII upper"},
      {U'a', U"a", "ASCII lower unchanged"},
      {U'1', U"1", "digit unchanged"},
      {U'.', U".", "punctuation unchanged"},
      {U'I', U"i", "I folds to i (the Turkic T mapping is not used)"},
      {0x00C9, U"\u00E9", "É -> é"},
      {0x00E9, U"\u00E9", "é unchanged"},
      {0x00B5, U"\u03BC", "micro sign -> Greek mu"},
      {0x00DF, U"ss", "ß -> ss (full folding, status F)"},
      {0x1E9E, U"ss", "capital sharp s -> ss (F, not the simple S mapping)"},
      {0x017F, U"s", "long s -> s"},
      {0x0130, U"i\u0307", "Turkish dotted capital I -> i + combining dot above"},
      {0x0131, U"\u0131", "dotless i has no folding"},
      {0x0149, U"\u02BCn", "ŉ -> ʼn"},
      {0xFB01, U"fi", "ﬁ ligature -> fi"},
      {0x03A3, U"\u03C3", "Σ -> σ"},
      {0x03C2, U"\u03C3", "final sigma ς -> σ"},
      {0x03C3, U"\u03C3", "σ unchanged"},
      {0x0390, U"\u03B9\u0308\u0301", "ΐ -> three code points"},
      {0x2126, U"\u03C9", "ohm sign -> ω"},
      {0x212A, U"k", "Kelvin sign -> k"},
      {0x0410, U"\u0430", "Cyrillic А -> а"},
      {0x0401, U"\u0451", "Cyrillic Ё -> ё"},
      {0x042F, U"\u044F", "Cyrillic Я -> я"},
      {0x0436, U"\u0436", "Cyrillic ж unchanged"},
      {0x13F8, U"\u13F0", "Cherokee small ye -> capital (Cherokee folds to upper)"},
      {0xAB70, U"\u13A0", "Cherokee small a -> capital a"},
      {0x10400, U"\U00010428", "Deseret, outside the BMP"},
      {0x4E2D, U"\u4E2D", "CJK unchanged"},
      {0x1F600, U"\U0001F600", "emoji unchanged"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(hex(c.cp) + " " + c.why);
    std::string out = "<";
    u::append_folded(c.cp, out);
    EXPECT_EQ(out, "<" + utf8(c.folded));
  }
}

TEST(Unicode, FoldingAWord) {
  // Folding is per code point, so final and medial sigma meet, as do Straße and STRASSE.
  const std::pair<std::u32string_view, std::u32string_view> cases[] = {
      {U"\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3", U"\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C3"},
      {U"\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C2", U"\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C3"},
      {U"Stra\u00DFe", U"strasse"},
      {U"STRASSE", U"strasse"},
      {U"\u041C\u043E\u0441\u043A\u0432\u0430", U"\u043C\u043E\u0441\u043A\u0432\u0430"},  // Москва
      {U"\u0130stanbul", U"i\u0307stanbul"},
  };
  for (const auto& [in, want] : cases) {
    const std::string text = utf8(in);
    SCOPED_TRACE(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) u::append_folded(u::next(text, i), out);
    EXPECT_EQ(out, utf8(want));
  }
}

TEST(Unicode, NextAndPrevRoundTrip) {
  // Each case: a text and the code points it decodes to.
  const std::pair<std::string_view, std::u32string_view> cases[] = {
      {"", U""},
      {"plain ASCII.", U"plain ASCII."},
      {"Caf\xC3\xA9 \xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C", U"Caf\u00E9 \u0416\u0438\u0437\u043D\u044C"},
      {"\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82", U"\u4E2D\u6587\u3002"},
      {"a\xF0\x9F\x98\x80" "b\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6", U"a\U0001F600b\U0001F1FA\U0001F1E6"},
      {"\xEF\xBB\xBFx\xC2\x85y\xE2\x80\xA8z", U"\uFEFFx\u0085y\u2028z"},
      {"\xF4\x8F\xBF\xBF\xC2\x80\x7F", U"\U0010FFFF\u0080\u007F"},
      {"e\xCC\x81\xE2\x80\x99s", U"e\u0301\u2019s"},
  };
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(std::string(text));
    // Forward: the code points, and where each starts.
    std::u32string got;
    std::vector<std::size_t> starts;
    std::size_t i = 0;
    while (i < text.size()) {
      starts.push_back(i);
      got.push_back(u::next(text, i));
    }
    EXPECT_EQ(i, text.size());
    EXPECT_EQ(got, want);
    // Each start re-encodes to the bytes up to the next start.
    for (std::size_t k = 0; k < got.size(); ++k) {
      const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
      std::string bytes;
      u::append_utf8(got[k], bytes);
      EXPECT_EQ(bytes, text.substr(starts[k], end - starts[k])) << "code point " << k;
    }
    // Backward: the same code points in reverse, landing on the same starts.
    std::size_t j = text.size();
    for (std::size_t k = got.size(); k-- > 0;) {
      const char32_t cp = u::prev(text, j);
      EXPECT_EQ(cp, got[k]) << "code point " << k;
      EXPECT_EQ(j, starts[k]) << "code point " << k;
    }
    EXPECT_EQ(j, 0u);
  }
}

}  // namespace
