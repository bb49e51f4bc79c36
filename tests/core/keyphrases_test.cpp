// Key phrases (core/src/score/keyphrases.hpp): multi-word phrases and names, no stopword
// edges, ranges as written, scores, limits, determinism; English, German, Russian,
// a language without a stopword list, Chinese; the seed article.
#include <gtest/gtest.h>

#include "test_article.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/blocks.hpp"
#include "score/keyphrases.hpp"
#include "segment/segment.hpp"
#include "terms/terms.hpp"

namespace {

using precis::score::Keyphrase;

struct Phrases {
  std::vector<std::string> text;   // as written, best first
  std::vector<Keyphrase> raw;
};

// Sentences, analysis and eligibility as summarize() makes them (prose sentences of
// three words or more; every sentence with a word when there is none).
Phrases run(std::string_view text, std::string_view language, std::size_t limit) {
  const auto blocks = precis::blocks::find_blocks(text);
  std::vector<precis::segment::Span> spans;
  precis::segment::split_blocks(text, blocks, precis::segment::rules_for(language == "xx" ? "en" : language), spans);
  const precis::terms::Analysis a = precis::terms::analyze(text, spans, language);
  std::vector<bool> eligible(spans.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    eligible[i] = blocks[spans[i].block].prose && a.sentences[i].words >= 3;
    any = any || eligible[i];
  }
  if (!any) {
    for (std::size_t i = 0; i < spans.size(); ++i) eligible[i] = a.sentences[i].words > 0;
  }
  Phrases p;
  p.raw = precis::score::keyphrases(text, spans, a, eligible, limit);
  for (const auto& k : p.raw) {
    EXPECT_LT(k.start, k.end);
    EXPECT_LE(k.end, text.size());
    if (k.start < k.end && k.end <= text.size()) p.text.emplace_back(text.substr(k.start, k.end - k.start));
  }
  return p;
}

std::string listing(const Phrases& p) {
  std::string out;
  for (std::size_t i = 0; i < p.text.size(); ++i) out += "  " + std::to_string(p.raw[i].score) + "  " + p.text[i] + "\n";
  return out;
}

bool in_top(const Phrases& p, std::string_view phrase, std::size_t n) {
  const std::size_t m = std::min(n, p.text.size());
  return std::find(p.text.begin(), p.text.begin() + static_cast<std::ptrdiff_t>(m), phrase) !=
         p.text.begin() + static_cast<std::ptrdiff_t>(m);
}

bool contains(const Phrases& p, std::string_view phrase) { return in_top(p, phrase, p.text.size()); }

// The folded words of a phrase.
std::vector<std::string> words_of(std::string_view phrase) {
  std::vector<std::string> out;
  precis::terms::for_each_word(phrase, 0, phrase.size(), [&](std::size_t, std::size_t, std::string_view folded) {
    out.emplace_back(folded);
  });
  return out;
}

// What every result keeps: scores in (0, 1], the first 1, non-increasing; ranges as
// written, starting and ending with a word (not inside a hyphenated compound); no
// stopword or number at either end; no phrase twice; at most `limit`.
void check_well_formed(std::string_view text, std::string_view language, std::size_t limit) {
  const Phrases p = run(text, language, limit);
  SCOPED_TRACE(listing(p));
  EXPECT_LE(p.raw.size(), limit);
  const auto& stop = precis::terms::stopwords_for(language);
  for (std::size_t i = 0; i < p.raw.size(); ++i) {
    const Keyphrase& k = p.raw[i];
    EXPECT_GT(k.score, 0.0);
    EXPECT_LE(k.score, 1.0);
    EXPECT_LE(k.score, i == 0 ? 1.0 : p.raw[i - 1].score);
    if (i == 0) {
      EXPECT_EQ(k.score, 1.0);
    }
    EXPECT_FALSE(k.start > 0 && text[k.start - 1] == '-') << p.text[i];
    EXPECT_FALSE(k.end < text.size() && text[k.end] == '-') << p.text[i];
    const auto words = words_of(p.text[i]);
    ASSERT_FALSE(words.empty()) << p.text[i];
    EXPECT_LE(words.size(), 3u) << p.text[i];
    for (const std::string* edge : {&words.front(), &words.back()}) {
      EXPECT_EQ(stop.count(*edge), 0u) << p.text[i];
      EXPECT_FALSE(std::all_of(edge->begin(), edge->end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }))
          << p.text[i];
    }
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(p.text[i], p.text[j]);
  }
}

