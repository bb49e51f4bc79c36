#include "terms/terms.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "terms/stem.hpp"
#include "unicode/unicode.hpp"

namespace precis::terms {
namespace {
#include "precis_gen/stopwords.inc"
}  // namespace

const std::unordered_set<std::string>& stopwords_for(std::string_view language) {
  static const std::map<std::string, std::unordered_set<std::string>, std::less<>> all = [] {
    std::map<std::string, std::unordered_set<std::string>, std::less<>> m;
    for (const auto& list : kStopwordLists) {
      auto& set = m[list.language];
      std::string_view words = list.words;
      std::size_t pos = 0;
      while (pos <= words.size()) {
        std::size_t e = words.find('\n', pos);
        if (e == std::string_view::npos) e = words.size();
        if (e > pos) set.emplace(words.substr(pos, e - pos));
        pos = e + 1;
      }
    }
    return m;
  }();
  static const std::unordered_set<std::string> empty;
  auto it = all.find(language.substr(0, language.find('-')));
  return it == all.end() ? empty : it->second;
}

Analysis analyze(std::string_view text, const std::vector<segment::Span>& sentences, std::string_view language) {
  Analysis a;
  const auto& stop = stopwords_for(language);
  const bool english = language.substr(0, language.find('-')) == "en";
  const std::unique_ptr<Stemmer> stemmer = make_stemmer(language.substr(0, language.find('-')));
  std::unordered_map<std::string, std::uint32_t> ids;
  std::string term;
  a.sentences.resize(sentences.size());
  std::vector<std::uint32_t> ids_in_sentence;
  std::string normalized;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    SentenceTerms& st = a.sentences[s];
    ids_in_sentence.clear();
    st.first_token = static_cast<std::uint32_t>(a.tokens.size());
    tokenize(text, sentences[s].start, sentences[s].end, a.tokens);
    for (std::size_t k = st.first_token; k < a.tokens.size(); ++k) {
      const std::size_t ws = a.tokens[k].start, we = a.tokens[k].end;
      normalized.clear();
      normalize(text.substr(ws, we - ws), normalized);
      ++st.words;
      if (normalized.empty()) {
        st.sequence.push_back(kNoTerm);
        continue;
      }
      std::size_t surface = we - ws;
      term.assign(normalized);
      if (english && term.size() > 2 && term.compare(term.size() - 2, 2, "'s") == 0) {
        term.resize(term.size() - 2);
        // The surface form without "'s" or "’s" (3 bytes for the curly apostrophe).
        surface -= text[we - 2] == '\'' ? 2 : 4;
      }
      const bool is_stop = stop.count(term) != 0;
      if (stemmer && !is_stop) {
        std::string stem;
        stemmer->stem(term, stem);
        if (!stem.empty()) term.swap(stem);
      }
      auto [it, inserted] = ids.try_emplace(term, static_cast<std::uint32_t>(a.vocabulary.folded.size()));
      if (inserted) {
        a.vocabulary.folded.push_back(term);
        a.vocabulary.first.push_back(ws);
        a.vocabulary.first_length.push_back(static_cast<std::uint32_t>(surface));
        a.vocabulary.stopword.push_back(is_stop);
        a.vocabulary.numeric.push_back(std::all_of(term.begin(), term.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }));
      }
      st.sequence.push_back(it->second);
      if (!a.vocabulary.stopword[it->second]) ids_in_sentence.push_back(it->second);
    }
    std::sort(ids_in_sentence.begin(), ids_in_sentence.end());
    for (std::size_t k = 0; k < ids_in_sentence.size();) {
      std::size_t j = k;
      while (j < ids_in_sentence.size() && ids_in_sentence[j] == ids_in_sentence[k]) ++j;
      st.counts.emplace_back(ids_in_sentence[k], static_cast<std::uint32_t>(j - k));
      k = j;
    }
    a.words += st.words;
  }
  return a;
}

}  // namespace precis::terms
