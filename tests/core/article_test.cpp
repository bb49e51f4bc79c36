// Finding the article on a web page (core/src/article, through the public API for HTML
// and for a page copied as text): the pages of tests/data/html, written for these tests,
// each a way real pages put their article among menus, banners, related links, comments
// and footers; and the stage's own parts (the tree, metadata, dates, headlines).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.hpp"
#include "html/html.hpp"
#include "precis/precis.hpp"

namespace {

const std::string kPages = std::string(PRECIS_SOURCE_DIR) + "/tests/data/html/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool is_body(std::string_view type) { return type == "paragraph" || type == "list_item" || type == "quote"; }

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

bool has_warning(const precis::Result& r, std::string_view code) {
  return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const precis::Warning& w) { return w.code == code; });
}

struct Page {
  precis::Result result;
  // The type of the sentence that contains `needle` ("" if none does).
  std::string_view type_of(std::string_view needle) const {
    for (std::size_t i = 0; i < result.sentences.size(); ++i) {
      if (result.sentence_text(i).find(needle) != std::string_view::npos) return result.sentences[i].block_type;
    }
    return "";
  }
  std::vector<std::string_view> chosen() const {
    std::vector<std::string_view> out;
    for (std::size_t i : result.summary) out.push_back(result.sentence_text(i));
    return out;
  }
};

Page summarize_file(const std::string& name, precis::InputFormat input, int sentences = 3) {
  const std::string page = read_file(kPages + name);
  EXPECT_FALSE(page.empty()) << "cannot read " << kPages + name;
  precis::Options o;
  o.input = input;
  o.sentences = sentences;
  Page p;
  const precis::Status s = precis::summarize(page, o, &p.result);
  EXPECT_TRUE(s.ok()) << s.message;
  return p;
}

Page html_page(const std::string& name, int sentences = 3) { return summarize_file(name, precis::InputFormat::kHtml, sentences); }

// A news page: the article among a cookie banner, menus, a breadcrumb, a share bar, tags,
// an author box, a newsletter box, comments, a sidebar, related stories and a footer.
TEST(Article, NewsPageKeepsTheStoryAndDropsTheFurniture) {
  const Page p = html_page("news.html", 5);
  EXPECT_TRUE(p.result.warnings.empty());
  EXPECT_EQ(p.result.title, "Glacier retreat doubles in a decade, survey finds");
  EXPECT_EQ(p.result.byline, "Marta Lindqvist");
  EXPECT_EQ(p.result.published, "2024-03-18T07:45:00+01:00");
  EXPECT_EQ(p.result.site_name, "The Northern Ledger");
  // Every paragraph of the story is body text ...
  for (std::string_view story : {"Researchers from the coastal institute", "Their survey shows", "The pace has changed",
                                 "The team also found that meltwater", "Local fishers told", "The institute plans"}) {
    EXPECT_TRUE(is_body(p.type_of(story))) << story << ": " << p.type_of(story);
  }
  // ... and none of the page's furniture is.
  for (std::string_view furniture :
       {"We use cookies", "Share on Facebook", "Sign up for our newsletter", "Get the best of the Ledger",
        "Interesting piece", "My grandfather fished", "Council votes", "Subscribe today", "Related stories",
        "Sea ice hits record", "Scientists say the winter ice", "Cheap drones", "All rights reserved", "Terms of use",
        "Most read", "Tags:"}) {
    EXPECT_FALSE(is_body(p.type_of(furniture))) << furniture << ": " << p.type_of(furniture);
  }
  ASSERT_EQ(p.result.summary.size(), 5u);
  for (std::string_view s : p.chosen()) {
    EXPECT_TRUE(contains_any(s, {"glacier", "survey", "meltwater", "fjord", "cod", "institute", "pace", "Warmer"})) << s;
  }
}

// The same page copied as text (select all, copy): the article from line structure alone.
TEST(Article, CopiedPageTextKeepsTheStory) {
  const Page p = summarize_file("news-copied.txt", precis::InputFormat::kText, 4);
  for (std::string_view furniture : {"We use cookies", "News", "Opinion", "Accept all", "Most read", "Council votes",
                                     "Scientists say the winter ice", "Cheap drones", "Subscribe today", "Terms of use"}) {
    EXPECT_FALSE(is_body(p.type_of(furniture))) << furniture << ": " << p.type_of(furniture);
  }
  ASSERT_EQ(p.result.summary.size(), 4u);
  for (std::string_view s : p.chosen()) {
    EXPECT_TRUE(contains_any(s, {"glacier", "survey", "meltwater", "fjord", "cod", "institute", "pace", "Warmer"})) << s;
  }
}

