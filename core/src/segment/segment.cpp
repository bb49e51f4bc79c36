#include "segment/segment.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "unicode/sentence_break.hpp"
#include "unicode/unicode.hpp"

namespace precis::segment {
namespace {
#include "precis_gen/abbreviations.inc"

using unicode::SentenceBreak;

// Words and tokens are looked at only this far, so each decision costs O(1).
constexpr std::size_t kMaxToken = 64;
// Quotations and brackets shorter than this (bytes) hold their sentences together:
// "Where? Nobody knew." in quotation marks stays one sentence. Longer spans are split as
// usual: long quotations in running text are several sentences, or unbalanced marks.
constexpr std::size_t kMaxProtected = 300;
// Nesting depth tracked for quotes and brackets.
constexpr std::size_t kMaxDepth = 32;

using unicode::fold;

// ---- data ----------------------------------------------------------------------------

Rules parse_rules(std::string_view data) {
  Rules r;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) eol = data.size();
    std::string_view line = data.substr(pos, eol - pos);
    pos = eol + 1;
    std::vector<std::string_view> words;
    for (std::size_t w = 0; w < line.size();) {
      while (w < line.size() && (line[w] == ' ' || line[w] == '\t')) ++w;
      std::size_t e = w;
      while (e < line.size() && line[e] != ' ' && line[e] != '\t') ++e;
      if (e > w) words.push_back(line.substr(w, e - w));
      w = e;
    }
    if (words.empty()) continue;
    const std::string_view directive = words[0];
    if (directive == "ordinal-dot") {
      r.ordinal_dot = true;
      continue;
    }
    AbbrevClass cls = AbbrevClass::kNone;
    if (directive == "title") cls = AbbrevClass::kTitle;
    else if (directive == "number") cls = AbbrevClass::kNumber;
    else if (directive == "month") cls = AbbrevClass::kMonth;
    else if (directive == "common") cls = AbbrevClass::kCommon;
    else if (directive == "time") cls = AbbrevClass::kTime;
    else if (directive == "final") cls = AbbrevClass::kFinal;
    for (std::size_t k = 1; k < words.size(); ++k) {
      if (directive == "terminal" || directive == "word-final") {
        std::u32string& into = directive == "terminal" ? r.terminals : r.word_final;
        std::size_t i = 0;
        while (i < words[k].size()) into.push_back(unicode::next(words[k], i));
        continue;
      }
      std::string f = fold(words[k]);
      if (cls != AbbrevClass::kNone) r.abbreviations.emplace(f, cls);  // the first class listed wins
      else if (directive == "starter") r.starters.insert(f);
      else if (directive == "capitalized") r.capitalized.insert(f);
      else if (directive == "continuer") r.continuers.insert(f);
      else if (directive == "preposition") r.prepositions.insert(f);
    }
  }
  return r;
}

const std::map<std::string, Rules, std::less<>>& all_rules() {
  // Parsed once; never modified afterwards.
  static const std::map<std::string, Rules, std::less<>> all = [] {
    std::map<std::string, Rules, std::less<>> m;
    for (const auto& d : kSplitterData) m.emplace(d.language, parse_rules(d.text));
    // Titles that appear before names in text of every language ("Dr. Alban", "Prof.
    // Chen"), unless a language's own data says otherwise.
    for (auto& [lang, rules] : m) {
      for (const char* t : {"dr", "prof", "mr", "mrs"}) rules.abbreviations.emplace(t, AbbrevClass::kTitle);
    }
    return m;
  }();
  return all;
}

// ---- characters ----------------------------------------------------------------------

bool is_opening(char32_t cp) {
  if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == '`') return true;
  if (cp < 0x80) return false;
  auto gc = unicode::category(cp);
  return gc == unicode::GeneralCategory::Ps || gc == unicode::GeneralCategory::Pi ||
         gc == unicode::GeneralCategory::Pf;
}

bool is_closing(char32_t cp) { return cp == '`' || blocks::is_closing(cp); }

bool is_bullet(char32_t cp) {
  switch (cp) {
    case 0x2022: case 0x25E6: case 0x25AA: case 0x2023: case 0x2043: case 0x2219: case 0x00B7:
    case 0x25CF: case 0x25CB: case 0x25A0: case 0x25A1: case 0x27A2: case 0x25BA:
      return true;
    default:
      return false;
  }
}

bool is_mark(char32_t cp) {
  if (cp < 0x300) return false;
  auto gc = unicode::category(cp);
  return gc == unicode::GeneralCategory::Mn || gc == unicode::GeneralCategory::Mc || gc == unicode::GeneralCategory::Me;
}

