// Unicode normalization for the term layer (UAX #15, Unicode 15.0): NFC, and the
// toNFKC_Casefold folding that compares words loosely. The tables are generated at build
// time from Debian's unicode-data files (core/data/gen/normalization.mjs): canonical
// decompositions and Canonical_Combining_Class from UnicodeData.txt; NFC_QC,
// Full_Composition_Exclusion and NFKC_CF from DerivedNormalizationProps.txt. NFC is
// checked against Unicode's own NormalizationTest.txt (tests/core/normalize_test.cpp).
#pragma once

#include <string>
#include <string_view>

namespace precis::unicode {

// The NFC (canonical decomposition, canonical ordering, canonical composition) of
// `utf8`, which must be valid UTF-8. Text that is already NFC — all ASCII, or text whose
// code points are all NFC_QC=Yes in canonical order, as nearly all real text is — is
// returned unchanged after one scan; otherwise only the text from the last stable
// starter before the first offending code point on is rebuilt. Linear time.
std::string nfc(std::string_view utf8);

// Appends toNFKC_Casefold(utf8) to `out`: NFC(NFKC_CF(NFD(utf8))), with NFKC_CF the
// per-code-point mapping of DerivedNormalizationProps.txt. It folds case (full case
// folding: "Straße" and "STRASSE" both give "strasse"), compatibility variants
// ("ﬁ" → "fi", "Ａ" → "a", "①" → "1", NBSP → space) and removes default-ignorable code
// points (soft hyphen, zero-width space and joiners, variation selectors). `utf8` must be
// valid UTF-8. All-ASCII input only has A-Z lowered. Linear time.
void append_nfkc_casefold(std::string_view utf8, std::string& out);

}  // namespace precis::unicode
