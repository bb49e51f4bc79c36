// The JSON faces of the API (core/include/precis/json.hpp): option parsing, error code
// names and the result JSON of DESIGN.md.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "precis/json.hpp"
#include "precis/precis.hpp"

namespace {

using precis::Budget;
using precis::ErrorCode;
using precis::InputFormat;
using precis::Json;
using precis::Options;
using precis::UnknownKeys;

TEST(Json, ErrorCodeNames) {
  const std::pair<ErrorCode, std::string_view> cases[] = {
      {ErrorCode::kOk, "ok"},
      {ErrorCode::kInvalidOption, "invalid_option"},
      {ErrorCode::kInvalidLanguage, "invalid_language"},
      {ErrorCode::kInputTooLarge, "input_too_large"},
      {ErrorCode::kInvalidInput, "invalid_input"},
      {ErrorCode::kUnsupported, "unsupported"},
      {ErrorCode::kInternal, "internal_error"},
  };
  for (const auto& [code, name] : cases) {
    SCOPED_TRACE(std::string(name));
    EXPECT_EQ(precis::error_code_name(code), name);
  }
  // The numbers are part of the contract too (append, never renumber).
  EXPECT_EQ(static_cast<int>(ErrorCode::kOk), 0);
  EXPECT_EQ(static_cast<int>(ErrorCode::kInternal), 6);
}

// What an accepted object must have set. Fields not named keep the defaults.
struct Accepted {
  const char* json;
  Budget budget = Budget::kSentences;
  int sentences = 3;
  double ratio = 0.2;
  int words = 100;
  const char* language = "auto";
  const char* algorithm = "auto";
  InputFormat input = InputFormat::kText;
  std::size_t max_input_bytes = std::size_t{16} << 20;
};

TEST(Json, OptionsAccepted) {
  const Accepted cases[] = {
      {R"({})"},
      {R"({"sentences": 4})", Budget::kSentences, 4},
      {R"({"sentences": 1})", Budget::kSentences, 1},
      {R"({"sentences": 3.0})", Budget::kSentences, 3},  // JSON has one number type
      {R"({"sentences": 1000000000})", Budget::kSentences, 1000000000},
      {R"({"ratio": 0.5})", Budget::kRatio, 3, 0.5},
      {R"({"ratio": 1})", Budget::kRatio, 3, 1.0},
      {R"({"ratio": 0.001})", Budget::kRatio, 3, 0.001},
      {R"({"words": 50})", Budget::kWords, 3, 0.2, 50},
      {R"({"lang": "de"})", Budget::kSentences, 3, 0.2, 100, "de"},
      {R"({"language": "en"})", Budget::kSentences, 3, 0.2, 100, "en"},
      {R"({"lang": "EN"})", Budget::kSentences, 3, 0.2, 100, "en"},
      {R"({"lang": "zh-hant"})", Budget::kSentences, 3, 0.2, 100, "zh-Hant"},
      {R"({"lang": "auto"})", Budget::kSentences, 3, 0.2, 100, "auto"},
      {R"({"algorithm": "lead"})", Budget::kSentences, 3, 0.2, 100, "auto", "lead"},
      {R"({"algorithm": "auto"})", Budget::kSentences, 3, 0.2, 100, "auto", "auto"},
      {R"({"input": "html"})", Budget::kSentences, 3, 0.2, 100, "auto", "auto", InputFormat::kHtml},
      {R"({"input": "text"})", Budget::kSentences, 3, 0.2, 100, "auto", "auto", InputFormat::kText},
      {R"({"max_input_bytes": 1})", Budget::kSentences, 3, 0.2, 100, "auto", "auto", InputFormat::kText, 1},
      {R"({"max_input_bytes": 1048576})", Budget::kSentences, 3, 0.2, 100, "auto", "auto", InputFormat::kText,
       1048576},
      {R"({"words": 20, "lang": "en", "algorithm": "lead", "input": "text", "max_input_bytes": 99})",
       Budget::kWords, 3, 0.2, 20, "en", "lead", InputFormat::kText, 99},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    Options o;
    const precis::Status st = precis::options_from_json(Json::parse(c.json), &o);
    ASSERT_TRUE(st.ok()) << precis::error_code_name(st.code) << ": " << st.message;
    EXPECT_EQ(o.budget, c.budget);
    EXPECT_EQ(o.sentences, c.sentences);
    EXPECT_DOUBLE_EQ(o.ratio, c.ratio);
    EXPECT_EQ(o.words, c.words);
    EXPECT_EQ(o.language, c.language);
    EXPECT_EQ(o.algorithm, c.algorithm);
    EXPECT_EQ(o.input, c.input);
    EXPECT_EQ(o.max_input_bytes, c.max_input_bytes);
  }
}

TEST(Json, OptionsBudgetReplacesTheCurrentOne) {
  Options o;
  o.budget = Budget::kWords;
  o.words = 42;
  ASSERT_TRUE(precis::options_from_json(Json::parse(R"({"sentences": 2})"), &o).ok());
  EXPECT_EQ(o.budget, Budget::kSentences);
  EXPECT_EQ(o.sentences, 2);
  ASSERT_TRUE(precis::options_from_json(Json::parse(R"({"ratio": 0.25})"), &o).ok());
  EXPECT_EQ(o.budget, Budget::kRatio);
  EXPECT_DOUBLE_EQ(o.ratio, 0.25);
  // An object without a budget leaves the budget alone.
  ASSERT_TRUE(precis::options_from_json(Json::parse(R"({"lang": "en"})"), &o).ok());
  EXPECT_EQ(o.budget, Budget::kRatio);
}

struct Rejected {
  const char* json;
  ErrorCode code;
  const char* key;  // the message names the key (nullptr: no check)
};

TEST(Json, OptionsRejected) {
  const Rejected cases[] = {
      // Not an object.
      {R"([])", ErrorCode::kInvalidOption, nullptr},
      {R"(3)", ErrorCode::kInvalidOption, nullptr},
      {R"("sentences")", ErrorCode::kInvalidOption, nullptr},
      {R"(null)", ErrorCode::kInvalidOption, nullptr},
      // Types.
      {R"({"sentences": "3"})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": true})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": null})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": [3]})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": 2.5})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"words": "100"})", ErrorCode::kInvalidOption, "words"},
      {R"({"words": 10.5})", ErrorCode::kInvalidOption, "words"},
      {R"({"ratio": "0.5"})", ErrorCode::kInvalidOption, "ratio"},
      {R"({"ratio": false})", ErrorCode::kInvalidOption, "ratio"},
      {R"({"lang": 5})", ErrorCode::kInvalidOption, "lang"},
      {R"({"language": null})", ErrorCode::kInvalidOption, "language"},
      {R"({"algorithm": 1})", ErrorCode::kInvalidOption, "algorithm"},
      {R"({"input": true})", ErrorCode::kInvalidOption, "input"},
      {R"({"max_input_bytes": "10"})", ErrorCode::kInvalidOption, "max_input_bytes"},
      {R"({"max_input_bytes": 1.5})", ErrorCode::kInvalidOption, "max_input_bytes"},
      // Ranges.
      {R"({"sentences": 0})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": -1})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": 1000000001})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": 1e12})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"sentences": 18446744073709551615})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"words": 0})", ErrorCode::kInvalidOption, "words"},
      {R"({"ratio": 0})", ErrorCode::kInvalidOption, "ratio"},
      {R"({"ratio": -0.5})", ErrorCode::kInvalidOption, "ratio"},
      {R"({"ratio": 1.01})", ErrorCode::kInvalidOption, "ratio"},
      {R"({"ratio": 2})", ErrorCode::kInvalidOption, "ratio"},
      {R"({"max_input_bytes": 0})", ErrorCode::kInvalidOption, "max_input_bytes"},
      {R"({"max_input_bytes": -5})", ErrorCode::kInvalidOption, "max_input_bytes"},
      // Values.
      {R"({"algorithm": "pagerank"})", ErrorCode::kInvalidOption, "algorithm"},
      {R"({"algorithm": "LEAD"})", ErrorCode::kInvalidOption, "algorithm"},
      {R"({"input": "pdf"})", ErrorCode::kInvalidOption, "input"},
      // Two budgets.
      {R"({"sentences": 3, "words": 50})", ErrorCode::kInvalidOption, "words"},
      {R"({"ratio": 0.5, "sentences": 2})", ErrorCode::kInvalidOption, "sentences"},
      {R"({"words": 50, "ratio": 0.5})", ErrorCode::kInvalidOption, "ratio"},
      // Unknown keys (kReject is the default).
      {R"({"foo": 1})", ErrorCode::kInvalidOption, "foo"},
      {R"({"Sentences": 3})", ErrorCode::kInvalidOption, "Sentences"},
      {R"({"text": "hello"})", ErrorCode::kInvalidOption, "text"},
      // Language tags.
      {R"({"lang": "english"})", ErrorCode::kInvalidLanguage, "english"},
      {R"({"lang": ""})", ErrorCode::kInvalidLanguage, nullptr},
      {R"({"lang": "e"})", ErrorCode::kInvalidLanguage, nullptr},
      {R"({"lang": "en-"})", ErrorCode::kInvalidLanguage, "en-"},
      {R"({"language": "en US"})", ErrorCode::kInvalidLanguage, "en US"},
      {R"({"lang": "../etc"})", ErrorCode::kInvalidLanguage, nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    Options o;
    o.sentences = 7;  // must survive a rejected object
    o.language = "en";
    const precis::Status st = precis::options_from_json(Json::parse(c.json), &o);
    EXPECT_EQ(precis::error_code_name(st.code), precis::error_code_name(c.code)) << st.message;
    EXPECT_FALSE(st.message.empty());
    if (c.key) {
      EXPECT_NE(st.message.find(c.key), std::string::npos) << st.message;
    }
    EXPECT_EQ(o.sentences, 7);
    EXPECT_EQ(o.language, "en");
    EXPECT_EQ(o.budget, Budget::kSentences);
  }
}

