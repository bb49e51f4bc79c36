// Option validation on neutral (key, value) pairs, and a small parser that gets them
// from JSON text (the wasm module's path; natively they come from a nlohmann object,
// see json.cpp). See precis/options_json.hpp.
#include <algorithm>
#include <climits>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>

#include "lang/lang.hpp"
#include "precis/options_json.hpp"
#include "result/utf8.hpp"
#include "score/score.hpp"

namespace precis {
namespace {

using Type = OptionValue::Type;

Status invalid(std::string_view key, const std::string& what) {
  return Status::Error(ErrorCode::kInvalidOption, "option \"" + std::string(key) + "\" " + what);
}

// An integer value, including integral floats such as 3.0 (JSON has one number type).
// An integer beyond INT64_MAX reads as INT64_MAX (then "is too large"), not wrapped
// around to a negative number.
bool as_integer(const OptionValue& v, long long* out) {
  switch (v.type) {
    case Type::kInteger:
      *out = v.integer;
      return true;
    case Type::kUnsigned:
      *out = v.unsigned_integer > static_cast<unsigned long long>(LLONG_MAX) ? LLONG_MAX
                                                                             : static_cast<long long>(v.unsigned_integer);
      return true;
    case Type::kFloat:
      if (std::isfinite(v.number) && v.number == std::floor(v.number) && std::fabs(v.number) < 9e15) {
        *out = static_cast<long long>(v.number);
        return true;
      }
      return false;
    default:
      return false;
  }
}

bool is_number(const OptionValue& v) {
  return v.type == Type::kInteger || v.type == Type::kUnsigned || v.type == Type::kFloat;
}

double as_double(const OptionValue& v) {
  switch (v.type) {
    case Type::kInteger:
      return static_cast<double>(v.integer);
    case Type::kUnsigned:
      return static_cast<double>(v.unsigned_integer);
    default:
      return v.number;
  }
}

// The keys apply_options knows.
constexpr std::string_view kOptionNames[] = {"sentences", "words",     "characters", "ratio",          "lang",
                                             "language",  "algorithm", "input",      "max_input_bytes"};

int option_index(std::string_view key) {
  for (std::size_t k = 0; k < std::size(kOptionNames); ++k) {
    if (kOptionNames[k] == key) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

Status options_not_an_object() { return Status::Error(ErrorCode::kInvalidOption, "options must be an object"); }

Status apply_options(std::span<const OptionEntry> entries, Options* options, UnknownKeys unknown) {
  // A key given more than once counts at its first place with its last value (what
  // reading the object into nlohmann::ordered_json does): find both for each option.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t first[std::size(kOptionNames)], last[std::size(kOptionNames)];
  std::fill(std::begin(first), std::end(first), kNone);
  std::fill(std::begin(last), std::end(last), kNone);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (const int k = option_index(entries[i].key); k >= 0) {
      if (first[k] == kNone) first[k] = i;
      last[k] = i;
    }
  }
  Options o = *options;
  int budgets = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string_view key = entries[i].key;
    const int k = option_index(key);
    if (k >= 0 && first[k] != i) continue;  // a repeat, already applied
    const OptionValue& value = k >= 0 ? entries[last[k]].value : entries[i].value;
    long long n = 0;
    if (key == "sentences" || key == "words" || key == "characters") {
      if (!as_integer(value, &n)) return invalid(key, "must be an integer");
      if (n < 1) return invalid(key, "must be at least 1");
      if (n > 1000000000) return invalid(key, "is too large");
      ++budgets;
      if (key == "sentences") {
        o.budget = Budget::kSentences;
        o.sentences = static_cast<int>(n);
      } else if (key == "characters") {
        o.budget = Budget::kCharacters;
        o.characters = static_cast<int>(n);
      } else {
        o.budget = Budget::kWords;
        o.words = static_cast<int>(n);
      }
    } else if (key == "ratio") {
      if (!is_number(value)) return invalid(key, "must be a number");
      const double r = as_double(value);
      if (!(r > 0.0 && r <= 1.0)) return invalid(key, "must be in (0, 1]");
      ++budgets;
      o.budget = Budget::kRatio;
      o.ratio = r;
    } else if (key == "lang" || key == "language") {
      if (value.type != Type::kString) return invalid(key, "must be a string");
      const std::string tag(value.string);
      if (tag != "auto" && !lang::is_valid_tag(tag)) {
        return Status::Error(ErrorCode::kInvalidLanguage,
                             "\"" + tag + "\" is not a language tag (e.g. \"en\", \"pt-BR\", \"auto\")");
      }
      o.language = lang::normalize_tag(tag);
    } else if (key == "algorithm") {
      if (value.type != Type::kString) return invalid(key, "must be a string");
      const std::string name(value.string);
      if (score::Algorithm unused; !score::parse_algorithm(name, &unused)) {
        return invalid(key, "must be " + score::algorithm_list() + ", not \"" + name + "\"");
      }
      o.algorithm = name;
    } else if (key == "input") {
      if (value.type != Type::kString) return invalid(key, "must be a string");
      if (value.string == "text")
        o.input = InputFormat::kText;
      else if (value.string == "html")
        o.input = InputFormat::kHtml;
      else
        return invalid(key, "must be \"text\" or \"html\"");
    } else if (key == "max_input_bytes") {
      if (!as_integer(value, &n) || n < 1) return invalid(key, "must be a positive integer");
      o.max_input_bytes = static_cast<std::size_t>(n);
    } else if (unknown == UnknownKeys::kReject) {
      return Status::Error(ErrorCode::kInvalidOption, "unknown option \"" + std::string(key) + "\"");
    }
  }
  if (budgets > 1) {
    return Status::Error(ErrorCode::kInvalidOption,
                         "give only one of \"sentences\", \"ratio\", \"words\", \"characters\"");
  }
  *options = std::move(o);
  return Status::Ok();
}

// ---- the parser -----------------------------------------------------------------------
//
// Accepts what nlohmann::json::parse accepts: RFC 8259 JSON, strictly (no comments, no
// trailing commas, nothing after the value but white space; nlohmann also takes a NUL
// byte for the end of the text, this parser does not); strings well-formed UTF-8 with
// paired surrogate escapes; numbers that overflow a double rejected; a leading UTF-8
// byte order mark skipped. It
// types numbers the way nlohmann does. Nested arrays and objects are checked with an
// explicit stack, so depth costs no C++ stack.
namespace {

class Parser {
 public:
  Parser(std::string_view text, std::forward_list<std::string>* storage)
      : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()), storage_(storage) {}

