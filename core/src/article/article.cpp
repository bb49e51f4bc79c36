#include "article/article.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_map>

#include "unicode/sentence_break.hpp"
#include "unicode/unicode.hpp"

namespace precis::article {

namespace {

using html::Hint;
namespace mark = html::mark;

// What makes an element page furniture: its own kind or its class/id words.
constexpr std::uint32_t kFurniture =
    mark::kNav | mark::kAside | mark::kFooter | mark::kForm | mark::kNegative | mark::kComment | mark::kDialog;
// What makes an element the article (it ends the furniture around it: a page wrapped in
// one <form>, an article inside a div class="has-sidebar").
constexpr std::uint32_t kArticleMarks = mark::kArticle | mark::kMain | mark::kArticleBody;

// Thresholds, in code points.
constexpr std::uint32_t kProseChars = 60;     // a block this long with punctuation reads as prose
constexpr std::uint32_t kLongChars = 150;     // ... and this long without
constexpr double kLinkDense = 0.5;            // share of link text that makes a block a link list
constexpr double kFoundChars = 60;            // prose weight an article has at least
constexpr double kMostProse = 0.5;            // share of the page's prose that no furniture holds
constexpr double kHeadlineWeight = 150;       // the headline's weight
constexpr double kLabelWeight = 0.3;          // a label's weight per code point (negative)
constexpr double kClassWordsWrong = 3;        // prose the class words would leave out, times what they keep
constexpr int kArticleAbove = 8;              // levels an article element is looked for above the best subtree

// Running text: long enough, with punctuation (or very long).
bool is_prose(const html::Block& b) {
  return (b.chars >= kProseChars && b.punctuation > 0) || b.chars >= kLongChars;
}

// Ends with a sentence's final punctuation (UAX #29 ATerm or STerm, possibly followed by
// closing quotes or brackets), and has a few words' worth of text: "Her last day is
// April 1."
bool ends_sentence(const html::Document& doc, const html::Block& b) {
  if (b.chars < 16) return false;
  using unicode::SentenceBreak;
  std::size_t k = b.end;
  while (k > b.start) {
    const SentenceBreak sb = unicode::sentence_break(unicode::prev(doc.text, k));
    if (sb == SentenceBreak::Close) continue;
    return sb == SentenceBreak::ATerm || sb == SentenceBreak::STerm;
  }
  return false;
}

// A block's weight, in code points: + for prose (less for the share of it in links), -
// for links and furniture, a little - for short labels; headings count for nothing, the
// headline for a little (it tells where the article is).
double weight(const html::Block& b, bool furniture) {
  const double c = b.chars;
  if (furniture || b.link_density >= kLinkDense) return -c;
  if (b.hint == Hint::kTitle) return kHeadlineWeight;
  if (b.hint == Hint::kHeading) return 0;
  if (is_prose(b)) return c * std::max(0.0, 1 - 2 * b.link_density);
  return -kLabelWeight * c;
}

// The subtree chosen with one notion of furniture.
struct Choice {
  std::int32_t root = -1;          // -1: the whole page
  double good = 0;                 // its prose weight
  std::vector<std::int32_t> furniture;  // per node: the nearest furniture element above it, or -1
};

Choice choose(const html::Document& doc, const std::vector<std::uint8_t>& repeated, const std::vector<double>& prose,
              double page_prose, std::uint32_t furniture_marks) {
  const std::size_t nodes = doc.nodes.size();
  const std::size_t blocks = doc.blocks.size();
  Choice c;
  // The nearest furniture element above each node (itself included), -1 for none; reset
  // by an article element, and never an element that holds most of the page's prose.
  // Pre-order: parents first.
  c.furniture.assign(nodes, -1);
  for (std::size_t i = 0; i < nodes; ++i) {
    const html::Node& n = doc.nodes[i];
    const std::int32_t up = n.parent >= 0 ? c.furniture[static_cast<std::size_t>(n.parent)] : -1;
    if (n.marks & kArticleMarks) {
      c.furniture[i] = -1;
    } else if ((n.marks & furniture_marks) && prose[i] < kMostProse * page_prose) {
      c.furniture[i] = static_cast<std::int32_t>(i);
    } else {
      c.furniture[i] = up;
    }
  }
  // Weights per block, summed per subtree (children after parents: one backward pass).
  std::vector<double> sum(nodes, 0.0), good(nodes, 0.0);
  double page = 0, page_good = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::int32_t node = doc.blocks[b].node;
    const bool in_furniture = node >= 0 && c.furniture[static_cast<std::size_t>(node)] >= 0;
    const double w = weight(doc.blocks[b], in_furniture || repeated[b]);
    const double g = doc.blocks[b].hint == Hint::kTitle ? 0.0 : std::max(0.0, w);  // prose only
    page += w;
    page_good += g;
    if (node >= 0) {
      sum[static_cast<std::size_t>(node)] += w;
      good[static_cast<std::size_t>(node)] += g;
    }
  }
  for (std::size_t i = nodes; i-- > 0;) {
    const std::int32_t p = doc.nodes[i].parent;
    if (p < 0) continue;
    sum[static_cast<std::size_t>(p)] += sum[i];
    good[static_cast<std::size_t>(p)] += good[i];
  }
  // The subtree of most weight. An article element is worth a little more than a plain
  // wrapper of the same text: the page's own word on where its article is.
  double best = page;
  c.good = page_good;
  for (std::size_t i = 0; i < nodes; ++i) {
    const double bonus = (doc.nodes[i].marks & kArticleMarks) ? 1.1 : 1.0;
    if (sum[i] * bonus > best) {
      best = sum[i] * bonus;
      c.good = good[i];
      c.root = static_cast<std::int32_t>(i);
    }
  }
  return c;
}

}  // namespace

