#include "score/algorithms.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <utility>

namespace precis::score {
namespace {

constexpr double kDamping = 0.85;
constexpr double kConvergence = 1e-6;
constexpr int kMaxIterations = 100;
constexpr std::size_t kLuhnGap = 4;  // insignificant words allowed between significant ones

using Edges = std::vector<std::pair<std::uint32_t, double>>;  // (neighbour, weight), by neighbour

std::size_t count_eligible(const std::vector<bool>& eligible) {
  return static_cast<std::size_t>(std::count(eligible.begin(), eligible.end(), true));
}

// The sentence graph: entries[s] lists (term, value) for sentence s, by term id; the
// similarity of s and t is weight(s, t, sum over shared terms of value_s * value_t).
// Built through postings, skipping terms in too many sentences, keeping the
// kMaxNeighbours strongest neighbours of each sentence (ties: the lower index), then
// made symmetric. Cost: sum over sentences of the postings of their terms (bounded).
template <class Weight>
std::vector<Edges> build_graph(const std::vector<std::vector<std::pair<std::uint32_t, double>>>& entries,
                               const std::vector<bool>& eligible, std::size_t vocabulary, Weight weight) {
  const std::size_t n = entries.size();
  const std::size_t n_eligible = count_eligible(eligible);
  std::vector<std::vector<std::pair<std::uint32_t, double>>> postings(vocabulary);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    for (const auto& [term, value] : entries[s]) postings[term].emplace_back(static_cast<std::uint32_t>(s), value);
  }
  const std::size_t cap = std::max(
      kMinPostings,
      std::min(static_cast<std::size_t>(kMaxPostingsShare * static_cast<double>(n_eligible)), kMaxPostings));

  std::vector<std::vector<std::pair<std::uint32_t, double>>> directed(n);
  std::vector<double> acc(n, 0.0);
  std::vector<bool> seen(n, false);
  std::vector<std::uint32_t> touched;
  std::vector<std::pair<std::uint32_t, double>> candidates;
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    touched.clear();
    for (const auto& [term, value] : entries[s]) {
      const auto& list = postings[term];
      if (list.size() > cap) continue;
      for (const auto& [t, other] : list) {
        if (t == s) continue;
        if (!seen[t]) {
          seen[t] = true;
          touched.push_back(t);
        }
        acc[t] += value * other;
      }
    }
    candidates.clear();
    for (std::uint32_t t : touched) {
      const double w = weight(s, t, acc[t]);
      if (w > 0) candidates.emplace_back(t, w);
      acc[t] = 0.0;
      seen[t] = false;
    }
    auto stronger = [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; };
    if (candidates.size() > kMaxNeighbours) {
      std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kMaxNeighbours) - 1,
                       candidates.end(), stronger);
      candidates.resize(kMaxNeighbours);
    }
    directed[s] = candidates;
  }
  // Symmetric: an edge kept by either end. The weight is symmetric (same shared terms,
  // summed in the same term order), so duplicates agree.
  std::vector<Edges> graph(n);
  for (std::size_t s = 0; s < n; ++s) {
    for (const auto& [t, w] : directed[s]) {
      graph[s].emplace_back(t, w);
      graph[t].emplace_back(static_cast<std::uint32_t>(s), w);
    }
  }
  for (Edges& e : graph) {
    std::sort(e.begin(), e.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    e.erase(std::unique(e.begin(), e.end(), [](const auto& x, const auto& y) { return x.first == y.first; }), e.end());
  }
  return graph;
}