TEST(Json, OptionsUnknownKeys) {
  const char* cases[] = {
      R"({"id": 17, "sentences": 2})",
      R"({"text": "Some text.", "id": "a", "sentences": 2, "extra": {"nested": [1, 2]}})",
  };
  for (const char* text : cases) {
    SCOPED_TRACE(text);
    const Json j = Json::parse(text);
    Options rejected;
    EXPECT_EQ(precis::options_from_json(j, &rejected, UnknownKeys::kReject).code, ErrorCode::kInvalidOption);
    EXPECT_EQ(rejected.sentences, 3);
    Options ignored;
    ASSERT_TRUE(precis::options_from_json(j, &ignored, UnknownKeys::kIgnore).ok());
    EXPECT_EQ(ignored.sentences, 2);
  }
  // kIgnore skips unknown keys only: known keys are still checked.
  Options o;
  EXPECT_EQ(precis::options_from_json(Json::parse(R"({"id": 1, "sentences": 0})"), &o, UnknownKeys::kIgnore).code,
            ErrorCode::kInvalidOption);
  EXPECT_EQ(precis::options_from_json(Json::parse(R"({"id": 1, "lang": "??"})"), &o, UnknownKeys::kIgnore).code,
            ErrorCode::kInvalidLanguage);
}

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& [k, v] : object.items()) out.push_back(k);
  return out;
}

