// Stage 4: word tokens, folding, stopwords and English possessives (core/src/terms).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blocks/blocks.hpp"
#include "segment/segment.hpp"
#include "terms/terms.hpp"

namespace {

using precis::terms::analyze;
using precis::terms::Analysis;
using precis::terms::for_each_word;
using precis::terms::stopwords_for;

struct Token {
  std::string text;    // text[start, end)
  std::string folded;
  bool operator==(const Token&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Token& t) { return os << "{" << t.text << " | " << t.folded << "}"; }

std::vector<Token> tokens(std::string_view text, std::size_t start, std::size_t end) {
  std::vector<Token> out;
  for_each_word(text, start, end, [&](std::size_t ws, std::size_t we, std::string_view folded) {
    EXPECT_LE(start, ws);
    EXPECT_LT(ws, we);
    EXPECT_LE(we, end);
    out.push_back({std::string(text.substr(ws, we - ws)), std::string(folded)});
  });
  return out;
}

struct WordCase {
  const char* name;
  std::string_view text;
  std::vector<Token> want;
};

TEST(Terms, ForEachWord) {
  const WordCase cases[] = {
      {"empty", "", {}},
      {"no words", " ,.;!? -- \xF0\x9F\x98\x80 ", {}},
      {"punctuation and case", "Hello, World!", {{"Hello", "hello"}, {"World", "world"}}},
      {"apostrophes inside words", "isn't O\xE2\x80\x99" "Brien's",
       {{"isn't", "isn't"}, {"O\xE2\x80\x99" "Brien's", "o'brien's"}}},
      {"apostrophes outside words", "'quoted' dogs' rock 'n' roll a''b",
       {{"quoted", "quoted"}, {"dogs", "dogs"}, {"rock", "rock"}, {"n", "n"}, {"roll", "roll"}, {"a", "a"}, {"b", "b"}}},
      {"curly apostrophes between letters", "rock\xE2\x80\x99n\xE2\x80\x99roll",
       {{"rock\xE2\x80\x99n\xE2\x80\x99roll", "rock'n'roll"}}},
      {"hyphens split", "Zelensky-Trump e-mail well\xE2\x80\x94known",
       {{"Zelensky", "zelensky"}, {"Trump", "trump"}, {"e", "e"}, {"mail", "mail"}, {"well", "well"}, {"known", "known"}}},
      {"digits", "In 2025, 3.50 dollars; 10,000 people; 4th",
       {{"In", "in"}, {"2025", "2025"}, {"3.50", "3.50"}, {"dollars", "dollars"}, {"10,000", "10,000"},
        {"people", "people"}, {"4th", "4th"}}},  // UAX #29 keeps numbers whole (WB11, WB12)
      {"connectors and symbols", "snake_case C++ and C#",
       {{"snake_case", "snake_case"}, {"C", "c"}, {"and", "and"}, {"C", "c"}}},
      {"combining marks stay in the word; NFKC_Casefold composes", "e\xCC\x81t\xC3\xA9 x\xC2\xB2",
       {{"e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9"}, {"x", "x"}}},  // ² is not part of a word (WB999)
      {"full case folding", "STRA\xE1\xBA\x9E" "E Stra\xC3\x9F" "e \xC4\xB0stanbul",
       {{"STRA\xE1\xBA\x9E" "E", "strasse"}, {"Stra\xC3\x9F" "e", "strasse"}, {"\xC4\xB0stanbul", "i\xCC\x87stanbul"}}},
      {"Greek final sigma", "\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\xA5\xCE\xA3 \xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x82",
       {{"\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\xA5\xCE\xA3", "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x83"},
        {"\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x82", "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x85\xCF\x83"}}},
      {"Cyrillic", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, \xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0!",  // Москва, Ёлка!
       {{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
        {"\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0", "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0"}}},
      {"CJK runs and emoji", "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97 \xF0\x9F\x98\x80x",  // 中文字 😀x
       {{"\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87"},     // bigrams: 中文, 文字
        {"\xE6\x96\x87\xE5\xAD\x97", "\xE6\x96\x87\xE5\xAD\x97"}, {"x", "x"}}},
      {"noise folded", "\xEF\xAC\x81nal \xEF\xBC\xA1\xEF\xBC\xA2 co\xC2\xAD" "operate",  // ﬁnal ＡＢ co-(soft hyphen)operate
       {{"\xEF\xAC\x81nal", "final"}, {"\xEF\xBC\xA1\xEF\xBC\xA2", "ab"}, {"co\xC2\xAD" "operate", "cooperate"}}},
      {"Thai runs stay whole", "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5 ok",  // สวัสดี ok
       {{"\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5", "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5"}, {"ok", "ok"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + ": " + std::string(c.text));
    EXPECT_EQ(tokens(c.text, 0, c.text.size()), c.want);
  }
}

TEST(Terms, ForEachWordStaysInsideTheRange) {
  struct Case {
    std::string_view text;
    std::size_t start, end;
    std::vector<Token> want;
  };
  const Case cases[] = {
      {"abc def ghi", 4, 7, {{"def", "def"}}},
      {"abc def ghi", 0, 2, {{"ab", "ab"}}},
      {"abc def ghi", 5, 11, {{"ef", "ef"}, {"ghi", "ghi"}}},
      {"isn't", 0, 3, {{"isn", "isn"}}},
      {"isn't", 0, 4, {{"isn", "isn"}}},  // the apostrophe is inside only if a letter follows in range
      {"isn't", 0, 5, {{"isn't", "isn't"}}},
      {"abc def", 3, 3, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " [" + std::to_string(c.start) + ", " + std::to_string(c.end) + ")");
    EXPECT_EQ(tokens(c.text, c.start, c.end), c.want);
  }
}

TEST(Terms, Stopwords) {
  const auto& en = stopwords_for("en");
  struct Case {
    std::string_view word;
    bool stop;
  };
  const Case cases[] = {
      {"the", true}, {"and", true}, {"on", true}, {"his", true}, {"it", true}, {"it's", true},
      {"cat", false}, {"zelensky", false}, {"budget", false}, {"ukraine", false}, {"The", false},  // folded only
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.word));
    EXPECT_EQ(en.count(std::string(c.word)) != 0, c.stop);
  }
  EXPECT_EQ(&stopwords_for("en-GB"), &en);
  // The compiled-in lists are front-coded (core/data/gen/stopwords.mjs): decoded, the
  // English one is stopwords-iso 1.1.0's 1298 single words, no duplicates, no controls.
  std::vector<std::string> words;
  precis::terms::for_each_stopword("en", [&](std::string_view w) { words.emplace_back(w); });
  EXPECT_EQ(words.size(), 1298u);
  EXPECT_EQ(en.size(), words.size());
  for (const std::string& w : words) {
    EXPECT_FALSE(w.empty());
    EXPECT_TRUE(std::none_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) << w;
    EXPECT_EQ(en.count(w), 1u) << w;
  }
  std::sort(words.begin(), words.end());
  EXPECT_EQ(std::adjacent_find(words.begin(), words.end()), words.end());
  EXPECT_TRUE(std::binary_search(words.begin(), words.end(), "ain't"));
  EXPECT_TRUE(std::binary_search(words.begin(), words.end(), "yourselves"));
  std::size_t german = 0;
  precis::terms::for_each_stopword("de-AT", [&](std::string_view w) { german += w == "über" || w == "und"; });
  EXPECT_EQ(german, 2u);
  std::size_t none = 0;
  precis::terms::for_each_stopword("xx", [&](std::string_view) { ++none; });
  EXPECT_EQ(none, 0u);
  EXPECT_TRUE(stopwords_for("xx").empty());
  EXPECT_TRUE(stopwords_for("und").empty());
}

// The analysis of `text` split into sentences with English rules.
Analysis analyze_text(std::string_view text, std::string_view language, std::vector<precis::segment::Span>* spans) {
  precis::segment::split_blocks(text, precis::blocks::find_blocks(text), precis::segment::rules_for("en"), *spans);
  return analyze(text, *spans, language);
}

// Term counts of sentence s as {folded term: count}.
std::vector<std::pair<std::string, std::uint32_t>> counts(const Analysis& a, std::size_t s) {
  std::vector<std::pair<std::string, std::uint32_t>> out;
  for (const auto& [id, n] : a.sentences[s].counts) out.emplace_back(a.vocabulary.folded[id], n);
  std::sort(out.begin(), out.end());
  return out;
}

using Counts = std::vector<std::pair<std::string, std::uint32_t>>;

struct AnalyzeCase {
  const char* name;
  std::string_view text;
  std::string_view language;
  std::vector<std::uint32_t> words;  // per sentence
  std::vector<Counts> counts;        // per sentence, sorted by term
};

TEST(Terms, Analyze) {
  const AnalyzeCase cases[] = {
      {"English possessives are the noun",
       "Zelensky's plan and Zelensky met. The cat sat on the mat.",
       "en",
       {5, 6},
       {{{"met", 1}, {"plan", 1}, {"zelenski", 2}}, {{"cat", 1}, {"mat", 1}, {"sat", 1}}}},  // Snowball stems
      {"curly apostrophe possessive",
       "Zelensky\xE2\x80\x99s visit pleased Zelensky.",
       "en-GB",
       {4},
       {{{"pleas", 1}, {"visit", 1}, {"zelenski", 2}}}},
      {"plural possessive and it's",
       "The players' union said it's over for players.",
       "en",
       {8},
       {{{"player", 2}, {"union", 1}}}},  // the, said, it('s), over, for are stopwords
      {"other languages keep possessives and have no stopwords",
       "Zelensky's plan and Zelensky met.",
       "de",
       {5},
       {{{"and", 1}, {"met", 1}, {"plan", 1}, {"zelensky", 1}, {"zelensky's", 1}}}},
      {"stopwords count as words only",
       "The and of on. Budget talks.",
       "en",
       {4, 2},
       {{}, {{"budget", 1}, {"talk", 1}}}},
      {"case-folded terms",
       "BUDGET Budget budget.",
       "en",
       {3},
       {{{"budget", 3}}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + ": " + std::string(c.text));
    std::vector<precis::segment::Span> spans;
    const Analysis a = analyze_text(c.text, c.language, &spans);
    ASSERT_EQ(a.sentences.size(), c.words.size());
    std::size_t total = 0;
    for (std::size_t s = 0; s < c.words.size(); ++s) {
      SCOPED_TRACE("sentence " + std::to_string(s));
      EXPECT_EQ(a.sentences[s].words, c.words[s]);
      EXPECT_EQ(counts(a, s), c.counts[s]);
      total += c.words[s];
    }
    EXPECT_EQ(a.words, total);
  }
}

TEST(Terms, Vocabulary) {
  const std::string_view text = "The budget rose in 2025. Zelensky cut budget spending.";
  std::vector<precis::segment::Span> spans;
  const Analysis a = analyze_text(text, "en", &spans);
  const auto& v = a.vocabulary;
  ASSERT_EQ(v.folded.size(), v.first.size());
  ASSERT_EQ(v.folded.size(), v.first_length.size());
  ASSERT_EQ(v.folded.size(), v.stopword.size());
  ASSERT_EQ(v.folded.size(), v.numeric.size());
  struct Case {
    std::string_view term;
    std::string_view first;  // the first occurrence as written
    std::size_t offset;
    bool stopword, numeric;
  };
  const Case cases[] = {
      {"the", "The", 0, true, false},
      {"budget", "budget", 4, false, false},
      {"rose", "rose", 11, false, false},
      {"in", "in", 16, true, false},
      {"2025", "2025", 19, false, true},
      {"zelenski", "Zelensky", 25, false, false},
      {"cut", "cut", 34, false, false},
      {"spend", "spending", 45, false, false},  // stems, first surface form
  };
  ASSERT_EQ(v.folded.size(), std::size(cases));
  for (std::size_t id = 0; id < std::size(cases); ++id) {
    const Case& c = cases[id];
    SCOPED_TRACE(std::string(c.term));
    EXPECT_EQ(v.folded[id], c.term);  // ids in order of first occurrence
    EXPECT_EQ(v.first[id], c.offset);
    EXPECT_EQ(text.substr(v.first[id], v.first_length[id]), c.first);
    EXPECT_EQ(v.stopword[id], c.stopword);
    EXPECT_EQ(v.numeric[id], c.numeric);
  }
}

}  // namespace