bool is_dash(char32_t cp) {
  return cp == '-' || (cp >= 0x80 && unicode::category(cp) == unicode::GeneralCategory::Pd);
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool roman_letter(char32_t c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
}

// ---- list markers: "1." "2)" "a." "(b)" "•" ----------------------------------------

struct Marker {
  enum Kind { kNone, kBullet, kNumber, kLetter, kParenNumber, kParenLetter } kind = kNone;
  char32_t bullet = 0;
  int value = 0;          // number, or the letter
  std::string suffix;     // "." ")" ".)"
};

// The marker at text[i] (followed by space or, for bullets, anything), if any.
Marker parse_marker(std::string_view text, std::size_t i, std::size_t end, bool first = true) {
  Marker m;
  if (i >= end) return m;
  std::size_t k = i;
  char32_t cp = unicode::next(text, k);
  if (is_bullet(cp) || cp == '*') {
    m.kind = Marker::kBullet;
    m.bullet = cp;
    return m;
  }
  auto space_at = [&](std::size_t p) { return p >= end || text[p] == ' ' || text[p] == '\t' || text[p] == '\n'; };
  auto suffix_at = [&](std::size_t p, std::string* s) -> std::size_t {
    if (p + 1 < end && text[p] == '.' && text[p + 1] == ')' && space_at(p + 2)) return *s = ".)", p + 2;
    if (p < end && (text[p] == '.' || text[p] == ')') && space_at(p + 1)) return *s = std::string(1, text[p]), p + 1;
    return 0;
  };
  if (text[i] == '(') {
    std::size_t p = i + 1, digits = 0;
    while (p < end && ascii_digit(text[p]) && digits < 4) ++p, ++digits;
    if (digits >= 1 && digits <= 3 && p < end && text[p] == ')' && space_at(p + 1)) {
      m.kind = Marker::kParenNumber;
      m.value = std::stoi(std::string(text.substr(i + 1, digits)));
      return m;
    }
    if (i + 2 < end && ascii_letter(text[i + 1]) && text[i + 2] == ')' && space_at(i + 3)) {
      m.kind = Marker::kParenLetter;
      m.value = text[i + 1];
    }
    return m;
  }
  std::size_t p = i, digits = 0;
  while (p < end && ascii_digit(text[p]) && digits < 4) ++p, ++digits;
  if (digits >= 1 && digits <= 3 && suffix_at(p, &m.suffix)) {
    m.kind = Marker::kNumber;
    m.value = std::stoi(std::string(text.substr(i, digits)));
    return m;
  }
  if (ascii_letter(text[i]) && suffix_at(i + 1, &m.suffix)) {
    // "a." starts a list; "J." is more likely an initial ("J. K. Rowling").
    if (!first || m.suffix != "." || text[i] == 'a' || text[i] == 'A') {
      m.kind = Marker::kLetter;
      m.value = text[i];
    }
  }
  return m;
}

// True if text[i] starts the marker that would follow `m` in a list.
bool is_next_marker(const Marker& m, std::string_view text, std::size_t i, std::size_t end) {
  if (m.kind == Marker::kNone) return false;
  Marker n = parse_marker(text, i, end, /*first=*/false);
  if (n.kind != m.kind) return false;
  switch (m.kind) {
    case Marker::kBullet: return n.bullet == m.bullet;
    case Marker::kNumber: case Marker::kLetter: return n.value == m.value + 1 && n.suffix == m.suffix;
    case Marker::kParenNumber: case Marker::kParenLetter: return n.value == m.value + 1;
    case Marker::kNone: break;
  }
  return false;
}

// A token that looks like an item label inside running text: "a)", "(b)", "c.)", "2)".
bool looks_like_item(std::string_view text, std::size_t i, std::size_t end) {
  Marker m = parse_marker(text, i, end);
  switch (m.kind) {
    case Marker::kParenNumber: case Marker::kParenLetter: return true;
    case Marker::kLetter: return m.suffix != "." || (m.value >= 'a' && m.value <= 'z');
    case Marker::kNumber: return m.suffix != ".";
    default: return false;
  }
}

// ---- quotations and brackets ----------------------------------------------------------

// An ASCII ' after a space opens a quotation when a word, a number or a space follows.
bool quote_may_open(char32_t next) {
  return unicode::is_letter(next) || unicode::is_digit(next) || unicode::is_space(next) || is_opening(next);
}

struct Pair {
  std::size_t open, close;  // byte offsets of the two marks
};

// ASCII characters that match_pairs must look at.
constexpr std::array<bool, 128> kPairMark = [] {
  std::array<bool, 128> t{};
  for (char c : std::string_view("\"'`()[]{}")) t[static_cast<unsigned char>(c)] = true;
  t[0] = true;
  return t;
}();

// Matches quotation marks and brackets in text[begin, end) with a bounded stack.
// ASCII quotes are told apart from apostrophes by what surrounds them.
std::vector<Pair> match_pairs(std::string_view text, std::size_t begin, std::size_t end) {
  struct Open {
    std::size_t pos;
    char32_t mark;
    bool bracket;
  };
  std::vector<Pair> pairs;
  std::vector<Open> stack;
  char32_t prev = ' ';
  std::size_t i = begin;
  while (i < end) {
    // Fast path: ASCII that is not a quote or bracket only updates `prev`.
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && !kPairMark[byte]) {
      prev = byte;
      ++i;
      continue;
    }
    const std::size_t at = i;
    const char32_t cp = unicode::next(text, i);
    char32_t next = ' ';
    if (i < end) {
      std::size_t k = i;
      next = unicode::next(text, k);
    }
    const bool after_space = unicode::is_space(prev) || is_opening(prev) || is_dash(prev) || at == begin;
    auto push = [&](bool bracket) {
      if (stack.size() < kMaxDepth) stack.push_back({at, cp, bracket});
    };
    auto close_top = [&](auto matches) {
      // Close the nearest matching opener within a few levels (unclosed marks above it
      // are dropped).
      for (std::size_t d = 0; d < 4 && d < stack.size(); ++d) {
        const Open& o = stack[stack.size() - 1 - d];
        if (matches(o)) {
          pairs.push_back({o.pos, at});
          stack.resize(stack.size() - 1 - d);
          return true;
        }
      }
      return false;
    };
    const auto gc = cp < 0x80 ? unicode::GeneralCategory::Cn : unicode::category(cp);
    switch (cp) {
      case '(': case '[': case '{':
        push(true);
        break;
      case ')': case ']': case '}':
        close_top([](const Open& o) { return o.bracket; });
        break;
      case '"':
        if (!close_top([](const Open& o) { return o.mark == '"'; }) && after_space) push(false);
        break;
      case '`':  // `quoted` or ``quoted''; Armenian uses ` as a mark of its own (after a word)
        if (!after_space && close_top([](const Open& o) { return o.mark == '`'; })) break;
        if (after_space && !unicode::is_space(next)) push(false);
        break;
      case '\'':
        if (unicode::is_letter(prev) && unicode::is_letter(next)) break;  // apostrophe: don't
        if (!after_space && close_top([](const Open& o) { return o.mark == '\'' || o.mark == '`'; })) break;
        if (after_space && quote_may_open(next)) push(false);
        break;
      case 0x201C:  // “ closes „ (German), else opens
        if (!close_top([](const Open& o) { return o.mark == 0x201E; })) push(false);
        break;
      case 0x201D:  // ” closes “ or „ (Polish, Hungarian); opens in Swedish style
        if (!close_top([](const Open& o) { return o.mark == 0x201C || o.mark == 0x201E || o.mark == 0x201D; }) && after_space) push(false);
        break;
      case 0x2018:  // ‘ closes ‚, else opens
        if (!close_top([](const Open& o) { return o.mark == 0x201A; })) push(false);
        break;
      case 0x2019:  // ’ closes ‘ or ‚; otherwise an apostrophe
        if (unicode::is_letter(prev) && unicode::is_letter(next)) break;
        close_top([](const Open& o) { return o.mark == 0x2018 || o.mark == 0x201A; });
        break;
      case 0x00AB:  // « opens (French), or closes » (German, Danish)
        if (!close_top([](const Open& o) { return o.mark == 0x00BB; })) push(false);
        break;
      case 0x00BB:  // » closes «, or opens after a space
        if (!close_top([](const Open& o) { return o.mark == 0x00AB; }) && after_space) push(false);
        break;
      case 0x201E: case 0x201A:  // „ ‚ open
        push(false);
        break;
      default:
        if (gc == unicode::GeneralCategory::Ps) push(true);
        else if (gc == unicode::GeneralCategory::Pe) close_top([](const Open& o) { return o.bracket; });
        break;
    }
    prev = cp;
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.open < b.open; });
  return pairs;
}

