// The streaming JSON writer and the options parser (precis/json_writer.hpp,
// precis/options_json.hpp) against nlohmann/json, which they replace in the wasm module
// and the CLI's output: the same bytes for the same values, the same options accepted
// and the same errors for the rest.
#include "precis/json_writer.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "precis/json.hpp"
#include "precis/options_json.hpp"
#include "precis/precis.hpp"
#include "test_article.hpp"

namespace {

using precis::Json;
using precis::Offsets;

std::string reference_dump(const Json& j) { return precis::dump(j); }

std::string writer_number(double v) {
  precis::JsonWriter w;
  w.number(v);
  return w.take();
}

std::string writer_string(std::string_view v) {
  precis::JsonWriter w;
  w.string(v);
  return w.take();
}

// The wasm adapter's conversion before the streaming writer: "start"/"end" of the DOM's
// sentences rewritten from byte offsets to UTF-16 indices in one forward walk.
void reference_utf16_offsets(const std::string& text, Json& sentences) {
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

// UTF-16 length of valid UTF-8, independently of both implementations.
std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

// Every way the writer writes a Result, each against its nlohmann reference.
void expect_same_json(const precis::Result& r, const precis::Result& split, const std::string& what) {
  SCOPED_TRACE(what);
  const std::string result = precis::result_json(r);
  ASSERT_EQ(result, reference_dump(precis::result_to_json(r)));
  ASSERT_EQ(precis::split_json(split), reference_dump(precis::split_to_json(split)));

  Json utf16 = precis::result_to_json(r);
  reference_utf16_offsets(r.text, utf16["sentences"]);
  ASSERT_EQ(precis::result_json(r, Offsets::kUtf16Units), reference_dump(utf16));
  Json split16 = precis::split_to_json(split);
  reference_utf16_offsets(split.text, split16["sentences"]);
  ASSERT_EQ(precis::split_json(split, Offsets::kUtf16Units), reference_dump(split16));

  // Sentence texts left null (the wasm adapter's form): the same JSON with each
  // sentence's "text" null.
  for (Json* ref : {&utf16, &split16}) {
    for (Json& s : (*ref)["sentences"]) s["text"] = nullptr;
  }
  ASSERT_EQ(precis::result_json(r, Offsets::kUtf16Units, precis::SentenceTexts::kNull), reference_dump(utf16));
  ASSERT_EQ(precis::split_json(split, Offsets::kUtf16Units, precis::SentenceTexts::kNull), reference_dump(split16));

  // And the UTF-16 offsets are right: they delimit the sentence in the UTF-16 text.
  const Json parsed = Json::parse(precis::result_json(r, Offsets::kUtf16Units));
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const std::size_t before = utf16_length(std::string_view(r.text).substr(0, r.sentences[i].start));
    ASSERT_EQ(parsed["sentences"][i]["start"].get<std::size_t>(), before);
    ASSERT_EQ(parsed["sentences"][i]["end"].get<std::size_t>(), before + utf16_length(r.sentence_text(i)));
  }
}

void expect_same_json_for(const std::string& text, precis::InputFormat input, const std::string& what) {
  for (const char* algorithm : {"auto", "textrank", "lead"}) {
    precis::Options options;
    options.algorithm = algorithm;
    options.input = input;
    precis::Result r, s;
    ASSERT_TRUE(precis::summarize(text, options, &r).ok()) << what;
    ASSERT_TRUE(precis::split(text, options, &s).ok()) << what;
    expect_same_json(r, s, what + " " + algorithm);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string shared_dir() {
  if (const char* env = std::getenv("PRECIS_SHARED")) return env;
  return PRECIS_SHARED_DIR;
}

// ---- results --------------------------------------------------------------------------

TEST(JsonWriter, SameAsNlohmannForTheSeedsAndArticles) {
  std::size_t files = 0;
  // tests/data/html: pages with metadata (byline, published, site_name) and warnings.
  for (const char* dir : {"seeds", "tests/data/articles", "tests/data/html"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PRECIS_SOURCE_DIR) / dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".txt" && ext != ".html") continue;
      ++files;
      expect_same_json_for(read_file(entry.path()),
                           ext == ".html" ? precis::InputFormat::kHtml : precis::InputFormat::kText,
                           entry.path().filename().string());
      if (HasFatalFailure()) return;
    }
  }
  EXPECT_GE(files, 15u);
  expect_same_json_for(std::string(precis_test::kArticle), precis::InputFormat::kText, "kArticle");
  expect_same_json_for("", precis::InputFormat::kText, "empty");
  // Astral characters (two UTF-16 units), controls, quotes, repaired bytes.
  expect_same_json_for(
      "T\xF0\x9F\x98\x80st \"one\"\x01 here.\tTab\\ two \xFF\xFE is here. \xF0\x9F\x8E\x89 Done \xE2\x80\x94 three.",
      precis::InputFormat::kText, "odd text");
}

TEST(JsonWriter, SameAsNlohmannForTheEvalSets) {
  const std::filesystem::path dir = std::filesystem::path(shared_dir()) / "eval" / "summ";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is missing";
  std::size_t documents = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().string().ends_with(".dev.jsonl") == false) continue;
    std::ifstream in(entry.path());
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      const Json doc = Json::parse(line);
      const std::string& text = doc.at("text").get_ref<const std::string&>();
      precis::Options options;
      precis::Result r, s;
      ASSERT_TRUE(precis::summarize(text, options, &r).ok());
      ASSERT_TRUE(precis::split(text, options, &s).ok());
      expect_same_json(r, s, entry.path().filename().string() + ":" + std::to_string(++n));
      if (HasFatalFailure()) return;
      ++documents;
    }
  }
  EXPECT_GT(documents, 1000u);
}

