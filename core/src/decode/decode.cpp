#include "decode/decode.hpp"

#include <string>  // boost/locale/utf.hpp needs <string> first under libc++
#include <boost/locale/utf.hpp>

namespace precis::decode {
namespace {

using boost::locale::utf::utf_traits;

// Length of the maximal subpart starting at in[i]: the longest prefix of a well-formed
// sequence (at least 1). Boost.Locale tells us *that* a sequence is ill-formed, not how
// many bytes the recommended practice replaces, so this table walk is ours
// (Unicode Table 3-7, Well-Formed UTF-8 Byte Sequences).
std::size_t maximal_subpart(std::string_view in, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(in[i]);
  unsigned lo = 0x80, hi = 0xBF;
  std::size_t need;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t len = 1;
  for (std::size_t k = 0; k < need && i + len < in.size(); ++k) {
    const auto b = static_cast<unsigned char>(in[i + len]);
    if (b < lo || b > hi) break;
    ++len;
    lo = 0x80;
    hi = 0xBF;
  }
  return len;
}

}  // namespace

std::string repair_utf8(std::string_view in, std::size_t* repaired) {
  std::size_t count = 0;
  std::string out;
  out.reserve(in.size());
  const char* p = in.data();
  const char* const end = p + in.size();
  while (p != end) {
    // ASCII runs are by far the most common: copy them without decoding.
    const char* run = p;
    while (run != end && static_cast<unsigned char>(*run) < 0x80) ++run;
    out.append(p, run);
    p = run;
    if (p == end) break;
    const char* start = p;
    const auto cp = utf_traits<char>::decode(p, end);
    if (cp == boost::locale::utf::illegal || cp == boost::locale::utf::incomplete) {
      const std::size_t at = static_cast<std::size_t>(start - in.data());
      p = start + maximal_subpart(in, at);
      out.append("\xEF\xBF\xBD");
      ++count;
    } else {
      out.append(start, p);
    }
  }
  if (repaired) *repaired = count;
  return out;
}

}  // namespace precis::decode