// ---- the splitter ---------------------------------------------------------------------

class Splitter {
 public:
  Splitter(std::string_view text, const Rules& rules) : text_(text), rules_(rules) {}

  void split(const blocks::Block& b, std::uint32_t block_index, std::vector<Span>& out) {
    end_ = b.end;
    pairs_ = match_pairs(text_, b.start, b.end);
    pair_next_ = 0;
    active_.clear();

    std::size_t sentence_start = b.start;
    Marker marker = parse_marker(text_, sentence_start, end_);
    std::size_t i = b.start;
    while (i < end_) {
      const std::size_t at = i;
      const char32_t cp = unicode::next(text_, i);
      if (marker.kind != Marker::kNone && unicode::is_space(cp)) {
        std::size_t q = skip_spaces(i, nullptr);
        if (q < end_ && is_next_marker(marker, text_, q, end_)) {
          emit(sentence_start, at, block_index, out);
          sentence_start = q;
          marker = parse_marker(text_, q, end_, /*first=*/false);
          i = q;
        }
        continue;
      }
      if (!is_term(cp)) continue;

      Candidate c = scan_candidate(at);
      if (c.next >= end_) break;  // the end of the block ends the sentence
      if (decide(c, sentence_start)) {
        emit(sentence_start, c.end, block_index, out);
        sentence_start = c.next;
        marker = parse_marker(text_, sentence_start, end_);
        i = c.next;
      } else {
        i = c.end;
      }
    }
    emit(sentence_start, end_, block_index, out);
  }

 private:
  enum class Kind { kPeriod, kEllipsis, kOther };

  struct Candidate {
    std::size_t at = 0;        // first terminal character
    std::size_t run_end = 0;   // after the terminal run (before closers)
    std::size_t end = 0;       // after closers and absorbed punctuation: the sentence end
    std::size_t next = 0;      // first character of what follows (after spaces)
    Kind kind = Kind::kPeriod;
    bool ascii_qe = false;     // contains ASCII ? or !
    bool question = false;     // a question mark and no exclamation mark
    bool spaced = false;       // white space between end and next
    bool newline = false;      // ... containing a line break
    bool quote_closed = false; // a quotation mark among the closers
    bool mla_break = false;    // "word. . . . Next": the sentence ends at the first period
    bool extra = false;        // a language's own terminal (Greek ';'), unknown to UAX #29
  };