precis::Result sample_result() {
  precis::Result r;
  r.text = "First one. Second \"two\".";
  r.language = "en";
  r.title = "The title";
  precis::Sentence a;
  a.start = 0;
  a.end = 10;
  a.block = 0;
  a.words = 2;
  a.eligible = true;
  a.score = 0.123456789;
  a.selected = true;
  a.parts_begin = 0;
  a.parts_end = 2;
  precis::Sentence b;
  b.start = 11;
  b.end = 24;
  b.block = 1;
  b.words = 2;
  b.eligible = true;
  b.score = 0.5;
  b.selected = false;
  r.sentences = {a, b};
  r.parts = {{"position", 0.1}, {"centrality", 0.023456789}};
  r.summary = {0};
  r.keywords = {{"First", 1.0}, {"Second", 0.3333333333}};
  r.stats.characters = 24;
  r.stats.words = 4;
  r.stats.sentences = 2;
  r.stats.milliseconds = 1.23456;
  return r;
}

TEST(Json, ResultToJson) {
  const Json j = precis::result_to_json(sample_result());
  EXPECT_EQ(keys(j), (std::vector<std::string>{"language", "title", "warnings", "sentences", "summary", "keywords", "stats"}));
  ASSERT_EQ(j["sentences"].size(), 2u);
  for (const auto& s : j["sentences"]) {
    EXPECT_EQ(keys(s), (std::vector<std::string>{"text", "start", "end", "block", "block_type", "score", "selected", "parts"}));
  }
  EXPECT_EQ(j["title"], "The title");
  EXPECT_EQ(j["sentences"][0]["block_type"], "paragraph");
  // The parts of a score, in the order the scorer gave them; none for the second.
  EXPECT_EQ(keys(j["sentences"][0]["parts"]), (std::vector<std::string>{"position", "centrality"}));
  EXPECT_DOUBLE_EQ(j["sentences"][0]["parts"]["centrality"].get<double>(), 0.023457);
  EXPECT_TRUE(j["sentences"][1]["parts"].empty());
  EXPECT_EQ(keys(j["keywords"][0]), (std::vector<std::string>{"text", "score"}));
  EXPECT_EQ(keys(j["stats"]), (std::vector<std::string>{"characters", "words", "sentences", "milliseconds"}));

  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["sentences"][0]["text"], "First one.");
  EXPECT_EQ(j["sentences"][1]["text"], "Second \"two\".");
  EXPECT_EQ(j["sentences"][1]["start"], 11);
  EXPECT_EQ(j["sentences"][1]["end"], 24);
  EXPECT_EQ(j["sentences"][1]["block"], 1);
  EXPECT_EQ(j["sentences"][0]["selected"], true);
  EXPECT_EQ(j["sentences"][1]["selected"], false);
  EXPECT_EQ(j["summary"], Json::parse("[0]"));
  // Scores rounded to 6 decimals, milliseconds to 3.
  EXPECT_DOUBLE_EQ(j["sentences"][0]["score"].get<double>(), 0.123457);
  EXPECT_DOUBLE_EQ(j["sentences"][1]["score"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["keywords"][1]["score"].get<double>(), 0.333333);
  EXPECT_DOUBLE_EQ(j["stats"]["milliseconds"].get<double>(), 1.235);
  EXPECT_EQ(j["stats"]["characters"], 24);
  EXPECT_EQ(j["stats"]["words"], 4);
  EXPECT_EQ(j["stats"]["sentences"], 2);

  // Exactly the contract's text, key order included.
  EXPECT_EQ(precis::dump(j),
            R"({"language":"en","title":"The title","warnings":[],"sentences":[)"
            R"({"text":"First one.","start":0,"end":10,"block":0,"block_type":"paragraph","score":0.123457,"selected":true,)"
            R"("parts":{"position":0.1,"centrality":0.023457}},)"
            R"({"text":"Second \"two\".","start":11,"end":24,"block":1,"block_type":"paragraph","score":0.5,"selected":false,"parts":{}}],)"
            R"("summary":[0],"keywords":[{"text":"First","score":1.0},{"text":"Second","score":0.333333}],)"
            R"("stats":{"characters":24,"words":4,"sentences":2,"milliseconds":1.235}})");
}

