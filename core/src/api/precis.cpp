// The public API: runs the stages in order and turns every failure into a Status.
#include "precis/precis.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <new>

#include "article/article.hpp"
#include "blocks/blocks.hpp"
#include "blocks/classify.hpp"
#include "decode/decode.hpp"
#include "html/html.hpp"
#include "lang/lang.hpp"
#include "score/keyphrases.hpp"
#include "score/score.hpp"
#include "segment/segment.hpp"
#include "select/select.hpp"
#include "terms/terms.hpp"
#include "unicode/unicode.hpp"

namespace precis {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidOption: return "invalid_option";
    case ErrorCode::kInvalidLanguage: return "invalid_language";
    case ErrorCode::kInputTooLarge: return "input_too_large";
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kInternal: return "internal_error";
  }
  return "internal_error";
}

std::string page_charset(std::string_view page) {
  std::size_t repaired = 0;
  decode::repair_utf8(page, &repaired);
  if (repaired == 0) return {};
  std::string declared = html::declared_charset(page);
  if (declared == "utf-8" || declared == "utf8") return {};
  return declared;
}

Status check_input_size(std::size_t bytes, const Options& options) {
  if (bytes <= options.max_input_bytes) return Status::Ok();
  return Status::Error(ErrorCode::kInputTooLarge, "input is " + std::to_string(bytes) + " bytes; the limit is " +
                                                      std::to_string(options.max_input_bytes));
}

namespace {

constexpr std::size_t kKeywords = 10;
constexpr std::string_view kNoArticle = "no_article";
constexpr std::string_view kNoArticleMessage =
    "no article found on this page: too little running text outside navigation, links and page furniture";

// A sentence needs this many words to be chosen: fewer is a label or a fragment.
constexpr std::uint32_t kMinWords = 4;

Status check_options(std::string_view input, const Options& o) {
  if (Status size = check_input_size(input.size(), o); !size.ok()) return size;
  if (o.sentences < 1 || o.words < 1 || o.characters < 1 || !(o.ratio > 0 && o.ratio <= 1)) {
    return Status::Error(ErrorCode::kInvalidOption,
                         "the budget must be at least one sentence, word or character, and a ratio in (0, 1]");
  }
  if (o.language != "auto" && !lang::is_valid_tag(o.language)) {
    return Status::Error(ErrorCode::kInvalidLanguage, "\"" + o.language + "\" is not a language tag");
  }
  if (score::Algorithm unused; !score::parse_algorithm(o.algorithm, &unused)) {
    return Status::Error(ErrorCode::kInvalidOption,
                         "unknown algorithm \"" + o.algorithm + "\" (one of " + score::algorithm_list() + ")");
  }
  return Status::Ok();
}

// The markup's word on each block of the text an HTML page shows: the element (hint),
// its class words and its link density, from the HTML block that holds it.
void apply_markup(const html::Document& doc, const article::Region& region, std::vector<blocks::Block>& blocks) {
  using namespace html::cue;
  struct Bit {
    std::uint32_t from, to;
  };
  constexpr Bit kBits[] = {
      {kNav | kMenu | kBreadcrumb, blocks::kFlagNavigation},
      {kFooter, blocks::kFlagFooter},
      {kShare | kSocial, blocks::kFlagShare},
      {kRelated, blocks::kFlagRelated},
      {kPromo | kNewsletter | kSubscribe | kCookie | kAdvert | kAd | kSponsor, blocks::kFlagPromo},
      {kComment, blocks::kFlagComment},
      {kCaption, blocks::kFlagCaption},
      {kByline | kAuthor, blocks::kFlagByline},
      {kTags, blocks::kFlagTags},
  };
  std::size_t h = 0;
  for (blocks::Block& b : blocks) {
    while (h < doc.blocks.size() && doc.blocks[h].end <= b.start) ++h;
    if (h == doc.blocks.size()) break;
    const html::Block& from = doc.blocks[h];
    if (from.start > b.start) continue;
    static_assert(static_cast<int>(html::Hint::kForm) == static_cast<int>(blocks::Markup::kForm) &&
                  static_cast<int>(html::Hint::kNavigation) == static_cast<int>(blocks::Markup::kNavigation) &&
                  static_cast<int>(html::Hint::kTitle) == static_cast<int>(blocks::Markup::kTitle));
    // The same kinds, in the same order. Inside the article, the element's own hint: the
    // article stage has judged the nav, form, aside, footer or header around it.
    b.markup = static_cast<blocks::Markup>(region.inside[h] ? from.element : from.hint);
    b.link_density = static_cast<float>(from.link_density);
    for (const Bit& bit : kBits) {
      if (region.cues[h] & bit.from) b.flags |= bit.to;
    }
    b.flags |= region.inside[h] ? blocks::kFlagArticle : blocks::kFlagOutside;
  }
}

Status too_many(std::size_t n, const char* what) {
  return Status::Error(ErrorCode::kInputTooLarge, "the text has " + std::to_string(n) + " " + what + "; the limit is " +
                                                      std::to_string(kMaxSentences));
}

// Line breaks (LF, CRLF, lone CR) plus one.
std::size_t count_lines(std::string_view text) {
  // LFs by std::count (vectorized); the rare CRs, which count unless an LF follows, found
  // with find (memchr).
  std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') ++lines;
  }
  return lines;
}

