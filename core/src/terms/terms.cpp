#include "terms/terms.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>

#include "terms/stem.hpp"
#include "unicode/unicode.hpp"
#include "util/string_index.hpp"

namespace precis::terms {
namespace {
#include "precis_gen/stopwords.inc"
}  // namespace

namespace {

// The compiled-in list of a language (ISO 639-1 code, region ignored), or null.
const char* stopword_data(std::string_view language) {
  const std::string_view code = language.substr(0, language.find('-'));
  for (const auto& list : kStopwordLists) {
    if (code == list.language) return list.words;
  }
  return nullptr;
}

}  // namespace

void for_each_stopword(std::string_view language, const std::function<void(std::string_view)>& fn) {
  const char* data = stopword_data(language);
  if (!data) return;
  // Front-coded (core/data/gen/stopwords.mjs): a byte 1 + k, k leading bytes of the word
  // before, then the word's other bytes up to the next byte below 0x20.
  std::string word;
  for (const char* p = data; *p;) {
    const auto shared = static_cast<std::size_t>(static_cast<unsigned char>(*p++) - 1);
    word.resize(std::min(shared, word.size()));
    while (*p && static_cast<unsigned char>(*p) >= 0x20) word.push_back(*p++);
    fn(word);
  }
}

// Each language's list is parsed at its first use, once (most texts need one or two).
const Stopwords& stopwords_for(std::string_view language) {
  constexpr std::size_t n = std::size(kStopwordLists);
  static std::array<std::once_flag, n> once;
  static std::array<std::unique_ptr<Stopwords>, n> parsed;
  static const Stopwords empty;
  const std::string_view code = language.substr(0, language.find('-'));
  for (std::size_t i = 0; i < n; ++i) {
    if (code != kStopwordLists[i].language) continue;
    std::call_once(once[i], [i] {
      auto set = std::make_unique<Stopwords>();
      for_each_stopword(kStopwordLists[i].language, [&](std::string_view w) { set->add(w); });
      parsed[i] = std::move(set);
    });
    return *parsed[i];
  }
  return empty;
}

Analysis analyze(std::string_view text, const std::vector<segment::Span>& sentences, std::string_view language) {
  Analysis a;
  const auto& stop = stopwords_for(language);
  const bool english = language.substr(0, language.find('-')) == "en";
  const std::unique_ptr<Stemmer> stemmer = make_stemmer(language.substr(0, language.find('-')));
  util::StringIndex ids(text.size() / 512 + 16);  // term (normalized, stemmed) -> id
  // A token's surface form -> its term id (or kNoTerm): normalizing, stemming and the
  // stopword lookup run once per distinct surface form, not once per token (a news
  // article repeats most of its words).
  util::StringIndex surfaces(text.size() / 256 + 16);
  std::string term, stem, normalized;
  std::vector<std::size_t> scratch;
  a.sentences.resize(sentences.size());
  // About one token per 6 bytes in English news, one per 3 in Chinese: a fifth of the
  // bytes rarely has to grow (growing doubles, and copies: a peak of 3x the tokens).
  if (!sentences.empty()) {
    const std::size_t bytes = sentences.back().end - sentences.front().start;
    a.tokens.reserve(bytes / 5 + 16);
    // Distinct terms: about one per 8 bytes in a short text, far fewer in a long one.
    const std::size_t terms = std::min<std::size_t>(bytes / 8, 4096) + 16;
    a.vocabulary.folded.reserve(terms);
    a.vocabulary.first.reserve(terms);
    a.vocabulary.first_length.reserve(terms);
    a.vocabulary.stopword.reserve(terms);
    a.vocabulary.numeric.reserve(terms);
  }
  std::vector<std::uint32_t> ids_in_sentence;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    SentenceTerms& st = a.sentences[s];
    ids_in_sentence.clear();
    st.first_token = static_cast<std::uint32_t>(a.tokens.size());
    tokenize(text, sentences[s].start, sentences[s].end, a.tokens, scratch);
    st.sequence.reserve(a.tokens.size() - st.first_token);
    for (std::size_t k = st.first_token; k < a.tokens.size(); ++k) {
      const std::size_t ws = a.tokens[k].start, we = a.tokens[k].end;
      const std::string_view surface_form = text.substr(ws, we - ws);
      const std::uint64_t hash = util::hash_bytes(surface_form);
      std::uint32_t id = surfaces.find(surface_form, hash);
      if (id == util::StringIndex::kMissing) {
        normalized.clear();
        normalize(surface_form, normalized);
        if (normalized.empty()) {
          id = kNoTerm - 1;  // stored as kNoTerm - 1: the index reserves kNoTerm (kMissing)
        } else {
          std::size_t surface = we - ws;
          term.assign(normalized);
          if (english && term.size() > 2 && term.compare(term.size() - 2, 2, "'s") == 0) {
            term.resize(term.size() - 2);
            // The surface form without "'s" or "’s" (3 bytes for the curly apostrophe).
            surface -= text[we - 2] == '\'' ? 2 : 4;
          }
          const bool is_stop = stop.count(term) != 0;
          if (stemmer && !is_stop) {
            stem.clear();
            stemmer->stem(term, stem);
            if (!stem.empty()) term.swap(stem);
          }
          const auto next_id = static_cast<std::uint32_t>(a.vocabulary.folded.size());
          id = ids.insert(term, next_id);
          if (id == next_id) {
            a.vocabulary.folded.push_back(term);
            a.vocabulary.first.push_back(ws);
            a.vocabulary.first_length.push_back(static_cast<std::uint32_t>(surface));
            a.vocabulary.stopword.push_back(is_stop);
            a.vocabulary.numeric.push_back(std::all_of(term.begin(), term.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }));
          }
        }
        surfaces.insert(surface_form, hash, id);
      }
      ++st.words;
      if (id == kNoTerm - 1) {
        st.sequence.push_back(kNoTerm);
        continue;
      }
      st.sequence.push_back(id);
      if (!a.vocabulary.stopword[id]) ids_in_sentence.push_back(id);
    }
    std::sort(ids_in_sentence.begin(), ids_in_sentence.end());
    st.counts.reserve(ids_in_sentence.size());
    for (std::size_t k = 0; k < ids_in_sentence.size();) {
      std::size_t j = k;
      while (j < ids_in_sentence.size() && ids_in_sentence[j] == ids_in_sentence[k]) ++j;
      st.counts.emplace_back(ids_in_sentence[k], static_cast<std::uint32_t>(j - k));
      k = j;
    }
    a.words += st.words;
  }
  // The reserve is a guess: give back a large overshoot (a copy, so only when it pays).
  if (a.tokens.capacity() > a.tokens.size() + a.tokens.size() / 2) a.tokens.shrink_to_fit();
  return a;
}

}  // namespace precis::terms
