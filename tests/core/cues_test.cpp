// Boilerplate cue phrases (core/src/blocks/cues, data core/data/boilerplate/<lang>.txt).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/cues.hpp"

namespace {

using precis::blocks::cue_coverage;
using precis::blocks::cue_kind_name;
using precis::blocks::CueKind;
using precis::blocks::Cues;
using precis::blocks::cues_for;
using precis::blocks::has_cue;
using precis::blocks::kCueKinds;
using precis::blocks::languages_with_cues;
using precis::blocks::starts_with_cue;

const std::filesystem::path kDataDir = std::filesystem::path(PRECIS_SOURCE_DIR) / "core/data/boilerplate";

CueKind kind_at(std::size_t k) { return static_cast<CueKind>(k); }

struct Directive {
  std::size_t line = 0;
  bool drop = false;
  std::string kind, phrase;
};

// The directives of a data file, parsed independently of the core.
std::vector<Directive> read_directives(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<Directive> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    line = line.substr(0, line.find('#'));
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    Directive d;
    d.line = n;
    const auto colon = line.find(':');
    d.kind = colon == std::string::npos ? line.substr(first) : line.substr(first, colon - first);
    if (!d.kind.empty() && d.kind.front() == '-') {
      d.drop = true;
      d.kind.erase(0, 1);
    }
    if (colon != std::string::npos) {
      d.phrase = line.substr(colon + 1);
      d.phrase.erase(0, d.phrase.find_first_not_of(" \t"));
      d.phrase.erase(d.phrase.find_last_not_of(" \t\r") + 1);
    }
    out.push_back(d);
  }
  return out;
}

