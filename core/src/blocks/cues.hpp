// Cue phrases of web-article boilerplate, per language: the words with which bylines,
// photo credits, captions, promotion and navigation, footers, date lines, tag lines and
// author bios are worded. The data is core/data/boilerplate/<lang>.txt (format and
// matching rules: core/data/boilerplate/README.md), compiled in by
// core/data/gen/boilerplate.mjs and parsed once at first use.
//
// A cue says that a line may be boilerplate, not that it is: several phrases are
// everyday words ("share", "left", "via"). Callers weigh them by position
// (starts_with_cue) and density (cue_coverage) on label-like blocks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/string_index.hpp"

namespace precis::blocks {

enum class CueKind : std::uint8_t {
  kByline,    // opens a byline: "by", "written by", de "von", uk "автор"
  kCredit,    // inside a photo or agency credit: "getty images", "reuters", "courtesy of"
  kCaption,   // opens or marks a caption: "photo", "pictured", "above", "left"
  kPromo,     // navigation and promotion: "read more", "subscribe", "cookie policy"
  kFooter,    // footer and legal lines: "all rights reserved", "privacy policy", "©"
  kDateline,  // date and update lines: "updated", "published", "hours ago"
  kTagline,   // tag and topic lines: "tags", "topics", "filed under"
  kBioRole,   // nouns of author bios: "editor", "correspondent", "staff writer"
  kBioVerb,   // phrases of bio sentences: "previously worked", "graduated from"
  kAddress,   // words that address the reader: "you", "your", "our", "us" -- promotion
              // speaks to the reader ("Sign up for our newsletter"), news rarely does
  kPronoun,   // third-person pronouns that open a bio's next paragraph: "he", "she", "they"
};
inline constexpr std::size_t kCueKinds = 11;

// The kind's name in the data files: "byline", ..., "bio-role", "bio-verb".
std::string_view cue_kind_name(CueKind kind);

// The parsed phrases of one language (merged with English's). Words are interned: a
// phrase is a sequence of word ids, with the non-space, non-dash characters that must
// stand between consecutive words ("" nearly always).
struct Cues {
  struct Word {
    std::uint32_t id = 0;
    std::string gap;  // what must stand between the previous word and this one
    bool operator==(const Word&) const = default;
  };
  using Phrase = std::vector<Word>;
  // Folded word -> id. Id 0 is an unknown word, 1 any number; phrase words are >= 2.
  std::unordered_map<std::string, std::uint32_t> vocabulary;
  // Per kind: first word id -> the phrases that start with it, longest first.
  std::array<std::unordered_map<std::uint32_t, std::vector<Phrase>>, kCueKinds> index;
  std::array<std::size_t, kCueKinds> counts{};
  // By word id: the kinds that have a phrase starting with that word (bit 1 << kind).
  std::vector<std::uint32_t> first_kinds;

  // How many distinct phrases of `kind` there are.
  std::size_t count(CueKind kind) const { return counts[static_cast<std::size_t>(kind)]; }
};

// The cue phrases of a language (ISO 639-1; a region suffix "de-AT" is ignored) merged
// with English's, parsed once (thread-safe static initialization) and case-folded. A
// language without data of its own gets the English cues.
const Cues& cues_for(std::string_view language);
// The languages with data of their own, sorted.
std::vector<std::string> languages_with_cues();

// True when `text` contains a phrase of `kind` at word boundaries (case-insensitive,
// Unicode case folding). Linear in the text.
bool has_cue(const Cues& cues, CueKind kind, std::string_view text);
// True when `text`, after leading spaces and punctuation, starts with a phrase of `kind`
// followed by a word boundary. Linear in the text.
bool starts_with_cue(const Cues& cues, CueKind kind, std::string_view text);
// Which kinds have a phrase anywhere in `text`, and which start it (bit 1 << kind): one
// pass over the text for every kind at once. Linear in the text.
struct CueMasks {
  std::uint32_t anywhere = 0;
  std::uint32_t start = 0;
  bool has(CueKind kind) const { return anywhere & (1u << static_cast<unsigned>(kind)); }
  bool starts(CueKind kind) const { return start & (1u << static_cast<unsigned>(kind)); }
};
// A cache of word ids by surface form for the cue lookups of one text (normalizing each
// distinct word once); it must not outlive the Cues it was used with.
struct CueCache {
  util::StringIndex ids{256};
};
CueMasks cue_masks(const Cues& cues, std::string_view text, CueCache* cache = nullptr);

// How many characters (code points) of `text` are covered by phrases of `kind`, from the
// first character of a phrase's first word to the last of its last word; overlapping
// phrases count once. Divide by the text's length for a density. Linear in the text.
std::size_t cue_coverage(const Cues& cues, CueKind kind, std::string_view text);

}  // namespace precis::blocks
