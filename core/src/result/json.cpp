// The nlohmann/json faces of the API (native only; see precis/json.hpp).
#include <cmath>
#include <string>
#include <vector>

#include "precis/json.hpp"

namespace precis {
namespace {

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

OptionValue option_value(const Json& v) {
  OptionValue out;
  using Type = OptionValue::Type;
  switch (v.type()) {
    case Json::value_t::null: out.type = Type::kNull; break;
    case Json::value_t::boolean:
      out.type = Type::kBool;
      out.boolean = v.get<bool>();
      break;
    case Json::value_t::number_integer:
      out.type = Type::kInteger;
      out.integer = v.get<std::int64_t>();
      break;
    case Json::value_t::number_unsigned:
      out.type = Type::kUnsigned;
      out.unsigned_integer = v.get<std::uint64_t>();
      break;
    case Json::value_t::number_float:
      out.type = Type::kFloat;
      out.number = v.get<double>();
      break;
    case Json::value_t::string:
      out.type = Type::kString;
      out.string = v.get_ref<const std::string&>();
      break;
    default: out.type = Type::kOther; break;  // object, array, binary, discarded
  }
  return out;
}

}  // namespace

Status options_from_json(const Json& object, Options* options, UnknownKeys unknown) {
  if (!object.is_object()) return options_not_an_object();
  std::vector<OptionEntry> entries;
  entries.reserve(object.size());
  for (auto it = object.begin(); it != object.end(); ++it) entries.push_back({it.key(), option_value(it.value())});
  return apply_options(entries, options, unknown);
}

void write_json(JsonWriter& w, const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      w.begin_object();
      for (auto it = v.begin(); it != v.end(); ++it) {
        w.key(it.key());
        write_json(w, it.value());
      }
      w.end_object();
      break;
    case Json::value_t::array:
      w.begin_array();
      for (const Json& e : v) write_json(w, e);
      w.end_array();
      break;
    case Json::value_t::string: w.string(v.get_ref<const std::string&>()); break;
    case Json::value_t::boolean: w.boolean(v.get<bool>()); break;
    case Json::value_t::number_integer: w.number(v.get<std::int64_t>()); break;
    case Json::value_t::number_unsigned: w.number(v.get<std::uint64_t>()); break;
    case Json::value_t::number_float: w.number(v.get<double>()); break;
    default: w.null(); break;  // null; binary and discarded values never come from parsing
  }
}

Json result_to_json(const Result& r) {
  Json sentences = Json::array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const Sentence& s = r.sentences[i];
    Json parts = Json::object();
    for (const ScorePart& p : r.sentence_parts(i)) parts[std::string(p.name)] = round_to(p.value, 1e6);
    sentences.push_back(Json{{"text", r.sentence_text(i)},
                             {"start", s.start},
                             {"end", s.end},
                             {"block", s.block},
                             {"block_type", s.block_type},
                             {"score", round_to(s.score, 1e6)},
                             {"selected", s.selected},
                             {"parts", std::move(parts)}});
  }
  Json keywords = Json::array();
  for (const Keyword& k : r.keywords) keywords.push_back(Json{{"text", k.text}, {"score", round_to(k.score, 1e6)}});
  Json out = Json::object();
  out["language"] = r.language;
  out["title"] = r.title;
  if (!r.byline.empty()) out["byline"] = r.byline;
  if (!r.published.empty()) out["published"] = r.published;
  if (!r.site_name.empty()) out["site_name"] = r.site_name;
  Json warnings = Json::array();
  for (const Warning& w : r.warnings) warnings.push_back(Json{{"code", w.code}, {"message", w.message}});
  out["warnings"] = std::move(warnings);
  if (r.html) out["text"] = r.text;  // HTML input: the offsets refer to the text it shows
  out["sentences"] = std::move(sentences);
  out["summary"] = r.summary;
  out["keywords"] = std::move(keywords);
  out["stats"] = Json{{"characters", r.stats.characters},
                      {"words", r.stats.words},
                      {"sentences", r.stats.sentences},
                      {"milliseconds", round_to(r.stats.milliseconds, 1e3)}};
  return out;
}

Json split_to_json(const Result& r) {
  Json sentences = Json::array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const Sentence& s = r.sentences[i];
    sentences.push_back(Json{{"text", r.sentence_text(i)}, {"start", s.start}, {"end", s.end}, {"block", s.block}});
  }
  return Json{{"language", r.language}, {"sentences", std::move(sentences)}};
}

Json error_to_json(const Status& status) {
  return Json{{"code", error_code_name(status.code)}, {"message", status.message}};
}

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace precis