TEST(JsonWriter, SameAsNlohmannForOddResults) {
  precis::Result r;
  r.text = "A \"q\".\n\x01 b\xF0\x9F\x98\x80. c";
  r.language = "en";
  r.title = "Ti\xC3\xA9tle\x7F";
  r.html = true;
  precis::Sentence a;
  a.start = 0;
  a.end = 6;
  a.score = std::numeric_limits<double>::quiet_NaN();
  a.parts_begin = 0;
  a.parts_end = 5;
  a.block_type = "quote";
  precis::Sentence b;
  b.start = 7;
  b.end = 14;
  b.block = 4000000000u;
  b.score = -0.0;
  b.selected = true;
  b.parts_begin = 5;
  b.parts_end = 6;
  precis::Sentence c;  // offsets past the end, and backwards: the walk stays put
  c.start = 12;
  c.end = 99;
  c.score = std::numeric_limits<double>::infinity();
  r.sentences = {a, b, c};
  // A name given twice keeps its first place and takes its last value.
  r.parts = {{"position", 0.1}, {"centrality", 1e-9}, {"position", 0.25},
             {"quote", -1e300}, {"centrality", 3},    {"redundancy", -0.0000004}};
  r.summary = {1, 0};
  r.keywords = {{"k\xFFw", 1e21}, {"", 123456789.123456789}};
  r.stats.characters = 18446744073709551615u;
  r.stats.milliseconds = 0.0005;
  expect_same_json(r, r, "odd result");
}

TEST(JsonWriter, ErrorJson) {
  for (int code = 0; code <= 6; ++code) {
    const precis::Status s = precis::Status::Error(static_cast<precis::ErrorCode>(code), "bad \"thing\"\n\xC3");
    EXPECT_EQ(precis::error_json(s), reference_dump(precis::error_to_json(s)));
  }
}

// ---- numbers ----------------------------------------------------------------------------

void expect_double(double v) { ASSERT_EQ(writer_number(v), reference_dump(Json(v))) << std::hexfloat << v; }

