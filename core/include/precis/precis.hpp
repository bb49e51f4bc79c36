// Précis: extractive summarization of articles.
//
//   #include <precis/precis.hpp>
//
//   precis::Options options;          // defaults: 3 sentences, language "auto"
//   options.sentences = 4;
//   precis::Result result;
//   precis::Status status = precis::summarize(article_utf8, options, &result);
//   if (!status.ok()) { report(status.code, status.message); }
//   for (size_t i : result.summary) print(result.sentence_text(i));
//
// The pipeline: decode (UTF-8 repair) -> [HTML: the document tree, the page's
// metadata, the article found on the page] -> blocks (line structure; for a whole page
// copied as text, the article among its furniture) -> sentences -> terms -> scores ->
// selection. Every offset in a Result is a UTF-8 byte offset into
// Result::text, the repaired input (identical to the input when it was valid UTF-8).
// Nothing here throws: errors are values (Status) with stable codes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

// Stable error codes; their names (error_code_name) are part of the CLI, batch and JS
// contracts. Append new codes; never renumber or rename.
enum class ErrorCode {
  kOk = 0,
  kInvalidOption,     // "invalid_option": an option is unknown, of the wrong type or out of range
  kInvalidLanguage,   // "invalid_language": a language code that is not a BCP 47-like tag
  kInputTooLarge,     // "input_too_large": input longer than Options::max_input_bytes, more
                      // than kMaxSentences lines or sentences, or out of memory
  kInvalidInput,      // "invalid_input": a batch line that is not a JSON object with "text"
  kUnsupported,       // "unsupported": a valid request this version cannot serve
  kInternal,          // "internal_error": a bug; please report it
};

// "ok", "invalid_option", ... (see ErrorCode).
std::string_view error_code_name(ErrorCode code);

struct Status {
  ErrorCode code = ErrorCode::kOk;
  std::string message;

  bool ok() const { return code == ErrorCode::kOk; }
  static Status Ok() { return {}; }
  static Status Error(ErrorCode c, std::string m) { return {c, std::move(m)}; }
};

enum class Budget { kSentences, kRatio, kWords, kCharacters };
enum class InputFormat { kText, kHtml };

struct Options {
  // How long the summary is: exactly one budget applies (the last one set).
  //   kSentences: `sentences` sentences (default 3), at least 1.
  //   kRatio:     round(ratio * eligible sentences), ratio in (0, 1], at least 1.
  //   kCharacters: as many top sentences as fit in `characters` characters (Unicode code
  //               points of the sentences' text); never cuts a sentence; at least one.
  //   kWords:     as many top sentences as fit in `words` words; never cuts a sentence;
  //               at least one sentence even if it alone is longer.
  Budget budget = Budget::kSentences;
  int sentences = 3;
  double ratio = 0.2;
  int words = 100;
  int characters = 600;

  // "auto" (default) detects the language; otherwise a language tag such as "en",
  // "de", "pt-BR". English gets English abbreviation rules and stopwords; other
  // languages use the language-independent rules of this version.
  std::string language = "auto";

  // "auto" (default): a weighted sum of position, TF-IDF centrality, keyword coverage,
  // title overlap, length and quotations (see score.hpp and Result::parts), with MMR
  // redundancy control. "lead": the first sentences of the body. The classic unsupervised scorers
  // (no position prior; see core/src/score/algorithms.hpp): "textrank", "lexrank",
  // "centroid", "sumbasic", "luhn", "klsum".
  std::string algorithm = "auto";

  // kText (default): plain text (an article, or a whole web page copied as text, whose
  // article is found from line structure). kHtml: a web page's HTML; its visible text is
  // summarized, its article found in the document tree (core/src/article).
  InputFormat input = InputFormat::kText;

  // Inputs longer than this many bytes give ErrorCode::kInputTooLarge. Default 16 MiB:
  // with kMaxSentences, it bounds a call's memory and time (docs/LIMITS.md).
  std::size_t max_input_bytes = std::size_t{16} << 20;
};

// A text of more lines (LF, CRLF or CR breaks; of the visible text for HTML input) or
// more sentences than this gives ErrorCode::kInputTooLarge, whatever max_input_bytes
// allows: the cost of a call grows with them (a sentence costs a few hundred bytes
// through the pipeline).
inline constexpr std::size_t kMaxSentences = 1000000;