// Weighted PageRank over the eligible sentences; dangling mass spread evenly. Scaled
// so that the maximum is 1.
std::vector<double> pagerank(const std::vector<Edges>& graph, const std::vector<bool>& eligible) {
  const std::size_t n = graph.size();
  const std::size_t n_eligible = count_eligible(eligible);
  std::vector<double> rank(n, 0.0), next(n, 0.0), out_weight(n, 0.0);
  if (n_eligible == 0) return rank;
  const double uniform = 1.0 / static_cast<double>(n_eligible);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    rank[s] = uniform;
    for (const auto& [t, w] : graph[s]) out_weight[s] += w;
  }
  for (int it = 0; it < kMaxIterations; ++it) {
    double dangling = 0;
    for (std::size_t s = 0; s < n; ++s) {
      if (eligible[s] && out_weight[s] <= 0) dangling += rank[s];
    }
    const double base = (1.0 - kDamping) * uniform + kDamping * dangling * uniform;
    double change = 0;
    for (std::size_t s = 0; s < n; ++s) {
      if (!eligible[s]) continue;
      double in = 0;
      for (const auto& [t, w] : graph[s]) in += w / out_weight[t] * rank[t];
      next[s] = base + kDamping * in;
      change += std::fabs(next[s] - rank[s]);
    }
    rank.swap(next);
    if (change < kConvergence) break;
  }
  double top = 0;
  for (std::size_t s = 0; s < n; ++s) top = std::max(top, rank[s]);
  if (top > 0) {
    for (double& r : rank) r /= top;
  }
  return rank;
}

// Each term's share of the content term tokens of the eligible sentences.
std::vector<double> term_probabilities(const terms::Analysis& a, const std::vector<bool>& eligible) {
  std::vector<double> p(a.vocabulary.folded.size(), 0.0);
  double total = 0;
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    if (!eligible[s]) continue;
    for (const auto& [term, count] : a.sentences[s].counts) {
      p[term] += count;
      total += count;
    }
  }
  if (total > 0) {
    for (double& x : p) x /= total;
  }
  return p;
}

}  // namespace

std::vector<double> textrank(const terms::Analysis& a, const std::vector<bool>& eligible) {
  const std::size_t n = a.sentences.size();
  std::vector<std::vector<std::pair<std::uint32_t, double>>> entries(n);
  std::vector<double> log_length(n, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    for (const auto& [term, count] : a.sentences[s].counts) entries[s].emplace_back(term, 1.0);
    log_length[s] = std::log(static_cast<double>(std::max<std::uint32_t>(a.sentences[s].words, 1)));
  }
  const auto graph = build_graph(entries, eligible, a.vocabulary.folded.size(), [&](std::size_t s, std::size_t t, double shared) {
    double denominator = log_length[s] + log_length[t];
    if (denominator <= 0) denominator = 1.0;
    return shared / denominator;
  });
  return pagerank(graph, eligible);
}

std::vector<double> lexrank(const terms::Analysis& a, const std::vector<bool>& eligible,
                            const std::vector<SparseVector>& vectors) {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> entries(a.sentences.size());
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    if (eligible[s]) entries[s] = vectors[s];
  }
  const auto graph = build_graph(entries, eligible, a.vocabulary.folded.size(),
                                 [](std::size_t, std::size_t, double cosine) { return cosine; });
  return pagerank(graph, eligible);
}

std::vector<double> centroid(const terms::Analysis& a, const std::vector<bool>& eligible,
                             const std::vector<SparseVector>& vectors) {
  const std::size_t n = a.sentences.size();
  std::vector<double> c(a.vocabulary.folded.size(), 0.0), scores(n, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    for (const auto& [term, w] : vectors[s]) c[term] += w;
  }
  double norm2 = 0;
  for (double x : c) norm2 += x * x;
  if (norm2 <= 0) return scores;
  const double inv = 1.0 / std::sqrt(norm2);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    double d = 0;
    for (const auto& [term, w] : vectors[s]) d += w * c[term];
    scores[s] = d * inv;
  }
  return scores;
}

