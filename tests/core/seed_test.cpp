// The seed articles (seeds/*.expect.json): what a good summary of each must and must not
// hold. Format: {"file", "sentences", "must_include": [substrings], "must_exclude":
// [substrings], "no_cut_after": [tokens no sentence may end with], "title": the headline
// the core must recognize, "boilerplate_free_up_to": N -- no must_exclude text in a
// summary of 1 to N sentences}.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/precis.hpp"

namespace {

const std::string kSeeds = std::string(PRECIS_SOURCE_DIR) + "/seeds/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const char* const kExpectations[] = {
    "000_74440941a785ace3.expect.json",
};

TEST(Seeds, SummariesKeepTheirPromises) {
  for (const char* name : kExpectations) {
    SCOPED_TRACE(name);
    const std::string spec_text = read_file(kSeeds + name);
    ASSERT_FALSE(spec_text.empty()) << "cannot read " << kSeeds + name;
    const nlohmann::json spec = nlohmann::json::parse(spec_text);
    const std::string article = read_file(kSeeds + spec.at("file").get<std::string>());
    ASSERT_FALSE(article.empty()) << "cannot read " << spec.at("file");
    const int n = spec.at("sentences").get<int>();

    precis::Options options;
    options.sentences = n;
    precis::Result r;
    const precis::Status st = precis::summarize(article, options, &r);
    ASSERT_TRUE(st.ok()) << st.message;

    std::string listing;
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      listing += (r.sentences[i].selected ? "* " : "  ") + std::string(r.sentence_text(i)) + "\n";
    }
    SCOPED_TRACE(listing);

    std::vector<std::string_view> selected;
    for (std::size_t i : r.summary) selected.push_back(r.sentence_text(i));
    EXPECT_EQ(selected.size(), static_cast<std::size_t>(n));

    for (const auto& item : spec.value("must_include", nlohmann::json::array())) {
      const std::string want = item.get<std::string>();
      bool found = false;
      for (auto s : selected) found = found || s.find(want) != std::string_view::npos;
      EXPECT_TRUE(found) << "no selected sentence holds \"" << want << "\"";
    }
    for (const auto& item : spec.value("must_exclude", nlohmann::json::array())) {
      const std::string bad = item.get<std::string>();
      for (auto s : selected) EXPECT_EQ(s.find(bad), std::string_view::npos) << "selected: \"" << s << "\"";
    }
    if (spec.contains("title")) EXPECT_EQ(r.title, spec.at("title").get<std::string>());
    // At every length, no boilerplate.
    for (int k = 1; k <= spec.value("boilerplate_free_up_to", 0); ++k) {
      precis::Options o;
      o.sentences = k;
      precis::Result rk;
      ASSERT_TRUE(precis::summarize(article, o, &rk).ok());
      EXPECT_EQ(rk.summary.size(), static_cast<std::size_t>(k));
      for (std::size_t i : rk.summary) {
        for (const auto& item : spec.value("must_exclude", nlohmann::json::array())) {
          EXPECT_EQ(rk.sentence_text(i).find(item.get<std::string>()), std::string_view::npos)
              << k << " sentences: \"" << rk.sentence_text(i) << "\"";
        }
      }
    }
    for (const auto& item : spec.value("no_cut_after", nlohmann::json::array())) {
      const std::string token = item.get<std::string>();
      for (std::size_t i = 0; i < r.sentences.size(); ++i) {
        EXPECT_FALSE(ends_with(r.sentence_text(i), token)) << "sentence " << i << " ends with \"" << token << "\"";
      }
    }
  }
}

}  // namespace
