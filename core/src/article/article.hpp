// Stage 1b (HTML input): where the article is on a web page.
//
// The HTML stage gives the page's text as blocks, each pointing into the document tree.
// This stage weighs every block as a reader would skim it -- running prose with few
// links is article text, runs of links and short labels are furniture -- adds up the
// weights over every subtree of the document, and takes the subtree with the most
// (a maximum-weight subtree: linear, one pass down, one pass up). Elements that say
// what they are (<article>, <main>, itemprop=articleBody, class words of
// core/data/html/classwords.txt) and those that say they are furniture (nav, aside,
// footer, comments, share bars, sidebars, cookie dialogs) tilt the weights. Inside the
// chosen subtree, blocks under furniture elements are still left out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "html/html.hpp"

namespace precis::article {

struct Region {
  // Per block of the document: 1 if the block is article text (or the article's headline
  // region: title, byline, date), 0 if it is page furniture.
  std::vector<std::uint8_t> inside;
  // Per block: the html::cue bits of the elements around it that speak for it -- inside
  // the article, those below the article's root (the root's own "entry share" class
  // names the whole post, not a share bar); and never those of an element holding most
  // of the page's prose.
  std::vector<std::uint32_t> cues;
  // False when the page holds no article: too little prose anywhere (a home page, a
  // search result list, a login wall, a page whose text is in script data only).
  bool found = false;
  std::int32_t root = -1;  // the chosen subtree's node, -1 for the whole page
};

// Linear in the number of blocks and nodes.
Region find(const html::Document& doc);

// What the page says about its article, cleaned for readers.
struct Metadata {
  std::string byline;     // the author(s), as the page names them
  std::string published;  // ISO 8601: "2025-09-20", "2025-09-20T14:30", "2025-09-20T14:30:00+02:00"
  std::string site_name;
};
Metadata metadata(const html::Document& doc);

// The headline when no block of the text was taken for it: og:title (or JSON-LD
// headline), else <title>, without the site's name ("Headline | Site" -> "Headline").
std::string headline(const html::Document& doc);

// `value` as ISO 8601 (a date, or a date and time with its zone), or empty when it does
// not start with a YYYY-MM-DD date.
std::string iso_date(std::string_view value);

}  // namespace precis::article
