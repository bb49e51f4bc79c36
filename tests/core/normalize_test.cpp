// Unicode normalization (core/src/unicode/normalize). NFC is checked against Unicode's own
// NormalizationTest.txt (Debian's unicode-data package, bzip2-compressed: decompressed
// here by running bzcat from Debian's bzip2 package), every line, plus the rule that every
// code point it does not list in Part 1 is its own NFC. toNFKC_Casefold is checked for
// every code point against the NFKC_CF mappings of DerivedNormalizationProps.txt, and
// on words the term layer will meet.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "unicode/normalize.hpp"
#include "unicode/unicode.hpp"

namespace {

namespace u = precis::unicode;

constexpr const char* kUnicodeDir = "/usr/share/unicode";
constexpr const char* kBzcat = "bzcat";

std::string utf8(char32_t cp) {
  std::string s;
  u::append_utf8(cp, s);
  return s;
}

// "1E0A 0323" -> UTF-8; false on a bad token.
bool parse_code_points(const std::string& field, std::string& out) {
  out.clear();
  std::istringstream in(field);
  std::string tok;
  while (in >> tok) {
    char* stop = nullptr;
    const unsigned long cp = std::strtoul(tok.c_str(), &stop, 16);
    if (*stop != '\0' || cp > 0x10FFFF) return false;
    u::append_utf8(static_cast<char32_t>(cp), out);
  }
  return true;
}

// Code points as "U+0041 U+030A", for failure messages.
std::string dump(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(u::next(s, i)));
    out += (out.empty() ? "" : " ") + std::string(buf);
  }
  return out.empty() ? "(empty)" : out;
}

std::string fold(std::string_view s) {
  std::string out;
  u::append_nfkc_casefold(s, out);
  return out;
}

bool is_surrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// The whole of a bzip2-compressed file, through bzcat; "" and `error` set on failure.
std::string bzcat(const std::string& path, std::string& error) {
  if (!std::ifstream(path)) {
    error = path + " is missing (Debian package unicode-data)";
    return "";
  }
  const std::string command = std::string(kBzcat) + " '" + path + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    error = "cannot run " + command;
    return "";
  }
  std::string text;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) text.append(buf, n);
  const int status = pclose(pipe);
  if (status != 0) {
    const std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                              : "wait status " + std::to_string(status);
    error = "`" + command + "` failed (" + how +
            "): bzcat comes with Debian's bzip2 package (apt-get install bzip2). Output: " + text.substr(0, 200);
    return "";
  }
  return text;
}

