#include "unicode/unicode.hpp"

#include "unicode/packed_ranges.hpp"

#include <algorithm>
#include <iterator>

namespace precis::unicode {
namespace {
#include "precis_gen/unicode_tables.inc"
}  // namespace

GeneralCategory category(char32_t cp) {
  if (cp > 0x10FFFF) return GeneralCategory::Cn;
  return static_cast<GeneralCategory>(packed_value(kGcRanges, cp));
}

Script script(char32_t cp) {
  if (cp > 0x10FFFF) return Script::Other;
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? Script::Latin : Script::Other;
  return static_cast<Script>(packed_value(kScriptRanges, cp));
}

std::string_view category_name(GeneralCategory gc) {
  return kGcNames[static_cast<int>(gc)];
}

bool is_letter_multibyte(char32_t cp) {
  auto gc = category(cp);
  return gc >= GeneralCategory::Lu && gc <= GeneralCategory::Lo;
}

bool is_upper_multibyte(char32_t cp) {
  auto gc = category(cp);
  return gc == GeneralCategory::Lu || gc == GeneralCategory::Lt;
}

bool is_lower_multibyte(char32_t cp) { return category(cp) == GeneralCategory::Ll; }

bool is_digit_multibyte(char32_t cp) { return category(cp) == GeneralCategory::Nd; }

bool is_word_char_multibyte(char32_t cp) {
  auto gc = category(cp);
  return (gc >= GeneralCategory::Lu && gc <= GeneralCategory::No) || gc == GeneralCategory::Pc;
}

bool is_space_multibyte(char32_t cp) {
  if (is_line_break(cp)) return true;
  if (cp < 0x80) return cp == ' ' || cp == '\t';
  auto gc = category(cp);
  return gc == GeneralCategory::Zs || gc == GeneralCategory::Zl || gc == GeneralCategory::Zp;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string fold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) append_folded(next(text, i), out);
  return out;
}

void append_folded(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  const auto* it = std::lower_bound(std::begin(kFoldKeys), std::end(kFoldKeys), static_cast<std::uint32_t>(cp));
  if (it == std::end(kFoldKeys) || *it != cp) {
    append_utf8(cp, out);
    return;
  }
  const std::uint32_t v = kFoldVals[it - std::begin(kFoldKeys)];
  const std::uint32_t len = v >> 24, payload = v & 0xFFFFFFu;
  if (len == 1) {
    append_utf8(payload, out);
  } else {
    for (std::uint32_t k = 0; k < len; ++k) append_utf8(kFoldExtra[payload + k], out);
  }
}

char32_t next_multibyte(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

char32_t prev(std::string_view s, std::size_t& i) {
  std::size_t j = i;
  do {
    --j;
  } while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80);
  std::size_t k = j;
  char32_t cp = next(s, k);
  if (k != i) {  // not a well-formed sequence ending at i: step back one byte
    i -= 1;
    return 0xFFFD;
  }
  i = j;
  return cp;
}

}  // namespace precis::unicode
