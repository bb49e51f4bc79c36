// The streaming JSON writer (see precis/json_writer.hpp for why it exists and the exact
// format it promises): string escaping with UTF-8 repair, integers, and doubles by
// Grisu2 (Loitsch, "Printing Floating-Point Numbers Quickly and Accurately with
// Integers", PLDI 2010) with the parameters that make its digits those of
// nlohmann::json's serializer.
#include "precis/json_writer.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "result/utf8.hpp"

namespace precis {
namespace {

// ---- doubles: Grisu2 ----------------------------------------------------------------

// f * 2^e with a 64-bit significand.
struct Fp {
  std::uint64_t f;
  int e;
};

// The upper 64 bits of the 128-bit product, rounded half up; exponents add (+64). From
// 32-bit halves: wasm32 has no 128-bit multiply (unsigned __int128 becomes a libcall).
Fp multiply(Fp a, Fp b) {
  const std::uint64_t a_lo = a.f & 0xFFFFFFFF, a_hi = a.f >> 32;
  const std::uint64_t b_lo = b.f & 0xFFFFFFFF, b_hi = b.f >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo, lo_hi = a_lo * b_hi, hi_lo = a_hi * b_lo, hi_hi = a_hi * b_hi;
  // Bits 32..95 of the product, plus 2^31 to round bit 63 of the low half up.
  const std::uint64_t middle = (lo_lo >> 32) + (lo_hi & 0xFFFFFFFF) + (hi_lo & 0xFFFFFFFF) + (std::uint64_t{1} << 31);
  return {hi_hi + (lo_hi >> 32) + (hi_lo >> 32) + (middle >> 32), a.e + b.e + 64};
}

Fp normalized(Fp x) {
  const int shift = std::countl_zero(x.f);
  return {x.f << shift, x.e - shift};
}

// 10^k for k = -300, -292, ..., 324 (kFirstPower + 8 i), each as f * 2^e with f in
// [2^63, 2^64), rounded to nearest. Generated with exact rational arithmetic:
//   for k in range(-300, 325, 8): x = Fraction(10) ** k; pick e with 2^63 <= x/2^e < 2^64;
//   f = round(x / 2^e)
constexpr int kFirstPower = -300;
constexpr int kPowerStep = 8;
constexpr Fp kPowersOfTen[] = {
    {0xAB70FE17C79AC6CA, -1060}, {0xFF77B1FCBEBCDC4F, -1034}, {0xBE5691EF416BD60C, -1007}, {0x8DD01FAD907FFC3C, -980},
    {0xD3515C2831559A83, -954},  {0x9D71AC8FADA6C9B5, -927},  {0xEA9C227723EE8BCB, -901},  {0xAECC49914078536D, -874},
    {0x823C12795DB6CE57, -847},  {0xC21094364DFB5637, -821},  {0x9096EA6F3848984F, -794},  {0xD77485CB25823AC7, -768},
    {0xA086CFCD97BF97F4, -741},  {0xEF340A98172AACE5, -715},  {0xB23867FB2A35B28E, -688},  {0x84C8D4DFD2C63F3B, -661},
    {0xC5DD44271AD3CDBA, -635},  {0x936B9FCEBB25C996, -608},  {0xDBAC6C247D62A584, -582},  {0xA3AB66580D5FDAF6, -555},
    {0xF3E2F893DEC3F126, -529},  {0xB5B5ADA8AAFF80B8, -502},  {0x87625F056C7C4A8B, -475},  {0xC9BCFF6034C13053, -449},
    {0x964E858C91BA2655, -422},  {0xDFF9772470297EBD, -396},  {0xA6DFBD9FB8E5B88F, -369},  {0xF8A95FCF88747D94, -343},
    {0xB94470938FA89BCF, -316},  {0x8A08F0F8BF0F156B, -289},  {0xCDB02555653131B6, -263},  {0x993FE2C6D07B7FAC, -236},
    {0xE45C10C42A2B3B06, -210},  {0xAA242499697392D3, -183},  {0xFD87B5F28300CA0E, -157},  {0xBCE5086492111AEB, -130},
    {0x8CBCCC096F5088CC, -103},  {0xD1B71758E219652C, -77},   {0x9C40000000000000, -50},   {0xE8D4A51000000000, -24},
    {0xAD78EBC5AC620000, 3},     {0x813F3978F8940984, 30},    {0xC097CE7BC90715B3, 56},    {0x8F7E32CE7BEA5C70, 83},
    {0xD5D238A4ABE98068, 109},   {0x9F4F2726179A2245, 136},   {0xED63A231D4C4FB27, 162},   {0xB0DE65388CC8ADA8, 189},
    {0x83C7088E1AAB65DB, 216},   {0xC45D1DF942711D9A, 242},   {0x924D692CA61BE758, 269},   {0xDA01EE641A708DEA, 295},
    {0xA26DA3999AEF774A, 322},   {0xF209787BB47D6B85, 348},   {0xB454E4A179DD1877, 375},   {0x865B86925B9BC5C2, 402},
    {0xC83553C5C8965D3D, 428},   {0x952AB45CFA97A0B3, 455},   {0xDE469FBD99A05FE3, 481},   {0xA59BC234DB398C25, 508},
    {0xF6C69A72A3989F5C, 534},   {0xB7DCBF5354E9BECE, 561},   {0x88FCF317F22241E2, 588},   {0xCC20CE9BD35C78A5, 614},
    {0x98165AF37B2153DF, 641},   {0xE2A0B5DC971F303A, 667},   {0xA8D9D1535CE3B396, 694},   {0xFB9B7CD9A4A7443C, 720},
    {0xBB764C4CA7A44410, 747},   {0x8BAB8EEFB6409C1A, 774},   {0xD01FEF10A657842C, 800},   {0x9B10A4E5E9913129, 827},
    {0xE7109BFBA19C0C9D, 853},   {0xAC2820D9623BF429, 880},   {0x80444B5E7AA7CF85, 907},   {0xBF21E44003ACDD2D, 933},
    {0x8E679C2F5E44FF8F, 960},   {0xD433179D9C8CB841, 986},   {0x9E19DB92B4E31BA9, 1013},
};

// The scaled products' binary exponent lands in [kAlpha, -32]: the integral part of
// a scaled boundary then fits 32 bits and the fraction 60 bits.
constexpr int kAlpha = -60;

// Steps the last digit down while that brings the number closer to the exact value
// (distance `dist` below the upper boundary) and stays inside the interval (`delta`
// wide); `rest` is the current distance below the upper boundary, `unit` one step of
// the last digit, all in the same binary scale.
void weed(char* digits, int len, std::uint64_t dist, std::uint64_t delta, std::uint64_t rest, std::uint64_t unit) {
  while (rest < dist && delta - rest >= unit && (rest + unit < dist || dist - rest > rest + unit - dist)) {
    --digits[len - 1];
    rest += unit;
  }
}

// Digits of v = digits * 10^(*exp10) for a finite v > 0; returns their count (<= 17).
int grisu2(double v, char* digits, int* exp10) {
  std::uint64_t bits;  // (libc++ 13, em++'s, has no std::bit_cast)
  std::memcpy(&bits, &v, sizeof bits);
  const std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  const int biased = static_cast<int>(bits >> 52);
  // v = f * 2^e exactly; its neighbours' midpoints are the boundaries of the interval
  // of decimals that read back as v (the lower one is closer at a power of two).
  const Fp w = biased == 0 ? Fp{mantissa, -1074} : Fp{mantissa | (std::uint64_t{1} << 52), biased - 1075};
  const Fp upper = normalized({2 * w.f + 1, w.e - 1});
  const Fp lower_raw = (mantissa == 0 && biased > 1) ? Fp{4 * w.f - 1, w.e - 2} : Fp{2 * w.f - 1, w.e - 1};
  const Fp lower = {lower_raw.f << (lower_raw.e - upper.e), upper.e};
  const Fp value = normalized(w);  // same exponent as `upper`

  // A cached 10^-k that scales the exponent into [kAlpha, -32]: k = ceil((kAlpha - e -
  // 1) * log10(2)), with log10(2) ~ 78913 / 2^18.
  const int t = kAlpha - upper.e - 1;
  const int k = t * 78913 / (1 << 18) + (t > 0 ? 1 : 0);
  const int index = (k - kFirstPower + kPowerStep - 1) / kPowerStep;
  const Fp power = kPowersOfTen[index];
  *exp10 = -(kFirstPower + kPowerStep * index);

  const Fp scaled = multiply(value, power);
  const Fp scaled_upper = multiply(upper, power);
  const Fp scaled_lower = multiply(lower, power);
  // The products are off by up to one unit: narrow the interval by one on each side.
  const std::uint64_t high = scaled_upper.f - 1;
  const std::uint64_t low = scaled_lower.f + 1;
  std::uint64_t delta = high - low;
  std::uint64_t dist = high - scaled.f;

  // high = integral * 2^shift + fraction; generate digits of `high` until the rest of
  // it falls inside the interval.
  const int shift = -scaled_upper.e;
  const std::uint64_t one = std::uint64_t{1} << shift;
  auto integral = static_cast<std::uint32_t>(high >> shift);
  std::uint64_t fraction = high & (one - 1);

  std::uint32_t divisor = 1;
  int remaining = 1;
  while (integral / divisor >= 10) {
    divisor *= 10;
    ++remaining;
  }
  int len = 0;
  while (remaining > 0) {
    digits[len++] = static_cast<char>('0' + integral / divisor);
    integral %= divisor;
    --remaining;
    const std::uint64_t rest = (std::uint64_t{integral} << shift) + fraction;
    if (rest <= delta) {
      *exp10 += remaining;
      weed(digits, len, dist, delta, rest, std::uint64_t{divisor} << shift);
      return len;
    }
    divisor /= 10;
  }
  int fraction_digits = 0;
  for (;;) {
    fraction *= 10;
    delta *= 10;
    dist *= 10;
    digits[len++] = static_cast<char>('0' + (fraction >> shift));
    fraction &= one - 1;
    ++fraction_digits;
    if (fraction <= delta) break;
  }
  *exp10 -= fraction_digits;
  weed(digits, len, dist, delta, fraction, one);
  return len;
}

// Writes a finite double as nlohmann::json prints it; returns the end. buf: >= 32 chars.
char* format_double(char* buf, double v) {
  char* p = buf;
  if (std::signbit(v)) {
    *p++ = '-';
    v = -v;
  }
  if (v == 0) {
    std::memcpy(p, "0.0", 3);
    return p + 3;
  }
  char digits[20];
  int exp10 = 0;
  const int len = grisu2(v, digits, &exp10);
  // v = 0.d1d2...dlen * 10^point
  const int point = len + exp10;
  constexpr int kMaxFixed = 15;              // fixed notation while point is in (-4, 15]
  if (len <= point && point <= kMaxFixed) {  // ddd000.0
    std::memcpy(p, digits, len);
    p += len;
    std::memset(p, '0', point - len);
    p += point - len;
    std::memcpy(p, ".0", 2);
    return p + 2;
  }
  if (0 < point && point <= kMaxFixed) {  // dd.ddd
    std::memcpy(p, digits, point);
    p += point;
    *p++ = '.';
    std::memcpy(p, digits + point, len - point);
    return p + (len - point);
  }
  if (-4 < point && point <= 0) {  // 0.000ddd
    *p++ = '0';
    *p++ = '.';
    std::memset(p, '0', -point);
    p += -point;
    std::memcpy(p, digits, len);
    return p + len;
  }
  // d.ddde+XX, the exponent with at least two digits.
  *p++ = digits[0];
  if (len > 1) {
    *p++ = '.';
    std::memcpy(p, digits + 1, len - 1);
    p += len - 1;
  }
  *p++ = 'e';
  int e = point - 1;
  if (e < 0) {
    *p++ = '-';
    e = -e;
  } else {
    *p++ = '+';
  }
  if (e >= 100) {
    *p++ = static_cast<char>('0' + e / 100);
    e %= 100;
  }
  *p++ = static_cast<char>('0' + e / 10);
  *p++ = static_cast<char>('0' + e % 10);
  return p;
}

// ---- strings ------------------------------------------------------------------------

// 1: copied as it is (printable ASCII but '"' and '\\'); 0: needs care.
constexpr auto kPlain = [] {
  struct Table {
    bool plain[256];
  } t{};
  for (int c = 0x20; c < 0x80; ++c) t.plain[c] = c != '"' && c != '\\';
  return t;
}();

// Whether the 8 bytes at p are all plain (see kPlain), tested at once: no byte < 0x20,
// none >= 0x80, none equal to '"' or '\\'.
bool plain8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto has_zero_byte = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighs;
  return ((w & kHighs) | below_space | has_zero_byte(w ^ (kOnes * '"')) | has_zero_byte(w ^ (kOnes * '\\'))) == 0;
}

}  // namespace

