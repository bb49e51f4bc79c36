// Key phrases, YAKE-style: the word features of Campos et al., "YAKE! Keyword extraction
// from single documents using multiple local features" (Information Sciences 509,
// 2020), our own implementation, with our own phrase score and duplicate removal.
//
// Why YAKE and not TextRank: both are unsupervised and need one document only, but
//  - YAKE's features are counts taken in one pass over the tokens: linear, with no
//    power iteration over a co-occurrence graph and no convergence threshold;
//  - it scores n-grams from the scores of their words and their own frequency, where
//    TextRank ranks words and glues phrases together afterwards (and favours frequent
//    single words: the topic word over "security guarantees");
//  - its casing feature finds proper nouns ("Marco Rubio", "Andriy Yermak"), the key
//    phrases of news, in every cased script, and costs nothing in the others;
//  - its relatedness feature (how varied a word's neighbours are) marks function words,
//    which gives a fallback for languages without a stopword list.
//
// Word score, per content term t (not a stopword, not a number), over the eligible
// sentences (lower is better):
//   Case = max(TF_upper, TF_acronym) / (1 + ln TF)   TF_upper: capitalized, not first in its sentence
//   Pos  = ln(3 + median rank of the sentences holding t)
//   Freq = TF / (mean TF + stddev TF)                over the content terms
//   Rel  = 1 + (WL + WR) * TF / max TF               WL: distinct left neighbours / left co-occurrences
//   Diff = sentences holding t / eligible sentences
//   S(t) = Rel * Pos / (Case + Freq / Rel + Diff / Rel)
// YAKE's Pos is ln(ln(3 + median)), which weighs the first sentence (a title in its data
// sets) ten times the tenth; a news lede matters, but not that much, hence one log.
//
// Phrase score, per candidate p with content terms t_1..t_n and TF(p) occurrences:
//   q(t)     = S(t) / (1 + S(t))                     YAKE's single-word score is q(t) / TF(t)
//   cohesion = geometric mean of TF(p) / TF(t_i)     the share of its words' uses that p accounts for
//   S(p)     = geometric mean of q(t_i) / (TF(p) * cohesion) * (n > 1 ? 1/2 : 1)
// For one word this is YAKE's score. YAKE's own n-gram score, prod S / (TF (1 + sum S)),
// depends on the scale of S (below 1 it favours any longer n-gram, above 1 any shorter
// one); the geometric mean does not, and the cohesion keeps "told CNN" and "Frank Jordan
// told" out while a phrase that accounts for most uses of its words ("security
// guarantees") beats them. The score reported is S(best) / S(p), in (0, 1].
//
// Candidates are runs of one to three tokens of a sentence (see keyphrases.hpp). Phrases
// of two or more tokens are ranked when seen twice. Duplicates go by term sets, best
// first: a phrase whose content terms are all in a chosen one is dropped; a chosen
// phrase is shown in a longer form that accounts for half its uses and whose other words
// occur mostly inside it ("guarantees" -> "security guarantees", "Hubble Space" + "Space
// Telescope" -> "Hubble Space Telescope"), or, for a single word, in the capitalized
// name it ends at its first mention, when the name's other words occur mostly there
// ("Rubio" -> "Marco Rubio"; not "Ukraine" -> "Prioritized Ukraine", which "Requirements
// List" continues, nor "Trump" -> "President Donald Trump", "President" being frequent
// on its own, nor "Jordan" -> "Frank Jordan" when "Louis Jordan" is in the story too).
// Other supersets of a chosen phrase ("Zelensky confirmed") are dropped.
//
// Stopwords: the language's list; without one (a language we have none for), frequent
// or short words that are never capitalized and whose neighbours on both sides are
// varied; in every language, words always next to a number ("Sept. 20", "10 percent").
//
// Cost: two passes over the tokens with hash tables (term pairs, candidate n-grams: at
// most three per token), a sort of the names, then a partial sort of the candidates and,
// per candidate taken, a pass over the chosen ones and the names ending with it: about
// linear in the tokens for a fixed limit.
#include "score/keyphrases.hpp"

#include <algorithm>
#include <span>
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "terms/words.hpp"
#include "unicode/unicode.hpp"

