// The public API end to end (core/include/precis/precis.hpp): summarize() and split().
#include <gtest/gtest.h>

#include "test_article.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace {

using precis::Budget;
using precis::ErrorCode;
using precis::Options;
using precis::Result;
using precis::Status;

using precis_test::kArticle;
using precis_test::kEligible;
using precis_test::kSentences;

std::string describe(const Result& r) {
  std::string out;
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const auto& s = r.sentences[i];
    out += std::to_string(i) + (s.selected ? " * " : "   ") + std::to_string(s.words) + "w " +
           std::string(r.sentence_text(i)) + "\n";
  }
  return out;
}

// Invariants every summary keeps, whatever the budget.
void check_consistent(const Result& r) {
  SCOPED_TRACE(describe(r));
  // The summary is ascending, without duplicates, and matches the selected flags.
  for (std::size_t k = 1; k < r.summary.size(); ++k) EXPECT_LT(r.summary[k - 1], r.summary[k]);
  std::vector<bool> in_summary(r.sentences.size(), false);
  for (std::size_t i : r.summary) {
    ASSERT_LT(i, r.sentences.size());
    in_summary[i] = true;
  }
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    EXPECT_EQ(r.sentences[i].selected, in_summary[i]) << "sentence " << i;
    if (r.sentences[i].selected) {
      EXPECT_TRUE(r.sentences[i].eligible) << "sentence " << i;
    }
    if (!r.sentences[i].eligible) {
      EXPECT_EQ(r.sentences[i].score, 0.0) << "sentence " << i;
    }
  }
  // Offsets are in range, ordered and disjoint; stats agree with the sentences.
  std::size_t last_end = 0, words = 0;
  for (const auto& s : r.sentences) {
    EXPECT_LE(last_end, s.start);
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(s.end, r.text.size());
    last_end = s.end;
    words += s.words;
  }
  EXPECT_EQ(r.stats.sentences, r.sentences.size());
  EXPECT_EQ(r.stats.words, words);
  std::size_t characters = 0;
  for (unsigned char c : r.text) characters += (c & 0xC0) != 0x80;
  EXPECT_EQ(r.stats.characters, characters);
  // Keywords best first.
  EXPECT_LE(r.keywords.size(), 10u);
  for (std::size_t k = 1; k < r.keywords.size(); ++k) EXPECT_GE(r.keywords[k - 1].score, r.keywords[k].score);
}

std::size_t eligible_count(const Result& r) {
  std::size_t n = 0;
  for (const auto& s : r.sentences) n += s.eligible;
  return n;
}

std::size_t selected_words(const Result& r) {
  std::size_t n = 0;
  for (std::size_t i : r.summary) n += r.sentences[i].words;
  return n;
}

TEST(Api, EmptyAndWhitespaceInput) {
  const std::string_view cases[] = {"", " ", "\n\n\n", " \t\r\n \xC2\xA0\xE2\x80\xA8 ", "\xEF\xBB\xBF"};
  for (std::string_view input : cases) {
    SCOPED_TRACE("\"" + std::string(input) + "\"");
    Result r;
    r.summary = {1, 2};  // stale content must go
    const Status st = precis::summarize(input, Options{}, &r);
    EXPECT_TRUE(st.ok()) << st.message;
    EXPECT_EQ(st.code, ErrorCode::kOk);
    EXPECT_TRUE(r.sentences.empty());
    EXPECT_TRUE(r.summary.empty());
    EXPECT_TRUE(r.keywords.empty());
    EXPECT_EQ(r.stats.sentences, 0u);
    EXPECT_EQ(r.stats.words, 0u);
    EXPECT_EQ(r.text, input);
    EXPECT_EQ(r.repaired, 0u);
  }
}