  static bool uax_terminal(char32_t cp) {
    const auto sb = unicode::sentence_break(cp);
    return sb == SentenceBreak::ATerm || sb == SentenceBreak::STerm;
  }

  bool is_term(char32_t cp) const {
    if (cp == 0x2026) return true;  // … is not a UAX #29 terminator, but ends sentences
    return uax_terminal(cp) || rules_.is_terminal(cp);
  }

  std::size_t skip_spaces(std::size_t i, bool* newline) const {
    while (i < end_) {
      std::size_t k = i;
      char32_t c = unicode::next(text_, k);
      if (!unicode::is_space(c)) break;
      if (newline && unicode::is_line_break(c)) *newline = true;
      i = k;
    }
    return i;
  }

  // The run of terminal punctuation at `at`, its closers, the spaces after it, and any
  // tokens of pure punctuation that follow (". . .", "! ! !", "?? ''", "[1][2]").
  Candidate scan_candidate(std::size_t at) {
    Candidate c;
    c.at = at;
    std::size_t i = at;
    std::size_t periods = 0;
    bool other = false, ellipsis_char = false;
    bool has_q = false, has_excl = false;
    auto take = [&](char32_t cp) {
      if (cp == '?' || cp == 0xFF1F || cp == 0x061F || cp == 0x037E || cp == 0x1367 || cp == 0x2047) has_q = true;
      if (cp == '!' || cp == 0xFF01 || cp == 0x203C || cp == 0x2048 || cp == 0x2049) has_excl = true;
      if (cp != 0x2026 && !uax_terminal(cp)) c.extra = true;
      if (cp == '.') ++periods;
      else if (cp == 0x2026) ellipsis_char = true;
      else other = true;
      if (cp == '?' || cp == '!') c.ascii_qe = true;
    };
    take(unicode::next(text_, i));
    while (i < end_) {
      std::size_t k = i;
      char32_t cp = unicode::next(text_, k);
      if (!is_term(cp)) break;
      take(cp);
      i = k;
    }
    c.run_end = i;
    c.question = has_q && !has_excl;
    i = closers(i, &c.quote_closed);
    i = footnotes(at, i);
    c.end = i;
    c.next = skip_spaces(i, &c.newline);
    c.spaced = c.next > c.end;

    // MLA: a period ending a word, then a spaced ellipsis and a capital: the sentence
    // ends at the period and the ellipsis opens the next one.
    if (c.spaced && !c.newline && periods == 1 && !other && !ellipsis_char && at > 0 && !preceded_by_space(at)) {
      std::size_t p = c.next;
      int dots = 0;
      while (dots < 3 && p < end_ && text_[p] == '.') {
        ++dots;
        ++p;
        if (dots < 3) {
          if (p >= end_ || text_[p] != ' ') break;
          ++p;
        }
      }
      if (dots == 3) {
        std::size_t q = closers(p, nullptr);
        std::size_t w = skip_spaces(q, nullptr);
        if (w > q && w < end_) {
          std::size_t k = w;
          if (unicode::is_upper(unicode::next(text_, k))) c.mla_break = true;
        }
      }
    }
    // Absorb tokens of pure punctuation.
    for (int n = 0; n < 8 && c.spaced && !c.mla_break && c.next < end_; ++n) {
      std::size_t tok_end = pure_punctuation(c.next, &periods, &other, &ellipsis_char, &c.quote_closed);
      if (tok_end == 0) break;
      c.end = tok_end;
      c.next = skip_spaces(tok_end, &c.newline);
      c.spaced = c.next > c.end;
    }
    if (other) c.kind = Kind::kOther;
    else if (periods >= 2 || ellipsis_char) c.kind = Kind::kEllipsis;
    else c.kind = Kind::kPeriod;
    if (c.ascii_qe) c.kind = Kind::kOther;
    return c;
  }

  // Footnote markers right after a sentence's end: "martyr.[1]", "large.[7][8]", and
  // after a word or bracket "consultation.11", "(1987).1" (not a decimal: no digit
  // before the period).
  std::size_t footnotes(std::size_t at, std::size_t i) const {
    for (int n = 0; n < 8 && i < end_ && text_[i] == '['; ++n) {
      std::size_t q = i + 1, len = 0;
      while (q < end_ && len < 4 && (ascii_digit(text_[q]) || ascii_letter(text_[q]))) ++q, ++len;
      if (len == 0 || len > 3 || q >= end_ || text_[q] != ']') break;
      i = q + 1;
    }
    if (i < end_ && ascii_digit(text_[i]) && at > 0 && text_[at] == '.') {
      std::size_t k = at;
      char32_t before = unicode::prev(text_, k);
      if (unicode::is_letter(before) || before == ')') {
        std::size_t q = i, len = 0;
        while (q < end_ && ascii_digit(text_[q]) && len < 4) ++q, ++len;
        if (len <= 3 && (q >= end_ || text_[q] == ' ')) i = q;
      }
    }
    return i;
  }