TEST(Normalize, NfcConformance) {
  std::string error;
  const std::string test_file = std::string(kUnicodeDir) + "/NormalizationTest.txt.bz2";
  const std::string text = bzcat(test_file, error);
  ASSERT_TRUE(error.empty()) << error;

  std::istringstream in(text);
  std::string raw;
  int line = 0, total = 0, passed = 0, fold_passed = 0;
  std::string part;
  std::vector<bool> in_part1(0x110000, false);
  std::vector<std::string> failures, fold_failures;
  while (std::getline(in, raw)) {
    ++line;
    const std::string body = raw.substr(0, raw.find('#'));
    if (body.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (body[0] == '@') {
      part = body.substr(0, body.find_first_of(" \t\r"));
      continue;
    }
    // c1;c2;c3;c4;c5;
    std::vector<std::string> c(5);
    std::istringstream fields(body);
    std::string field;
    for (int k = 0; k < 5; ++k) {
      ASSERT_TRUE(std::getline(fields, field, ';') && parse_code_points(field, c[k]))
          << test_file << ":" << line << ": bad line '" << raw << "'";
    }
    if (part == "@Part1") {
      std::size_t i = 0;
      const char32_t cp = u::next(c[0], i);
      ASSERT_EQ(i, c[0].size()) << test_file << ":" << line << ": Part 1 line of more than one code point";
      in_part1[cp] = true;
    }
    ++total;
    // NFC: c2 == toNFC(c1) == toNFC(c2) == toNFC(c3); c4 == toNFC(c4) == toNFC(c5).
    const std::string n1 = u::nfc(c[0]), n2 = u::nfc(c[1]), n3 = u::nfc(c[2]), n4 = u::nfc(c[3]), n5 = u::nfc(c[4]);
    if (n1 == c[1] && n2 == c[1] && n3 == c[1] && n4 == c[3] && n5 == c[3]) {
      ++passed;
    } else if (failures.size() < 10) {
      failures.push_back("line " + std::to_string(line) + ": " + body + "\n    NFC(c1..c5) = " + dump(n1) + "; " +
                         dump(n2) + "; " + dump(n3) + "; " + dump(n4) + "; " + dump(n5));
    }
    // toNFKC_Casefold erases canonical and compatibility differences: the five columns
    // fold alike (c4 is the NFKC of the others), to a fixed point.
    const std::string f4 = fold(c[3]);
    bool same = fold(f4) == f4;
    for (int k = 0; k < 5; ++k) same = same && fold(c[k]) == f4;
    if (same) {
      ++fold_passed;
    } else if (fold_failures.size() < 10) {
      fold_failures.push_back("line " + std::to_string(line) + ": " + body + "\n    fold(c1..c5) = " + dump(fold(c[0])) +
                              "; " + dump(fold(c[1])) + "; " + dump(fold(c[2])) + "; " + dump(f4) + "; " +
                              dump(fold(c[4])) + "; fold(fold(c4)) = " + dump(fold(f4)));
    }
  }
  std::cout << "NormalizationTest.txt (NFC): " << passed << "/" << total << " lines pass\n";
  EXPECT_GT(total, 15000) << "suspiciously few lines in " << test_file;
  std::string report;
  for (const auto& f : failures) report += "  " + f + "\n";
  EXPECT_EQ(passed, total) << "first failing lines:\n" << report;
  std::cout << "NormalizationTest.txt (toNFKC_Casefold alike on all five columns): " << fold_passed << "/" << total
            << " lines pass\n";
  std::string fold_report;
  for (const auto& f : fold_failures) fold_report += "  " + f + "\n";
  EXPECT_EQ(fold_passed, total) << "first failing lines:\n" << fold_report;

  // Part 1's rule: every code point it does not list is its own NFC (all of them).
  int unlisted = 0, unchanged = 0;
  std::vector<std::string> changed;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (in_part1[cp] || is_surrogate(cp)) continue;
    ++unlisted;
    const std::string s = utf8(cp);
    const std::string n = u::nfc(s);
    if (n == s) {
      ++unchanged;
    } else if (changed.size() < 10) {
      changed.push_back(dump(s) + " -> " + dump(n));
    }
  }
  std::cout << "NormalizationTest.txt Part 1 rule: " << unchanged << "/" << unlisted
            << " unlisted code points are their own NFC\n";
  EXPECT_GT(unlisted, 1000000);
  std::string changed_report;
  for (const auto& c : changed) changed_report += "  " + c + "\n";
  EXPECT_EQ(unchanged, unlisted) << changed_report;
}

