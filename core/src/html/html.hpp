// HTML input -> the visible text, as typed blocks, and the document tree they sit in.
//
// A single forward pass over the markup: a tokenizer after the HTML5 one (tags,
// attributes with quoted values, comments, doctype, CDATA, processing instructions,
// raw-text and RCDATA elements, character references) feeding a small tree builder
// with an explicit stack of open elements (the HTML5 implied end tags for p, li, dd/dt,
// headings, table rows and cells; breaking out of SVG/MathML). The shown elements are
// recorded as a tree (Document::nodes, in pre-order, each with its parent and its
// subtree's extent), which the article stage (core/src/article) reads. No recursion:
// 100,000 nested tags cost a 100,000-entry heap vector, not call stack. Linear in the
// input.
//
// Why our own parser and not gumbo or lexbor: the HTML stage needs a handful of things
// HTML5 tree construction gives (implied end tags, raw text, foreign content, character
// references), not the full algorithm (adoption agency, foster parenting, quirks); this
// one is about 1,500 lines with no allocation per node beyond the node record, compiles
// into the wasm at a fraction of a full parser's size (lexbor's core alone is several
// hundred KB), and keeps the text offsets the rest of the pipeline needs. Google's gumbo
// is archived and unmaintained.
// Never throws except std::bad_alloc. No DOM, no iostreams, no locale: the same code
// runs natively and in WebAssembly.
//
// The input is UTF-8; invalid bytes are passed through unchanged (the caller repairs
// UTF-8 before or after).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace precis::html {

// What a block is, from its innermost hint-bearing block ancestor and its context.
// Resolution order (the first that applies wins):
//   1. inside nav / menu / role=navigation|menu|menubar          -> kNavigation
//   2. inside form / search / role=search|form                   -> kForm
//   3. address, or a short block (<= 120 code points) at least half of whose text is
//      inside rel=author or a class/id/itemprop containing "author"/"byline" -> kByline
//   4. a shorter block (<= 64 code points) at least half of whose text is inside <time>
//      or an element whose class/id/itemprop contains "date"/"time" (then the block
//      must hold a digit: class="candidates" names no date)        -> kDateline
//   5. inside aside / role=complementary                          -> kAside
//   6. inside footer / role=contentinfo (any footer)              -> kFooter
//   7. h1-h6                                                      -> kHeading, except the
//      title: the first h1 inside article/main; else the first heading (or unmarked
//      block) whose text is the <title> or its part before a separator ("Headline |
//      Site", "Headline - Site"); else the first h1               -> kTitle
//   8. inside header / role=banner, unless a caption                -> kHeader
//   9. li, dd -> kListItem; blockquote -> kQuote; figcaption, table caption -> kCaption;
//      p -> kParagraph (a p inside li/blockquote/figcaption/caption/h* takes theirs).
// The class/id/itemprop words of 3 and 4 do not count on containers (article, section,
// main, aside, nav, header, footer, form, search, table, ul, ol, dl, menu): a
// <article class="author-jane"> is no byline. Contexts nest, the innermost wins; article and main (and role=main|article) end
// them, so a page wrapped in one <form> still has article paragraphs.
enum class Hint : std::uint8_t {
  kNone,
  kTitle,
  kHeading,
  kParagraph,
  kListItem,
  kQuote,
  kCaption,
  kNavigation,
  kAside,
  kFooter,
  kHeader,
  kByline,
  kDateline,
  kForm,
};

// "none", "title", "heading", ... (for tests and debugging output).
std::string_view hint_name(Hint hint);