  char32_t first_char(std::size_t i) const { return i < text_.size() ? unicode::next(text_, i) : 0; }

  bool preceded_by_space(std::size_t at) const {
    std::size_t k = at;
    return unicode::is_space(unicode::prev(text_, k));
  }

  std::size_t closers(std::size_t i, bool* quote) const {
    while (i < end_) {
      std::size_t k = i;
      char32_t c = unicode::next(text_, k);
      if (!is_closing(c)) break;
      if (quote && c != ')' && c != ']' && c != '}' && unicode::category(c) != unicode::GeneralCategory::Pe) *quote = true;
      i = k;
    }
    return i;
  }

  // If text[i...] up to the next space is terminal punctuation, closing marks and
  // footnote markers only, returns its end (and counts what it held); else 0.
  std::size_t pure_punctuation(std::size_t i, std::size_t* periods, bool* other, bool* ellipsis, bool* quote) const {
    // A quotation mark that opens a quotation belongs to the next sentence.
    auto it = std::lower_bound(pairs_.begin(), pairs_.end(), i, [](const Pair& p, std::size_t v) { return p.open < v; });
    if (it != pairs_.end() && it->open == i) return 0;
    std::size_t p = i, n = 0;
    std::size_t local_periods = 0;
    bool local_other = false, local_ellipsis = false, local_quote = false, any = false;
    while (p < end_ && n < 32) {
      std::size_t k = p;
      char32_t c = unicode::next(text_, k);
      if (unicode::is_space(c)) break;
      if (c == '[') {  // a footnote marker: [1], [12], [a]
        std::size_t q = k, len = 0;
        while (q < end_ && len < 4 && (ascii_digit(text_[q]) || ascii_letter(text_[q]))) ++q, ++len;
        if (len == 0 || len > 3 || q >= end_ || text_[q] != ']') return 0;
        p = q + 1;
        any = true;
        ++n;
        continue;
      }
      if (is_term(c)) {
        if (c == '.') ++local_periods;
        else if (c == 0x2026) local_ellipsis = true;
        else local_other = true;
      } else if (is_closing(c)) {
        if (c != ')' && c != ']' && c != '}') local_quote = true;
      } else {
        return 0;
      }
      any = true;
      p = k;
      ++n;
    }
    if (!any) return 0;
    if (p < end_) {  // stopped before a space: a token longer than 32 marks is not punctuation
      std::size_t k = p;
      if (!unicode::is_space(unicode::next(text_, k))) return 0;
    }
    *periods += local_periods;
    *other = *other || local_other;
    *ellipsis = *ellipsis || local_ellipsis;
    *quote = *quote || local_quote;
    return p;
  }

  struct NextWord {
    char32_t first = 0;   // first character after opening marks
    std::string folded;   // the word, case-folded
    bool all_caps = false;
    bool roman = false;
    std::size_t length = 0;  // characters
    bool period = false;     // a '.' right after the word
  };

  NextWord next_word(std::size_t i) const {
    NextWord w;
    for (int n = 0; n < 8 && i < end_; ++n) {
      std::size_t k = i;
      if (!is_opening(unicode::next(text_, k))) break;
      i = k;
    }
    bool letters = false, caps = true, roman = true;
    while (i < end_ && w.folded.size() < kMaxToken) {
      std::size_t k = i;
      char32_t c = unicode::next(text_, k);
      if (!unicode::is_word_char(c) && !(c == '\'' && !w.folded.empty())) break;
      if (!w.first) w.first = c;
      if (unicode::is_letter(c)) letters = true;
      if (!unicode::is_upper(c)) caps = false;
      if (!roman_letter(c)) roman = false;
      unicode::append_folded(c, w.folded);
      ++w.length;
      i = k;
    }
    w.period = i < end_ && text_[i] == '.';
    if (!w.first && i < end_) {
      std::size_t k = i;
      w.first = unicode::next(text_, k);
    }
    w.all_caps = letters && caps;
    w.roman = letters && roman;
    return w;
  }

  // "— said he": a dash followed by a lower-case word continues the sentence.
  bool dash_then_lower(std::size_t i) const {
    std::size_t k = i;
    if (i >= end_ || !is_dash(unicode::next(text_, k))) return false;
    std::size_t w = skip_spaces(k, nullptr);
    if (w == k || w >= end_) return false;
    std::size_t m = w;
    return unicode::is_lower(unicode::next(text_, m));
  }

  // Inside a quotation or brackets that close after `c.end`?
  bool is_protected(const Candidate& c) {
    while (pair_next_ < pairs_.size() && pairs_[pair_next_].open < c.at) {
      active_.push_back(pairs_[pair_next_++]);
    }
    while (!active_.empty() && active_.back().close < c.at) active_.pop_back();
    for (std::size_t d = active_.size(); d-- > 0;) {
      const Pair& p = active_[d];
      if (p.close < c.at) continue;
      if (p.close < c.end) continue;  // its closing mark ended with the sentence
      return p.close - p.open <= kMaxProtected;
    }
    return false;
  }

