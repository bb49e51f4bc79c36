// UAX #29 word boundaries (core/src/unicode/word_break). Conformance is checked against
// Unicode's own WordBreakTest.txt (Debian's unicode-data package), every line; the
// property spot checks are from WordBreakProperty.txt and emoji-data.txt, not from the
// program.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unicode/unicode.hpp"
#include "break_test_file.hpp"
#include "unicode/word_break.hpp"

namespace {

using precis_test::hex;

using precis::unicode::WordBreak;
namespace u = precis::unicode;

constexpr const char* kTestFile = "/usr/share/unicode/auxiliary/WordBreakTest.txt";

const char* name(WordBreak wb) {
  static constexpr const char* kNames[] = {
      "Other",         "CR",      "LF",           "Newline",      "Extend",    "ZWJ",       "Regional_Indicator",
      "Format",        "Katakana", "Hebrew_Letter", "ALetter",     "Single_Quote", "Double_Quote", "MidNumLet",
      "MidLetter",     "MidNum",  "Numeric",      "ExtendNumLet", "WSegSpace"};
  return kNames[static_cast<int>(wb)];
}

std::string utf8(std::u32string_view cps) {
  std::string out;
  for (const char32_t cp : cps) u::append_utf8(cp, out);
  return out;
}

std::vector<std::size_t> boundaries(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> out;
  u::word_boundaries(text, begin, end, out);
  return out;
}

TEST(WordBreak, UnicodeConformance) {
  // Text around the range that would change its boundaries if it were looked at: the
  // prefixes end in what WB3c, WB3d, WB7/WB7c/WB11 and WB15/WB16 look back at, the
  // suffixes start with what WB6, WB7b and WB12 look ahead for.
  const std::vector<std::pair<std::string, std::string>> contexts = {
      {"x", "y"},                                // AHLetter
      {"1", "2"},                                // Numeric
      {utf8(U"\u05D0"), utf8(U"\u05D1")},        // Hebrew_Letter
      {utf8(U"\u200D"), utf8(U"\u0308a")},       // ZWJ before; Extend then AHLetter after
      {utf8(U"\U0001F1E6"), utf8(U"\U0001F1E7")},  // Regional_Indicator
      {" ", " "},                                // WSegSpace
  };
  const auto r = precis_test::run_break_test(kTestFile, boundaries, contexts);
  ASSERT_TRUE(r.opened) << kTestFile << " is missing (Debian package unicode-data)";
  ASSERT_TRUE(r.error.empty()) << r.error;
  std::cout << "WordBreakTest.txt: " << r.passed << "/" << r.total << " cases pass\n";
  EXPECT_GT(r.total, 1500) << "suspiciously few cases in " << kTestFile;
  EXPECT_EQ(r.passed, r.total) << "first failing cases:\n" << precis_test::report(r);
}

TEST(WordBreak, Property) {
  struct PropertyCase {
    char32_t cp;
    WordBreak wb;
  };
  const PropertyCase cases[] = {
      {U'\r', WordBreak::CR},
      {U'\n', WordBreak::LF},
      {0x000B, WordBreak::Newline},  // vertical tab
      {0x0085, WordBreak::Newline},  // NEL
      {0x2028, WordBreak::Newline},
      {0x2029, WordBreak::Newline},
      {0x0308, WordBreak::Extend},  // combining diaeresis
      {0xFE0F, WordBreak::Extend},  // variation selector 16
      {0x200D, WordBreak::ZWJ},
      {0x1F1E6, WordBreak::Regional_Indicator},
      {0x1F1FF, WordBreak::Regional_Indicator},
      {0x00AD, WordBreak::Format},  // soft hyphen
      {0x200E, WordBreak::Format},  // left-to-right mark
      {0x30A2, WordBreak::Katakana},
      {0x30FC, WordBreak::Katakana},  // prolonged sound mark
      {0x05D0, WordBreak::Hebrew_Letter},
      {U'a', WordBreak::ALetter},
      {U'Z', WordBreak::ALetter},
      {0x00E9, WordBreak::ALetter},  // é
      {0x0410, WordBreak::ALetter},  // Cyrillic А
      {U'\'', WordBreak::Single_Quote},
      {U'"', WordBreak::Double_Quote},
      {U'.', WordBreak::MidNumLet},
      {0x2019, WordBreak::MidNumLet},  // right single quotation mark
      {U':', WordBreak::MidLetter},
      {0x00B7, WordBreak::MidLetter},  // middle dot
      {U',', WordBreak::MidNum},
      {U';', WordBreak::MidNum},
      {U'0', WordBreak::Numeric},
      {0x0660, WordBreak::Numeric},  // Arabic-Indic zero
      {U'_', WordBreak::ExtendNumLet},
      {0x202F, WordBreak::ExtendNumLet},  // narrow no-break space
      {U' ', WordBreak::WSegSpace},
      {0x3000, WordBreak::WSegSpace},  // ideographic space
      {U'\t', WordBreak::Other},
      {0x00A0, WordBreak::Other},  // no-break space
      {U'-', WordBreak::Other},
      {U'$', WordBreak::Other},
      {0x4E00, WordBreak::Other},  // 一 (ideographs are not ALetter)
      {0x3042, WordBreak::Other},  // あ (Hiragana neither)
      {0x0E01, WordBreak::Other},  // ก (Thai is SA, not ALetter)
      {0x1F600, WordBreak::Other},
      {0x10FFFF, WordBreak::Other},
      {0x110000, WordBreak::Other},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(name(u::word_break(c.cp)), name(c.wb)) << hex(c.cp);
  }

  const char32_t pictographic[] = {0x00A9, 0x00AE, 0x203C, 0x2764, 0x1F600, 0x1F6D1, 0x1FAF8, 0x1FFFD};
  for (const char32_t cp : pictographic) EXPECT_TRUE(u::extended_pictographic(cp)) << hex(cp);
  const char32_t not_pictographic[] = {U'#', U'0', U'a', 0x00A8, 0x00AA, 0x200D, 0xFE0F, 0x1F1E6, 0x1F3FB, 0x10FFFF, 0x110000};
  for (const char32_t cp : not_pictographic) EXPECT_FALSE(u::extended_pictographic(cp)) << hex(cp);
}

std::vector<std::string> segments(const std::string& text) {
  std::vector<std::string> out;
  std::size_t last = 0;
  for (std::size_t b : boundaries(text, 0, text.size())) {
    out.push_back(text.substr(last, b - last));
    last = b;
  }
  out.push_back(text.substr(last));
  return out;
}

TEST(WordBreak, Examples) {
  const std::string text = "The quick (\"brown\") fox can't jump 32.3 feet, right?";
  const std::vector<std::string> expected = {"The", " ",   "quick", " ",  "(", "\"", "brown", "\"",   ")", " ",
                                             "fox", " ",   "can't", " ",  "jump", " ", "32.3",  " ",    "feet",
                                             ",",   " ",   "right", "?"};
  EXPECT_EQ(segments(text), expected);
  // Numbers with separators, snake_case, e-mail-like runs, Katakana, Hebrew abbreviations.
  EXPECT_EQ(segments("1,000.50 foo_bar3 a.b.c"),
            (std::vector<std::string>{"1,000.50", " ", "foo_bar3", " ", "a.b.c"}));
  EXPECT_EQ(segments(utf8(U"\u30B3\u30FC\u30D2\u30FC\u6F22\u5B57")),
            (std::vector<std::string>{utf8(U"\u30B3\u30FC\u30D2\u30FC"), utf8(U"\u6F22"), utf8(U"\u5B57")}));
  EXPECT_EQ(segments(utf8(U"\u05E6\u05D4\u0022\u05DC")), (std::vector<std::string>{utf8(U"\u05E6\u05D4\u0022\u05DC")}));
  // Emoji: a ZWJ sequence and a pair of flags stay whole; spaces run together.
  EXPECT_EQ(segments(utf8(U"\U0001F469\u200D\U0001F4BB  \U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7")),
            (std::vector<std::string>{utf8(U"\U0001F469\u200D\U0001F4BB"), "  ", utf8(U"\U0001F1E9\U0001F1EA"),
                                      utf8(U"\U0001F1EB\U0001F1F7")}));
  // Combining marks and format characters are ignored between letters ("cafe\u0301s").
  EXPECT_EQ(segments(utf8(U"cafe\u0301\u00ADs r\u00E9sum\u00E9")),
            (std::vector<std::string>{utf8(U"cafe\u0301\u00ADs"), " ", utf8(U"r\u00E9sum\u00E9")}));
  // CR LF is one segment; line breaks break on both sides.
  EXPECT_EQ(segments("a\r\nb\n\nc"), (std::vector<std::string>{"a", "\r\n", "b", "\n", "\n", "c"}));

  // Ranges: boundaries strictly inside, none at begin or end, nothing outside looked at.
  const auto all = boundaries(text, 0, text.size());
  EXPECT_EQ(boundaries(text, 0, 3), std::vector<std::size_t>{});
  EXPECT_EQ(boundaries(text, 4, 11), (std::vector<std::size_t>{9, 10}));
  EXPECT_EQ(boundaries(text, 5, 5), std::vector<std::size_t>{});
  EXPECT_EQ(boundaries(text, 0, 1000), all);              // end is clamped
  EXPECT_EQ(boundaries("can't", 0, 4), std::vector<std::size_t>{3});  // no 't' after the range: WB6 fails
  EXPECT_EQ(boundaries("can't", 3, 5), std::vector<std::size_t>{4});  // no letter before: WB7 fails
}

// Runs that would make a careless look-ahead or look-behind quadratic. No timing
// assertion, only the counts.
TEST(WordBreak, LinearOnLongRuns) {
  constexpr std::size_t kRun = 2 << 20;  // 2 MiB
  const std::string diaeresis = utf8(U"\u0308");
  const std::string zwj = utf8(U"\u200D");
  {
    // "a'" then a long run of combining marks: WB6 looks past the whole run for a letter.
    std::string marks;
    for (std::size_t i = 0; i < kRun / 2; ++i) marks += diaeresis;
    const std::string run = "a'" + marks;
    EXPECT_EQ(boundaries(run + "b", 0, run.size() + 1).size(), 0u);  // WB6/WB7: one word
    EXPECT_EQ(boundaries(run + "!", 0, run.size() + 1), (std::vector<std::size_t>{1, run.size()}));
  }
  {
    // Alternating letters and mid-letter punctuation (WB6 asks at every ':'), then digits
    // and separators (WB12 asks at every ','): two words, one space between.
    std::string text;
    for (std::size_t i = 0; i < kRun / 4; ++i) text += "a:";
    text += "a ";
    for (std::size_t i = 0; i < kRun / 4; ++i) text += "1,";
    text += "1";
    EXPECT_EQ(boundaries(text, 0, text.size()), (std::vector<std::size_t>{kRun / 2 + 1, kRun / 2 + 2}));
  }
  {
    // Mid-letter punctuation with nothing after it: every position is a boundary.
    const std::string text = "a" + std::string(kRun, '\'');
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), kRun);
  }
  {
    // Regional indicators pair up (WB15/WB16), however long the run.
    const std::string ri = utf8(U"\U0001F1E6");
    std::string text;
    for (std::size_t i = 0; i < kRun / 4; ++i) text += ri;
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), kRun / 8 - 1);
    text = "a" + text;  // a letter before: the pairs stay the same
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), kRun / 8);
  }
  {
    // Emoji joined by ZWJ (WB3c) and spaces (WB3d): one segment each.
    const std::string pict = utf8(U"\U0001F600");
    std::string text;
    for (std::size_t i = 0; i < kRun / 8; ++i) text += pict + zwj;
    text += pict;
    text += std::string(kRun, ' ');
    EXPECT_EQ(boundaries(text, 0, text.size()), (std::vector<std::size_t>{text.size() - kRun}));
  }
  {
    // Many short words: two boundaries each.
    std::string text;
    for (std::size_t i = 0; i < kRun / 8; ++i) text += "Ab cd's ";
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), kRun / 8 * 4 - 1);
  }
}

}  // namespace