std::vector<std::string> data_languages() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kDataDir)) {
    if (entry.path().extension() == ".txt") out.push_back(entry.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ---- data ------------------------------------------------------------------------------

TEST(CuesData, EveryLanguageFileIsCompiledIn) {
  const auto files = data_languages();
  for (const char* lang : {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sv"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), lang), files.end()) << lang;
  }
  EXPECT_EQ(languages_with_cues(), files);
}

// Every directive of every file parses into a phrase that matches itself (so no phrase
// is lost to tokenization), and a dropped English phrase no longer matches.
TEST(CuesData, EveryPhraseMatchesItself) {
  for (const auto& lang : data_languages()) {
    const Cues& cues = cues_for(lang);
    const auto directives = read_directives(kDataDir / (lang + ".txt"));
    EXPECT_FALSE(directives.empty()) << lang;
    for (const auto& d : directives) {
      const std::string where = lang + ".txt:" + std::to_string(d.line) + " " + d.kind + ": " + d.phrase;
      std::size_t k = 0;
      while (k < kCueKinds && cue_kind_name(kind_at(k)) != d.kind) ++k;
      ASSERT_LT(k, kCueKinds) << where << " (unknown kind)";
      ASSERT_FALSE(d.phrase.empty()) << where;
      if (d.drop) {
        EXPECT_FALSE(has_cue(cues, kind_at(k), d.phrase)) << where;
        EXPECT_TRUE(has_cue(cues_for("en"), kind_at(k), d.phrase)) << where << " (not an English phrase)";
        continue;
      }
      EXPECT_TRUE(has_cue(cues, kind_at(k), d.phrase)) << where;
      EXPECT_TRUE(starts_with_cue(cues, kind_at(k), d.phrase)) << where;
      // Inside a line too.
      EXPECT_TRUE(has_cue(cues, kind_at(k), "— " + d.phrase + ", x")) << where;
      EXPECT_GT(cue_coverage(cues, kind_at(k), d.phrase), 0u) << where;
    }
  }
}

TEST(CuesData, EveryKindIsFilledForEnglishGermanUkrainian) {
  for (const char* lang : {"en", "de", "uk"}) {
    const Cues& cues = cues_for(lang);
    for (std::size_t k = 0; k < kCueKinds; ++k) {
      EXPECT_GT(cues.count(kind_at(k)), 0u) << lang << " " << cue_kind_name(kind_at(k));
    }
  }
  // A language's own phrases merged with English's.
  for (const auto& lang : languages_with_cues()) {
    for (std::size_t k = 0; k < kCueKinds; ++k) {
      if (lang == "en") continue;
      // At most one English phrase per kind is dropped.
      EXPECT_GE(cues_for(lang).count(kind_at(k)) + 1, cues_for("en").count(kind_at(k)))
          << lang << " " << cue_kind_name(kind_at(k));
    }
  }
}

TEST(CuesData, KindNames) {
  EXPECT_EQ(cue_kind_name(CueKind::kByline), "byline");
  EXPECT_EQ(cue_kind_name(CueKind::kBioRole), "bio-role");
  EXPECT_EQ(cue_kind_name(CueKind::kBioVerb), "bio-verb");
}

TEST(CuesData, LanguageLookup) {
  EXPECT_EQ(&cues_for("xx"), &cues_for("en"));
  EXPECT_EQ(&cues_for(""), &cues_for("en"));
  EXPECT_EQ(&cues_for("ja"), &cues_for("en"));
  EXPECT_EQ(&cues_for("de-AT"), &cues_for("de"));
  EXPECT_EQ(&cues_for("en-GB"), &cues_for("en"));
  EXPECT_NE(&cues_for("de"), &cues_for("en"));
  // The fallback is English: its phrases work, other languages' don't.
  EXPECT_TRUE(starts_with_cue(cues_for("xx"), CueKind::kByline, "By Jane Doe"));
  EXPECT_FALSE(starts_with_cue(cues_for("xx"), CueKind::kByline, "Von Anna Müller"));
}

// ---- matching --------------------------------------------------------------------------

TEST(Cues, WordBoundaries) {
  const Cues& en = cues_for("en");
  EXPECT_TRUE(has_cue(en, CueKind::kByline, "By Dmytro Basmat"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kByline, "By Dmytro Basmat"));
  EXPECT_FALSE(has_cue(en, CueKind::kByline, "Bypass"));
  EXPECT_FALSE(starts_with_cue(en, CueKind::kByline, "Bypass surgery"));
  EXPECT_FALSE(has_cue(en, CueKind::kByline, "nearby standby"));
  EXPECT_TRUE(has_cue(en, CueKind::kPromo, "SUBSCRIBE to our newsletter"));
  EXPECT_FALSE(has_cue(en, CueKind::kPromo, "subscribers"));  // only "subscribers only"
  EXPECT_TRUE(has_cue(en, CueKind::kCredit, "A protest in Kyiv. Photo: Getty Images"));
  EXPECT_FALSE(has_cue(en, CueKind::kCredit, "gettysburg"));
}

TEST(Cues, MultiwordPhrases) {
  const Cues& en = cues_for("en");
  EXPECT_TRUE(has_cue(en, CueKind::kPromo, "Read more"));
  EXPECT_TRUE(has_cue(en, CueKind::kPromo, "  READ   MORE  "));
  EXPECT_TRUE(has_cue(en, CueKind::kPromo, "read\nmore"));
  EXPECT_FALSE(has_cue(en, CueKind::kPromo, "read them more"));
  EXPECT_FALSE(has_cue(en, CueKind::kPromo, "I read. More to come"));  // a full stop between
  EXPECT_FALSE(has_cue(en, CueKind::kPromo, "read"));
  // Dashes count as spaces: "sign up" matches "Sign-up", "editor-in-chief" "editor in chief".
  EXPECT_TRUE(has_cue(en, CueKind::kPromo, "Sign-up for free"));
  EXPECT_EQ(cue_coverage(en, CueKind::kBioRole, "Editor in chief"), 15u);
  EXPECT_EQ(cue_coverage(en, CueKind::kBioRole, "Editor-in-chief"), 15u);
  EXPECT_TRUE(has_cue(en, CueKind::kFooter, "Terms of Service | Privacy Policy"));
  // The longest phrase wins for coverage.
  EXPECT_EQ(cue_coverage(en, CueKind::kPromo, "Share this article"), 18u);
}

TEST(Cues, StartsWith) {
  const Cues& en = cues_for("en");
  EXPECT_TRUE(starts_with_cue(en, CueKind::kByline, "  — by the Associated Press"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kByline, "Written by Jane Doe"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kByline, "(Reporting by Jane Doe; Editing by John Roe)"));
  EXPECT_FALSE(starts_with_cue(en, CueKind::kByline, "Jane Doe, written by herself"));
  EXPECT_TRUE(has_cue(en, CueKind::kByline, "Jane Doe, written by herself"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kCaption, "(Left) The mayor at the ceremony"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kCaption, "PICTURED: the new bridge"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kTagline, "Filed under: Politics, Europe"));
  EXPECT_FALSE(starts_with_cue(en, CueKind::kTagline, ""));
  EXPECT_FALSE(starts_with_cue(en, CueKind::kTagline, " ... "));
  EXPECT_FALSE(has_cue(en, CueKind::kTagline, ""));
}

TEST(Cues, Apostrophes) {
  const Cues& en = cues_for("en");
  EXPECT_TRUE(has_cue(en, CueKind::kBioVerb, "She has a master's degree in journalism."));
  EXPECT_TRUE(has_cue(en, CueKind::kBioVerb, "She has a master\u2019s degree in journalism."));
  EXPECT_FALSE(has_cue(en, CueKind::kBioVerb, "She has a master degree"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kPromo, "Don\u2019t miss"));
  EXPECT_TRUE(starts_with_cue(en, CueKind::kPromo, "Editor's picks"));
  const Cues& uk = cues_for("uk");
  EXPECT_TRUE(has_cue(uk, CueKind::kFooter, "Посилання обов\u2019язкове"));
  EXPECT_TRUE(has_cue(uk, CueKind::kFooter, "посилання обов\u02BCязкове"));
}

TEST(Cues, ColonInsideAWord) {
  // UAX #29 keeps "Photo:Reuters" one word; the matcher splits it.
  const Cues& en = cues_for("en");
  EXPECT_TRUE(starts_with_cue(en, CueKind::kCaption, "Photo:Reuters"));
  EXPECT_TRUE(has_cue(en, CueKind::kCredit, "Photo:Reuters"));
  const Cues& uk = cues_for("uk");
  EXPECT_TRUE(starts_with_cue(uk, CueKind::kByline, "Автор:Іван Петренко"));
}

TEST(Cues, GermanAndUkrainianBylines) {
  const Cues& de = cues_for("de");
  EXPECT_TRUE(starts_with_cue(de, CueKind::kByline, "Von Anna Müller"));
  EXPECT_TRUE(starts_with_cue(de, CueKind::kByline, "VON ANNA MÜLLER, BERLIN"));
  EXPECT_FALSE(starts_with_cue(de, CueKind::kByline, "Vonovia meldet Gewinn"));
  EXPECT_TRUE(starts_with_cue(de, CueKind::kByline, "By Jane Doe"));  // merged with English
  EXPECT_TRUE(has_cue(de, CueKind::kFooter, "© 2024 Beispiel GmbH. ALLE RECHTE VORBEHALTEN."));
  EXPECT_TRUE(has_cue(de, CueKind::kDateline, "Aktualisiert am 3. März 2024"));
  EXPECT_TRUE(has_cue(de, CueKind::kDateline, "vor 12 Minuten"));  // any number
  EXPECT_TRUE(has_cue(de, CueKind::kPromo, "Mehr zum Thema"));
  EXPECT_TRUE(has_cue(de, CueKind::kCaption, "v.l.n.r.: Anna, Ben"));
  EXPECT_TRUE(has_cue(de, CueKind::kCaption, "V. l. n. r.: Anna, Ben"));
  // "Tags" is "by day" in German: the English tag-line cue is dropped.
  EXPECT_FALSE(has_cue(de, CueKind::kTagline, "Tags darauf kam er zurück"));
  EXPECT_TRUE(has_cue(cues_for("en"), CueKind::kTagline, "Tags: politics"));

  const Cues& uk = cues_for("uk");
  EXPECT_TRUE(starts_with_cue(uk, CueKind::kByline, "Автор: Іван Петренко"));
  EXPECT_TRUE(starts_with_cue(uk, CueKind::kByline, "АВТОРКА: Олена Коваль"));
  EXPECT_TRUE(starts_with_cue(uk, CueKind::kByline, "Від редакції"));
  EXPECT_FALSE(starts_with_cue(uk, CueKind::kByline, "Авторитет судів"));
  EXPECT_TRUE(has_cue(uk, CueKind::kFooter, "© 2024 Усі права захищені"));
  EXPECT_TRUE(has_cue(uk, CueKind::kDateline, "5 хвилин тому"));
  EXPECT_TRUE(has_cue(uk, CueKind::kBioRole, "Головна редакторка видання"));
  EXPECT_TRUE(has_cue(uk, CueKind::kPromo, "Читайте також: Зеленський провів зустріч"));
}

TEST(Cues, OtherLanguages) {
  EXPECT_TRUE(starts_with_cue(cues_for("fr"), CueKind::kByline, "Par Jean Dupont"));
  EXPECT_TRUE(has_cue(cues_for("fr"), CueKind::kDateline, "Publié il y a 3 heures"));
  EXPECT_TRUE(has_cue(cues_for("fr"), CueKind::kPromo, "Abonnez-vous"));
  EXPECT_TRUE(has_cue(cues_for("fr"), CueKind::kPromo, "S\u2019abonner"));
  EXPECT_TRUE(has_cue(cues_for("es"), CueKind::kDateline, "Actualizado hace 25 minutos"));
  EXPECT_TRUE(has_cue(cues_for("it"), CueKind::kCredit, "(Foto ANSA)"));
  EXPECT_TRUE(has_cue(cues_for("pt"), CueKind::kFooter, "Todos os direitos reservados"));
  EXPECT_TRUE(has_cue(cues_for("nl"), CueKind::kCaption, "Op de foto: de burgemeester"));
  EXPECT_TRUE(has_cue(cues_for("pl"), CueKind::kCredit, "Fot. PAP/EPA"));
  EXPECT_TRUE(has_cue(cues_for("ru"), CueKind::kPromo, "См. также"));
  EXPECT_TRUE(has_cue(cues_for("ru"), CueKind::kBioVerb, "Живёт в Москве"));
  EXPECT_TRUE(has_cue(cues_for("sv"), CueKind::kFooter, "Ansvarig utgivare: Anna Andersson"));
  // English "by" is a common word in Czech, Polish and Swedish: dropped there.
  EXPECT_FALSE(has_cue(cues_for("cs"), CueKind::kByline, "Kdo by to řekl"));
  EXPECT_FALSE(has_cue(cues_for("pl"), CueKind::kByline, "Chciałbym, by to wiedział"));
  EXPECT_FALSE(has_cue(cues_for("sv"), CueKind::kByline, "En by i norr"));
  EXPECT_TRUE(has_cue(cues_for("cs"), CueKind::kByline, "Written by Jane Doe"));
}

TEST(Cues, CaseFolding) {
  // Unicode case folding: umlauts, Cyrillic, full-width letters.
  const Cues& de = cues_for("de");
  EXPECT_TRUE(has_cue(de, CueKind::kPromo, "ÄHNLICHE ARTIKEL"));
  EXPECT_TRUE(has_cue(de, CueKind::kBioVerb, "BESCHÄFTIGT SICH MIT Energiepolitik"));
  EXPECT_TRUE(has_cue(cues_for("en"), CueKind::kPromo, "\uFF32\uFF45\uFF41\uFF44 more"));  // Ｒｅａｄ
  EXPECT_TRUE(has_cue(cues_for("ru"), CueKind::kFooter, "ВСЕ ПРАВА ЗАЩИЩЕНЫ"));
}

TEST(Cues, Coverage) {
  const Cues& en = cues_for("en");
  EXPECT_EQ(cue_coverage(en, CueKind::kPromo, ""), 0u);
  EXPECT_EQ(cue_coverage(en, CueKind::kPromo, "Nothing to see"), 0u);
  EXPECT_EQ(cue_coverage(en, CueKind::kPromo, "Read more"), 9u);
  // "Read more" (9) + "Share" (5); separators are not covered.
  EXPECT_EQ(cue_coverage(en, CueKind::kPromo, "Read more | Share"), 14u);
  // Code points, not bytes.
  EXPECT_EQ(cue_coverage(cues_for("uk"), CueKind::kPromo, "Читайте також"), 13u);
  // The longest phrase at a word counts; overlapping phrases ("read more about", "more
  // about") count once.
  EXPECT_EQ(cue_coverage(en, CueKind::kPromo, "Sponsored content"), 17u);
  EXPECT_EQ(cue_coverage(en, CueKind::kTagline, "Read more about"), 15u);
  const std::string line = "All rights reserved. Terms of use. Privacy policy.";
  EXPECT_EQ(cue_coverage(en, CueKind::kFooter, line), 19u + 12u + 14u);
}

TEST(Cues, LongTextIsLinear) {
  // A long text of near-misses: each call stays linear (this would time out otherwise).
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "read them more, share-ish; by-pass ";
  const Cues& en = cues_for("en");
  EXPECT_TRUE(has_cue(en, CueKind::kByline, text));  // "by-pass": dashes separate words
  EXPECT_FALSE(has_cue(en, CueKind::kFooter, text));
  EXPECT_GT(cue_coverage(en, CueKind::kPromo, text), 0u);
}

}  // namespace