// One named part of a sentence's score: score = the sum of its parts. The names are
// stable: "position", "centrality", "keywords", "lead", "title", "length", "quote"
// (algorithm "auto"), "position" ("lead"), or the algorithm's own name ("textrank",
// ...); "redundancy" (<= 0) is the penalty a chosen sentence paid for resembling the
// sentences chosen before it, and is not part of `score`.
struct ScorePart {
  std::string_view name;   // a static string
  double value = 0;
};

// One sentence of the input, in document order.
struct Sentence {
  std::size_t start = 0;   // byte offset into Result::text (inclusive)
  std::size_t end = 0;     // byte offset into Result::text (exclusive)
  std::uint32_t block = 0; // index of the block (paragraph, heading, byline line, ...)
  // What the block is: "paragraph", "list_item", "quote" (body text, the only kinds a
  // summary takes), "title", "heading", "dateline", "byline", "caption", "tagline",
  // "bio", "navigation", "promo" or "footer". A static string.
  std::string_view block_type = "paragraph";
  std::uint32_t words = 0; // word tokens in the sentence
  bool eligible = false;   // may be chosen: a prose sentence, not a label-like line
  double score = 0;        // higher is more summary-worthy; 0 for ineligible sentences
  bool selected = false;   // part of the summary
  std::uint32_t parts_begin = 0;  // its parts: Result::parts[parts_begin, parts_end)
  std::uint32_t parts_end = 0;
};

struct Keyword {
  std::string text;        // as written in the text (first occurrence)
  double score = 0;
};

// Something the caller should know about a result that is not an error. The codes are
// stable and part of the result contract:
//   "no_article": the input is a web page without an article (a home page, search
//                 results, a login wall, all navigation, text only in script data); the
//                 summary is empty.
struct Warning {
  std::string_view code;   // a static string
  std::string message;
};

struct Stats {
  std::size_t characters = 0;  // Unicode code points of Result::text
  std::size_t words = 0;       // word tokens
  std::size_t sentences = 0;
  double milliseconds = 0;     // wall time of the call
};

struct Result {
  std::string text;                 // the input after UTF-8 repair (HTML input: the text it shows)
  std::size_t repaired = 0;         // invalid byte sequences replaced by U+FFFD
  std::string language;             // tag used ("en", "und" when undetermined, ...)
  std::string title;                // the headline, when the text has one; else empty
  // HTML input, when the page says (else empty): the author line, the publication date
  // (ISO 8601: "2025-09-20" or "2025-09-20T14:30:00Z"), the site's name.
  std::string byline;
  std::string published;
  std::string site_name;
  std::vector<Warning> warnings;
  bool html = false;                // the input was HTML: `text` is its visible text
  std::vector<Sentence> sentences;
  std::vector<std::size_t> summary; // indices into `sentences`, ascending
  std::vector<Keyword> keywords;    // best first
  std::vector<ScorePart> parts;     // of every sentence's score (see Sentence, sentence_parts)
  Stats stats;

  std::span<const ScorePart> sentence_parts(std::size_t i) const {
    const Sentence& s = sentences[i];
    return std::span<const ScorePart>(parts).subspan(s.parts_begin, s.parts_end - s.parts_begin);
  }

  std::string_view sentence_text(std::size_t i) const {
    const Sentence& s = sentences[i];
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
};

// Summarizes `input` (UTF-8; invalid bytes are repaired, never rejected). Empty or
// whitespace-only input gives an empty result and Ok.
Status summarize(std::string_view input, const Options& options, Result* result);

// Splits `input` into sentences only (no scores, no summary, no keywords).
Status split(std::string_view input, const Options& options, Result* result);

// For the raw bytes of a saved web page: the character set to decode it with before
// summarizing it as HTML -- the one it declares in its first 1024 bytes (<meta charset>
// or http-equiv Content-Type), lower-cased ("windows-1252", "iso-8859-2") -- or empty
// when the page is valid UTF-8, declares nothing or declares UTF-8. The core reads UTF-8
// only (anything else is repaired, byte by byte, to U+FFFD); a caller that can convert
// (the CLI, with Boost.Locale) does so first.
std::string page_charset(std::string_view page);

// The size check summarize() and split() start with: ErrorCode::kInputTooLarge when
// `bytes` is over options.max_input_bytes, else Ok. For callers that can tell an input
// is too large before copying it (the wasm module, whose memory never shrinks).
Status check_input_size(std::size_t bytes, const Options& options);

}  // namespace precis