  bool parse(std::vector<OptionEntry>* entries, bool* is_object) {
    if (end_ - p_ >= 1 && p_[0] == 0xEF) {  // a byte order mark, complete or an error
      if (end_ - p_ < 3 || p_[1] != 0xBB || p_[2] != 0xBF) return false;
      p_ += 3;
    }
    skip_space();
    *is_object = p_ < end_ && *p_ == '{';
    if (*is_object) {
      if (!parse_members(entries)) return false;
    } else if (!skip_value()) {
      return false;
    }
    skip_space();
    // Nothing but white space after the value: a NUL byte is no end of the text (where
    // nlohmann's reader stops at one; the batch reader rejects lines with one for that).
    return p_ == end_;
  }

 private:
  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool consume(char c) {
    if (p_ == end_ || *p_ != static_cast<unsigned char>(c)) return false;
    ++p_;
    return true;
  }

  // The top-level object: its members become entries (scalars typed, containers kOther).
  bool parse_members(std::vector<OptionEntry>* entries) {
    ++p_;  // '{'
    skip_space();
    if (consume('}')) return true;
    for (;;) {
      skip_space();
      OptionEntry entry;
      if (p_ == end_ || *p_ != '"' || !parse_string(&entry.key, /*keep=*/true)) return false;
      skip_space();
      if (!consume(':')) return false;
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == '{' || *p_ == '[') {
        entry.value.type = Type::kOther;
        if (!skip_value()) return false;
      } else if (!parse_scalar(&entry.value, /*keep=*/true)) {
        return false;
      }
      entries->push_back(entry);
      skip_space();
      if (consume('}')) return true;
      if (!consume(',')) return false;
    }
  }

  // Any value, checked and dropped.
  bool skip_value() {
    std::string open;  // the containers we are in: '{' or '['
    for (;;) {
      // A value.
      skip_space();
      if (p_ == end_) return false;
      bool done = false;  // a complete value was read
      if (*p_ == '{' || *p_ == '[') {
        const char c = static_cast<char>(*p_++);
        skip_space();
        if (consume(c == '{' ? '}' : ']')) {
          done = true;
        } else {
          open.push_back(c);
          if (c == '{' && !key_and_colon()) return false;
        }
      } else {
        OptionValue unused;
        if (!parse_scalar(&unused, /*keep=*/false)) return false;
        done = true;
      }
      // After a value: close containers or move on to the next element.
      while (done) {
        if (open.empty()) return true;
        skip_space();
        if (consume(',')) {
          if (open.back() == '{' && !key_and_colon()) return false;
          done = false;
        } else if (consume(open.back() == '{' ? '}' : ']')) {
          open.pop_back();
        } else {
          return false;
        }
      }
    }
  }

  bool key_and_colon() {
    skip_space();
    std::string_view unused;
    if (p_ == end_ || *p_ != '"' || !parse_string(&unused, /*keep=*/false)) return false;
    skip_space();
    return consume(':');
  }

