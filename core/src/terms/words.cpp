#include "terms/words.hpp"

#include "unicode/normalize.hpp"
#include "unicode/unicode.hpp"
#include "unicode/word_break.hpp"

namespace precis::terms {
namespace {

using unicode::Script;

enum class RunKind { kNone, kIdeographic, kComplex };

RunKind run_kind(char32_t cp) {
  switch (unicode::script(cp)) {
    case Script::Han: case Script::Hiragana: case Script::Katakana:
      return RunKind::kIdeographic;
    case Script::Thai: case Script::Lao: case Script::Khmer: case Script::Myanmar:
      return RunKind::kComplex;
    default:
      // The prolonged sound mark ー and the iteration marks 々 〆 belong to the run.
      if (cp == 0x30FC || cp == 0x3005 || cp == 0x3006) return RunKind::kIdeographic;
      return RunKind::kNone;
  }
}

// Emits the tokens of one run of ideographs/kana or of a complex script.
void emit_run(std::string_view text, std::size_t start, std::size_t end, RunKind kind, std::vector<Token>& out) {
  if (start >= end) return;
  if (kind == RunKind::kComplex) {
    out.push_back({start, end, Token::kComplex});
    return;
  }
  // Overlapping bigrams: [c0 c1], [c1 c2], ...
  std::size_t first = start;
  std::size_t second = start;
  unicode::next(text, second);
  if (second >= end) {
    out.push_back({start, end, Token::kIdeographic});
    return;
  }
  while (second < end) {
    std::size_t third = second;
    unicode::next(text, third);
    out.push_back({first, third, Token::kIdeographic});
    first = second;
    second = third;
  }
}

}  // namespace

void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) {
  std::vector<std::size_t> scratch;
  scratch.reserve((end > begin ? end - begin : 0) / 2 + 2);  // boundaries: about one per 2-3 bytes
  tokenize(text, begin, end, out, scratch);
}

void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out,
              std::vector<std::size_t>& bounds) {
  bounds.clear();
  unicode::word_boundaries(text, begin, end, bounds);
  bounds.push_back(end);
  std::size_t run_start = begin;
  RunKind run = RunKind::kNone;
  std::size_t seg_start = begin;
  for (std::size_t seg_end : bounds) {
    // Classify the segment by its characters; ASCII bytes directly (the common case:
    // no script or category lookup), the rest by code point.
    bool letter = false, digit = false;
    RunKind kind = RunKind::kNone;
    for (std::size_t i = seg_start; i < seg_end;) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        letter |= static_cast<unsigned char>((byte | 0x20) - 'a') < 26;
        digit |= static_cast<unsigned char>(byte - '0') < 10;
        ++i;
        continue;
      }
      const char32_t cp = unicode::next(text, i);
      const RunKind k = run_kind(cp);
      if (k != RunKind::kNone) kind = k;
      if (unicode::is_letter(cp)) letter = true;
      else if (unicode::is_digit(cp)) digit = true;
    }
    if (kind != run) {
      if (run != RunKind::kNone) emit_run(text, run_start, seg_start, run, out);
      run = kind;
      run_start = seg_start;
    }
    if (kind == RunKind::kNone && (letter || digit)) {
      out.push_back({seg_start, seg_end, letter ? Token::kWord : Token::kNumber});
    }
    seg_start = seg_end;
  }
  if (run != RunKind::kNone) emit_run(text, run_start, end, run, out);
}

void normalize(std::string_view token, std::string& out) {
  const std::size_t from = out.size();
  unicode::append_nfkc_casefold(token, out);
  // Curly apostrophes (’ U+2019) and the modifier letter apostrophe (ʼ U+02BC) compare
  // as ': rewrite the appended part in place (if it has a lead byte of either).
  const std::string_view appended = std::string_view(out).substr(from);
  if (appended.find('\xE2') == std::string_view::npos && appended.find('\xCA') == std::string_view::npos) return;
  std::size_t w = from;
  for (std::size_t r = from; r < out.size();) {
    if (out.compare(r, 3, "\xE2\x80\x99") == 0) {
      out[w++] = '\'';
      r += 3;
    } else if (out.compare(r, 2, "\xCA\xBC") == 0) {
      out[w++] = '\'';
      r += 2;
    } else {
      out[w++] = out[r++];
    }
  }
  out.resize(w);
}

}  // namespace precis::terms
