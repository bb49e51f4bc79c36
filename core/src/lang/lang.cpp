#include "lang/lang.hpp"

#include <algorithm>

#include "terms/terms.hpp"

namespace precis::lang {

bool is_valid_tag(std::string_view tag) {
  if (tag == "auto") return true;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
  std::size_t i = 0;
  while (i < tag.size() && alpha(tag[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-' && tag[i] != '_') return false;
    std::size_t j = ++i;
    while (j < tag.size() && alnum(tag[j])) ++j;
    if (j - i < 1 || j - i > 8) return false;
    i = j;
  }
  return true;
}

std::string normalize_tag(std::string_view tag) {
  // BCP 47 case conventions: language lower-case, script title-case ("Hant"), region
  // upper-case ("BR"); "_" becomes "-".
  std::string out;
  out.reserve(tag.size());
  std::size_t i = 0;
  bool first = true;
  while (i <= tag.size()) {
    std::size_t j = i;
    while (j < tag.size() && tag[j] != '-' && tag[j] != '_') ++j;
    std::string sub(tag.substr(i, j - i));
    for (char& c : sub) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    const bool letters = std::all_of(sub.begin(), sub.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!first && letters && sub.size() == 2) {
      for (char& c : sub) c = static_cast<char>(c - 32);
    } else if (!first && letters && sub.size() == 4) {
      sub[0] = static_cast<char>(sub[0] - 32);
    }
    if (!first) out.push_back('-');
    out += sub;
    first = false;
    i = j + 1;
  }
  return out;
}

std::string detect(std::string_view text) {
  constexpr std::size_t kSample = 64 * 1024;
  std::size_t end = text.size() < kSample ? text.size() : kSample;
  // Don't cut a UTF-8 sequence in half.
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  const auto& english = terms::stopwords_for("en");
  std::size_t words = 0, hits = 0;
  terms::for_each_word(text, 0, end, [&](std::size_t, std::size_t, std::string_view folded) {
    if (folded.empty() || (folded[0] >= '0' && folded[0] <= '9')) return;
    ++words;
    if (english.count(std::string(folded))) ++hits;
  });
  // English running text has about half of its words in the stopword list; other
  // languages rarely reach a fifth (shared loanwords, names, numbers).
  if (words >= 3 && hits * 10 >= words * 3) return "en";
  return "und";
}

}  // namespace precis::lang