  // Any letter or digit in text[from, to)? Looks at most kMaxToken characters: a
  // sentence that long without one is not worth keeping whole.
  bool has_word(std::size_t from, std::size_t to) const {
    for (std::size_t i = from, n = 0; i < to && n < kMaxToken; ++n) {
      if (unicode::is_word_char(unicode::next(text_, i))) return true;
    }
    return from + kMaxToken < to;
  }

  // Does UAX #29 put a boundary between the candidate's terminal run and what follows?
  // Asked only where the rules have no opinion, so the algorithm runs on a window
  // around the candidate: from its terminal run to a little past the next word, which
  // covers every rule that can apply there (SB6-SB11 look back to the run and SB8
  // ahead to the next letter; a window end acts as the end of text).
  bool uax_boundary(const Candidate& c) {
    uax_.clear();
    const std::size_t window_end = std::min(end_, c.next + 4 * kMaxToken);
    std::size_t from = c.at;
    unicode::sentence_boundaries(text_, from, window_end, uax_);
    for (std::size_t b : uax_) {
      if (b >= c.run_end && b <= c.next) return true;
    }
    return c.next >= window_end;
  }

  bool decide(const Candidate& c, std::size_t sentence_start) {
    if (!has_word(sentence_start, c.at)) return false;  // ". . . The": punctuation only so far
    bool brk = decide_rules(c, sentence_start);
    if (brk && is_protected(c)) brk = false;
    return brk;
  }

  enum class Verdict { kBreak, kNoBreak, kDefault };

  bool decide_rules(const Candidate& c, std::size_t sentence_start) {
    Verdict v = verdict(c, sentence_start);
    if (v == Verdict::kDefault) return uax_boundary(c);
    return v == Verdict::kBreak;
  }

  Verdict verdict(const Candidate& c, std::size_t sentence_start) {
    if (c.mla_break) return Verdict::kBreak;
    if (!c.spaced) {
      if (c.ascii_qe) return Verdict::kNoBreak;  // "Yahoo!Inc", "?!x"
      if (c.kind == Kind::kPeriod) return unspaced_period(c);
      if (c.kind == Kind::kEllipsis) return Verdict::kNoBreak;  // "I mean...see", "so...Then"
      return Verdict::kDefault;  // 。！？ and other scripts' stops need no space
    }
    if (c.quote_closed && c.next < end_ && text_[c.next] == '(') return Verdict::kNoBreak;  // "…" (Smith 55).
    if (dash_then_lower(c.next)) return Verdict::kNoBreak;
    if (text_[c.next] == ',' || text_[c.next] == ';' || text_[c.next] == ':') return Verdict::kNoBreak;  // ". , It
    const NextWord next = next_word(c.next);
    switch (c.kind) {
      case Kind::kOther:
        if (c.newline) return Verdict::kBreak;
        if (unicode::is_lower(next.first)) {
          // "who? what?": a one-word question after a question is a question of its own.
          const std::size_t after = c.next + next.folded.size();
          const bool one_word_question = c.question && next.length > 0 && after < end_ && text_[after] == '?';
          return one_word_question ? Verdict::kBreak : Verdict::kNoBreak;
        }
        return c.extra ? Verdict::kBreak : Verdict::kDefault;
      case Kind::kEllipsis:
        if (c.newline) return Verdict::kBreak;
        if (Rules::contains(rules_.capitalized, next.folded)) return Verdict::kNoBreak;
        return unicode::is_upper(next.first) ? Verdict::kBreak : Verdict::kNoBreak;
      case Kind::kPeriod:
        return period(c, next, sentence_start);
    }
    return Verdict::kDefault;
  }

  struct Token {
    std::size_t start = 0;
    std::string folded;
    std::size_t chars = 0, letters = 0, digits = 0;
    bool internal_period = false, url_like = false, short_segments = true, roman = true, too_long = false;
    std::size_t apostrophe = std::string::npos;  // last elision mark in `folded` ("l'avv")
    std::size_t marks = 0;                       // combining marks (vowel signs of Indic scripts)
  };

  // The word before the period at `at`: back to a space, an opening mark or a bullet.
  // "Mr ." (a space before the period, as in tokenized text) looks at "Mr".
  Token token_before(std::size_t at, std::size_t sentence_start) const {
    Token t;
    std::size_t i = at;
    if (i > sentence_start && preceded_by_space(i)) {
      std::size_t k = i;
      int spaces = 0;
      while (k > sentence_start && spaces < 4) {
        std::size_t m = k;
        if (!unicode::is_space(unicode::prev(text_, m))) break;
        k = m;
        ++spaces;
      }
      i = k;
    }
    std::size_t segment = 0;
    while (i > sentence_start) {
      std::size_t k = i;
      char32_t c = unicode::prev(text_, k);
      if (unicode::is_space(c) || (is_opening(c) && c != '\'') || is_bullet(c)) break;
      if (++t.chars > kMaxToken) {
        t.too_long = true;
        break;
      }
      if (c == '.') {
        t.internal_period = true;
        segment = 0;
      } else if (++segment > 3) {
        t.short_segments = false;
      }
      if (c == '/' || c == '@' || c == ':' || c == '\\') t.url_like = true;
      if (unicode::is_letter(c)) ++t.letters;
      if (is_mark(c)) ++t.marks;
      if (unicode::is_digit(c)) ++t.digits;
      if (!roman_letter(c)) t.roman = false;
      i = k;
    }
    t.start = i;
    if (!t.too_long) t.folded = fold(text_.substr(i, at - i));
    t.apostrophe = t.folded.rfind('\'');
    if (t.apostrophe == std::string::npos) {
      std::size_t curly = t.folded.rfind("\xE2\x80\x99");
      if (curly != std::string::npos) t.apostrophe = curly + 2;
    }
    // Trailing periods of a tokenized " ." have been skipped; strip spaces kept by fold.
    while (!t.folded.empty() && t.folded.back() == ' ') t.folded.pop_back();
    if (t.letters == 0) t.roman = false;
    return t;
  }

