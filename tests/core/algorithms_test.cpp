// The classic scorers (core/src/score/algorithms.hpp): textrank, lexrank, centroid,
// sumbasic, luhn, klsum; their option names; eligibility, determinism and long inputs.
#include <gtest/gtest.h>

#include "test_article.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "precis/json.hpp"
#include "precis/precis.hpp"
#include "score/algorithms.hpp"
#include "score/score.hpp"
#include "terms/terms.hpp"

namespace {

using precis::score::Algorithm;

struct Case {
  const char* name;
  Algorithm algorithm;
};

const Case kClassic[] = {
    {"textrank", Algorithm::kTextRank}, {"lexrank", Algorithm::kLexRank}, {"centroid", Algorithm::kCentroid},
    {"sumbasic", Algorithm::kSumBasic}, {"luhn", Algorithm::kLuhn},       {"klsum", Algorithm::kKlSum},
};

// Seven sentences over terms 0..9 (plus stopword 10). Sentence 2 (the hub) has terms
// 0-4; sentences 0, 1, 3, 4, 5 each share exactly one of them and have one term of
// their own, sharing nothing else. Sentence 6 repeats the hub but is not eligible.
constexpr std::size_t kHub = 2;
constexpr std::size_t kIneligible = 6;

precis::terms::Analysis hub_document() {
  precis::terms::Analysis a;
  constexpr std::uint32_t kTerms = 11, kStop = 10;
  for (std::uint32_t t = 0; t < kTerms; ++t) {
    a.vocabulary.folded.push_back("t" + std::to_string(t));
    a.vocabulary.first.push_back(0);
    a.vocabulary.first_length.push_back(2);
    a.vocabulary.stopword.push_back(t == kStop);
    a.vocabulary.numeric.push_back(false);
  }
  const std::vector<std::vector<std::uint32_t>> sequences = {
      {0, kStop, 5, kStop},       {1, kStop, 6, kStop},    {0, 1, 2, 3, 4, kStop},
      {kStop, 2, kStop, 7},       {3, kStop, kStop, 8},    {4, 9, kStop, kStop},
      {0, 1, 2, 3, 4, kStop},
  };
  for (const auto& seq : sequences) {
    precis::terms::SentenceTerms st;
    st.sequence = seq;
    st.words = static_cast<std::uint32_t>(seq.size());
    std::vector<std::uint32_t> counts(kTerms, 0);
    for (std::uint32_t t : seq) ++counts[t];
    for (std::uint32_t t = 0; t < kTerms; ++t) {
      if (counts[t] && t != kStop) st.counts.emplace_back(t, counts[t]);
    }
    a.words += st.words;
    a.sentences.push_back(std::move(st));
  }
  return a;
}

std::vector<bool> hub_eligible() {
  std::vector<bool> e(7, true);
  e[kIneligible] = false;
  return e;
}

std::size_t best(const std::vector<double>& scores) {
  std::size_t b = 0;
  for (std::size_t i = 1; i < scores.size(); ++i) {
    if (scores[i] > scores[b]) b = i;
  }
  return b;
}

TEST(Algorithms, NamesRoundTrip) {
  for (const Case& c : kClassic) {
    Algorithm parsed = Algorithm::kAuto;
    ASSERT_TRUE(precis::score::parse_algorithm(c.name, &parsed)) << c.name;
    EXPECT_EQ(parsed, c.algorithm) << c.name;
  }
  Algorithm parsed = Algorithm::kTextRank;
  EXPECT_TRUE(precis::score::parse_algorithm("auto", &parsed));
  EXPECT_EQ(parsed, Algorithm::kAuto);
  EXPECT_TRUE(precis::score::parse_algorithm("lead", &parsed));
  EXPECT_EQ(parsed, Algorithm::kLead);
  for (const char* bad : {"", "TextRank", "text-rank", "pagerank", "lead "}) {
    EXPECT_FALSE(precis::score::parse_algorithm(bad, &parsed)) << bad;
  }
}

TEST(Algorithms, TheHubSentenceRanksFirst) {
  const auto a = hub_document();
  const auto eligible = hub_eligible();
  for (const Case& c : kClassic) {
    const auto scored = precis::score::score_sentences(a, eligible, c.algorithm);
    ASSERT_EQ(scored.scores.size(), a.sentences.size()) << c.name;
    EXPECT_EQ(best(scored.scores), kHub) << c.name;
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
      if (s != kHub && eligible[s]) EXPECT_LT(scored.scores[s], scored.scores[kHub]) << c.name << " sentence " << s;
    }
  }
}

