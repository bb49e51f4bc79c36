// libFuzzer target: one line of `precis batch` through the CLI's own handler
// (core/cli/batch.cpp): the JSON reader, the options from the line's fields, summarize
// or split, and the JSON writer.
//
// Input: byte 0 is the command line around the line: bit 0 `--split`; bits 1-2 the
// flags' base options (none; --sentences 1; --ratio 0.5 --lang en; --words 5
// --algorithm lead --input html). The rest is the line, as the reader thread hands it
// over (without its line break).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "batch.hpp"
#include "fuzz_check.hpp"
#include "precis/precis.hpp"

namespace {

precis::Options base_options(int variant) {
  precis::Options o;
  switch (variant) {
    case 1:
      o.budget = precis::Budget::kSentences;
      o.sentences = 1;
      break;
    case 2:
      o.budget = precis::Budget::kRatio;
      o.ratio = 0.5;
      o.language = "en";
      break;
    case 3:
      o.budget = precis::Budget::kWords;
      o.words = 5;
      o.algorithm = "lead";
      o.input = precis::InputFormat::kHtml;
      break;
    default:
      break;
  }
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  precis_fuzz::Bytes in(data, size);
  const std::uint8_t mode = in.byte();
  const bool split = mode & 1;
  const std::string line(in.rest());

  bool ok = true;
  const std::string out = precis::cli::batch_line(line, split, base_options((mode >> 1) & 3), &ok);

  // One JSON object on one line (raw line breaks would split the output stream), valid
  // UTF-8 whatever the line held; an error object exactly when *ok is false.
  FUZZ_CHECK(out.find_first_of("\r\n") == std::string::npos);
  const nlohmann::json answer = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(answer.is_object() && answer.contains("id"));
  FUZZ_CHECK(ok == !answer.contains("error"));
  if (ok) {
    FUZZ_CHECK(answer.contains("sentences") && answer["sentences"].is_array());
    FUZZ_CHECK(split != answer.contains("summary"));
  } else {
    FUZZ_CHECK(answer["error"].is_object() && answer["error"]["code"].is_string());
  }
  // A raw NUL is no JSON (nlohmann would stop reading at it and take the line for the
  // JSON before it): the line is an error.
  if (line.find('\0') != std::string::npos) {
    FUZZ_CHECK(!ok);
    return 0;
  }
  // The id comes back as it was sent (the writer's numbers read back to the same value).
  const nlohmann::json request = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (request.is_object() && request.contains("id")) FUZZ_CHECK(answer["id"] == request["id"]);
  return 0;
}