Region find(const html::Document& doc) {
  Region region;
  const std::size_t nodes = doc.nodes.size();
  const std::size_t blocks = doc.blocks.size();
  region.inside.assign(blocks, 0);
  region.cues.assign(blocks, 0);
  if (blocks == 0) return region;

  // Text that occurs more than once on the page is the page's (a menu repeated in the
  // footer, "Advertisement", a notice per widget), not the article's.
  std::vector<std::uint8_t> repeated(blocks, 0);
  {
    std::unordered_map<std::string_view, std::uint32_t> first;
    first.reserve(blocks);
    const std::string_view text = doc.text;
    for (std::size_t b = 0; b < blocks; ++b) {
      const auto [it, inserted] = first.try_emplace(text.substr(doc.blocks[b].start, doc.blocks[b].end - doc.blocks[b].start),
                                                    static_cast<std::uint32_t>(b));
      if (!inserted) repeated[b] = repeated[it->second] = 1;
    }
  }
  // The prose under each node, before any element's word is taken: an element that
  // holds most of the page's prose is not furniture, whatever it calls itself (a
  // WordPress <div class="entry share">, a page wrapped in one <form>).
  std::vector<double> prose(nodes, 0.0);
  double page_prose = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    const double v = std::max(0.0, weight(doc.blocks[b], repeated[b]));
    page_prose += v;
    if (doc.blocks[b].node >= 0) prose[static_cast<std::size_t>(doc.blocks[b].node)] += v;
  }
  for (std::size_t i = nodes; i-- > 0;) {
    if (doc.nodes[i].parent >= 0) prose[static_cast<std::size_t>(doc.nodes[i].parent)] += prose[i];
  }

  Choice c = choose(doc, repeated, prose, page_prose, kFurniture);
  bool class_words = true;  // whether the class words are believed
  {
    // Nearly all the prose is under class words of furniture: a forum thread (its posts
    // are "comments"), a theme that calls its post "widget". The elements themselves
    // still count (nav, aside, footer, form).
    Choice plain = choose(doc, repeated, prose, page_prose, kFurniture & ~(mark::kNegative | mark::kComment));
    if (plain.good > kClassWordsWrong * std::max(c.good, kFoundChars)) {
      c = std::move(plain);
      class_words = false;
    }
  }
  // The article element around the subtree of most weight, when there is one close
  // above: it holds the rest of the article (the standfirst in its header, a second
  // column of text); its furniture is left out below.
  {
    std::int32_t up = c.root;
    for (int level = 0; up >= 0 && level < kArticleAbove; ++level) {
      up = doc.nodes[static_cast<std::size_t>(up)].parent;
      if (up < 0) break;
      if (doc.nodes[static_cast<std::size_t>(up)].marks & (mark::kArticle | mark::kArticleBody)) {
        c.root = up;
        break;
      }
    }
  }
  const std::int32_t root = c.root;
  region.root = root;
  region.found = c.good >= kFoundChars;

  std::vector<std::uint32_t> cues(nodes, 0);
  for (std::size_t i = 0; i < nodes; ++i) {
    const html::Node& n = doc.nodes[i];
    if (static_cast<std::int32_t>(i) == root) continue;  // 0: nothing above the root counts
    const std::uint32_t up = n.parent >= 0 ? cues[static_cast<std::size_t>(n.parent)] : 0;
    cues[i] = up | (class_words && prose[i] < kMostProse * page_prose ? n.cues : 0);
  }
  for (std::size_t b = 0; b < blocks; ++b) {
    if (doc.blocks[b].node >= 0) region.cues[b] = cues[static_cast<std::size_t>(doc.blocks[b].node)];
  }

  const std::uint32_t lo = root < 0 ? 0 : static_cast<std::uint32_t>(root);
  const std::uint32_t hi = root < 0 ? static_cast<std::uint32_t>(nodes) : doc.nodes[static_cast<std::size_t>(root)].last;
  for (std::size_t b = 0; b < blocks; ++b) {
    const html::Block& block = doc.blocks[b];
    if (block.hint == Hint::kTitle) {
      region.inside[b] = 1;
      continue;
    }
    if (block.node < 0) {
      region.inside[b] = root < 0;
      continue;
    }
    const auto node = static_cast<std::uint32_t>(block.node);
    if (node < lo || node > hi) continue;
    // Furniture inside the article (a share bar, a related list, the comments) stays out.
    const std::int32_t f = c.furniture[node];
    if (f >= 0 && static_cast<std::uint32_t>(f) >= lo) continue;
    if (block.link_density >= kLinkDense) continue;
    region.inside[b] = 1;
  }
  // The article ends with its last prose: labels after it are the page's ("Share",
  // "Tags", the agency's initials), and so are labels before its first heading or prose.
  {
    std::size_t last = blocks;
    for (std::size_t b = blocks; b-- > 0;) {
      if (region.inside[b] && (is_prose(doc.blocks[b]) || ends_sentence(doc, doc.blocks[b]))) {
        last = b;
        break;
      }
    }
    for (std::size_t b = last == blocks ? 0 : last + 1; b < blocks; ++b) {
      if (doc.blocks[b].hint != Hint::kTitle) region.inside[b] = 0;
    }
  }
  // A heading introduces what follows it: one followed by furniture ("Related
  // articles", "Mehr zum Thema" over a list of links) is furniture too. Backwards, so
  // that a run of headings over furniture goes with it.
  for (std::size_t b = blocks; b-- > 0;) {
    const Hint h = doc.blocks[b].hint;
    if (h != Hint::kHeading || !region.inside[b]) continue;
    if (b + 1 == blocks || !region.inside[b + 1]) region.inside[b] = 0;
  }
  return region;
}

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string iso_date(std::string_view v) {
  while (!v.empty() && (v.front() == ' ')) v.remove_prefix(1);
  // YYYY-MM-DD, month 01-12, day 01-31
  if (!digits(v, 0, 4) || v.size() < 10 || v[4] != '-' || !digits(v, 5, 2) || v[7] != '-' || !digits(v, 8, 2)) return {};
  const int month = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  std::string out(v.substr(0, 10));
  // THH:MM[:SS[.fff]] then Z or +HH:MM / -HH:MM / +HHMM
  std::size_t k = 10;
  if (k < v.size() && (v[k] == 'T' || v[k] == ' ') && digits(v, k + 1, 2) && k + 3 < v.size() && v[k + 3] == ':' &&
      digits(v, k + 4, 2)) {
    const int hour = (v[k + 1] - '0') * 10 + (v[k + 2] - '0'), minute = (v[k + 4] - '0') * 10 + (v[k + 5] - '0');
    if (hour > 23 || minute > 59) return out;
    std::string time = "T" + std::string(v.substr(k + 1, 5));
    k += 6;
    if (k < v.size() && v[k] == ':' && digits(v, k + 1, 2)) {
      time += v.substr(k, 3);
      k += 3;
      while (k < v.size() && (v[k] == '.' || (v[k] >= '0' && v[k] <= '9'))) ++k;  // fractions dropped
    }
    if (k < v.size() && v[k] == 'Z') {
      time += 'Z';
    } else if (k < v.size() && (v[k] == '+' || v[k] == '-') && digits(v, k + 1, 2)) {
      if (k + 3 < v.size() && v[k + 3] == ':' && digits(v, k + 4, 2)) {
        time += v.substr(k, 6);
      } else if (digits(v, k + 3, 2)) {
        time += std::string(v.substr(k, 3)) + ":" + std::string(v.substr(k + 3, 2));
      }
    }
    out += time;
  }
  return out;
}

