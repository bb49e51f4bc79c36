// ICU (through Boost.Locale's ICU backend) as an independent oracle for the core's own
// Unicode layers, which are compiled into the wasm module where ICU is not available:
// full case folding, NFC and UAX #29 word boundaries, on multilingual samples and on
// the articles of ../shared/eval/summ.
#include <gtest/gtest.h>

#include <boost/locale.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "unicode/normalize.hpp"
#include "unicode/unicode.hpp"
#include "unicode/word_break.hpp"

namespace {

std::locale icu_locale() {
  boost::locale::localization_backend_manager mgr = boost::locale::localization_backend_manager::global();
  mgr.select("icu");
  boost::locale::generator gen(mgr);
  return gen("en_US.UTF-8");
}

std::string core_fold(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) precis::unicode::append_folded(precis::unicode::next(s, i), out);
  return out;
}

// ICU tailors UAX #29 in two places that matter here: it keeps "@" inside words
// (e-mail addresses, @handles) and breaks at a colon between letters ("Pictured:Operation"),
// where the default rules do the opposite. Boundaries next to those two characters are
// left out of the comparison; everything else must agree.
std::vector<std::size_t> comparable(const std::string& s, std::vector<std::size_t> b) {
  auto tailored = [&](std::size_t p) {
    auto at = [&](std::size_t i) { return i < s.size() && (s[i] == '@' || s[i] == ':'); };
    return at(p) || (p > 0 && at(p - 1));
  };
  b.erase(std::remove_if(b.begin(), b.end(), tailored), b.end());
  return b;
}

std::vector<std::size_t> icu_words(const std::string& s, const std::locale& loc) {
  namespace bl = boost::locale::boundary;
  bl::ssegment_index index(bl::word, s.begin(), s.end(), loc);
  index.rule(bl::word_any | bl::word_none);
  std::vector<std::size_t> out;
  for (auto it = index.begin(); it != index.end(); ++it) {
    const std::size_t end = static_cast<std::size_t>(it->end() - s.begin());
    if (end < s.size()) out.push_back(end);
  }
  return comparable(s, out);
}

std::vector<std::size_t> core_words(const std::string& s) {
  std::vector<std::size_t> out;
  precis::unicode::word_boundaries(s, 0, s.size(), out);
  return comparable(s, out);
}

// Samples written for this test: Latin with diacritics and ligatures, German ß,
// Turkish, Greek with final sigma and tonos, Cyrillic, Armenian, Hebrew, Arabic,
// Devanagari, numbers, contractions, e-mail, emoji with modifiers and flags.
const char* const kSamples[] = {
    "Stra\xC3\x9F" "e STRASSE Gro\xC3\x9F" "buchstaben \xEF\xAC\x81nal na\xC3\xAF" "ve caf\xC3\xA9 CAF\xC3\x89",
    "\xC4\xB0stanbul'da \xC4\xB1\xC5\x9F\xC4\xB1k ISPARTA i\xC3\xA7in",
    "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3 \xCF\x8C\xCE\xB4\xCE\xBF\xCF\x82 \xCE\x86\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1 \xCE\xA3\xCE\x99\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3",
    "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 \xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0 \xD2\x92\xD0\xB0\xD0\xBB\xD1\x8B\xD0\xBC",
    "\xD4\xB5\xD6\x80\xD6\x87\xD5\xA1\xD5\xB6 \xD5\x80\xD5\xA1\xD5\xB5\xD5\xA1\xD5\xBD\xD5\xBF\xD5\xA1\xD5\xB6",
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D \xD7\x99\xD7\xA8\xD7\x95\xD7\xA9\xD7\x9C\xD7\x99\xD7\x9D",
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85\xD8\x8C \xD9\x83\xD9\x8A\xD9\x81 \xD8\xA7\xD9\x84\xD8\xAD\xD8\xA7\xD9\x84\xD8\x9F",
    "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87 \xE0\xA4\xA6\xE0\xA5\x81\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\xAF\xE0\xA4\xBE",
    "It's 3.50 dollars, isn't it? O\xE2\x80\x99" "Brien e-mail jane.doe@example.com U.S. 1,000,000",
    "Flags \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 thumbs \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok",
    "Combining: e\xCC\x81 A\xCC\x8A \xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 \xEA\xB0\x81 \xC3\x85ngstr\xC3\xB6m \xE2\x84\xAB",
};

TEST(IcuOracle, CaseFoldingMatchesIcu) {
  const std::locale loc = icu_locale();
  for (const char* sample : kSamples) {
    SCOPED_TRACE(sample);
    EXPECT_EQ(core_fold(sample), boost::locale::fold_case(std::string(sample), loc));
  }
}

TEST(IcuOracle, NfcMatchesIcu) {
  const std::locale loc = icu_locale();
  for (const char* sample : kSamples) {
    SCOPED_TRACE(sample);
    EXPECT_EQ(precis::unicode::nfc(sample), boost::locale::normalize(std::string(sample), boost::locale::norm_nfc, loc));
  }
}

TEST(IcuOracle, WordBoundariesMatchIcu) {
  const std::locale loc = icu_locale();
  for (const char* sample : kSamples) {
    SCOPED_TRACE(sample);
    EXPECT_EQ(core_words(sample), icu_words(sample, loc));
  }
}

// The same three checks on every English and Russian article of the dev sets.
TEST(IcuOracle, EvalArticlesMatchIcu) {
  const std::locale loc = icu_locale();
  std::size_t articles = 0, fold_diff = 0, nfc_diff = 0, word_diff = 0;
  for (const char* name : {"cnndm_frank", "xsum_frank", "ru_sci_papers"}) {
    std::ifstream in(std::string(PRECIS_SHARED_DIR) + "/eval/summ/" + name + ".dev.jsonl");
    ASSERT_TRUE(in) << "missing " << name;
    std::string line;
    while (std::getline(in, line)) {
      const std::string text = nlohmann::json::parse(line).at("text").get<std::string>();
      ++articles;
      if (core_fold(text) != boost::locale::fold_case(text, loc)) ++fold_diff;
      if (precis::unicode::nfc(text) != boost::locale::normalize(text, boost::locale::norm_nfc, loc)) ++nfc_diff;
      if (core_words(text) != icu_words(text, loc)) ++word_diff;
    }
  }
  EXPECT_GT(articles, 200u);
  EXPECT_EQ(fold_diff, 0u);
  EXPECT_EQ(nfc_diff, 0u);
  EXPECT_EQ(word_diff, 0u);
}

}  // namespace
