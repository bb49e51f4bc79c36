// Unicode normalization, UAX #15 (https://www.unicode.org/reports/tr15/), Unicode 15.0.
//
// Both functions share one pipeline over code points:
//   * decompose: the full canonical decomposition of a code point, from the one-level
//     mappings of kDecompKeys applied recursively, and the Hangul syllable algorithm;
//   * Composer: collects decomposed code points, tagged with their
//     Canonical_Combining_Class, and at each "stable" starter (ccc 0 and NFC_QC=Yes:
//     nothing before it reorders or composes with it or anything after it; the generator
//     checks that the full decomposition of such a code point starts with one too) puts
//     the collected chunk in canonical order (a stable sort of each run of non-starters
//     by ccc), composes it (UAX #15's canonical composition algorithm, with the primary
//     composites of kCompose and the Hangul algorithm) and writes it out as UTF-8.
// A chunk is mostly one starter and the marks that follow it, so the buffers stay tiny and
// every step is linear (long runs of marks are sorted by counting, not by insertion).
//
// nfc() first runs the NFC_QC quick check (UAX #15 §9) and returns its input unchanged
// when the answer is Yes; otherwise it copies the part before the last stable starter
// and runs the pipeline on the rest. append_nfkc_casefold() first takes the NFD of its
// input (the same decomposition, in chunks cut before code points whose decomposition
// starts with a starter, each put in canonical order), maps each code point by NFKC_CF
// and feeds the mappings to the Composer. Code points with a canonical decomposition never
// reach the mapping, so the generator leaves them out of kCfKeys.
#include "unicode/normalize.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "unicode/unicode.hpp"

namespace precis::unicode {
namespace {
#include "precis_gen/normalization_tables.inc"

// NFC_QC values in kNormProps.
constexpr std::uint32_t kQcYes = 0, kQcMaybe = 1;

struct Props {
  std::uint32_t ccc;
  std::uint32_t qc;
};

Props props(char32_t cp) {
  if (cp < kNormSimpleBelow || cp > 0x10FFFF) return {0, kQcYes};
  // Last range whose start is <= cp (see kGcRanges in unicode.cpp for the key trick).
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 10) | 0x3FFu;
  const std::uint32_t v = *(std::upper_bound(std::begin(kNormProps), std::end(kNormProps), key) - 1);
  return {v & 0xFFu, (v >> 8) & 3u};
}

// ---- decomposition -----------------------------------------------------------------

constexpr char32_t kFirstDecomposable = kDecompKeys[0] >> 11;

// The one-level decomposition at index i of kDecompKeys.
char32_t decomp_first(std::size_t i) {
  return static_cast<char32_t>(((kDecompKeys[i] >> 9) & 3u) << 16 | kDecompFirst[i]);
}
char32_t decomp_second(std::size_t i) { return kDecompSeconds[kDecompKeys[i] & 0x1FFu]; }

// Calls emit(c) for each code point of the full canonical decomposition of cp, in
// decomposition order (not yet canonically ordered).
template <class Emit>
void decompose(char32_t cp, Emit&& emit) {
  if (cp < kFirstDecomposable) {
    emit(cp);
    return;
  }
  if (cp - kSBase < kSCount) {
    const char32_t s = cp - kSBase;
    emit(kLBase + s / (kVCount * kTCount));
    emit(kVBase + (s % (kVCount * kTCount)) / kTCount);
    if (s % kTCount != 0) emit(kTBase + s % kTCount);
    return;
  }
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 11) | 0x7FFu;
  const auto* it = std::upper_bound(std::begin(kDecompKeys), std::end(kDecompKeys), key);
  if (it == std::begin(kDecompKeys) || (*(it - 1) >> 11) != cp) {
    emit(cp);
    return;
  }
  const std::size_t i = static_cast<std::size_t>(it - 1 - std::begin(kDecompKeys));
  decompose(decomp_first(i), emit);
  if (const char32_t second = decomp_second(i)) decompose(second, emit);
}

// The primary composite of (a, b), or 0.
char32_t composite(char32_t a, char32_t b) {
  if (a - kLBase < kLCount && b - kVBase < kVCount) {
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  }
  if (a - kSBase < kSCount && (a - kSBase) % kTCount == 0 && b - (kTBase + 1) < kTCount - 1) {
    return a + (b - kTBase);
  }
  const auto pair = [](std::size_t i) {
    return static_cast<std::uint64_t>(decomp_first(i)) << 21 | decomp_second(i);
  };
  const std::uint64_t key = static_cast<std::uint64_t>(a) << 21 | b;
  const auto* it = std::lower_bound(std::begin(kCompose), std::end(kCompose), key,
                                    [&](std::uint16_t i, std::uint64_t k) { return pair(i) < k; });
  if (it == std::end(kCompose) || pair(*it) != key) return 0;
  return static_cast<char32_t>(kDecompKeys[*it] >> 11);
}

// ---- chunks of decomposed code points ------------------------------------------------

