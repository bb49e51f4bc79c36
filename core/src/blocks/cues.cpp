#include "blocks/cues.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>

#include "terms/words.hpp"
#include "unicode/unicode.hpp"

namespace precis::blocks {
namespace {
#include "precis_gen/boilerplate.inc"

using unicode::GeneralCategory;

constexpr std::uint32_t kUnknown = 0;
constexpr std::uint32_t kNumber = 1;
constexpr std::uint32_t kFirstWord = 2;
// Gaps between words are compared only this far (bytes): phrases have short gaps, and a
// text gap that is longer joins no phrase, so each comparison costs O(1).
constexpr std::size_t kMaxGap = 8;
constexpr char kLongGap[] = "\xFF";  // never valid UTF-8, so never a phrase's gap

constexpr std::array<std::string_view, kCueKinds> kKindNames = {
    "byline", "credit", "caption", "promo", "footer", "dateline", "tagline", "bio-role", "bio-verb", "address", "pronoun"};

// A word of a text or phrase: its bytes, id and the gap before it.
struct Word {
  std::size_t start = 0, end = 0;
  std::uint32_t id = kUnknown;
  std::string gap;
};

// Cuts `text` into words (UAX #29 word tokens, split at inner colons, plus "©"), each
// with the id `id_of` gives its surface form (the caller normalizes: terms::normalize) and the characters between it and the previous word
// that matter: all but white space, dashes and format characters, with ’ and ʼ written '.
template <class IdOf>
void scan(std::string_view text, IdOf&& id_of, std::vector<Word>& out) {
  std::vector<terms::Token> tokens;
  tokens.reserve(text.size() / 4 + 1);
  terms::tokenize(text, 0, text.size(), tokens);
  out.reserve(out.size() + tokens.size() + 1);
  std::string gap;
  const auto add_word = [&](std::size_t start, std::size_t end, std::uint32_t id) {
    out.push_back({start, end, id, gap});
    gap.clear();
  };
  const auto add_gap = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to;) {
      const std::size_t at = i;
      char32_t cp = unicode::next(text, i);
      if (cp == 0xA9) {  // ©: a word of its own
        add_word(at, i, id_of(std::string_view("\xC2\xA9")));
        continue;
      }
      const GeneralCategory gc = unicode::category(cp);
      if (unicode::is_space(cp) || gc == GeneralCategory::Pd || gc == GeneralCategory::Cf) continue;
      if (cp == 0x2019 || cp == 0x02BC) cp = '\'';
      if (gap == kLongGap) continue;
      unicode::append_utf8(cp, gap);
      if (gap.size() > kMaxGap) gap = kLongGap;
    }
  };
  std::size_t pos = 0;
  for (const terms::Token& t : tokens) {
    add_gap(pos, t.start);
    pos = t.end;
    if (t.kind == terms::Token::kNumber) {
      add_word(t.start, t.end, kNumber);
      continue;
    }
    // UAX #29 keeps "Photo:Reuters" one word (":" is MidLetter, for Swedish "k:a"):
    // split it, so that "photo" is found; the colon stays in the gap.
    std::size_t start = t.start;
    for (std::size_t k = t.start; k <= t.end; ++k) {
      if (k < t.end && text[k] != ':') continue;
      if (k > start) add_word(start, k, id_of(text.substr(start, k - start)));
      if (k < t.end) gap.push_back(':');
      start = k + 1;
    }
  }
  add_gap(pos, text.size());
}

// ---- data ----------------------------------------------------------------------------

class Builder {
 public:
  explicit Builder(Cues& cues) : cues_(cues) {}

  // The words of a phrase, interned.
  Cues::Phrase phrase(std::string_view text) {
    std::vector<Word> words;
    std::string folded;
    scan(text, [this, &folded](std::string_view w) {
      folded.clear();
      terms::normalize(w, folded);
      return intern(folded);
    }, words);
    Cues::Phrase p;
    for (auto& w : words) p.push_back({w.id, std::move(w.gap)});
    if (!p.empty()) p.front().gap.clear();  // what comes before the phrase doesn't matter
    return p;
  }

  void add(std::size_t kind, std::string_view text) {
    Cues::Phrase p = phrase(text);
    if (p.empty()) return;
    auto& list = cues_.index[kind][p.front().id];
    if (std::find(list.begin(), list.end(), p) == list.end()) list.push_back(std::move(p));
  }