TEST(Json, EmptyResultToJson) {
  precis::Result r;
  r.language = "und";
  EXPECT_EQ(precis::dump(precis::result_to_json(r)),
            R"({"language":"und","title":"","warnings":[],"sentences":[],"summary":[],"keywords":[],)"
            R"("stats":{"characters":0,"words":0,"sentences":0,"milliseconds":0.0}})");
}

TEST(Json, SplitAndErrorJson) {
  const Json s = precis::split_to_json(sample_result());
  EXPECT_EQ(keys(s), (std::vector<std::string>{"language", "sentences"}));
  ASSERT_EQ(s["sentences"].size(), 2u);
  EXPECT_EQ(keys(s["sentences"][0]), (std::vector<std::string>{"text", "start", "end", "block"}));
  EXPECT_EQ(s["sentences"][1]["text"], "Second \"two\".");

  const Json e = precis::error_to_json(precis::Status::Error(ErrorCode::kInputTooLarge, "too big"));
  EXPECT_EQ(precis::dump(e), R"({"code":"input_too_large","message":"too big"})");
}

TEST(Json, DumpNeverThrows) {
  Json j = {{"text", std::string("bad \xFF byte")}};
  std::string out;
  EXPECT_NO_THROW(out = precis::dump(j));
  EXPECT_EQ(out, "{\"text\":\"bad \xEF\xBF\xBD byte\"}");
  EXPECT_EQ(out.find('\n'), std::string::npos);
}

}  // namespace
