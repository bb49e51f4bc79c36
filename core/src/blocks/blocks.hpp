// Stage 2: text -> blocks, from line structure.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace precis::blocks {

struct Block {
  std::size_t start = 0;  // first byte of the block's first non-space character
  std::size_t end = 0;    // one past its last non-space character
  // Ends with terminal punctuation (". ! ? …" and others, possibly followed by closing
  // quotes or brackets): running prose. A block that doesn't is label-like: a headline,
  // byline, caption credit, tag line or list of names.
  bool prose = false;
};

// Splits text into blocks:
//  - a blank line ends a block;
//  - a line without terminal punctuation is its own block (headline, byline, list item),
//    never glued to the next line -- except in hard-wrapped prose: a line of 40 or more
//    characters continued by a line that starts with a lower-case letter and is itself
//    that long or ends with terminal punctuation;
//  - a line starting with a list marker ("-", "*", "•", "1.", "2)", "a)") starts a block;
//  - consecutive lines that end with terminal punctuation form one block (a paragraph).
//  - a paragraph whose last, hard-wrapped lines run out without terminal punctuation
//    is cut after its last finished sentence: prose, then a label-like tail.
// Linear in the text.
std::vector<Block> find_blocks(std::string_view text);

// True for sentence-final punctuation: characters with the UAX #29 Sentence_Break
// property ATerm or STerm (. ! ? and the full stops and question marks of other
// scripts, from the generated tables), and the ellipsis ….
bool is_terminal(char32_t cp);
// True for characters that may close a sentence after its final punctuation:
// quotes and closing brackets.
bool is_closing(char32_t cp);
// True if the text ends (ignoring trailing spaces, closing quotes and brackets) with
// terminal punctuation.
bool ends_with_terminal(std::string_view text);

}  // namespace precis::blocks
