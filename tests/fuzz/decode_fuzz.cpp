// libFuzzer target: the UTF-8 decoder (core/src/decode), stage 1 of every call.
// Input: any bytes. Besides the sanitizers, it compares repair_utf8 with an independent
// reading of Unicode Table 3-7 (fuzz_check.hpp), byte for byte: a differential fuzzer,
// since the repaired text is what every offset of a Result points into.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/decode.hpp"
#include "fuzz_check.hpp"

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The expected output: one U+FFFD per maximal subpart of an ill-formed sequence.
std::string reference_repair(std::string_view in, std::size_t* repaired) {
  std::string out;
  *repaired = 0;
  for (std::size_t i = 0; i < in.size();) {
    std::size_t prefix = 1;
    if (const std::size_t n = precis_fuzz::utf8_sequence(in, i, &prefix)) {
      out.append(in.substr(i, n));
      i += n;
    } else {
      out.append(kReplacement);
      ++*repaired;
      i += prefix;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::size_t repaired = 0;
  const std::string out = precis::decode::repair_utf8(in, &repaired);

  std::size_t want_repaired = 0;
  const std::string want = reference_repair(in, &want_repaired);
  FUZZ_CHECK(out == want);
  FUZZ_CHECK(repaired == want_repaired);
  FUZZ_CHECK(precis_fuzz::valid_utf8(out));
  // Valid input comes back as it is; repairing twice changes nothing more.
  FUZZ_CHECK((repaired == 0) == (out == in));
  std::size_t again = 1;
  FUZZ_CHECK(precis::decode::repair_utf8(out, &again) == out && again == 0);
  // The counter is optional: without it the text is the same.
  FUZZ_CHECK(precis::decode::repair_utf8(in) == out);
  return 0;
}