  Verdict unspaced_period(const Candidate& c) {
    Token t = token_before(c.at, 0);
    if (t.too_long || t.url_like || t.internal_period || t.chars < 2) return Verdict::kNoBreak;
    if (rules_.lookup(t.folded) != AbbrevClass::kNone) return Verdict::kNoBreak;
    std::size_t k = c.at;
    char32_t before = unicode::prev(text_, k);
    if (!(unicode::is_lower(before) || unicode::is_digit(before))) return Verdict::kNoBreak;
    std::size_t n = c.next;
    if (n >= end_ || !unicode::is_upper(unicode::next(text_, n))) return Verdict::kNoBreak;
    // "Ph.D.", "LL.M.": a single letter and a period after it make an abbreviation.
    {
      std::size_t k = c.next;
      unicode::next(text_, k);
      if (k < end_ && text_[k] == '.') return Verdict::kNoBreak;
    }
    // The rest of the token: "Jane.Doe@example.com", "Index.Html/x" are one word.
    for (std::size_t p = c.next, count = 0; p < end_ && count < kMaxToken; ++count) {
      std::size_t k = p;
      char32_t ch = unicode::next(text_, k);
      if (unicode::is_space(ch)) break;
      if (ch == '@' || ch == '/' || ch == '\\' || ch == ':') return Verdict::kNoBreak;
      if (ch == '.' && k < end_) {
        std::size_t after = k;
        if (!unicode::is_space(unicode::next(text_, after))) return Verdict::kNoBreak;
      }
      p = k;
    }
    return Verdict::kBreak;  // "world.Today" (UAX #29 keeps it together by SB7)
  }

  // Only bullets, list markers and spaces between the sentence start and `pos`?
  bool at_sentence_start(std::size_t sentence_start, std::size_t pos) const {
    std::size_t i = sentence_start;
    for (int n = 0; i < pos && n < 8; ++n) {
      std::size_t k = i;
      char32_t c = unicode::next(text_, k);
      if (!is_bullet(c) && !unicode::is_space(c) && c != '*' && !is_dash(c)) return false;
      i = k;
    }
    return i >= pos;
  }

  // Does the sentence open with a preposition ("At 5 a.m.", "On Jan. 5, at 6 a.m.")?
  bool leading_phrase(std::size_t sentence_start) const {
    std::string first;
    for (std::size_t i = skip_spaces(sentence_start, nullptr); i < end_ && first.size() < kMaxToken;) {
      char32_t c = unicode::next(text_, i);
      if (!unicode::is_word_char(c)) break;
      unicode::append_folded(c, first);
    }
    return Rules::contains(rules_.prepositions, first);
  }

