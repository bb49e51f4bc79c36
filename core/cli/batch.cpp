// One line of `precis batch` (see batch.hpp), moved here from main.cpp.
#include "batch.hpp"

#include "precis/json.hpp"

namespace precis::cli {

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      while (i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\n' || s[i + 1] == '\r')) ++i;
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// One output line for one input line (JSON is read with nlohmann, written with the
// core's JSON writer, like every other JSON the CLI prints).
std::string batch_line(const std::string& line, bool split, const Options& base, bool* ok) {
  *ok = false;
  // JSON never holds a raw NUL byte, but nlohmann's reader takes one for the end of its
  // input (and would answer `{"text": "a"}\0junk`): such a line is not JSON.
  precis::Json in = line.find('\0') != std::string::npos
                        ? precis::Json(precis::Json::value_t::discarded)
                        : precis::Json::parse(line, nullptr, /*allow_exceptions=*/false);
  precis::Json id = nullptr;
  auto error = [&](const precis::Status& s) {
    precis::JsonWriter w;
    w.begin_object();
    w.key("id");
    precis::write_json(w, id);
    w.key("error");
    precis::write_error(w, s);
    w.end_object();
    return w.take();
  };
  if (in.is_discarded()) return error({precis::ErrorCode::kInvalidInput, "the line is not valid JSON"});
  if (!in.is_object()) return error({precis::ErrorCode::kInvalidInput, "the line is not a JSON object"});
  if (in.contains("id")) id = in["id"];
  if (!in.contains("text") || !in["text"].is_string()) {
    return error({precis::ErrorCode::kInvalidInput, "the line has no \"text\" string"});
  }
  precis::Options options = base;
  precis::Status status = precis::options_from_json(in, &options, precis::UnknownKeys::kIgnore);
  if (!status.ok()) return error(status);
  const std::string& text = in["text"].get_ref<const std::string&>();
  precis::Result result;
  status = split ? precis::split(text, options, &result) : precis::summarize(text, options, &result);
  if (!status.ok()) return error(status);
  *ok = true;
  precis::JsonWriter w(result.text.size() * 2 + 256);
  w.begin_object();
  w.key("id");
  precis::write_json(w, id);
  if (!split) {
    std::string summary;
    for (std::size_t k = 0; k < result.summary.size(); ++k) {
      if (k) summary += "\n";
      summary += one_line(result.sentence_text(result.summary[k]));
    }
    w.member("summary", summary);
    w.key("selected");
    w.begin_array();
    for (std::size_t i : result.summary) w.number(i);
    w.end_array();
  }
  w.key("sentences");
  w.begin_array();
  for (std::size_t i = 0; i < result.sentences.size(); ++i) w.string(result.sentence_text(i));
  w.end_array();
  w.member("language", result.language);
  if (!result.warnings.empty()) {
    w.key("warnings");
    precis::write_warnings(w, result);
  }
  w.end_object();
  return w.take();
}

}  // namespace precis::cli
