// Stage 1: UTF-8 repair (core/src/decode). Every ill-formed sequence becomes one U+FFFD
// per maximal subpart: the longest prefix of a well-formed sequence (Unicode Table 3-7),
// or a single byte when no well-formed sequence starts with it.
//
// Table 3-7, Well-Formed UTF-8 Byte Sequences:
//   00..7F
//   C2..DF 80..BF
//   E0     A0..BF 80..BF
//   E1..EC 80..BF 80..BF
//   ED     80..9F 80..BF
//   EE..EF 80..BF 80..BF
//   F0     90..BF 80..BF 80..BF
//   F1..F3 80..BF 80..BF 80..BF
//   F4     80..8F 80..BF 80..BF
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "decode/decode.hpp"

namespace {

using namespace std::string_view_literals;
using precis::decode::repair_utf8;

constexpr std::string_view R = "\xEF\xBF\xBD";  // U+FFFD

std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (auto p : parts) s += p;
  return s;
}

struct RepairCase {
  const char* name;
  std::string in;
  std::string want;
  std::size_t repaired;
};

TEST(Decode, RepairUtf8) {
  const RepairCase cases[] = {
      // Valid text is unchanged.
      {"empty", "", "", 0},
      {"ascii", "Hello, world.", "Hello, world.", 0},
      {"two-byte", "Caf\xC3\xA9", "Caf\xC3\xA9", 0},
      {"three-byte", "\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87", 0},
      {"four-byte", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
      {"boundaries", "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF",
       "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 0},
      {"U+FFFD itself is valid", cat({"a", R, "b"}), cat({"a", R, "b"}), 0},
      {"BOM kept", "\xEF\xBB\xBFText", "\xEF\xBB\xBFText", 0},
      {"NUL kept", std::string("a\0b\0"sv), std::string("a\0b\0"sv), 0},
      // Overlongs: C0 and C1 never start a sequence; E0 needs A0..BF, F0 needs 90..BF.
      {"overlong C0 80", "\xC0\x80", cat({R, R}), 2},
      {"overlong C1 BF", "x\xC1\xBFy", cat({"x", R, R, "y"}), 2},
      {"overlong E0 80 80", "\xE0\x80\x80", cat({R, R, R}), 3},
      {"overlong E0 9F BF", "\xE0\x9F\xBF", cat({R, R, R}), 3},
      {"overlong F0 80 80", "\xF0\x80\x80", cat({R, R, R}), 3},
      {"overlong F0 8F BF BF", "\xF0\x8F\xBF\xBF", cat({R, R, R, R}), 4},
      // Surrogates: ED needs 80..9F.
      {"surrogate ED A0 80", "\xED\xA0\x80", cat({R, R, R}), 3},
      {"surrogate ED BF BF", "a\xED\xBF\xBFz", cat({"a", R, R, R, "z"}), 3},
      {"surrogate pair (CESU-8)", "\xED\xA0\xBD\xED\xB8\x80", cat({R, R, R, R, R, R}), 6},
      // Above U+10FFFF: F4 needs 80..8F; F5..FF never start a sequence.
      {"F4 90 80 80", "\xF4\x90\x80\x80", cat({R, R, R, R}), 4},
      {"F5 80 80 80", "\xF5\x80\x80\x80", cat({R, R, R, R}), 4},
      {"F5..FF bytes", "\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF", cat({R, R, R, R, R, R, R, R, R, R, R}), 11},
      {"FF between letters", "a\xFF" "b", cat({"a", R, "b"}), 1},
      // Lone continuation bytes: one each.
      {"lone 80", "\x80", std::string(R), 1},
      {"lone BF BF", "x\xBF\xBFy", cat({"x", R, R, "y"}), 2},
      {"continuation after a complete char", "\xC3\xA9\xA9", cat({"\xC3\xA9", R}), 1},
      // Truncated sequences: the well-formed prefix is one maximal subpart.
      {"truncated 2 at end", "ab\xC3", cat({"ab", R}), 1},
      {"truncated 3 at end, 1 byte", "ab\xE2", cat({"ab", R}), 1},
      {"truncated 3 at end, 2 bytes", "ab\xE2\x82", cat({"ab", R}), 1},
      {"truncated 4 at end, 3 bytes", "\xF0\x9F\x98", std::string(R), 1},
      {"truncated E2 82 then A", "\xE2\x82" "A", cat({R, "A"}), 1},
      {"truncated F0 9F 98 then space", "\xF0\x9F\x98 ok", cat({R, " ok"}), 1},
      {"truncated C3 then C3 A9", "\xC3\xC3\xA9", cat({R, "\xC3\xA9"}), 1},
      {"truncated E0 A0 then E0 A0 80", "\xE0\xA0\xE0\xA0\x80", cat({R, "\xE0\xA0\x80"}), 1},
      {"truncated F4 8F BF then x", "\xF4\x8F\xBF" "x", cat({R, "x"}), 1},
      // Unicode ch. 3, Table 3-8 (U+FFFD for non-shortest form and truncation):
      //   61 F1 80 80 E1 80 C2 62 80 63 80 BF 64
      {"Table 3-8", "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       cat({"a", R, R, R, "b", R, "c", R, R, "d"}), 6},
      // The same rules after a long ASCII run and inside multi-byte text.
      {"mid-text", "The price is 5\xE2\x82 today \xD0\x96\xFF\xD0\xB8.",
       cat({"The price is 5", R, " today \xD0\x96", R, "\xD0\xB8."}), 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + ": " + printable(c.in));
    std::size_t repaired = 12345;
    const std::string out = repair_utf8(c.in, &repaired);
    EXPECT_EQ(printable(out), printable(c.want));
    EXPECT_EQ(repaired, c.repaired);
    // Without the counter, the same text.
    EXPECT_EQ(repair_utf8(c.in), out);
    // Repaired text is valid: repairing again changes nothing.
    std::size_t again = 12345;
    EXPECT_EQ(repair_utf8(out, &again), out);
    EXPECT_EQ(again, 0u);
  }
}

TEST(Decode, EveryByteAlone) {
  // A single byte is valid exactly when it is ASCII.
  for (int b = 0; b < 256; ++b) {
    SCOPED_TRACE(b);
    const std::string in(1, static_cast<char>(b));
    std::size_t repaired = 0;
    const std::string out = repair_utf8(in, &repaired);
    if (b < 0x80) {
      EXPECT_EQ(out, in);
      EXPECT_EQ(repaired, 0u);
    } else {
      EXPECT_EQ(out, R);
      EXPECT_EQ(repaired, 1u);
    }
  }
}

}  // namespace