  Verdict period(const Candidate& c, const NextWord& next, std::size_t sentence_start) {
    const Token t = token_before(c.at, sentence_start);
    const bool next_lower = unicode::is_lower(next.first);
    const bool next_upper = unicode::is_upper(next.first);
    const bool next_digit = unicode::is_digit(next.first);
    const bool next_letter = unicode::is_letter(next.first);
    // A one-letter starter followed by a period is an initial ("J. A. Smith"), not "A".
    const bool next_starter = next_upper && rules_.is_starter(next.folded) && !(next.length == 1 && next.period);
    const bool next_item = looks_like_item(text_, c.next, end_);
    auto plain = [&] {
      if (c.newline || next_item) return Verdict::kBreak;
      if (next_lower && !rules_.word_final.empty()) {
        // A letter that only ends whole words (Greek final sigma ς) shows the word is
        // not cut short: its period ends the sentence even before a lower-case word.
        std::size_t k = c.at;
        if (rules_.word_final.find(unicode::prev(text_, k)) != std::u32string::npos) return Verdict::kBreak;
      }
      return next_lower ? Verdict::kNoBreak : Verdict::kBreak;
    };
    auto ambiguous = [&] {  // an abbreviation that may end the sentence
      if (c.newline || next_starter || next_item) return Verdict::kBreak;
      return Verdict::kNoBreak;
    };
    if (t.too_long || t.url_like) return plain();
    if (t.start == sentence_start || at_sentence_start(sentence_start, t.start)) {
      // "1. First item", "Q. What is it?": a label, not a sentence.
      if ((t.digits == t.chars && t.chars <= 3 && t.chars > 0) || (t.letters == 1 && t.chars == 1)) return Verdict::kNoBreak;
    }
    if (rules_.ordinal_dot && next_letter && !next_starter && ((t.digits == t.chars && t.chars >= 1 && t.chars <= 3) || t.roman)) {
      return Verdict::kNoBreak;  // "am 3. Oktober", "XII. Pluku" (but "Seite 12. Dort ...")
    }
    AbbrevClass cls = rules_.lookup(t.folded);
    if (cls == AbbrevClass::kNone && t.apostrophe != std::string::npos) {
      cls = rules_.lookup(std::string_view(t.folded).substr(t.apostrophe + 1));  // "l'Avv.", "dell'Ing."
    }
    // "U.S.", "e.g.", "Ph.D.": short letter groups joined by periods (not "120.5°C").
    if (cls == AbbrevClass::kNone && t.internal_period && t.letters > 0 && t.digits == 0 && t.short_segments) {
      cls = AbbrevClass::kCommon;
    }
    // "No. 103", "Cra. 7", "Ext. 1010": a short capitalized word before a number, inside a
    // sentence, is an abbreviation even when the language's list lacks it.
    if (cls == AbbrevClass::kNone && next_digit && t.letters == t.chars && t.chars <= 4 && t.start > sentence_start &&
        unicode::is_upper(first_char(t.start))) {
      return Verdict::kNoBreak;
    }
    // An initial: "J.", or a letter with its vowel signs ("കെ.", Malayalam "K.").
    if (cls == AbbrevClass::kNone && t.letters == 1 && t.chars == 1 + t.marks) cls = AbbrevClass::kCommon;
    switch (cls) {
      case AbbrevClass::kTitle:
        return Verdict::kNoBreak;  // "Mr. Smith", even across a line break
      case AbbrevClass::kNumber:
        if (next_digit || next.roman) return Verdict::kNoBreak;  // "No. 5", "Vol. II"
        return ambiguous();
      case AbbrevClass::kMonth:
        if (next_digit) return Verdict::kNoBreak;  // "Sept. 20"
        return ambiguous();
      case AbbrevClass::kTime:
        if (c.newline) return Verdict::kBreak;
        if (!next_upper) return next_lower ? Verdict::kNoBreak : Verdict::kBreak;
        if (next_starter) return Verdict::kBreak;  // "at 6 p.m. He went home."
        if (Rules::contains(rules_.continuers, next.folded) || rules_.lookup(next.folded) == AbbrevClass::kMonth ||
            (next.all_caps && next.folded.size() <= 4)) {
          return Verdict::kNoBreak;  // "5 p.m. Tuesday", "9 a.m. ET"
        }
        // "At 5 a.m. Mr. Smith left": a sentence that opens with a prepositional phrase
        // has its subject still to come.
        if (leading_phrase(sentence_start)) return Verdict::kNoBreak;
        return Verdict::kBreak;  // "He left at 6 P.M. Travelers who ..."
      case AbbrevClass::kFinal:  // "Ph.D.", "B.C.", "lb.": usually the end of a phrase
        if (c.newline || next_upper || next_item) return Verdict::kBreak;
        return Verdict::kNoBreak;
      case AbbrevClass::kCommon:
        return ambiguous();
      case AbbrevClass::kNone:
        break;
    }
    return plain();
  }

  void emit(std::size_t s, std::size_t e, std::uint32_t block, std::vector<Span>& out) const {
    s = skip_spaces(s, nullptr);
    while (e > s) {
      std::size_t k = e;
      if (!unicode::is_space(unicode::prev(text_, k))) break;
      e = k;
    }
    if (e > s) out.push_back({s, e, block});
  }

  std::string_view text_;
  const Rules& rules_;
  std::size_t end_ = 0;
  std::vector<std::size_t> uax_;
  std::vector<Pair> pairs_;
  std::size_t pair_next_ = 0;
  std::vector<Pair> active_;
};

}  // namespace

AbbrevClass Rules::lookup(std::string_view folded) const {
  auto it = abbreviations.find(std::string(folded));
  return it == abbreviations.end() ? AbbrevClass::kNone : it->second;
}

const Rules& rules_for(std::string_view language) {
  const auto& all = all_rules();
  auto it = all.find(language.substr(0, language.find('-')));
  // Without data of its own a language gets the English rules: English abbreviations
  // turn up in text of every language, and for scripts without case the starter rules
  // never fire.
  return it == all.end() ? all.at("en") : it->second;
}

std::vector<std::string> languages_with_rules() {
  std::vector<std::string> out;
  for (const auto& [lang, rules] : all_rules()) out.push_back(lang);
  return out;
}

void split_blocks(std::string_view text, const std::vector<blocks::Block>& blocks, const Rules& rules,
                  std::vector<Span>& out) {
  Splitter splitter(text, rules);
  for (std::size_t b = 0; b < blocks.size(); ++b) splitter.split(blocks[b], static_cast<std::uint32_t>(b), out);
}

}  // namespace precis::segment
