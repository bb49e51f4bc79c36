// Language tags and detection (core/src/lang).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "lang/lang.hpp"
#include "terms/words.hpp"

namespace {

using precis::lang::detect;
using precis::lang::is_valid_tag;
using precis::lang::normalize_tag;

TEST(Lang, IsValidTag) {
  const std::pair<std::string_view, bool> cases[] = {
      // 2-3 letters, then "-" subtags of 1-8 letters or digits; "auto" is accepted too.
      {"en", true},
      {"de", true},
      {"EN", true},
      {"fil", true},
      {"pt-BR", true},
      {"en-gb", true},
      {"zh-Hant", true},
      {"zh-Hant-TW", true},
      {"sr-Latn-RS", true},
      {"es-419", true},
      {"de-1996", true},
      {"en-GB-oxendict", true},  // an 8-character subtag
      {"en-x-a", true},          // a 1-character subtag
      {"auto", true},
      {"pt_BR", true},           // locale-style separator
      {"abcd", false},           // 4-letter primary subtags are reserved
      {"", false},
      {"e", false},
      {"x", false},
      {"english", false},
      {"en-", false},
      {"-en", false},
      {"en--us", false},
      {"en-abcdefghi", false},   // a 9-character subtag
      {"en-toolongsubtag", false},
      {"1en", false},
      {"e1", false},
      {"en us", false},
      {" en", false},
      {"en ", false},
      {"en-US!", false},
      {"en.US", false},
      {"en/US", false},
      {"\xC3\xA9n", false},  // én
      {"en-\xC3\xA9", false},
  };
  for (const auto& [tag, want] : cases) {
    SCOPED_TRACE("\"" + std::string(tag) + "\"");
    EXPECT_EQ(is_valid_tag(tag), want);
  }
}

TEST(Lang, NormalizeTag) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"en", "en"},
      {"EN", "en"},
      {"De", "de"},
      {"EN-gb", "en-GB"},
      {"auto", "auto"},
      {"zh-hant", "zh-Hant"},
      {"pt_br", "pt-BR"},
      {"SR-LATN-rs", "sr-Latn-RS"},
      {"es-419", "es-419"},
      {"en-gb-oxendict", "en-GB-oxendict"},
  };
  for (const auto& [tag, want] : cases) {
    SCOPED_TRACE(std::string(tag));
    EXPECT_EQ(normalize_tag(tag), want);
  }
}

TEST(Lang, Detect) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", "und"},
      {"   \n\t ", "und"},
      {"The cat", "en"},   // one stopword is enough in a two-word text
      {"the of and", "en"},
      {"2025 2026 2027 2028", "und"},  // numbers are not words here
      {"Presidential Office head Andriy Yermak held a phone call with U.S. Secretary of State Marco Rubio "
       "on Sept. 20, ahead of an anticipated meeting between President Volodymyr Zelensky and U.S. President "
       "Donald Trump next week.",
       "en"},
      {"He has, however, ruled out sending U.S. troops as peacekeeping forces. He has also stated that "
       "Europe should play the leading role in providing these guarantees.",
       "en"},
      {"Die Regierung hat am Montag beschlossen, die Steuern zu senken. Viele B\xC3\xBCrger sind dar\xC3\xBC"
       "ber froh, aber die Opposition kritisiert den Plan scharf.",
       "de"},
      {"Der Pr\xC3\xA4sident traf sich mit dem Au\xC3\x9F" "enminister, um \xC3\xBC" "ber die Lage zu sprechen.", "de"},
      // Президент провел встречу с министром иностранных дел в Киеве.
      {"\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82 \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBB "
       "\xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x87\xD1\x83 \xD1\x81 \xD0\xBC\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80\xD0\xBE\xD0\xBC "
       "\xD0\xB8\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD1\x80\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD1\x85 \xD0\xB4\xD0\xB5\xD0\xBB \xD0\xB2 "
       "\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2\xD0\xB5.",
       "ru"},
      // 今天天气很好。我们去公园吧。
      {"\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB"
       "\xE5\x85\xAC\xE5\x9B\xAD\xE5\x90\xA7\xE3\x80\x82",
       "zh"},
      {"Сьогодні в Києві пройшла зустріч, і всі її учасники були задоволені.", "uk"},
      {"Бүгін Астанада кездесу өтті, оған көптеген адамдар қатысты.", "kk"},
      {"Днес в София се проведе среща, на която присъстваха много хора.", "bg"},
      {"今日はとても良い天気です。公園に行きましょう。", "ja"},
      {"Σήμερα ο καιρός είναι πολύ καλός στην Αθήνα.", "el"},
      {"Այսօր Երևանում եղանակը շատ լավ է։", "hy"},
      {"Hoy el gobierno anunció que los impuestos bajarán el próximo año.", "es"},
      {"Oggi il governo ha annunciato che le tasse scenderanno il prossimo anno.", "it"},
      {"Aujourd'hui, le gouvernement a annoncé que les impôts baisseront l'année prochaine.", "fr"},
      {"Vandaag heeft de regering aangekondigd dat de belastingen volgend jaar dalen.", "nl"},
      {"Dzisiaj rząd ogłosił, że podatki spadną w przyszłym roku.", "pl"},
      {"Xqzt vrkp", "und"},  // Latin letters, no known words
  };
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(std::string(text));
    EXPECT_EQ(detect(text), want);
  }
}