TEST(Api, Errors) {
  struct Case {
    const char* name;
    std::string_view input;
    Options options;
    ErrorCode code;
  };
  auto with = [](auto&& set) {
    Options o;
    set(o);
    return o;
  };
  const Case cases[] = {
      {"over max_input_bytes", "0123456789a", with([](Options& o) { o.max_input_bytes = 10; }),
       ErrorCode::kInputTooLarge},
      {"zero sentences", kArticle, with([](Options& o) { o.sentences = 0; }), ErrorCode::kInvalidOption},
      {"zero words", kArticle, with([](Options& o) { o.budget = Budget::kWords, o.words = 0; }),
       ErrorCode::kInvalidOption},
      {"ratio 0", kArticle, with([](Options& o) { o.budget = Budget::kRatio, o.ratio = 0; }),
       ErrorCode::kInvalidOption},
      {"ratio above 1", kArticle, with([](Options& o) { o.budget = Budget::kRatio, o.ratio = 1.5; }),
       ErrorCode::kInvalidOption},
      {"ratio NaN", kArticle, with([](Options& o) { o.budget = Budget::kRatio, o.ratio = std::nan(""); }),
       ErrorCode::kInvalidOption},
      {"unknown algorithm", kArticle, with([](Options& o) { o.algorithm = "pagerank"; }), ErrorCode::kInvalidOption},
      {"bad language tag", kArticle, with([](Options& o) { o.language = "english"; }), ErrorCode::kInvalidLanguage},
      {"empty language tag", kArticle, with([](Options& o) { o.language = ""; }), ErrorCode::kInvalidLanguage},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    for (auto fn : {&precis::summarize, &precis::split}) {
      Result r;
      r.text = "stale";
      const Status st = fn(c.input, c.options, &r);
      EXPECT_EQ(precis::error_code_name(st.code), precis::error_code_name(c.code)) << st.message;
      EXPECT_FALSE(st.message.empty());
      EXPECT_TRUE(r.sentences.empty());
      EXPECT_TRUE(r.summary.empty());
    }
  }
  // A null result is an error value, not a crash.
  EXPECT_EQ(precis::summarize("Text.", Options{}, nullptr).code, ErrorCode::kInternal);
}

TEST(Api, MaxInputBytesIsInclusive) {
  Options o;
  o.max_input_bytes = 10;
  Result r;
  EXPECT_TRUE(precis::summarize("0123456789", o, &r).ok());
  EXPECT_EQ(precis::summarize("0123456789a", o, &r).code, ErrorCode::kInputTooLarge);
}

TEST(Api, SentencesAndOffsets) {
  const std::string_view input = "Headline\n\nFirst sentence here. Second one, by Dr. Smith.\n\nThird is \"last.\"\n";
  const std::string_view want[] = {"Headline", "First sentence here.", "Second one, by Dr. Smith.",
                                   "Third is \"last.\""};
  const std::uint32_t blocks[] = {0, 1, 1, 2};
  const std::uint32_t words[] = {1, 3, 5, 3};
  Result r;
  ASSERT_TRUE(precis::summarize(input, Options{}, &r).ok());
  EXPECT_EQ(r.text, input);
  EXPECT_EQ(r.language, "en");
  ASSERT_EQ(r.sentences.size(), std::size(want)) << describe(r);
  for (std::size_t i = 0; i < std::size(want); ++i) {
    SCOPED_TRACE(i);
    const auto& s = r.sentences[i];
    EXPECT_EQ(r.text.substr(s.start, s.end - s.start), want[i]);
    EXPECT_EQ(r.sentence_text(i), want[i]);
    EXPECT_EQ(input.substr(s.start, s.end - s.start), want[i]);  // valid input: offsets into the input too
    EXPECT_EQ(s.block, blocks[i]);
    EXPECT_EQ(s.words, words[i]);
  }
  EXPECT_FALSE(r.sentences[0].eligible);  // a headline
  EXPECT_FALSE(r.sentences[1].eligible);  // three words: a fragment, never chosen
  EXPECT_TRUE(r.sentences[2].eligible);
  check_consistent(r);
}

TEST(Api, SentenceBudget) {
  const int cases[] = {1, 2, 3, 5, 12, 13, 100};
  for (int n : cases) {
    SCOPED_TRACE(n);
    Options o;
    o.sentences = n;
    Result r;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
    ASSERT_EQ(r.sentences.size(), kSentences) << describe(r);
    ASSERT_EQ(eligible_count(r), kEligible) << describe(r);
    EXPECT_FALSE(r.sentences[0].eligible);  // headline
    EXPECT_FALSE(r.sentences[1].eligible);  // byline
    EXPECT_EQ(r.summary.size(), std::min<std::size_t>(n, kEligible)) << describe(r);
    check_consistent(r);
  }
}