constexpr std::string_view kEnglish =
    "Secretary of State Marco Rubio met Ukrainian officials in Geneva on Sunday to discuss security "
    "guarantees for Ukraine. The talks focused on a draft peace plan that Washington presented last week.\n"
    "\n"
    "Rubio said the security guarantees would have to be acceptable to both Kyiv and its European allies. "
    "Andriy Yermak, who led the Ukrainian delegation, called the meeting productive. Yermak added that the "
    "peace plan still needed changes.\n"
    "\n"
    "European leaders have warned that any peace plan must respect Ukraine's sovereignty. The European "
    "Commission said it would support the security guarantees with new funding. Officials expect another "
    "round of talks in Geneva next month.\n";

constexpr std::string_view kGerman =
    "Bundeskanzler Friedrich Merz hat am Dienstag in Berlin mit dem französischen Präsidenten Emmanuel Macron "
    "über die Sicherheitsgarantien für die Ukraine gesprochen. Die beiden Politiker vereinbarten eine engere "
    "Zusammenarbeit in der Verteidigungspolitik.\n"
    "\n"
    "Merz sagte nach dem Treffen, Europa müsse mehr Verantwortung für die eigene Sicherheit übernehmen. Macron "
    "betonte, dass die Sicherheitsgarantien für die Ukraine nicht ohne die Vereinigten Staaten funktionieren "
    "würden.\n"
    "\n"
    "Die Europäische Kommission plant zudem einen neuen Verteidigungsfonds. Nach Angaben der Europäischen "
    "Kommission soll der Fonds im kommenden Jahr starten. Kritiker bemängeln, dass die Finanzierung des Fonds "
    "noch unklar sei.\n";

constexpr std::string_view kRussian =
    "Президент Владимир Путин провёл в Кремле совещание по экономическим вопросам. На совещании обсуждались "
    "меры поддержки малого бизнеса и цены на бензин.\n"
    "\n"
    "Министр финансов Антон Силуанов заявил, что бюджет на следующий год будет сбалансирован. По словам "
    "министра, дефицит бюджета не превысит одного процента.\n"
    "\n"
    "Эксперты считают, что цены на бензин продолжат расти. Центральный банк сохранил ключевую ставку на "
    "прежнем уровне. Аналитики ожидают, что Центральный банк снизит ключевую ставку осенью.\n";

constexpr std::string_view kChinese =
    "国家主席习近平周二在北京会见了法国总统马克龙。两国领导人就气候变化问题交换了意见。习近平表示，"
    "中国愿意与法国加强气候变化领域的合作。马克龙说，法国支持中国在气候变化问题上发挥更大作用。双方还讨论了贸易问题。";

TEST(Keyphrases, EmptyInputs) {
  EXPECT_TRUE(run("", "en", 10).raw.empty());
  EXPECT_TRUE(run(kEnglish, "en", 0).raw.empty());
  EXPECT_TRUE(run("The and of on. It is what it is, or was.", "en", 10).raw.empty());  // stopwords only
  EXPECT_TRUE(run("2024 2025. 10, 20 and 30.", "en", 10).raw.empty());               // numbers only
  // No eligible sentence: nothing.
  const std::string_view text = kEnglish;
  const auto blocks = precis::blocks::find_blocks(text);
  std::vector<precis::segment::Span> spans;
  precis::segment::split_blocks(text, blocks, precis::segment::rules_for("en"), spans);
  const auto a = precis::terms::analyze(text, spans, "en");
  EXPECT_TRUE(precis::score::keyphrases(text, spans, a, std::vector<bool>(spans.size(), false), 10).empty());
}

