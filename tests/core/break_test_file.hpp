// Shared by the UAX #29 conformance tests: reads Unicode's *BreakTest.txt format,
// "÷ 0001 × 0308 ÷ 0001 ÷  # comment", into texts and expected boundaries.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unicode/unicode.hpp"

namespace precis_test {

namespace u = precis::unicode;

inline std::string hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

inline std::string join(const std::vector<std::size_t>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
  return out + "}";
}

// One line of a break test file: "÷ 0001 × 0308 ÷ 0001 ÷  # comment".
struct Case {
  int line = 0;
  std::string source;                 // the line without its comment
  std::string text;                   // the code points, as UTF-8
  std::vector<std::size_t> expected;  // byte offsets of the ÷ strictly inside the text
};

// Returns false (with `error` set) on a line that is neither blank, comment, nor a case.
inline bool parse_case(const std::string& raw, int line, Case& c, std::string& error) {
  c = Case{};
  c.line = line;
  c.source = raw.substr(0, raw.find('#'));
  std::istringstream in(c.source);
  std::string tok;
  std::vector<bool> breaks;  // breaks[k]: ÷ before code point k (k == count: at eot)
  std::vector<std::size_t> offsets;
  while (in >> tok) {
    if (tok == "\xC3\xB7" || tok == "\xC3\x97") {  // ÷ or ×
      if (breaks.size() != offsets.size()) {
        error = "two marks in a row";
        return false;
      }
      breaks.push_back(tok == "\xC3\xB7");
    } else {
      char* stop = nullptr;
      const unsigned long cp = std::strtoul(tok.c_str(), &stop, 16);
      if (*stop != '\0' || cp > 0x10FFFF || breaks.size() != offsets.size() + 1) {
        error = "bad token '" + tok + "'";
        return false;
      }
      offsets.push_back(c.text.size());
      u::append_utf8(static_cast<char32_t>(cp), c.text);
    }
  }
  if (offsets.empty()) return true;  // blank or comment-only line
  if (breaks.size() != offsets.size() + 1) {
    error = "no mark after the last code point";
    return false;
  }
  for (std::size_t k = 1; k < offsets.size(); ++k) {
    if (breaks[k]) c.expected.push_back(offsets[k]);
  }
  return true;
}

// What running a whole break test file found.
struct Conformance {
  bool opened = false;
  std::string error;                  // a line that could not be read: "file:line: why"
  int total = 0, passed = 0;
  std::vector<std::string> failures;  // the first ten failing cases
};

// Runs every case of a *BreakTest.txt file through `boundaries(text, begin, end)`: the
// case as a whole text, and embedded between each (prefix, suffix) of `contexts` with
// begin/end around it -- the range must be segmented as if nothing else were there.
inline Conformance run_break_test(
    const char* path, const std::function<std::vector<std::size_t>(std::string_view, std::size_t, std::size_t)>& boundaries,
    const std::vector<std::pair<std::string, std::string>>& contexts) {
  Conformance r;
  std::ifstream in(path);
  r.opened = static_cast<bool>(in);
  std::string raw;
  int line = 0;
  while (r.opened && std::getline(in, raw)) {
    ++line;
    Case c;
    std::string error;
    if (!parse_case(raw, line, c, error)) {
      r.error = std::string(path) + ":" + std::to_string(line) + ": " + error;
      return r;
    }
    if (c.text.empty()) continue;
    ++r.total;
    const auto got = boundaries(c.text, 0, c.text.size());
    std::string embedded_failure;
    for (const auto& [prefix, suffix] : contexts) {
      auto embedded = boundaries(prefix + c.text + suffix, prefix.size(), prefix.size() + c.text.size());
      for (auto& b : embedded) b -= prefix.size();
      if (embedded != c.expected && embedded_failure.empty()) {
        embedded_failure = ", embedded after \"" + prefix + "\" got " + join(embedded);
      }
    }
    if (got == c.expected && embedded_failure.empty()) {
      ++r.passed;
    } else if (r.failures.size() < 10) {
      r.failures.push_back("line " + std::to_string(c.line) + ": " + c.source + "\n    expected " + join(c.expected) +
                           ", got " + join(got) + embedded_failure);
    }
  }
  return r;
}

inline std::string report(const Conformance& r) {
  std::string out;
  for (const auto& f : r.failures) out += "  " + f + "\n";
  return out;
}

}  // namespace precis_test
