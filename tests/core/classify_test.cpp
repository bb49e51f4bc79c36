// Block types (core/src/blocks/classify.hpp): what each line of a pasted article is.
// The texts are written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blocks/blocks.hpp"
#include "blocks/classify.hpp"

namespace {

using precis::blocks::Block;
using precis::blocks::block_type_name;
using precis::blocks::classify;
using precis::blocks::find_blocks;

// Each line of `lines` is one block of the text; returns "type: line" per block.
std::vector<std::string> typed(const std::vector<std::string>& lines, std::string_view language) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  std::vector<Block> blocks = find_blocks(text);
  classify(text, blocks, language);
  std::vector<std::string> out;
  for (const Block& b : blocks) {
    out.push_back(std::string(block_type_name(b.type)) + ": " + text.substr(b.start, b.end - b.start));
  }
  return out;
}

std::vector<std::string> expected(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<std::string> out;
  for (const auto& [type, line] : rows) out.push_back(type + ": " + line);
  return out;
}

std::vector<std::string> lines_of(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.second);
  return out;
}

TEST(Classify, EnglishArticleAsCopiedFromAPage) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"dateline", "THE MILLBROOK GAZETTE | Friday, May 16, 2025"},
      {"navigation", "Home | News | Sport | Business | Culture"},
      {"title", "Millbrook opens its first public swimming pool in forty years"},
      {"byline", "By Amara Whitfield"},
      {"dateline", "Published May 16, 2025, 9:30 BST"},
      {"caption", "Children queue at the entrance of the new pool on Thursday morning."},
      {"caption", "(Jonas Pike/Riverside Photo Agency via Getty Images)"},
      {"paragraph", "Millbrook opened its first public swimming pool in four decades on Thursday, after a campaign by parents that lasted almost ten years."},
      {"paragraph", "The pool cost the town council about 6 million pounds and will be open seven days a week."},
      {"promo", "Read more: Why are so many small towns losing their pools?"},
      {"paragraph", "Council leader Martin Okoye said the building would pay for itself within twenty years."},
      {"promo", "Advertisement"},
      {"paragraph", "Swimming lessons for every primary school pupil in the town will start in September."},
      {"tagline", "MillbrookSwimmingMartin OkoyeLocal GovernmentSport"},
      {"byline", "Amara Whitfield"},
      {"byline", "Local Government Reporter"},
      {"bio", "Amara Whitfield is the Gazette's local government reporter."},
      {"bio", "She joined the paper in 2019 after five years at a regional news agency."},
      {"promo", "Sign up for our newsletter to get the latest news from Millbrook."},
      {"footer", "\xC2\xA9 2025 Millbrook Gazette Ltd. All rights reserved."},
      {"promo", "We use cookies to improve your experience on our site."},
  };
  EXPECT_EQ(typed(lines_of(rows), "en"), expected(rows));
}

TEST(Classify, GermanArticle) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"navigation", "Startseite \xE2\x80\xBA Region \xE2\x80\xBA Lindenau"},
      {"title", "Lindenau bekommt eine neue Stadtbibliothek am Marktplatz"},
      {"byline", "Von Jana Reuter"},
      {"paragraph", "Die Stadt Lindenau baut eine neue Bibliothek direkt am Marktplatz, wie der Stadtrat am Dienstag beschlossen hat."},
      {"promo", "Lesen Sie auch: Warum die alte Bibliothek schlie\xC3\x9F" "en musste"},
      {"paragraph", "Der Neubau soll im Herbst 2027 fertig sein und rund zw\xC3\xB6lf Millionen Euro kosten."},
      {"promo", "Melden Sie sich f\xC3\xBCr unseren Newsletter an, um keine Nachricht zu verpassen."},
      {"footer", "\xC2\xA9 2025 Lindenauer Zeitung. Alle Rechte vorbehalten."},
  };
  EXPECT_EQ(typed(lines_of(rows), "de"), expected(rows));
}

