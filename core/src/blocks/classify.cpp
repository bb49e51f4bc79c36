#include "blocks/classify.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <string>
#include <unordered_map>

#include "blocks/cues.hpp"
#include "segment/segment.hpp"
#include "unicode/unicode.hpp"

namespace precis::blocks {

std::string_view block_type_name(BlockType type) {
  switch (type) {
    case BlockType::kParagraph: return "paragraph";
    case BlockType::kTitle: return "title";
    case BlockType::kHeading: return "heading";
    case BlockType::kDateline: return "dateline";
    case BlockType::kByline: return "byline";
    case BlockType::kCaption: return "caption";
    case BlockType::kListItem: return "list_item";
    case BlockType::kQuote: return "quote";
    case BlockType::kTagline: return "tagline";
    case BlockType::kBio: return "bio";
    case BlockType::kNavigation: return "navigation";
    case BlockType::kPromo: return "promo";
    case BlockType::kFooter: return "footer";
  }
  return "paragraph";
}

bool is_body(BlockType type) {
  return type == BlockType::kParagraph || type == BlockType::kListItem || type == BlockType::kQuote;
}

namespace {

// Thresholds, in words (word tokens).
constexpr std::uint32_t kBodyWords = 5;       // a body paragraph has at least this many
constexpr std::uint32_t kTitleWords = 4;      // a headline has at least this many
constexpr std::uint32_t kTitleMaxWords = 25;  // ... and at most this many
constexpr std::uint32_t kLabelWords = 14;     // bylines, datelines: at most this many
constexpr std::uint32_t kPromoWords = 40;     // a promo or footer block: at most this many
constexpr std::uint32_t kPromoProseWords = 25;  // ... or this many, when it is prose
constexpr std::uint32_t kShortPromoWords = 8; // a label with a promo cue: at most this many
constexpr std::uint32_t kRepeatedWords = 12;  // repeated lines of at most this many words
constexpr std::uint32_t kMenuWords = 20;      // a menu line: at most this many words
// A page copied as text (step 8):
constexpr std::size_t kPageShortLines = 10;    // labels of at most 4 words a page has at least
constexpr double kPageProseWords = 8;          // running text that counts for the article
constexpr double kPageLabelWeight = 0.3;       // a label's weight per word (negative)
constexpr double kMoreRunShare = 0.3;          // a second run of prose, against the first

struct Word {
  std::size_t start, end;
  bool capitalized;
  bool punctuated = false;  // punctuation stands between it and the word before
};

// What the classifier knows about a block.
struct Facts {
  std::vector<Word> words;
  std::uint32_t capitalized = 0;
  std::uint32_t joins = 0;  // "YermakMarco": a lower-case letter then an upper-case one inside a word
  bool credit = false;      // a parenthesis with an agency credit: "(Name/Agency via Getty Images)"
  bool date = false;        // "Sept. 20, 2025", "2025-09-20"
  bool copyright = false;   // ©
  bool list_marker = false;
  std::uint32_t separators = 0;  // menu separators: | › » · •
  std::uint32_t early_colon = 0; // a colon within the first four words ("Read more: ...")
  std::string folded;       // the whole block, case-folded (for repeated lines)
  CueMasks cues;            // the cue phrases it holds (blocks of at most kPromoWords words)
};

// ASCII fast paths of the Unicode properties: most text is mostly ASCII.
constexpr bool word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  return unicode::is_word_char(cp);
}
constexpr bool upper(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : unicode::is_upper(cp); }
constexpr bool lower(char32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : unicode::is_lower(cp); }

// The same three properties for ASCII bytes, as bits of a table.
constexpr std::uint8_t kAsciiWord = 1, kAsciiUpper = 2, kAsciiLower = 4;
constexpr auto kAsciiClass = [] {
  std::array<std::uint8_t, 128> table{};
  for (char32_t c = 0; c < 128; ++c) {
    table[c] = static_cast<std::uint8_t>((word_char(c) ? kAsciiWord : 0) | (upper(c) ? kAsciiUpper : 0) |
                                         (lower(c) ? kAsciiLower : 0));
  }
  return table;
}();

using unicode::fold;

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Facts facts_of(std::string_view text, const Block& b, const segment::Rules& rules, const Cues& cues, CueCache& cache) {
  Facts f;
  const std::string_view t = text.substr(b.start, b.end - b.start);
  f.words.reserve(t.size() / 5 + 1);  // about a word per 6 bytes: rarely regrows
  // Words: runs of word characters (letters, digits, marks), apostrophes inside.
  std::size_t i = 0;
  bool punctuated = false;
  while (i < t.size()) {
    std::size_t at = i;
    char32_t cp = unicode::next(t, i);
    if (!word_char(cp)) {
      if (!unicode::is_space(cp)) punctuated = true;
      // Menus copied as text: "Home  UK  World  Money" (runs of spaces between items).
      if (cp == ' ' && i < t.size() && t[i] == ' ' && !f.words.empty()) {
        ++f.separators;
        while (i < t.size() && t[i] == ' ') ++i;
        continue;
      }
      if (cp == 0x00A9) f.copyright = true;
      if (cp == '|' || cp == 0x203A || cp == 0x00BB || cp == 0x00B7 || cp == 0x2022) ++f.separators;
      if (cp == ':' && !f.words.empty() && f.words.size() <= 4) ++f.early_colon;
      continue;
    }
    Word w{at, at, upper(cp), punctuated};
    punctuated = false;
    std::size_t run = 1;  // letters since the last join
    bool was_lower = lower(cp);
    std::size_t end = i;
    while (i < t.size()) {
      // ASCII letters and digits by table: the common case, one load and no branch on
      // the letter's class.
      if (const auto byte = static_cast<unsigned char>(t[i]); byte < 0x80 && (kAsciiClass[byte] & kAsciiWord)) {
        const bool is_upper = kAsciiClass[byte] & kAsciiUpper;
        if (was_lower && is_upper && run >= 3) {
          ++f.joins;
          run = 0;
        }
        was_lower = kAsciiClass[byte] & kAsciiLower;
        ++run;
        end = ++i;
        continue;
      }
      std::size_t k = i;
      char32_t c = unicode::next(t, k);
      if (c == '\'' || c == 0x2019) {  // an apostrophe between letters
        std::size_t m = k;
        if (m < t.size() && unicode::is_letter(unicode::next(t, m))) {
          i = k;
          continue;
        }
        break;
      }
      if (!word_char(c)) break;
      if (was_lower && upper(c) && run >= 3) {
        ++f.joins;
        run = 0;
      }
      was_lower = lower(c);
      ++run;
      i = k;
      end = k;
    }
    w.end = end;
    f.capitalized += w.capitalized;
    f.words.push_back(w);
  }
  // Dates: a month name next to a number, or digits-digits-digits with a year. Only
  // short blocks can be datelines: long ones are not looked at (this is the costly part).
  const bool short_block = f.words.size() <= 2 * kLabelWords;
  for (std::size_t k = 0; short_block && k < f.words.size() && !f.date; ++k) {
    const std::string word = fold(t.substr(f.words[k].start, f.words[k].end - f.words[k].start));
    const bool month = rules.lookup(word) == segment::AbbrevClass::kMonth ||
                       segment::Rules::contains(rules.continuers, word);
    if (month) {
      for (std::size_t m = k > 0 ? k - 1 : 0; m < std::min(f.words.size(), k + 3); ++m) {
        if (all_digits(t.substr(f.words[m].start, f.words[m].end - f.words[m].start))) f.date = true;
      }
    }
  }
  for (std::size_t k = 0; short_block && k + 2 < t.size() && !f.date; ++k) {
    // "2025-09-20", "20.09.2025", "09/20/2025": three digit groups joined by - . /
    std::size_t p = k, groups = 0;
    bool year = false;
    while (p < t.size() && groups < 3) {
      std::size_t q = p;
      while (q < t.size() && t[q] >= '0' && t[q] <= '9') ++q;
      if (q == p || q - p > 4) break;
      year = year || q - p == 4;
      ++groups;
      p = q;
      if (groups < 3) {
        if (p < t.size() && (t[p] == '-' || t[p] == '.' || t[p] == '/')) ++p;
        else break;
      }
    }
    if (groups == 3 && year && (k == 0 || !(t[k - 1] >= '0' && t[k - 1] <= '9'))) f.date = true;
  }
  // Credits: "Image: Agency", "Photograph: Name/Agency" -- a caption or credit word
  // before a colon.
  for (std::size_t k = 0; k < f.words.size() && !f.credit; ++k) {
    const std::size_t after = f.words[k].end;
    if (after < t.size() && t[after] == ':') {
      const std::string_view word = t.substr(f.words[k].start, after - f.words[k].start);
      f.credit = has_cue(cues, CueKind::kCaption, word) || has_cue(cues, CueKind::kCredit, word);
    }
  }
  // Credits: "(... / ...)" or a credit cue inside parentheses.
  for (std::size_t open = t.find('('); open != std::string_view::npos; open = t.find('(', open + 1)) {
    const std::size_t close = t.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view inside = t.substr(open + 1, close - open - 1);
    // "Name/Agency": a slash between a letter and a capital ("600 g/l" is no credit).
    bool slash = false;
    for (std::size_t k = inside.find('/'); k != std::string_view::npos && !slash; k = inside.find('/', k + 1)) {
      std::size_t before = k, after = k + 1;
      if (before == 0) continue;
      const char32_t left = unicode::prev(inside, before);
      while (after < inside.size() && inside[after] == ' ') ++after;
      if (after >= inside.size()) continue;
      std::size_t a = after;
      slash = unicode::is_letter(left) && unicode::is_upper(unicode::next(inside, a));
    }
    // At an edge of the block: "Caption. (Name/Agency via Getty Images)" or "(Photo:
    // Agency) Caption", not "LONDON (Reuters) - Shares fell ..." inside a paragraph.
    std::size_t rest = close + 1;
    while (rest < t.size() && (t[rest] == ' ' || t[rest] == '.')) ++rest;
    const bool edge = open == 0 || rest == t.size();
    if (edge && (slash || has_cue(cues, CueKind::kCredit, inside))) f.credit = true;
  }
  // "- item", "* item", "• item": a marker and a space.
  const std::size_t marker = t.substr(0, 3) == "\xE2\x80\xA2" ? 3 : (!t.empty() && (t[0] == '-' || t[0] == '*' || t[0] == '+')) ? 1 : 0;
  f.list_marker = marker > 0 && t.size() > marker && t[marker] == ' ';
  if (f.words.size() <= kRepeatedWords) f.folded = fold(t);
  // Every use of the cue masks is for labels of at most kPromoWords words and sentences
  // of at most kPromoProseWords (promotion in prose is short: "Sign up for our
  // newsletter."); longer blocks are body text or need no phrase list.
  if (f.words.size() <= (b.prose ? kPromoProseWords : kPromoWords)) f.cues = cue_masks(cues, t, &cache);
  return f;
}

std::uint32_t words(const Facts& f) { return static_cast<std::uint32_t>(f.words.size()); }

std::string word_at(std::string_view text, const Block& b, const Facts& f, std::size_t k) {
  const Word& w = f.words[k];
  return fold(text.substr(b.start + w.start, w.end - w.start));
}

// What a block adds to the case that the article is here (step 8 of classify), in words:
// prose for it, furniture and labels against it.
// Running text for page_weight: a prose block, or a long one with a sentence end inside
// ("... Wir machen ein Spiel! Es heißt ... So sieht das dann aus:").
bool running_text(std::string_view block, const Block& b, std::uint32_t words) {
  if (b.prose) return true;
  if (words < 15) return false;
  for (std::string_view end : {". ", "! ", "? ", "\xE3\x80\x82"}) {  // and 。
    if (block.find(end) != std::string_view::npos) return true;
  }
  return false;
}

double page_weight(std::string_view block, const Block& b, std::uint32_t words, bool decided) {
  const double w = words;
  const bool text = running_text(block, b, words);
  const bool furniture = b.type == BlockType::kNavigation || b.type == BlockType::kPromo ||
                         b.type == BlockType::kFooter || b.type == BlockType::kTagline || b.type == BlockType::kBio;
  if (decided && !is_body(b.type) && (furniture || !text)) return -std::max(w, 3.0);
  if (text && w >= kPageProseWords) return w;
  return -kPageLabelWeight * std::max(w, 1.0);
}

}  // namespace

