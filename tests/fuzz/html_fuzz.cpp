// libFuzzer target: HTML to blocks. The markup reader (core/src/html) on the raw bytes,
// held to the contract of html.hpp (the text, its blocks, the document tree, the page's
// metadata), the article stage (core/src/article) on its tree, then the text it shows
// through the blocks stage (core/src/blocks: find_blocks and classify), as summarize
// does with `input: "html"`.
// Input: any bytes, read as an HTML page.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.hpp"
#include "blocks/blocks.hpp"
#include "blocks/classify.hpp"
#include "decode/decode.hpp"
#include "fuzz_check.hpp"
#include "html/html.hpp"
#include "lang/lang.hpp"
#include "segment/segment.hpp"
#include "unicode/unicode.hpp"

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Document::text is the blocks in order, separated by "\n\n"; each block is non-empty,
// starts and ends with a non-space character and holds no "\n\n".
void check_document(std::string_view html, const precis::html::Document& doc) {
  using precis::html::Hint;
  const std::string_view text = doc.text;
  if (doc.blocks.empty()) FUZZ_CHECK(text.empty());
  // Invalid bytes pass through (html.hpp), so only valid input promises valid output.
  const bool valid = precis_fuzz::valid_utf8(html);
  if (valid) FUZZ_CHECK(precis_fuzz::valid_utf8(text) && precis_fuzz::valid_utf8(doc.title_hint));
  std::size_t expect_start = 0;
  for (const auto& b : doc.blocks) {
    FUZZ_CHECK(b.start == expect_start);
    FUZZ_CHECK(b.start < b.end && b.end <= text.size());
    const std::string_view block = text.substr(b.start, b.end - b.start);
    FUZZ_CHECK(!is_ascii_space(block.front()) && !is_ascii_space(block.back()));
    FUZZ_CHECK(block.find("\n\n") == std::string_view::npos);
    if (valid) FUZZ_CHECK(precis_fuzz::on_boundary(text, b.start) && precis_fuzz::on_boundary(text, b.end));
    FUZZ_CHECK(b.link_density >= 0 && b.link_density <= 1);  // false for NaN too
    FUZZ_CHECK(b.hint <= Hint::kForm);
    FUZZ_CHECK(b.flags < (1u << precis::html::cue::kCount));
    FUZZ_CHECK(!precis::html::hint_name(b.hint).empty());
    // The next block starts after the separator.
    expect_start = b.end + 2;
    if (b.end < text.size()) FUZZ_CHECK(text.substr(b.end, 2) == "\n\n");
  }
  if (!doc.blocks.empty()) FUZZ_CHECK(doc.blocks.back().end == text.size());

  // The tree: pre-order (a parent before its children), each subtree a run of nodes
  // that holds its children's runs; blocks point at nodes.
  const std::size_t nodes = doc.nodes.size();
  for (std::size_t i = 0; i < nodes; ++i) {
    const auto& n = doc.nodes[i];
    FUZZ_CHECK(n.last >= i && n.last < nodes);
    if (n.parent >= 0) {
      const auto p = static_cast<std::size_t>(n.parent);
      FUZZ_CHECK(p < i && doc.nodes[p].last >= n.last);
    }
  }
  for (const auto& b : doc.blocks) {
    FUZZ_CHECK(b.node >= -1 && b.node < static_cast<std::int64_t>(nodes));
    FUZZ_CHECK(b.chars <= b.end - b.start);
  }
  const auto& m = doc.meta;
  if (valid) {
    for (const std::string* field : {&m.title, &m.site_name, &m.author, &m.published, &m.lang, &m.article_body}) {
      FUZZ_CHECK(precis_fuzz::valid_utf8(*field));
    }
  }
  FUZZ_CHECK(m.article_body.size() <= 2000 + 4);
}

// The article stage's answer: one flag and one cue mask per block, the root a node, the
// metadata clean (an ISO date or nothing).
void check_article(const precis::html::Document& doc) {
  const precis::article::Region region = precis::article::find(doc);
  if (doc.blocks.empty()) {
    FUZZ_CHECK(region.inside.empty() && !region.found);
  } else {
    FUZZ_CHECK(region.inside.size() == doc.blocks.size() && region.cues.size() == doc.blocks.size());
  }
  FUZZ_CHECK(region.root >= -1 && region.root < static_cast<std::int64_t>(doc.nodes.size()));
  for (std::size_t b = 0; b < region.inside.size(); ++b) {
    FUZZ_CHECK(region.inside[b] <= 1);
    FUZZ_CHECK(region.cues[b] < (1u << precis::html::cue::kCount));
  }
  const precis::article::Metadata meta = precis::article::metadata(doc);
  const std::string& date = meta.published;
  if (!date.empty()) {
    FUZZ_CHECK(date.size() >= 10 && date[4] == '-' && date[7] == '-');
    FUZZ_CHECK(precis::article::iso_date(date) == date);  // already in its final form
  }
  const std::string headline = precis::article::headline(doc);
  FUZZ_CHECK(headline.size() <= std::max(doc.meta.title.size(), doc.title_hint.size()));
}

// The blocks of the text stage: in order, inside the text, on character boundaries.
void check_blocks(std::string_view text, const std::vector<precis::blocks::Block>& blocks) {
  std::size_t last_end = 0;
  for (const auto& b : blocks) {
    FUZZ_CHECK(b.start >= last_end && b.start < b.end && b.end <= text.size());
    FUZZ_CHECK(precis_fuzz::on_boundary(text, b.start) && precis_fuzz::on_boundary(text, b.end));
    FUZZ_CHECK(!precis::blocks::block_type_name(b.type).empty());
    last_end = b.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  precis::html::Document doc = precis::html::to_text(html);
  check_document(html, doc);
  check_article(doc);
  for (const auto& b : doc.blocks) precis::html::class_cues(doc.text.substr(b.start, b.end - b.start));

  // The blocks stage as the pipeline runs it on an HTML page's text: UTF-8 repaired (the
  // pipeline repairs before reading the markup; here after, which the raw-byte pass
  // above allows), its language detected, abbreviations from that language's rules.
  const std::string text = precis::decode::repair_utf8(doc.text);
  const std::string language = precis::lang::detect(text);
  const auto& rules = precis::segment::rules_for(language == "und" ? "en" : language);
  auto blocks = precis::blocks::find_blocks(text, [&](std::string_view word) {
    return rules.lookup(precis::unicode::fold(word)) != precis::segment::AbbrevClass::kNone;
  });
  check_blocks(text, blocks);
  // The markup's word on each block, so that classify's HTML rules run too: a plain
  // reading of what the pipeline's apply_markup does (the element's hint, its link
  // density, its class cues as flags), when the offsets of both texts agree.
  if (text.size() == doc.text.size()) {
    std::size_t h = 0;
    for (auto& b : blocks) {
      while (h < doc.blocks.size() && doc.blocks[h].end <= b.start) ++h;
      if (h == doc.blocks.size()) break;
      if (doc.blocks[h].start > b.start) continue;
      b.markup = static_cast<precis::blocks::Markup>(doc.blocks[h].hint);  // same order (precis.cpp)
      b.link_density = static_cast<float>(doc.blocks[h].link_density);
      b.flags = doc.blocks[h].flags & 0x1FF;  // any of the nine MarkupFlag bits
    }
  }
  precis::blocks::classify(text, blocks, language);
  check_blocks(text, blocks);
  return 0;
}
