// JSON output without a JSON library: a small streaming writer and the result, split
// and error JSON of DESIGN.md written with it. The CLI, batch and the wasm module all
// write through this file, so native and wasm output is the same by construction.
//
// Why not nlohmann/json (which the native CLI still uses to *read* JSON)? It does not
// compile to small wasm: its DOM, parser and serializer were 71 KB of the module's 437 KB
// of code (measured with --profiling-funcs), and building a DOM for a 1 MB article's
// result (8k sentences, each with a dozen values) took ~70 ms in wasm, against ~6 ms
// for writing the text directly. This writer is only what the result needs: objects,
// arrays, strings, integers, doubles, booleans and null, written in order.
//
// The output is byte for byte what `nlohmann::ordered_json::dump(-1, ' ', false,
// error_handler_t::replace)` gives for the same values (tests/core/json_writer_test.cpp
// holds it to that):
//   - no white space; keys in the order written;
//   - strings: `"` `\` and the control characters U+0000..U+001F are escaped (\b \f \n
//     \r \t, others as \u00xx with lowercase hex); everything else, DEL and non-ASCII
//     included, is copied; each invalid UTF-8 sequence (its maximal valid prefix, or one
//     bad byte) becomes U+FFFD;
//   - doubles: Grisu2 digits (shortest or nearly so; they read back to the same double),
//     fixed notation for decimal exponents -4 < n <= 15 (with ".0" for integral values),
//     otherwise d.ddde+XX; NaN and infinities as null.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "precis/precis.hpp"

namespace precis {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Room for about `bytes` of output before the buffer has to grow.
  explicit JsonWriter(std::size_t bytes) { buf_.resize(bytes); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // An object's key; the next call writes its value.
  void key(std::string_view name);

  void string(std::string_view s);
  void number(double v);
  void number(std::uint64_t v);
  void number(std::int64_t v);
  // The other integer types, without ambiguity (size_t, uint32_t, int, ...).
  template <class Int>
  requires(std::is_integral_v<Int> && !std::is_same_v<Int, bool>) void number(Int v) {
    if constexpr (std::is_signed_v<Int>)
      number(static_cast<std::int64_t>(v));
    else
      number(static_cast<std::uint64_t>(v));
  }
  void boolean(bool b);
  void null();

  // Convenience: key(name) then the value.
  template <class T>
  void member(std::string_view name, const T& value) {
    key(name);
    write_value(value);
  }

  // The JSON written so far; the writer starts over empty.
  std::string take();

 private:
  void write_value(std::string_view s) { string(s); }
  void write_value(const std::string& s) { string(s); }
  void write_value(const char* s) { string(s); }
  void write_value(bool b) { boolean(b); }
  void write_value(double d) { number(d); }
  template <class Int>
  requires(std::is_integral_v<Int> && !std::is_same_v<Int, bool>) void write_value(Int v) { number(v); }

  // The output is buf_[0, len_); buf_ beyond that is room to write into. Writing
  // through a pointer into it (not std::string::append per piece) matters in wasm, where
  // libc++'s string members are out-of-line calls.
  char* room(std::size_t n) {
    if (buf_.size() - len_ < n) grow(n);
    return buf_.data() + len_;
  }
  void grow(std::size_t n);
  void put(char c) { *room(1) = c, ++len_; }
  void put(const char* p, std::size_t n);
  void separate() {
    if (comma_) put(',');
  }
  void open(char c) {
    separate();
    put(c);
    comma_ = false;
  }
  void close(char c) {
    put(c);
    comma_ = true;
  }
  void quoted(std::string_view s);

  std::string buf_;
  std::size_t len_ = 0;
  bool comma_ = false;  // the next value or key needs a ',' before it
};

// Which offsets "start"/"end" hold: the core's UTF-8 byte offsets into Result::text
// (CLI, batch, summarizeJSON), or UTF-16 code-unit indices (JavaScript string positions:
// the JS API).
enum class Offsets { kUtf8Bytes, kUtf16Units };

// Whether each sentence's "text" is written, or left null for the caller to fill in:
// for text input the JS API slices it from the string it was given, with the UTF-16
// offsets, which saves writing, copying, decoding and parsing the text a second time (a
// third of the JSON). Only the wasm adapter asks for it, and only for text input.
enum class SentenceTexts { kWritten, kNull };

// The result JSON of DESIGN.md: {language, title, [byline, published, site_name,]
// warnings, [text,] sentences, summary, keywords, stats} (the bracketed members only when
// found). Scores are rounded to 6 decimals, milliseconds to 3.
void write_result(JsonWriter& w, const Result& result, Offsets offsets = Offsets::kUtf8Bytes,
                  SentenceTexts texts = SentenceTexts::kWritten);
std::string result_json(const Result& result, Offsets offsets = Offsets::kUtf8Bytes,
                        SentenceTexts texts = SentenceTexts::kWritten);

// {"language", "sentences": [{"text", "start", "end", "block"}]} for `precis split`.
void write_split(JsonWriter& w, const Result& result, Offsets offsets = Offsets::kUtf8Bytes,
                 SentenceTexts texts = SentenceTexts::kWritten);
std::string split_json(const Result& result, Offsets offsets = Offsets::kUtf8Bytes,
                       SentenceTexts texts = SentenceTexts::kWritten);

// The result's warnings: [{"code", "message"}, ...].
void write_warnings(JsonWriter& w, const Result& result);

// {"code": "...", "message": "..."}
void write_error(JsonWriter& w, const Status& status);
std::string error_json(const Status& status);

}  // namespace precis
