#include "lang/lang.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "terms/terms.hpp"
#include "util/string_index.hpp"
#include "unicode/unicode.hpp"

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

namespace {

using unicode::Script;

// Languages told apart by their stopwords, per script. A language is listed only if
// stopwords-iso has a list for it (see PRECIS_STOPWORD_LANGUAGES in CMakeLists.txt).
constexpr const char* kLatin[] = {"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl",
                                  "cs", "sk", "sl", "hr", "hu", "ro", "tr", "et", "lv", "lt", "ca", "id"};
constexpr const char* kCyrillic[] = {"ru", "uk", "bg"};
constexpr const char* kArabic[] = {"ar", "fa", "ur"};
constexpr const char* kDevanagari[] = {"hi", "mr"};

// One language per script where the script says it all.
const char* single_language(Script s) {
  switch (s) {
    case Script::Greek: return "el";
    case Script::Armenian: return "hy";
    case Script::Hebrew: return "he";
    case Script::Georgian: return "ka";
    case Script::Thai: return "th";
    case Script::Lao: return "lo";
    case Script::Khmer: return "km";
    case Script::Myanmar: return "my";
    case Script::Ethiopic: return "am";
    case Script::Hangul: return "ko";
    case Script::Bengali: return "bn";
    case Script::Gurmukhi: return "pa";
    case Script::Gujarati: return "gu";
    case Script::Oriya: return "or";
    case Script::Tamil: return "ta";
    case Script::Telugu: return "te";
    case Script::Kannada: return "kn";
    case Script::Malayalam: return "ml";
    case Script::Sinhala: return "si";
    case Script::Tibetan: return "bo";
    default: return nullptr;
  }
}

// For a set of candidate languages: every stopword of any of them, with the candidates
// whose list holds it (bit c for candidates[c]), so that a word costs one lookup however
// many candidates there are. Each caller keeps its own in a static (built once).
struct Owners {
  util::StringIndex index;           // stopword -> its entry in `masks`
  std::vector<std::uint64_t> masks;  // bit c: candidates[c] lists it
};
template <std::size_t N>
Owners stopword_owners(const char* const (&candidates)[N]) {
  static_assert(N <= 64, "a bit per candidate");
  Owners m;
  for (std::size_t c = 0; c < N; ++c) {
    terms::for_each_stopword(candidates[c], [&](std::string_view word) {
      const auto entry = m.index.insert(word, static_cast<std::uint32_t>(m.masks.size()));
      if (entry == m.masks.size()) m.masks.push_back(0);
      m.masks[entry] |= std::uint64_t{1} << c;
    });
  }
  return m;
}

// The words that vote, normalized like terms (terms::normalize): runs of word
// characters, with apostrophes between letters ("it's", "l’homme"). A lighter cut than
// the UAX #29 words of terms::tokenize, which only differs from it at dots and colons
// inside words ("U.S"), and is enough to count stopwords.
template <class Fn>
void for_each_vote_word(std::string_view text, std::size_t end, Fn&& fn) {
  std::string folded;
  for (std::size_t i = 0; i < end;) {
    const std::size_t start = i;
    if (!unicode::is_word_char(unicode::next(text, i))) continue;
    std::size_t e = i;
    while (e < end) {
      std::size_t k = e;
      const char32_t c = unicode::next(text, k);
      if (unicode::is_word_char(c)) {
        e = k;
        continue;
      }
      if ((c == '\'' || c == 0x2019) && k < end) {
        std::size_t m = k;
        if (unicode::is_letter(unicode::next(text, m))) {
          e = k;
          continue;
        }
      }
      break;
    }
    i = e;
    folded.clear();
    const std::string_view word = text.substr(start, e - start);
    if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      // ASCII: NFKC_Casefold is lower case (what terms::normalize gives, without its
      // general path; most words of Latin-script text are ASCII).
      folded.resize(word.size());
      char* out = folded.data();
      for (const char c : word) *out++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    } else {
      terms::normalize(word, folded);
    }
    fn(std::string_view(folded));
  }
}

