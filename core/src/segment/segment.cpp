#include "segment/segment.hpp"

#include <map>

#include "unicode/unicode.hpp"

namespace precis::segment {
namespace {
#include "precis_gen/abbreviations.inc"

std::string fold(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) unicode::append_folded(unicode::next(s, i), out);
  return out;
}

Rules parse_rules(std::string_view data) {
  Rules r;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) eol = data.size();
    std::string_view line = data.substr(pos, eol - pos);
    pos = eol + 1;
    std::vector<std::string_view> words;
    std::size_t w = 0;
    while (w < line.size()) {
      while (w < line.size() && line[w] == ' ') ++w;
      std::size_t e = line.find(' ', w);
      if (e == std::string_view::npos) e = line.size();
      if (e > w) words.push_back(line.substr(w, e - w));
      w = e;
    }
    if (words.empty()) continue;
    AbbrevClass cls = AbbrevClass::kNone;
    bool starter = false;
    if (words[0] == "title") cls = AbbrevClass::kTitle;
    else if (words[0] == "number") cls = AbbrevClass::kNumber;
    else if (words[0] == "month") cls = AbbrevClass::kMonth;
    else if (words[0] == "common") cls = AbbrevClass::kCommon;
    else if (words[0] == "starter") starter = true;
    for (std::size_t k = 1; k < words.size(); ++k) {
      std::string f = fold(words[k]);
      if (starter) {
        r.starters.insert(f);
      } else {
        // A word listed in two classes keeps the first (title/number/month before common).
        r.abbreviations.emplace(f, cls);
      }
    }
  }
  return r;
}

