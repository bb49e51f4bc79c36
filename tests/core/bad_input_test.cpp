// The bad-input table of docs/LIMITS.md through the C++ API: each input gets its
// documented result. (tests/wasm/bad_input.test.mjs runs the same rows in the wasm
// build and the CLI and checks both give the same JSON; this suite also runs under
// AddressSanitizer and UBSan in `npm test`.)
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "precis/options_json.hpp"
#include "precis/precis.hpp"

namespace {

using precis::ErrorCode;
using precis::InputFormat;
using precis::Options;
using precis::Result;
using precis::Status;

constexpr std::string_view kArticle =
    "The council met on Monday to vote on the budget. Members argued for three hours. "
    "The plan passed by a narrow margin. Critics said it would raise taxes.";

std::vector<std::string> texts(const Result& r) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < r.sentences.size(); ++i) out.emplace_back(r.sentence_text(i));
  return out;
}

Result summarize_ok(std::string_view input, Options o = {}) {
  Result r;
  const Status st = precis::summarize(input, o, &r);
  EXPECT_TRUE(st.ok()) << precis::error_code_name(st.code) << ": " << st.message;
  return r;
}

Options html() {
  Options o;
  o.input = InputFormat::kHtml;
  return o;
}

TEST(BadInput, NulBytesAreKeptAsText) {
  const std::string input("First sentence has a NUL\0 inside it. Second one is plain.", 58);
  const Result r = summarize_ok(input);
  EXPECT_EQ(r.text, input);
  ASSERT_EQ(r.sentences.size(), 2u);
  EXPECT_EQ(r.sentence_text(0), std::string_view("First sentence has a NUL\0 inside it.", 36));
}

TEST(BadInput, ByteOrderMarkStaysOutOfSentences) {
  const Result r = summarize_ok("\xEF\xBB\xBF" + std::string(kArticle));
  ASSERT_EQ(r.sentences.size(), 4u);
  EXPECT_EQ(r.sentences[0].start, 3u);
  EXPECT_EQ(r.sentence_text(0), "The council met on Monday to vote on the budget.");
  EXPECT_EQ(r.text.substr(0, 3), "\xEF\xBB\xBF");
}

TEST(BadInput, CrLfAndLoneCrBreakLinesLikeLf) {
  const std::string lf = "Headline of the story\n\nFirst line ends here.\nSecond line ends here.\n\nLast paragraph.";
  auto with = [&](std::string_view eol) {
    std::string s;
    for (char c : lf) {
      if (c == '\n') s.append(eol);
      else s.push_back(c);
    }
    return s;
  };
  const auto want = texts(summarize_ok(lf));
  EXPECT_EQ(want.front(), "Headline of the story");
  EXPECT_EQ(texts(summarize_ok(with("\r\n"))), want);
  EXPECT_EQ(texts(summarize_ok(with("\r"))), want);
}

TEST(BadInput, InvalidUtf8IsReplacedByMaximalSubparts) {
  // Overlong, surrogate, truncated, lone continuation bytes, bytes UTF-8 never uses:
  // U+FFFD for each maximal subpart (Unicode 15, section 3.9; the WHATWG decoder).
  struct Case {
    std::string_view bytes;
    int replacements;
  };
  const Case cases[] = {{"\xC0\xAF", 2}, {"\xE0\x80\xAF", 3}, {"\xED\xA0\x80", 3}, {"\xE2\x82", 1},
                        {"\xF0\x9F\x98", 1}, {"\x80\xBF", 2}, {"\xF5\xFE\xFF", 3}, {"\xF4\x90\x80\x80", 4}};
  for (const Case& c : cases) {
    const std::string input = "Bad " + std::string(c.bytes) + " here. " + std::string(kArticle);
    const Result r = summarize_ok(input);
    std::string want = "Bad ";
    for (int k = 0; k < c.replacements; ++k) want += "\xEF\xBF\xBD";
    EXPECT_EQ(r.sentence_text(0), want + " here.");
    EXPECT_EQ(r.repaired, static_cast<std::size_t>(c.replacements));
  }
}

TEST(BadInput, TenMegabytesWithoutPunctuationOrSpaces) {
  std::string words;
  while (words.size() < 10000000) words += "alpha beta gamma delta epsilon zeta ";
  Result r = summarize_ok(words);
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(r.summary, std::vector<std::size_t>{0});
  r = summarize_ok(std::string(10000000, 'x'));
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(r.stats.words, 1u);
}