std::vector<double> sumbasic(const terms::Analysis& a, const std::vector<bool>& eligible) {
  const std::size_t n = a.sentences.size();
  std::vector<double> p = term_probabilities(a, eligible), scores(n, 0.0);
  auto average = [&](std::size_t s) {
    double sum = 0, tokens = 0;
    for (const auto& [term, count] : a.sentences[s].counts) {
      sum += count * p[term];
      tokens += count;
    }
    return tokens > 0 ? sum / tokens : 0.0;
  };
  // Lazy greedy: probabilities only fall, so a queued score is an upper bound; the top
  // entry is taken when it is still current. Ties: the lower index first.
  using Entry = std::pair<double, std::size_t>;
  auto later = [](const Entry& x, const Entry& y) { return x.first != y.first ? x.first < y.first : x.second > y.second; };
  std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later);
  for (std::size_t s = 0; s < n; ++s) {
    if (eligible[s]) queue.emplace(average(s), s);
  }
  std::vector<bool> picked(n, false);
  std::size_t picks = 0;
  while (!queue.empty() && picks < kSumBasicGreedy) {
    const auto [queued, s] = queue.top();
    queue.pop();
    const double now = average(s);
    if (now != queued) {
      queue.emplace(now, s);
      continue;
    }
    scores[s] = now;
    picked[s] = true;
    ++picks;
    for (const auto& [term, count] : a.sentences[s].counts) p[term] *= p[term];
  }
  for (std::size_t s = 0; s < n; ++s) {
    if (eligible[s] && !picked[s]) scores[s] = average(s);
  }
  return scores;
}

std::vector<double> luhn(const terms::Analysis& a, const std::vector<bool>& eligible) {
  const std::size_t n = a.sentences.size();
  std::vector<std::uint32_t> frequency(a.vocabulary.folded.size(), 0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    for (const auto& [term, count] : a.sentences[s].counts) frequency[term] += count;
  }
  auto significant = [&](std::uint32_t term) {
    return term != terms::kNoTerm && !a.vocabulary.stopword[term] && !a.vocabulary.numeric[term] && frequency[term] >= 2;
  };
  std::vector<double> scores(n, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    const auto& seq = a.sentences[s].sequence;
    double best = 0;
    std::size_t first = 0, last = 0, count = 0;  // the open cluster
    auto close = [&] {
      if (count) best = std::max(best, static_cast<double>(count * count) / static_cast<double>(last - first + 1));
    };
    for (std::size_t i = 0; i < seq.size(); ++i) {
      if (!significant(seq[i])) continue;
      if (count && i - last - 1 <= kLuhnGap) {
        last = i;
        ++count;
      } else {
        close();
        first = last = i;
        count = 1;
      }
    }
    close();
    scores[s] = best;
  }
  return scores;
}

std::vector<double> klsum(const terms::Analysis& a, const std::vector<bool>& eligible) {
  const std::size_t n = a.sentences.size();
  const std::vector<double> p = term_probabilities(a, eligible);
  const double log2 = std::log(2.0);
  std::vector<double> scores(n, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    double tokens = 0;
    for (const auto& [term, count] : a.sentences[s].counts) tokens += count;
    // KL(P || Q) with Q = (P_s + P) / 2: log 2 * (1 - P(s's terms)) from the absent
    // terms, plus the terms of s.
    double covered = 0, divergence = 0;
    if (tokens > 0) {
      for (const auto& [term, count] : a.sentences[s].counts) {
        const double q = 0.5 * (count / tokens) + 0.5 * p[term];
        covered += p[term];
        divergence += p[term] * std::log(p[term] / q);
      }
    }
    divergence += log2 * std::max(0.0, 1.0 - covered);
    scores[s] = 1.0 / (1.0 + divergence);
  }
  return scores;
}

std::vector<double> algorithm_scores(Algorithm algorithm, const terms::Analysis& a, const std::vector<bool>& eligible,
                                     const std::vector<SparseVector>& vectors) {
  switch (algorithm) {
    case Algorithm::kTextRank: return textrank(a, eligible);
    case Algorithm::kLexRank: return lexrank(a, eligible, vectors);
    case Algorithm::kCentroid: return centroid(a, eligible, vectors);
    case Algorithm::kSumBasic: return sumbasic(a, eligible);
    case Algorithm::kLuhn: return luhn(a, eligible);
    case Algorithm::kKlSum: return klsum(a, eligible);
    case Algorithm::kAuto:
    case Algorithm::kLead: break;
  }
  return std::vector<double>(a.sentences.size(), 0.0);
}

}  // namespace precis::score
