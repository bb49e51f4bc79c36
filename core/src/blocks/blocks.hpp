// Stage 2: text -> blocks, from line structure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace precis::blocks {

// What a block is in the article (classify.hpp). The names (block_type_name) are part
// of the result contract.
enum class BlockType : std::uint8_t {
  kParagraph,   // "paragraph": body text
  kTitle,       // "title": the headline
  kHeading,     // "heading": a section heading
  kDateline,    // "dateline": a date or update line
  kByline,      // "byline": "By Dmytro Basmat", an author line
  kCaption,     // "caption": a photo caption or credit
  kListItem,    // "list_item": an item of a list in the body
  kQuote,       // "quote": a block quotation (HTML <blockquote>)
  kTagline,     // "tagline": tags, topics, run-together names
  kBio,         // "bio": the author's biography
  kNavigation,  // "navigation": menus, related links, repeated lines
  kPromo,       // "promo": share, subscribe, newsletter, cookies, ads, "Read more"
  kFooter,      // "footer": copyright, terms, contact
};

// What the markup said about a block (HTML input only; kNone for plain text).
enum class Markup : std::uint8_t {
  kNone, kTitle, kHeading, kParagraph, kListItem, kQuote, kCaption,
  kNavigation, kAside, kFooter, kHeader, kByline, kDateline, kForm,
};

// Class and id words of the element (HTML input only), as bits.
enum MarkupFlag : std::uint32_t {
  kFlagNavigation = 1u << 0,  // nav, menu, breadcrumb
  kFlagFooter = 1u << 1,
  kFlagShare = 1u << 2,       // share, social
  kFlagRelated = 1u << 3,     // related, recommended
  kFlagPromo = 1u << 4,       // promo, newsletter, subscribe, advert, sponsor, cookie
  kFlagComment = 1u << 5,
  kFlagCaption = 1u << 6,
  kFlagByline = 1u << 7,      // byline, author
  kFlagTags = 1u << 8,
  kFlagOutside = 1u << 9,     // outside the page's article (core/src/article)
  kFlagArticle = 1u << 10,    // inside it
};

struct Block {
  std::size_t start = 0;  // first byte of the block's first non-space character
  std::size_t end = 0;    // one past its last non-space character
  // Ends with terminal punctuation (". ! ? …" and others, possibly followed by closing
  // quotes or brackets): running prose. A block that doesn't is label-like: a headline,
  // byline, caption credit, tag line or list of names.
  bool prose = false;
  BlockType type = BlockType::kParagraph;  // set by classify()
  Markup markup = Markup::kNone;           // HTML input: the element it came from
  float link_density = 0;                  // HTML input: share of its text inside links
  std::uint32_t flags = 0;                 // HTML input: MarkupFlag bits
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
//
// `abbreviation(word)`, if given, says whether a word (without its final period) is an
// abbreviation of the text's language ("Mr", "Sept"): a line that ends with one does
// not end its paragraph. Without it, a capitalized word of at most four letters is taken
// for one.
std::vector<Block> find_blocks(std::string_view text,
                               const std::function<bool(std::string_view)>& abbreviation = {});

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