  void remove(std::size_t kind, std::string_view text) {
    const Cues::Phrase p = phrase(text);
    if (p.empty()) return;
    auto& map = cues_.index[kind];
    const auto it = map.find(p.front().id);
    if (it == map.end()) return;
    std::erase(it->second, p);
    if (it->second.empty()) map.erase(it);
  }

  void finish() {
    for (std::size_t k = 0; k < kCueKinds; ++k) {
      cues_.counts[k] = 0;
      for (auto& [first, list] : cues_.index[k]) {
        // Longest first: the first phrase that matches is the longest.
        std::stable_sort(list.begin(), list.end(),
                         [](const Cues::Phrase& a, const Cues::Phrase& b) { return a.size() > b.size(); });
        cues_.counts[k] += list.size();
        if (cues_.first_kinds.size() <= first) cues_.first_kinds.resize(first + 1, 0);
        cues_.first_kinds[first] |= 1u << k;
      }
    }
  }

 private:
  std::uint32_t intern(const std::string& word) {
    const auto next = static_cast<std::uint32_t>(kFirstWord + cues_.vocabulary.size());
    return cues_.vocabulary.emplace(word, next).first->second;
  }

  Cues& cues_;
};

// Calls f(kind, phrase, drop) for each phrase of one language's embedded data: lines of
// "kind|phrase|phrase..." or "-kind|..." (core/data/gen/boilerplate.mjs).
template <class F>
void for_each_phrase(std::string_view data, F&& f) {
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) eol = data.size();
    std::string_view line = data.substr(pos, eol - pos);
    pos = eol + 1;
    std::size_t bar = line.find('|');
    std::string_view name = line.substr(0, bar);
    const bool drop = !name.empty() && name.front() == '-';
    if (drop) name.remove_prefix(1);
    const auto kind = std::find(kKindNames.begin(), kKindNames.end(), name) - kKindNames.begin();
    if (static_cast<std::size_t>(kind) == kCueKinds) continue;
    while (bar != std::string_view::npos) {
      const std::size_t from = bar + 1;
      bar = line.find('|', from);
      f(static_cast<std::size_t>(kind), line.substr(from, bar == std::string_view::npos ? bar : bar - from), drop);
    }
  }
}

// The index of a language's data in kCueData, or -1.
int data_index(std::string_view language) {
  for (std::size_t i = 0; i < std::size(kCueData); ++i) {
    if (language == kCueData[i].language) return static_cast<int>(i);
  }
  return -1;
}

std::unique_ptr<Cues> parse_cues(std::size_t i) {
  auto cues = std::make_unique<Cues>();
  Builder b(*cues);
  const std::string_view own = kCueData[i].text;
  const auto add = [&](std::size_t kind, std::string_view phrase, bool drop) {
    if (!drop) b.add(kind, phrase);
  };
  for_each_phrase(own, add);
  const int english = data_index("en");
  if (static_cast<int>(i) != english) {
    // English second: a language's own phrases come first among equals.
    for_each_phrase(kCueData[english].text, add);
    for_each_phrase(own, [&](std::size_t kind, std::string_view phrase, bool drop) {
      if (drop) b.remove(kind, phrase);
    });
  }
  b.finish();
  return cues;
}

// Each language is parsed at its first use, once, and never modified afterwards: merged
// with English it is some 700 phrases, 170 KB of heap and 1 ms (native), so languages
// that are never asked for cost nothing.
const Cues& cues_at(std::size_t i) {
  constexpr std::size_t n = std::size(kCueData);
  static std::array<std::once_flag, n> once;
  static std::array<std::unique_ptr<Cues>, n> parsed;
  std::call_once(once[i], [i] { parsed[i] = parse_cues(i); });
  return *parsed[i];
}

// ---- matching ------------------------------------------------------------------------

std::uint32_t vocabulary_id(const Cues& cues, std::string_view surface, std::string& folded) {
  folded.clear();
  terms::normalize(surface, folded);
  const auto it = cues.vocabulary.find(folded);
  return it == cues.vocabulary.end() ? kUnknown : it->second;
}

