// Well-formed UTF-8 (Unicode 15, table 3-7), for the JSON writer and the options parser.
#pragma once

#include <cstddef>

namespace precis::json_utf8 {

// The length of the well-formed UTF-8 sequence at p[0..n) (n >= 1, p[0] >= 0x80), or
// minus the length of the bytes that begin one but cannot be completed (at least 1; the
// "maximal subpart" that one U+FFFD replaces, after which reading goes on).
inline int sequence(const unsigned char* p, std::size_t n) {
  const unsigned lead = p[0];
  int len;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3;
    if (lead == 0xE0)
      lo = 0xA0;  // no overlong forms
    else if (lead == 0xED)
      hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
    if (lead == 0xF0)
      lo = 0x90;  // no overlong forms
    else if (lead == 0xF4)
      hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;  // a continuation byte, C0, C1 or F5..FF
  }
  for (int i = 1; i < len; ++i) {
    if (static_cast<std::size_t>(i) >= n || p[i] < lo || p[i] > hi) return -i;
    lo = 0x80;
    hi = 0xBF;
  }
  return len;
}

}  // namespace precis::json_utf8