TEST(Classify, UkrainianArticle) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"title", "\xD0\xA3 \xD0\x9B\xD1\x83\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBC\xD1\x83 \xD0\xB2\xD1\x96\xD0\xB4\xD0\xBA\xD1\x80\xD0\xB8\xD0\xBB\xD0\xB8 \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x83 \xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x83 \xD0\xB4\xD0\xBB\xD1\x8F \xD0\xB4\xD1\x96\xD1\x82\xD0\xB5\xD0\xB9"},
      {"byline", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: \xD0\x9E\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD\xD0\xB0 \xD0\x9A\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBB\xD1\x8C"},
      {"paragraph", "\xD0\xA3 \xD1\x81\xD0\xB5\xD0\xBB\xD1\x96 \xD0\x9B\xD1\x83\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xB5 \xD0\xB2\xD1\x96\xD0\xB4\xD0\xBA\xD1\x80\xD0\xB8\xD0\xBB\xD0\xB8 \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x83 \xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x83 \xD0\xBD\xD0\xB0 \xD0\xB4\xD0\xB2\xD1\x96\xD1\x81\xD1\x82\xD1\x96 \xD1\x83\xD1\x87\xD0\xBD\xD1\x96\xD0\xB2."},
      {"paragraph", "\xD0\x91\xD1\x83\xD0\xB4\xD1\x96\xD0\xB2\xD0\xBD\xD0\xB8\xD1\x86\xD1\x82\xD0\xB2\xD0\xBE \xD1\x82\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xBE \xD0\xB4\xD0\xB2\xD0\xB0 \xD1\x80\xD0\xBE\xD0\xBA\xD0\xB8 \xD1\x96 \xD0\xBA\xD0\xBE\xD1\x88\xD1\x82\xD1\x83\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xBE \xD0\xBF\xD1\x80\xD0\xB8\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xB7\xD0\xBD\xD0\xBE \xD1\x81\xD1\x82\xD0\xBE \xD0\xBC\xD1\x96\xD0\xBB\xD1\x8C\xD0\xB9\xD0\xBE\xD0\xBD\xD1\x96\xD0\xB2 \xD0\xB3\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD0\xBD\xD1\x8C."},
      {"footer", "\xC2\xA9 2025 \xD0\x93\xD0\xB0\xD0\xB7\xD0\xB5\xD1\x82\xD0\xB0 \xD0\x9F\xD0\xBE\xD0\xB4\xD1\x96\xD0\xBB\xD0\xBB\xD1\x8F. \xD0\xA3\xD1\x81\xD1\x96 \xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB0 \xD0\xB7\xD0\xB0\xD1\x85\xD0\xB8\xD1\x89\xD0\xB5\xD0\xBD\xD0\xBE."},
  };
  EXPECT_EQ(typed(lines_of(rows), "uk"), expected(rows));
}

// Cue words that are everyday words do not make body text boilerplate.
TEST(Classify, BodyTextWithCueWordsStaysBody) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"paragraph", "Share prices fell 5% on Monday after the company warned about its profits."},
      {"paragraph", "LONDON (Reuters) - The central bank kept interest rates on hold for a sixth month."},
      {"paragraph", "The company said it would share the data with regulators and publish a summary."},
      {"paragraph", "Analysts said the terms of service had changed twice in the past year."},
      {"paragraph", "The US bank will donate 8 million dollars to the victims' families, it said."},
  };
  EXPECT_EQ(typed(lines_of(rows), "en"), expected(rows));
}

// Text without a single finished sentence has no head or tail: nothing is a title.
TEST(Classify, TextWithoutProseHasNoTitle) {
  const auto got = typed({"first line of notes", "second line of notes without stops", "third line"}, "en");
  for (const auto& line : got) EXPECT_EQ(line.rfind("title:", 0), std::string::npos) << line;
}

// HTML input: the element and its class words decide first.
TEST(Classify, MarkupDecidesFirst) {
  const std::string text = "Menu item\n\nA paragraph of the body that ends here.\n\nSome related links\n\nPhoto of the mayor.\n\nThe footer text.\n";
  std::vector<Block> blocks = find_blocks(text);
  ASSERT_EQ(blocks.size(), 5u);
  blocks[0].markup = precis::blocks::Markup::kNavigation;
  blocks[1].markup = precis::blocks::Markup::kParagraph;
  blocks[2].flags = precis::blocks::kFlagRelated;
  blocks[3].markup = precis::blocks::Markup::kCaption;
  blocks[4].markup = precis::blocks::Markup::kFooter;
  classify(text, blocks, "en");
  EXPECT_EQ(block_type_name(blocks[0].type), "navigation");
  EXPECT_EQ(block_type_name(blocks[1].type), "paragraph");
  EXPECT_EQ(block_type_name(blocks[2].type), "promo");
  EXPECT_EQ(block_type_name(blocks[3].type), "caption");
  EXPECT_EQ(block_type_name(blocks[4].type), "footer");
  // A paragraph whose text is mostly links is navigation.
  std::vector<Block> linked = find_blocks("Home News Sport Business Weather Culture.\n");
  linked[0].link_density = 0.9f;
  classify("Home News Sport Business Weather Culture.\n", linked, "en");
  EXPECT_EQ(block_type_name(linked[0].type), "navigation");
}

TEST(Classify, OnlyBodyTypesAreBody) {
  using precis::blocks::BlockType;
  using precis::blocks::is_body;
  EXPECT_TRUE(is_body(BlockType::kParagraph));
  EXPECT_TRUE(is_body(BlockType::kListItem));
  EXPECT_TRUE(is_body(BlockType::kQuote));
  for (BlockType t : {BlockType::kTitle, BlockType::kHeading, BlockType::kDateline, BlockType::kByline,
                      BlockType::kCaption, BlockType::kTagline, BlockType::kBio, BlockType::kNavigation,
                      BlockType::kPromo, BlockType::kFooter}) {
    EXPECT_FALSE(is_body(t)) << block_type_name(t);
  }
}

}  // namespace