TEST(Normalize, NfcExamples) {
  EXPECT_EQ(u::nfc(""), "");
  EXPECT_EQ(u::nfc("plain ASCII text."), "plain ASCII text.");
  EXPECT_EQ(u::nfc("caf\u00E9 na\u00EFve"), "caf\u00E9 na\u00EFve");               // already NFC
  EXPECT_EQ(u::nfc("cafe\u0301"), "caf\u00E9");                                     // composes
  EXPECT_EQ(u::nfc("Ame\u0301lie e\u0301te\u0301"), "Am\u00E9lie \u00E9t\u00E9");  // past the first fix too
  EXPECT_EQ(u::nfc("\u212B"), "\u00C5");                                            // ANGSTROM SIGN: singleton
  EXPECT_EQ(u::nfc("A\u030A"), "\u00C5");
  EXPECT_EQ(u::nfc("\u1E0B\u0323"), "\u1E0D\u0307");  // ḋ + dot below: reordered, recomposed
  EXPECT_EQ(u::nfc("q\u0307\u0323"), "q\u0323\u0307");
  EXPECT_EQ(u::nfc("\u1112\u1161\u11AB"), "\uD55C");     // conjoining jamo -> 한
  EXPECT_EQ(u::nfc("\uD55C\uAD6D\uC5B4"), "\uD55C\uAD6D\uC5B4");
  EXPECT_EQ(u::nfc("\u0958"), "\u0915\u093C");           // excluded from composition
  EXPECT_EQ(u::nfc("\uFB01"), "\uFB01");                 // compatibility: NFC leaves it
  EXPECT_EQ(u::nfc("\u0301abc"), "\u0301abc");           // leading mark
  EXPECT_EQ(u::nfc("\U0001F44D\U0001F3FD"), "\U0001F44D\U0001F3FD");
  // A long run of marks: sorted by counting, linear; the first acute still composes.
  std::string in = "a", expected = "\u00E1";
  for (int k = 0; k < 1000; ++k) in += "\u0301\u0316";
  for (int k = 0; k < 1000; ++k) expected += "\u0316";
  for (int k = 0; k < 999; ++k) expected += "\u0301";
  EXPECT_EQ(u::nfc(in), expected);
}

// Every code point against DerivedNormalizationProps.txt: toNFKC_Casefold(cp) is the NFC of
// its NFKC_CF mapping (itself when unlisted), and folding again changes nothing.
TEST(Normalize, NfkcCasefoldAllCodePoints) {
  const std::string path = std::string(kUnicodeDir) + "/DerivedNormalizationProps.txt";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path << " is missing (Debian package unicode-data)";
  std::unordered_map<char32_t, std::string> mapping;
  std::string raw;
  while (std::getline(in, raw)) {
    const std::string body = raw.substr(0, raw.find('#'));
    std::vector<std::string> f;
    std::istringstream fields(body);
    for (std::string field; std::getline(fields, field, ';');) {
      const auto b = field.find_first_not_of(" \t"), e = field.find_last_not_of(" \t");
      f.push_back(b == std::string::npos ? "" : field.substr(b, e - b + 1));
    }
    if (f.size() < 2 || f[1] != "NFKC_CF") continue;
    std::string value;
    ASSERT_TRUE(parse_code_points(f.size() > 2 ? f[2] : "", value)) << raw;
    const auto dots = f[0].find("..");
    const char32_t lo = std::strtoul(f[0].substr(0, dots).c_str(), nullptr, 16);
    const char32_t hi = dots == std::string::npos ? lo : std::strtoul(f[0].substr(dots + 2).c_str(), nullptr, 16);
    for (char32_t cp = lo; cp <= hi; ++cp) mapping[cp] = value;
  }
  ASSERT_GT(mapping.size(), 10000u);

  int total = 0, passed = 0, stable = 0;
  std::vector<std::string> failures;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (is_surrogate(cp)) continue;
    ++total;
    const std::string s = utf8(cp);
    const auto it = mapping.find(cp);
    const std::string expected = u::nfc(it == mapping.end() ? s : it->second);
    const std::string got = fold(s);
    if (got == expected) {
      ++passed;
    } else if (failures.size() < 10) {
      failures.push_back(dump(s) + ": expected " + dump(expected) + ", got " + dump(got));
    }
    if (fold(got) == got) ++stable;
  }
  std::cout << "NFKC_CF (DerivedNormalizationProps.txt): " << passed << "/" << total << " code points\n";
  std::string report;
  for (const auto& f : failures) report += "  " + f + "\n";
  EXPECT_EQ(passed, total) << report;
  EXPECT_EQ(stable, total) << "toNFKC_Casefold is not idempotent";
}

