// Stage 1: bytes -> valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace precis::decode {

// Returns `in` with every ill-formed UTF-8 sequence replaced by U+FFFD, one U+FFFD per
// maximal subpart (the Unicode Standard's recommended practice, ch. 3 "U+FFFD
// Substitution of Maximal Subparts", also what the WHATWG decoder and ICU do).
// Overlongs, surrogates (ED A0..BF ..), code points above U+10FFFF and truncated
// sequences are all ill-formed. A leading byte-order mark is kept as text (it is
// dropped from sentences by the splitter like any other format character).
// `*repaired` (optional) receives the number of replacements.
std::string repair_utf8(std::string_view in, std::size_t* repaired = nullptr);

}  // namespace precis::decode