TEST(Api, RatioBudget) {
  struct Case {
    double ratio;
    std::size_t want;  // max(1, round(ratio * 12))
  };
  const Case cases[] = {
      {1.0, 12}, {0.5, 6}, {0.25, 3}, {0.2, 2} /* 2.4 */, {0.125, 2} /* 1.5 rounds up */,
      {0.1, 1} /* 1.2 */, {0.01, 1} /* 0.12, at least one */,
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.ratio);
    Options o;
    o.budget = Budget::kRatio;
    o.ratio = c.ratio;
    Result r;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
    ASSERT_EQ(eligible_count(r), kEligible) << describe(r);
    EXPECT_EQ(r.summary.size(), c.want) << describe(r);
    check_consistent(r);
  }
}

TEST(Api, WordBudget) {
  const int cases[] = {1, 5, 12, 20, 30, 50, 80, 150, 10000};
  for (int w : cases) {
    SCOPED_TRACE(w);
    Options o;
    o.budget = Budget::kWords;
    o.words = w;
    Result r;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
    ASSERT_FALSE(r.summary.empty()) << describe(r);  // at least one sentence
    const std::size_t used = selected_words(r);
    if (used > static_cast<std::size_t>(w)) {
      // Only a single sentence longer than the budget may exceed it.
      EXPECT_EQ(r.summary.size(), 1u) << describe(r);
    }
    check_consistent(r);
  }
  // The budget decides: one word gets one sentence, a huge budget every eligible one.
  for (auto [w, want] : {std::pair{1, std::size_t{1}}, std::pair{10000, kEligible}}) {
    Options o;
    o.budget = Budget::kWords;
    o.words = w;
    Result r;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
    EXPECT_EQ(r.summary.size(), want) << describe(r);
  }
}

TEST(Api, CharacterBudget) {
  auto chars = [](std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  const int cases[] = {1, 40, 100, 250, 600, 100000};
  for (int budget : cases) {
    SCOPED_TRACE(budget);
    Options o;
    o.budget = Budget::kCharacters;
    o.characters = budget;
    Result r;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
    ASSERT_FALSE(r.summary.empty()) << describe(r);  // at least one sentence
    std::size_t used = 0;
    for (std::size_t i : r.summary) used += chars(r.sentence_text(i));
    if (used > static_cast<std::size_t>(budget)) EXPECT_EQ(r.summary.size(), 1u) << describe(r);
    check_consistent(r);
  }
  Options all;
  all.budget = Budget::kCharacters;
  all.characters = 100000;
  Result r;
  ASSERT_TRUE(precis::summarize(kArticle, all, &r).ok());
  EXPECT_EQ(r.summary.size(), kEligible) << describe(r);
  Options bad;
  bad.budget = Budget::kCharacters;
  bad.characters = 0;
  EXPECT_EQ(precis::summarize(kArticle, bad, &r).code, precis::ErrorCode::kInvalidOption);
}

TEST(Api, LeadTakesTheFirstSentencesOfTheBody) {
  Options o;
  o.algorithm = "lead";
  o.sentences = 3;
  Result r;
  ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
  EXPECT_EQ(r.summary, (std::vector<std::size_t>{2, 3, 4})) << describe(r);
  check_consistent(r);
}

TEST(Api, Language) {
  struct Case {
    const char* option;
    std::string_view input;
    const char* want;
  };
  const Case cases[] = {
      {"auto", kArticle, "en"},
      {"EN", kArticle, "en"},
      {"de", kArticle, "de"},
      // "Die Regierung hat am Montag beschlossen, die Steuern zu senken."
      {"auto", "Die Regierung hat am Montag beschlossen, die Steuern zu senken.", "de"},
      {"auto", "Xqzt vrkp blorf.", "und"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.option) + " " + std::string(c.input.substr(0, 20)));
    Options o;
    o.language = c.option;
    Result r;
    ASSERT_TRUE(precis::summarize(c.input, o, &r).ok());
    EXPECT_EQ(r.language, c.want);
    check_consistent(r);
  }
}