TEST(BadInput, AMillionOneWordSentencesAndNoMore) {
  std::string text;
  const char* words[] = {"Alpha.", "Beta.", "Gamma.", "Delta.", "Epsilon.", "Zeta.", "Eta."};
  for (std::size_t i = 0; i < precis::kMaxSentences; ++i) {
    if (i) text += ' ';
    text += words[i % 7];
  }
  Result r;
  ASSERT_TRUE(precis::split(text, Options{}, &r).ok());
  EXPECT_EQ(r.sentences.size(), precis::kMaxSentences);
  text += " Theta.";
  Status st = precis::summarize(text, Options{}, &r);
  EXPECT_EQ(st.code, ErrorCode::kInputTooLarge);
  EXPECT_EQ(st.message, "the text has 1000001 sentences; the limit is 1000000");
  EXPECT_TRUE(r.sentences.empty());
}

TEST(BadInput, MoreThanAMillionLines) {
  std::string text;
  for (std::size_t i = 0; i < precis::kMaxSentences; ++i) text += "A\n";
  Result r;
  const Status st = precis::summarize(text, Options{}, &r);
  EXPECT_EQ(st.code, ErrorCode::kInputTooLarge);
  EXPECT_EQ(st.message, "the text has 1000001 lines; the limit is 1000000");
  // CR and CRLF count once each.
  std::string mixed;
  for (std::size_t i = 0; i < precis::kMaxSentences / 2; ++i) mixed += "A\r\nB\r";
  EXPECT_EQ(precis::split(mixed, Options{}, &r).code, ErrorCode::kInputTooLarge);
  mixed.resize(mixed.size() - 1);  // "...A\r\nB": exactly 1,000,000 lines
  EXPECT_TRUE(precis::split(mixed, Options{}, &r).ok());
}

TEST(BadInput, DefaultLimitIsSixteenMebibytes) {
  EXPECT_EQ(Options{}.max_input_bytes, std::size_t{16} << 20);
  Result r;
  EXPECT_EQ(precis::summarize(std::string((std::size_t{16} << 20) + 1, 'a'), Options{}, &r).code,
            ErrorCode::kInputTooLarge);
  // The check on its own (the wasm module asks it before copying a large text in).
  EXPECT_TRUE(precis::check_input_size(std::size_t{16} << 20, Options{}).ok());
  const Status st = precis::check_input_size((std::size_t{16} << 20) + 1, Options{});
  EXPECT_EQ(st.code, ErrorCode::kInputTooLarge);
  EXPECT_EQ(st.message, "input is 16777217 bytes; the limit is 16777216");
}

TEST(BadInput, DeeplyNestedAndUnclosedHtml) {
  std::string nested;
  for (int i = 0; i < 50000; ++i) nested += "<div><b>";
  nested += "Deep text here. It is nested a lot.";
  for (int i = 0; i < 50000; ++i) nested += "</b></div>";
  EXPECT_EQ(texts(summarize_ok(nested, html())), (std::vector<std::string>{"Deep text here.", "It is nested a lot."}));
  std::string open;
  for (int i = 0; i < 100000; ++i) open += "<span>";
  EXPECT_EQ(summarize_ok(open + std::string(kArticle), html()).sentences.size(), 4u);
  // An unclosed comment runs to the end; so does a tag whose quote never closes.
  EXPECT_EQ(texts(summarize_ok("<p>Shown text here. <!-- never closed <p>Hidden text.", html())),
            std::vector<std::string>{"Shown text here."});
  EXPECT_EQ(texts(summarize_ok("<p>Shown text here.<span title=\"never closed>Hidden.", html())),
            std::vector<std::string>{"Shown text here."});
  EXPECT_EQ(texts(summarize_ok("<p>Visible words here.</p><script>var a = '<p>no</p>';", html())),
            std::vector<std::string>{"Visible words here."});
}

bool has_no_article(const Result& r) {
  for (const auto& w : r.warnings) {
    if (w.code == "no_article") return true;
  }
  return false;
}

// Pages that are odd in shape: each a defined result, in linear time.
TEST(BadInput, OddPages) {
  // A frameset shows nothing of its own: no text, no article.
  Result r = summarize_ok("<html><frameset cols='50%,50%'><frame src=a.html><frame src=b.html></frameset></html>", html());
  EXPECT_TRUE(r.sentences.empty());
  EXPECT_TRUE(r.summary.empty());
  EXPECT_TRUE(has_no_article(r));
  // Inline SVG and MathML, <template>: their text is not shown.
  r = summarize_ok(std::string("<p>") + std::string(kArticle) +
                       "</p><svg><text>Chart label text here</text></svg><math><mi>x</mi></math>"
                       "<template><p>Template text is never shown.</p></template>",
                   html());
  EXPECT_EQ(r.sentences.size(), 4u);
  EXPECT_EQ(r.text.find("Chart"), std::string::npos);
  EXPECT_EQ(r.text.find("Template"), std::string::npos);
  // Unclosed everything: the text is still the article's.
  r = summarize_ok(std::string("<html><body><div><article><p>") + std::string(kArticle) + "<p>More after it, as is said.", html());
  EXPECT_FALSE(has_no_article(r));
  EXPECT_EQ(r.summary.size(), 3u);
  // All navigation: no article, nothing chosen.
  std::string menu = "<nav><ul>";
  for (int i = 0; i < 200; ++i) menu += "<li><a href='/p" + std::to_string(i) + "'>Section " + std::to_string(i) + "</a></li>";
  r = summarize_ok(menu + "</ul></nav>", html());
  EXPECT_TRUE(has_no_article(r));
  EXPECT_TRUE(r.summary.empty());
  // All article (a bare post, no markup at all around the text).
  r = summarize_ok(kArticle, html());
  EXPECT_FALSE(has_no_article(r));
  EXPECT_EQ(r.summary.size(), 3u);
}

