// Stage 4 helper: Snowball stemmers (libstemmer_c 2.2.0, from the npm package
// node-snowball), compiled in for the languages of PRECIS_STEMMER_LANGUAGES in
// CMakeLists.txt.
//
//   auto stemmer = make_stemmer("en");   // null: no stemmer for that language
//   std::string stem;
//   if (stemmer) stemmer->stem("guarantees", stem);   // stem == "guarante"
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct SN_env;  // Snowball's per-stemmer state (runtime/api.h)

namespace precis::terms {

// One language's stemmer. It owns its Snowball state: reuse it for many words, but
// from one thread at a time (separate instances are independent).
class Stemmer {
 public:
  struct Module;  // the compiled-in algorithm (stem.cpp)

  Stemmer(const Module& module, SN_env* env) : module_(&module), env_(env) {}
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Writes the stem of `folded_word` (a case-folded word in UTF-8, as terms produce
  // it) into `out`, replacing its content. Empty in, empty out. Should Snowball fail
  // (out of memory), `out` is the word itself.
  void stem(std::string_view folded_word, std::string& out);

  // The language code it was made for ("en").
  std::string_view language() const;

 private:
  const Module* module_;
  SN_env* env_;
};

// The stemmer of a language (ISO 639-1 code, as the language detector returns it), or
// null when none is compiled in ("uk", "zh", "und", ...).
std::unique_ptr<Stemmer> make_stemmer(std::string_view language);

// The languages that have a stemmer, in the order of PRECIS_STEMMER_LANGUAGES.
std::vector<std::string_view> stemmer_languages();

}  // namespace precis::terms