TEST(Algorithms, LeadAndAutoAreUnchanged) {
  const auto a = hub_document();
  const auto eligible = hub_eligible();
  const auto lead = precis::score::score_sentences(a, eligible, Algorithm::kLead);
  for (std::size_t s = 0; s + 1 < 6; ++s) EXPECT_GT(lead.scores[s], lead.scores[s + 1]) << s;
  EXPECT_EQ(lead.scores[kIneligible], 0.0);
  // The vectors used for the redundancy check do not depend on the algorithm.
  const auto auto_scored = precis::score::score_sentences(a, eligible, Algorithm::kAuto);
  for (const Case& c : kClassic) {
    EXPECT_EQ(precis::score::score_sentences(a, eligible, c.algorithm).vectors, auto_scored.vectors) << c.name;
  }
}

TEST(Algorithms, OnlyEligibleSentencesScoreAndRunsAreIdentical) {
  const auto a = hub_document();
  const auto eligible = hub_eligible();
  for (const Case& c : kClassic) {
    const auto first = precis::score::score_sentences(a, eligible, c.algorithm);
    const auto second = precis::score::score_sentences(a, eligible, c.algorithm);
    EXPECT_EQ(first.scores, second.scores) << c.name;
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
      if (!eligible[s]) {
        EXPECT_EQ(first.scores[s], 0.0) << c.name << " sentence " << s;
      } else {
        EXPECT_TRUE(std::isfinite(first.scores[s])) << c.name << " sentence " << s;
        EXPECT_GT(first.scores[s], 0.0) << c.name << " sentence " << s;
      }
    }
  }
}

using precis_test::kArticle;

TEST(Algorithms, EndToEndThroughTheApi) {
  for (const Case& c : kClassic) {
    precis::Options o;
    o.algorithm = c.name;
    o.budget = precis::Budget::kSentences;
    o.sentences = 3;
    precis::Result r1, r2;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r1).ok()) << c.name;
    ASSERT_TRUE(precis::summarize(kArticle, o, &r2).ok()) << c.name;
    EXPECT_EQ(r1.summary.size(), 3u) << c.name;
    EXPECT_EQ(r1.summary, r2.summary) << c.name;
    for (std::size_t i = 0; i < r1.sentences.size(); ++i) {
      EXPECT_EQ(r1.sentences[i].score, r2.sentences[i].score) << c.name;
      if (!r1.sentences[i].eligible) EXPECT_EQ(r1.sentences[i].score, 0.0) << c.name << " sentence " << i;
    }
    for (std::size_t i : r1.summary) EXPECT_TRUE(r1.sentences[i].eligible) << c.name;
  }
  // lead still takes the first eligible sentences.
  precis::Options o;
  o.algorithm = "lead";
  o.budget = precis::Budget::kSentences;
  o.sentences = 2;
  precis::Result r;
  ASSERT_TRUE(precis::summarize(kArticle, o, &r).ok());
  std::vector<std::size_t> first;
  for (std::size_t i = 0; i < r.sentences.size() && first.size() < 2; ++i) {
    if (r.sentences[i].eligible) first.push_back(i);
  }
  EXPECT_EQ(r.summary, first);
}

TEST(Algorithms, UnknownNamesAreInvalidOptions) {
  for (const char* bad : {"pagerank", "TEXTRANK", ""}) {
    precis::Options o;
    o.algorithm = bad;
    precis::Result r;
    EXPECT_EQ(precis::summarize(kArticle, o, &r).code, precis::ErrorCode::kInvalidOption) << bad;
    precis::Options parsed;
    const precis::Status s = precis::options_from_json(precis::Json{{"algorithm", bad}}, &parsed);
    EXPECT_EQ(s.code, precis::ErrorCode::kInvalidOption) << bad;
  }
  for (const Case& c : kClassic) {
    precis::Options parsed;
    ASSERT_TRUE(precis::options_from_json(precis::Json{{"algorithm", c.name}}, &parsed).ok()) << c.name;
    EXPECT_EQ(parsed.algorithm, c.name);
  }
}

// 5,000 sentences of 12 words from a Zipf-like vocabulary: every algorithm finishes
// (the sentence graph stays sparse) and picks the budget.
TEST(Algorithms, LongDocumentCompletes) {
  std::string text;
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int s = 0; s < 5000; ++s) {
    for (int w = 0; w < 12; ++w) {
      const std::uint32_t r = next() % 1000;
      const std::uint32_t word = (r * r) / 1000;  // skewed toward low ids
      text += (w == 0 ? "Word" : " word") + std::to_string(word) + "x";
    }
    text += ". ";
    if (s % 10 == 9) text += "\n\n";
  }
  for (const Case& c : kClassic) {
    precis::Options o;
    o.algorithm = c.name;
    o.budget = precis::Budget::kSentences;
    o.sentences = 5;
    precis::Result r;
    ASSERT_TRUE(precis::summarize(text, o, &r).ok()) << c.name;
    EXPECT_EQ(r.summary.size(), 5u) << c.name;
    EXPECT_GE(r.sentences.size(), 5000u) << c.name;
  }
}

}  // namespace