void scan_text(const Cues& cues, std::string_view text, std::vector<Word>& words, CueCache* cache = nullptr) {
  std::string folded;
  if (!cache) {
    scan(text, [&](std::string_view w) { return vocabulary_id(cues, w, folded); }, words);
    return;
  }
  scan(text, [&](std::string_view w) {
    const std::uint64_t hash = util::hash_bytes(w);
    std::uint32_t id = cache->ids.find(w, hash);
    if (id == util::StringIndex::kMissing) id = cache->ids.insert(w, hash, vocabulary_id(cues, w, folded));
    return id;
  }, words);
}

// One past the last word of the longest phrase of `index` that starts at words[i], or 0.
std::size_t match_at(const std::unordered_map<std::uint32_t, std::vector<Cues::Phrase>>& index,
                     const std::vector<Word>& words, std::size_t i) {
  const auto it = index.find(words[i].id);
  if (it == index.end()) return 0;
  for (const Cues::Phrase& p : it->second) {
    if (p.size() > words.size() - i) continue;
    std::size_t k = 1;
    while (k < p.size() && words[i + k].id == p[k].id && words[i + k].gap == p[k].gap) ++k;
    if (k == p.size()) return i + k;
  }
  return 0;
}

const std::unordered_map<std::uint32_t, std::vector<Cues::Phrase>>& index_of(const Cues& cues, CueKind kind) {
  return cues.index[static_cast<std::size_t>(kind)];
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string_view cue_kind_name(CueKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

const Cues& cues_for(std::string_view language) {
  // Without data of its own a language gets the English cues.
  const int i = data_index(language.substr(0, language.find('-')));
  return cues_at(static_cast<std::size_t>(i >= 0 ? i : data_index("en")));
}

std::vector<std::string> languages_with_cues() {
  std::vector<std::string> out;
  for (const auto& d : kCueData) out.emplace_back(d.language);
  std::sort(out.begin(), out.end());
  return out;
}

bool has_cue(const Cues& cues, CueKind kind, std::string_view text) {
  const auto& index = index_of(cues, kind);
  if (index.empty()) return false;
  std::vector<Word> words;
  scan_text(cues, text, words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (match_at(index, words, i) != 0) return true;
  }
  return false;
}

// The first bytes of `text`, enough for any phrase at its start, cut at a character.
std::string_view opening(std::string_view text) {
  constexpr std::size_t kOpening = 256;
  if (text.size() <= kOpening) return text;
  std::size_t n = kOpening;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

bool starts_with_cue(const Cues& cues, CueKind kind, std::string_view text) {
  const auto& index = index_of(cues, kind);
  if (index.empty()) return false;
  std::vector<Word> words;
  scan_text(cues, opening(text), words);
  return !words.empty() && match_at(index, words, 0) != 0;
}

CueMasks cue_masks(const Cues& cues, std::string_view text, CueCache* cache) {
  CueMasks masks;
  std::vector<Word> words;
  scan_text(cues, text, words, cache);
  for (std::size_t i = 0; i < words.size(); ++i) {
    // Only the kinds that have a phrase starting with this word, and not found yet.
    const std::uint32_t id = words[i].id;
    std::uint32_t kinds = id < cues.first_kinds.size() ? cues.first_kinds[id] & ~masks.anywhere : 0;
    if (i == 0) kinds = id < cues.first_kinds.size() ? cues.first_kinds[id] : 0;
    for (std::size_t k = 0; kinds; ++k, kinds >>= 1) {
      if (!(kinds & 1u) || match_at(index_of(cues, static_cast<CueKind>(k)), words, i) == 0) continue;
      masks.anywhere |= 1u << k;
      if (i == 0) masks.start |= 1u << k;
    }
  }
  return masks;
}

std::size_t cue_coverage(const Cues& cues, CueKind kind, std::string_view text) {
  const auto& index = index_of(cues, kind);
  if (index.empty()) return 0;
  std::vector<Word> words;
  scan_text(cues, text, words);
  std::size_t covered = 0;
  std::size_t from = 0, to = 0;  // the current run of covered bytes; empty if from == to
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::size_t end = match_at(index, words, i);
    if (end == 0) continue;
    const std::size_t start = words[i].start, stop = words[end - 1].end;
    if (start < to) {
      to = std::max(to, stop);
    } else {
      covered += code_points(text.substr(from, to - from));
      from = start;
      to = stop;
    }
  }
  return covered + code_points(text.substr(from, to - from));
}

}  // namespace precis::blocks
