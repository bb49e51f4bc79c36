// Shared by the libFuzzer targets of tests/fuzz (docs/FUZZING.md): a check that stops
// the run, a byte reader for option headers, and the invariants several targets hold
// the core to.
//
// The sanitizers find memory errors and undefined behaviour on their own; these checks
// add the contracts the headers promise (valid UTF-8 out, offsets inside the text and on
// character boundaries, ranges in order), which no sanitizer can see. A failed check
// aborts: libFuzzer takes the abort for a crash and writes the input to the artifacts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace precis_fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* what) {
  std::fprintf(stderr, "FUZZ CHECK FAILED %s:%d: %s\n", file, line, what);
  std::abort();
}

}  // namespace precis_fuzz

// Unlike assert(), never compiled out (the fuzz build is RelWithDebInfo, with NDEBUG).
#define FUZZ_CHECK(cond)                                         \
  do {                                                           \
    if (!(cond)) ::precis_fuzz::fail(__FILE__, __LINE__, #cond); \
  } while (0)

namespace precis_fuzz {

// Reads the option bytes at the front of an input. Past the end it gives zeros, so that
// every input, even an empty one, decodes to some options: libFuzzer's mutations then
// never waste runs on inputs a target would turn away.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : p_(data), n_(size) {}
  std::uint8_t byte() {
    if (n_ == 0) return 0;
    --n_;
    return *p_++;
  }
  // Up to `count` bytes as text (fewer at the end of the input).
  std::string_view take(std::size_t count) {
    if (count > n_) count = n_;
    std::string_view s(reinterpret_cast<const char*>(p_), count);
    p_ += count, n_ -= count;
    return s;
  }
  std::string_view rest() { return take(n_); }

 private:
  const std::uint8_t* p_;
  std::size_t n_;
};

// Well-formed UTF-8 after Unicode Table 3-7, written independently of core/src/decode so
// that the decode target can compare the two. Returns the length of the well-formed
// sequence at s[i], or 0 if none starts there; *prefix (optional) receives the length of
// its maximal subpart (at least 1), the bytes one U+FFFD replaces.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t* prefix = nullptr) {
  const auto at = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const std::uint8_t b = at(i);
  std::size_t len = 0;
  std::uint8_t lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (b < 0x80) {
    len = 1;
  } else if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;  // no overlongs
    if (b == 0xED) hi = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;  // no overlongs
    if (b == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  }
  if (prefix) *prefix = 1;
  if (len == 0) return 0;
  std::size_t k = 1;
  for (; k < len; ++k) {
    if (i + k >= s.size()) break;
    const std::uint8_t c = at(i + k);
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) break;
  }
  if (prefix) *prefix = k;
  return k == len ? len : 0;
}

inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// True when `offset` is a place a UTF-8 character may start or the text end: never
// inside a character (offsets become UTF-16 indices in the JS API and slice strings).
inline bool on_boundary(std::string_view s, std::size_t offset) {
  return offset == s.size() || (offset < s.size() && (static_cast<std::uint8_t>(s[offset]) & 0xC0) != 0x80);
}

}  // namespace precis_fuzz