Metadata metadata(const html::Document& doc) {
  Metadata m;
  m.site_name = doc.meta.site_name;
  m.published = iso_date(doc.meta.published);
  m.byline = doc.meta.author;
  if (m.byline.empty()) {  // the first byline block's text, when short
    for (const html::Block& b : doc.blocks) {
      if (b.hint != Hint::kByline || b.chars > 100) continue;
      m.byline = doc.text.substr(b.start, b.end - b.start);
      for (char& c : m.byline) {
        if (c == '\n') c = ' ';
      }
      break;
    }
  }
  return m;
}

std::string headline(const html::Document& doc) {
  std::string_view t = doc.meta.title.empty() ? std::string_view(doc.title_hint) : std::string_view(doc.meta.title);
  // "Headline | Site", "Headline - Site", "Site: Headline": the longest part.
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                                     " \xC2\xBB ", " \xC2\xB7 ", " / "};
  std::string_view best = t;
  for (std::string_view sep : kSeparators) {
    const std::size_t at = t.find(sep);
    if (at == std::string_view::npos) continue;
    std::string_view longest;
    std::size_t from = 0;
    while (from <= t.size()) {
      std::size_t to = t.find(sep, from);
      if (to == std::string_view::npos) to = t.size();
      const std::string_view part = t.substr(from, to - from);
      if (part.size() > longest.size()) longest = part;
      from = to + sep.size();
    }
    if (longest.size() < best.size()) best = longest;
  }
  return std::string(best);
}

}  // namespace precis::article
