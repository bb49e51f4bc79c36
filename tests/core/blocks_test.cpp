// Stage 2: blocks from line structure (core/src/blocks).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/blocks.hpp"
#include "unicode/unicode.hpp"

namespace {

using precis::blocks::Block;
using precis::blocks::ends_with_terminal;
using precis::blocks::find_blocks;
using precis::blocks::is_closing;
using precis::blocks::is_terminal;

std::string hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out.push_back(c);
  }
  return out;
}

struct Expected {
  std::string_view text;  // the block's bytes, text[start, end)
  bool prose;
};

struct BlocksCase {
  const char* name;
  std::string_view text;
  std::vector<Expected> blocks;
};

// Renders blocks as lines "[P] text" / "[L] text" so a failure shows the whole split.
std::string render(std::string_view text, const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    out += b.prose ? "[P] " : "[L] ";
    out += escaped(text.substr(b.start, b.end - b.start));
    out += "\n";
  }
  return out;
}

std::string render(const std::vector<Expected>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    out += b.prose ? "[P] " : "[L] ";
    out += escaped(b.text);
    out += "\n";
  }
  return out;
}

TEST(Blocks, FindBlocks) {
  const BlocksCase cases[] = {
      {"empty", "", {}},
      {"only blank lines", "\n \n\t\n\r\n", {}},
      {"one sentence", "One sentence.", {{"One sentence.", true}}},
      {"one line without punctuation", "Just a label", {{"Just a label", false}}},
      {"blank line separates paragraphs",
       "First para line one.\nLine two.\n\nSecond para.\n",
       {{"First para line one.", true}, {"Line two.", true}, {"Second para.", true}}},
      {"a hard-wrapped paragraph stays one block",
       "The town council met late on Monday and approved\nthe budget for the next two years. Critics said\nthe plan was rushed.\n",
       {{"The town council met late on Monday and approved\nthe budget for the next two years. Critics said\nthe plan was rushed.", true}}},
      {"blank lines with spaces and tabs", "A.\n   \n\t\nB.", {{"A.", true}, {"B.", true}}},
      {"headline then paragraph",
       "Big News Today\nThe market fell sharply. Investors worried.\n",
       {{"Big News Today", false}, {"The market fell sharply. Investors worried.", true}}},
      {"headline, byline, body",
       "Rubio and Yermak discuss security guarantees\nby Dmytro Basmat\nThe story starts here.",
       {{"Rubio and Yermak discuss security guarantees", false},
        {"by Dmytro Basmat", false},
        {"The story starts here.", true}}},
      {"photo caption with agency credit",
       "Officials met in Kyiv on March 20, 2024. (Jane Roe/Global Images via Getty Images)\nThe talks went well.",
       {{"Officials met in Kyiv on March 20, 2024. (Jane Roe/Global Images via Getty Images)", false},
        {"The talks went well.", true}}},
      {"lines that all end sentences are paragraphs of their own (text copied from a web page)",
       "He said hello.\nShe waved back!\nWhy not?\nThen\xE2\x80\xA6\n",
       {{"He said hello.", true}, {"She waved back!", true}, {"Why not?", true}, {"Then\xE2\x80\xA6", true}}},
      {"closing quotes and brackets after the stop",
       "He said \"yes.\"\n(See below.)\nShe agreed.\xE2\x80\x9D\n",
       {{"He said \"yes.\"", true}, {"(See below.)", true}, {"She agreed.\xE2\x80\x9D", true}}},
      {"a line that may end with an abbreviation keeps the next line (the segmenter decides)",
       "Read more: Can the port afford it?\nWe met Mr.\nSmith today at the U.S.\nEmbassy.\nThe talks ended.\n",
       {{"Read more: Can the port afford it?", true},
        {"We met Mr.\nSmith today at the U.S.\nEmbassy.", true},
        {"The talks ended.", true}}},
      {"a label line after a paragraph line is its own block",
       "He left the room.\nNext Headline Here\nShe stayed.",
       {{"He left the room.", true}, {"Next Headline Here", false}, {"She stayed.", true}}},
      {"a caption line after a paragraph line is its own block",
       "The talks went well.\nOfficials in Kyiv (Jane Roe/Getty Images)\n",
       {{"The talks went well.", true}, {"Officials in Kyiv (Jane Roe/Getty Images)", false}}},
      {"hard-wrapped prose",
       "The committee met on Tuesday to discuss the budget for\n"
       "the coming year, and it agreed to raise spending on\n"
       "schools and roads by ten percent.\n",
       {{"The committee met on Tuesday to discuss the budget for\n"
         "the coming year, and it agreed to raise spending on\n"
         "schools and roads by ten percent.",
         true}}},
      {"hard-wrapped prose after a full line: cut where a line ends a sentence",
       "The vote was close, and it took most of the afternoon.\nAfter that the committee turned to the budget for\nthe coming year.\n",
       {{"The vote was close, and it took most of the afternoon.", true},
        {"After that the committee turned to the budget for\nthe coming year.", true}}},
      {"wrap: a line of exactly 40 characters",
       "The quarterly report was published after\nthe board met on Monday.",
       {{"The quarterly report was published after\nthe board met on Monday.", true}}},
      {"no wrap: a line of 39 characters",
       "The quarterly report was published afte\nthe board met on Monday.",
       {{"The quarterly report was published afte", false}, {"the board met on Monday.", true}}},
      {"no wrap: 39 code points in 40 bytes",
       "The quarterly report was published caf\xC3\xA9\nthe board met on Monday.",
       {{"The quarterly report was published caf\xC3\xA9", false}, {"the board met on Monday.", true}}},
      {"wrap: 40 code points in 41 bytes",
       "The quarterly report was published caf\xC3\xA9s\nthe board met on Monday.",
       {{"The quarterly report was published caf\xC3\xA9s\nthe board met on Monday.", true}}},
      {"no wrap: the next line is short and unfinished",
       "The quarterly report was published after\nthe board met",
       {{"The quarterly report was published after", false}, {"the board met", false}}},
      {"no wrap: the next line starts upper-case",
       "The committee met on Tuesday to discuss the budget for\nThe Coming Year",
       {{"The committee met on Tuesday to discuss the budget for", false}, {"The Coming Year", false}}},
      {"no wrap: a short line",
       "Short line without stop\nthe next line is lower case.",
       {{"Short line without stop", false}, {"the next line is lower case.", true}}},
      {"no wrap across a blank line",
       "The committee met on Tuesday to discuss the budget for\n\nthe coming year.",
       {{"The committee met on Tuesday to discuss the budget for", false}, {"the coming year.", true}}},
      {"list markers start blocks",
       "Shopping list:\n- milk.\n- eggs.\n* bread.\n+ jam.\n\xE2\x80\xA2 tea.\n1. First.\n2) Second.\n10. Tenth.\na) Third.\n",
       {{"Shopping list:", false},
        {"- milk.", true},
        {"- eggs.", true},
        {"* bread.", true},
        {"+ jam.", true},
        {"\xE2\x80\xA2 tea.", true},
        {"1. First.", true},
        {"2) Second.", true},
        {"10. Tenth.", true},
        {"a) Third.", true}}},
      {"not list markers: no space, four digits, decimals",
       "It was cold.\n-5 degrees were recorded.\n1.5 million people came.\n2024. A new year began.\n",
       {{"It was cold.", true}, {"-5 degrees were recorded.", true}, {"1.5 million people came.", true},
        {"2024. A new year began.", true}}},
      {"CRLF line ends",
       "Title\r\nFirst line.\r\nSecond line.\r\n\r\nNext para.\r\n",
       {{"Title", false}, {"First line.", true}, {"Second line.", true}, {"Next para.", true}}},
      {"lone CR line ends",
       "Title\rBody text here.\rMore body.\r\rNext.",
       {{"Title", false}, {"Body text here.", true}, {"More body.", true}, {"Next.", true}}},
      {"Unicode line and paragraph separators, NEL, form feed",
       "One.\xE2\x80\xA8Two.\xE2\x80\xA9\xE2\x80\xA9Three.\xC2\x85\xC2\x85" "Four.\f\fFive.",
       {{"One.\xE2\x80\xA8Two.", true}, {"Three.", true}, {"Four.", true}, {"Five.", true}}},
      {"BOM and surrounding spaces are trimmed",
       "\xEF\xBB\xBF  Title  \n\n \xC2\xA0 Body.\xC2\xA0 \t",
       {{"Title", false}, {"Body.", true}}},
      {"a paragraph whose wrapped tail runs out without a full stop keeps its sentences",
       "The council met on Monday.\nIt approved the budget for next year.\nA photo caption of the mayor at the meeting on Monday (left)\nwho spoke for ten minutes about the plans for the city centre\nNext paragraph here.\n",
       {{"The council met on Monday.", true},
        {"It approved the budget for next year.", true},
        {"A photo caption of the mayor at the meeting on Monday (left)\nwho spoke for ten minutes about the plans for the city centre", false},
        {"Next paragraph here.", true}}},
      {"prose endings",
       "Wait\xE2\x80\xA6\n\nReally?!\n\n\xE4\xBB\x8A\xE5\xA4\xA9\xE3\x80\x82\n\nEnds with colon:\n\nEnds with comma,\n\nPrice 3.50",
       {{"Wait\xE2\x80\xA6", true},
        {"Really?!", true},
        {"\xE4\xBB\x8A\xE5\xA4\xA9\xE3\x80\x82", true},
        {"Ends with colon:", false},
        {"Ends with comma,", false},
        {"Price 3.50", false}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + ": \"" + escaped(c.text) + "\"");
    const std::vector<Block> got = find_blocks(c.text);
    EXPECT_EQ(render(c.text, got), render(c.blocks));
    for (const auto& b : got) {
      EXPECT_LE(b.start, b.end);
      EXPECT_LE(b.end, c.text.size());
    }
  }
}

TEST(Blocks, BlocksAreOrderedAndDisjoint) {
  const std::string_view text =
      "Headline\nby Someone\n\nFirst paragraph. It goes on.\nAnd on.\n- item one\n- item two.\n\nLast.";
  const auto blocks = find_blocks(text);
  // Headline | by Someone | First paragraph. It goes on. | And on. | - item one | - item two. | Last.
  ASSERT_EQ(blocks.size(), 7u) << render(text, blocks);
  for (std::size_t i = 1; i < blocks.size(); ++i) {
    EXPECT_LE(blocks[i - 1].end, blocks[i].start) << "block " << i;
  }
}

TEST(Blocks, IsTerminal) {
  const std::pair<char32_t, bool> cases[] = {
      {U'.', true},    {U'!', true},    {U'?', true},    {0x2026, true},  // …
      {0x203C, true},  {0x2049, true},                                    // ‼ ⁉
      {0x3002, true},  {0xFF01, true},  {0xFF1F, true},  {0xFF0E, true},  // 。！？．
      {0x0964, true},  {0x061F, true},  {0x06D4, true},  {0x0589, true},  // । ؟ ۔ ։
      {0x1362, true},                                                     // ።
      {U',', false},   {U';', false},   {U':', false},   {U'a', false},
      {U' ', false},   {U'"', false},   {U')', false},   {0x00B7, false}, {0x3001, false},  // 、
  };
  for (const auto& [cp, want] : cases) {
    SCOPED_TRACE(hex(cp));
    EXPECT_EQ(is_terminal(cp), want);
  }
}

TEST(Blocks, IsClosing) {
  const std::pair<char32_t, bool> cases[] = {
      {U'"', true},    {U'\'', true},   {U')', true},    {U']', true},    {U'}', true},
      {0x2019, true},  {0x201D, true},  {0x00BB, true},                   // ’ ” »
      {0x201C, true},  {0x2018, true},  {0x00AB, true},                   // “ ‘ « (Pi: German closing quotes)
      {0xFF09, true},  {0x300D, true},  {0x300F, true},                   // ） 」 』
      {U'(', false},   {U'[', false},   {0x300C, false}, {U'.', false},   {U'a', false},
      {U' ', false},   {U'-', false},
  };
  for (const auto& [cp, want] : cases) {
    SCOPED_TRACE(hex(cp));
    EXPECT_EQ(is_closing(cp), want);
  }
}

TEST(Blocks, EndsWithTerminal) {
  const std::pair<std::string_view, bool> cases[] = {
      {"Done.", true},
      {"Done. ", true},
      {"Done.\n", true},
      {"\"Done.\"", true},
      {"(Done.)", true},
      {"Done.)'\"", true},
      {"Done.\xE2\x80\x9D", true},  // ”
      {"Done.\xC2\xBB", true},      // »
      {"Done?!", true},
      {"Done\xE2\x80\xA6", true},   // …
      {"\xE5\xAE\x8C\xE3\x80\x82", true},  // 完。
      {"\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87\xE0\xA5\xA4", true},  // नमस्ते।
      {"", false},
      {"   ", false},
      {"\"\"", false},
      {"Done", false},
      {"Done:", false},
      {"Done,", false},
      {"(Done)", false},
      {"Price 3.50", false},
      {"via Getty Images)", false},
  };
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(std::string(text));
    EXPECT_EQ(ends_with_terminal(text), want);
  }
}

}  // namespace
