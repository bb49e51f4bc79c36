// libFuzzer target: the whole public API, summarize (or split) with fuzzed options, and
// the result written out as each front end writes it.
//
// Input layout. Byte 0 is a mode:
//   bit 7 set: the options come as JSON text, the way the wasm module gets them: the
//     bytes after byte 0 up to the first NUL are read with options_from_json_text
//     (bit 6: unknown keys ignored instead of rejected), the rest is the text;
//   bit 7 clear: the options are set directly on the struct, from header bytes:
//     bits 0-1  budget: sentences, ratio, words, characters
//     bit  2    input: html (else text)
//     bit  6    max_input_bytes = byte 1 (0..255) instead of the default
//     byte 1    the budget's value: below 0xE0 the byte itself (0 included; ratio:
//               byte / 200, so 0 to 1.115), else one of the edge values of kInts /
//               kRatios (negative, huge, NaN, infinite, denormal, just above 1)
//     byte 2    the language: one of kLanguages, or from 0xF0 the next (byte - 0xF0)
//               input bytes as the tag, whatever they are
//     byte 3    the algorithm: one of kAlgorithms (the valid ones and two invalid)
//   in both: bit 3 calls split instead of summarize; bits 4-5 choose the output: JSON
//   with UTF-8 byte offsets (CLI, batch), JSON with UTF-16 offsets (JS API), text lines
//   (CLI text/markdown), or split JSON.
// Any input decodes to some request (missing bytes read as 0).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "precis/json_writer.hpp"
#include "precis/options_json.hpp"
#include "precis/precis.hpp"

namespace {

// The tables, compact: one edge value after another.
// clang-format off
constexpr int kInts[] = {-1, 0, 1, std::numeric_limits<int>::max(), std::numeric_limits<int>::min(),
                         std::numeric_limits<int>::max() - 1, 1 << 20, 1000000, -1000, 2, 3};
constexpr double kRatios[] = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(), -0.0, 0.0,
                              std::numeric_limits<double>::denorm_min(), 1e-300, 1.0,
                              1.0000000000000002 /* the next double above 1 */, 0.5, 0.9999999999999999, 1e300};
constexpr std::string_view kLanguages[] = {
    "auto", "en", "de", "fr", "es", "it", "pt-BR", "nl", "ru", "uk", "pl", "tr", "el", "ar", "he",
    "hi", "zh", "zh-Hant", "ja", "ko", "th", "kk", "fi", "und", "xx", "tlh", "EN_gb", "de-CH-1996",
    "en-", "e", "", "!!", "auto-x", "en-GB-oxendict-abcdefghi", "sr-Latn-RS", "qaa", "AUTO", "de_de"};
constexpr std::string_view kAlgorithms[] = {"auto", "lead", "textrank", "lexrank", "centroid",
                                            "sumbasic", "luhn", "klsum", "bogus", ""};
// clang-format on

template <class T, std::size_t N>
const T& pick(const T (&table)[N], std::uint8_t byte) {
  return table[byte % N];
}

// The options from header bytes (layout above).
precis::Options direct_options(std::uint8_t mode, precis_fuzz::Bytes& in) {
  precis::Options o;
  const std::uint8_t value = in.byte();
  const bool edge = value >= 0xE0;
  switch (mode & 3) {
    case 0:
      o.budget = precis::Budget::kSentences;
      o.sentences = edge ? pick(kInts, value) : value;
      break;
    case 1:
      o.budget = precis::Budget::kRatio;
      o.ratio = edge ? pick(kRatios, value) : value / 200.0;
      break;
    case 2:
      o.budget = precis::Budget::kWords;
      o.words = edge ? pick(kInts, value) : value;
      break;
    default:
      o.budget = precis::Budget::kCharacters;
      o.characters = edge ? pick(kInts, value) : value;
      break;
  }
  if (mode & 4) o.input = precis::InputFormat::kHtml;
  if (mode & 0x40) o.max_input_bytes = value;
  const std::uint8_t lang = in.byte();
  o.language = lang >= 0xF0 ? std::string(in.take(lang - 0xF0)) : std::string(pick(kLanguages, lang));
  o.algorithm = pick(kAlgorithms, in.byte());
  return o;
}

