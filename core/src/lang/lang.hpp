// Language of a text: the tag the later stages use to choose rules and stopwords.
#pragma once

#include <string>
#include <string_view>

namespace precis::lang {

// True for tags like "en", "de", "pt-BR", "zh-Hant", "auto": 2-3 ASCII letters, then
// optional "-" subtags of 1-8 letters or digits.
bool is_valid_tag(std::string_view tag);

// The normalized tag: primary subtag lower-case ("EN-gb" -> "en-gb").
std::string normalize_tag(std::string_view tag);

// Detects the language of `text` from its first 64 KiB. This version tells English
// from the rest by the share of English stopwords among the words; anything else is
// "und" (undetermined), which gets language-independent rules.
std::string detect(std::string_view text);

}  // namespace precis::lang
