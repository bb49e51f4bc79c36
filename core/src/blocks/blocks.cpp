#include "blocks/blocks.hpp"

#include "unicode/sentence_break.hpp"
#include "unicode/unicode.hpp"

namespace precis::blocks {

using unicode::GeneralCategory;

bool is_terminal(char32_t cp) {
  if (cp == 0x2026) return true;  // … horizontal ellipsis (Sentence_Break=Other, but final)
  const auto sb = unicode::sentence_break(cp);
  return sb == unicode::SentenceBreak::ATerm || sb == unicode::SentenceBreak::STerm;
}

bool is_closing(char32_t cp) {
  if (cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}') return true;
  if (cp < 0x80) return false;
  auto gc = unicode::category(cp);
  // Pe: closing brackets; Pf: final quotes (’ ” »); Pi too, because “ and ‘ close
  // quotations in German and other conventions.
  return gc == GeneralCategory::Pe || gc == GeneralCategory::Pf || gc == GeneralCategory::Pi;
}

bool ends_with_terminal(std::string_view text) {
  std::size_t i = text.size();
  while (i > 0) {
    char32_t cp = unicode::prev(text, i);
    if (unicode::is_space(cp) || is_closing(cp)) continue;
    return is_terminal(cp);
  }
  return false;
}

namespace {

struct Line {
  std::size_t start, end;  // trimmed content; start == end for a blank line
};

bool is_list_marker_start(std::string_view text, std::size_t i, std::size_t end) {
  std::size_t j = i;
  char32_t cp = unicode::next(text, j);
  auto space_follows = [&](std::size_t k) {
    if (k >= end) return false;
    return unicode::is_space(unicode::next(text, k));
  };
  if (cp == '-' || cp == '*' || cp == '+' || cp == 0x2022 /* • */ || cp == 0x00B7 /* · */ ||
      cp == 0x2013 /* – */ || cp == 0x2014 /* — */ || cp == 0x25AA || cp == 0x25CF) {
    return space_follows(j);
  }
  // "1." "12)" "a)" -- at most 3 digits, or one letter followed by ')'.
  std::size_t digits = 0;
  std::size_t k = i;
  while (k < end && text[k] >= '0' && text[k] <= '9' && digits < 4) ++k, ++digits;
  if (digits >= 1 && digits <= 3 && k < end && (text[k] == '.' || text[k] == ')')) return space_follows(k + 1);
  if (unicode::is_letter(cp) && j < end && text[j] == ')') return space_follows(j + 1);
  return false;
}

std::size_t code_points(std::string_view text, const Line& line) {
  std::size_t n = 0;
  for (std::size_t i = line.start; i < line.end; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// Hard-wrapped prose: a long line without terminal punctuation, continued by a line
// that starts with a lower-case letter and is itself long or ends a sentence. Short
// label lines ("by Dmytro Basmat", a headline followed by one) never qualify.
bool wraps_into(std::string_view text, const Line& line, const Line& next) {
  constexpr std::size_t kWrapWidth = 40;
  if (next.start == next.end || code_points(text, line) < kWrapWidth) return false;
  std::size_t k = next.start;
  if (!unicode::is_lower(unicode::next(text, k))) return false;
  return code_points(text, next) >= kWrapWidth || ends_with_terminal(text.substr(next.start, next.end - next.start));
}

// A line ending in a period after a capitalized word of at most four letters ("Mr.",
// "Sept.") or after letters with inner periods ("U.S.", "e.g."): an abbreviation,
// perhaps, rather than the end of a sentence ("in a row." ends one).
bool may_end_with_abbreviation(std::string_view text, const Line& line,
                               const std::function<bool(std::string_view)>& abbreviation) {
  std::size_t i = line.end;
  if (i == line.start || text[i - 1] != '.') return false;
  --i;
  std::size_t letters = 0;
  bool inner_dot = false, capital = false;
  while (i > line.start) {
    std::size_t k = i;
    const char32_t cp = unicode::prev(text, k);
    if (cp == '.') {  // "U.S."
      inner_dot = true;
      i = k;
      continue;
    }
    if (!unicode::is_letter(cp)) break;
    if (++letters > 4) return false;
    capital = unicode::is_upper(cp);
    i = k;
  }
  if (letters == 0) return false;
  if (inner_dot) return true;
  if (abbreviation) return abbreviation(text.substr(i, line.end - 1 - i));
  return capital;
}

}  // namespace

std::vector<Block> find_blocks(std::string_view text, const std::function<bool(std::string_view)>& abbreviation) {
  // Lines, trimmed.
  std::vector<Line> lines;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t line_start = i, line_end = i, next_line = text.size();
    while (line_end < text.size()) {
      std::size_t k = line_end;
      char32_t cp = unicode::next(text, k);
      if (unicode::is_line_break(cp)) {
        next_line = k;
        if (cp == '\r' && k < text.size() && text[k] == '\n') next_line = k + 1;
        break;
      }
      line_end = k;
    }
    // Trim.
    std::size_t s = line_start, e = line_end;
    while (s < e) {
      std::size_t k = s;
      char32_t cp = unicode::next(text, k);
      if (!unicode::is_space(cp) && cp != 0xFEFF) break;
      s = k;
    }
    while (e > s) {
      std::size_t k = e;
      char32_t cp = unicode::prev(text, k);
      if (!unicode::is_space(cp)) break;
      e = k;
    }
    lines.push_back({s, s == e ? s : e});
    i = next_line;
    if (line_end >= text.size()) break;
  }

  std::vector<Block> blocks;
  bool open = false;
  // The lines of the open block and whether each ended a sentence. At close the block is
  // cut after every line that ends a sentence (unless it may end with an abbreviation):
  // text copied from a web page has one line per paragraph, with "Read more: ...?" lines
  // between them; a hard-wrapped paragraph is only cut where a line happens to end a
  // sentence. A piece whose last line runs out without terminal punctuation (a wrapped
  // caption or tag line after the prose) is label-like.
  std::vector<std::size_t> block_lines;
  std::vector<bool> line_terminal;
  auto close = [&]() {
    if (open) {
      std::size_t first = block_lines.front();
      for (std::size_t j = 0; j < block_lines.size(); ++j) {
        const std::size_t k = block_lines[j];
        const bool last = j + 1 == block_lines.size();
        if (!last && !(line_terminal[j] && !may_end_with_abbreviation(text, lines[k], abbreviation))) continue;
        blocks.push_back(Block{lines[first].start, lines[k].end, line_terminal[j]});
        if (!last) first = block_lines[j + 1];
      }
    }
    open = false;
    block_lines.clear();
    line_terminal.clear();
  };
  bool continued = false;  // the previous line wrapped into this one
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const Line& line = lines[n];
    if (line.start == line.end) {
      close();
      continued = false;
      continue;
    }
    const bool terminal = ends_with_terminal(text.substr(line.start, line.end - line.start));
    const bool wraps = !terminal && n + 1 < lines.size() && wraps_into(text, line, lines[n + 1]);
    if (open && !continued && is_list_marker_start(text, line.start, line.end)) close();
    if (!terminal && !wraps && !continued) close();  // a label-like line stands alone
    open = true;
    block_lines.push_back(n);
    line_terminal.push_back(terminal);
    if (!terminal && !wraps) close();
    continued = wraps;
  }
  close();
  return blocks;
}

}  // namespace precis::blocks