// Class/id cue bits of Block::flags: an element's class tokens and its id, lowercased
// (ASCII), each containing the word. A block gets the bits of every element enclosing
// any of its text, except <html> and <body> (whose classes describe the page).
namespace cue {
inline constexpr std::uint32_t kNav = 1u << 0;         // "nav"
inline constexpr std::uint32_t kMenu = 1u << 1;        // "menu"
inline constexpr std::uint32_t kFooter = 1u << 2;      // "footer"
inline constexpr std::uint32_t kShare = 1u << 3;       // "share"
inline constexpr std::uint32_t kSocial = 1u << 4;      // "social"
inline constexpr std::uint32_t kRelated = 1u << 5;     // "related"
inline constexpr std::uint32_t kPromo = 1u << 6;       // "promo"
inline constexpr std::uint32_t kNewsletter = 1u << 7;  // "newsletter"
inline constexpr std::uint32_t kSubscribe = 1u << 8;   // "subscribe"
inline constexpr std::uint32_t kCookie = 1u << 9;      // "cookie"
inline constexpr std::uint32_t kAdvert = 1u << 10;     // "advert"
// "ad-": a part "ad" or "ads" of a token split at '-' and '_' (ad-slot, top-ad, ads,
// ad_unit), so that head-line, lead-in and thread-list do not count.
inline constexpr std::uint32_t kAd = 1u << 11;
inline constexpr std::uint32_t kSponsor = 1u << 12;     // "sponsor"
inline constexpr std::uint32_t kComment = 1u << 13;     // "comment"
inline constexpr std::uint32_t kBreadcrumb = 1u << 14;  // "breadcrumb"
inline constexpr std::uint32_t kCaption = 1u << 15;     // "caption"
inline constexpr std::uint32_t kByline = 1u << 16;      // "byline"
inline constexpr std::uint32_t kAuthor = 1u << 17;      // "author"
inline constexpr std::uint32_t kTags = 1u << 18;        // "tags"
inline constexpr std::size_t kCount = 19;
// The words, by bit index ("nav", "menu", ..., "ad-" for kAd).
inline constexpr std::string_view kNames[kCount] = {
    "nav",    "menu",   "footer",  "share",   "social",     "related", "promo",
    "newsletter", "subscribe", "cookie", "advert", "ad-", "sponsor", "comment",
    "breadcrumb", "caption", "byline", "author", "tags"};
}  // namespace cue

// The cue bits of one class or id attribute value (tokens split at ASCII white space).
std::uint32_t class_cues(std::string_view value);

// An element of the document tree (elements whose content is shown; text lives in the
// blocks, which point at the innermost element open where they start). Nodes are in
// document (pre-)order: a node's parent comes before it, and a subtree is the run of
// nodes from its root to Document::nodes[root].last.
struct Node {
  std::int32_t parent = -1;   // index in Document::nodes, -1 for a root
  std::uint32_t last = 0;     // the last node of its subtree (itself when it has no children)
  std::uint32_t tag = 0;      // element id (internal; see tag_is)
  std::uint32_t cues = 0;     // its own class/id cue:: bits
  std::uint32_t marks = 0;    // mark:: bits: its own
};

// What an element says about itself (Node::marks).
namespace mark {
inline constexpr std::uint32_t kArticle = 1u << 0;      // <article>, role=article
inline constexpr std::uint32_t kMain = 1u << 1;         // <main>, role=main
inline constexpr std::uint32_t kArticleBody = 1u << 2;  // itemprop=articleBody|text, or a body class word
inline constexpr std::uint32_t kPositive = 1u << 3;     // a class/id word of content (core/data/html/classwords.txt)
inline constexpr std::uint32_t kNegative = 1u << 4;     // a class/id word of page furniture
inline constexpr std::uint32_t kNav = 1u << 5;          // nav, menu, role=navigation|menu|menubar
inline constexpr std::uint32_t kAside = 1u << 6;        // aside, role=complementary
inline constexpr std::uint32_t kFooter = 1u << 7;       // footer, role=contentinfo
inline constexpr std::uint32_t kHeader = 1u << 8;       // header, role=banner
inline constexpr std::uint32_t kForm = 1u << 9;         // form, search, role=search|form
inline constexpr std::uint32_t kHeading = 1u << 10;     // h1-h6
inline constexpr std::uint32_t kBlock = 1u << 11;       // a block-level element
inline constexpr std::uint32_t kComment = 1u << 12;     // a class/id word of comments
inline constexpr std::uint32_t kDialog = 1u << 13;      // role=dialog|alertdialog, aria-modal, <dialog open>
}  // namespace mark

