// The wasm adapter: a thin, stateless boundary between JavaScript and the core.
// Strings in, JSON strings out; nothing throws across the boundary. This is the one
// place that asks for UTF-16 indices (JavaScript string positions) instead of byte
// offsets; the JSON writer converts them as it writes.
//
// No JSON library here: options are read by the core's small parser
// (precis/options_json.hpp) and results written by its streaming writer
// (precis/json_writer.hpp), the same writer the native CLI uses.
#include <emscripten/bind.h>

#include <string>

#include "precis/json_writer.hpp"
#include "precis/options_json.hpp"
#include "precis/precis.hpp"

namespace {

// {"error": {"code": ..., "message": ...}}
std::string error_reply(const precis::Status& status) {
  precis::JsonWriter w;
  w.begin_object();
  w.key("error");
  precis::write_error(w, status);
  w.end_object();
  return w.take();
}

template <class Fn>
std::string call(const std::string& options_json, Fn&& fn) {
  try {
    precis::Options options;
    precis::Status status = precis::options_from_json_text(options_json, &options, precis::UnknownKeys::kReject);
    if (!status.ok()) return error_reply(status);
    return fn(options);
  } catch (...) {
    return error_reply({precis::ErrorCode::kInternal, "unexpected error in the wasm adapter"});
  }
}

// summarize(text, optionsJSON) -> result JSON with UTF-16 offsets, or {"error": ...}.
std::string summarize(const std::string& text, const std::string& options_json) {
  return call(options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::summarize(text, options, &result);
    if (!status.ok()) return error_reply(status);
    return precis::result_json(result, precis::Offsets::kUtf16Units);
  });
}

// The same with the core's UTF-8 byte offsets: byte-identical to `precis summarize
// --format json`, for the native/wasm parity tests.
std::string summarize_bytes(const std::string& text, const std::string& options_json) {
  return call(options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::summarize(text, options, &result);
    if (!status.ok()) return error_reply(status);
    return precis::result_json(result, precis::Offsets::kUtf8Bytes);
  });
}

std::string split(const std::string& text, const std::string& options_json) {
  return call(options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::split(text, options, &result);
    if (!status.ok()) return error_reply(status);
    return precis::split_json(result, precis::Offsets::kUtf16Units);
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
