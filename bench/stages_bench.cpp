// Précis: Google Benchmark of the pipeline's stages, native. Not a test: it asserts
// nothing about time. `npm run bench` (bench/run.mjs) runs it on the seed and the news
// inputs it builds (build/bench/news-*.txt):
//
//   precis_stages [--benchmark_* flags] FILE...
//
// For every FILE, one benchmark per stage, each fed with the output of the stages before
// it (computed once, outside the timing), plus the whole summarize call:
//   decode      repair_utf8 (invalid UTF-8 -> U+FFFD)
//   language    lang::detect
//   blocks      find_blocks + classify (block types)
//   split       split_blocks (sentences)
//   terms       terms::analyze (tokens, normal forms, stems, term ids)
//   score       score_sentences (auto)
//   select      select::choose (3 sentences)
//   keyphrases  score::keyphrases (10)
//   summarize   precis::summarize, everything above plus the result
// Counters: bytes_per_second (of the input), and the input's sentence count. The score
// stage runs without the quotation and title signals that summarize adds.
#include <benchmark/benchmark.h>

#include <precis/precis.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "blocks/blocks.hpp"
#include "blocks/classify.hpp"
#include "decode/decode.hpp"
#include "lang/lang.hpp"
#include "score/keyphrases.hpp"
#include "score/score.hpp"
#include "segment/segment.hpp"
#include "select/select.hpp"
#include "terms/terms.hpp"
#include "unicode/unicode.hpp"

namespace {

// Every stage's input for one file, computed once.
struct Prepared {
  std::string name;
  std::string raw;
  std::string text;
  std::string language;
  const precis::segment::Rules* rules = nullptr;
  std::vector<precis::blocks::Block> blocks;
  std::vector<precis::segment::Span> spans;
  precis::terms::Analysis analysis;
  std::vector<bool> eligible;
  std::vector<std::uint32_t> cost;
  precis::score::Scored scored;
  precis::Options options;
};

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

auto abbreviation_of(const precis::segment::Rules& rules) {
  return [&rules](std::string_view word) {
    return rules.lookup(precis::unicode::fold(word)) != precis::segment::AbbrevClass::kNone;
  };
}

std::unique_ptr<Prepared> prepare(const std::string& path) {
  auto p = std::make_unique<Prepared>();
  p->name = base_name(path);
  if (!read_file(path, &p->raw)) return nullptr;
  p->text = precis::decode::repair_utf8(p->raw);
  p->language = precis::lang::detect(p->text);
  p->rules = &precis::segment::rules_for(p->language == "und" ? "en" : p->language);
  p->blocks = precis::blocks::find_blocks(p->text, abbreviation_of(*p->rules));
  precis::blocks::classify(p->text, p->blocks, p->language);
  precis::segment::split_blocks(p->text, p->blocks, *p->rules, p->spans);
  p->analysis = precis::terms::analyze(p->text, p->spans, p->language);
  p->eligible.assign(p->spans.size(), false);
  p->cost.assign(p->spans.size(), 0);
  // Eligible as in precis::summarize: prose of the body with 3 words or more, else (a
  // text without any) every sentence with a word.
  bool any = false;
  for (std::size_t i = 0; i < p->spans.size(); ++i) {
    p->cost[i] = p->analysis.sentences[i].words;
    const auto& block = p->blocks[p->spans[i].block];
    p->eligible[i] = block.prose && precis::blocks::is_body(block.type) && p->cost[i] >= 3;
    any = any || p->eligible[i];
  }
  for (std::size_t i = 0; !any && i < p->spans.size(); ++i) p->eligible[i] = p->cost[i] > 0;
  p->scored = precis::score::score_sentences(p->analysis, p->eligible, precis::score::Algorithm::kAuto);
  p->options.sentences = 3;
  p->options.language = p->language;
  return p;
}

void finish(benchmark::State& state, const Prepared& p) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(p.raw.size()));
  state.counters["sentences"] = static_cast<double>(p.spans.size());
}

void register_all(const Prepared& p) {
  using benchmark::RegisterBenchmark;
  using benchmark::State;
  const Prepared* q = &p;
  auto add = [&](const char* stage, auto fn) {
    RegisterBenchmark((std::string(stage) + "/" + p.name).c_str(), [q, fn](State& state) {
      for (auto _ : state) fn(*q);
      finish(state, *q);
    })->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
  };
  add("decode", [](const Prepared& p) { benchmark::DoNotOptimize(precis::decode::repair_utf8(p.raw)); });
  add("language", [](const Prepared& p) { benchmark::DoNotOptimize(precis::lang::detect(p.text)); });
  add("blocks", [](const Prepared& p) {
    auto blocks = precis::blocks::find_blocks(p.text, abbreviation_of(*p.rules));
    precis::blocks::classify(p.text, blocks, p.language);
    benchmark::DoNotOptimize(blocks.data());
  });
  add("split", [](const Prepared& p) {
    std::vector<precis::segment::Span> spans;
    precis::segment::split_blocks(p.text, p.blocks, *p.rules, spans);
    benchmark::DoNotOptimize(spans.data());
  });
  add("terms", [](const Prepared& p) {
    benchmark::DoNotOptimize(precis::terms::analyze(p.text, p.spans, p.language));
  });
  add("score", [](const Prepared& p) {
    benchmark::DoNotOptimize(
        precis::score::score_sentences(p.analysis, p.eligible, precis::score::Algorithm::kAuto));
  });
  add("select", [](const Prepared& p) {
    benchmark::DoNotOptimize(precis::select::choose(p.scored, p.eligible, p.cost, p.options));
  });
  add("keyphrases", [](const Prepared& p) {
    benchmark::DoNotOptimize(precis::score::keyphrases(p.text, p.spans, p.analysis, p.eligible, 10));
  });
  add("summarize", [](const Prepared& p) {
    precis::Options options;
    options.sentences = 3;
    precis::Result result;
    const precis::Status status = precis::summarize(p.raw, options, &result);
    if (!status.ok()) std::abort();
    benchmark::DoNotOptimize(result.summary.data());
  });
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: precis_stages [--benchmark_* flags] FILE...\n");
    return 2;
  }
  std::vector<std::unique_ptr<Prepared>> inputs;
  for (int i = 1; i < argc; ++i) {
    auto p = prepare(argv[i]);
    if (!p) {
      std::fprintf(stderr, "precis_stages: cannot read %s\n", argv[i]);
      return 1;
    }
    inputs.push_back(std::move(p));
  }
  for (const auto& p : inputs) register_all(*p);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