namespace precis::score {
namespace {

using terms::kNoTerm;
using terms::Token;

constexpr std::size_t kMaxTokens = 3;
constexpr double kPhraseBonus = 0.5;  // S(p) factor for two or more content words

// What lies between a token and the next one of its sentence.
enum class Gap : std::uint8_t {
  kBreak,    // punctuation or anything else; also after the last token
  kSpace,    // white space only
  kHyphen,   // one hyphen, no space: "Zelensky-Trump"
  kOverlap,  // overlapping character bigrams of one ideographic run
};

// 16 bytes: one per token of the text, so its size is most of this stage's memory.
struct TokenInfo {
  std::uint32_t token;     // its index in Analysis::tokens (where it is in the text)
  std::uint32_t term;
  std::uint32_t sentence;  // rank among the eligible sentences
  std::uint8_t trailing : 3;  // bytes of an English "'s" that the analysis removed (0, 2, 4)
  std::uint8_t kind : 2;      // Token::Kind
  bool initial : 1;           // the first token of its sentence
  bool upper : 1;             // its first letter is upper (or title) case
  bool acronym : 1;           // two or more letters, all upper case
  Gap gap;                    // to the next token
};
static_assert(sizeof(TokenInfo) == 16 && Token::kComplex < 4);

struct TermStats {
  std::uint32_t tf = 0, upper = 0, lower = 0, acronym = 0, sentences = 0;
  std::uint32_t left = 0, right = 0;                    // co-occurrences with a neighbour
  std::uint32_t left_distinct = 0, right_distinct = 0;  // distinct neighbours
  std::uint32_t by_number = 0;                          // occurrences next to a number
  std::uint32_t last_sentence = 0xFFFFFFFFu;
  bool word = false;  // seen as a word token (not a bigram or a complex-script run)
};

using Key = std::array<std::uint32_t, kMaxTokens>;  // term ids, kNoTerm-padded

struct KeyHash {
  std::size_t operator()(const Key& k) const {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (std::uint32_t x : k) {
      h ^= x;
      h *= 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    return static_cast<std::size_t>(h);
  }
};

struct Group {
  Key key;
  std::uint8_t n = 0;          // tokens
  std::uint8_t n_content = 0;  // distinct content terms
  std::array<std::uint32_t, kMaxTokens> content{};  // sorted
  std::uint32_t tf = 0;        // occurrences
  std::uint32_t first = 0;     // token index of the first occurrence
  std::uint32_t rep = 0;       // token index of the representative occurrence
  bool rep_mid = false;        // rep is not at the start of its sentence
  bool name = false;           // once a whole capitalized run, or its end (see below)
  bool glue = false;           // a stopword or number inside
  bool ideographic = false;
  // Ideographic phrases: the token before (kNoTerm: none, a boundary) of the first
  // occurrence, and whether another occurrence had another; the same after.
  std::uint32_t before = 0, after = 0;
  bool before_varies = false, after_varies = false;
  double raw = 0;              // S(p), lower is better
};

Gap gap_between(std::string_view text, const Token& a, const Token& b) {
  if (b.start < a.end) return Gap::kOverlap;
  if (b.start == a.end) return Gap::kBreak;
  int hyphens = 0;
  bool space = false;
  for (std::size_t i = a.end; i < b.start;) {
    const char32_t cp = unicode::next(text, i);
    if (unicode::is_space(cp)) space = true;
    else if (cp == U'-' || cp == 0x2010 || cp == 0x2011) ++hyphens;
    else return Gap::kBreak;
  }
  if (hyphens == 0) return Gap::kSpace;
  return hyphens == 1 && !space ? Gap::kHyphen : Gap::kBreak;
}

void casing(std::string_view text, const Token& t, bool* upper, bool* acronym) {
  *upper = *acronym = false;
  if (t.kind != Token::kWord) return;
  int letters = 0;
  bool all_upper = true;
  for (std::size_t i = t.start; i < t.end;) {
    const char32_t cp = unicode::next(text, i);
    if (!unicode::is_letter(cp)) continue;
    const bool u = unicode::is_upper(cp);
    if (letters++ == 0) *upper = u;
    all_upper = all_upper && u;
  }
  *acronym = letters >= 2 && all_upper;
}

// Bytes of an English possessive ending "'s" / "’s" that the analysis dropped, else 0.
// The token's own bytes first: they are at hand, where the folded form is a string
// elsewhere in memory (a cache miss per token at 1 MB).
std::uint8_t possessive_bytes(std::string_view text, const Token& t, const std::string& folded) {
  const std::string_view w = text.substr(t.start, t.end - t.start);
  if (w.size() < 3 || (w.back() != 's' && w.back() != 'S')) return 0;
  std::uint8_t bytes = 0;
  if (w[w.size() - 2] == '\'') bytes = 2;
  else if (w.size() >= 5 && w.substr(w.size() - 4, 3) == "\xE2\x80\x99") bytes = 4;
  if (bytes && folded.find('\'') != std::string::npos) return 0;  // kept by the analysis
  return bytes;
}

// Phrase key -> group index: open addressing with linear probing, the keys inline (a
// std::unordered_map allocates a node per phrase), kept at most half full.
class KeyIndex {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;
  explicit KeyIndex(std::size_t expected) { grow(capacity_for(expected)); }

