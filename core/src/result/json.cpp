#include <cmath>
#include <string>

#include "lang/lang.hpp"
#include "precis/json.hpp"
#include "score/score.hpp"

namespace precis {
namespace {

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

Status invalid(const std::string& key, const std::string& what) {
  return Status::Error(ErrorCode::kInvalidOption, "option \"" + key + "\" " + what);
}

// An integer value, including integral floats such as 3.0 (JSON has one number type).
bool as_integer(const Json& v, long long* out) {
  if (v.is_number_integer()) {
    *out = v.get<long long>();
    return true;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
      *out = static_cast<long long>(d);
      return true;
    }
  }
  return false;
}

}  // namespace

Status options_from_json(const Json& object, Options* options, UnknownKeys unknown) {
  if (!object.is_object()) return Status::Error(ErrorCode::kInvalidOption, "options must be an object");
  Options o = *options;
  int budgets = 0;
  for (const auto& [key, value] : object.items()) {
    long long n = 0;
    if (key == "sentences" || key == "words" || key == "characters") {
      if (!as_integer(value, &n)) return invalid(key, "must be an integer");
      if (n < 1) return invalid(key, "must be at least 1");
      if (n > 1000000000) return invalid(key, "is too large");
      ++budgets;
      if (key == "sentences") {
        o.budget = Budget::kSentences;
        o.sentences = static_cast<int>(n);
      } else if (key == "characters") {
        o.budget = Budget::kCharacters;
        o.characters = static_cast<int>(n);
      } else {
        o.budget = Budget::kWords;
        o.words = static_cast<int>(n);
      }
    } else if (key == "ratio") {
      if (!value.is_number()) return invalid(key, "must be a number");
      double r = value.get<double>();
      if (!(r > 0.0 && r <= 1.0)) return invalid(key, "must be in (0, 1]");
      ++budgets;
      o.budget = Budget::kRatio;
      o.ratio = r;
    } else if (key == "lang" || key == "language") {
      if (!value.is_string()) return invalid(key, "must be a string");
      const std::string tag = value.get<std::string>();
      if (tag != "auto" && !lang::is_valid_tag(tag)) {
        return Status::Error(ErrorCode::kInvalidLanguage, "\"" + tag + "\" is not a language tag (e.g. \"en\", \"pt-BR\", \"auto\")");
      }
      o.language = lang::normalize_tag(tag);
    } else if (key == "algorithm") {
      if (!value.is_string()) return invalid(key, "must be a string");
      const std::string name = value.get<std::string>();
      if (score::Algorithm unused; !score::parse_algorithm(name, &unused)) {
        return invalid(key, "must be " + score::algorithm_list() + ", not \"" + name + "\"");
      }
      o.algorithm = name;
    } else if (key == "input") {
      if (!value.is_string()) return invalid(key, "must be a string");
      const std::string name = value.get<std::string>();
      if (name == "text") o.input = InputFormat::kText;
      else if (name == "html") o.input = InputFormat::kHtml;
      else return invalid(key, "must be \"text\" or \"html\"");
    } else if (key == "max_input_bytes") {
      if (!as_integer(value, &n) || n < 1) return invalid(key, "must be a positive integer");
      o.max_input_bytes = static_cast<std::size_t>(n);
    } else if (unknown == UnknownKeys::kReject) {
      return Status::Error(ErrorCode::kInvalidOption, "unknown option \"" + key + "\"");
    }
  }
  if (budgets > 1) {
    return Status::Error(ErrorCode::kInvalidOption, "give only one of \"sentences\", \"ratio\", \"words\", \"characters\"");
  }
  *options = std::move(o);
  return Status::Ok();
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