// Stages 1-3, shared by split and summarize.
Status segment_text(std::string_view input, const Options& options, Result* r) {
  r->text = decode::repair_utf8(input, &r->repaired);
  html::Document doc;
  article::Region region;
  if (options.input == InputFormat::kHtml) {
    doc = html::to_text(r->text);
    region = article::find(doc);
    article::Metadata meta = article::metadata(doc);
    r->text = std::move(doc.text);
    r->html = true;
    r->byline = std::move(meta.byline);
    r->published = std::move(meta.published);
    r->site_name = std::move(meta.site_name);
    if (!region.found) r->warnings.push_back({kNoArticle, std::string(kNoArticleMessage)});
  }
  const std::string_view text = r->text;
  // Memory and time go with the number of lines and sentences as much as with bytes (a
  // line of one letter is a block and a sentence of its own): both are capped, lines
  // before any costly stage, so that every input under max_input_bytes has a bound.
  if (const std::size_t lines = count_lines(text); lines > kMaxSentences) return too_many(lines, "lines");
  r->language = options.language == "auto" ? lang::detect(text) : lang::normalize_tag(options.language);
  // The page's declared language, when the text itself does not tell.
  if (r->language == "und" && r->html && !doc.meta.lang.empty() && lang::is_valid_tag(doc.meta.lang)) {
    r->language = lang::normalize_tag(doc.meta.lang);
  }
  // Undetermined text gets the English rules: its abbreviations (Mr., U.S., e.g.) are
  // the most widespread, and the rest of the rules are language-independent.
  const segment::Rules& rules = segment::rules_for(r->language == "und" ? "en" : r->language);
  auto blocks = blocks::find_blocks(
      text, [&](std::string_view word) { return rules.lookup(unicode::fold(word)) != segment::AbbrevClass::kNone; });
  if (r->html) apply_markup(doc, region, blocks);
  blocks::classify(text, blocks, r->language);
  for (const auto& b : blocks) {
    if (b.type == blocks::BlockType::kTitle) {
      r->title = std::string(text.substr(b.start, b.end - b.start));
      break;
    }
  }
  if (r->title.empty() && r->html) r->title = article::headline(doc);
  const bool region_found = !r->html || region.found;
  std::vector<segment::Span> spans;
  segment::split_blocks(text, blocks, rules, spans);
  if (spans.size() > kMaxSentences) return too_many(spans.size(), "sentences");
  r->sentences.reserve(spans.size());
  for (const auto& span : spans) {
    Sentence s;
    s.start = span.start;
    s.end = span.end;
    s.block = span.block;
    s.block_type = blocks::block_type_name(blocks[span.block].type);
    s.eligible = blocks[span.block].prose && blocks::is_body(blocks[span.block].type) && region_found;
    r->sentences.push_back(s);
  }
  std::size_t characters = 0;
  for (unsigned char c : r->text) characters += (c & 0xC0) != 0x80;
  r->stats.characters = characters;
  r->stats.sentences = r->sentences.size();
  return Status::Ok();
}

// Byte by byte: the quotation marks are ASCII or start with 0xC2 or 0xE2, and in UTF-8
// (the text is repaired) a continuation byte is never one of those, so only the rare
// candidates are decoded.
bool quotes(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '"') return true;
    if (byte == '\'') {  // an opening single quote, not an apostrophe: at the start or after a space
      if (i == 0) return true;
      std::size_t k = i;
      if (unicode::is_space(unicode::prev(text, k))) return true;
    } else if (byte == 0xC2 || byte == 0xE2) {
      std::size_t k = i;
      switch (unicode::next(text, k)) {
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2018:
          return true;
        default: break;
      }
    }
  }
  return false;
}

// The scorer's signals: quotations, and the title (the first sentence of the block the
// classifier took for the headline).
score::Signals signals_of(const Result& r) {
  score::Signals signals;
  signals.quoted.resize(r.sentences.size(), 0);
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    signals.quoted[i] = quotes(r.sentence_text(i));
    if (signals.title < 0 && r.sentences[i].block_type == "title") signals.title = static_cast<std::ptrdiff_t>(i);
  }
  return signals;
}