void classify(std::string_view text, std::vector<Block>& blocks, std::string_view language) {
  const std::size_t n = blocks.size();
  if (n == 0) return;
  const Cues& cues = cues_for(language);
  const segment::Rules& rules = segment::rules_for(language == "und" ? "en" : language);
  std::vector<Facts> facts;
  facts.reserve(n);
  CueCache cache;
  for (const Block& b : blocks) facts.push_back(facts_of(text, b, rules, cues, cache));
  auto body = [&](std::size_t i) { return text.substr(blocks[i].start, blocks[i].end - blocks[i].start); };

  std::vector<bool> decided(n, false);
  auto set = [&](std::size_t i, BlockType type) {
    blocks[i].type = type;
    decided[i] = true;
  };

  // 1. What the markup says (HTML input).
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = blocks[i];
    const std::uint32_t w = words(facts[i]);
    switch (b.markup) {
      case Markup::kNavigation: set(i, BlockType::kNavigation); break;
      case Markup::kFooter: set(i, BlockType::kFooter); break;
      case Markup::kAside: case Markup::kForm: set(i, BlockType::kPromo); break;
      case Markup::kCaption: set(i, BlockType::kCaption); break;
      case Markup::kTitle: set(i, BlockType::kTitle); break;
      case Markup::kHeading: set(i, BlockType::kHeading); break;
      case Markup::kQuote: set(i, BlockType::kQuote); break;
      case Markup::kByline: set(i, BlockType::kByline); break;
      case Markup::kDateline: set(i, BlockType::kDateline); break;
      case Markup::kListItem: blocks[i].type = BlockType::kListItem; break;
      default: break;
    }
    if (b.markup != Markup::kTitle && (b.flags & kFlagOutside)) {
      // Outside the page's article: furniture, whatever its element; a byline, date
      // line or caption keeps its name (none is body text).
      set(i, b.markup == Markup::kByline     ? BlockType::kByline
             : b.markup == Markup::kDateline ? BlockType::kDateline
             : b.markup == Markup::kCaption  ? BlockType::kCaption
             : b.link_density >= 0.5f || b.markup == Markup::kNavigation ? BlockType::kNavigation
             : b.markup == Markup::kFooter                          ? BlockType::kFooter
                                                                    : BlockType::kPromo);
      continue;
    }
    if (decided[i] && b.markup != Markup::kQuote) continue;
    if (b.flags & kFlagNavigation) set(i, BlockType::kNavigation);
    else if (b.flags & kFlagFooter) set(i, BlockType::kFooter);
    else if (b.flags & (kFlagShare | kFlagRelated | kFlagPromo | kFlagComment)) set(i, BlockType::kPromo);
    else if (b.flags & kFlagCaption) set(i, BlockType::kCaption);
    else if ((b.flags & kFlagByline) && w <= kLabelWords) set(i, BlockType::kByline);
    else if (b.flags & kFlagTags) set(i, BlockType::kTagline);
    else if (b.link_density >= 0.5f && w <= kPromoWords) set(i, BlockType::kNavigation);
  }

  // 2. Short lines that occur more than once: menus, share bars, "Advertisement".
  {
    std::unordered_map<std::string_view, std::uint32_t> seen;
    for (std::size_t i = 0; i < n; ++i) {
      if (!facts[i].folded.empty()) ++seen[facts[i].folded];
    }
    for (std::size_t i = 0; i < n; ++i) {
      // Labels and very short lines only: an article may quote the same sentence twice.
      const bool label = !blocks[i].prose || words(facts[i]) <= 4;
      if (!decided[i] && label && !facts[i].folded.empty() && seen[facts[i].folded] > 1) set(i, BlockType::kNavigation);
    }
  }

  // 3. Evidence that holds wherever the block stands.
  auto promo_like = [&](std::size_t i) {
    const std::uint32_t w = words(facts[i]);
    if (w > kPromoWords) return false;
    const CueMasks& c = facts[i].cues;
    if (!blocks[i].prose) return w <= kShortPromoWords ? c.has(CueKind::kPromo) : c.starts(CueKind::kPromo);
    // Prose: a promo cue and words that address the reader ("our newsletter", "your
    // experience"), so that "Share prices fell" stays body text.
    return c.has(CueKind::kPromo) && c.has(CueKind::kAddress);
  };
  auto footer_like = [&](std::size_t i) {
    const std::uint32_t w = words(facts[i]);
    if (facts[i].copyright && w <= kPromoWords) return true;
    // A short sentence with a footer cue ("All rights reserved.") only near the end.
    const bool label = !blocks[i].prose || (w <= kShortPromoWords && 3 * i >= 2 * n);
    return label && w <= kPromoWords && facts[i].cues.has(CueKind::kFooter);
  };
  // Tag lines of run-together names: "Andriy YermakMarco RubioDonald Trump".
  auto tagline_like = [&](std::size_t i) {
    const Facts& f = facts[i];
    return !blocks[i].prose && f.joins >= 2 && words(f) >= 3 && f.capitalized * 10 >= words(f) * 7;
  };
  for (std::size_t i = 0; i < n; ++i) {
    // A heading element may still be promotion or a footer ("Related articles",
    // "Comments", "About the author" in an <h2>).
    if (decided[i] && blocks[i].type == BlockType::kHeading && blocks[i].markup == Markup::kHeading) {
      if (footer_like(i)) set(i, BlockType::kFooter);
      else if (promo_like(i)) set(i, BlockType::kPromo);
      continue;
    }
    if (decided[i]) continue;
    const Facts& f = facts[i];
    const std::uint32_t w = words(f);
    if (footer_like(i)) set(i, BlockType::kFooter);
    else if (promo_like(i)) set(i, BlockType::kPromo);
    // "Read more: <headline>?", "Lesen Sie auch: ..."
    else if (f.early_colon && w <= kPromoWords && f.cues.starts(CueKind::kPromo)) set(i, BlockType::kPromo);
    else if (tagline_like(i)) set(i, BlockType::kTagline);
    // "Tags: ...", "More on this story": lists of topics and links.
    else if (!blocks[i].prose && w <= kPromoWords && f.cues.starts(CueKind::kTagline)) set(i, BlockType::kNavigation);
    // "Home | World | Business", "Home › Local › Transport"
    else if (!blocks[i].prose && f.separators >= 2 && w <= kMenuWords) set(i, BlockType::kNavigation);
    else if (f.credit) set(i, BlockType::kCaption);
  }
  // A caption stands before its credit line: "Volunteers return books ..." then
  // "(Name/Agency via Getty Images)".
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const bool credit_line = blocks[i + 1].type == BlockType::kCaption && !blocks[i + 1].prose &&
                             words(facts[i + 1]) <= kLabelWords;
    // (In a page's article, the markup has said which blocks are captions.)
    if (!decided[i] && credit_line && words(facts[i]) <= kPromoWords && !(blocks[i].flags & kFlagArticle)) {
      set(i, BlockType::kCaption);
    }
  }

  // 4. The body starts at the first prose paragraph of some length that is none of the above.
  std::size_t body_start = n;  // n: the text has no prose at all
  for (std::size_t i = 0; i < n && body_start == n; ++i) {
    if (!decided[i] && blocks[i].prose && words(facts[i]) >= kBodyWords) body_start = i;
  }
  if (body_start == n) {
    for (std::size_t i = 0; i < n && body_start == n; ++i) {
      if (!decided[i] && blocks[i].prose) body_start = i;
    }
  }

  // 5. Before the body: headline, byline, dateline, captions. A headline is one line,
  // one sentence without a final stop, capitalized, of 4 to kTitleMaxWords words (not a
  // fragment of hard-wrapped text).
  auto headline_like = [&](std::size_t i) {
    const std::string_view t = body(i);
    const std::uint32_t w = words(facts[i]);
    if (blocks[i].prose || w < kTitleWords || w > kTitleMaxWords || t.find('\n') != std::string_view::npos) return false;
    if (t.find(". ") != std::string_view::npos) return false;
    std::size_t k = 0;
    const char32_t first = unicode::next(t, k);
    return !unicode::is_lower(first);
  };
  std::vector<std::string> authors, surnames;  // folded, from the bylines
  std::size_t title = n;
  const std::size_t head_end = body_start == n ? 0 : body_start;  // no prose: no head either
  for (std::size_t i = 0; i < head_end; ++i) {
    if (decided[i]) continue;
    const std::uint32_t w = words(facts[i]);
    const CueMasks& c = facts[i].cues;
    if (w <= kLabelWords && c.starts(CueKind::kByline)) {
      set(i, BlockType::kByline);
    } else if (w <= kShortPromoWords && !blocks[i].prose && c.has(CueKind::kBioRole)) {
      set(i, BlockType::kByline);  // "Leila Farrow | Science Correspondent"
    } else if (w <= 2 * kLabelWords && (facts[i].date || c.has(CueKind::kDateline))) {
      set(i, BlockType::kDateline);
    } else if (headline_like(i) && (title == n || w > words(facts[title]))) {
      title = i;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (blocks[i].type == BlockType::kTitle) title = i;  // markup knows best
  }
  for (std::size_t i = 0; i < head_end; ++i) {
    if (decided[i]) continue;
    if (i == title) set(i, BlockType::kTitle);
    else if (blocks[i].prose) continue;  // a short first sentence stays body text
    // In a page's article, a caption says so in its markup: a label under the headline
    // is a subtitle or a list item (a recipe's ingredients).
    else if (blocks[i].flags & kFlagArticle) set(i, blocks[i].type == BlockType::kListItem ? BlockType::kListItem : BlockType::kHeading);
    else set(i, i > title && title < n ? BlockType::kCaption : BlockType::kHeading);
  }
  for (std::size_t i = 0; i < head_end; ++i) {
    if (blocks[i].type != BlockType::kByline) continue;
    const Facts& f = facts[i];
    // The authors: runs of two or more capitalized words after the first word ("By
    // Priya Nandakumar and Owen Tallis", "by Dmytro Basmat, Senior Editor").
    std::size_t k = f.cues.starts(CueKind::kByline) ? 1 : 0;
    while (k < f.words.size()) {
      std::size_t end = k;
      while (end < f.words.size() && f.words[end].capitalized && (end == k || !f.words[end].punctuated)) ++end;
      if (end - k >= 2) {
        surnames.push_back(word_at(text, blocks[i], f, end - 1));
        authors.push_back(word_at(text, blocks[i], f, k) + " " + surnames.back());
      }
      k = std::max(end, k + 1);
    }
  }

  // 6. After the body: from the first tag line, author line, footer or bio on, nothing
  // is body text any more.
  auto starts_with_author = [&](std::size_t i) {
    const Facts& f = facts[i];
    if (surnames.empty() || f.words.empty()) return false;
    const std::string first = word_at(text, blocks[i], f, 0);
    if (std::find(surnames.begin(), surnames.end(), first) != surnames.end()) return true;
    if (f.words.size() < 2) return false;
    const std::string two = first + " " + word_at(text, blocks[i], f, 1);
    return std::find(authors.begin(), authors.end(), two) != authors.end();
  };
  // A bio: it starts with the author's name, or with a name followed by a lower-case
  // verb and a role ("Owen Tallis is the Courier's environment editor. He joined ...").
  auto bio_like = [&](std::size_t i) {
    if (!blocks[i].prose) return false;
    if (starts_with_author(i)) return true;
    const Facts& f = facts[i];
    if (f.words.size() < 4 || !f.words[0].capitalized || !f.words[1].capitalized || f.words[2].capitalized) return false;
    const std::string_view head = body(i).substr(0, f.words[std::min<std::size_t>(f.words.size(), 12) - 1].end);
    const std::string third = word_at(text, blocks[i], f, 2);
    if (all_digits(third) || !has_cue(cues, CueKind::kBioRole, head)) return false;
    if (third.size() <= 3) return true;  // "is", "was", "ist"
    return has_cue(cues, CueKind::kBioVerb, body(i).substr(0, f.words[std::min<std::size_t>(f.words.size(), 40) - 1].end));
  };
  auto pronoun_start = [&](std::size_t i) { return starts_with_cue(cues, CueKind::kPronoun, body(i)); };
  // Whether substantial prose that is none of the above follows block i.
  std::vector<bool> prose_after(n + 1, false);
  for (std::size_t i = n; i-- > 0;) {
    prose_after[i] = prose_after[i + 1] || (!decided[i] && blocks[i].prose && words(facts[i]) >= 12 && !bio_like(i));
  }
  auto body_follows = [&](std::size_t i) { return prose_after[i + 1]; };
  std::size_t tail = n;
  for (std::size_t i = body_start + 1; i < n && tail == n; ++i) {
    const BlockType type = blocks[i].type;
    const bool author_line = !blocks[i].prose && starts_with_author(i) && words(facts[i]) <= 4;
    // A footer ends the article if it is a copyright line or among the last third.
    const bool footer = type == BlockType::kFooter && (facts[i].copyright || 3 * i >= 2 * n);
    if (type == BlockType::kTagline || footer || author_line) tail = i;
    // A bio among the last blocks: "Dmytro Basmat is a senior news editor ..."
    else if (!decided[i] && i > body_start + 1 && bio_like(i) && !body_follows(i)) tail = i;
  }
  for (std::size_t i = tail; i < n; ++i) {
    if (decided[i] && blocks[i].type != BlockType::kParagraph) continue;
    const bool after_bio = i > 0 && blocks[i - 1].type == BlockType::kBio;
    if (!blocks[i].prose && starts_with_author(i)) set(i, BlockType::kByline);
    else if (!blocks[i].prose && words(facts[i]) <= kLabelWords && facts[i].cues.has(CueKind::kBioRole)) set(i, BlockType::kByline);
    else if (blocks[i].prose && (bio_like(i) || (after_bio && pronoun_start(i)))) set(i, BlockType::kBio);
    // Prose of some length after the end markers is still the article ("... the
    // Wasps captain returned to the club in 2012."); short lines are the page's.
    else if (blocks[i].prose && words(facts[i]) >= 12) set(i, BlockType::kParagraph);
    else set(i, BlockType::kFooter);
  }

  // 7. Inside the body: labels are headings or list items, prose is body text.
  for (std::size_t i = body_start; i < tail; ++i) {
    if (decided[i]) continue;
    if (blocks[i].type == BlockType::kListItem || facts[i].list_marker) set(i, BlockType::kListItem);
    else if (!blocks[i].prose) set(i, BlockType::kHeading);
    else set(i, BlockType::kParagraph);
  }

  // 8. A whole web page copied as text (plain text input only; for HTML the article stage
  // has found the article in the document tree): the article is the run of blocks with
  // the most prose, where menus, labels and the blocks found above to be furniture count
  // against it (a maximum-sum run: one pass). Body blocks outside it are the page's.
  const bool html = std::any_of(blocks.begin(), blocks.end(),
                                [](const Block& b) { return (b.flags & (kFlagArticle | kFlagOutside)) != 0; });
  // Only a page has furniture enough to tell (an article alone keeps all its text): a
  // page copied as text has menus, many short lines of a few words.
  std::size_t short_lines = 0;
  for (std::size_t i = 0; i < n; ++i) short_lines += !blocks[i].prose && words(facts[i]) <= 4;
  if (!html && short_lines >= kPageShortLines) {
    std::vector<double> w(n);
    for (std::size_t i = 0; i < n; ++i) w[i] = page_weight(body(i), blocks[i], words(facts[i]), decided[i]);
    // The best run, then up to kMoreRuns more that are each worth a good share of it
    // (an article cut in two by a block of links), each found among the blocks not yet
    // taken: linear.
    constexpr int kMoreRuns = 3;
    const double share = kMoreRunShare;
    std::vector<std::uint8_t> in(n, 0);
    double first = 0;
    for (int round = 0; round <= kMoreRuns; ++round) {
      double run = 0, best = 0;
      std::size_t run_start = 0, best_start = 0, best_end = 0;  // [best_start, best_end)
      for (std::size_t i = 0; i < n; ++i) {
        if (in[i]) {  // a run taken before ends runs here
          run = 0;
          continue;
        }
        if (run <= 0) {
          run = 0;
          run_start = i;
        }
        run += w[i];
        if (run > best) {
          best = run;
          best_start = run_start;
          best_end = i + 1;
        }
      }
      if (best <= 0 || (round > 0 && best < share * first)) break;
      if (round == 0) first = best;
      for (std::size_t i = best_start; i < best_end; ++i) in[i] = 1;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (in[i]) continue;
      if (is_body(blocks[i].type) || blocks[i].type == BlockType::kHeading) {
        blocks[i].type = blocks[i].prose ? BlockType::kPromo : BlockType::kNavigation;
      }
    }
    // Running text inside the article that a final colon kept from being prose is body
    // text, not a heading.
    for (std::size_t i = 0; i < n; ++i) {
      if (in[i] && blocks[i].type == BlockType::kHeading && running_text(body(i), blocks[i], words(facts[i]))) {
        blocks[i].type = BlockType::kParagraph;
      }
    }
  }
}

}  // namespace precis::blocks