TEST(Lang, DetectLooksAtTheFirst64KiB) {
  const std::string english = "The minister said that the talks were over and that he was happy with them. ";
  // "Der Minister sagte, die Gespräche seien vorbei. "
  const std::string german = "Der Minister sagte, die Gespr\xC3\xA4" "che seien vorbei. ";
  std::string english_first, german_first;
  while (english_first.size() < 70 * 1024) english_first += english;
  while (german_first.size() < 70 * 1024) german_first += german;
  const std::string a = english_first + german_first + german_first;  // English only in the sample
  const std::string b = german_first + english_first + english_first;
  EXPECT_EQ(detect(a), "en");
  EXPECT_EQ(detect(b), "de");
  // A sample boundary inside a multi-byte character is not a problem.
  for (std::size_t pad = 0; pad < 3; ++pad) {
    SCOPED_TRACE(pad);
    std::string c(64 * 1024 - 1 - pad, ' ');
    c.insert(0, english);
    c.resize(64 * 1024 - 1 - pad);
    c += "\xE2\x82\xAC\xE2\x82\xAC";  // €€ across the boundary
    EXPECT_EQ(detect(c), "en");
  }
}

}  // namespace

// Each script's candidates keep their own stopword table: detecting Russian first must
// not leave Persian or Urdu to be judged by Cyrillic lists (both sets have 3 languages).
TEST(Lang, ScriptsDoNotShareStopwordTables) {
  EXPECT_EQ(precis::lang::detect("\xD0\xAD\xD1\x82\xD0\xBE \xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB0, \xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x83\xD1\x8E \xD1\x8F \xD0\xB2\xD0\xB7\xD1\x8F\xD0\xBB \xD0\xB2 \xD0\xB1\xD0\xB8\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBE\xD1\x82\xD0\xB5\xD0\xBA\xD0\xB5, \xD0\xB8 \xD0\xBE\xD0\xBD\xD0\xB0 \xD0\xBE\xD1\x87\xD0\xB5\xD0\xBD\xD1\x8C \xD0\xB8\xD0\xBD\xD1\x82\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD0\xB0\xD1\x8F."), "ru");
  // Persian: "I took this book from the library yesterday and brought it home."
  EXPECT_EQ(precis::lang::detect("\xD8\xA7\xDB\x8C\xD9\x86 \xDA\xA9\xD8\xAA\xD8\xA7\xD8\xA8 \xD8\xB1\xD8\xA7 \xD9\x85\xD9\x86 \xD8\xAF\xDB\x8C\xD8\xB1\xD9\x88\xD8\xB2 \xD8\xA7\xD8\xB2 \xDA\xA9\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xAE\xD8\xA7\xD9\x86\xD9\x87 \xDA\xAF\xD8\xB1\xD9\x81\xD8\xAA\xD9\x85 \xD9\x88 \xD8\xA8\xD9\x87 \xD8\xAE\xD8\xA7\xD9\x86\xD9\x87 \xD8\xA8\xD8\xB1\xD8\xAF\xD9\x85."), "fa");
  // Arabic: "This book is from the library and it is in the house."
  EXPECT_EQ(precis::lang::detect("\xD9\x87\xD8\xB0\xD8\xA7 \xD8\xA7\xD9\x84\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8 \xD9\x85\xD9\x86 \xD8\xA7\xD9\x84\xD9\x85\xD9\x83\xD8\xAA\xD8\xA8\xD8\xA9 \xD9\x88\xD9\x87\xD9\x88 \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD8\xA8\xD9\x8A\xD8\xAA \xD8\xA7\xD9\x84\xD8\xA2\xD9\x86."), "ar");
}

// The stopword vote folds ASCII words itself (lower case) instead of through
// terms::normalize: the two must agree on every ASCII character.
TEST(Lang, AsciiVoteFoldIsNormalize) {
  for (int c = 1; c < 128; ++c) {
    const std::string one(1, static_cast<char>(c));
    std::string normalized;
    precis::terms::normalize(one, normalized);
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : static_cast<char>(c);
    EXPECT_EQ(normalized, std::string(1, lower)) << "character " << c;
  }
}
