// Lookups in the property tables that core/data/gen/unicode.mjs generates: sorted
// arrays of (start << 5 | value) that cover every code point, each range running to the
// next start. Shared by every property (category, script, sentence and word breaks).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace precis::unicode {

// The value at cp (cp <= U+10FFFF): the last range whose start is <= cp. The key
// (cp << 5 | 31) sorts after every entry that starts at cp.
template <std::size_t N>
std::uint32_t packed_value(const std::uint32_t (&ranges)[N], char32_t cp) {
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 5) | 31u;
  return *(std::upper_bound(std::begin(ranges), std::end(ranges), key) - 1) & 31u;
}

// The values of U+0000..U+007F, computed at compile time from the same table, for an
// ASCII fast path that types no property value by hand.
template <class Value, std::size_t N>
constexpr std::array<Value, 128> packed_ascii_table(const std::uint32_t (&ranges)[N]) {
  std::array<Value, 128> table{};
  std::size_t r = 0;
  for (std::uint32_t cp = 0; cp < 128; ++cp) {
    while (r + 1 < N && (ranges[r + 1] >> 5) <= cp) ++r;
    table[cp] = static_cast<Value>(ranges[r] & 31u);
  }
  return table;
}

}  // namespace precis::unicode