TEST(JsonWriter, DoublesLikeNlohmann) {
  const double specials[] = {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             0.1,
                             0.5,
                             1e-5,
                             1e-4,
                             1.5e-5,
                             0.0001,
                             0.001234,
                             1e15,
                             1e16,
                             1e17,
                             123456789012345.0,
                             1234567890123456.0,
                             1e21,
                             1e22,
                             1e23,
                             9007199254740991.0,
                             9007199254740992.0,
                             9007199254740993.0,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::min(),
                             std::numeric_limits<double>::denorm_min(),
                             -std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::epsilon(),
                             5e-324,
                             2.2250738585072009e-308,
                             1.7976931348623157e308,
                             0.3,
                             2.0 / 3,
                             1e100,
                             1e-100,
                             1e300,
                             1e-300,
                             1e308,
                             1e-308,
                             123.456,
                             0.123457,
                             0.333333,
                             1.235,
                             4.35,
                             5e-7,
                             9.5e-6,
                             std::numeric_limits<double>::quiet_NaN(),
                             -std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()};
  for (double v : specials) {
    expect_double(v);
    expect_double(-v);
  }
  EXPECT_EQ(writer_number(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(writer_number(-std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(writer_number(-0.0), "-0.0");
  EXPECT_EQ(writer_number(1e-5), "1e-05");
  EXPECT_EQ(writer_number(1e21), "1e+21");
  EXPECT_EQ(writer_number(3.0), "3.0");
  EXPECT_EQ(writer_number(1e15), "1e+15");
  EXPECT_EQ(writer_number(1e14), "100000000000000.0");

  // Integers, powers of two and ten, and their neighbours.
  for (int i = -2000; i <= 2000; ++i) expect_double(i);
  for (int e = -1074; e <= 1023; ++e) {
    const double p = std::ldexp(1.0, e);
    expect_double(p);
    expect_double(std::nextafter(p, 0.0));
    expect_double(std::nextafter(p, INFINITY));
  }
  for (int e = -325; e <= 309; ++e) {
    const double p = std::strtod(("1e" + std::to_string(e)).c_str(), nullptr);
    expect_double(p);
    expect_double(std::nextafter(p, 0.0));
    expect_double(std::nextafter(p, INFINITY));
  }
  if (HasFatalFailure()) return;

  std::mt19937_64 rng(20261127);
  // Random bit patterns (all exponents), subnormals, and numbers in the result's range
  // rounded the way the result rounds them.
  for (int i = 0; i < 2000000; ++i) {
    expect_double(std::bit_cast<double>(rng()));
    if (HasFatalFailure()) return;
  }
  for (int i = 0; i < 200000; ++i) {
    expect_double(std::bit_cast<double>(rng() & ((std::uint64_t{1} << 52) - 1)));
    if (HasFatalFailure()) return;
  }
  std::uniform_real_distribution<double> unit(-2.0, 2.0);
  for (int i = 0; i < 1000000; ++i) {
    const double v = unit(rng);
    expect_double(v);
    expect_double(std::round(v * 1e6) / 1e6);
    expect_double(std::round(v * 1e3 * 1000) / 1e3);
    if (HasFatalFailure()) return;
  }
  // Short decimals (most scores are these).
  for (int i = 0; i < 200000; ++i) {
    const auto digits = std::to_string(rng() % 100000000);
    const int exp = static_cast<int>(rng() % 40) - 20;
    expect_double(std::strtod((digits + "e" + std::to_string(exp)).c_str(), nullptr));
    if (HasFatalFailure()) return;
  }
}

TEST(JsonWriter, IntegersLikeNlohmann) {
  std::mt19937_64 rng(7);
  std::vector<std::uint64_t> values = {
      0, 1, 9, 10, 99, 100, 4294967295u, 4294967296u, std::numeric_limits<std::uint64_t>::max()};
  for (int i = 0; i < 100000; ++i) values.push_back(rng() >> (rng() % 64));
  precis::JsonWriter w;
  for (std::uint64_t v : values) {
    w.number(v);
    ASSERT_EQ(w.take(), reference_dump(Json(v)));
    const auto sv = static_cast<std::int64_t>(v);
    w.number(sv);
    ASSERT_EQ(w.take(), reference_dump(Json(sv)));
  }
  w.number(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(w.take(), "-9223372036854775808");
  // In arrays: the sign comes after the comma.
  w.begin_array();
  w.number(-1);
  w.number(-2);
  w.number(std::uint64_t{3});
  w.end_array();
  EXPECT_EQ(w.take(), "[-1,-2,3]");
}

// ---- strings ------------------------------------------------------------------------------

void expect_string(const std::string& v) {
  ASSERT_EQ(writer_string(v), reference_dump(Json(v))) << ::testing::PrintToString(v);
}

TEST(JsonWriter, StringsLikeNlohmann) {
  // Every control character, alone and in text; every single byte; every byte pair.
  for (int c = 0; c < 0x20; ++c) {
    expect_string(std::string(1, static_cast<char>(c)));
    expect_string("a" + std::string(1, static_cast<char>(c)) + "b");
  }
  EXPECT_EQ(writer_string(std::string("\0\x1f\x7f\"\\/", 6)), "\"\\u0000\\u001f\x7f\\\"\\\\/\"");
  EXPECT_EQ(writer_string("\b\f\n\r\t\x0b"), "\"\\b\\f\\n\\r\\t\\u000b\"");
  for (int a = 0; a < 256; ++a) {
    expect_string(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) expect_string({static_cast<char>(a), static_cast<char>(b)});
    if (HasFatalFailure()) return;
  }
  // Well-formed text of every length of sequence, and ill-formed sequences of the kinds
  // the replacement must handle: truncated, overlong, surrogates, > U+10FFFF, stray
  // continuation bytes, at the end and in the middle.
  for (const char* s : {"caf\xC3\xA9",
                        "\xE2\x82\xAC",
                        "\xF0\x9F\x98\x80",
                        "\xF4\x8F\xBF\xBF",
                        "\xEF\xBF\xBD",
                        "\xC3",
                        "\xE2\x82",
                        "\xF0\x9F\x98",
                        "a\xC3"
                        "b",
                        "a\xE2\x82"
                        "b",
                        "\xF0\x9F\x98"
                        "b",
                        "\xC0\xAF",
                        "\xE0\x80\xAF",
                        "\xE0\x9F\xBF",
                        "\xF0\x80\x80\xAF",
                        "\xF0\x8F\xBF\xBF",
                        "\xED\xA0\x80",
                        "\xED\xBF\xBF",
                        "\xF4\x90\x80\x80",
                        "\xF5\x80\x80\x80",
                        "\xFF\xFE",
                        "\x80\x80\x80",
                        "\xC3\xC3\xA9",
                        "\xE2\x82\xE2\x82\xAC",
                        "\xF0\x9F\xF0\x9F\x98\x80\x98"}) {
    expect_string(s);
    expect_string(std::string("x") + s + "y\n");
  }
  // Random strings over an alphabet rich in lead, continuation and control bytes.
  const unsigned char alphabet[] = {0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, '"',  '\\', 'a',  0x7F,
                                    0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(11);
  for (int i = 0; i < 300000; ++i) {
    std::string s(rng() % 12, '\0');
    for (char& c : s) c = static_cast<char>(alphabet[rng() % sizeof alphabet]);
    expect_string(s);
    if (HasFatalFailure()) return;
  }
  // Longer, mostly plain strings: the 8-bytes-at-a-time scan must stop at every special
  // byte, wherever it falls.
  for (int i = 0; i < 100000; ++i) {
    std::string s(rng() % 70, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 10 ? 'a' + rng() % 26 : alphabet[rng() % sizeof alphabet]);
    expect_string(s);
    if (HasFatalFailure()) return;
  }
  // Random well-formed text of random code points.
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int k = rng() % 20; k > 0; --k) {
      std::uint32_t cp = rng() % 0x110000;
      if (cp >= 0xD800 && cp < 0xE000) cp = 0x41;
      if (cp < 0x80)
        s += static_cast<char>(cp);
      else if (cp < 0x800)
        s += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      else if (cp < 0x10000)
        s += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
      else
        s += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }
    expect_string(s);
    if (HasFatalFailure()) return;
  }
}

// ---- structure and any value --------------------------------------------------------------

Json random_json(std::mt19937_64& rng, int depth) {
  switch (rng() % (depth > 4 ? 6 : 8)) {
    case 0:
      return nullptr;
    case 1:
      return rng() % 2 == 0;
    case 2:
      return static_cast<std::int64_t>(rng());
    case 3:
      return rng() >> (rng() % 64);
    case 4:
      return std::bit_cast<double>(rng());
    case 5: {
      std::string s(rng() % 6, ' ');
      for (char& c : s) c = static_cast<char>(rng() % 256);
      return s;
    }
    case 6: {
      Json a = Json::array();
      for (int i = rng() % 5; i > 0; --i) a.push_back(random_json(rng, depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (int i = rng() % 5; i > 0; --i)
        o[std::string(1, static_cast<char>('a' + rng() % 26))] = random_json(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonWriter, AnyValueLikeNlohmann) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20000; ++i) {
    const Json j = random_json(rng, 0);
    precis::JsonWriter w(i % 7);  // from no room up: the buffer grows as it must
    precis::write_json(w, j);
    ASSERT_EQ(w.take(), reference_dump(j));
  }
  // The writer's own calls: commas between members and elements, nothing else.
  precis::JsonWriter w;
  w.begin_array();
  w.begin_object();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.null();
  w.boolean(false);
  w.number(std::size_t{7});
  w.number(-3);
  w.number(0.5);
  w.begin_object();
  w.member("a", "x");
  w.member("b", 1u);
  w.key("c");
  w.begin_array();
  w.string("y");
  w.end_array();
  w.end_object();
  w.end_array();
  EXPECT_EQ(w.take(), R"([{},[],null,false,7,-3,0.5,{"a":"x","b":1,"c":["y"]}])");
  EXPECT_EQ(w.take(), "");  // take() empties the writer
  w.string("again");
  EXPECT_EQ(w.take(), R"("again")");
}

// ---- options --------------------------------------------------------------------------------

struct Outcome {
  std::string code, message;
  precis::Options options;
};

std::string describe(const precis::Options& o) {
  std::ostringstream s;
  s << static_cast<int>(o.budget) << ' ' << o.sentences << ' ' << std::hexfloat << o.ratio << ' ' << o.words << ' '
    << o.characters << ' ' << o.language << ' ' << o.algorithm << ' ' << static_cast<int>(o.input) << ' '
    << o.max_input_bytes;
  return s.str();
}

// The wasm adapter's path before: nlohmann parse, then options_from_json.
Outcome via_nlohmann(const std::string& text, precis::UnknownKeys unknown) {
  Outcome out;
  out.options.sentences = 7;
  // nlohmann stops at a NUL byte, which JSON never holds unescaped: both the batch
  // reader and options_from_json_text take a text with one for invalid.
  const Json j = text.find('\0') != std::string::npos ? Json(Json::value_t::discarded)
                                                      : Json::parse(text, nullptr, /*allow_exceptions=*/false);
  precis::Status st = j.is_discarded()
                          ? precis::Status::Error(precis::ErrorCode::kInvalidOption, "options are not valid JSON")
                          : precis::options_from_json(j, &out.options, unknown);
  out.code = precis::error_code_name(st.code);
  out.message = st.message;
  return out;
}

Outcome via_text(const std::string& text, precis::UnknownKeys unknown) {
  Outcome out;
  out.options.sentences = 7;
  precis::Status st = precis::options_from_json_text(text, &out.options, unknown);
  out.code = precis::error_code_name(st.code);
  out.message = st.message;
  return out;
}

void expect_same_options(const std::string& text) {
  for (auto unknown : {precis::UnknownKeys::kReject, precis::UnknownKeys::kIgnore}) {
    const Outcome a = via_nlohmann(text, unknown), b = via_text(text, unknown);
    ASSERT_EQ(b.code, a.code) << ::testing::PrintToString(text) << " " << a.message;
    ASSERT_EQ(b.message, a.message) << ::testing::PrintToString(text);
    ASSERT_EQ(describe(b.options), describe(a.options)) << ::testing::PrintToString(text);
  }
}

const char* kOptionTexts[] = {
    // Valid, as the JS API sends them (JSON.stringify) and otherwise.
    R"({})",
    R"({"sentences":4})",
    R"({"sentences": 3.0})",
    R"({"sentences":1000000000})",
    R"({"ratio":0.5})",
    R"({"ratio":1})",
    R"({"ratio":1e-3})",
    R"({"ratio":0.001})",
    R"({"words":50})",
    R"({"characters":280})",
    R"({"lang":"de"})",
    R"({"language":"EN"})",
    R"({"lang":"zh-hant"})",
    R"({"lang":"auto"})",
    R"({"algorithm":"lead"})",
    R"({"algorithm":"klsum"})",
    R"({"input":"html"})",
    R"({"input":"text"})",
    R"({"max_input_bytes":1048576})",
    R"({"max_input_bytes":1e6})",
    R"({"words":20,"lang":"en","algorithm":"lead","input":"text","max_input_bytes":99})",
    " \t\r\n{ \"sentences\" : 2 } \n",
    "\xEF\xBB\xBF{\"sentences\":2}",
    R"({"\u0073entences":2})",
    R"({"lang":"\u0065\u006E"})",
    R"({"lang":"e\/n"})",
    R"({"sentences":1E1})",
    R"({"sentences":1e+1})",
    R"({"sentences":10e-1})",
    R"({"sentences":-0})",
    R"({"sentences":-0.0})",
    R"({"sentences":0.0})",
    // Wrong types and ranges.
    R"({"sentences":"3"})",
    R"({"sentences":true})",
    R"({"sentences":null})",
    R"({"sentences":[3]})",
    R"({"sentences":{"n":3}})",
    R"({"sentences":2.5})",
    R"({"sentences":0})",
    R"({"sentences":-1})",
    R"({"sentences":1000000001})",
    R"({"sentences":1e12})",
    R"({"sentences":9e15})",
    R"({"sentences":8.9e15})",
    R"({"sentences":18446744073709551615})",
    R"({"sentences":18446744073709551616})",
    R"({"sentences":9223372036854775807})",
    R"({"sentences":9223372036854775808})",
    R"({"sentences":-9223372036854775808})",
    R"({"sentences":-9223372036854775809})",
    R"({"sentences":1e-400})",
    R"({"words":"100"})",
    R"({"words":10.5})",
    R"({"ratio":"0.5"})",
    R"({"ratio":false})",
    R"({"ratio":0})",
    R"({"ratio":-0.5})",
    R"({"ratio":1.01})",
    R"({"ratio":2})",
    R"({"ratio":18446744073709551615})",
    R"({"ratio":-1})",
    R"({"ratio":[]})",
    R"({"lang":5})",
    R"({"language":null})",
    R"({"lang":"english"})",
    R"({"lang":""})",
    R"({"lang":"en-"})",
    R"({"language":"en US"})",
    R"({"lang":"../etc"})",
    R"({"lang":"\u00e9n"})",
    R"({"lang":"en\u0000"})",
    R"({"algorithm":1})",
    R"({"algorithm":"pagerank"})",
    R"({"algorithm":"LEAD"})",
    R"({"input":true})",
    R"({"input":"pdf"})",
    R"({"max_input_bytes":"10"})",
    R"({"max_input_bytes":1.5})",
    R"({"max_input_bytes":0})",
    R"({"max_input_bytes":-5})",
    // Budgets, unknown and repeated keys.
    R"({"sentences":3,"words":50})",
    R"({"ratio":0.5,"sentences":2})",
    R"({"words":50,"ratio":0.5})",
    R"({"sentences":2,"sentences":3})",
    R"({"sentences":2,"ratio":0.5,"sentences":3})",
    R"({"lang":"xx!","sentences":0,"lang":"en"})",
    R"({"foo":1,"sentences":0,"foo":2})",
    R"({"foo":1})",
    R"({"Sentences":3})",
    R"({"text":"hello"})",
    R"({"id":17,"sentences":2})",
    R"({"id":1,"sentences":0})",
    R"({"id":1,"lang":"??"})",
    R"({"\u0000":1})",
    R"({"caf\u00e9":1})",
    R"({"\ud83d\ude00":1})",
    "{\"caf\xC3\xA9\":1}",
    R"({"text":"Some text.","id":"a","sentences":2,"extra":{"nested":[1,2,{"x":[[],{}]}]}})",
    R"({"a":[1,[2,[3,[4]]]],"b":{"c":{"d":{}}},"sentences":2})",
    // JSON, but not an object.
    R"([])",
    R"(3)",
    R"("sentences")",
    R"(null)",
    R"(true)",
    R"([{"sentences":2}])",
    R"(-0.5e3)",
    R"("\u00e9")",
    // Not JSON.
    "",
    " ",
    "{",
    "}",
    "{\"sentences\":}",
    "{\"sentences\" 2}",
    "{\"sentences\":2,}",
    "{,}",
    "{\"a\":1 \"b\":2}",
    "{sentences:2}",
    "{'sentences':2}",
    "{\"sentences\":2}x",
    "{\"sentences\":2}{}",
    "{\"sentences\":2} //",
    "/* c */{}",
    "{\"sentences\":01}",
    "{\"sentences\":1.}",
    "{\"sentences\":.5}",
    "{\"sentences\":+1}",
    "{\"sentences\":-}",
    "{\"sentences\":1e}",
    "{\"sentences\":1e+}",
    "{\"sentences\":0x10}",
    "{\"sentences\":NaN}",
    "{\"sentences\":Infinity}",
    "{\"sentences\":1e400}",
    "{\"sentences\":-1e400}",
    "{\"x\":[1e999]}",
    "{\"sentences\":tru}",
    "{\"sentences\":nul}",
    "{\"sentences\":True}",
    "{\"a\":truex}",
    "\xEF\xBB{}",
    "\xEF{}",
    "\xEF\xBB\xBF",
    "\xEF\xBB\xBF\xEF\xBB\xBF{}",
    "{}\xEF\xBB\xBF",
    "{\"a\":\"\x01\"}",
    "{\"a\":\"\t\"}",
    "{\"a\":\"\\x\"}",
    "{\"a\":\"\\u12\"}",
    "{\"a\":\"\\u12G4\"}",
    "{\"a\":\"\\ud800\"}",
    "{\"a\":\"\\ud800x\"}",
    "{\"a\":\"\\ud800\\u0041\"}",
    "{\"a\":\"\\udc00\"}",
    "{\"a\":\"\\ud800\\ud800\"}",
    "{\"a\":\"\xC3\"}",
    "{\"a\":\"\xC0\xAF\"}",
    "{\"a\":\"\xED\xA0\x80\"}",
    "{\"a\":\"\xF4\x90\x80\x80\"}",
    "{\"a\":\"\xFF\"}",
    "{\"\xFF\":1}",
    "{\"a\":\"unterminated}",
    "{\"a\":1}\x00",
    "\x00{}",
    "{\"a\":[1,2}",
    "{\"a\":[1,2,]}",
    "{\"a\":{\"b\"}}",
    "{\"a\":{\"b\":1,}}",
    "{\"a\":[}",
    "{\"a\":]}",
    "[",
    "[[[[",
    "]]",
    "{\"a\":{\"b\":[{\"c\":[1 2]}]}}",
    "{\"a\":\"\\/\\b\\f\\n\\r\\t\"}",
    "{\"sentences\":2}\n\n\t ",
    "\n",
    "nul",
    "{\"a\" : [ 1 , { } , [ ] , \"x\" , true , false , null ] }",
};

TEST(OptionsJson, SameAsNlohmann) {
  for (const char* text : kOptionTexts) {
    expect_same_options(text);
    if (HasFatalFailure()) return;
  }
  // Texts with NUL bytes (std::string, not C strings).
  for (std::string text : {std::string("{\"lang\":\"e\0n\"}", 14), std::string("{\"a\":1}\0", 8),
                           std::string("{\0}", 3), std::string("{\"a\":1} \0garbage", 16), std::string("{\"a\":\0}", 7),
                           std::string("[\0", 2), std::string("\0", 1)}) {
    expect_same_options(text);
  }
  // Deep nesting (not too deep for nlohmann, which copies nested values recursively).
  const std::string deep = std::string(3000, '[') + std::string(3000, ']');
  expect_same_options("{\"x\":" + deep + ",\"sentences\":2}");
  expect_same_options("{\"x\":" + deep + "]}");
  expect_same_options(deep);
}

TEST(OptionsJson, AnyDepthWithoutRecursion) {
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  precis::Options o;
  ASSERT_TRUE(
      precis::options_from_json_text("{\"x\":" + deep + ",\"sentences\":2}", &o, precis::UnknownKeys::kIgnore).ok());
  EXPECT_EQ(o.sentences, 2);
  EXPECT_EQ(precis::options_from_json_text("{\"x\":" + deep + "]}", &o).message, "options are not valid JSON");
  EXPECT_EQ(precis::options_from_json_text(deep, &o).message, "options must be an object");
}

TEST(OptionsJson, MessagesAndCodes) {
  precis::Options o;
  o.sentences = 9;
  precis::Status st = precis::options_from_json_text("{bad", &o);
  EXPECT_EQ(st.code, precis::ErrorCode::kInvalidOption);
  EXPECT_EQ(st.message, "options are not valid JSON");
  st = precis::options_from_json_text("[1]", &o);
  EXPECT_EQ(st.code, precis::ErrorCode::kInvalidOption);
  EXPECT_EQ(st.message, "options must be an object");
  st = precis::options_from_json_text(R"({"lang":"english"})", &o);
  EXPECT_EQ(st.code, precis::ErrorCode::kInvalidLanguage);
  st = precis::options_from_json_text(R"({"sentences":"3"})", &o);
  EXPECT_EQ(st.message, "option \"sentences\" must be an integer");
  st = precis::options_from_json_text(R"({"nope":1})", &o);
  EXPECT_EQ(st.message, "unknown option \"nope\"");
  EXPECT_EQ(o.sentences, 9);
  ASSERT_TRUE(precis::options_from_json_text(R"({"sentences":4,"lang":"de"})", &o).ok());
  EXPECT_EQ(o.sentences, 4);
  EXPECT_EQ(o.language, "de");
}

TEST(OptionsJson, RepeatedKeysCountAtTheirFirstPlaceWithTheirLastValue) {
  std::vector<precis::OptionEntry> entries;
  std::forward_list<std::string> storage;
  bool is_object = false;
  ASSERT_TRUE(
      precis::parse_options_json(R"({"b":1,"a":"x","b":"\u0032","c":null,"a":[]})", &entries, &is_object, &storage));
  ASSERT_TRUE(is_object);
  ASSERT_EQ(entries.size(), 5u);  // the parser keeps them all, in order
  EXPECT_EQ(entries[2].key, "b");
  EXPECT_EQ(entries[2].value.type, precis::OptionValue::Type::kString);
  EXPECT_EQ(entries[2].value.string, "2");
  EXPECT_EQ(entries[4].value.type, precis::OptionValue::Type::kOther);
  // apply_options: the last value, at the first place.
  precis::Options o;
  ASSERT_TRUE(precis::options_from_json_text(R"({"sentences":2,"lang":"de","sentences":5})", &o).ok());
  EXPECT_EQ(o.sentences, 5);
  // "words" is the first budget, "ratio" the second: two budgets, whatever the values.
  EXPECT_EQ(precis::options_from_json_text(R"({"words":"x","ratio":0.5,"words":10})", &o).message,
            "give only one of \"sentences\", \"ratio\", \"words\", \"characters\"");
  // The first bad option in order of first places is the one reported.
  EXPECT_EQ(precis::options_from_json_text(R"({"lang":"en","algorithm":"x","lang":"??"})", &o).code,
            precis::ErrorCode::kInvalidLanguage);
  // Many repeats stay linear.
  std::string many = "{";
  for (int i = 0; i < 200000; ++i)
    many += "\"sentences\":" + std::to_string(i % 9 + 1) + ",\"x" + std::to_string(i % 50) + "\":0,";
  many += "\"sentences\":4}";
  ASSERT_TRUE(precis::options_from_json_text(many, &o, precis::UnknownKeys::kIgnore).ok());
  EXPECT_EQ(o.sentences, 4);
  expect_same_options(many);
}

// Random edits of valid option texts: both parsers must agree on every one.
TEST(OptionsJson, SameAsNlohmannOnMutations) {
  const std::string pieces[] = {"{",
                                "}",
                                "[",
                                "]",
                                ":",
                                ",",
                                "\"",
                                "\\",
                                "\\u",
                                "\\ud83d",
                                "\\ude00",
                                "0",
                                "1",
                                "-",
                                ".",
                                "e",
                                "E",
                                "+",
                                " ",
                                "\n",
                                "true",
                                "false",
                                "null",
                                "\"sentences\"",
                                "\"ratio\"",
                                "\"lang\"",
                                "\"en\"",
                                "9e99",
                                "1e400",
                                "\xC3\xA9",
                                "\xC3",
                                "\xFF",
                                "\x01",
                                "\xEF\xBB\xBF",
                                "18446744073709551616",
                                "0.5",
                                "a",
                                std::string(1, '\0')};
  std::mt19937 rng(5);
  std::size_t valid = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string text = kOptionTexts[rng() % std::size(kOptionTexts)];
    for (int edits = 1 + rng() % 3; edits > 0; --edits) {
      const std::size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0:
          text.insert(at, pieces[rng() % std::size(pieces)]);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1 + rng() % 3);
          break;
        default:
          if (at < text.size()) text[at] = pieces[rng() % std::size(pieces)][0];
      }
    }
    expect_same_options(text);
    if (HasFatalFailure()) return;
    valid += !Json::parse(text, nullptr, false).is_discarded();
  }
  EXPECT_GT(valid, 1000u);  // the edits leave a fair share valid, so both sides are exercised
}

}  // namespace
