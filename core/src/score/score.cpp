#include "score/score.hpp"

#include <algorithm>
#include <cmath>

#include "score/algorithms.hpp"

namespace precis::score {
namespace {

// Weights of the auto score (see score.hpp for the parts), fitted by direct search on
// ROUGE-1 over the dev halves of ../shared/eval/summ, all sets at once, one
// configuration for every set (scripts/tune.mjs; docs/QUALITY.md).
struct AutoWeights {
  double position;       // x 1/sqrt(1 + rank)
  double position_lead;  // x lead strength / sqrt(1 + rank)
  double first;          // x [rank == 0]
  double centrality;
  double keywords;
  double lead;
  double title;
  double length;  // x log(1 + words)
  double quote;
};
constexpr AutoWeights kAutoWeights = {0.925, 0.251, -0.4, 1.525, 0.2, -0.562, 0.525, -0.05, -0.125};

// How many of the document's best terms make up its keyword weight.
constexpr std::size_t kKeywordTerms = 10;

// Inverse sentence frequency over eligible sentences, smoothed.
std::vector<double> inverse_frequencies(const terms::Analysis& a, const std::vector<bool>& eligible, std::size_t* n_out) {
  std::vector<std::uint32_t> df(a.vocabulary.folded.size(), 0);
  std::size_t n = 0;
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    if (!eligible[s]) continue;
    ++n;
    for (const auto& [term, count] : a.sentences[s].counts) ++df[term];
  }
  std::vector<double> idf(df.size(), 0.0);
  for (std::size_t t = 0; t < df.size(); ++t) {
    if (df[t]) idf[t] = std::log((static_cast<double>(n) + 1.0) / (static_cast<double>(df[t]) + 0.5));
  }
  if (n_out) *n_out = n;
  return idf;
}

}  // namespace

double dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else sum += a[i++].second * b[j++].second;
  }
  return sum;
}

bool parse_algorithm(std::string_view name, Algorithm* out) {
  for (std::size_t i = 0; i < std::size(kAlgorithmNames); ++i) {
    if (kAlgorithmNames[i] == name) {
      *out = static_cast<Algorithm>(i);
      return true;
    }
  }
  return false;
}

std::string algorithm_list() {
  std::string list;
  const std::size_t n = std::size(kAlgorithmNames);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) list += i + 1 == n ? " or " : ", ";
    list.push_back('"');
    list.append(kAlgorithmNames[i]);
    list.push_back('"');
  }
  return list;
}