// What the page says about itself, outside its text.
struct Meta {
  std::string title;      // og:title, twitter:title, JSON-LD headline (first found)
  std::string site_name;  // og:site_name, application-name, JSON-LD publisher name
  std::string author;     // <meta name=author>, article:author (not a URL), JSON-LD author name
  std::string published;  // article:published_time, itemprop=datePublished, JSON-LD
                          // datePublished, <meta name=date>, the first <time datetime>
  std::string lang;       // <html lang>, else <meta http-equiv=content-language>
  // JSON-LD articleBody, or the text of the first such field (its first 2,000 bytes,
  // escapes decoded): the article's text when the page carries it.
  std::string article_body;
};

struct Block {
  std::size_t start = 0;  // byte range in Document::text: first non-space character ...
  std::size_t end = 0;    // ... one past the last; never empty
  std::int32_t node = -1; // the innermost element open at its start (Document::nodes), -1 for none
  std::uint32_t chars = 0;       // code points of its text, white space not counted
  std::uint32_t punctuation = 0; // commas and full stops (ASCII and CJK) in its text
  Hint hint = Hint::kNone;
  // The hint of its element alone, without the navigation, form, aside, footer or header
  // around it (the same as `hint` where none is).
  Hint element = Hint::kNone;
  // Code points of the block's text inside <a href>, divided by the code points of the
  // block's text; white space is not counted in either. 0 to 1.
  double link_density = 0;
  std::uint32_t flags = 0;  // cue:: bits
};

struct Document {
  // The visible text: the blocks, in document order, separated by "\n\n". Inside a
  // block, white space runs are one space; "\n" is a line break (<br>, or a newline in
  // <pre>/<textarea>/<listing>/<plaintext>, where spaces are kept as they are).
  // Blocks hold no "\n\n" (two <br> in a row end the block), start and end with a
  // non-space character. U+00A0 (&nbsp;) is kept. Table rows are blocks, cells
  // separated by " | ".
  std::string text;
  std::vector<Block> blocks;
  // The first <title> (outside SVG), references decoded, white space collapsed.
  std::string title_hint;
  std::vector<Node> nodes;
  Meta meta;
};

// Visible text: elements skipped with their content are script, style, noscript,
// template, svg, math, head (but <title> becomes title_hint), iframe, object, applet,
// canvas, audio, video, select, option, optgroup, datalist, meter, progress, button,
// rp/rt (ruby annotations), noembed, noframes, frameset, xmp, dialog without `open`,
// and any element with the `hidden` attribute or an inline style of display:none or
// visibility:hidden. Comments, doctype, CDATA and processing instructions are dropped,
// and so are img (alt text too) and the other void elements. Character references
// (HTML5 named ones, with the legacy forms without ';'; decimal and hex numeric ones,
// with U+FFFD for 0, surrogates and values past U+10FFFF and the windows-1252 meaning
// of 0x80-0x9F) are decoded in text and in <title>/<textarea>, not in attributes.
// Broken markup: an unclosed comment or <script>/<style> runs to the end of the input;
// an unclosed <title>/<textarea> ends at the next '<', and another raw-text element
// (iframe, noscript, xmp ...) without its end tag is empty; a tag cut off by the end
// of the input is dropped.
Document to_text(std::string_view html);

// The character set a page declares in its first 1024 bytes (<meta charset=...> or
// <meta http-equiv=Content-Type content="...; charset=...">), lower-cased, as written
// ("windows-1252", "iso-8859-2", "shift_jis"); empty if none. A shortened form of the
// HTML5 prescan: what a caller holding the raw bytes of a saved page needs to decode it
// (the core itself reads UTF-8 only and repairs anything else).
std::string declared_charset(std::string_view html);

}  // namespace precis::html
