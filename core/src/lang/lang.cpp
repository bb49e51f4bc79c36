#include "lang/lang.hpp"

#include "terms/terms.hpp"

namespace precis::lang {

bool is_valid_tag(std::string_view tag) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
  std::size_t i = 0;
  while (i < tag.size() && alpha(tag[i])) ++i;
  if (i < 2 || i > 4) return false;
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
  std::string out(tag);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == '_') c = '-';
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
