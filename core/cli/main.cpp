// precis: the native command line. Thin: parse flags, call the core, print.
//
//   precis summarize [FILE|-] [--sentences N | --ratio R | --words W | --characters C]
//                    [--lang auto|en|de|...] [--algorithm NAME] [--format text|json|markdown]
//                    [--input text|html] [--max-input-bytes N]
//   precis split     [FILE|-] [--lang ...] [--format lines|json]
//   precis batch     [same options] [--split]  < in.jsonl > out.jsonl
//
// Exit status: 0 success, 1 bad input (including any failed batch line), 2 bad usage.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/locale/encoding.hpp>

#include "batch.hpp"
#include "precis/json.hpp"
#include "precis/precis.hpp"

namespace {

using precis::cli::one_line;

constexpr int kOk = 0, kBadInput = 1, kBadUsage = 2;

const char* kUsage =
    "usage: precis <command> [options]\n"
    "\n"
    "commands:\n"
    "  summarize [FILE|-]   print the most informative sentences of an article\n"
    "  split     [FILE|-]   print the sentences of a text, one per line\n"
    "  batch                summarize (or --split) JSON Lines from stdin to stdout:\n"
    "                       in  {\"id\": ..., \"text\": ..., <any option below as a field>}\n"
    "                       out {\"id\", \"summary\", \"selected\", \"sentences\", \"language\"}\n"
    "                           or {\"id\", \"error\": {\"code\", \"message\"}} for a bad line\n"
    "\n"
    "options:\n"
    "  --sentences N        summary length in sentences (default 3)\n"
    "  --ratio R            summary length as a share of the sentences, 0 < R <= 1\n"
    "  --words W            as many sentences as fit in W words (never cuts one)\n"
    "  --characters C       as many sentences as fit in C characters (never cuts one)\n"
    "  --lang L             auto (default) or a language tag: en, de, pt-BR, ...\n"
    "  --algorithm NAME     auto (default), lead, textrank, lexrank, centroid, sumbasic,\n"
    "                       luhn or klsum\n"
    "  --format F           summarize: text (default), json, markdown; split: lines, json\n"
    "  --input text|html    input format (default text)\n"
    "  --max-input-bytes N  longer inputs fail with input_too_large (default 16 MiB)\n"
    "  --encoding NAME      summarize/split: the input's character set (default UTF-8),\n"
    "                       e.g. cp1251, latin1, iso-8859-2, shift_jis, utf-16; with\n"
    "                       --input html, a page that is not UTF-8 is read in the\n"
    "                       character set it declares (<meta charset>)\n"
    "  --split              batch: split only, output {\"id\", \"sentences\", \"language\"}\n"
    "  -h, --help           this help;  --version  the version\n"
    "\n"
    "FILE defaults to stdin. Exit status: 0 success, 1 bad input, 2 bad usage.\n";

struct Args {
  std::string command;
  std::string file = "-";
  bool file_given = false;
  std::string format;
  std::string encoding;  // empty: UTF-8
  bool split = false;
  precis::Json options = precis::Json::object();
};

int usage_error(const std::string& message) {
  std::cerr << "precis: " << message << "\n(run 'precis --help' for usage)\n";
  return kBadUsage;
}

// Parses a flag value as a JSON number so that the core validates it like any other.
bool parse_number(const std::string& s, precis::Json* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  if (s.find_first_of(".eE") == std::string::npos) {
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end != '\0' || errno) return false;
    *out = v;
  } else {
    double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || errno) return false;
    *out = v;
  }
  return true;
}

