#include "select/select.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

namespace precis::select {
namespace {
// A sentence this similar (cosine) to one already chosen is left out while others remain.
constexpr double kMaxSimilarity = 0.65;
// Redundancy penalty (maximal marginal relevance): a candidate's score minus
// kRedundancy x its highest cosine with the sentences chosen so far.
constexpr double kRedundancy = 0.1;
// Each candidate is compared with at most this many chosen sentences (the first ones,
// which are the best): the check stays linear however long the summary.
constexpr std::size_t kMaxComparisons = 64;

struct Candidate {
  double score;         // score minus the redundancy penalty known so far
  std::size_t sentence;
  std::size_t checked;  // how many chosen sentences the penalty accounts for
};
struct Worse {
  bool operator()(const Candidate& x, const Candidate& y) const {
    return x.score != y.score ? x.score < y.score : x.sentence > y.sentence;
  }
};
}  // namespace

std::vector<std::size_t> choose(const score::Scored& scored, const std::vector<bool>& eligible,
                                const std::vector<std::uint32_t>& cost, const Options& options,
                                std::vector<double>* redundancy) {
  const std::size_t n = eligible.size();
  if (redundancy) redundancy->assign(n, 0.0);
  std::priority_queue<Candidate, std::vector<Candidate>, Worse> queue;
  std::size_t count = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (!eligible[s]) continue;
    queue.push({scored.scores[s], s, 0});
    ++count;
  }
  if (count == 0) return {};

  std::size_t want = count;  // kWords, kCharacters: bounded by their budget instead
  if (options.budget == Budget::kSentences) {
    want = static_cast<std::size_t>(std::max(1, options.sentences));
  } else if (options.budget == Budget::kRatio) {
    want = static_cast<std::size_t>(std::llround(options.ratio * static_cast<double>(count)));
    want = std::max<std::size_t>(1, want);
  }
  want = std::min(want, count);
  const bool costed = options.budget == Budget::kWords || options.budget == Budget::kCharacters;
  const std::size_t budget = static_cast<std::size_t>(
      std::max(0, options.budget == Budget::kWords ? options.words : options.characters));

  std::vector<std::size_t> chosen, skipped;
  std::size_t used = 0;
  std::size_t best = n;  // the best sentence, for the case that nothing fits
  auto fits = [&](std::size_t s) { return !costed || used + cost[s] <= budget; };
  // Highest cosine with the chosen sentences [from, min(chosen, kMaxComparisons)).
  auto similarity = [&](std::size_t s, std::size_t from, double so_far) {
    const std::size_t to = std::min(chosen.size(), kMaxComparisons);
    for (std::size_t k = from; k < to; ++k) so_far = std::max(so_far, score::dot(scored.vectors[s], scored.vectors[chosen[k]]));
    return so_far;
  };
  std::vector<double> max_similarity(n, 0.0);
  // Lazy greedy: a candidate's penalty only grows as sentences are chosen, so it is
  // brought up to date when it reaches the top and taken if it is still the best.
  // Every candidate is updated at most kMaxComparisons + 1 times.
  while (!queue.empty() && chosen.size() < want) {
    Candidate c = queue.top();
    queue.pop();
    if (best == n) best = c.sentence;
    if (!fits(c.sentence)) continue;
    const std::size_t known = std::min(chosen.size(), kMaxComparisons);
    if (c.checked < known) {
      max_similarity[c.sentence] = similarity(c.sentence, c.checked, max_similarity[c.sentence]);
      c.score = scored.scores[c.sentence] - kRedundancy * max_similarity[c.sentence];
      c.checked = known;
      if (!queue.empty() && Worse{}(c, queue.top())) {
        queue.push(c);
        continue;
      }
    }
    if (max_similarity[c.sentence] > kMaxSimilarity) {
      skipped.push_back(c.sentence);
      continue;
    }
    if (redundancy) (*redundancy)[c.sentence] = -kRedundancy * max_similarity[c.sentence];
    chosen.push_back(c.sentence);
    used += cost[c.sentence];
  }
  // Fill up with the near-duplicates if nothing else was left.
  for (std::size_t s : skipped) {
    if (chosen.size() >= want) break;
    if (!fits(s)) continue;
    if (redundancy) (*redundancy)[s] = -kRedundancy * max_similarity[s];
    chosen.push_back(s);
    used += cost[s];
  }
  if (chosen.empty()) chosen.push_back(best);  // one sentence over the word budget
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace precis::select
