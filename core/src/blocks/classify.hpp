// Stage 2, continued: what each block is -- headline, byline, caption, body paragraph,
// author bio, promo, footer... -- from the evidence a reader uses: where the block
// stands (before the body, inside it, after it), its length and punctuation, its
// capitalization (tag lines of run-together names), parenthesized agency credits,
// dates, per-language cue phrases (core/data/boilerplate/<lang>.txt: "by", "Read more",
// "Subscribe", "All rights reserved", "is a senior editor"), repeated short lines, and
// for HTML input the element, its class words and its link density.
#pragma once

#include <string_view>
#include <vector>

#include "blocks/blocks.hpp"

namespace precis::blocks {

// "paragraph", "title", ... (see BlockType).
std::string_view block_type_name(BlockType type);

// Body text: the only blocks whose sentences a summary may take.
bool is_body(BlockType type);

// Sets every block's type. `language` picks the cue phrases (merged with English's).
// Linear in the text.
void classify(std::string_view text, std::vector<Block>& blocks, std::string_view language);

}  // namespace precis::blocks