  std::uint32_t find(const Key& key) const {
    for (std::size_t i = KeyHash{}(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].value == kMissing) return kMissing;
      if (slots_[i].key == key) return slots_[i].value;
    }
  }
  // The value stored for key, after storing `value` if key was new.
  std::uint32_t insert(const Key& key, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) grow(slots_.size() * 2);
    for (std::size_t i = KeyHash{}(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].value == kMissing) {
        slots_[i] = {key, value};
        ++size_;
        return value;
      }
      if (slots_[i].key == key) return slots_[i].value;
    }
  }

 private:
  struct Slot {
    Key key;
    std::uint32_t value = kMissing;
  };
  static std::size_t capacity_for(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    return capacity;
  }
  void grow(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.value == kMissing) continue;
      std::size_t i = KeyHash{}(slot.key) & mask_;
      while (slots_[i].value != kMissing) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

bool subset(const Group& a, const Group& b) {  // the content terms of a are all in b
  return std::includes(b.content.begin(), b.content.begin() + b.n_content, a.content.begin(),
                       a.content.begin() + a.n_content);
}

bool intersects(const Group& a, const Group& b) {
  for (std::uint8_t i = 0; i < a.n_content; ++i) {
    if (std::binary_search(b.content.begin(), b.content.begin() + b.n_content, a.content[i])) return true;
  }
  return false;
}

}  // namespace