// What a successful call promises (precis.hpp): offsets into the repaired text on
// character boundaries and in order, a summary of eligible, selected sentences in
// ascending order, parts inside Result::parts, finite scores.
void check_result(const precis::Result& r, bool summarized) {
  const std::string_view text = r.text;
  FUZZ_CHECK(precis_fuzz::valid_utf8(text) && precis_fuzz::valid_utf8(r.title));
  FUZZ_CHECK(!r.language.empty() && r.stats.sentences == r.sentences.size());
  std::size_t last_end = 0;
  std::uint32_t last_block = 0;
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const precis::Sentence& s = r.sentences[i];
    FUZZ_CHECK(s.start >= last_end && s.start < s.end && s.end <= text.size());
    FUZZ_CHECK(precis_fuzz::on_boundary(text, s.start) && precis_fuzz::on_boundary(text, s.end));
    FUZZ_CHECK(s.block >= last_block && !s.block_type.empty());
    FUZZ_CHECK(std::isfinite(s.score));
    FUZZ_CHECK(s.parts_begin <= s.parts_end && s.parts_end <= r.parts.size());
    for (const precis::ScorePart& p : r.sentence_parts(i)) FUZZ_CHECK(std::isfinite(p.value) && !p.name.empty());
    last_end = s.end;
    last_block = s.block;
  }
  std::size_t selected = 0;
  for (const precis::Sentence& s : r.sentences) selected += s.selected;
  FUZZ_CHECK(selected == r.summary.size());
  for (std::size_t k = 0; k < r.summary.size(); ++k) {
    const std::size_t i = r.summary[k];
    FUZZ_CHECK(i < r.sentences.size() && r.sentences[i].selected && r.sentences[i].eligible);
    if (k) FUZZ_CHECK(r.summary[k - 1] < i);
  }
  if (!summarized) FUZZ_CHECK(r.summary.empty() && r.keywords.empty());
  for (const precis::Keyword& kw : r.keywords) FUZZ_CHECK(std::isfinite(kw.score) && precis_fuzz::valid_utf8(kw.text));
}

// The output each front end would print; every JSON form must read back as JSON.
void write_output(const precis::Result& r, int format) {
  std::string out;
  switch (format) {
    case 0:
      out = precis::result_json(r, precis::Offsets::kUtf8Bytes);
      break;
    case 1:
      out = precis::result_json(r, precis::Offsets::kUtf16Units);
      break;
    case 2:  // the CLI's text and markdown forms: the title and the chosen sentences
      out = r.title;
      for (std::size_t i : r.summary) out.append(r.sentence_text(i)).push_back('\n');
      return;
    default:
      out = precis::split_json(r);
      break;
  }
  FUZZ_CHECK(nlohmann::json::accept(out));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  precis_fuzz::Bytes in(data, size);
  const std::uint8_t mode = in.byte();
  precis::Options options;
  std::string_view text;
  if (mode & 0x80) {
    const std::string_view rest = in.rest();
    const std::size_t nul = rest.find('\0');
    const std::string_view json = rest.substr(0, nul);
    text = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
    const auto unknown = (mode & 0x40) ? precis::UnknownKeys::kIgnore : precis::UnknownKeys::kReject;
    const precis::Status status = precis::options_from_json_text(json, &options, unknown);
    if (!status.ok()) {
      // Rejected options: an error code and a message, and the JSON error writer copes.
      FUZZ_CHECK(status.code == precis::ErrorCode::kInvalidOption ||
                 status.code == precis::ErrorCode::kInvalidLanguage);
      FUZZ_CHECK(!status.message.empty() && nlohmann::json::accept(precis::error_json(status)));
      return 0;
    }
  } else {
    options = direct_options(mode, in);
    text = in.rest();
  }

  const bool summarize = !(mode & 8);
  precis::Result result;
  const precis::Status status =
      summarize ? precis::summarize(text, options, &result) : precis::split(text, options, &result);
  if (!status.ok()) {
    // Bad options and oversized input are the only failures a caller can cause; never
    // an internal error (an exception the core caught).
    FUZZ_CHECK(status.code == precis::ErrorCode::kInvalidOption || status.code == precis::ErrorCode::kInvalidLanguage ||
               status.code == precis::ErrorCode::kInputTooLarge || status.code == precis::ErrorCode::kUnsupported);
    FUZZ_CHECK(!status.message.empty() && nlohmann::json::accept(precis::error_json(status)));
    return 0;
  }
  check_result(result, summarize);
  write_output(result, (mode >> 4) & 3);
  return 0;
}
