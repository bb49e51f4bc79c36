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

// Detects the language of `text` from its first 64 KiB. This version tells English
// from the rest by the share of English stopwords among the words; anything else is
// "und" (undetermined), which gets language-independent rules.
std::string detect(std::string_view text);

}  // namespace precis::lang