template <class Fn>
Status guarded(Result* result, Fn&& fn) {
  if (!result) return Status::Error(ErrorCode::kInternal, "result must not be null");
  try {
    *result = Result{};
    return fn();
  } catch (const std::bad_alloc&) {
    *result = Result{};
    return Status::Error(ErrorCode::kInputTooLarge, "out of memory");
  } catch (const std::exception& e) {
    *result = Result{};
    return Status::Error(ErrorCode::kInternal, e.what());
  } catch (...) {
    *result = Result{};
    return Status::Error(ErrorCode::kInternal, "unknown error");
  }
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

Status split(std::string_view input, const Options& options, Result* result) {
  return guarded(result, [&] {
    const auto t0 = std::chrono::steady_clock::now();
    Status status = check_options(input, options);
    if (!status.ok()) return status;
    status = segment_text(input, options, result);
    if (!status.ok()) return status;
    result->stats.milliseconds = elapsed_ms(t0);
    return Status::Ok();
  });
}

Status summarize(std::string_view input, const Options& options, Result* result) {
  return guarded(result, [&] {
    const auto t0 = std::chrono::steady_clock::now();
    Status status = check_options(input, options);
    if (!status.ok()) return status;
    Result& r = *result;
    status = segment_text(input, options, &r);
    if (!status.ok()) return status;

    std::vector<segment::Span> spans;
    spans.reserve(r.sentences.size());
    for (const auto& s : r.sentences) spans.push_back({s.start, s.end, s.block});
    const terms::Analysis analysis = terms::analyze(r.text, spans, r.language);
    r.stats.words = analysis.words;

    // Eligible: prose sentences with a few words. If the text has none (a list of
    // headlines, text without punctuation), every sentence with a word is.
    std::vector<bool> eligible(r.sentences.size(), false);
    std::vector<std::uint32_t> words(r.sentences.size(), 0);
    bool any = false;
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      words[i] = analysis.sentences[i].words;
      r.sentences[i].words = words[i];
      eligible[i] = r.sentences[i].eligible && words[i] >= kMinWords;
      any = any || eligible[i];
    }
    if (!any && r.html && r.warnings.empty() && !r.sentences.empty()) {
      // A page whose article has no sentence a summary may take: labels and fragments
      // only. Say so rather than quote them.
      r.warnings.push_back({kNoArticle, std::string(kNoArticleMessage)});
    } else if (!any && !r.html) {
      // Plain text without a prose sentence (a list of headlines, text without
      // punctuation): every sentence with a word may be chosen.
      for (std::size_t i = 0; i < r.sentences.size(); ++i) eligible[i] = words[i] > 0;
    }
    for (std::size_t i = 0; i < r.sentences.size(); ++i) r.sentences[i].eligible = eligible[i];

    // Scoring and selection in a scope of their own: their vectors are gone before key
    // phrases, the other big consumer of memory, run.
    {
      score::Algorithm algorithm = score::Algorithm::kAuto;
      score::parse_algorithm(options.algorithm, &algorithm);  // checked by check_options
      const score::Scored scored = score::score_sentences(analysis, eligible, algorithm, signals_of(r));
      for (std::size_t i = 0; i < r.sentences.size(); ++i) r.sentences[i].score = scored.scores[i];

      // What a sentence costs against the budget: its words, or its characters (code points).
      std::vector<std::uint32_t> cost = words;
      if (options.budget == Budget::kCharacters) {
        for (std::size_t i = 0; i < r.sentences.size(); ++i) {
          std::uint32_t n = 0;
          for (unsigned char c : r.sentence_text(i)) n += (c & 0xC0) != 0x80;
          cost[i] = n;
        }
      }
      std::vector<double> redundancy;
      r.summary = select::choose(scored, eligible, cost, options, &redundancy);
      for (std::size_t i : r.summary) r.sentences[i].selected = true;

      // Explanations: the parts of each score, then the redundancy penalty paid.
      r.parts.reserve(scored.parts.size() + r.summary.size());
      for (std::size_t i = 0; i < r.sentences.size(); ++i) {
        Sentence& s = r.sentences[i];
        s.parts_begin = static_cast<std::uint32_t>(r.parts.size());
        for (std::uint32_t p = scored.part_begin[i]; p < scored.part_begin[i + 1]; ++p) {
          r.parts.push_back({scored.parts[p].name, scored.parts[p].value});
        }
        if (redundancy[i] != 0) r.parts.push_back({"redundancy", redundancy[i]});
        s.parts_end = static_cast<std::uint32_t>(r.parts.size());
      }
    }

    for (const auto& k : score::keyphrases(r.text, spans, analysis, eligible, kKeywords)) {
      r.keywords.push_back({r.text.substr(k.start, k.end - k.start), k.score});
    }
    r.stats.milliseconds = elapsed_ms(t0);
    return Status::Ok();
  });
}

}  // namespace precis