// Returns -1 on success, else an exit code.
int parse_args(int argc, char** argv, Args* a) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kBadUsage;
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return kOk;
    }
    if (arg == "--version") {
      std::cout << "precis 0.1.0\n";
      return kOk;
    }
    if (a->command.empty()) {
      if (arg != "summarize" && arg != "split" && arg != "batch") return usage_error("unknown command '" + arg + "'");
      a->command = arg;
      continue;
    }
    std::string v;
    if (arg == "--sentences" || arg == "--ratio" || arg == "--words" || arg == "--characters") {
      precis::Json n;
      if (!value(&v) || !parse_number(v, &n)) return usage_error(arg + " needs a number");
      a->options.erase("sentences");
      a->options.erase("ratio");
      a->options.erase("words");
      a->options.erase("characters");
      a->options[arg.substr(2)] = n;
    } else if (arg == "--max-input-bytes") {
      precis::Json n;
      if (!value(&v) || !parse_number(v, &n)) return usage_error(arg + " needs a number");
      a->options["max_input_bytes"] = n;
    } else if (arg == "--lang" || arg == "--algorithm" || arg == "--input") {
      if (!value(&v)) return usage_error(arg + " needs a value");
      a->options[arg.substr(2)] = v;
    } else if (arg == "--encoding") {
      if (!value(&v)) return usage_error("--encoding needs a value");
      a->encoding = v;
    } else if (arg == "--format") {
      if (!value(&v)) return usage_error("--format needs a value");
      a->format = v;
    } else if (arg == "--split") {
      a->split = true;
    } else if (arg.size() > 1 && arg[0] == '-' ) {
      return usage_error("unknown option '" + arg + "'");
    } else if (!a->file_given) {
      a->file = arg;
      a->file_given = true;
    } else {
      return usage_error("more than one input file");
    }
  }
  if (a->command.empty()) return usage_error("no command");
  if (a->command == "batch" && a->file_given) return usage_error("batch reads stdin; no FILE");
  if (a->split && a->command != "batch") return usage_error("--split is for batch");
  if (a->command == "summarize" && a->format.empty()) a->format = "text";
  if (a->command == "split" && a->format.empty()) a->format = "lines";
  if (a->command == "summarize" && a->format != "text" && a->format != "json" && a->format != "markdown") {
    return usage_error("--format must be text, json or markdown");
  }
  if (a->command == "split" && a->format != "lines" && a->format != "json") {
    return usage_error("--format must be lines or json");
  }
  if (a->command == "batch" && !a->format.empty()) return usage_error("batch always writes JSON Lines; no --format");
  if (a->command == "batch" && !a->encoding.empty()) return usage_error("batch reads JSON Lines, which are UTF-8; no --encoding");
  return -1;
}

// Whole-stream reads in 64 KB blocks (a character at a time through istreambuf_iterator
// costs more than summarizing).
bool read_all(std::istream& in, std::string* out) {
  out->clear();
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) out->append(block, static_cast<std::size_t>(in.gcount()));
  return !in.bad();
}