bool is_opening(char32_t cp) {
  if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{') return true;
  if (cp < 0x80) return false;
  auto gc = unicode::category(cp);
  return gc == unicode::GeneralCategory::Ps || gc == unicode::GeneralCategory::Pi ||
         gc == unicode::GeneralCategory::Pf;
}

bool is_cjk_terminal(char32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

}  // namespace

AbbrevClass Rules::lookup(std::string_view folded) const {
  auto it = abbreviations.find(std::string(folded));
  return it == abbreviations.end() ? AbbrevClass::kNone : it->second;
}

bool Rules::is_starter(std::string_view folded) const {
  return starters.count(std::string(folded)) != 0;
}

const Rules& rules_for(std::string_view language) {
  // Parsed once; the map is filled before first use and never modified afterwards.
  static const std::map<std::string, Rules, std::less<>> all = [] {
    std::map<std::string, Rules, std::less<>> m;
    for (const auto& d : kSplitterData) m.emplace(d.language, parse_rules(d.text));
    return m;
  }();
  static const Rules empty;
  std::string_view primary = language.substr(0, language.find('-'));
  auto it = all.find(primary);
  return it == all.end() ? empty : it->second;
}

namespace {

// The decision at one candidate boundary.
class Splitter {
 public:
  Splitter(std::string_view text, const Rules& rules) : text_(text), rules_(rules) {}

  void split(const blocks::Block& b, std::uint32_t block_index, std::vector<Span>& out) {
    std::size_t sentence_start = b.start;
    std::size_t i = b.start;
    while (i < b.end) {
      std::size_t at = i;
      char32_t cp = unicode::next(text_, i);
      if (!blocks::is_terminal(cp)) continue;
      // The run of terminal punctuation, then closing quotes and brackets.
      std::size_t run_start = at;
      bool only_period = cp == '.', ellipsis = cp == 0x2026, cjk = is_cjk_terminal(cp);
      std::size_t periods = cp == '.' ? 1 : 0;
      while (i < b.end) {
        std::size_t k = i;
        char32_t c = unicode::next(text_, k);
        if (!blocks::is_terminal(c)) break;
        if (c != '.') only_period = false;
        else ++periods;
        if (c == 0x2026) ellipsis = true;
        if (is_cjk_terminal(c)) cjk = true;
        i = k;
      }
      if (periods >= 2) ellipsis = true, only_period = false;
      std::size_t end = i;
      while (end < b.end) {
        std::size_t k = end;
        char32_t c = unicode::next(text_, k);
        if (!blocks::is_closing(c)) break;
        end = k;
      }
      // The space after it.
      std::size_t next_start = end;
      bool newline = false, spaced = false;
      while (next_start < b.end) {
        std::size_t k = next_start;
        char32_t c = unicode::next(text_, k);
        if (!unicode::is_space(c)) break;
        spaced = true;
        if (unicode::is_line_break(c)) newline = true;
        next_start = k;
      }
      if (next_start >= b.end) break;  // the block's end closes the sentence anyway
      bool boundary;
      if (cjk) {
        boundary = true;  // CJK full stops need no space after them
      } else if (!spaced) {
        boundary = false;  // "3.50", "U.S.", "e.g.x", "Yahoo!Inc"
      } else if (only_period) {
        boundary = period_boundary(run_start, next_start, newline, sentence_start);
      } else {
        // "!", "?", "?!", ellipses: a break unless a lower-case word continues the sentence.
        std::size_t k = next_start;
        char32_t c = unicode::next(text_, k);
        boundary = newline || !unicode::is_lower(c);
        if (ellipsis && !newline) boundary = unicode::is_upper(c) || is_opening(c);
      }
      if (boundary) {
        emit(sentence_start, end, block_index, out);
        sentence_start = next_start;
        i = next_start;
      } else {
        i = end;
      }
    }
    emit(sentence_start, b.end, block_index, out);
  }

 private:
  void emit(std::size_t s, std::size_t e, std::uint32_t block, std::vector<Span>& out) {
    while (e > s) {
      std::size_t k = e;
      if (!unicode::is_space(unicode::prev(text_, k))) break;
      e = k;
    }
    if (e > s) out.push_back({s, e, block});
  }

  // The word right after position `i` (letters and digits only), case-folded.
  std::string next_word(std::size_t i, char32_t* first) const {
    std::string w;
    *first = 0;
    // Skip opening quotes/brackets.
    for (int n = 0; i < text_.size() && n < 8; ++n) {
      std::size_t k = i;
      char32_t c = unicode::next(text_, k);
      if (!is_opening(c)) break;
      i = k;
    }
    bool have_first = false;
    while (i < text_.size() && w.size() < kMaxToken) {
      std::size_t k = i;
      char32_t c = unicode::next(text_, k);
      if (!unicode::is_word_char(c)) break;
      if (!have_first) *first = c, have_first = true;
      unicode::append_folded(c, w);
      i = k;
    }
    if (!have_first && i < text_.size()) {
      std::size_t k = i;
      *first = unicode::next(text_, k);
    }
    return w;
  }

  // A single '.' followed by space: abbreviation, initial, list number, or full stop?
  bool period_boundary(std::size_t period, std::size_t next_start, bool newline, std::size_t sentence_start) const {
    // The token before the period: back to the previous space or opening bracket/quote.
    std::size_t t = period;
    bool internal_period = false, all_digits = true;
    std::size_t letters = 0, chars = 0, steps = 0;
    bool too_long = false;  // no abbreviation is this long: a plain word
    while (t > sentence_start) {
      if (++steps > kMaxToken) {
        too_long = true;
        break;
      }
      std::size_t k = t;
      char32_t c = unicode::prev(text_, k);
      if (unicode::is_space(c) || is_opening(c)) break;
      if (c == '.') internal_period = true;
      else if (!unicode::is_digit(c)) all_digits = false;
      if (unicode::is_letter(c)) ++letters;
      ++chars;
      t = k;
    }
    std::string token;
    for (std::size_t k = t; k < period && !too_long;) unicode::append_folded(unicode::next(text_, k), token);

    char32_t first = 0;
    std::string next = next_word(next_start, &first);
    const bool next_lower = unicode::is_lower(first);
    const bool next_digit = unicode::is_digit(first);
    const bool next_starter = unicode::is_upper(first) && rules_.is_starter(next);

    if (too_long) return newline || !next_lower;
    // "1. First item" at the start of a sentence: a list number, not a sentence.
    if (all_digits && !token.empty() && t == sentence_start && token.size() <= 3) return false;

    // "U.S.", "e.g.", "Ph.D.": periods inside a word with letters.
    AbbrevClass cls = internal_period && letters > 0 ? AbbrevClass::kCommon : rules_.lookup(token);
    if (cls == AbbrevClass::kNone && letters == 1 && chars == 1) {
      cls = AbbrevClass::kCommon;  // an initial: "J. K. Rowling", "George W. Bush"
    }
    switch (cls) {
      case AbbrevClass::kTitle:
        return false;  // "Mr. Smith", even across a line break
      case AbbrevClass::kNumber:
        if (next_digit) return false;
        break;  // "No. 5" vs "I said no. Then"
      case AbbrevClass::kMonth:
        if (next_digit) return false;  // "Sept. 20"
        return newline || next_starter;
      case AbbrevClass::kCommon:
        return newline || next_starter;
      case AbbrevClass::kNone:
        break;
    }
    // A plain word: a full stop unless a lower-case word continues.
    return newline || !next_lower;
  }

  // Tokens and words are looked at only this far, so each candidate costs O(1).
  static constexpr std::size_t kMaxToken = 64;

  std::string_view text_;
  const Rules& rules_;
};

}  // namespace

void split_blocks(std::string_view text, const std::vector<blocks::Block>& blocks, const Rules& rules,
                  std::vector<Span>& out) {
  Splitter splitter(text, rules);
  for (std::size_t b = 0; b < blocks.size(); ++b) splitter.split(blocks[b], static_cast<std::uint32_t>(b), out);
}

}  // namespace precis::segment
