// JSON faces of the API (nlohmann/json): options from JSON objects (batch lines, the
// JS API) and results as the JSON of DESIGN.md. The core owns option validation, so
// the CLI, batch and the wasm module all accept and reject exactly the same things.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "precis/precis.hpp"

namespace precis {

using Json = nlohmann::ordered_json;

enum class UnknownKeys { kReject, kIgnore };

// Applies the options present in `object` to `*options`:
//   "sentences": integer >= 1 | "ratio": number in (0, 1] | "words": integer >= 1 |
//   "characters": integer >= 1
//   (one budget per object; it replaces the budget already in *options),
//   "lang" (or "language"): "auto" or a language tag,
//   "algorithm": "auto" | "lead" | "textrank" | "lexrank" | "centroid" | "sumbasic" |
//                "luhn" | "klsum",
//   "input": "text" | "html", "max_input_bytes": integer >= 1.
// Unknown keys are an error (kReject) or skipped (kIgnore, for batch lines that carry
// other fields). Returns kInvalidOption / kInvalidLanguage with a message naming the key.
Status options_from_json(const Json& object, Options* options, UnknownKeys unknown = UnknownKeys::kReject);

// The result JSON of DESIGN.md: {language, sentences, summary, keywords, stats}.
// Scores are rounded to 6 decimals, milliseconds to 3.
Json result_to_json(const Result& result);

// {"language", "sentences": [{"text", "start", "end", "block"}]} for `precis split`.
Json split_to_json(const Result& result);

// {"code": "...", "message": "..."}
Json error_to_json(const Status& status);

// One line of JSON, UTF-8; never throws (invalid UTF-8 would be replaced, though the
// core only ever holds repaired text).
std::string dump(const Json& json);

}  // namespace precis