bool read_input(const std::string& file, std::string* out) {
  if (file == "-") {
    std::ios::sync_with_stdio(false);
    return read_all(std::cin, out);
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  return read_all(in, out);
}

int fail(const precis::Status& status) {
  std::cerr << "precis: " << precis::error_code_name(status.code) << ": " << status.message << "\n";
  return kBadInput;
}

int run_single(const Args& a, const precis::Options& options) {
  std::string input;
  if (!read_input(a.file, &input)) {
    std::cerr << "precis: cannot read '" << a.file << "'\n";
    return kBadInput;
  }
  // A saved page that is not UTF-8 says what it is: its declared character set is used
  // unless --encoding names one (a page that is valid UTF-8 is read as UTF-8).
  std::string encoding = a.encoding;
  if (encoding.empty() && options.input == precis::InputFormat::kHtml) encoding = precis::page_charset(input);
  if (!encoding.empty()) {
    // Boost.Locale (ICU or iconv) converts to UTF-8; bytes invalid in that encoding
    // are skipped rather than stopping the conversion.
    try {
      input = boost::locale::conv::to_utf<char>(input, encoding, boost::locale::conv::skip);
    } catch (const boost::locale::conv::invalid_charset_error&) {
      std::cerr << "precis: unknown --encoding '" << a.encoding << "'\n";
      return kBadUsage;
    } catch (const std::exception& e) {
      std::cerr << "precis: cannot read the input as " << a.encoding << ": " << e.what() << "\n";
      return kBadInput;
    }
  }
  precis::Result result;
  if (a.command == "split") {
    precis::Status status = precis::split(input, options, &result);
    if (!status.ok()) return fail(status);
    if (a.format == "json") {
      std::cout << precis::split_json(result) << "\n";
    } else {
      for (std::size_t i = 0; i < result.sentences.size(); ++i) std::cout << one_line(result.sentence_text(i)) << "\n";
    }
    return kOk;
  }
  precis::Status status = precis::summarize(input, options, &result);
  if (!status.ok()) return fail(status);
  if (a.format == "json") {
    std::cout << precis::result_json(result) << "\n";
  } else {
    // Markdown: the article's headline (when it has one) as the heading, then bullets.
    if (a.format == "markdown" && !result.title.empty()) std::cout << "# " << one_line(result.title) << "\n\n";
    for (std::size_t i : result.summary) {
      std::cout << (a.format == "markdown" ? "- " : "") << one_line(result.sentence_text(i)) << "\n";
    }
  }
  return kOk;
}

// Lines are independent: they are summarized on every core (a reader thread, up to
// eight workers, this thread writing), and written in input order, each as soon as it and
// every line before it are done, so a pipeline that feeds one line at a time still gets
// each answer. At most kWindow lines per worker are in flight (bounded memory).
int run_batch(const Args& a, const precis::Options& base) {
  std::ios::sync_with_stdio(false);
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  bool all_ok = true;
  struct Item {
    std::string line, out;
    bool ok = false, done = false;
  };
  constexpr std::size_t kWindow = 16;
  std::mutex m;
  std::condition_variable work_ready, item_done, space_free;
  std::deque<Item> window;   // lines [first, first + window.size()); references stay valid
  std::size_t first = 0;     // input index of window.front()
  std::size_t next = 0;      // input index of the next line a worker takes
  bool eof = false;

  // Not tied: std::cin would flush std::cout from the reader thread while this one
  // writes. Instead the writer flushes whenever it has caught up with the input.
  std::cin.tie(nullptr);
  std::thread reader([&] {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::unique_lock lock(m);
      space_free.wait(lock, [&] { return window.size() < kWindow * workers; });
      window.push_back({std::move(line)});
      work_ready.notify_one();
    }
    std::lock_guard lock(m);
    eof = true;
    work_ready.notify_all();
    item_done.notify_all();
  });
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      std::unique_lock lock(m);
      for (;;) {
        work_ready.wait(lock, [&] { return next < first + window.size() || eof; });
        if (next >= first + window.size()) return;  // eof, nothing left to take
        Item& item = window[next++ - first];
        lock.unlock();
        bool ok = false;
        std::string out = precis::cli::batch_line(item.line, a.split, base, &ok);
        lock.lock();
        item.out = std::move(out);
        item.ok = ok;
        item.done = true;
        item_done.notify_all();
      }
    });
  }
  {
    std::unique_lock lock(m);
    for (;;) {
      item_done.wait(lock, [&] { return (!window.empty() && window.front().done) || (eof && window.empty()); });
      if (window.empty()) break;  // eof and everything written
      while (!window.empty() && window.front().done) {
        Item item = std::move(window.front());
        window.pop_front();
        ++first;
        space_free.notify_one();
        lock.unlock();
        std::cout << item.out << "\n";
        all_ok = all_ok && item.ok;
        lock.lock();
      }
      if (window.empty()) {
        lock.unlock();
        std::cout.flush();
        lock.lock();
      }
    }
  }
  reader.join();
  for (auto& t : pool) t.join();
  std::cout.flush();
  return all_ok ? kOk : kBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (int rc = parse_args(argc, argv, &a); rc >= 0) return rc;
  precis::Options options;
  precis::Status status = precis::options_from_json(a.options, &options);
  if (!status.ok()) return usage_error(std::string(precis::error_code_name(status.code)) + ": " + status.message);
  return a.command == "batch" ? run_batch(a, options) : run_single(a, options);
}