// A decomposed code point with its properties: ccc << 24 | maybe << 23 | cp, where maybe
// is NFC_QC=Maybe (only those compose with what precedes them).
using Tagged = std::uint32_t;
constexpr Tagged kCpMask = 0x1FFFFF, kMaybeBit = 1u << 23;

Tagged tag(char32_t cp, Props p) {
  return (p.ccc << 24) | (p.qc == kQcMaybe ? kMaybeBit : 0u) | static_cast<Tagged>(cp);
}
std::uint32_t ccc_of(Tagged t) { return t >> 24; }

// Stable sort of a run of non-starters by ccc.
void sort_run(Tagged* b, std::size_t n) {
  if (n <= 32) {
    for (std::size_t k = 1; k < n; ++k) {
      const Tagged x = b[k];
      std::size_t m = k;
      for (; m > 0 && ccc_of(b[m - 1]) > ccc_of(x); --m) b[m] = b[m - 1];
      b[m] = x;
    }
    return;
  }
  std::array<std::size_t, 257> start{};
  for (std::size_t k = 0; k < n; ++k) ++start[ccc_of(b[k]) + 1];
  for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  std::vector<Tagged> sorted(n);
  for (std::size_t k = 0; k < n; ++k) sorted[start[ccc_of(b[k])]++] = b[k];
  std::copy(sorted.begin(), sorted.end(), b);
}

// Canonical ordering (UAX #15 D108): every maximal run of non-starters sorted by ccc.
void canonical_order(std::vector<Tagged>& buf) {
  const std::size_t n = buf.size();
  for (std::size_t i = 0; i < n;) {
    if (ccc_of(buf[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && ccc_of(buf[j]) != 0) ++j;
    if (j - i > 1) sort_run(buf.data() + i, j - i);
    i = j;
  }
}

// Canonical composition (UAX #15 D117) of a canonically ordered chunk, in place.
void compose(std::vector<Tagged>& buf) {
  const std::size_t n = buf.size();
  if (n < 2) return;
  std::size_t starter = 0, w = 1;
  // ccc of the last code point kept after the starter (0: none, the starter is adjacent);
  // 256 while there is no starter yet, so that nothing composes.
  std::uint32_t last = ccc_of(buf[0]) == 0 ? 0 : 256;
  for (std::size_t r = 1; r < n; ++r) {
    const Tagged t = buf[r];
    const std::uint32_t cc = ccc_of(t);
    if ((t & kMaybeBit) && (last == 0 || last < cc)) {
      if (const char32_t c = composite(buf[starter] & kCpMask, t & kCpMask)) {
        buf[starter] = c;  // a starter (the generator checks): ccc 0
        continue;
      }
    }
    if (cc == 0) starter = w;
    last = cc;
    buf[w++] = t;
  }
  buf.resize(w);
}

// Collects decomposed code points and writes their NFC to `out`, one chunk at a time.
class Composer {
 public:
  Composer(std::vector<Tagged>& buf, std::string& out) : buf_(buf), out_(out) { buf_.clear(); }
  Composer(const Composer&) = delete;
  Composer& operator=(const Composer&) = delete;
  ~Composer() { release(buf_); }

  // cp has no canonical decomposition.
  void add(char32_t cp) { add(tag(cp, props(cp))); }
  void add(Tagged t) {
    if (ccc_of(t) == 0 && !(t & kMaybeBit)) flush();  // NFC_QC=Yes: No never gets here
    buf_.push_back(t);
  }
  void add_decomposed(char32_t cp) {
    decompose(cp, [this](char32_t c) { add(tag(c, props(c))); });
  }
  void flush() {
    if (buf_.size() == 1) {
      append_utf8(buf_[0] & kCpMask, out_);
    } else if (!buf_.empty()) {
      canonical_order(buf_);
      compose(buf_);
      for (const Tagged t : buf_) append_utf8(t & kCpMask, out_);
    }
    buf_.clear();
  }

  // Frees a buffer that some pathological run of marks made large.
  static void release(std::vector<Tagged>& buf) {
    if (buf.capacity() > 4096) std::vector<Tagged>().swap(buf);
  }

 private:
  std::vector<Tagged>& buf_;
  std::string& out_;
};

// Scratch buffers, reused across calls.
std::vector<Tagged>& scratch(int k) {
  thread_local std::vector<Tagged> buffers[2];
  return buffers[k];
}

// ---- NFKC_CF -----------------------------------------------------------------------

struct CfRun {
  char32_t start;
  std::uint32_t span, kind, value;
};
enum : std::uint32_t { kCfRemove = 0, kCfSequence = 1, kCfShift = 2, kCfShiftEveryOther = 4 };
constexpr CfRun cf_run(std::size_t i) {
  return {kCfKeys[i] >> 11, ((kCfKeys[i] >> 3) & 0xFFu) + 1, kCfKeys[i] & 7u, kCfVals[i]};
}
// For the shift kinds (2-5): the target of run.start + offset, or 0 when unchanged.
constexpr char32_t cf_shift(const CfRun& run, char32_t offset) {
  const bool every_other = run.kind >= kCfShiftEveryOther;
  if (every_other && offset % 2 != 0) return 0;
  return (((run.kind - (every_other ? kCfShiftEveryOther : kCfShift)) << 16) | run.value) + offset;
}

// Calls emit(c) for each code point of NFKC_CF(cp) and returns true, or returns false
// when NFKC_CF(cp) is cp.
template <class Emit>
bool map_nfkc_cf(char32_t cp, Emit&& emit) {
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 11) | 0x7FFu;
  const auto* it = std::upper_bound(std::begin(kCfKeys), std::end(kCfKeys), key);
  if (it == std::begin(kCfKeys)) return false;
  const CfRun run = cf_run(static_cast<std::size_t>(it - 1 - std::begin(kCfKeys)));
  const char32_t offset = cp - run.start;
  if (offset >= run.span) return false;
  if (run.kind == kCfRemove) return true;
  if (run.kind == kCfSequence) {
    std::size_t at = run.value;
    for (char32_t k = 0; k < offset; ++k) at += 1 + kCfPool[at];
    const std::string_view seq(reinterpret_cast<const char*>(kCfPool) + at + 1, kCfPool[at]);
    for (std::size_t i = 0; i < seq.size();) emit(next(seq, i));
    return true;
  }
  const char32_t to = cf_shift(run, offset);
  if (to == 0) return false;
  emit(to);
  return true;
}

// NFKC_CF of the ASCII characters, from the tables at compile time; the fast path relies
// on it staying within ASCII, one character for one.
struct AsciiFold {
  std::array<char, 128> to{};
  bool ascii = true;
};
constexpr AsciiFold make_ascii_fold() {
  AsciiFold a;
  for (std::uint32_t c = 0; c < 128; ++c) {
    std::uint32_t to = c;
    for (std::size_t i = 0; i < std::size(kCfKeys); ++i) {
      const CfRun run = cf_run(i);
      if (run.start > c) break;
      if (c - run.start >= run.span) continue;
      if (run.kind == kCfRemove || run.kind == kCfSequence) {
        a.ascii = false;
      } else if (const char32_t shifted = cf_shift(run, c - run.start)) {
        to = shifted;
      }
    }
    if (to >= 128) a.ascii = false;
    a.to[c] = static_cast<char>(to);
  }
  return a;
}
constexpr AsciiFold kAsciiFold = make_ascii_fold();
static_assert(kAsciiFold.ascii, "NFKC_CF takes an ASCII character out of ASCII: the fast path is wrong");

}  // namespace