TEST(Api, InvalidUtf8IsRepairedAndCounted) {
  // C3 (truncated), FF, FE: three replacements.
  const std::string_view input = "Caf\xC3 au lait is hot today. The milk is warm and sweet. Bad \xFF\xFE bytes are here.";
  Result r;
  ASSERT_TRUE(precis::summarize(input, Options{}, &r).ok());
  EXPECT_EQ(r.repaired, 3u);
  EXPECT_EQ(r.text,
            "Caf\xEF\xBF\xBD au lait is hot today. The milk is warm and sweet. Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes are here.");
  const std::string_view want[] = {"Caf\xEF\xBF\xBD au lait is hot today.", "The milk is warm and sweet.",
                                   "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes are here."};
  ASSERT_EQ(r.sentences.size(), std::size(want)) << describe(r);
  for (std::size_t i = 0; i < std::size(want); ++i) EXPECT_EQ(r.sentence_text(i), want[i]) << i;
  check_consistent(r);

  // split() repairs the same way.
  Result s;
  ASSERT_TRUE(precis::split(input, Options{}, &s).ok());
  EXPECT_EQ(s.repaired, 3u);
  EXPECT_EQ(s.text, r.text);
}

TEST(Api, SplitHasNoSummary) {
  Result r;
  ASSERT_TRUE(precis::split(kArticle, Options{}, &r).ok());
  EXPECT_EQ(r.sentences.size(), kSentences);
  EXPECT_EQ(r.stats.sentences, kSentences);
  EXPECT_TRUE(r.summary.empty());
  EXPECT_TRUE(r.keywords.empty());
  for (const auto& s : r.sentences) {
    EXPECT_FALSE(s.selected);
    EXPECT_EQ(s.score, 0.0);
  }
  // The same sentences as summarize().
  Result full;
  ASSERT_TRUE(precis::summarize(kArticle, Options{}, &full).ok());
  ASSERT_EQ(full.sentences.size(), r.sentences.size());
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    EXPECT_EQ(r.sentences[i].start, full.sentences[i].start) << i;
    EXPECT_EQ(r.sentences[i].end, full.sentences[i].end) << i;
    EXPECT_EQ(r.sentences[i].block, full.sentences[i].block) << i;
  }
}

TEST(Api, TextWithoutProseStillGetsASummary) {
  // Only label-like lines: every sentence with a word becomes eligible.
  const std::string_view input = "Breaking News Today\nMarkets Fall Sharply Again\nInvestors Look For Safety\n";
  Options o;
  o.sentences = 2;
  Result r;
  ASSERT_TRUE(precis::summarize(input, o, &r).ok());
  EXPECT_EQ(r.sentences.size(), 3u);
  EXPECT_EQ(r.summary.size(), 2u) << describe(r);
  check_consistent(r);
}

}  // namespace

// Explanations: every eligible sentence's score is the sum of its named parts; the
// redundancy penalty is reported apart; sentences that cannot be chosen have none.
TEST(Api, ScoresAreExplainedByTheirParts) {
  const std::vector<std::string_view> auto_parts = {"position", "centrality", "keywords", "lead",
                                                    "title", "length", "quote", "redundancy"};
  struct Case {
    const char* algorithm;
    std::vector<std::string_view> names;
  };
  const std::vector<Case> cases = {{"auto", auto_parts},
                                   {"lead", {"position", "redundancy"}},
                                   {"textrank", {"textrank", "redundancy"}},
                                   {"klsum", {"klsum", "redundancy"}}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.algorithm);
    Options o;
    o.algorithm = c.algorithm;
    Result r;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
    std::size_t explained = 0;
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      const auto& s = r.sentences[i];
      SCOPED_TRACE(std::string(r.sentence_text(i)));
      double sum = 0;
      for (const auto& p : r.sentence_parts(i)) {
        EXPECT_NE(std::find(c.names.begin(), c.names.end(), p.name), c.names.end()) << p.name;
        EXPECT_NE(p.value, 0.0) << p.name;
        if (p.name == "redundancy") {
          EXPECT_LT(p.value, 0.0);
          EXPECT_TRUE(s.selected);
        } else {
          sum += p.value;
        }
      }
      if (!s.eligible) {
        EXPECT_TRUE(r.sentence_parts(i).empty());
        continue;
      }
      EXPECT_NEAR(s.score, sum, 1e-12);
      explained += !r.sentence_parts(i).empty();
    }
    EXPECT_GT(explained, 0u);
  }
}

