// libFuzzer target: the segmenter (core/src/segment) on the blocks of a plain text,
// stages 1-3 as split() runs them, with the rules of a language the input chooses.
// Input: byte 0 chooses the language (a language with its own data file, "und" or the
// detected one, see kExtra), the rest is the text (any bytes; repaired first).
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/blocks.hpp"
#include "blocks/classify.hpp"
#include "decode/decode.hpp"
#include "fuzz_check.hpp"
#include "lang/lang.hpp"
#include "segment/segment.hpp"
#include "unicode/unicode.hpp"

namespace {

// Besides the languages with data: detection ("auto"), and tags without data of their
// own, which get the English rules (segment.hpp).
constexpr std::string_view kExtra[] = {"auto", "und", "ja", "zh-Hant", "pt-BR", "EN_gb", "xx"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  precis_fuzz::Bytes in(data, size);
  static const std::vector<std::string> kWithRules = precis::segment::languages_with_rules();
  const std::size_t choice = in.byte() % (kWithRules.size() + std::size(kExtra));
  const std::string text = precis::decode::repair_utf8(in.rest());

  std::string language =
      choice < kWithRules.size() ? kWithRules[choice] : std::string(kExtra[choice - kWithRules.size()]);
  if (language == "auto") language = precis::lang::detect(text);
  language = precis::lang::normalize_tag(language);
  const auto& rules = precis::segment::rules_for(language == "und" ? "en" : language);

  auto blocks = precis::blocks::find_blocks(text, [&](std::string_view word) {
    return rules.lookup(precis::unicode::fold(word)) != precis::segment::AbbrevClass::kNone;
  });
  precis::blocks::classify(text, blocks, language);
  std::vector<precis::segment::Span> spans;
  precis::segment::split_blocks(text, blocks, rules, spans);

  // Sentences: non-empty, in order, not overlapping, inside their block, on character
  // boundaries (their offsets are what every Result carries).
  std::size_t last_end = 0;
  std::uint32_t last_block = 0;
  for (const auto& s : spans) {
    FUZZ_CHECK(s.block < blocks.size() && s.block >= last_block);
    const auto& b = blocks[s.block];
    FUZZ_CHECK(s.start >= last_end && s.start < s.end);
    FUZZ_CHECK(s.start >= b.start && s.end <= b.end && b.end <= text.size());
    FUZZ_CHECK(precis_fuzz::on_boundary(text, s.start) && precis_fuzz::on_boundary(text, s.end));
    last_end = s.end;
    last_block = s.block;
  }
  return 0;
}