// A 5 MB page (a news page's furniture and article, many times over): a result, with the
// article found and the summary taken from it.
TEST(BadInput, FiveMegabytePage) {
  std::string page = "<html><body><nav>";
  for (int i = 0; i < 2000; ++i) page += "<a href='/s" + std::to_string(i) + "'>Section</a> ";
  page += "</nav><main><article>";
  for (int i = 0; page.size() < (std::size_t{5} << 20); ++i) {
    page += "<p>" + std::string(kArticle) + " It was item " + std::to_string(i) + " on the agenda.</p><aside><a href='/x'>Related</a></aside>";
  }
  page += "</article></main></body></html>";
  const Result r = summarize_ok(page, html());
  EXPECT_FALSE(has_no_article(r));
  EXPECT_EQ(r.summary.size(), 3u);
  for (std::size_t i : r.summary) EXPECT_EQ(r.sentences[i].block_type, "paragraph");
}

// The raw bytes of a saved page in another character set: the core repairs them to
// U+FFFD (a defined result); page_charset tells a caller what to decode them with.
TEST(BadInput, PagesInOtherCharacterSets) {
  const std::string page =
      "<html><head><meta http-equiv='Content-Type' content='text/html; charset=Windows-1252'></head>"
      "<body><p>Caf\xE9 cr\xE8me is served at the harbour every morning, and the regulars know it well.</p></body></html>";
  EXPECT_EQ(precis::page_charset(page), "windows-1252");
  const Result r = summarize_ok(page, html());
  EXPECT_EQ(r.repaired, 2u);
  EXPECT_NE(r.text.find("Caf\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(precis::page_charset("<meta charset=\"iso-8859-2\"><p>\xB1</p>"), "iso-8859-2");
  EXPECT_EQ(precis::page_charset("<meta charset=utf-8><p>\xE9</p>"), "");       // declares UTF-8: repaired
  EXPECT_EQ(precis::page_charset("<meta charset=windows-1252><p>ok</p>"), "");  // valid UTF-8 as it is
  EXPECT_EQ(precis::page_charset("<p>\xE9 and no declaration</p>"), "");
}

TEST(BadInput, LanguageTags) {
  for (const char* tag : {"xx", "zz-ZZ", "qaa"}) {
    Options o;
    o.language = tag;
    const Result r = summarize_ok(kArticle, o);
    EXPECT_EQ(r.language, tag);
    EXPECT_EQ(r.sentences.size(), 4u);
  }
  for (const char* tag : {"123!", "english language", ""}) {
    Options o;
    o.language = tag;
    Result r;
    EXPECT_EQ(precis::summarize(kArticle, o, &r).code, ErrorCode::kInvalidLanguage) << tag;
  }
}

TEST(BadInput, OptionsJsonEdgeCases) {
  struct Case {
    std::string json;
    std::string_view code;
    std::string_view message;
  };
  const Case cases[] = {
      {R"({"sentences": 18446744073709551615})", "invalid_option", "option \"sentences\" is too large"},
      {R"({"sentences": 1e300})", "invalid_option", "option \"sentences\" must be an integer"},
      {R"({"sentences": -3})", "invalid_option", "option \"sentences\" must be at least 1"},
      {R"({"words": "100"})", "invalid_option", "option \"words\" must be an integer"},
      {R"({"max_input_bytes": 18446744073709551615})", "ok", ""},
      {std::string("{\"sentences\": 2}\0junk", 21), "invalid_option", "options are not valid JSON"},
      {R"({"sentences": 2} {"sentences": 3})", "invalid_option", "options are not valid JSON"},
  };
  for (const Case& c : cases) {
    Options o;
    const Status st = precis::options_from_json_text(c.json, &o);
    EXPECT_EQ(precis::error_code_name(st.code), c.code) << c.json;
    EXPECT_EQ(st.message, c.message) << c.json;
  }
}

}  // namespace