// A theme that calls its post "entry share" and its sidebar holds the page's most
// frequent prose (the same notice three times): the post still wins.
TEST(Article, MisnamedPostAndRepeatedNoticesInTheSidebar) {
  const Page p = html_page("blog-misnamed.html");
  EXPECT_TRUE(p.result.warnings.empty());
  for (std::string_view s : {"Every morning this winter", "The captain hums", "One of the regulars", "By March the harbour"}) {
    EXPECT_TRUE(is_body(p.type_of(s))) << s;
  }
  EXPECT_FALSE(is_body(p.type_of("Notice: undefined variable")));
  for (std::string_view s : p.chosen()) EXPECT_TRUE(contains_any(s, {"ferry", "captain", "regulars", "harbour"})) << s;
}

// Pages without an article say so, with an empty summary, instead of quoting menus.
TEST(Article, PagesWithoutAnArticleSaySo) {
  for (const char* name : {"home.html", "login-wall.html", "script-only.html"}) {
    SCOPED_TRACE(name);
    const Page p = html_page(name);
    EXPECT_TRUE(has_warning(p.result, "no_article"));
    EXPECT_TRUE(p.result.summary.empty());
    ASSERT_FALSE(p.result.warnings.empty());
    EXPECT_FALSE(p.result.warnings[0].message.empty());
  }
}

// The page's metadata comes from JSON-LD when the markup has none (escapes decoded, the
// author and publisher objects' names), even when the text itself is only in scripts.
TEST(Article, MetadataFromJsonLd) {
  const Page p = html_page("script-only.html");
  EXPECT_EQ(p.result.title, "Tram line to the harbour opens in May");
  EXPECT_EQ(p.result.byline, "Jonas Berg");
  EXPECT_EQ(p.result.published, "2024-02-02T09:00:00Z");
  EXPECT_EQ(p.result.site_name, "City Wire");
}

// A bare post (no menus, no classes) is all article.
TEST(Article, BarePostIsAllArticle) {
  const Page p = html_page("bare-post.html");
  EXPECT_TRUE(p.result.warnings.empty());
  EXPECT_EQ(p.result.title, "Why I repair my own bicycle");
  EXPECT_EQ(p.result.summary.size(), 3u);
  for (std::string_view s : {"I learned to fix", "The first repair", "Now a puncture"}) EXPECT_TRUE(is_body(p.type_of(s))) << s;
}

// A forum thread: its posts are "comments" by their class, and they are the article.
TEST(Article, ForumPostsAreTheArticle) {
  const Page p = html_page("forum.html");
  EXPECT_TRUE(p.result.warnings.empty());
  EXPECT_EQ(p.result.language, "de");
  for (std::string_view s : {"seit ein paar tagen klopft", "das klingt nach luft", "danke, das war es"}) {
    EXPECT_TRUE(is_body(p.type_of(s))) << s;
  }
  EXPECT_FALSE(is_body(p.type_of("Impressum")));
}

// A page wrapped in one <form> (as some frameworks do): the recipe keeps its headline,
// its ingredients as list items and its steps.
TEST(Article, PageInsideAFormKeepsItsStructure) {
  const Page p = html_page("form-wrapped.html");
  EXPECT_TRUE(p.result.warnings.empty());
  EXPECT_EQ(p.result.title, "Apple crumble with oat topping");
  EXPECT_EQ(p.type_of("100 g oats"), "list_item");
  EXPECT_TRUE(is_body(p.type_of("Rub the butter into the oats")));
  EXPECT_FALSE(is_body(p.type_of("Kitchen Corner Recipes")));
}

// Never a fragment: no chosen sentence has fewer than four words, on any of the pages.
TEST(Article, NoChosenSentenceUnderFourWords) {
  for (const char* name : {"news.html", "blog-misnamed.html", "home.html", "bare-post.html", "forum.html",
                           "form-wrapped.html", "login-wall.html", "script-only.html"}) {
    SCOPED_TRACE(name);
    const Page p = html_page(name, 10);
    for (std::size_t i : p.result.summary) EXPECT_GE(p.result.sentences[i].words, 4u) << p.result.sentence_text(i);
  }
}

// The page's declared language is the hint when the text itself does not tell; a text
// that does tell wins over a wrong declaration (CMS defaults often say "en").
TEST(Article, DeclaredLanguageIsAHint) {
  precis::Options o;
  o.input = precis::InputFormat::kHtml;
  precis::Result r;
  ASSERT_TRUE(precis::summarize("<html lang='de-AT'><body><p>OK.</p></body></html>", o, &r).ok());
  EXPECT_EQ(r.language, "de-AT");
  ASSERT_TRUE(precis::summarize(
                  "<html lang='en'><body><p>Die Bundesregierung hat am Montag in Berlin ein neues Programm für den "
                  "Klimaschutz vorgestellt, das bis zum Ende des Jahrzehnts gelten soll.</p></body></html>",
                  o, &r)
                  .ok());
  EXPECT_EQ(r.language, "de");
}