  bool parse_scalar(OptionValue* v, bool keep) {
    switch (*p_) {
      case '"':
        v->type = Type::kString;
        return parse_string(&v->string, keep);
      case 't':
        v->type = Type::kBool;
        v->boolean = true;
        return literal("true");
      case 'f':
        v->type = Type::kBool;
        v->boolean = false;
        return literal("false");
      case 'n':
        v->type = Type::kNull;
        return literal("null");
      default:
        return parse_number(v);
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(reinterpret_cast<const char*>(p_), word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  static int hex_digit(unsigned c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
  }

  // The 4 hex digits after "\u", or -1.
  int hex4() {
    if (end_ - p_ < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hex_digit(*p_++);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  static void append_utf8(std::string* s, std::uint32_t cp) {
    if (cp < 0x80) {
      s->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // A string at '"'. Its value is a view of the input when it has no escapes; with
  // escapes and `keep`, the decoded text in *storage_; without `keep`, only checked.
  // (Not inlined: one copy serves keys and values; options are small.)
  [[gnu::noinline]] bool parse_string(std::string_view* out, bool keep) {
    ++p_;                           // '"'
    const unsigned char* run = p_;  // start of the bytes not yet copied to `decoded`
    std::string* decoded = nullptr;
    for (;;) {
      if (p_ == end_) return false;
      const unsigned c = *p_;
      if (c == '"') {
        if (decoded) {
          decoded->append(reinterpret_cast<const char*>(run), p_ - run);
          *out = *decoded;
        } else {
          *out = std::string_view(reinterpret_cast<const char*>(run), p_ - run);
        }
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // control characters must be escaped
      if (c < 0x80 && c != '\\') {
        ++p_;
        continue;
      }
      if (c >= 0x80) {
        const int len = json_utf8::sequence(p_, end_ - p_);
        if (len < 0) return false;
        p_ += len;
        continue;
      }
      // An escape.
      if (keep && !decoded) decoded = &storage_->emplace_front();
      if (decoded) decoded->append(reinterpret_cast<const char*>(run), p_ - run);
      ++p_;
      if (p_ == end_) return false;
      const unsigned e = *p_++;
      char simple = 0;
      switch (e) {
        case '"':
          simple = '"';
          break;
        case '\\':
          simple = '\\';
          break;
        case '/':
          simple = '/';
          break;
        case 'b':
          simple = '\b';
          break;
        case 'f':
          simple = '\f';
          break;
        case 'n':
          simple = '\n';
          break;
        case 'r':
          simple = '\r';
          break;
        case 't':
          simple = '\t';
          break;
        case 'u': {
          int cp = hex4();
          if (cp < 0) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: a low one must follow
            if (!consume('\\') || !consume('u')) return false;
            const int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;  // a lone low surrogate
          }
          if (decoded) append_utf8(decoded, static_cast<std::uint32_t>(cp));
          break;
        }
        default:
          return false;
      }
      if (simple && decoded) decoded->push_back(simple);
      run = p_;
    }
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? typed as nlohmann's lexer types it:
  // integers without '-' are unsigned, with '-' signed, each only if it fits in 64 bits;
  // everything else is a double, and one that overflows is an error.
  [[gnu::noinline]] bool parse_number(OptionValue* v) {
    const unsigned char* start = p_;
    auto digit = [&] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
    const bool negative = consume('-');
    if (!digit()) return false;
    const unsigned char* digits = p_;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (digit()) ++p_;
    }
    const unsigned char* digits_end = p_;
    bool integral = true;
    if (p_ < end_ && *p_ == '.') {
      integral = false;
      ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      integral = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
    }
    if (integral) {
      std::uint64_t magnitude = 0;
      bool overflow = false;
      for (const unsigned char* d = digits; d < digits_end && !overflow; ++d) {
        const unsigned x = *d - '0';
        if (magnitude > (UINT64_MAX - x) / 10)
          overflow = true;
        else
          magnitude = magnitude * 10 + x;
      }
      if (!overflow && !negative) {
        v->type = Type::kUnsigned;
        v->unsigned_integer = magnitude;
        return true;
      }
      if (!overflow && magnitude <= (std::uint64_t{1} << 63)) {
        v->type = Type::kInteger;
        v->integer = static_cast<std::int64_t>(std::uint64_t{0} - magnitude);
        return true;
      }
    }
    // strtod needs a terminated copy, with the current locale's decimal point.
    const std::size_t len = static_cast<std::size_t>(p_ - start);
    char small[64];
    std::string large;
    char* token = small;
    if (len >= sizeof small) {
      large.resize(len);
      token = large.data();
    }
    std::memcpy(token, start, len);
    token[len] = '\0';
    const char point = *std::localeconv()->decimal_point;
    if (point != '.') std::replace(token, token + len, '.', point);
    v->type = Type::kFloat;
    v->number = std::strtod(token, nullptr);
    return std::isfinite(v->number);
  }

  const unsigned char* p_;
  const unsigned char* end_;
  std::forward_list<std::string>* storage_;
};

}  // namespace

bool parse_options_json(std::string_view json, std::vector<OptionEntry>* entries, bool* is_object,
                        std::forward_list<std::string>* storage) {
  entries->clear();
  *is_object = false;
  Parser parser(json, storage);
  if (!parser.parse(entries, is_object)) {
    entries->clear();
    return false;
  }
  return true;
}

Status options_from_json_text(std::string_view json, Options* options, UnknownKeys unknown) {
  std::vector<OptionEntry> entries;
  std::forward_list<std::string> storage;
  bool is_object = false;
  if (!parse_options_json(json, &entries, &is_object, &storage)) {
    return Status::Error(ErrorCode::kInvalidOption, "options are not valid JSON");
  }
  if (!is_object) return options_not_an_object();
  return apply_options(entries, options, unknown);
}

}  // namespace precis