TEST(Normalize, NfkcCasefoldWords) {
  struct Case {
    const char* in;
    const char* expected;
  };
  const Case cases[] = {
      {"", ""},
      {"Hello, World 42!", "hello, world 42!"},
      // German sharp s: full case folding.
      {"Stra\u00DFe", "strasse"},
      {"STRASSE", "strasse"},
      {"\u1E9E", "ss"},  // capital sharp s
      // Compatibility: ligatures, full-width, NBSP, circled, squared, fractions, math.
      {"\uFB01nal", "final"},
      {"\uFB03x", "ffix"},
      {"\uFF21\uFF22\uFF23", "abc"},
      {"a\u00A0b", "a b"},
      {"\u2460", "1"},
      {"\u338F", "kg"},
      {"\u00BD", "1\u20442"},
      {"\u216B", "xii"},
      {"\U0001D400\U0001D401\U0001D402", "abc"},
      {"\u2126", "\u03C9"},  // OHM SIGN
      {"\u212A", "k"},       // KELVIN SIGN
      // Default ignorables go: soft hyphen, zero-width space, joiners, variation selectors.
      {"co\u00ADoperate", "cooperate"},
      {"zero\u200Bwidth", "zerowidth"},
      {"\u2764\uFE0F", "\u2764"},
      {"\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F468\U0001F469\U0001F467"},
      // Turkish: dotted capital I keeps its dot as a combining mark; dotless i stays.
      {"\u0130stanbul", "i\u0307stanbul"},
      {"ISTANBUL", "istanbul"},
      {"\u0131l\u0131k", "\u0131l\u0131k"},
      // Greek: final sigma folds to sigma; accents stay composed; iota subscripts.
      {"\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3", "\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C3"},
      {"\u039F\u03B4\u03C5\u03C3\u03C3\u03B5\u03CD\u03C2", "\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03CD\u03C3"},
      {"\u1FBC", "\u03B1\u03B9"},
      {"\u0390", "\u0390"},
      {"\u03B1\u0345\u0301", "\u03AC\u03B9"},  // NFD first: the acute moves before the subscript
      // Cyrillic.
      {"\u041C\u041E\u0421\u041A\u0412\u0410", "\u043C\u043E\u0441\u043A\u0432\u0430"},
      {"\u0401\u041B\u041A\u0410", "\u0451\u043B\u043A\u0430"},
      {"\u0415\u0308", "\u0451"},
      // Hangul: syllables stay, jamo compose, compatibility and half-width jamo map.
      {"\uD55C\uAD6D\uC5B4", "\uD55C\uAD6D\uC5B4"},
      {"\u1112\u1161\u11AB", "\uD55C"},
      {"\u3131", "\u1100"},
      {"\uFFA1", "\u1100"},
      // Emoji stay as they are.
      {"\U0001F44D\U0001F3FD", "\U0001F44D\U0001F3FD"},
      // Combining sequences compose; marks are put in canonical order.
      {"cafe\u0301", "caf\u00E9"},
      {"NAI\u0308VE", "na\u00EFve"},  // the mark composes with the last ASCII letter
      {"CAF\u00C9", "caf\u00E9"},
      {"E\u0301", "\u00E9"},
      {"\u212B", "\u00E5"},
      {"q\u0307\u0323", "q\u0323\u0307"},
      {"\u01C5", "d\u017E"},
      // Half-width katakana: the voiced sound mark maps to a combining mark and composes.
      {"\uFF76\uFF9E", "\u30AC"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(fold(c.in), c.expected) << "input " << dump(c.in) << "\n  got      " << dump(fold(c.in))
                                      << "\n  expected " << dump(c.expected);
  }
  // It appends.
  std::string out = "x:";
  u::append_nfkc_casefold("\u00C9t\u00C9", out);
  u::append_nfkc_casefold("ABC", out);
  EXPECT_EQ(out, "x:\u00E9t\u00E9abc");
}

}  // namespace