// The candidate whose stopwords cover the most words of text[0, end); a word shared by
// k candidates counts 1/k for each. "und" if the evidence is thin.
template <std::size_t N>
std::string by_stopwords(std::string_view text, std::size_t end, const char* const (&candidates)[N],
                         const Owners& owners, const char* fallback) {
  double score[N] = {};
  std::size_t words = 0;
  for_each_vote_word(text, end, [&](std::string_view folded) {
    if (folded.empty() || (folded[0] >= '0' && folded[0] <= '9')) return;
    ++words;
    const std::uint32_t entry = owners.index.find(folded);
    if (entry == util::StringIndex::kMissing) return;
    const std::uint64_t in = owners.masks[entry];
    const double share = 1.0 / static_cast<double>(std::popcount(in));
    for (std::uint64_t bits = in; bits; bits &= bits - 1) score[std::countr_zero(bits)] += share;
  });
  std::size_t best = 0;
  for (std::size_t c = 1; c < N; ++c) {
    if (score[c] > score[best]) best = c;
  }
  // A tenth of the words, or two whole words for short texts, must vote for it.
  const double needed = std::max(1.0, std::min(2.0, 0.1 * static_cast<double>(words)));
  if (score[best] >= needed) return candidates[best];
  return fallback;
}

}  // namespace

std::string detect(std::string_view text) {
  constexpr std::size_t kSample = 64 * 1024;
  std::size_t end = text.size() < kSample ? text.size() : kSample;
  // Don't cut a UTF-8 sequence in half.
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;

  // The script of most letters, and a few telling letters.
  std::size_t letters[static_cast<std::size_t>(Script::kCount)] = {};
  std::size_t kazakh = 0, ukrainian = 0, russian = 0, total = 0;
  for (std::size_t i = 0; i < end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ASCII: a letter is Latin
      ++i;
      if (static_cast<unsigned char>((byte | 0x20) - 'a') < 26) {
        ++letters[static_cast<std::size_t>(Script::Latin)];
        ++total;
      }
      continue;
    }
    const char32_t cp = unicode::next(text, i);
    if (!unicode::is_letter(cp)) continue;
    ++letters[static_cast<std::size_t>(unicode::script(cp))];
    ++total;
    switch (cp) {  // Kazakh letters absent from Russian, Ukrainian and Bulgarian
      case 0x04D9: case 0x04D8: case 0x0493: case 0x0492: case 0x049B: case 0x049A: case 0x04A3:
      case 0x04A2: case 0x04E9: case 0x04E8: case 0x04B1: case 0x04B0: case 0x04AF: case 0x04AE:
      case 0x04BB: case 0x04BA:
        ++kazakh;
        break;
      case 0x0456: case 0x0406: case 0x0457: case 0x0407: case 0x0454: case 0x0404: case 0x0491: case 0x0490:
        ++ukrainian;  // і ї є ґ
        break;
      case 0x044B: case 0x042B: case 0x044D: case 0x042D: case 0x0451: case 0x0401:
        ++russian;  // ы э ё
        break;
      default:
        break;
    }
  }
  if (total == 0) return "und";
  auto count = [&](Script s) { return letters[static_cast<std::size_t>(s)]; };
  Script top = Script::Other;
  for (std::size_t s = 1; s < static_cast<std::size_t>(Script::kCount); ++s) {
    if (letters[s] > letters[static_cast<std::size_t>(top)]) top = static_cast<Script>(s);
  }
  // Japanese writes Han with kana; Chinese has none.
  const std::size_t kana = count(Script::Hiragana) + count(Script::Katakana);
  if (top == Script::Han || top == Script::Hiragana || top == Script::Katakana) {
    return kana * 20 >= kana + count(Script::Han) ? "ja" : "zh";
  }
  if (const char* lang = single_language(top)) return lang;
  if (top == Script::Other) return "und";

  switch (top) {
    case Script::Latin: {
      static const Owners owners = stopword_owners(kLatin);
      return by_stopwords(text, end, kLatin, owners, "und");
    }
    case Script::Cyrillic:
      if (kazakh * 100 >= count(Script::Cyrillic)) return "kk";
      if (ukrainian * 100 >= count(Script::Cyrillic) && russian * 4 <= ukrainian) return "uk";
      {
        static const Owners owners = stopword_owners(kCyrillic);
        return by_stopwords(text, end, kCyrillic, owners, "ru");
      }
    case Script::Arabic: {
      static const Owners owners = stopword_owners(kArabic);
      return by_stopwords(text, end, kArabic, owners, "ar");
    }
    case Script::Devanagari: {
      static const Owners owners = stopword_owners(kDevanagari);
      return by_stopwords(text, end, kDevanagari, owners, "hi");
    }
    default: return "und";
  }
}

}  // namespace precis::lang
