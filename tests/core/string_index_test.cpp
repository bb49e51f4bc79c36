// util::StringIndex, the open-addressing string table of the hot lookups (surface forms,
// term ids, stopwords, cue words), checked against std::unordered_map.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/string_index.hpp"

namespace {

using precis::util::StringIndex;

TEST(StringIndex, FindsWhatWasInsertedAndNothingElse) {
  StringIndex index;
  EXPECT_EQ(index.find("cat"), StringIndex::kMissing);
  EXPECT_EQ(index.insert("cat", 7), 7u);
  EXPECT_EQ(index.insert("dog", 9), 9u);
  EXPECT_EQ(index.find("cat"), 7u);
  EXPECT_EQ(index.find("dog"), 9u);
  EXPECT_EQ(index.find("ca"), StringIndex::kMissing);
  EXPECT_EQ(index.find("cats"), StringIndex::kMissing);
  EXPECT_EQ(index.find("Cat"), StringIndex::kMissing);
  EXPECT_EQ(index.size(), 2u);
}

TEST(StringIndex, InsertKeepsTheFirstValue) {
  StringIndex index;
  EXPECT_EQ(index.insert("key", 1), 1u);
  EXPECT_EQ(index.insert("key", 2), 1u);  // already there: the stored value comes back
  EXPECT_EQ(index.find("key"), 1u);
  EXPECT_EQ(index.size(), 1u);
}

TEST(StringIndex, KeysAreCopied) {
  StringIndex index;
  {
    std::string temporary = "temporary key";
    index.insert(temporary, 3);
    temporary.assign("overwritten!!");
  }
  EXPECT_EQ(index.find("temporary key"), 3u);
}

TEST(StringIndex, EmptyKeyNulBytesAndEveryLength) {
  StringIndex index;
  EXPECT_EQ(index.insert("", 0), 0u);
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(index.insert(with_nul, 1), 1u);
  EXPECT_EQ(index.find(""), 0u);
  EXPECT_EQ(index.find(with_nul), 1u);
  EXPECT_EQ(index.find("a"), StringIndex::kMissing);  // "a\0b" is not "a"
  // Lengths around the 8-byte steps of the hash.
  std::string s;
  for (std::uint32_t n = 1; n <= 40; ++n) {
    s.push_back(static_cast<char>('a' + n % 26));
    index.insert(s, 100 + n);
  }
  s.clear();
  for (std::uint32_t n = 1; n <= 40; ++n) {
    s.push_back(static_cast<char>('a' + n % 26));
    EXPECT_EQ(index.find(s), 100 + n) << n;
  }
}

TEST(StringIndex, AgreesWithUnorderedMapThroughGrowth) {
  // Many keys (the table doubles many times from its smallest size), with prefixes and
  // lookalikes, in a fixed pseudo-random order.
  std::mt19937 random(12345);
  std::unordered_map<std::string, std::uint32_t> expected;
  StringIndex index(1);
  for (std::uint32_t i = 0; i < 50000; ++i) {
    std::string key = std::to_string(random() % 30000);
    if (i % 3 == 0) key += "x";
    if (i % 7 == 0) key = "prefix-" + key;
    const auto [it, inserted] = expected.try_emplace(key, i);
    EXPECT_EQ(index.insert(key, i), it->second);
  }
  EXPECT_EQ(index.size(), expected.size());
  for (const auto& [key, value] : expected) ASSERT_EQ(index.find(key), value) << key;
  for (std::uint32_t i = 0; i < 2000; ++i) {
    const std::string absent = "absent-" + std::to_string(i);
    ASSERT_EQ(index.find(absent), StringIndex::kMissing);
  }
}

TEST(StringIndex, HashDependsOnEveryByte) {
  const std::string base(24, 'q');
  const std::uint64_t h = precis::util::hash_bytes(base);
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = 'r';
    EXPECT_NE(precis::util::hash_bytes(changed), h) << i;
  }
  EXPECT_NE(precis::util::hash_bytes(std::string_view(base).substr(0, 23)), h);
}

}  // namespace
