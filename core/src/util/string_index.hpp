// A hash index from byte strings to small integers (uint32), for the hot lookups of the
// pipeline (a token's surface form -> its term). Written by hand because the standard
// unordered_map allocates a node per entry and hashes through std::hash (slow in wasm),
// and no library we may ship (in a form that compiles to small wasm) offers an
// open-addressing string table.
//
// Keys are copied into one arena (compact: a lookup touches the probed slot, the entry
// and its bytes, all near each other, never the far-away text the key came from). Open
// addressing with linear probing over a power-of-two table kept at most half full;
// values are the caller's (e.g. ids).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace precis::util {

// 64-bit hash of a byte string: 8 bytes at a time, multiply-xorshift mixing. Not for
// adversarial keys in a server; here the input is one document and the table stays at
// most half full, so a bad case costs probes, never correctness.
inline std::uint64_t hash_bytes(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

// a[0, n) == b[0, n), inline: the keys here are words, a few bytes long, where a call to
// memcmp costs more than the comparison.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (; n >= 8; n -= 8, a += 8, b += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  for (; n > 0; --n, ++a, ++b) {
    if (*a != *b) return false;
  }
  return true;
}

class StringIndex {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;

  explicit StringIndex(std::size_t expected = 16) { rehash(capacity_for(expected)); }

  // The value of `key`, or kMissing.
  std::uint32_t find(std::string_view key) const { return find(key, hash_bytes(key)); }
  std::uint32_t find(std::string_view key, std::uint64_t hash) const {
    const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t slot = slots_[i];
      if (slot == kEmpty) return kMissing;
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        const Entry& e = entries_[static_cast<std::uint32_t>(slot)];
        if (e.length == key.size() && same_bytes(arena_.data() + e.offset, key.data(), key.size())) {
          return e.value;
        }
      }
    }
  }

  // Inserts key -> value unless key is there; returns the value stored for key.
  std::uint32_t insert(std::string_view key, std::uint32_t value) { return insert(key, hash_bytes(key), value); }
  std::uint32_t insert(std::string_view key, std::uint64_t hash, std::uint32_t value) {
    if (2 * (entries_.size() + 1) > slots_.size()) rehash(slots_.size() * 2);
    const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t slot = slots_[i];
      if (slot == kEmpty) {
        slots_[i] = (static_cast<std::uint64_t>(tag) << 32) | entries_.size();
        entries_.push_back({static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(key.size()), value, hash});
        arena_.append(key);
        return value;
      }
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        const Entry& e = entries_[static_cast<std::uint32_t>(slot)];
        if (e.length == key.size() && same_bytes(arena_.data() + e.offset, key.data(), key.size())) {
          return e.value;
        }
      }
    }
  }

  std::size_t size() const { return entries_.size(); }

 private:
  // A slot: the hash's high 32 bits (a tag that rules out most mismatches without
  // touching the entry) and the entry's index; 8 bytes, so that the probed table stays
  // small in cache.
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  struct Entry {
    std::uint32_t offset;  // of the key's bytes in arena_
    std::uint32_t length;
    std::uint32_t value;
    std::uint64_t hash;
  };

  static std::size_t capacity_for(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    return capacity;
  }

  void rehash(std::size_t capacity) {
    slots_.assign(capacity, kEmpty);
    mask_ = capacity - 1;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      std::size_t i = entries_[k].hash & mask_;
      while (slots_[i] != kEmpty) i = (i + 1) & mask_;
      slots_[i] = (static_cast<std::uint64_t>(entries_[k].hash >> 32) << 32) | k;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::vector<Entry> entries_;
  std::string arena_;
  std::size_t mask_ = 0;
};

}  // namespace precis::util