// The first sentences of the body earn more of the position part than the last one.
TEST(Api, PositionPartFavoursTheLead) {
  Result r;
  ASSERT_TRUE(precis::summarize(kArticle, Options{}, &r).ok());
  auto position = [&](std::size_t i) {
    for (const auto& p : r.sentence_parts(i)) {
      if (p.name == "position") return p.value;
    }
    return 0.0;
  };
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    if (r.sentences[i].eligible) eligible.push_back(i);
  }
  ASSERT_GE(eligible.size(), 3u);
  EXPECT_GT(position(eligible[0]), position(eligible.back()));
  EXPECT_GT(position(eligible[1]), position(eligible.back()));
}

// HTML input: the result's text is what the page shows; offsets point into it; the
// headline is the title; navigation, captions and the footer are never chosen.
TEST(Api, HtmlInput) {
  const std::string page =
      "<!doctype html><html><head><title>Port votes for electric ferries | The Ledger</title>"
      "<style>p{color:red}</style><script>var x = '<p>not text</p>';</script></head><body>"
      "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>"
      "<article><h1>Port votes for electric ferries</h1><p class=byline>By Helen Marsh</p>"
      "<figure><img src=f.jpg><figcaption>A ferry leaves the terminal at dawn.</figcaption></figure>"
      "<p>Councillors voted on Monday to replace the town&rsquo;s three diesel ferries with electric boats.</p>"
      "<p>The plan will cost an estimated &pound;48 million over five years, the council said.</p>"
      "<p>The first electric ferry is due to enter service in the spring of 2027.</p></article>"
      "<footer><p>Copyright &copy; 2025 The Ledger. All rights reserved.</p></footer></body></html>";
  Options o;
  o.input = precis::InputFormat::kHtml;
  o.sentences = 5;
  Result r;
  ASSERT_TRUE(precis::summarize(page, o, &r).ok());
  SCOPED_TRACE(describe(r));
  EXPECT_TRUE(r.html);
  EXPECT_EQ(r.title, "Port votes for electric ferries");
  EXPECT_EQ(r.text.find('<'), std::string::npos);
  EXPECT_EQ(r.text.find("not text"), std::string::npos);
  EXPECT_NE(r.text.find("town\xE2\x80\x99s three diesel ferries"), std::string::npos);
  EXPECT_NE(r.text.find("\xC2\xA3" "48 million"), std::string::npos);
  check_consistent(r);
  std::vector<std::string> chosen;
  for (std::size_t i : r.summary) chosen.emplace_back(r.sentence_text(i));
  EXPECT_EQ(chosen.size(), 3u);
  for (const auto& s : chosen) {
    EXPECT_EQ(s.find("ferry leaves"), std::string::npos);
    EXPECT_EQ(s.find("rights reserved"), std::string::npos);
  }
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const std::string_view t = r.sentence_text(i);
    if (t.find("Home") == 0) EXPECT_EQ(r.sentences[i].block_type, "navigation");
    if (t.find("A ferry leaves") == 0) EXPECT_EQ(r.sentences[i].block_type, "caption");
    if (t.find("Copyright") == 0) EXPECT_EQ(r.sentences[i].block_type, "footer");
    if (t.find("By Helen") == 0) EXPECT_EQ(r.sentences[i].block_type, "byline");
  }

  // Broken and empty markup: no crash, a defined result.
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"", ""},
      {"<", "<"},  // a lone "<" is text, as in a browser
      {"<p", ""},
      {"<!-- never closed <p>Hidden.</p>", ""},
      {"<div><div><div>Text without end.", "Text without end."},
      {"&#0;&#xD800;&bogus;", "\xEF\xBF\xBD\xEF\xBF\xBD&bogus;"}};
  for (const auto& [html, shown] : bad) {
    SCOPED_TRACE(html);
    Result b;
    EXPECT_TRUE(precis::summarize(html, o, &b).ok());
    EXPECT_EQ(b.text, shown);
  }
}
