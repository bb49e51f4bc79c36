// UAX #29 sentence boundaries (core/src/unicode/sentence_break). Conformance is checked
// against Unicode's own SentenceBreakTest.txt (Debian's unicode-data package), every line;
// the property spot checks are from SentenceBreakProperty.txt, not from the program.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "break_test_file.hpp"
#include "unicode/sentence_break.hpp"
#include "unicode/unicode.hpp"

namespace {

using precis_test::hex;

using precis::unicode::SentenceBreak;
namespace u = precis::unicode;

constexpr const char* kTestFile = "/usr/share/unicode/auxiliary/SentenceBreakTest.txt";

const char* name(SentenceBreak sb) {
  static constexpr const char* kNames[] = {"Other",   "CR",    "LF",        "Extend", "Sep",
                                           "Format",  "Sp",    "Lower",     "Upper",  "OLetter",
                                           "Numeric", "ATerm", "SContinue", "STerm",  "Close"};
  return kNames[static_cast<int>(sb)];
}

std::vector<std::size_t> boundaries(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> out;
  u::sentence_boundaries(text, begin, end, out);
  return out;
}

TEST(SentenceBreak, UnicodeConformance) {
  const auto r = precis_test::run_break_test(kTestFile, boundaries, {{"Ab. c\r", ". D\xCC\x88"}});
  ASSERT_TRUE(r.opened) << kTestFile << " is missing (Debian package unicode-data)";
  ASSERT_TRUE(r.error.empty()) << r.error;
  std::cout << "SentenceBreakTest.txt: " << r.passed << "/" << r.total << " cases pass\n";
  EXPECT_GT(r.total, 400) << "suspiciously few cases in " << kTestFile;
  EXPECT_EQ(r.passed, r.total) << "first failing cases:\n" << precis_test::report(r);
}

TEST(SentenceBreak, Property) {
  struct PropertyCase {
    char32_t cp;
    SentenceBreak sb;
  };
  const PropertyCase cases[] = {
      {U'.', SentenceBreak::ATerm},     {U'?', SentenceBreak::STerm},     {U'!', SentenceBreak::STerm},
      {0x3002, SentenceBreak::STerm},  // 。 ideographic full stop
      {0x2024, SentenceBreak::ATerm},  // one dot leader
      {0xFF0E, SentenceBreak::ATerm},  // fullwidth full stop
      {U'A', SentenceBreak::Upper},     {U'a', SentenceBreak::Lower},     {U'0', SentenceBreak::Numeric},
      {U')', SentenceBreak::Close},     {U'(', SentenceBreak::Close},     {U'"', SentenceBreak::Close},
      {U'\'', SentenceBreak::Close},    {0x00AB, SentenceBreak::Close},  // «
      {U',', SentenceBreak::SContinue}, {U'-', SentenceBreak::SContinue}, {U':', SentenceBreak::SContinue},
      {U' ', SentenceBreak::Sp},        {U'\t', SentenceBreak::Sp},       {0x00A0, SentenceBreak::Sp},
      {U'\r', SentenceBreak::CR},       {U'\n', SentenceBreak::LF},       {0x0085, SentenceBreak::Sep},
      {0x2028, SentenceBreak::Sep},     {0x2029, SentenceBreak::Sep},     {0x00AD, SentenceBreak::Format},
      {0x200D, SentenceBreak::Extend},   // ZWJ
      {0x0301, SentenceBreak::Extend},   // combining acute
      {0x00E9, SentenceBreak::Lower},    // é
      {0x00AA, SentenceBreak::Lower},    // ª (Other_Lowercase)
      {0x01C5, SentenceBreak::Upper},    // ǅ (titlecase)
      {0x05D0, SentenceBreak::OLetter},  // א
      {0x4E00, SentenceBreak::OLetter},  // 一
      {0x0660, SentenceBreak::Numeric},  // Arabic-Indic zero
      {U'$', SentenceBreak::Other},     {U'\0', SentenceBreak::Other},    {0x1F600, SentenceBreak::Other},
      {0x10FFFF, SentenceBreak::Other}, {0x110000, SentenceBreak::Other},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(name(u::sentence_break(c.cp)), name(c.sb)) << hex(c.cp);
  }
}

TEST(SentenceBreak, Examples) {
  const std::string text = "Hello world. This is it! Is it?\nYes! e.g. lower stays. 3.5 too.";
  const auto got = boundaries(text, 0, text.size());
  std::vector<std::string> sentences;
  std::size_t last = 0;
  for (std::size_t b : got) {
    sentences.push_back(text.substr(last, b - last));
    last = b;
  }
  sentences.push_back(text.substr(last));
  const std::vector<std::string> expected = {"Hello world. ", "This is it! ",       "Is it?\n",
                                             "Yes! ",         "e.g. lower stays. ", "3.5 too."};
  EXPECT_EQ(sentences, expected);
  // Ranges: boundaries strictly inside, none at begin or end.
  EXPECT_EQ(boundaries(text, 0, 13), std::vector<std::size_t>{});
  EXPECT_EQ(boundaries(text, 13, 32), (std::vector<std::size_t>{25}));
  EXPECT_EQ(boundaries(text, 5, 5), std::vector<std::size_t>{});
  EXPECT_EQ(boundaries(text, 0, 1000), got);  // end is clamped
}

// Runs that would make a naive SB8 look-ahead quadratic: each one is scanned from every
// position inside it unless the scan is shared. No timing assertion, only the counts.
TEST(SentenceBreak, LinearOnLongRuns) {
  constexpr std::size_t kRun = 2 << 20;  // 2 MiB
  {
    // "a." then ( ( ( ...: SB8 asks at every '(' whether a Lower follows; none does, and
    // SB9 keeps everything together.
    std::string text = "a." + std::string(kRun, '(');
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), 0u);
    text += "X";  // SB11: break before the capital
    EXPECT_EQ(boundaries(text, 0, text.size()), std::vector<std::size_t>{text.size() - 1});
    text.back() = 'x';  // SB8: a lower-case letter after the run keeps it one sentence
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), 0u);
  }
  {
    // "A." then closing brackets, spaces and digits: SB8 asks at every bracket and space
    // (before SB9/SB10 get their turn); the digits are not decisive either.
    const std::string run = "A." + std::string(kRun / 4, ')') + std::string(kRun / 4, ' ') + std::string(kRun / 4, '1');
    EXPECT_EQ(boundaries(run + "b", 0, run.size() + 1).size(), 0u);  // SB8 all the way to the 'b'
    // Before an upper-case letter instead, SB11 breaks after the spaces.
    EXPECT_EQ(boundaries(run + "B", 0, run.size() + 1), std::vector<std::size_t>{2 + kRun / 2});
  }
  {
    // Many short sentences: one boundary each.
    std::string text;
    for (std::size_t i = 0; i < kRun / 8; ++i) text += "Ab cd. ";
    EXPECT_EQ(boundaries(text, 0, text.size()).size(), kRun / 8 - 1);
  }
}

}  // namespace
