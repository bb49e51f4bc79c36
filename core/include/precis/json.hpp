// The nlohmann/json faces of the API, for native code only (the CLI reads batch lines
// and flags into nlohmann objects; tests use the DOM forms as a reference). The wasm
// module does not use this header: it reads options with precis/options_json.hpp and
// writes JSON with precis/json_writer.hpp, and so do the CLI's outputs.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "precis/json_writer.hpp"
#include "precis/options_json.hpp"
#include "precis/precis.hpp"

namespace precis {

using Json = nlohmann::ordered_json;

// Applies the options present in `object` to `*options`: the members of the object go
// through apply_options (see precis/options_json.hpp for the keys and values accepted).
// Returns kInvalidOption / kInvalidLanguage with a message naming the key.
Status options_from_json(const Json& object, Options* options, UnknownKeys unknown = UnknownKeys::kReject);

// Writes any JSON value (e.g. a batch line's "id", echoed back) with the streaming
// writer, exactly as dump() would print it.
void write_json(JsonWriter& w, const Json& value);

// The result, split and error JSON as nlohmann DOMs, the way they were built before the
// streaming writer: the reference tests/core/json_writer_test.cpp holds result_json,
// split_json and error_json to, byte for byte (through dump()).
Json result_to_json(const Result& result);
Json split_to_json(const Result& result);
Json error_to_json(const Status& status);

// One line of JSON, UTF-8; never throws (invalid UTF-8 is replaced).
std::string dump(const Json& json);

}  // namespace precis