TEST(Keyphrases, EnglishPhrasesAndNames) {
  const Phrases p = run(kEnglish, "en", 10);
  SCOPED_TRACE(listing(p));
  EXPECT_EQ(p.text.size(), 10u);
  // Repeated two-word phrases are one phrase, at the top.
  EXPECT_TRUE(in_top(p, "security guarantees", 2));
  EXPECT_TRUE(in_top(p, "peace plan", 2));
  // A name is shown whole, though only its last word recurs.
  EXPECT_TRUE(in_top(p, "Marco Rubio", 10));
  EXPECT_TRUE(in_top(p, "Andriy Yermak", 10));
  // ... and never also in parts.
  for (std::string_view part : {"security", "guarantees", "peace", "plan", "Rubio", "Marco", "Yermak", "Andriy"}) {
    EXPECT_FALSE(contains(p, part)) << part;
  }
  // No phrase's words are all in another's.
  for (std::size_t i = 0; i < p.text.size(); ++i) {
    for (std::size_t j = 0; j < p.text.size(); ++j) {
      if (i == j) continue;
      const auto wi = words_of(p.text[i]);
      const auto wj = words_of(p.text[j]);
      EXPECT_FALSE(std::all_of(wi.begin(), wi.end(), [&](const std::string& w) {
        return std::find(wj.begin(), wj.end(), w) != wj.end();
      })) << p.text[i] << " in " << p.text[j];
    }
  }
  check_well_formed(kEnglish, "en", 10);
}

TEST(Keyphrases, RangesAreAsWritten) {
  // Possessives: the range leaves "'s" out, and no phrase runs on after one.
  const std::string_view text =
      "Zelensky\xE2\x80\x99s office said on Monday that Zelensky's envoy met the envoy of Poland. "
      "The envoy told reporters that Zelensky's office wanted more air defense. "
      "Air defense systems are in short supply, the envoy said.\n";
  const Phrases p = run(text, "en", 10);
  SCOPED_TRACE(listing(p));
  ASSERT_FALSE(p.text.empty());
  EXPECT_TRUE(contains(p, "Zelensky"));
  EXPECT_TRUE(contains(p, "air defense"));
  for (const auto& s : p.text) {
    EXPECT_EQ(s.find("'s"), std::string::npos) << s;
    EXPECT_EQ(s.find("\xE2\x80\x99s"), std::string::npos) << s;
  }
  // A representative occurrence keeps its case: "air defense" (mid-sentence), not "Air defense".
  EXPECT_FALSE(contains(p, "Air defense"));
  check_well_formed(text, "en", 10);

  // Abbreviations keep their final period; dates and units are not key phrases.
  const std::string_view dates =
      "The U.S. budget rose by 10 percent on Sept. 20, officials said. The U.S. deficit also rose 5 percent "
      "by Sept. 30. Analysts expect the U.S. budget to rise again.\n";
  const Phrases d = run(dates, "en", 10);
  SCOPED_TRACE(listing(d));
  EXPECT_TRUE(contains(d, "U.S."));
  EXPECT_FALSE(contains(d, "Sept"));
  EXPECT_FALSE(contains(d, "percent"));
  check_well_formed(dates, "en", 10);
}

