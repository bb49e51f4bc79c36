// Stage 6: scores -> the summary, within a budget.
#pragma once

#include <cstddef>
#include <vector>

#include "precis/precis.hpp"
#include "score/score.hpp"

namespace precis::select {

// Chooses sentences by score within the budget of `options`, skipping a sentence too
// similar (cosine > 0.65) to one already chosen while others are left. Returns indices
// in document order. At least one sentence when any is eligible; never more than there
// are. Linear apart from the bounded redundancy check (at most 64 comparisons each).
std::vector<std::size_t> choose(const score::Scored& scored, const std::vector<bool>& eligible,
                                const std::vector<std::uint32_t>& cost, const Options& options);

}  // namespace precis::select