// ---- the stage's parts --------------------------------------------------------------

TEST(ArticleParts, TreeIsInPreOrderWithSubtreeRuns) {
  const auto doc = precis::html::to_text(
      "<div id=a><p>one <b>two</b></p><ul><li>three</li><li>four</li></ul></div><p>five</p>");
  ASSERT_FALSE(doc.nodes.empty());
  for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
    const auto& n = doc.nodes[i];
    EXPECT_GE(n.last, i);
    if (n.parent >= 0) {
      EXPECT_LT(static_cast<std::size_t>(n.parent), i);
      EXPECT_GE(doc.nodes[static_cast<std::size_t>(n.parent)].last, n.last);
    }
  }
  // "three" and "four" are under the same <ul>, inside the div's run; "five" is not.
  ASSERT_EQ(doc.blocks.size(), 4u);
  const auto node_of = [&](std::size_t b) { return static_cast<std::size_t>(doc.blocks[b].node); };
  EXPECT_EQ(doc.nodes[node_of(1)].parent, doc.nodes[node_of(2)].parent);
  const std::size_t div = 0;
  EXPECT_LE(node_of(2), doc.nodes[div].last);
  EXPECT_GT(node_of(3), doc.nodes[div].last);
}

TEST(ArticleParts, DeepNestingIsLinearAndShallowOnTheStack) {
  std::string page;
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>A sentence at the bottom of a very deep page, with enough words to count as prose.</p>";
  const auto doc = precis::html::to_text(page);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.nodes.size(), 100001u);
  const auto region = precis::article::find(doc);
  EXPECT_EQ(region.inside.size(), 1u);
  EXPECT_EQ(region.inside[0], 1);
}

TEST(ArticleParts, IsoDates) {
  using precis::article::iso_date;
  EXPECT_EQ(iso_date("2024-03-18"), "2024-03-18");
  EXPECT_EQ(iso_date("2024-03-18T07:45:00+01:00"), "2024-03-18T07:45:00+01:00");
  EXPECT_EQ(iso_date("2024-03-18T07:45:00.123Z"), "2024-03-18T07:45:00Z");
  EXPECT_EQ(iso_date("2024-03-18 07:45"), "2024-03-18T07:45");
  EXPECT_EQ(iso_date("2024-03-18T07:45:00+0100"), "2024-03-18T07:45:00+01:00");
  EXPECT_EQ(iso_date(" 2024-03-18"), "2024-03-18");
  EXPECT_EQ(iso_date("18 March 2024"), "");
  EXPECT_EQ(iso_date("2024-13-01"), "");
  EXPECT_EQ(iso_date("2024-03-18T25:00"), "2024-03-18");
  EXPECT_EQ(iso_date(""), "");
}

TEST(ArticleParts, HeadlineWithoutTheSiteName) {
  auto headline = [](std::string_view head) {
    return precis::article::headline(precis::html::to_text("<head>" + std::string(head) + "</head><p>x</p>"));
  };
  EXPECT_EQ(headline("<title>Glacier retreat doubles | The Northern Ledger</title>"), "Glacier retreat doubles");
  // The site's name is the shorter part, before or after; separators of both kinds.
  EXPECT_EQ(headline("<title>Ledger - Glacier retreat doubles in a decade</title>"), "Glacier retreat doubles in a decade");
  EXPECT_EQ(headline("<title>Science - Ledger | Glacier retreat doubles in a decade</title>"),
            "Glacier retreat doubles in a decade");
  EXPECT_EQ(headline("<title>Plain headline</title>"), "Plain headline");
  EXPECT_EQ(headline("<meta property='og:title' content='From &quot;og&quot;'><title>T | S</title>"), "From \"og\"");
}

TEST(ArticleParts, MetaTagsAndDeclaredLanguage) {
  const auto doc = precis::html::to_text(
      "<html lang='pt-BR'><head><meta name=author content='Ana Souza'>"
      "<meta property='og:site_name' content='Jornal &amp; Cia'>"
      "<meta property='article:author' content='https://example.org/ana'>"
      "<script type='application/ld+json'>{\"headline\": \"Caf\\u00e9 \\\"novo\\\"\", "
      "\"author\": [{\"@type\": \"Person\", \"name\": \"Ignored\"}]}</script></head>"
      "<body><time datetime='2023-05-06'>6 de maio</time><p>Texto.</p></body></html>");
  EXPECT_EQ(doc.meta.lang, "pt-BR");
  EXPECT_EQ(doc.meta.author, "Ana Souza");  // the first usable one; a URL is not a name
  EXPECT_EQ(doc.meta.site_name, "Jornal & Cia");
  EXPECT_EQ(doc.meta.title, "Caf\xC3\xA9 \"novo\"");
  EXPECT_EQ(doc.meta.published, "2023-05-06");
}

}  // namespace
