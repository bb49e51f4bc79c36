// The result, split and error JSON of DESIGN.md, written with the streaming writer.
// Key order and values are those of the nlohmann DOM forms in json.cpp (result_to_json,
// split_to_json, error_to_json), which tests hold these to byte for byte.
#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "precis/json_writer.hpp"

namespace precis {
namespace {

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

// UTF-8 byte offsets into `text` -> UTF-16 code-unit indices, for offsets asked in
// ascending order (sentences are in document order and never overlap): one forward walk
// serves them all.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text) : text_(text) {}

  std::size_t operator()(std::size_t target) {
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    while (byte_ < target && byte_ < text_.size()) {
      const unsigned b = p[byte_];
      const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      unit_ += len == 4 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
      byte_ += len;
    }
    return unit_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0, unit_ = 0;
};

// A sentence's score parts as an object. A name given twice keeps its first place and
// takes its last value (what assigning to a JSON object key does).
void write_parts(JsonWriter& w, std::span<const ScorePart> parts) {
  w.begin_object();
  for (std::size_t j = 0; j < parts.size(); ++j) {
    const std::string_view name = parts[j].name;
    bool seen = false;
    for (std::size_t k = 0; k < j && !seen; ++k) seen = parts[k].name == name;
    if (seen) continue;
    double value = parts[j].value;
    for (std::size_t k = j + 1; k < parts.size(); ++k) {
      if (parts[k].name == name) value = parts[k].value;
    }
    w.member(name, round_to(value, 1e6));
  }
  w.end_object();
}

// Sentence offsets in the asked form.
class SentenceOffsets {
 public:
  SentenceOffsets(const Result& r, Offsets offsets) : utf16_(offsets == Offsets::kUtf16Units), walk_(r.text) {}
  std::size_t operator()(std::size_t byte) { return utf16_ ? walk_(byte) : byte; }

 private:
  bool utf16_;
  Utf16Offsets walk_;
};

// A first guess at the output's size, so that the string grows once or twice at most.
std::size_t estimate(const Result& r, std::size_t per_sentence, SentenceTexts texts) {
  const std::size_t sentence_texts = texts == SentenceTexts::kWritten ? r.text.size() + r.text.size() / 8 : 0;
  return sentence_texts + r.title.size() + (r.html ? r.text.size() : 0) +
         r.sentences.size() * per_sentence + r.keywords.size() * 48 + 256;
}

}  // namespace

// The members every sentence object starts with: its text, where it is, its block.
template <class Offset>
void write_sentence_place(JsonWriter& w, const Result& r, std::size_t i, Offset& offset, SentenceTexts texts) {
  const Sentence& s = r.sentences[i];
  w.key("text");
  if (texts == SentenceTexts::kWritten) w.string(r.sentence_text(i));
  else w.null();
  w.member("start", offset(s.start));
  w.member("end", offset(s.end));
  w.member("block", s.block);
}

// [{"code", "message"}, ...]
void write_warnings(JsonWriter& w, const Result& r) {
  w.begin_array();
  for (const Warning& warning : r.warnings) {
    w.begin_object();
    w.member("code", warning.code);
    w.member("message", warning.message);
    w.end_object();
  }
  w.end_array();
}

void write_result(JsonWriter& w, const Result& r, Offsets offsets, SentenceTexts texts) {
  SentenceOffsets offset(r, offsets);
  w.begin_object();
  w.member("language", r.language);
  w.member("title", r.title);
  if (!r.byline.empty()) w.member("byline", r.byline);
  if (!r.published.empty()) w.member("published", r.published);
  if (!r.site_name.empty()) w.member("site_name", r.site_name);
  w.key("warnings");
  write_warnings(w, r);
  if (r.html) w.member("text", r.text);  // HTML input: the offsets refer to the text it shows
  w.key("sentences");
  w.begin_array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const Sentence& s = r.sentences[i];
    w.begin_object();
    write_sentence_place(w, r, i, offset, texts);
    w.member("block_type", s.block_type);
    w.member("score", round_to(s.score, 1e6));
    w.member("selected", s.selected);
    w.key("parts");
    write_parts(w, r.sentence_parts(i));
    w.end_object();
  }
  w.end_array();
  w.key("summary");
  w.begin_array();
  for (std::size_t i : r.summary) w.number(i);
  w.end_array();
  w.key("keywords");
  w.begin_array();
  for (const Keyword& k : r.keywords) {
    w.begin_object();
    w.member("text", k.text);
    w.member("score", round_to(k.score, 1e6));
    w.end_object();
  }
  w.end_array();
  w.key("stats");
  w.begin_object();
  w.member("characters", r.stats.characters);
  w.member("words", r.stats.words);
  w.member("sentences", r.stats.sentences);
  w.member("milliseconds", round_to(r.stats.milliseconds, 1e3));
  w.end_object();
  w.end_object();
}

std::string result_json(const Result& r, Offsets offsets, SentenceTexts texts) {
  JsonWriter w(estimate(r, 260, texts));
  write_result(w, r, offsets, texts);
  return w.take();
}

void write_split(JsonWriter& w, const Result& r, Offsets offsets, SentenceTexts texts) {
  SentenceOffsets offset(r, offsets);
  w.begin_object();
  w.member("language", r.language);
  w.key("sentences");
  w.begin_array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    w.begin_object();
    write_sentence_place(w, r, i, offset, texts);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string split_json(const Result& r, Offsets offsets, SentenceTexts texts) {
  JsonWriter w(estimate(r, 64, texts));
  write_split(w, r, offsets, texts);
  return w.take();
}

void write_error(JsonWriter& w, const Status& status) {
  w.begin_object();
  w.member("code", error_code_name(status.code));
  w.member("message", status.message);
  w.end_object();
}

std::string error_json(const Status& status) {
  JsonWriter w;
  write_error(w, status);
  return w.take();
}

}  // namespace precis
