// Language of a text: the tag the later stages use to choose rules and stopwords.
#pragma once

#include <string>
#include <string_view>

namespace precis::lang {

// True for "auto" and tags like "en", "de", "pt-BR", "zh-Hant": 2-3 ASCII letters,
// then optional subtags of 1-8 letters or digits, each after "-" (or "_", as in
// locale names such as "pt_BR").
bool is_valid_tag(std::string_view tag);

// The tag in BCP 47 case: language lower-case, script title-case, region upper-case,
// "_" written "-" ("EN_gb" -> "en-GB", "zh-hant" -> "zh-Hant").
std::string normalize_tag(std::string_view tag);

// Detects the language of `text` from its first 64 KiB: the script of most letters
// (Scripts.txt) names the language where it is the only one written in it (Greek,
// Armenian, Hebrew, Thai, ...); Han with kana is Japanese, without is Chinese; within
// Latin, Cyrillic, Arabic and Devanagari the language whose stopwords (stopwords-iso)
// cover most words wins, with Kazakh told by its own letters. "und" (undetermined)
// when there is too little evidence; it gets language-independent rules.
std::string detect(std::string_view text);

}  // namespace precis::lang
