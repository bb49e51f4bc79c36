// The wasm adapter: a thin boundary between JavaScript and the core, stateless but for
// the last reply (until the JS side has read it).
// UTF-8 text in (bytes the JS side encoded with TextEncoder into memory it allocated
// with _malloc: embind's own string conversion is a JavaScript loop, 10 ms for 1 MB),
// JSON out as a view of the reply's bytes in the module's memory, which the JS side
// decodes with TextDecoder and then releases (releaseReply): embind's std::string return
// would copy it once more and scan it twice in JavaScript loops (about 5 ms for the
// 1.5 MB reply of a 1 MB text). Nothing throws across the boundary. This is the one
// place that asks for UTF-16 indices (JavaScript string positions) instead of byte
// offsets; the JSON writer converts them as it writes.
//
// No JSON library here: options are read by the core's small parser
// (precis/options_json.hpp) and results written by its streaming writer
// (precis/json_writer.hpp), the same writer the native CLI uses.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <malloc.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

// The last reply, kept until the JS side has decoded it.
std::string g_reply;

// A view of the reply's UTF-8 bytes; valid until the next call or releaseReply().
emscripten::val reply(std::string json) {
  g_reply = std::move(json);
  return emscripten::val(emscripten::typed_memory_view(g_reply.size(), reinterpret_cast<const unsigned char*>(g_reply.data())));
}

// Frees the reply (a call must leave the heap as it found it: tests/wasm/memory.test.mjs).
void release_reply() { std::string().swap(g_reply); }

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

// The text the JS side wrote at wasm address `at`: `length` bytes of UTF-8.
std::string_view text_at(std::uintptr_t at, std::size_t length) {
  return length == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(at), length);
}

// Sentence texts: null for text input, where each is the slice of the caller's string
// between its UTF-16 offsets (the JS side fills them in, precis.mjs fillTexts); written
// for HTML input, whose sentences are slices of the visible text instead.
precis::SentenceTexts texts_for(const precis::Result& result) {
  return result.html ? precis::SentenceTexts::kWritten : precis::SentenceTexts::kNull;
}

// summarize(textAt, length, optionsJSON) -> result JSON with UTF-16 offsets (sentence
// texts as texts_for says), or {"error": ...}.
emscripten::val summarize(std::uintptr_t at, std::size_t length, const std::string& options_json) {
  const std::string_view text = text_at(at, length);
  return reply(call(options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::summarize(text, options, &result);
    if (!status.ok()) return error_reply(status);
    return precis::result_json(result, precis::Offsets::kUtf16Units, texts_for(result));
  }));
}

// The same with the core's UTF-8 byte offsets: byte-identical to `precis summarize
// --format json`, for the native/wasm parity tests.
emscripten::val summarize_bytes(std::uintptr_t at, std::size_t length, const std::string& options_json) {
  const std::string_view text = text_at(at, length);
  return reply(call(options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::summarize(text, options, &result);
    if (!status.ok()) return error_reply(status);
    return precis::result_json(result, precis::Offsets::kUtf8Bytes);
  }));
}

// split(textAt, length, optionsJSON): like summarize, sentence texts as texts_for says.
emscripten::val split(std::uintptr_t at, std::size_t length, const std::string& options_json) {
  const std::string_view text = text_at(at, length);
  return reply(call(options_json, [&](const precis::Options& options) {
    precis::Result result;
    precis::Status status = precis::split(text, options, &result);
    if (!status.ok()) return error_reply(status);
    return precis::split_json(result, precis::Offsets::kUtf16Units, texts_for(result));
  }));
}

// checkSize(length, optionsJSON) -> "" when a text of `length` UTF-8 bytes may be sent,
// else {"error": ...} (bad options, or input_too_large with summarize's own message):
// the JS side asks before it copies a large text into the wasm memory, which would grow
// for good even for a text the core then refuses.
std::string check_size(std::size_t length, const std::string& options_json) {
  return call(options_json, [&](const precis::Options& options) {
    const precis::Status status = precis::check_input_size(length, options);
    return status.ok() ? std::string() : error_reply(status);
  });
}

std::string version() { return "0.1.0"; }

}  // namespace

// Bytes the allocator has handed out and not had back (dlmalloc's mallinfo().uordblks),
// for tests/wasm/memory.test.mjs: a summarize() call must leave it where it was.
extern "C" EMSCRIPTEN_KEEPALIVE std::size_t precis_heap_in_use() { return mallinfo().uordblks; }

EMSCRIPTEN_BINDINGS(precis) {
  emscripten::function("summarize", &summarize);
  emscripten::function("summarizeBytes", &summarize_bytes);
  emscripten::function("split", &split);
  emscripten::function("checkSize", &check_size);
  emscripten::function("releaseReply", &release_reply);
  emscripten::function("version", &version);
}
