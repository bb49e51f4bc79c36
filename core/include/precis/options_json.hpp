// Options from JSON, without a JSON library. The core owns option validation, so the
// CLI, batch and the wasm module accept and reject exactly the same things with the same
// codes and messages: validation (apply_options) works on a neutral list of (key, value)
// pairs, which the native side fills from a nlohmann object (precis/json.hpp) and the
// wasm module from the options JSON text (options_from_json_text, a small parser: the JS
// API sends the options object as JSON.stringify writes it).
#pragma once

#include <cstdint>
#include <forward_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace precis {

enum class UnknownKeys { kReject, kIgnore };

// One option's value, as JSON typed it. Numbers keep the JSON reader's distinction
// between non-negative integers (kUnsigned), negative ones (kInteger) and the rest
// (kFloat: a fraction, an exponent, or an integer too large for 64 bits).
struct OptionValue {
  enum class Type { kNull, kBool, kInteger, kUnsigned, kFloat, kString, kOther /* array, object */ };
  Type type = Type::kNull;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  double number = 0;
  std::string_view string;  // borrowed: valid while the source (JSON text or object) is
};

struct OptionEntry {
  std::string_view key;  // borrowed, like OptionValue::string
  OptionValue value;
};

// Applies `entries` (an object's members, in order) to `*options`:
//   "sentences": integer >= 1 | "ratio": number in (0, 1] | "words": integer >= 1 |
//   "characters": integer >= 1
//   (one budget per object; it replaces the budget already in *options),
//   "lang" (or "language"): "auto" or a language tag,
//   "algorithm": "auto" | "lead" | "textrank" | "lexrank" | "centroid" | "sumbasic" |
//                "luhn" | "klsum",
//   "input": "text" | "html", "max_input_bytes": integer >= 1.
// Integers may be written as integral floats (3.0). Unknown keys are an error (kReject)
// or skipped (kIgnore, for batch lines that carry other fields). A key given more than
// once counts at its first place with its last value, as when the object is read into
// nlohmann::ordered_json. Returns kInvalidOption / kInvalidLanguage with a message naming
// the key; *options is left alone on error.
Status apply_options(std::span<const OptionEntry> entries, Options* options,
                     UnknownKeys unknown = UnknownKeys::kReject);

// The error for options that are JSON but not an object.
Status options_not_an_object();

// Parses `json` (UTF-8 JSON text, as strict as nlohmann::json::parse: RFC 8259 plus an
// optional leading byte order mark) and applies it with apply_options. Text that is not
// valid JSON gives kInvalidOption "options are not valid JSON"; JSON that is not an
// object gives options_not_an_object(). Any nesting depth is accepted (values other than
// the flat options are only checked for validity, never built).
Status options_from_json_text(std::string_view json, Options* options, UnknownKeys unknown = UnknownKeys::kReject);

// The parser alone: the object's members in order, repeated keys included (apply_options
// resolves them). Returns false if the text is not valid JSON; *is_object tells whether
// it was an object. String values and keys
// point into `json` or, when they had escapes, into *storage (a list: its strings stay
// where they are as it grows).
bool parse_options_json(std::string_view json, std::vector<OptionEntry>* entries, bool* is_object,
                        std::forward_list<std::string>* storage);

}  // namespace precis
