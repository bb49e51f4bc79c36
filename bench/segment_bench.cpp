// Précis: native throughput benchmark of sentence segmentation (precis::split) and,
// for context, of the whole pipeline (precis::summarize). Not a test: it asserts
// nothing about time. `npm run bench` (bench/run.mjs) builds the inputs and runs it.
//
//   precis_bench [--min-time S] [--min-runs N] [--max-time S] [--no-summarize]
//                [--no-split] [--input text|html] [--lang TAG] FILE...
//
// For each FILE and each operation: one untimed warm-up call, then timed calls until
// at least --min-runs calls (default 5) and at least --min-time seconds (default 1) of
// timed work have been done, or --max-time seconds (default 10) have been spent,
// whichever comes first (always at least one timed call). Prints one JSON line per
// measurement to stdout:
//
//   {"op":"split","input":"text","file":"...","bytes":N,"runs":N,"median_ms":X,
//    "min_ms":X,"mb_per_s":X,"sentences":N,"selected":N,"warnings":["..."]}
//
// MB/s is bytes / median seconds / 1e6; "sentences", "selected" (summary sentences) and
// "warnings" (the result's warning codes, e.g. "no_article") are those of the warm-up
// call. Options: language --lang (default "en"; "auto" detects it), the default budget
// (3 sentences), input --input: "text" (default) or "html" (a web page: the core finds
// its article, then summarizes it; bench/run.mjs's html leg runs
// `--input html --lang auto --no-split`). --no-split / --no-summarize skip an operation.
// A file that cannot be read or a call that fails is reported on stderr; the other files
// are still measured, and the exit status is then 1.
#include <precis/precis.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Config {
  double min_time_s = 1.0;
  int min_runs = 5;
  double max_time_s = 10.0;
  bool split = true;
  bool summarize = true;
  precis::InputFormat input = precis::InputFormat::kText;
  std::string language = "en";
  std::vector<std::string> files;
};

int usage(const char* message) {
  std::fprintf(stderr,
               "precis_bench: %s\n"
               "usage: precis_bench [--min-time S] [--min-runs N] [--max-time S] "
               "[--no-summarize] [--no-split] [--input text|html] [--lang TAG] FILE...\n",
               message);
  return 2;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// JSON string literal for a file path (escapes quotes, backslashes, control bytes).
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

using Op = precis::Status (*)(std::string_view, const precis::Options&, precis::Result*);

// Runs `op` as described at the top of the file; returns false (after printing the
// core's error to stderr) if a call fails.
bool measure(const char* name, Op op, const std::string& path, const std::string& text,
             const Config& config) {
  precis::Options options;
  options.language = config.language;
  options.input = config.input;

  std::size_t sentences = 0;
  std::size_t selected = 0;
  std::string warnings = "[";
  {
    precis::Result warm;
    precis::Status status = op(text, options, &warm);
    if (!status.ok()) {
      std::fprintf(stderr, "precis_bench: %s %s: %s: %s\n", name, path.c_str(),
                   std::string(precis::error_code_name(status.code)).c_str(),
                   status.message.c_str());
      return false;
    }
    sentences = warm.sentences.size();
    selected = warm.summary.size();
    for (const precis::Warning& w : warm.warnings) {
      if (warnings.size() > 1) warnings += ',';
      warnings += json_string(w.code);
    }
    warnings += ']';
  }

  std::vector<double> seconds;
  double total = 0;
  while (seconds.empty() ||
         ((static_cast<int>(seconds.size()) < config.min_runs || total < config.min_time_s) &&
          total < config.max_time_s)) {
    precis::Result result;  // constructed and destroyed outside the timed region
    const auto t0 = Clock::now();
    precis::Status status = op(text, options, &result);
    const auto t1 = Clock::now();
    if (!status.ok() || result.sentences.size() != sentences) {
      std::fprintf(stderr, "precis_bench: %s %s: inconsistent result between runs\n", name,
                   path.c_str());
      return false;
    }
    const double s = std::chrono::duration<double>(t1 - t0).count();
    seconds.push_back(s);
    total += s;
  }

  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const double mb_per_s = median > 0 ? static_cast<double>(text.size()) / median / 1e6 : 0;

  std::ostringstream line;
  line.precision(6);
  line << "{\"op\":\"" << name << "\",\"input\":\""
       << (config.input == precis::InputFormat::kHtml ? "html" : "text")
       << "\",\"file\":" << json_string(path)
       << ",\"bytes\":" << text.size() << ",\"runs\":" << n
       << ",\"median_ms\":" << median * 1e3 << ",\"min_ms\":" << sorted.front() * 1e3
       << ",\"mb_per_s\":" << mb_per_s << ",\"sentences\":" << sentences
       << ",\"selected\":" << selected << ",\"warnings\":" << warnings << "}\n";
  std::fputs(line.str().c_str(), stdout);
  std::fflush(stdout);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto number = [&](double* out) {
      if (i + 1 >= argc) return false;
      char* end = nullptr;
      *out = std::strtod(argv[++i], &end);
      return end && *end == '\0' && *out >= 0;
    };
    double value = 0;
    if (arg == "--min-time") {
      if (!number(&value)) return usage("--min-time needs a number of seconds");
      config.min_time_s = value;
    } else if (arg == "--max-time") {
      if (!number(&value)) return usage("--max-time needs a number of seconds");
      config.max_time_s = value;
    } else if (arg == "--min-runs") {
      if (!number(&value)) return usage("--min-runs needs a number");
      config.min_runs = static_cast<int>(value);
    } else if (arg == "--no-summarize") {
      config.summarize = false;
    } else if (arg == "--no-split") {
      config.split = false;
    } else if (arg == "--input") {
      const std::string value = i + 1 < argc ? argv[++i] : "";
      if (value == "text") {
        config.input = precis::InputFormat::kText;
      } else if (value == "html") {
        config.input = precis::InputFormat::kHtml;
      } else {
        return usage("--input takes text or html");
      }
    } else if (arg == "--lang") {
      if (i + 1 >= argc || argv[i + 1][0] == '\0') return usage("--lang needs a language tag or auto");
      config.language = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      usage("segmentation throughput benchmark");
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage(("unknown option " + arg).c_str());
    } else {
      config.files.push_back(arg);
    }
  }
  if (config.files.empty()) return usage("no input files");
  if (!config.split && !config.summarize) return usage("--no-split and --no-summarize: nothing to do");

  int status = 0;
  for (const std::string& path : config.files) {
    std::string text;
    if (!read_file(path, &text)) {
      std::fprintf(stderr, "precis_bench: cannot read %s\n", path.c_str());
      status = 1;
      continue;
    }
    if (config.split && !measure("split", &precis::split, path, text, config)) status = 1;
    if (config.summarize && !measure("summarize", &precis::summarize, path, text, config)) {
      status = 1;
    }
  }
  return status;
}
