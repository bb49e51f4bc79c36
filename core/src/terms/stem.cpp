// Snowball stemmers: our own dispatch table over the UTF-8 stemmers that CMake compiles
// in (libstemmer.c's table would link all of them).
#include "terms/stem.hpp"

#include <climits>

#include "runtime/api.h"
// The headers of the compiled stemmers and PRECIS_STEMMERS(X): X("en", english) ...
#include "precis_gen/stemmers.inc"

namespace precis::terms {

struct Stemmer::Module {
  const char* language;
  SN_env* (*create_env)();
  void (*close_env)(SN_env*);
  int (*stem)(SN_env*);
};

namespace {

#define PRECIS_STEMMER_MODULE(code, algorithm) \
  Stemmer::Module{code, algorithm##_UTF_8_create_env, algorithm##_UTF_8_close_env, algorithm##_UTF_8_stem},
// Ends with an empty entry, so that the table is never empty.
const Stemmer::Module kModules[] = {PRECIS_STEMMERS(PRECIS_STEMMER_MODULE) Stemmer::Module{}};
#undef PRECIS_STEMMER_MODULE

}  // namespace

Stemmer::~Stemmer() { module_->close_env(env_); }

std::string_view Stemmer::language() const { return module_->language; }

void Stemmer::stem(std::string_view folded_word, std::string& out) {
  if (folded_word.empty()) {
    out.clear();
    return;
  }
  const auto* bytes = reinterpret_cast<const symbol*>(folded_word.data());
  bool ok = folded_word.size() <= static_cast<std::size_t>(INT_MAX) &&
            SN_set_current(env_, static_cast<int>(folded_word.size()), bytes) == 0 && module_->stem(env_) >= 0;
  if (!ok) {
    out.assign(folded_word);
    return;
  }
  out.assign(reinterpret_cast<const char*>(env_->p), static_cast<std::size_t>(env_->l));
}

std::unique_ptr<Stemmer> make_stemmer(std::string_view language) {
  for (const Stemmer::Module* m = kModules; m->language; ++m) {
    if (language != m->language) continue;
    SN_env* env = m->create_env();
    if (!env) return nullptr;
    return std::make_unique<Stemmer>(*m, env);
  }
  return nullptr;
}

std::vector<std::string_view> stemmer_languages() {
  std::vector<std::string_view> out;
  for (const Stemmer::Module* m = kModules; m->language; ++m) out.push_back(m->language);
  return out;
}

}  // namespace precis::terms