Scored score_sentences(const terms::Analysis& a, const std::vector<bool>& eligible, Algorithm algorithm,
                       const Signals& signals) {
  const std::size_t n = a.sentences.size();
  Scored out;
  out.scores.assign(n, 0.0);
  out.vectors.assign(n, {});
  std::size_t n_eligible = 0;
  const std::vector<double> idf = inverse_frequencies(a, eligible, &n_eligible);

  // Unit TF-IDF vectors and their sum.
  std::vector<double> centroid(idf.size(), 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    SparseVector& v = out.vectors[s];
    double norm2 = 0;
    for (const auto& [term, count] : a.sentences[s].counts) {
      double w = (1.0 + std::log(static_cast<double>(count))) * idf[term];
      if (w <= 0) continue;
      v.emplace_back(term, w);
      norm2 += w * w;
    }
    if (norm2 > 0) {
      const double inv = 1.0 / std::sqrt(norm2);
      for (auto& [term, w] : v) {
        w *= inv;
        centroid[term] += w;
      }
    }
  }
  if (algorithm != Algorithm::kAuto && algorithm != Algorithm::kLead) {
    out.scores = algorithm_scores(algorithm, a, eligible, out.vectors);
    const std::string_view name = kAlgorithmNames[static_cast<std::size_t>(algorithm)];
    out.part_begin.assign(n + 1, 0);
    for (std::size_t s = 0; s < n; ++s) {
      out.part_begin[s] = static_cast<std::uint32_t>(out.parts.size());
      if (eligible[s]) out.parts.push_back({name, out.scores[s]});
    }
    out.part_begin[n] = static_cast<std::uint32_t>(out.parts.size());
    return out;
  }
  double centroid2 = 0;
  for (double c : centroid) centroid2 += c * c;
  out.part_begin.assign(n + 1, 0);

  // Centrality: cosine with the centroid of the *other* sentences, (c - v) . v / |c - v|.
  std::vector<double> centrality(n, 0.0);
  std::ptrdiff_t first = -1;
  std::size_t eligible_count = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    ++eligible_count;
    if (first < 0) first = static_cast<std::ptrdiff_t>(s);
    const SparseVector& v = out.vectors[s];
    if (v.empty()) continue;
    double vc = 0;
    for (const auto& [term, w] : v) vc += w * centroid[term];
    const double rest2 = centroid2 - 2 * vc + 1.0;
    if (rest2 > 1e-12) centrality[s] = std::max(0.0, (vc - 1.0) / std::sqrt(rest2));
  }
  // Lead strength: the share of the other sentences less central than the first one.
  // An article whose first sentence sums it up earns its position prior.
  double lead_strength = 1.0;
  if (eligible_count > 1) {
    std::size_t below = 0;
    for (std::size_t s = 0; s < n; ++s) below += eligible[s] && centrality[s] < centrality[first];
    lead_strength = static_cast<double>(below) / static_cast<double>(eligible_count - 1);
  }
  // Keyword weight: the best terms by frequency x inverse sentence frequency.
  std::vector<double> keyword_weight(idf.size(), 0.0);
  double keyword_total = 0;
  for (const KeywordTerm& k : keywords(a, eligible, kKeywordTerms)) {
    keyword_weight[k.term] = k.score;
    keyword_total += k.score;
  }
  // The title as a unit TF-IDF vector over the body's terms.
  SparseVector title;
  if (signals.title >= 0 && static_cast<std::size_t>(signals.title) < n) {
    double norm2 = 0;
    for (const auto& [term, count] : a.sentences[signals.title].counts) {
      if (idf[term] <= 0) continue;
      title.emplace_back(term, idf[term]);
      norm2 += idf[term] * idf[term];
    }
    for (auto& [term, w] : title) w /= std::sqrt(norm2);
  }
  const SparseVector empty;
  const SparseVector& lead_vector = first >= 0 ? out.vectors[first] : empty;

  const AutoWeights& w = kAutoWeights;
  std::size_t rank = 0;
  for (std::size_t s = 0; s < n; ++s) {
    out.part_begin[s] = static_cast<std::uint32_t>(out.parts.size());
    if (!eligible[s]) continue;
    const double prior = 1.0 / std::sqrt(1.0 + static_cast<double>(rank));
    const bool is_first = rank == 0;
    ++rank;
    if (algorithm == Algorithm::kLead) {
      out.scores[s] = prior;
      out.parts.push_back({"position", prior});
      continue;
    }
    const SparseVector& v = out.vectors[s];
    double covered = 0;
    for (const auto& [term, weight] : v) covered += keyword_weight[term];
    const double keywords_share = keyword_total > 0 ? covered / keyword_total : 0.0;
    const double lead = is_first ? 0.0 : dot(v, lead_vector);
    const double title_similarity = title.empty() ? 0.0 : dot(v, title);
    const double length = std::log(1.0 + static_cast<double>(a.sentences[s].words));
    const double quote = s < signals.quoted.size() && signals.quoted[s] ? 1.0 : 0.0;
#ifdef PRECIS_TUNING
    // Tuning build (scripts/tune.mjs): the raw features, unweighted.
    const Part parts[] = {{"position", prior},        {"position_lead", lead_strength * prior},
                          {"first", is_first ? 1.0 : 0.0}, {"centrality", centrality[s]},
                          {"keywords", keywords_share}, {"lead", lead},
                          {"title", title_similarity},  {"length", length},
                          {"quote", quote}};
#else
    const Part parts[] = {
        {"position", (w.position + w.position_lead * lead_strength) * prior + (is_first ? w.first : 0.0)},
        {"centrality", w.centrality * centrality[s]},
        {"keywords", w.keywords * keywords_share},
        {"lead", w.lead * lead},
        {"title", w.title * title_similarity},
        {"length", w.length * length},
        {"quote", w.quote * quote}};
#endif
    double sum = 0;
    for (const Part& p : parts) {
      if (p.value == 0) continue;  // only the parts that count
      out.parts.push_back(p);
      sum += p.value;
    }
    out.scores[s] = sum;
  }
  out.part_begin[n] = static_cast<std::uint32_t>(out.parts.size());
  return out;
}

std::vector<KeywordTerm> keywords(const terms::Analysis& a, const std::vector<bool>& eligible, std::size_t limit) {
  const std::vector<double> idf = inverse_frequencies(a, eligible, nullptr);
  std::vector<double> tf(idf.size(), 0.0);
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    if (!eligible[s]) continue;
    for (const auto& [term, count] : a.sentences[s].counts) tf[term] += count;
  }
  std::vector<KeywordTerm> all;
  for (std::uint32_t t = 0; t < tf.size(); ++t) {
    if (tf[t] < 2 || a.vocabulary.numeric[t] || a.vocabulary.first_length[t] < 2) continue;
    all.push_back({t, tf[t] * std::max(idf[t], 0.1)});
  }
  auto better = [](const KeywordTerm& x, const KeywordTerm& y) {
    return x.score != y.score ? x.score > y.score : x.term < y.term;
  };
  if (all.size() > limit) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(limit), all.end(), better);
    all.resize(limit);
  } else {
    std::sort(all.begin(), all.end(), better);
  }
  if (!all.empty()) {
    const double top = all.front().score;
    for (auto& k : all) k.score /= top;
  }
  return all;
}

}  // namespace precis::score