std::string nfc(std::string_view s) {
  // Quick check: NFC_QC=Yes everywhere and non-starters in canonical order.
  std::size_t i = 0, stable = 0;
  std::uint32_t last = 0;
  for (;;) {
    if (i == s.size()) return std::string(s);
    const std::size_t at = i;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      stable = at;
      last = 0;
      continue;
    }
    const Props p = props(next_multibyte(s, i));
    if (p.qc != kQcYes || (p.ccc != 0 && last > p.ccc)) break;
    if (p.ccc == 0) stable = at;
    last = p.ccc;
  }

  // s[0, stable) is NFC and s[stable] is a stable starter: rebuild from there on.
  std::string out(s.substr(0, stable));
  out.reserve(s.size() + s.size() / 8);
  Composer composer(scratch(0), out);
  for (i = stable; i < s.size();) composer.add_decomposed(next(s, i));
  composer.flush();
  return out;
}

void append_nfkc_casefold(std::string_view s, std::string& out) {
  // ASCII is mapped by table; the last ASCII character before anything else goes through
  // the pipeline, as a mark after it may compose with it.
  std::size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  const std::size_t ascii = i == s.size() ? i : (i > 0 ? i - 1 : 0);
  const std::size_t at = out.size();
  out.resize(at + ascii);
  for (std::size_t k = 0; k < ascii; ++k) out[at + k] = static_cast<char>(kAsciiFold.to[static_cast<unsigned char>(s[k])]);
  if (ascii == s.size()) return;

  Composer composer(scratch(0), out);
  // The NFD of the input, one chunk at a time: a chunk ends before a code point whose
  // decomposition starts with a starter (canonical ordering never crosses a starter).
  std::vector<Tagged>& nfd = scratch(1);
  nfd.clear();
  const auto emit_mapped = [&](char32_t c) { composer.add_decomposed(c); };
  const auto map_chunk = [&] {
    canonical_order(nfd);
    for (const Tagged t : nfd) {
      if (!map_nfkc_cf(t & kCpMask, emit_mapped)) composer.add(t);  // unchanged, already decomposed
    }
    nfd.clear();
  };
  for (i = ascii; i < s.size();) {
    const char32_t cp = next(s, i);
    bool first = true;
    decompose(cp, [&](char32_t c) {
      const Props p = props(c);
      if (first && p.ccc == 0 && !nfd.empty()) map_chunk();
      first = false;
      nfd.push_back(tag(c, p));
    });
  }
  map_chunk();
  Composer::release(nfd);
  composer.flush();
}

}  // namespace precis::unicode
