#include "select/select.hpp"

#include <algorithm>
#include <cmath>

namespace precis::select {
namespace {
constexpr double kMaxSimilarity = 0.65;
constexpr std::size_t kMaxComparisons = 64;
}  // namespace

std::vector<std::size_t> choose(const score::Scored& scored, const std::vector<bool>& eligible,
                                const std::vector<std::uint32_t>& cost, const Options& options) {
  std::vector<std::size_t> order;
  for (std::size_t s = 0; s < eligible.size(); ++s) {
    if (eligible[s]) order.push_back(s);
  }
  if (order.empty()) return {};
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return scored.scores[x] > scored.scores[y]; });

  std::size_t want = order.size();  // kWords, kCharacters: bounded by their budget instead
  if (options.budget == Budget::kSentences) {
    want = static_cast<std::size_t>(std::max(1, options.sentences));
  } else if (options.budget == Budget::kRatio) {
    want = static_cast<std::size_t>(std::llround(options.ratio * static_cast<double>(order.size())));
    want = std::max<std::size_t>(1, want);
  }
  want = std::min(want, order.size());
  const bool costed = options.budget == Budget::kWords || options.budget == Budget::kCharacters;
  const std::size_t budget = static_cast<std::size_t>(
      std::max(0, options.budget == Budget::kWords ? options.words : options.characters));

  std::vector<std::size_t> chosen, skipped;
  std::size_t used = 0;
  auto fits = [&](std::size_t s) { return !costed || used + cost[s] <= budget; };
  auto redundant = [&](std::size_t s) {
    std::size_t n = std::min(chosen.size(), kMaxComparisons);
    for (std::size_t k = 0; k < n; ++k) {
      if (score::dot(scored.vectors[s], scored.vectors[chosen[k]]) > kMaxSimilarity) return true;
    }
    return false;
  };
  for (std::size_t s : order) {
    if (chosen.size() >= want) break;
    if (!fits(s)) continue;
    if (redundant(s)) {
      skipped.push_back(s);
      continue;
    }
    chosen.push_back(s);
    used += cost[s];
  }
  // Fill up with the near-duplicates if nothing else was left.
  for (std::size_t s : skipped) {
    if (chosen.size() >= want) break;
    if (!fits(s)) continue;
    chosen.push_back(s);
    used += cost[s];
  }
  if (chosen.empty()) chosen.push_back(order.front());  // one sentence over the word budget
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace precis::select