TEST(Keyphrases, NamesAtFirstMention) {
  // The full name of the first mention stands for the surname; a relative named once
  // does not make it ambiguous.
  const std::string_view freberg =
      "Stan Freberg, the comedian who mocked advertising, has died at 88. Freberg died in a hospital in "
      "Santa Monica, his daughter Donna Freberg said. Stan Freberg made records and radio shows for decades. "
      "Critics said Stan Freberg changed advertising. Freberg also won many awards for his advertising.\n";
  const Phrases f = run(freberg, "en", 10);
  {
    SCOPED_TRACE(listing(f));
    EXPECT_TRUE(in_top(f, "Stan Freberg", 2));
    EXPECT_FALSE(contains(f, "Freberg"));
    EXPECT_FALSE(contains(f, "Donna Freberg"));
    EXPECT_FALSE(contains(f, "Stan"));
  }
  // Two people of one name: the surname alone, or both names, never one for the other.
  const std::string_view jordan =
      "Frank Jordan last spoke with his son Louis Jordan in January. Louis Jordan was rescued at sea on "
      "Thursday. Frank Jordan thanked the crew of the ship. Jordan said the boat capsized three times. "
      "Jordan had been fishing off the coast when the storm hit.\n";
  const Phrases j = run(jordan, "en", 10);
  {
    SCOPED_TRACE(listing(j));
    EXPECT_EQ(contains(j, "Frank Jordan"), contains(j, "Louis Jordan"));
    EXPECT_TRUE(contains(j, "Jordan") || contains(j, "Frank Jordan"));
  }
  // A word first met alone is shown alone.
  const std::string_view england =
      "England won the match against Wales on Saturday. The team from England played well in the rain. "
      "Fans of England celebrated in the streets. Tudor England was different, a historian joked.\n";
  const Phrases e = run(england, "en", 10);
  {
    SCOPED_TRACE(listing(e));
    EXPECT_TRUE(in_top(e, "England", 1));
    EXPECT_FALSE(contains(e, "Tudor England"));
  }
}

TEST(Keyphrases, German) {
  const Phrases p = run(kGerman, "de", 10);
  SCOPED_TRACE(listing(p));
  EXPECT_TRUE(in_top(p, "Europäische Kommission", 3));  // and "der Europäischen Kommission": one phrase
  EXPECT_TRUE(in_top(p, "Sicherheitsgarantien", 3));
  EXPECT_TRUE(in_top(p, "Friedrich Merz", 6));
  EXPECT_TRUE(in_top(p, "Emmanuel Macron", 6));
  EXPECT_FALSE(contains(p, "Merz"));
  EXPECT_FALSE(contains(p, "Kommission"));
  check_well_formed(kGerman, "de", 10);
}

TEST(Keyphrases, Russian) {
  const Phrases p = run(kRussian, "ru", 10);
  SCOPED_TRACE(listing(p));
  EXPECT_TRUE(in_top(p, "Центральный банк", 3));
  EXPECT_TRUE(in_top(p, "ключевую ставку", 3));
  EXPECT_FALSE(contains(p, "банк"));
  EXPECT_FALSE(contains(p, "ставку"));
  check_well_formed(kRussian, "ru", 10);
}

TEST(Keyphrases, WithoutStopwordList) {
  // English read as a language we have no stopword list for: function words are found
  // by their statistics and the phrases survive.
  const Phrases p = run(kEnglish, "xx", 10);
  SCOPED_TRACE(listing(p));
  EXPECT_TRUE(in_top(p, "security guarantees", 2));
  EXPECT_TRUE(in_top(p, "peace plan", 2));
  for (std::string_view w : {"the", "The", "of", "in", "on", "to", "and", "that", "a"}) EXPECT_FALSE(contains(p, w)) << w;
  for (const auto& s : p.text) {
    const auto words = words_of(s);
    EXPECT_NE(words.front(), "the") << s;
    EXPECT_NE(words.back(), "the") << s;
    EXPECT_NE(words.front(), "in") << s;
  }
}