std::vector<Keyphrase> keyphrases(std::string_view text, const std::vector<segment::Span>& sentences,
                                  const terms::Analysis& analysis, const std::vector<bool>& eligible,
                                  std::size_t limit) {
  std::vector<Keyphrase> out;
  const auto& vocab = analysis.vocabulary;
  const std::size_t n_terms = vocab.folded.size();
  const std::size_t n_sentences = std::min({sentences.size(), analysis.sentences.size(), eligible.size()});
  if (limit == 0 || n_terms == 0 || n_terms >= kNoTerm) return out;  // term ids are 32-bit

  // ---- 1. Tokens of the eligible sentences, with their term ids -------------------------
  // terms::analyze keeps every sentence's tokens: token k of a sentence has term
  // sequence[k].
  std::vector<TokenInfo> tokens;
  {
    std::size_t n_tokens = 0;  // exactly, so that the vector never grows by doubling
    for (std::size_t s = 0; s < n_sentences; ++s) n_tokens += eligible[s] ? analysis.sentences[s].sequence.size() : 0;
    tokens.reserve(n_tokens);
  }
  std::uint32_t rank = 0;
  for (std::size_t s = 0; s < n_sentences; ++s) {
    if (!eligible[s]) continue;
    const auto& seq = analysis.sentences[s].sequence;
    const std::size_t first = analysis.sentences[s].first_token;
    if (seq.empty() || first + seq.size() > analysis.tokens.size()) continue;  // not this text's analysis
    const std::span<const Token> in_sentence(analysis.tokens.data() + first, seq.size());
    for (std::size_t k = 0; k < in_sentence.size(); ++k) {
      const Token& t = in_sentence[k];
      TokenInfo info{};
      info.token = static_cast<std::uint32_t>(first + k);
      info.term = seq[k] < n_terms ? seq[k] : kNoTerm;
      info.sentence = rank;
      info.trailing = info.term == kNoTerm ? 0 : possessive_bytes(text, t, vocab.folded[info.term]);
      info.kind = t.kind;
      info.initial = k == 0;
      bool upper = false, acronym = false;
      casing(text, t, &upper, &acronym);
      info.upper = upper;
      info.acronym = acronym;
      info.gap = Gap::kBreak;
      // Complex-script runs (Thai, ...) stand alone: they are not words.
      if (k + 1 < in_sentence.size() && t.kind != Token::kComplex && in_sentence[k + 1].kind != Token::kComplex) {
        info.gap = gap_between(text, t, in_sentence[k + 1]);
      }
      tokens.push_back(info);
    }
    ++rank;
  }
  const std::uint32_t n_eligible = rank;
  if (tokens.empty()) return out;
  auto joined_to_next = [&](std::size_t k) { return tokens[k].gap != Gap::kBreak && k + 1 < tokens.size(); };

  // ---- 2. Term statistics ---------------------------------------------------------------
  std::vector<TermStats> stats(n_terms);
  {
    auto is_number = [&](std::size_t k) { return tokens[k].term != kNoTerm && vocab.numeric[tokens[k].term]; };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const TokenInfo& t = tokens[k];
      if (t.term == kNoTerm) continue;
      TermStats& st = stats[t.term];
      ++st.tf;
      if (t.upper && !t.initial) ++st.upper;
      if (t.kind == Token::kWord && !t.upper) ++st.lower;
      if (t.acronym) ++st.acronym;
      if (t.kind == Token::kWord) st.word = true;
      if (st.last_sentence != t.sentence) {
        st.last_sentence = t.sentence;
        ++st.sentences;
      }
      // Next to a number in the same sentence, across punctuation ("Sept. 20") but not
      // a hyphen ("COVID-19").
      const bool same_before = k > 0 && !t.initial;
      const bool same_after = k + 1 < tokens.size() && !tokens[k + 1].initial;
      if ((same_before && tokens[k - 1].gap != Gap::kHyphen && is_number(k - 1)) ||
          (same_after && t.gap != Gap::kHyphen && is_number(k + 1))) {
        ++st.by_number;
      }
      if (k > 0 && joined_to_next(k - 1) && tokens[k - 1].term != kNoTerm) {
        ++st.left;
      }
      if (joined_to_next(k) && tokens[k + 1].term != kNoTerm) {
        ++st.right;
      }
    }
    // Distinct neighbours: each term's neighbours bucketed by term (a counting sort),
    // then counted with a stamp per neighbour term. Linear, and every array touched at
    // random is one entry per term (small, in cache), unlike a set of all pairs.
    std::vector<std::uint32_t> offset(n_terms + 1), neighbours, stamp(n_terms, kNoTerm);
    for (const bool left : {true, false}) {
      offset[0] = 0;
      for (std::size_t t = 0; t < n_terms; ++t) offset[t + 1] = offset[t] + (left ? stats[t].left : stats[t].right);
      neighbours.resize(offset[n_terms]);
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::uint32_t term = tokens[k].term;
        if (term == kNoTerm) continue;
        if (left && k > 0 && joined_to_next(k - 1) && tokens[k - 1].term != kNoTerm) {
          neighbours[offset[term]++] = tokens[k - 1].term;
        } else if (!left && joined_to_next(k) && tokens[k + 1].term != kNoTerm) {
          neighbours[offset[term]++] = tokens[k + 1].term;
        }
      }
      // offset[t] now ends term t's bucket, which starts where term t - 1's ends.
      std::fill(stamp.begin(), stamp.end(), kNoTerm);
      std::uint32_t from = 0;
      for (std::uint32_t t = 0; t < n_terms; ++t) {
        std::uint32_t distinct = 0;
        for (std::uint32_t i = from; i < offset[t]; ++i) {
          if (stamp[neighbours[i]] != t) {
            stamp[neighbours[i]] = t;
            ++distinct;
          }
        }
        (left ? stats[t].left_distinct : stats[t].right_distinct) = distinct;
        from = offset[t];
      }
    }
  }

  // Content terms: not stopwords, not numbers, not always next to a number (units and
  // dates: "Sept. 20", "10 percent"). Without a stopword list, function words are told
  // by their statistics: words never capitalized inside a sentence, seen in two
  // sentences, with varied neighbours on both sides (half of them distinct at least),
  // short (four characters at most) or seen three times ("the", "of", "said", "would").
  std::vector<bool> content(n_terms, false);
  const bool has_list = std::find(vocab.stopword.begin(), vocab.stopword.end(), true) != vocab.stopword.end();
  auto short_word = [&](std::size_t t) {
    const std::string& w = vocab.folded[t];
    std::size_t chars = 0;
    for (unsigned char c : w) chars += (c & 0xC0) != 0x80;
    return chars <= 4;
  };
  for (std::size_t t = 0; t < n_terms; ++t) {
    const TermStats& st = stats[t];
    if (st.tf == 0 || vocab.stopword[t] || vocab.numeric[t]) continue;
    if (st.tf >= 2 && st.by_number == st.tf) continue;
    if (!has_list && st.word && st.upper == 0 && st.acronym == 0 && st.sentences >= 2 && (st.tf >= 3 || short_word(t)) &&
        st.left + st.right > 0 && 2 * st.left_distinct >= st.left && 2 * st.right_distinct >= st.right) {
      continue;
    }
    content[t] = true;
  }

  // ---- 3. Word scores: q(t) = S(t) / (1 + S(t)) ------------------------------------------------
  double sum = 0, sum2 = 0, max_tf = 0;
  std::size_t n_content = 0;
  for (std::size_t t = 0; t < n_terms; ++t) {
    if (!content[t]) continue;
    const double tf = stats[t].tf;
    sum += tf;
    sum2 += tf * tf;
    max_tf = std::max(max_tf, tf);
    ++n_content;
  }
  if (n_content == 0) return out;
  const double mean = sum / static_cast<double>(n_content);
  const double stddev = std::sqrt(std::max(0.0, sum2 / static_cast<double>(n_content) - mean * mean));
  // Median rank of the sentences holding each term: the middle one or two of its
  // sentences, found in a second pass (sentences come in rank order).
  std::vector<double> median(n_terms, 0.0);
  {
    std::vector<std::uint32_t> seen(n_terms, 0);
    for (auto& st : stats) st.last_sentence = 0xFFFFFFFFu;
    for (const TokenInfo& t : tokens) {
      if (t.term == kNoTerm || !content[t.term]) continue;
      TermStats& st = stats[t.term];
      if (st.last_sentence == t.sentence) continue;
      st.last_sentence = t.sentence;
      const std::uint32_t i = seen[t.term]++;  // this is its i-th sentence
      const std::uint32_t lo = (st.sentences - 1) / 2, hi = st.sentences / 2;
      if (i == lo) median[t.term] += t.sentence / 2.0;
      if (i == hi) median[t.term] += t.sentence / 2.0;
    }
  }
  std::vector<double> q(n_terms, 0.0);
  for (std::size_t t = 0; t < n_terms; ++t) {
    if (!content[t]) continue;
    const TermStats& st = stats[t];
    const double tf = st.tf;
    const double t_case = std::max(st.upper, st.acronym) / (1.0 + std::log(tf));
    const double t_pos = std::log(3.0 + median[t]);
    const double t_freq = tf / (mean + stddev);
    const double wl = st.left ? static_cast<double>(st.left_distinct) / st.left : 0.0;
    const double wr = st.right ? static_cast<double>(st.right_distinct) / st.right : 0.0;
    const double t_rel = 1.0 + (wl + wr) * tf / max_tf;
    const double t_diff = static_cast<double>(st.sentences) / n_eligible;
    const double s = t_rel * t_pos / (t_case + t_freq / t_rel + t_diff / t_rel);
    q[t] = s / (1.0 + s);
  }

  // ---- 4. Candidates, grouped by their term ids -----------------------------------------------
  std::vector<Group> groups;
  groups.reserve(tokens.size() / 4 + 16);  // about one per five tokens in news: no regrowth
  KeyIndex index(std::min<std::size_t>(tokens.size(), std::size_t{1} << 12) + 16);  // no regrowth for short texts
  auto is_content = [&](std::size_t k) { return tokens[k].term != kNoTerm && content[tokens[k].term]; };
  auto two_characters = [&](const TokenInfo& t) {
    const Token& at = analysis.tokens[t.token];
    std::size_t i = at.start;
    unicode::next(text, i);
    return i < at.end;
  };
  // Capitalized as a name: inside a sentence, or first in it but never seen in lower
  // case ("Andriy Yermak, who led ...", not "Officials expect ..." after "officials").
  auto name_like = [&](std::size_t k) {
    return tokens[k].upper && (!tokens[k].initial || stats[tokens[k].term].lower == 0);
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const TokenInfo& first = tokens[k];
    if (!is_content(k)) continue;
    if (k > 0 && tokens[k - 1].gap == Gap::kHyphen) continue;  // inside a hyphenated compound
    const bool ideo = first.kind == Token::kIdeographic;
    bool glue = false;
    bool all_upper = first.upper;
    bool all_names = name_like(k);
    Key key;
    key.fill(kNoTerm);
    for (std::size_t n = 1; n <= kMaxTokens && k + n <= tokens.size(); ++n) {
      const std::size_t j = k + n - 1;
      const TokenInfo& last = tokens[j];
      if (n > 1) {
        const TokenInfo& prev = tokens[j - 1];
        if (last.term == kNoTerm || last.initial) break;
        if (ideo) {
          if (prev.gap != Gap::kOverlap || last.kind != Token::kIdeographic) break;
        } else {
          if (prev.gap != Gap::kSpace && prev.gap != Gap::kHyphen) break;
          if (last.kind == Token::kIdeographic || prev.trailing) break;  // not after "Ukraine's"
        }
      }
      key[n - 1] = last.term;
      if (!is_content(j)) {  // a stopword or a number: only inside
        glue = true;
        continue;
      }
      all_upper = all_upper && last.upper;
      all_names = all_names && name_like(j);
      if (last.gap == Gap::kHyphen) continue;  // would end inside a hyphenated compound
      if (n == 1 && !ideo && !two_characters(first)) continue;
      if (glue && !all_upper) continue;
      const auto next_group = static_cast<std::uint32_t>(groups.size());
      const std::uint32_t at = index.insert(key, next_group);
      if (at == next_group) {
        Group g;
        g.key = key;
        g.n = static_cast<std::uint8_t>(n);
        g.first = g.rep = k;
        g.rep_mid = !first.initial;
        g.glue = glue;
        g.ideographic = ideo;
        std::uint8_t m = 0;
        for (std::size_t i = k; i <= j; ++i) {
          if (is_content(i)) g.content[m++] = tokens[i].term;
        }
        std::sort(g.content.begin(), g.content.begin() + m);
        g.n_content = static_cast<std::uint8_t>(std::unique(g.content.begin(), g.content.begin() + m) - g.content.begin());
        groups.push_back(g);
      }
      Group& g = groups[at];
      if (ideo) {
        const std::uint32_t before = k > 0 && tokens[k - 1].gap == Gap::kOverlap ? tokens[k - 1].term : kNoTerm;
        const std::uint32_t after = tokens[j].gap == Gap::kOverlap ? tokens[j + 1].term : kNoTerm;
        if (g.tf == 0) {
          g.before = before;
          g.after = after;
        }
        g.before_varies = g.before_varies || before != g.before;
        g.after_varies = g.after_varies || after != g.after;
      }
      ++g.tf;
      if (!g.rep_mid && !first.initial) {
        g.rep = k;
        g.rep_mid = true;
      }
      // A name: every content token capitalized, and no capitalized word follows.
      if (n >= 2 && !glue && all_names && !(joined_to_next(j) && tokens[j + 1].upper && is_content(j + 1))) {
        g.name = true;
      }
    }
  }

  // ---- 5. Phrase scores ----------------------------------------------------------------------
  // Ranked: single tokens, and phrases seen twice. A name seen once ("Marco Rubio") is
  // only a form to show for a ranked word ("Rubio").
  std::vector<std::uint32_t> order, names;
  for (std::uint32_t i = 0; i < groups.size(); ++i) {
    Group& g = groups[i];
    if (g.n_content == 0) continue;
    double log_q = 0, log_share = 0;
    for (std::uint8_t c = 0; c < g.n_content; ++c) {
      const std::uint32_t t = g.content[c];
      log_q += std::log(q[t]);
      log_share += std::log(static_cast<double>(g.tf) / stats[t].tf);
    }
    const double geo_q = std::exp(log_q / g.n_content);
    const double cohesion = std::exp(log_share / g.n_content);
    g.raw = geo_q / (g.tf * cohesion) * (g.n_content > 1 ? kPhraseBonus : 1.0);
    // Character strings of Chinese or Japanese are words when their context varies or
    // ends, on both sides: not "化问题", always after "变" in "气候变化问题".
    if (g.ideographic && !((g.before_varies || g.before == kNoTerm) && (g.after_varies || g.after == kNoTerm))) {
      continue;
    }
    if (g.n == 1 || g.tf >= 2) order.push_back(i);
    if (g.name) names.push_back(i);
  }
  // Names by their last term, for name_for.
  auto last_term = [&](std::uint32_t i) { return groups[i].key[groups[i].n - 1]; };
  std::sort(names.begin(), names.end(), [&](std::uint32_t x, std::uint32_t y) {
    return last_term(x) != last_term(y) ? last_term(x) < last_term(y) : x < y;
  });
  auto better = [&](std::uint32_t x, std::uint32_t y) {
    const Group& a = groups[x];
    const Group& b = groups[y];
    if (a.raw != b.raw) return a.raw < b.raw;
    const std::size_t a_start = analysis.tokens[tokens[a.first].token].start;
    const std::size_t b_start = analysis.tokens[tokens[b.first].token].start;
    if (a_start != b_start) return a_start < b_start;
    return a.n < b.n;  // same start, same score: the shorter
  };

  // ---- 6. Selection: best first, without duplicates ------------------------------------------
  // The other words of c (not in a) occur mostly inside c: half the time at least.
  auto bound = [&](const Group& a, const Group& c) {
    for (std::uint8_t i = 0; i < c.n_content; ++i) {
      const std::uint32_t w = c.content[i];
      if (!std::binary_search(a.content.begin(), a.content.begin() + a.n_content, w) && 2 * c.tf < stats[w].tf) {
        return false;
      }
    }
    return true;
  };
  // c, a ranked phrase holding the content terms of a better a, may stand for it; a name
  // only for a name ("Frank Jordan", not "Frank Jordan told").
  auto longer_form = [&](const Group& a, const Group& c) {
    return c.tf >= 2 && 2 * c.tf >= a.tf && (!a.name || c.name) && bound(a, c);
  };
  // The ranked phrase joining overlapping a and b ("Hubble Space" + "Space Telescope")
  // that may stand for both, or null.
  auto joined = [&](const Group& a, const Group& b) -> const Group* {
    for (int pass = 0; pass < 2; ++pass) {
      const Group& x = pass ? b : a;
      const Group& y = pass ? a : b;
      for (std::size_t o = 1; o < x.n && o < y.n && x.n + y.n - o <= kMaxTokens; ++o) {
        if (!std::equal(x.key.begin() + (x.n - o), x.key.begin() + x.n, y.key.begin())) continue;
        Key key = x.key;
        std::copy(y.key.begin() + o, y.key.begin() + y.n, key.begin() + x.n);
        const std::uint32_t at = index.find(key);
        if (at == KeyIndex::kMissing) continue;
        const Group& u = groups[at];
        if (longer_form(a, u) && longer_form(b, u)) return &u;
      }
    }
    return nullptr;
  };
  // The name that a single word a ends where it first occurs, whose other words occur
  // mostly inside it: news names a person in full at the first mention ("Marco Rubio",
  // then "Rubio"), and a word first met alone is shown alone ("England", not "Tudor
  // England" from later on). The shortest such name, then the most frequent; a itself
  // when another name ending with a (not a part of the first) is half as frequent
  // ("Frank Jordan" and "Louis Jordan": "Jordan"; "Stan Freberg" over "Donna Freberg").
  std::vector<std::uint32_t> endings;
  auto name_for = [&](std::uint32_t a) {
    const Group& w = groups[a];
    if (w.n != 1 || w.ideographic) return a;
    endings.clear();
    std::uint32_t best = a;
    auto from = std::partition_point(names.begin(), names.end(), [&](std::uint32_t i) { return last_term(i) < w.key[0]; });
    for (auto it = from; it != names.end() && last_term(*it) == w.key[0]; ++it) {
      const std::uint32_t i = *it;
      const Group& c = groups[i];
      if (c.n_content < 2 || !bound(w, c)) continue;  // not "Bangkok Bangkok"
      endings.push_back(i);
      if (c.first + c.n - 1 != w.first) continue;
      const Group& b = groups[best];
      if (best == a || (c.n != b.n ? c.n < b.n : c.tf != b.tf ? c.tf > b.tf : c.first < b.first)) best = i;
    }
    if (best == a) return a;
    const Group& b = groups[best];
    for (std::uint32_t i : endings) {
      const Group& c = groups[i];
      const Group& shorter = b.n <= c.n ? b : c;
      const Group& longer = b.n <= c.n ? c : b;
      const bool nested =
          std::equal(shorter.key.begin(), shorter.key.begin() + shorter.n, longer.key.begin() + (longer.n - shorter.n));
      if (!nested && 2 * c.tf >= b.tf) return a;
    }
    return best;
  };

  struct Chosen {
    std::uint32_t ranked;  // the group ranked
    std::uint32_t shown;   // the group shown: it, or a longer form
    double raw;            // the score of the one ranked
  };
  // Phrases taken later can change the ones before (a longer form, a name that holds
  // them), so the selection always runs to kPool phrases at least: for any limit up to
  // kPool the list is the head of the same list.
  constexpr std::size_t kPool = 32;
  const std::size_t pool = std::max(limit, kPool);
  std::vector<Chosen> chosen;
  std::size_t sorted = 0;
  for (std::size_t i = 0; i < order.size() && chosen.size() < pool; ++i) {
    if (i == sorted) {  // sort the next chunk only: linear for a small pool
      const std::size_t next = std::min(order.size(), std::max<std::size_t>(2 * sorted, 8 * pool));
      std::partial_sort(order.begin() + static_cast<std::ptrdiff_t>(sorted),
                        order.begin() + static_cast<std::ptrdiff_t>(next), order.end(), better);
      sorted = next;
    }
    const Group& c = groups[order[i]];
    bool reject = false;
    std::size_t slot = chosen.size();  // the chosen phrase that c stands for, if any
    std::uint32_t shown = order[i];
    // A name seen twice holding a chosen word is a phrase of its own ("Louis Jordan" and
    // "Frank Jordan" after "Jordan"), other phrases that hold one are not.
    auto other_name = [&](const Group& g) { return c.name && c.tf >= 2 && bound(g, c); };
    bool separate = false;  // c holds a chosen word but is another phrase
    for (std::size_t a = 0; a < chosen.size() && !reject; ++a) {
      const Group& g = groups[chosen[a].shown];
      if (subset(c, g)) {
        reject = true;  // nothing new: "Rubio" after "Marco Rubio"
      } else if (subset(g, c)) {
        if (longer_form(g, c)) {
          if (slot == chosen.size()) slot = a;  // "security guarantees" for "guarantees"
        } else if (other_name(g)) {
          separate = true;
        } else {
          reject = true;  // "Zelensky confirmed" after "Zelensky"
        }
      } else if (subset(groups[chosen[a].ranked], c)) {
        // "Zelensky confirmed" after "Zelensky" shown as "Volodymyr Zelensky"
        if (other_name(groups[chosen[a].ranked])) separate = true;
        else reject = true;
      } else if (intersects(c, g)) {
        if (const Group* u = slot == chosen.size() ? joined(g, c) : nullptr) {
          slot = a;
          shown = static_cast<std::uint32_t>(u - groups.data());
        } else if (c.ideographic && g.ideographic) {
          reject = true;  // overlapping character strings
        }
      }
    }
    if (reject) continue;
    if (separate && slot == chosen.size()) {  // the chosen word stays, for both names
      chosen.push_back({order[i], shown, c.raw});
      continue;
    }
    if (slot == chosen.size()) chosen.push_back({order[i], shown, c.raw});
    chosen[slot].shown = name_for(shown);
    // What is shown may hold other chosen phrases ("Britt" in "Britt McHenry"): they go,
    // and it takes the best of their ranks.
    const Group& u = groups[chosen[slot].shown];
    auto held = [&](std::size_t a) { return a != slot && subset(groups[chosen[a].shown], u); };
    for (std::size_t a = 0; a < chosen.size(); ++a) {
      if (held(a)) chosen[slot].raw = std::min(chosen[slot].raw, chosen[a].raw);
    }
    std::size_t w = 0;
    for (std::size_t a = 0; a < chosen.size(); ++a) {
      if (!held(a)) chosen[w++] = chosen[a];
    }
    chosen.resize(w);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const Chosen& x, const Chosen& y) { return x.raw < y.raw; });
  if (chosen.size() > limit) chosen.resize(limit);

  if (chosen.empty()) return out;
  const double best = chosen.front().raw;
  for (const Chosen& ch : chosen) {
    const Group& g = groups[ch.shown];
    const Token& a = analysis.tokens[tokens[g.rep].token];
    const Token& b = analysis.tokens[tokens[g.rep + g.n - 1].token];
    const std::uint8_t trailing = tokens[g.rep + g.n - 1].trailing;
    std::size_t end = b.end - trailing;
    // "U.S." keeps its final period (the token is "U.S").
    if (!trailing && end < text.size() && text[end] == '.' &&
        text.substr(b.start, b.end - b.start).find('.') != std::string_view::npos) {
      ++end;
    }
    out.push_back({a.start, end, std::min(1.0, best / ch.raw)});
  }
  return out;
}

}  // namespace precis::score
