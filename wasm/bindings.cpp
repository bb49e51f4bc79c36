// The wasm adapter: a thin, stateless boundary between JavaScript and the core.
// Strings in, JSON strings out; nothing throws across the boundary. This is the one
// place where byte offsets become UTF-16 indices (JavaScript string positions).
#include <emscripten/bind.h>

#include <string>

#include "precis/json.hpp"
#include "precis/precis.hpp"

namespace {

using precis::Json;

// Rewrites every sentence's "start"/"end" from UTF-8 byte offsets into `text` to UTF-16
// code-unit indices. Sentences are in document order and never overlap, so one
// forward walk over the text serves them all.
void to_utf16_offsets(const std::string& text, Json& sentences) {
  std::size_t byte = 0, unit = 0;
  auto advance_to = [&](std::size_t target) {
    while (byte < target && byte < text.size()) {
      const auto b = static_cast<unsigned char>(text[byte]);
      const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      unit += len == 4 ? 2 : 1;
      byte += len;
    }
    return unit;
  };
  for (auto& s : sentences) {
    s["start"] = advance_to(s["start"].get<std::size_t>());
    s["end"] = advance_to(s["end"].get<std::size_t>());
  }
}

std::string error_json(const precis::Status& status) {
  return precis::dump(Json{{"error", precis::error_to_json(status)}});
}

template <class Fn>
std::string call(const std::string& text, const std::string& options_json, Fn&& fn) {
  try {
    precis::Options options;
    Json object = Json::parse(options_json, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded()) return error_json({precis::ErrorCode::kInvalidOption, "options are not valid JSON"});
    precis::Status status = precis::options_from_json(object, &options, precis::UnknownKeys::kReject);
    if (!status.ok()) return error_json(status);
    return fn(options);
  } catch (...) {
    return error_json({precis::ErrorCode::kInternal, "unexpected error in the wasm adapter"});
  }
}

// summarize(text, optionsJSON) -> result JSON with UTF-16 offsets, or {"error": ...}.
std::string summarize(const std::string& text, const std::string& options_json) {
  return call(text, options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::summarize(text, options, &result);
    if (!status.ok()) return error_json(status);
    Json json = precis::result_to_json(result);
    to_utf16_offsets(result.text, json["sentences"]);
    return precis::dump(json);
  });
}

// The same with the core's UTF-8 byte offsets: byte-identical to `precis summarize
// --format json`, for the native/wasm parity tests.
std::string summarize_bytes(const std::string& text, const std::string& options_json) {
  return call(text, options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::summarize(text, options, &result);
    if (!status.ok()) return error_json(status);
    return precis::dump(precis::result_to_json(result));
  });
}

std::string split(const std::string& text, const std::string& options_json) {
  return call(text, options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::split(text, options, &result);
    if (!status.ok()) return error_json(status);
    Json json = precis::split_to_json(result);
    to_utf16_offsets(result.text, json["sentences"]);
    return precis::dump(json);
  });
}

std::string version() { return "0.1.0"; }

}  // namespace

EMSCRIPTEN_BINDINGS(precis) {
  emscripten::function("summarize", &summarize);
  emscripten::function("summarizeBytes", &summarize_bytes);
  emscripten::function("split", &split);
  emscripten::function("version", &version);
}