TEST(Keyphrases, Chinese) {
  // Character bigrams: a phrase is two to four characters of one run, a word whose
  // context varies on both sides.
  const Phrases p = run(kChinese, "zh", 10);
  SCOPED_TRACE(listing(p));
  ASSERT_FALSE(p.text.empty());
  EXPECT_EQ(p.text.front(), "气候变化");
  EXPECT_TRUE(in_top(p, "习近平", 3));
  EXPECT_TRUE(in_top(p, "马克龙", 3));
  for (std::string_view junk : {"化问题", "气候", "变化", "习近", "近平", "候变"}) EXPECT_FALSE(contains(p, junk)) << junk;
  for (const auto& s : p.text) {
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    EXPECT_GE(chars, 2u) << s;
    EXPECT_LE(chars, 4u) << s;
  }
  // Thai runs stand alone, and nothing breaks on mixed scripts.
  constexpr std::string_view kThai = "ประเทศไทย ประเทศไทย กรุงเทพ. Bangkok Bangkok is in Thailand, ประเทศไทย.";
  const Phrases th = run(kThai, "th", 10);
  SCOPED_TRACE(listing(th));
  ASSERT_FALSE(th.text.empty());
  EXPECT_EQ(th.text.front(), "ประเทศไทย");
  EXPECT_FALSE(contains(th, "ประเทศไทย ประเทศไทย"));
  EXPECT_FALSE(contains(th, "Bangkok Bangkok"));  // a word twice is no name
  EXPECT_TRUE(contains(th, "Bangkok"));
  check_well_formed(kThai, "th", 10);
}

TEST(Keyphrases, LimitAndDeterminism) {
  // Up to 32 phrases, a shorter list is the head of a longer one.
  const Phrases all = run(kEnglish, "en", 32);
  for (std::size_t limit : {1u, 3u, 5u, 10u}) {
    const Phrases p = run(kEnglish, "en", limit);
    ASSERT_EQ(p.text.size(), limit);
    // The first phrases of a longer list, with the same scores.
    for (std::size_t i = 0; i < limit; ++i) {
      EXPECT_EQ(p.text[i], all.text[i]);
      EXPECT_EQ(p.raw[i].score, all.raw[i].score);
    }
  }
  const Phrases again = run(kEnglish, "en", 32);
  ASSERT_EQ(again.raw.size(), all.raw.size());
  for (std::size_t i = 0; i < all.raw.size(); ++i) {
    EXPECT_EQ(again.raw[i].start, all.raw[i].start);
    EXPECT_EQ(again.raw[i].end, all.raw[i].end);
    EXPECT_EQ(again.raw[i].score, all.raw[i].score);
  }
  check_well_formed(precis_test::kArticle, "en", 10);
  check_well_formed(kEnglish, "en", 50);
}

TEST(Keyphrases, OnlyEligibleSentences) {
  // The headline and byline of the shared article are not prose: "Jane Doe" is no key phrase.
  const Phrases p = run(precis_test::kArticle, "en", 20);
  SCOPED_TRACE(listing(p));
  EXPECT_TRUE(in_top(p, "budget", 2));
  EXPECT_FALSE(contains(p, "Jane Doe"));
  EXPECT_FALSE(contains(p, "Doe"));
}

TEST(Keyphrases, LongInput) {
  // Many copies of the articles: linear time, bounded output.
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += kEnglish;
    text += kGerman;
    text += "\n";
  }
  const auto t0 = std::chrono::steady_clock::now();
  const Phrases p = run(text, "en", 10);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "  " << text.size() << " bytes in " << ms << " ms\n";
  EXPECT_EQ(p.text.size(), 10u);
}

TEST(Keyphrases, SeedArticle) {
  std::ifstream in(std::string(PRECIS_SOURCE_DIR) + "/seeds/000_74440941a785ace3.txt", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string article = buffer.str();
  ASSERT_FALSE(article.empty());
  const Phrases p = run(article, "en", 15);
  std::cout << listing(p);
  SCOPED_TRACE(listing(p));
  EXPECT_TRUE(in_top(p, "Ukraine", 3));
  EXPECT_TRUE(in_top(p, "security guarantees", 10));
  EXPECT_TRUE(in_top(p, "Volodymyr Zelensky", 10));
  EXPECT_TRUE(in_top(p, "Donald Trump", 10));
  EXPECT_TRUE(in_top(p, "Marco Rubio", 15));
  EXPECT_TRUE(in_top(p, "Andriy Yermak", 15));
  EXPECT_FALSE(contains(p, "Sept"));
  check_well_formed(article, "en", 15);
}

}  // namespace
