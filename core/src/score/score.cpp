#include "score/score.hpp"

#include <algorithm>
#include <cmath>

#include "score/algorithms.hpp"

namespace precis::score {
namespace {

// Weights of the auto score: score = kCentrality * centrality + kPosition * prior.
// Set by hand on the dev halves of ../shared/eval/summ (CNN/DM and BBC); the tuned
// combination is the subject of the evaluation harness.
constexpr double kCentrality = 1.0;
constexpr double kPosition = 0.6;
// Sentences with fewer content terms than this are damped proportionally.
constexpr double kShortTerms = 6.0;

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

Scored score_sentences(const terms::Analysis& a, const std::vector<bool>& eligible, Algorithm algorithm) {
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
    return out;
  }
  double centroid2 = 0;
  for (double c : centroid) centroid2 += c * c;

  std::size_t rank = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    const double prior = 1.0 / std::sqrt(1.0 + static_cast<double>(rank));
    ++rank;
    if (algorithm == Algorithm::kLead) {
      out.scores[s] = prior;
      continue;
    }
    const SparseVector& v = out.vectors[s];
    double centrality = 0;
    if (!v.empty()) {
      // Cosine with the centroid of the *other* sentences: (c - v) . v / |c - v|.
      double vc = 0;
      for (const auto& [term, w] : v) vc += w * centroid[term];
      const double rest2 = centroid2 - 2 * vc + 1.0;
      if (rest2 > 1e-12) centrality = std::max(0.0, (vc - 1.0) / std::sqrt(rest2));
    }
    const double terms_here = static_cast<double>(a.sentences[s].counts.size());
    const double damp = std::min(1.0, terms_here / kShortTerms);
    out.scores[s] = damp * (kCentrality * centrality + kPosition * prior);
  }
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
