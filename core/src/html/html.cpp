#include "html/html.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "unicode/unicode.hpp"

namespace precis::html {

namespace {

#include "precis_gen/entities.inc"

// ---- elements ----------------------------------------------------------------------

// Element properties.
enum : std::uint16_t {
  kB = 1 << 0,     // block-level: its start and end tags end the current block
  kS = 1 << 1,     // content not shown
  kR = 1 << 2,     // raw text: content is not markup (skipped up to the end tag)
  kV = 1 << 3,     // void: no content, no end tag
  kCloseP = 1 << 4,  // its start tag closes an open p (HTML5 "close a p element")
  kX = 1 << 5,     // "special" (HTML5), less address, div, p: stops the li/dd/dt search
  kH = 1 << 6,     // may stay in <head>; any other start tag ends the head
  kF = 1 << 7,     // breaks out of SVG/MathML (HTML5 foreign content)
  kScope = 1 << 8, // bounds "has a p element in button scope"
  kPre = 1 << 9,   // white space kept
  kBig = 1 << 10,  // a container: its class/id names no byline or date
};

struct TagInfo {
  std::string_view name;
  std::uint16_t props;
};

// Sorted by name (checked below): a binary search maps a lowercased name to its index.
constexpr TagInfo kTags[] = {
    {"a", 0},
    {"abbr", 0},
    {"address", kB | kCloseP},
    {"applet", kS | kX | kScope},
    {"area", kV},
    {"article", kB | kCloseP | kX | kBig},
    {"aside", kB | kCloseP | kX | kBig},
    {"audio", kS},
    {"b", kF},
    {"base", kV | kH},
    {"basefont", kV | kH},
    {"bdi", 0},
    {"bdo", 0},
    {"bgsound", kV | kH},
    {"big", kF},
    {"blockquote", kB | kCloseP | kX | kF},
    {"body", kX | kF | kBig},
    {"br", kV | kF},
    {"button", kS | kX | kScope},
    {"canvas", kS},
    {"caption", kB | kX | kScope},
    {"center", kB | kCloseP | kX | kF},
    {"cite", 0},
    {"code", kF},
    {"col", kV},
    {"colgroup", kB | kX},
    {"data", 0},
    {"datalist", kS},
    {"dd", kB | kCloseP | kX | kF},
    {"del", 0},
    {"details", kB | kCloseP | kX},
    {"dfn", 0},
    {"dialog", kB | kCloseP},
    {"dir", kB | kCloseP | kX},
    {"div", kB | kCloseP | kF},
    {"dl", kB | kCloseP | kX | kF | kBig},
    {"dt", kB | kCloseP | kX | kF},
    {"em", kF},
    {"embed", kV | kF},
    {"fieldset", kB | kCloseP | kX},
    {"figcaption", kB | kCloseP | kX},
    {"figure", kB | kCloseP | kX},
    {"font", 0},
    {"footer", kB | kCloseP | kX | kBig},
    {"form", kB | kCloseP | kX | kBig},
    {"frame", kV},
    {"frameset", kS},
    {"h1", kB | kCloseP | kX | kF},
    {"h2", kB | kCloseP | kX | kF},
    {"h3", kB | kCloseP | kX | kF},
    {"h4", kB | kCloseP | kX | kF},
    {"h5", kB | kCloseP | kX | kF},
    {"h6", kB | kCloseP | kX | kF},
    {"head", kS | kF},
    {"header", kB | kCloseP | kX | kBig},
    {"hgroup", kB | kCloseP | kX},
    {"hr", kB | kV | kCloseP | kX | kF},
    {"html", kX | kScope | kBig},
    {"i", kF},
    {"iframe", kS | kR},
    {"img", kV | kF},
    {"input", kV},
    {"ins", 0},
    {"kbd", 0},
    {"keygen", kV},
    {"label", 0},
    {"legend", kB},
    {"li", kB | kCloseP | kX | kF},
    {"link", kV | kH},
    {"listing", kB | kCloseP | kX | kF | kPre},
    {"main", kB | kCloseP | kX | kBig},
    {"map", 0},
    {"mark", 0},
    {"marquee", kB | kX | kScope},
    {"math", kS},
    {"menu", kB | kCloseP | kX | kF | kBig},
    {"meta", kV | kH | kF},
    {"meter", kS},
    {"nav", kB | kCloseP | kX | kBig},
    {"nobr", kF},
    {"noembed", kS | kR},
    {"noframes", kS | kR | kH},
    {"noscript", kS | kR | kH},
    {"object", kS | kX | kScope},
    {"ol", kB | kCloseP | kX | kF | kBig},
    {"optgroup", kS},
    {"option", kS},
    {"output", 0},
    {"p", kB | kCloseP | kF},
    {"param", kV},
    {"picture", 0},
    {"plaintext", kB | kCloseP | kX | kPre},
    {"pre", kB | kCloseP | kX | kF | kPre},
    {"progress", kS},
    {"q", 0},
    {"rp", kS},
    {"rt", kS},
    {"ruby", kF},
    {"s", kF},
    {"samp", 0},
    {"script", kS | kR | kH},
    {"search", kB | kCloseP | kX | kBig},
    {"section", kB | kCloseP | kX | kBig},
    {"select", kS | kX},
    {"slot", 0},
    {"small", kF},
    {"source", kV},
    {"span", kF},
    {"strike", kF},
    {"strong", kF},
    {"style", kS | kR | kH},
    {"sub", kF},
    {"summary", kB | kCloseP | kX},
    {"sup", kF},
    {"svg", kS},
    {"table", kB | kCloseP | kX | kF | kScope | kBig},
    {"tbody", kB | kX},
    {"td", kX | kScope},
    {"template", kS | kX | kH | kScope},
    {"textarea", kB | kX | kPre},
    {"tfoot", kB | kX},
    {"th", kX | kScope},
    {"thead", kB | kX},
    {"time", 0},
    {"title", kS | kH},
    {"tr", kB | kX},
    {"track", kV},
    {"tt", kF},
    {"u", kF},
    {"ul", kB | kCloseP | kX | kF | kBig},
    {"var", kF},
    {"video", kS},
    {"wbr", kV},
    {"xmp", kB | kCloseP | kX | kS | kR},
};
constexpr std::uint32_t kKnownTags = sizeof kTags / sizeof kTags[0];

constexpr bool tags_sorted() {
  for (std::uint32_t i = 1; i < kKnownTags; ++i) {
    if (!(kTags[i - 1].name < kTags[i].name)) return false;
  }
  return true;
}
static_assert(tags_sorted(), "kTags must be sorted by name");

// Tag ids: 0 for none, 1 + index in kTags for known elements, then interned unknown
// names (custom elements, SVG's own) from kKnownTags + 1 on.
constexpr std::uint32_t known_id(std::string_view name) {
  std::uint32_t lo = 0, hi = kKnownTags;
  while (lo < hi) {
    const std::uint32_t mid = (lo + hi) / 2;
    if (kTags[mid].name < name) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < kKnownTags && kTags[lo].name == name ? lo + 1 : 0;
}

constexpr std::uint32_t T(std::string_view name) { return known_id(name); }

constexpr std::uint32_t kA = T("a"), kAddress = T("address"), kArticle = T("article"),
                        kAside = T("aside"), kBlockquote = T("blockquote"), kBody = T("body"),
                        kBr = T("br"), kCaption = T("caption"), kDd = T("dd"),
                        kDialog = T("dialog"), kDt = T("dt"), kFigcaption = T("figcaption"),
                        kFooter = T("footer"), kForm = T("form"), kH1 = T("h1"), kH6 = T("h6"),
                        kHead = T("head"), kHeader = T("header"), kHtml = T("html"),
                        kLi = T("li"), kMain = T("main"), kMath = T("math"), kMenu = T("menu"),
                        kNav = T("nav"), kP = T("p"), kPlaintext = T("plaintext"),
                        kScript = T("script"), kSearch = T("search"), kStyle = T("style"),
                        kSvg = T("svg"), kTable = T("table"), kTd = T("td"),
                        kTemplate = T("template"), kTextarea = T("textarea"), kTh = T("th"),
                        kTime = T("time"), kTitle = T("title"), kTr = T("tr"), kMeta = T("meta");

constexpr std::uint32_t kNamedTags[] = {
    kA,      kAddress, kArticle, kAside,     kBlockquote, kBody,  kBr,   kCaption, kDd,    kDialog,
    kDt,     kFigcaption, kFooter, kForm,    kH1,         kH6,    kHead, kHeader,  kHtml,  kLi,
    kMain,   kMath,    kMenu,    kNav,       kP,          kPlaintext, kScript, kSearch, kStyle,
    kSvg,    kTable,   kTd,      kTemplate,  kTextarea,   kTh,    kTime, kTitle,   kTr, kMeta};
constexpr bool all_named() {
  for (std::uint32_t id : kNamedTags) {
    if (id == 0) return false;
  }
  return true;
}
static_assert(all_named(), "a tag named above is missing from kTags");

constexpr std::uint16_t props_of(std::uint32_t id) {
  return id >= 1 && id <= kKnownTags ? kTags[id - 1].props : 0;
}
constexpr bool is_heading(std::uint32_t id) { return id >= kH1 && id <= kH6; }
static_assert(kH6 - kH1 == 5, "h1-h6 are consecutive");

// ---- character classes ---------------------------------------------------------------

constexpr bool is_ws(unsigned char c) {  // HTML white space
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
constexpr bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

void lowercase_into(std::string_view s, std::string& out) {
  out.clear();
  for (char c : s) out.push_back(lower(c));
}

bool has_non_ws(std::string_view s) {
  for (char c : s) {
    if (!is_ws(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// ---- class/id cues -----------------------------------------------------------------

// Internal bits above the public cue:: ones: the words that make bylines and datelines.
constexpr std::uint32_t kWordDate = 1u << 28;
constexpr std::uint32_t kWordTime = 1u << 29;
constexpr std::uint32_t kPublicCues = (1u << cue::kCount) - 1;

std::uint32_t token_cues(std::string_view token) {  // token: lowercase
  std::uint32_t bits = 0;
  for (std::size_t b = 0; b < cue::kCount; ++b) {
    if ((1u << b) == cue::kAd) continue;
    if (token.find(cue::kNames[b]) != std::string_view::npos) bits |= 1u << b;
  }
  // kAd: a part "ad" or "ads" between '-'/'_' separators.
  for (std::size_t i = 0; i < token.size();) {
    std::size_t j = i;
    while (j < token.size() && token[j] != '-' && token[j] != '_') ++j;
    const std::string_view part = token.substr(i, j - i);
    if (part == "ad" || part == "ads") bits |= cue::kAd;
    i = j + 1;
  }
  if (token.find("date") != std::string_view::npos) bits |= kWordDate;
  if (token.find("time") != std::string_view::npos) bits |= kWordTime;
  return bits;
}

// Calls fn(token) for each token of an attribute value lower-cased into `scratch`
// (tokens split at HTML white space); stops early when fn returns true. Returns whether
// it did.
template <class Fn>
bool any_token(std::string_view value, std::string& scratch, Fn&& fn) {
  lowercase_into(value, scratch);
  const std::string_view v = scratch;
  for (std::size_t i = 0; i < v.size();) {
    while (i < v.size() && is_ws(static_cast<unsigned char>(v[i]))) ++i;
    std::size_t j = i;
    while (j < v.size() && !is_ws(static_cast<unsigned char>(v[j]))) ++j;
    if (j > i && fn(v.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

// All bits, public and internal, of a whitespace-separated list of tokens.
std::uint32_t value_cues(std::string_view value, std::string& scratch) {
  std::uint32_t bits = 0;
  any_token(value, scratch, [&](std::string_view token) {
    bits |= token_cues(token);
    return false;
  });
  return bits;
}

#include "precis_gen/classwords.inc"

// The mark:: bits of one lower-case class token or id.
std::uint32_t token_marks(std::string_view token) {
  auto any = [&](const auto& words) {
    for (std::string_view w : words) {
      if (token.find(w) != std::string_view::npos) return true;
    }
    return false;
  };
  std::uint32_t m = 0;
  if (any(kHiddenWords)) return mark::kNegative;
  if (any(kCommentWords)) m |= mark::kComment | mark::kNegative;
  if (any(kNegativeWords)) m |= mark::kNegative;
  if (m != 0) return m;  // "sidebar-content" is a sidebar
  if (any(kBodyWords)) m |= mark::kArticleBody | mark::kPositive;
  if (any(kContentWords)) m |= mark::kPositive;
  return m;
}

bool has_token(std::string_view value, std::string_view word, std::string& scratch) {
  return any_token(value, scratch, [&](std::string_view token) { return token == word; });
}

bool contains_lower(std::string_view value, std::string_view word, std::string& scratch) {
  lowercase_into(value, scratch);
  return std::string_view(scratch).find(word) != std::string_view::npos;
}

// ---- character references ------------------------------------------------------------

std::string_view entity_name(std::size_t i) {
  const std::size_t start = i == 0 ? 0 : kEntityNameEnd[i - 1];
  return std::string_view(kEntityNames + start, kEntityNameEnd[i] - start);
}

// Index of `name` in the table, or kEntityCount.
std::size_t find_entity(std::string_view name) {
  std::size_t lo = 0, hi = kEntityCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (entity_name(mid) < name) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < kEntityCount && entity_name(lo) == name ? lo : kEntityCount;
}

void append_entity(std::size_t i, std::string& out) {
  const std::uint32_t v = kEntityValue[i];
  unicode::append_utf8(v & 0x1FFFFF, out);
  const std::uint32_t second = (v >> 21) & 0xF;
  if (second != 0) unicode::append_utf8(kEntitySecond[second], out);
}

bool entity_is_legacy(std::size_t i) { return (kEntityValue[i] >> 25) & 1; }

// HTML5's numeric character reference end state.
char32_t numeric_reference_value(std::uint32_t v) {
  // windows-1252 for 0x80-0x9F; 0: no remapping (0x81, 0x8D, 0x8F, 0x90, 0x9D).
  static constexpr char16_t kC1[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F && kC1[v - 0x80] != 0) return kC1[v - 0x80];
  return v;
}

// Decodes the reference at s[i] == '&' (bounded by `end`) and appends it to `out`, or
// appends what is not a reference as text. Returns the position after what it used.
std::size_t decode_reference(std::string_view s, std::size_t i, std::size_t end, std::string& out) {
  std::size_t j = i + 1;
  if (j < end && s[j] == '#') {
    ++j;
    const bool hex = j < end && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    const std::size_t digits = j;
    std::uint32_t v = 0;
    for (; j < end; ++j) {
      const auto c = static_cast<unsigned char>(s[j]);
      std::uint32_t d;
      if (is_digit(c)) {
        d = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        d = (c | 0x20) - 'a' + 10;
      } else {
        break;
      }
      v = std::min<std::uint32_t>(v * (hex ? 16 : 10) + d, 0x110000);  // saturates
    }
    if (j == digits) {  // "&#" or "&#x" alone: text
      out.append(s.substr(i, j - i));
      return j;
    }
    if (j < end && s[j] == ';') ++j;
    unicode::append_utf8(numeric_reference_value(v), out);
    return j;
  }
  // Named: the name followed by ';', else the longest legacy name that prefixes the
  // alphanumerics after '&' ("&notin;" is ∉, "&notit;" is ¬it;).
  std::size_t k = j;
  while (k < end && k - j <= kEntityMaxName && is_alnum(static_cast<unsigned char>(s[k]))) ++k;
  const std::size_t length = k - j;
  if (length <= kEntityMaxName && k < end && s[k] == ';') {
    const std::size_t e = find_entity(s.substr(j, length));
    if (e != kEntityCount) {
      append_entity(e, out);
      return k + 1;
    }
  }
  for (std::size_t n = std::min(length, kEntityMaxLegacyName); n >= 2; --n) {
    const std::size_t e = find_entity(s.substr(j, n));
    if (e != kEntityCount && entity_is_legacy(e)) {
      append_entity(e, out);
      return j + n;
    }
  }
  out.push_back('&');
  return i + 1;
}

// ---- the parser --------------------------------------------------------------------

enum class Context : std::uint8_t { kNone, kNav, kAside, kFooter, kHeader, kForm };

// Cumulative state bits of an open element (its own, or'ed with its parent's).
enum : std::uint16_t {
  kSkipped = 1 << 0,      // content not shown
  kForeign = 1 << 1,      // inside svg or math
  kIntegration = 1 << 2,  // inside an SVG/MathML element whose content is HTML
  kWhiteSpace = 1 << 3,   // white space kept (pre)
  kInLink = 1 << 4,       // inside <a href>
  kInTime = 1 << 5,       // inside <time> or a date/time class
  kInByline = 1 << 6,     // inside rel=author or an author/byline class
  kInArticle = 1 << 7,    // inside article or main
  kInTimeTag = 1 << 8,    // inside <time> itself
};

struct Open {
  std::int32_t node;   // the nearest shown element's node, -1 for none
  std::uint32_t tag;
  std::uint32_t cues;  // public cue bits, cumulative
  std::uint16_t bits;
  Context context;
  Hint hint;  // from the innermost hint-bearing block element (kTitle marks h1)
  // Stack index of the nearest open element of each kind, -1 for none: the HTML5 scope
  // checks in O(1).
  std::int32_t p, p_scope, li, dd_dt, special, table, tr, cell;
};

struct Attributes {
  std::string_view klass, id, rel, itemprop, role, style;
  // for <meta>, <html>, <time>, <script>
  std::string_view name, property, content, datetime, lang, type, http_equiv;
  bool has_class = false, has_id = false, has_href = false, has_rel = false,
       has_itemprop = false, has_role = false, has_style = false, hidden = false,
       open = false, aria_modal = false;
};

struct BlockInfo {  // per block, for choosing the title after the pass
  bool h1;
  bool in_article;
};

// A short block: at most this many code points may be a byline or dateline.
constexpr std::size_t kShortBlock = 120;
// ... and at most this many a dateline ("Friday, December 23, 2016, 5:11 AM"): a class
// word "date" on a wrapper of the whole post (Blogger's "date-outer") names no paragraph.
constexpr std::size_t kShortDateline = 64;

class Parser {
 public:
  explicit Parser(std::string_view in)
      : in_(in), counts_(kKnownTags + 1, 0), end_tag_missing_(kKnownTags + 1, std::string_view::npos) {}

  Document run();

 private:
  // tokenizer
  void markup();
  bool read_attributes(std::size_t& j, Attributes* a, bool* self_closing);
  std::size_t find_end_tag(std::size_t from, std::uint32_t id);
  std::size_t after_tag(std::size_t lt);
  std::size_t bogus_comment(std::size_t from) const;
  std::size_t comment(std::size_t from) const;

  // tree
  std::uint32_t tag_id(const std::string& name);
  void start_tag(std::uint32_t id, const Attributes& a, bool self_closing);
  void end_tag(std::uint32_t id);
  void push(std::uint32_t id, const Attributes& a);
  void pop();
  void pop_to(std::int32_t index);
  void pop_until(std::uint32_t id);
  void close_head();
  void leave_foreign();
  void rcdata(std::uint32_t id, const Attributes& a);
  std::uint16_t top_bits() const { return stack_.empty() ? 0 : stack_.back().bits; }
  std::uint32_t top_tag() const { return stack_.empty() ? 0 : stack_.back().tag; }

  // text
  void on_text(std::string_view s);
  void text(std::string_view s);
  void emit_range(std::size_t from, std::size_t to);
  void line_break();
  void flush(const Open* top);
  void start_block(const Open* top);
  void end_block();
  void choose_title();

  // tree and metadata
  std::uint32_t class_marks(std::string_view value);
  void meta_tag(const Attributes& a);
  void json_ld(std::string_view json);
  void finish_tree();

  std::string_view in_;
  std::size_t i_ = 0;
  Document doc_;

  std::vector<Open> stack_;
  std::vector<std::uint32_t> counts_;  // open elements per tag id
  std::unordered_map<std::string, std::uint32_t> unknown_;
  std::uint32_t headings_open_ = 0;
  bool head_done_ = false;
  bool have_title_ = false;
  std::vector<std::size_t> end_tag_missing_;  // per known tag id, see find_end_tag

  // the current block
  bool content_ = false;  // has text: started
  std::size_t start_ = 0;
  std::size_t cps_ = 0, link_cps_ = 0, time_cps_ = 0, byline_cps_ = 0;
  bool time_tag_ = false;  // has text in <time>
  bool digit_ = false;     // has an ASCII digit
  std::uint32_t flags_ = 0;
  Context context_ = Context::kNone;
  Hint hint_ = Hint::kNone;
  bool in_article_ = false;
  // what goes before the next text of the block
  bool pending_space_ = false, pending_line_ = false, pending_cell_ = false;
  std::string pre_ws_;  // spaces and tabs in pre, kept once text follows on the line

  std::vector<BlockInfo> info_;
  std::string name_, scratch_, scratch2_, role_;
  std::uint32_t punctuation_ = 0;  // of the current block
  std::string first_time_;         // the first shown <time datetime>
  std::int32_t block_node_ = -1;   // of the current block
  std::unordered_map<std::string, std::uint32_t> marks_cache_;  // class/id value -> mark bits
  std::string marks_key_;
};

// Character references decoded, white space runs collapsed to one space, trimmed.
std::string clean_value(std::string_view v) {
  std::string decoded;
  for (std::size_t k = 0; k < v.size();) {
    if (v[k] == '&') {
      k = decode_reference(v, k, v.size(), decoded);
    } else {
      decoded.push_back(v[k++]);
    }
  }
  std::string t;
  bool space = false;
  for (char c : decoded) {
    if (is_ws(static_cast<unsigned char>(c))) {
      space = !t.empty();
    } else {
      if (space) t.push_back(' ');
      space = false;
      t.push_back(c);
    }
  }
  return t;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// A metadata value worth keeping: not empty, not a URL (article:author often is one).
bool usable(std::string_view v) {
  return !v.empty() && v.substr(0, 7) != "http://" && v.substr(0, 8) != "https://" && v.size() <= 500;
}

void set_once(std::string& field, std::string_view raw) {
  if (!field.empty()) return;
  std::string v = clean_value(raw);
  if (usable(v)) field = std::move(v);
}

// ---- tokenizer -----------------------------------------------------------------------

Document Parser::run() {
  const std::size_t n = in_.size();
  while (i_ < n) {
    std::size_t j = i_;
    while (j < n && in_[j] != '<' && in_[j] != '&') ++j;
    if (j > i_) on_text(in_.substr(i_, j - i_));
    i_ = j;
    if (i_ >= n) break;
    if (in_[i_] == '&') {
      if ((top_bits() & kSkipped) && top_tag() != kHead) {
        ++i_;
        continue;
      }
      scratch_.clear();
      i_ = decode_reference(in_, i_, n, scratch_);
      on_text(scratch_);
      continue;
    }
    markup();
  }
  end_block();
  choose_title();
  finish_tree();
  if (doc_.meta.published.empty()) doc_.meta.published = std::move(first_time_);
  return std::move(doc_);
}

// At in_[i_] == '<'.
void Parser::markup() {
  const std::size_t n = in_.size();
  const std::size_t lt = i_;
  if (lt + 1 >= n) {
    on_text("<");
    i_ = n;
    return;
  }
  const auto c = static_cast<unsigned char>(in_[lt + 1]);
  if (c == '!') {
    if (in_.substr(lt + 2, 2) == "--") {
      i_ = comment(lt + 4);
      return;
    }
    lowercase_into(in_.substr(lt + 2, 7), scratch_);
    if (scratch_ == "[cdata[") {
      const std::size_t e = in_.find("]]>", lt + 9);
      i_ = e == std::string_view::npos ? n : e + 3;
      return;
    }
    i_ = bogus_comment(lt + 2);  // doctype and the rest
    return;
  }
  if (c == '?') {
    i_ = bogus_comment(lt + 2);
    return;
  }
  const bool end = c == '/';
  const std::size_t name_at = lt + (end ? 2 : 1);
  if (name_at >= n) {  // "</" at the end: text
    on_text(in_.substr(lt));
    i_ = n;
    return;
  }
  if (!is_alpha(static_cast<unsigned char>(in_[name_at]))) {
    if (!end) {  // a stray '<'
      on_text("<");
      i_ = lt + 1;
    } else if (in_[name_at] == '>') {  // "</>"
      i_ = name_at + 1;
    } else {
      i_ = bogus_comment(name_at);
    }
    return;
  }
  std::size_t j = name_at;
  while (j < n && !is_ws(static_cast<unsigned char>(in_[j])) && in_[j] != '/' && in_[j] != '>') ++j;
  lowercase_into(in_.substr(name_at, j - name_at), name_);
  Attributes a;
  bool self_closing = false;
  if (!read_attributes(j, end ? nullptr : &a, &self_closing)) {  // the input ends in the tag
    i_ = n;
    return;
  }
  i_ = j;
  const std::uint32_t id = tag_id(name_);
  if (end) {
    end_tag(id);
  } else {
    start_tag(id, a, self_closing);
  }
}

// Reads attributes from j up to and past the closing '>'. False if the input ends first.
bool Parser::read_attributes(std::size_t& j, Attributes* a, bool* self_closing) {
  const std::size_t n = in_.size();
  auto skip_ws = [&] {
    while (j < n && is_ws(static_cast<unsigned char>(in_[j]))) ++j;
  };
  for (;;) {
    skip_ws();
    if (j >= n) return false;
    if (in_[j] == '>') {
      ++j;
      return true;
    }
    if (in_[j] == '/') {
      ++j;
      if (j < n && in_[j] == '>') {
        *self_closing = true;
        ++j;
        return true;
      }
      continue;
    }
    const std::size_t name_at = j++;  // the first character may be '='
    while (j < n && !is_ws(static_cast<unsigned char>(in_[j])) && in_[j] != '/' && in_[j] != '>' &&
           in_[j] != '=') {
      ++j;
    }
    const std::string_view name = in_.substr(name_at, j - name_at);
    skip_ws();
    std::string_view value;
    if (j < n && in_[j] == '=') {
      ++j;
      skip_ws();
      if (j >= n) return false;
      if (in_[j] == '"' || in_[j] == '\'') {
        const std::size_t close = in_.find(in_[j], j + 1);
        if (close == std::string_view::npos) return false;
        value = in_.substr(j + 1, close - j - 1);
        j = close + 1;
      } else {
        const std::size_t at = j;
        while (j < n && !is_ws(static_cast<unsigned char>(in_[j])) && in_[j] != '>') ++j;
        value = in_.substr(at, j - at);
      }
    }
    if (a == nullptr || name.size() > 10) continue;
    lowercase_into(name, scratch_);
    // The first of duplicate attributes counts (HTML5).
    if (scratch_ == "class" && !a->has_class) {
      a->has_class = true, a->klass = value;
    } else if (scratch_ == "id" && !a->has_id) {
      a->has_id = true, a->id = value;
    } else if (scratch_ == "href") {
      a->has_href = true;
    } else if (scratch_ == "rel" && !a->has_rel) {
      a->has_rel = true, a->rel = value;
    } else if (scratch_ == "itemprop" && !a->has_itemprop) {
      a->has_itemprop = true, a->itemprop = value;
    } else if (scratch_ == "role" && !a->has_role) {
      a->has_role = true, a->role = value;
    } else if (scratch_ == "style" && !a->has_style) {
      a->has_style = true, a->style = value;
    } else if (scratch_ == "name" && a->name.empty()) {
      a->name = value;
    } else if (scratch_ == "property" && a->property.empty()) {
      a->property = value;
    } else if (scratch_ == "content" && a->content.empty()) {
      a->content = value;
    } else if (scratch_ == "datetime" && a->datetime.empty()) {
      a->datetime = value;
    } else if (scratch_ == "lang" && a->lang.empty()) {
      a->lang = value;
    } else if (scratch_ == "type" && a->type.empty()) {
      a->type = value;
    } else if (scratch_ == "http-equiv" && a->http_equiv.empty()) {
      a->http_equiv = value;
    } else if (scratch_ == "aria-modal") {
      a->aria_modal = true;
    } else if (scratch_ == "hidden") {
      a->hidden = true;
    } else if (scratch_ == "open") {
      a->open = true;
    }
  }
}

// Position of the '<' of "</name" (any case) followed by white space, '/' or '>', or npos,
// for the known element `id`. Once the end tag is known to be missing after some
// position, it is missing after any later one: 100,000 unclosed <iframe> or <title>
// tags cost one search, not 100,000.
std::size_t Parser::find_end_tag(std::size_t from, std::uint32_t id) {
  std::size_t& missing = end_tag_missing_[id];
  if (from >= missing) return std::string_view::npos;
  const std::string_view name = kTags[id - 1].name;
  const std::size_t n = in_.size();
  missing = from;  // unless found below
  for (std::size_t k = in_.find("</", from); k != std::string_view::npos; k = in_.find("</", k + 2)) {
    const std::size_t e = k + 2 + name.size();
    if (e > n) return std::string_view::npos;
    bool same = true;
    for (std::size_t m = 0; m < name.size() && same; ++m) same = lower(in_[k + 2 + m]) == name[m];
    if (same && (e == n || is_ws(static_cast<unsigned char>(in_[e])) || in_[e] == '/' || in_[e] == '>')) {
      missing = std::string_view::npos;
      return k;
    }
  }
  return std::string_view::npos;
}

// Past the end tag that starts at lt ("</name ...>"), or the end of the input.
std::size_t Parser::after_tag(std::size_t lt) {
  std::size_t j = lt + 2;
  const std::size_t n = in_.size();
  while (j < n && !is_ws(static_cast<unsigned char>(in_[j])) && in_[j] != '/' && in_[j] != '>') ++j;
  bool self_closing = false;
  return read_attributes(j, nullptr, &self_closing) ? j : n;
}

std::size_t Parser::bogus_comment(std::size_t from) const {
  const std::size_t e = in_.find('>', from);
  return e == std::string_view::npos ? in_.size() : e + 1;
}

// After "<!--": "<!-->" and "<!--->" end at once; otherwise "-->" or "--!>" ends the
// comment, and an unclosed one runs to the end of the input.
std::size_t Parser::comment(std::size_t from) const {
  const std::size_t n = in_.size();
  if (from < n && in_[from] == '>') return from + 1;
  if (from + 1 < n && in_[from] == '-' && in_[from + 1] == '>') return from + 2;
  for (std::size_t k = in_.find("--", from); k != std::string_view::npos; k = in_.find("--", k + 1)) {
    if (k + 2 < n && in_[k + 2] == '>') return k + 3;
    if (k + 3 < n && in_[k + 2] == '!' && in_[k + 3] == '>') return k + 4;
  }
  return n;
}

// ---- tree ----------------------------------------------------------------------------

std::uint32_t Parser::tag_id(const std::string& name) {
  if (const std::uint32_t id = known_id(name); id != 0) return id;
  const auto [it, inserted] = unknown_.try_emplace(name, static_cast<std::uint32_t>(counts_.size()));
  if (inserted) counts_.push_back(0);
  return it->second;
}

void Parser::start_tag(std::uint32_t id, const Attributes& a, bool self_closing) {
  const std::uint16_t props = props_of(id);
  if (id == kScript || id == kStyle || ((props & kR) && !(top_bits() & kForeign))) {
    if (self_closing && (top_bits() & kForeign)) return;
    if ((props & kB) && !(top_bits() & kSkipped)) end_block();
    const std::size_t e = find_end_tag(i_, id);
    if (id == kScript && e != std::string_view::npos && !a.type.empty() && contains_lower(a.type, "ld+json", scratch2_)) {
      json_ld(in_.substr(i_, e - i_));
    }
    if (e != std::string_view::npos) {
      i_ = after_tag(e);
    } else if (id == kScript || id == kStyle) {
      i_ = in_.size();  // code to the end, as browsers take it
    }
    // An <iframe>, <noscript>, <xmp> ... never closed is taken as empty: what follows
    // is parsed (browsers would hide the rest of the page).
    return;
  }
  if (top_bits() & kForeign) {
    if ((props & kF) && !(top_bits() & kIntegration)) {
      leave_foreign();
    } else {
      if (!self_closing) push(id, a);
      return;
    }
  }
  if (id == kHtml) {
    if (doc_.meta.lang.empty()) doc_.meta.lang = clean_value(a.lang);
    return;
  }
  if (id == kMeta) {
    meta_tag(a);
    return;
  }
  if (id == kTime && !a.datetime.empty() && !(top_bits() & kSkipped)) set_once(first_time_, a.datetime);
  if (a.has_itemprop && !a.datetime.empty() && iequals(a.itemprop, "datePublished")) {
    set_once(doc_.meta.published, a.datetime);
  }
  if (id == kBody) {
    close_head();
    head_done_ = true;
    return;
  }
  if (top_tag() == kHead && !(props & kH)) close_head();
  if (id == kHead) {
    if (!head_done_ && counts_[kHead] == 0) push(id, a);
    return;
  }
  if (!(props & kH)) head_done_ = true;
  if (id == kTitle || id == kTextarea) {
    rcdata(id, a);
    return;
  }
  if (id == kBr) {
    line_break();
    return;
  }
  if (!stack_.empty()) {
    const Open& top = stack_.back();
    if ((props & kCloseP) && top.p > top.p_scope) pop_to(top.p);
  }
  if (!stack_.empty()) {
    const Open& top = stack_.back();
    if (id == kLi) {
      if (top.li >= 0 && top.li > std::max(top.special, top.dd_dt)) pop_to(top.li);
    } else if (id == kDd || id == kDt) {
      if (top.dd_dt >= 0 && top.dd_dt > std::max(top.special, top.li)) pop_to(top.dd_dt);
    } else if (is_heading(id)) {
      if (is_heading(top.tag)) pop();
    } else if (id == kTr) {
      if (top.tr > top.table) pop_to(top.tr);
    } else if (id == kTd || id == kTh) {
      if (top.cell > std::max(top.tr, top.table)) pop_to(top.cell);
    }
  }
  if (props & kV) {
    if ((props & kB) && !(top_bits() & kSkipped)) end_block();  // hr
    return;
  }
  if ((id == kSvg || id == kMath) && self_closing) return;
  push(id, a);
  if (id == kPlaintext) {  // the rest of the input is text
    text(in_.substr(i_));
    i_ = in_.size();
    return;
  }
  if ((id == kTd || id == kTh) && content_) pending_cell_ = true;
}

void Parser::end_tag(std::uint32_t id) {
  const std::uint16_t props = props_of(id);
  if (top_bits() & kForeign) {
    if ((id == kP || id == kBr) && !(top_bits() & kIntegration)) {
      leave_foreign();
    } else {
      if (counts_[id] > 0) pop_until(id);
      return;
    }
  }
  if (id == kBr) {  // "</br>" is a <br>
    line_break();
    return;
  }
  if (id == kHtml || id == kBody) return;
  if (id == kHead) {
    close_head();
    return;
  }
  if (is_heading(id)) {
    if (headings_open_ > 0) {
      while (!stack_.empty() && !is_heading(stack_.back().tag)) pop();
      pop();
    }
  } else if (id == kP) {
    if (!stack_.empty() && stack_.back().p > stack_.back().p_scope) pop_to(stack_.back().p);
  } else if (counts_[id] > 0) {
    pop_until(id);
  }
  // Also an unmatched </p> or </div> breaks the block, as shown.
  if ((props & kB) && !(top_bits() & kSkipped)) end_block();
}

void Parser::push(std::uint32_t id, const Attributes& a) {
  const std::uint16_t props = props_of(id);
  const std::int32_t index = static_cast<std::int32_t>(stack_.size());
  Open e;
  if (stack_.empty()) {
    e = Open{-1, 0, 0, 0, Context::kNone, Hint::kNone, -1, -1, -1, -1, -1, -1, -1, -1};
  } else {
    e = stack_.back();
  }
  e.tag = id;

  std::uint32_t words = 0;
  if (a.has_class) words |= value_cues(a.klass, scratch2_);
  if (a.has_id) words |= value_cues(a.id, scratch2_);
  e.cues |= words & kPublicCues;

  std::uint16_t bits = 0;
  if (props & kS) bits |= kSkipped;
  if (a.hidden || (id == kDialog && !a.open)) bits |= kSkipped;
  if (a.has_style) {
    scratch2_.clear();
    for (char c : a.style) {
      if (!is_ws(static_cast<unsigned char>(c))) scratch2_.push_back(lower(c));
    }
    if (scratch2_.find("display:none") != std::string::npos ||
        scratch2_.find("visibility:hidden") != std::string::npos) {
      bits |= kSkipped;
    }
  }
  if (id == kSvg || id == kMath) bits |= kForeign | kSkipped;
  if (e.bits & kForeign) {
    // HTML integration points: their content is HTML (and, in SVG, still not shown).
    const std::string& name = name_;
    if (name == "foreignobject" || name == "desc" || name == "title" || name == "annotation-xml" ||
        name == "mi" || name == "mo" || name == "mn" || name == "ms" || name == "mtext") {
      bits |= kIntegration;
    }
  }
  if (props & kPre) bits |= kWhiteSpace;
  if (id == kA && a.has_href) bits |= kInLink;
  const bool big = props & kBig;
  if (id == kTime) bits |= kInTime | kInTimeTag;
  if ((!big && (words & (kWordDate | kWordTime))) ||
      (!big && a.has_itemprop && contains_lower(a.itemprop, "date", scratch2_))) {
    bits |= kInTime;
  }
  if ((a.has_rel && has_token(a.rel, "author", scratch2_)) ||
      (!big && (words & (cue::kAuthor | cue::kByline))) ||
      (!big && a.has_itemprop && contains_lower(a.itemprop, "author", scratch2_))) {
    bits |= kInByline;
  }

  std::string_view role;
  if (a.has_role) {
    lowercase_into(a.role, role_);
    role = role_;
    const std::size_t space = role.find_first_of(" \t\n\r\f");
    if (space != std::string_view::npos) role = role.substr(0, space);
  }
  if (id == kArticle || id == kMain || role == "main" || role == "article") {
    bits |= kInArticle;
    e.context = Context::kNone;
  }
  if (id == kNav || id == kMenu || role == "navigation" || role == "menu" || role == "menubar") {
    e.context = Context::kNav;
  } else if (id == kAside || role == "complementary") {
    e.context = Context::kAside;
  } else if (id == kFooter || role == "contentinfo") {
    e.context = Context::kFooter;
  } else if (id == kHeader || role == "banner") {
    e.context = Context::kHeader;
  } else if (id == kForm || id == kSearch || role == "search" || role == "form") {
    e.context = Context::kForm;
  }
  if ((bits & kSkipped) && !(e.bits & kSkipped)) {
    // The root of skipped content bounds the implied end tags: a <p> in a <video>
    // does not close the <p> around the video. The root itself still closes as its
    // kind does: <p hidden>A<p>B, <li hidden>A<li>B, <td hidden>A<td>B.
    if (id != kP) e.p_scope = index;
    if (id != kLi && id != kDd && id != kDt) e.special = index;
    if (id != kTr && id != kTd && id != kTh) e.table = index;
  }
  e.bits |= bits;
  // Only shown block-level elements break blocks.
  if ((props & kB) && !(e.bits & kSkipped)) end_block();

  if (id == kH1) {
    e.hint = Hint::kTitle;  // marks h1; resolved to kTitle or kHeading
  } else if (is_heading(id)) {
    e.hint = Hint::kHeading;
  } else if (id == kLi || id == kDd) {
    e.hint = Hint::kListItem;
  } else if (id == kDt) {
    e.hint = Hint::kNone;
  } else if (id == kBlockquote) {
    e.hint = Hint::kQuote;
  } else if (id == kFigcaption || id == kCaption) {
    e.hint = Hint::kCaption;
  } else if (id == kAddress) {
    e.hint = Hint::kByline;
  } else if (id == kP && e.hint == Hint::kNone) {
    e.hint = Hint::kParagraph;
  }

  if (id == kP) e.p = index;
  if (props & kScope) e.p_scope = index;
  if (id == kLi) e.li = index;
  if (id == kDd || id == kDt) e.dd_dt = index;
  if ((props & kX) && id != kLi && id != kDd && id != kDt) e.special = index;
  if (id == kTable || id == kTemplate || id == kHtml) e.table = index;
  if (id == kTr) e.tr = index;
  if (id == kTd || id == kTh) e.cell = index;

  if (!(e.bits & kSkipped)) {
    Node node;
    node.parent = e.node;
    node.tag = id;
    node.cues = words & kPublicCues;
    std::uint32_t m = 0;
    if (a.has_class) m |= class_marks(a.klass);
    if (a.has_id) m |= class_marks(a.id);
    if (a.has_itemprop && (iequals(a.itemprop, "articlebody") || iequals(a.itemprop, "text"))) {
      m |= mark::kArticleBody | mark::kPositive;
    }
    if (id == kArticle || role == "article") m |= mark::kArticle;
    if (id == kMain || role == "main") m |= mark::kMain;
    if (e.context == Context::kNav && (id == kNav || id == kMenu || !role.empty())) m |= mark::kNav;
    if (id == kAside || role == "complementary") m |= mark::kAside;
    if (id == kFooter || role == "contentinfo") m |= mark::kFooter;
    if (id == kHeader || role == "banner") m |= mark::kHeader;
    if (id == kForm || id == kSearch || role == "search" || role == "form") m |= mark::kForm;
    if (id == kDialog || role == "dialog" || role == "alertdialog" || a.aria_modal) m |= mark::kDialog;
    if (is_heading(id)) m |= mark::kHeading;
    if (props & kB) m |= mark::kBlock;
    node.marks = m;
    e.node = static_cast<std::int32_t>(doc_.nodes.size());
    node.last = static_cast<std::uint32_t>(doc_.nodes.size());
    doc_.nodes.push_back(node);
  }
  stack_.push_back(e);
  ++counts_[id];
  if (is_heading(id)) ++headings_open_;
}

std::uint32_t Parser::class_marks(std::string_view value) {
  if (value.size() > 200) value = value.substr(0, 200);
  marks_key_.assign(value);  // a reused buffer: no allocation per element for the lookup
  const auto hit = marks_cache_.find(marks_key_);
  if (hit != marks_cache_.end()) return hit->second;
  std::uint32_t bits = 0;
  any_token(value, scratch2_, [&](std::string_view token) {
    bits |= token_marks(token);
    return false;
  });
  // A negative word anywhere wins: "content sidebar" is a sidebar.
  if (bits & mark::kNegative) bits &= ~(mark::kPositive | mark::kArticleBody);
  if (marks_cache_.size() < 4096) marks_cache_.emplace(marks_key_, bits);
  return bits;
}

// <meta name|property=... content=...>: the page's own title, site, author and date.
void Parser::meta_tag(const Attributes& a) {
  Meta& m = doc_.meta;
  if (!a.http_equiv.empty() && iequals(a.http_equiv, "content-language")) {
    if (m.lang.empty()) m.lang = clean_value(a.content);
    return;
  }
  const std::string_view key = !a.property.empty() ? a.property : a.name;
  if (key.empty() && a.has_itemprop && iequals(a.itemprop, "datePublished")) {
    set_once(m.published, a.content);
    return;
  }
  lowercase_into(key, scratch2_);
  const std::string_view k = scratch2_;
  if (k == "og:title" || k == "twitter:title") {
    set_once(m.title, a.content);
  } else if (k == "og:site_name" || k == "application-name") {
    set_once(m.site_name, a.content);
  } else if (k == "author" || k == "article:author" || k == "dc.creator" || k == "byl" || k == "parsely-author" ||
             k == "sailthru.author") {
    set_once(m.author, a.content);
  } else if (k == "article:published_time" || k == "og:published_time" || k == "datepublished" ||
             k == "date" || k == "dc.date" || k == "dc.date.issued" || k == "pubdate" || k == "publish-date" ||
             k == "parsely-pub-date" || k == "sailthru.date" || k == "article.published") {
    set_once(m.published, a.content);
  }
}


// The string value after `"key":` at or after `from` within `json`, escapes decoded
// (\uXXXX to UTF-8, surrogate pairs joined), at most `limit` bytes; empty if none.
std::string json_string_after(std::string_view json, std::size_t from, std::size_t limit) {
  std::size_t k = from;
  while (k < json.size() && (json[k] == ' ' || json[k] == '\t' || json[k] == '\n' || json[k] == '\r')) ++k;
  if (k >= json.size() || json[k] != ':') return {};
  ++k;
  while (k < json.size() && (json[k] == ' ' || json[k] == '\t' || json[k] == '\n' || json[k] == '\r')) ++k;
  if (k >= json.size() || json[k] != '"') return {};
  ++k;
  std::string out;
  auto hex4 = [&](std::size_t at, std::uint32_t* v) {
    if (at + 4 > json.size()) return false;
    std::uint32_t x = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      const char c = json[i];
      x <<= 4;
      if (c >= '0' && c <= '9') x |= static_cast<std::uint32_t>(c - '0');
      else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') x |= static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
      else return false;
    }
    *v = x;
    return true;
  };
  while (k < json.size() && json[k] != '"' && out.size() < limit) {
    if (json[k] != '\\') {
      out.push_back(json[k++]);
      continue;
    }
    if (k + 1 >= json.size()) break;
    const char e = json[k + 1];
    k += 2;
    switch (e) {
      case 'n': case 'r': case 't': out.push_back(' '); break;
      case 'b': case 'f': break;
      case 'u': {
        std::uint32_t v = 0;
        if (!hex4(k, &v)) break;
        k += 4;
        if (v >= 0xD800 && v <= 0xDBFF && k + 6 <= json.size() && json[k] == '\\' && json[k + 1] == 'u') {
          std::uint32_t lo = 0;
          if (hex4(k + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            k += 6;
          }
        }
        if (v >= 0xD800 && v <= 0xDFFF) v = 0xFFFD;
        unicode::append_utf8(static_cast<char32_t>(v), out);
        break;
      }
      default: out.push_back(e); break;
    }
  }
  return out;
}

// Key facts of JSON-LD (schema.org) found by scanning, not parsing: the first
// "headline", "datePublished", "articleBody", the "name" after "author" and after
// "publisher". A scan suffices (the values are strings) and costs one pass.
void Parser::json_ld(std::string_view json) {
  Meta& m = doc_.meta;
  auto value_of = [&](std::string_view key, std::size_t limit) -> std::string {
    const std::size_t at = json.find(key);
    if (at == std::string_view::npos) return {};
    return json_string_after(json, at + key.size(), limit);
  };
  auto name_after = [&](std::string_view key) -> std::string {
    const std::size_t at = json.find(key);
    if (at == std::string_view::npos) return {};
    // "author": "Name", or "author": {"@type": "Person", "name": "Name"} (or a list)
    if (std::string direct = json_string_after(json, at + key.size(), 300); !direct.empty()) return direct;
    const std::size_t name = json.substr(0, std::min(json.size(), at + 400)).find("\"name\"", at);
    if (name == std::string_view::npos) return {};
    return json_string_after(json, name + 6, 300);
  };
  if (m.title.empty()) set_once(m.title, value_of("\"headline\"", 500));
  if (m.published.empty()) set_once(m.published, value_of("\"datePublished\"", 100));
  if (m.author.empty()) set_once(m.author, name_after("\"author\""));
  if (m.site_name.empty()) set_once(m.site_name, name_after("\"publisher\""));
  if (m.article_body.empty()) m.article_body = value_of("\"articleBody\"", 2000);
}

// Each node's last descendant: nodes are in pre-order, so one backward pass.
void Parser::finish_tree() {
  auto& nodes = doc_.nodes;
  for (std::size_t i = nodes.size(); i-- > 0;) {
    const std::int32_t p = nodes[i].parent;
    if (p >= 0 && nodes[static_cast<std::size_t>(p)].last < nodes[i].last) nodes[static_cast<std::size_t>(p)].last = nodes[i].last;
  }
}

void Parser::pop() {
  if (stack_.empty()) return;
  const std::uint32_t id = stack_.back().tag;
  const bool shown = !(stack_.back().bits & kSkipped);
  --counts_[id];
  if (is_heading(id)) --headings_open_;
  stack_.pop_back();
  if ((props_of(id) & kB) && shown) end_block();
}

void Parser::pop_to(std::int32_t index) {
  while (static_cast<std::int32_t>(stack_.size()) > index) pop();
}

void Parser::pop_until(std::uint32_t id) {
  while (!stack_.empty()) {
    const bool last = stack_.back().tag == id;
    pop();
    if (last) return;
  }
}

void Parser::close_head() {
  if (counts_[kHead] > 0) pop_until(kHead);
  head_done_ = true;
}

void Parser::leave_foreign() {
  while (!stack_.empty() && (stack_.back().bits & kForeign)) pop();
}

// <title> and <textarea>: text with references, up to the end tag. An unclosed one ends
// at the next '<' (browsers would take the rest of the page).
void Parser::rcdata(std::uint32_t id, const Attributes& a) {
  std::size_t e = find_end_tag(i_, id);
  std::size_t next;
  if (e == std::string_view::npos) {
    e = in_.find('<', i_);
    if (e == std::string_view::npos) e = in_.size();
    next = e;
  } else {
    next = after_tag(e);
  }
  if (id == kTitle) {
    if (!have_title_) {
      have_title_ = true;
      std::string decoded;
      for (std::size_t k = i_; k < e;) {
        if (in_[k] == '&') {
          k = decode_reference(in_, k, e, decoded);
        } else {
          decoded.push_back(in_[k++]);
        }
      }
      std::string& t = doc_.title_hint;
      bool space = false;
      for (char c : decoded) {
        if (is_ws(static_cast<unsigned char>(c))) {
          space = !t.empty();
        } else {
          if (space) t.push_back(' ');
          space = false;
          t.push_back(c);
        }
      }
    }
  } else {
    push(id, a);
    emit_range(i_, e);
    pop();
  }
  i_ = next;
}

// ---- text ----------------------------------------------------------------------------

void Parser::on_text(std::string_view s) {
  if (top_bits() & kSkipped) {
    if (top_tag() != kHead || !has_non_ws(s)) return;
    close_head();  // text in <head> ends it (HTML5 "in head", anything else)
  }
  text(s);
}

// Text with references, in [from, to).
void Parser::emit_range(std::size_t from, std::size_t to) {
  std::size_t k = from;
  while (k < to) {
    std::size_t j = k;
    while (j < to && in_[j] != '&') ++j;
    if (j > k) text(in_.substr(k, j - k));
    if (j >= to) break;
    scratch_.clear();
    k = decode_reference(in_, j, to, scratch_);
    text(scratch_);
  }
}

// Decoded text, shown by the current element.
void Parser::text(std::string_view s) {
  const Open* top = stack_.empty() ? nullptr : &stack_.back();
  const std::uint16_t bits = top ? top->bits : 0;
  if (bits & kSkipped) return;
  const bool pre = bits & kWhiteSpace;
  const std::size_t n = s.size();
  std::size_t k = 0;
  while (k < n) {
    const auto b = static_cast<unsigned char>(s[k]);
    if (is_ws(b)) {
      ++k;
      if (!content_) continue;  // leading white space
      if (!pre) {
        pending_space_ = true;
      } else if (b == '\n' || b == '\r') {
        pending_line_ = true;
        pre_ws_.clear();  // trailing spaces of the line
      } else {
        pre_ws_.push_back(b == '\t' ? '\t' : ' ');
      }
      continue;
    }
    if (b == 0) {  // NUL: dropped, as HTML5 does in text
      ++k;
      continue;
    }
    // A run of other bytes; Unicode spaces (U+00A0 ...) are kept but not counted, and
    // dropped at the start of a block.
    std::size_t end = k;
    while (end < n && !is_ws(static_cast<unsigned char>(s[end])) && s[end] != 0) ++end;
    if (!content_) {
      while (k < end) {
        std::size_t t = k;
        const char32_t cp = unicode::next(s, t);
        if (!unicode::is_space(cp)) break;  // U+000B, U+00A0, U+3000 ...: HTML keeps them as text
        k = t;
      }
      if (k == end) continue;
    }
    flush(top);
    std::size_t counted = 0;
    for (std::size_t t = k; t < end;) {
      const auto c = static_cast<unsigned char>(s[t]);
      if (c < 0x80) {
        digit_ = digit_ || is_digit(c);
        punctuation_ += c == ',' || c == '.';
        ++t;
        counted += c != 0x0B;  // U+000B is Unicode white space (not HTML's): not counted
      } else {
        const char32_t cp = unicode::next(s, t);
        counted += !unicode::is_space(cp);
        punctuation_ += cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0x060C;  // 、。，،
      }
    }
    doc_.text.append(s.substr(k, end - k));
    cps_ += counted;
    if (bits & kInLink) link_cps_ += counted;
    if (bits & kInTime) time_cps_ += counted;
    if (bits & kInTimeTag) time_tag_ = true;
    if (bits & kInByline) byline_cps_ += counted;
    if (top) flags_ |= top->cues;
    k = end;
  }
}

void Parser::line_break() {
  if ((top_bits() & kSkipped) || !content_) return;
  if (pending_line_) {  // <br><br>: a paragraph break, as shown
    end_block();
    return;
  }
  pending_line_ = true;
  pre_ws_.clear();
}

// Before text: starts the block, or writes the pending separator.
void Parser::flush(const Open* top) {
  if (!content_) {
    start_block(top);
    return;
  }
  std::string& t = doc_.text;
  if (pending_cell_) {
    t += " | ";
  } else if (pending_line_) {
    t += '\n';
    t += pre_ws_;
  } else if (!pre_ws_.empty()) {
    t += pre_ws_;
  } else if (pending_space_) {
    t += ' ';
  }
  pending_space_ = pending_line_ = pending_cell_ = false;
  pre_ws_.clear();
}

void Parser::start_block(const Open* top) {
  if (!doc_.blocks.empty()) doc_.text += "\n\n";
  content_ = true;
  start_ = doc_.text.size();
  cps_ = link_cps_ = time_cps_ = byline_cps_ = 0;
  time_tag_ = digit_ = false;
  flags_ = 0;
  punctuation_ = 0;
  block_node_ = top ? top->node : -1;
  context_ = top ? top->context : Context::kNone;
  hint_ = top ? top->hint : Hint::kNone;
  in_article_ = top && (top->bits & kInArticle);
  pending_space_ = pending_line_ = pending_cell_ = false;
  pre_ws_.clear();
}

void Parser::end_block() {
  pending_space_ = pending_line_ = pending_cell_ = false;
  pre_ws_.clear();
  if (!content_) return;
  content_ = false;
  std::string& t = doc_.text;
  std::size_t end = t.size();
  while (end > start_) {
    std::size_t k = end;
    const char32_t cp = unicode::prev(t, k);
    if (k < start_ || !unicode::is_space(cp)) break;
    end = k;
  }
  t.resize(end);
  if (end == start_) {  // nothing but spaces (never, as text runs start at a non-space): no block
    t.resize(doc_.blocks.empty() ? 0 : start_ - 2);  // nor its "\n\n" separator
    return;
  }

  const bool is_short = cps_ <= kShortBlock;
  Hint h;
  if (context_ == Context::kNav) {
    h = Hint::kNavigation;
  } else if (context_ == Context::kForm) {
    h = Hint::kForm;
  } else if (hint_ == Hint::kByline || (is_short && cps_ > 0 && 2 * byline_cps_ >= cps_)) {
    h = Hint::kByline;
  } else if (cps_ <= kShortDateline && cps_ > 0 && 2 * time_cps_ >= cps_ && (time_tag_ || digit_)) {
    h = Hint::kDateline;
  } else if (context_ == Context::kAside) {
    h = Hint::kAside;
  } else if (context_ == Context::kFooter) {
    h = Hint::kFooter;
  } else if (hint_ == Hint::kTitle || hint_ == Hint::kHeading) {
    h = Hint::kHeading;
  } else if (context_ == Context::kHeader && hint_ != Hint::kCaption) {
    h = Hint::kHeader;
  } else {
    h = hint_;
  }
  Block b;
  b.start = start_;
  b.end = end;
  b.hint = h;
  // What the element alone says, for an article found inside a nav, form, aside,
  // footer or header (core/src/article judges those).
  b.element = h == Hint::kNavigation || h == Hint::kForm || h == Hint::kAside || h == Hint::kFooter ||
                      h == Hint::kHeader
                  ? (hint_ == Hint::kTitle ? Hint::kHeading : hint_)
                  : h;
  b.link_density = cps_ == 0 ? 0.0 : static_cast<double>(link_cps_) / static_cast<double>(cps_);
  b.node = block_node_;
  // (Never more than its bytes: with invalid UTF-8, which the pipeline repairs before
  // this stage, pieces of two runs can join into one white space character, trimmed.)
  b.chars = static_cast<std::uint32_t>(std::min<std::size_t>({cps_, end - start_, 0xFFFFFFFFu}));
  b.punctuation = punctuation_;
  b.flags = flags_;
  doc_.blocks.push_back(b);
  // An h1 may be the headline unless it is in a nav, aside or footer (a form or header
  // around the whole page is no reason).
  const bool furniture = context_ == Context::kNav || context_ == Context::kAside || context_ == Context::kFooter;
  info_.push_back(BlockInfo{hint_ == Hint::kTitle && b.element == Hint::kHeading && !furniture, in_article_});
}

// True if `text` is the title, or its part before a separator ("Headline | Site",
// "Headline - Site").
bool is_title_headline(std::string_view text, std::string_view title) {
  if (text.empty() || title.substr(0, text.size()) != text) return false;
  if (title.size() == text.size()) return true;
  std::size_t k = text.size();
  while (k < title.size() && title[k] == ' ') ++k;
  if (k == text.size()) return false;
  static constexpr std::string_view kSeparators[] = {
      "|", "-", ":", "/", "\xC2\xB7" /* · */, "\xC2\xBB" /* » */, "\xE2\x80\x93" /* – */,
      "\xE2\x80\x94" /* — */};
  const std::string_view rest = title.substr(k);
  return std::any_of(std::begin(kSeparators), std::end(kSeparators),
                     [&](std::string_view sep) { return rest.substr(0, sep.size()) == sep; });
}

// The title block: the first h1 inside article/main; else the first heading (or
// unmarked block) that is the <title>'s headline; else the first h1.
void Parser::choose_title() {
  const std::size_t none = doc_.blocks.size();
  std::size_t first_h1 = none, in_article = none, headline = none;
  const std::string_view title = doc_.title_hint;
  for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
    const Block& block = doc_.blocks[b];
    if (info_[b].h1) {
      if (first_h1 == none) first_h1 = b;
      if (info_[b].in_article) {
        in_article = b;
        break;
      }
    }
    const bool furniture = block.hint == Hint::kNavigation || block.hint == Hint::kAside || block.hint == Hint::kFooter;
    if (headline == none && !furniture && (block.element == Hint::kHeading || block.element == Hint::kNone) &&
        is_title_headline(std::string_view(doc_.text).substr(block.start, block.end - block.start), title)) {
      headline = b;
    }
  }
  const std::size_t pick = in_article != none ? in_article : headline != none ? headline : first_h1;
  if (pick != none) doc_.blocks[pick].hint = doc_.blocks[pick].element = Hint::kTitle;
}

}  // namespace

std::string_view hint_name(Hint hint) {
  switch (hint) {
    case Hint::kNone: return "none";
    case Hint::kTitle: return "title";
    case Hint::kHeading: return "heading";
    case Hint::kParagraph: return "paragraph";
    case Hint::kListItem: return "list-item";
    case Hint::kQuote: return "quote";
    case Hint::kCaption: return "caption";
    case Hint::kNavigation: return "navigation";
    case Hint::kAside: return "aside";
    case Hint::kFooter: return "footer";
    case Hint::kHeader: return "header";
    case Hint::kByline: return "byline";
    case Hint::kDateline: return "dateline";
    case Hint::kForm: return "form";
  }
  return "none";
}

std::uint32_t class_cues(std::string_view value) {
  std::string scratch;
  return value_cues(value, scratch) & kPublicCues;
}

Document to_text(std::string_view html) { return Parser(html).run(); }

std::string declared_charset(std::string_view html) {
  std::string head;
  lowercase_into(html.substr(0, 1024), head);
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t close = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(at, close == std::string::npos ? std::string::npos : close - at);
    const std::size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    std::size_t k = c + 7;
    while (k < tag.size() && is_ws(static_cast<unsigned char>(tag[k]))) ++k;
    if (k >= tag.size() || tag[k] != '=') continue;
    ++k;
    while (k < tag.size() && (is_ws(static_cast<unsigned char>(tag[k])) || tag[k] == '"' || tag[k] == '\'')) ++k;
    std::size_t end = k;
    while (end < tag.size() && (is_alnum(static_cast<unsigned char>(tag[end])) || tag[end] == '-' || tag[end] == '_' ||
                                tag[end] == ':' || tag[end] == '.')) {
      ++end;
    }
    if (end > k) return std::string(tag.substr(k, end - k));
  }
  return {};
}

}  // namespace precis::html