void JsonWriter::grow(std::size_t n) {
  std::size_t size = buf_.size() * 2;
  if (size < len_ + n + 256) size = len_ + n + 256;
  buf_.resize(size);
}

void JsonWriter::put(const char* p, std::size_t n) {
  std::memcpy(room(n), p, n);
  len_ += n;
}

std::string JsonWriter::take() {
  buf_.resize(len_);
  std::string out = std::move(buf_);
  buf_.clear();
  len_ = 0;
  comma_ = false;
  return out;
}

// A string in quotes: escapes for '"', '\\' and control characters, U+FFFD for each
// invalid UTF-8 sequence, everything else copied.
void JsonWriter::quoted(std::string_view s) {
  put('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t run = 0;  // start of the bytes not yet written, all to be copied as they are
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && plain8(p + i)) {
      i += 8;
      continue;
    }
    const unsigned char c = p[i];
    if (kPlain.plain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const int len = json_utf8::sequence(p + i, n - i);
      if (len > 0) {
        i += len;
        continue;
      }
      put(s.data() + run, i - run);
      put("\xEF\xBF\xBD", 3);
      i += -len;
      run = i;
      continue;
    }
    put(s.data() + run, i - run);
    switch (c) {
      case '"':
        put("\\\"", 2);
        break;
      case '\\':
        put("\\\\", 2);
        break;
      case '\b':
        put("\\b", 2);
        break;
      case '\f':
        put("\\f", 2);
        break;
      case '\n':
        put("\\n", 2);
        break;
      case '\r':
        put("\\r", 2);
        break;
      case '\t':
        put("\\t", 2);
        break;
      default: {
        const char escape[6] = {'\\', 'u', '0', '0', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]};
        put(escape, 6);
      }
    }
    ++i;
    run = i;
  }
  put(s.data() + run, n - run);
  put('"');
}

void JsonWriter::key(std::string_view name) {
  separate();
  quoted(name);
  put(':');
  comma_ = false;
}

void JsonWriter::string(std::string_view s) {
  separate();
  quoted(s);
  comma_ = true;
}

void JsonWriter::number(double v) {
  separate();
  if (std::isfinite(v)) {
    char* start = room(32);
    len_ += format_double(start, v) - start;
  } else {
    put("null", 4);
  }
  comma_ = true;
}

void JsonWriter::number(std::uint64_t v) {
  separate();
  char buf[20];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  put(p, buf + sizeof buf - p);
  comma_ = true;
}

void JsonWriter::number(std::int64_t v) {
  if (v >= 0) return number(static_cast<std::uint64_t>(v));
  separate();
  put('-');
  comma_ = false;
  // The magnitude in unsigned arithmetic (also right for INT64_MIN).
  number(std::uint64_t{0} - static_cast<std::uint64_t>(v));
}

void JsonWriter::boolean(bool b) {
  separate();
  if (b)
    put("true", 4);
  else
    put("false", 5);
  comma_ = true;
}

void JsonWriter::null() {
  separate();
  put("null", 4);
  comma_ = true;
}

}  // namespace precis
