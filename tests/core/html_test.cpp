// HTML input -> visible text and typed blocks (core/src/html). All markup here is
// written for these tests.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "html/html.hpp"

namespace {

using namespace std::string_view_literals;
using precis::html::Block;
using precis::html::class_cues;
using precis::html::Document;
using precis::html::Hint;
using precis::html::hint_name;
using precis::html::to_text;
namespace cue = precis::html::cue;

std::string_view block_text(const Document& d, const Block& b) {
  return std::string_view(d.text).substr(b.start, b.end - b.start);
}

// "[hint] text" per block, "\n" in a block shown as "/": a failure shows the whole split.
std::string render(const Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    out += "[";
    out += hint_name(b.hint);
    out += "] ";
    for (char c : block_text(d, b)) out += c == '\n' ? '/' : c;
    out += "\n";
  }
  return out;
}

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// The contract of Document: ordered, trimmed, non-empty blocks whose texts joined with
// "\n\n" are the text, and no "\n\n" inside a block.
void check_invariants(const Document& d) {
  SCOPED_TRACE(render(d));
  std::string joined;
  for (std::size_t k = 0; k < d.blocks.size(); ++k) {
    const Block& b = d.blocks[k];
    ASSERT_LT(b.start, b.end) << "block " << k;
    ASSERT_LE(b.end, d.text.size()) << "block " << k;
    if (k > 0) {
      EXPECT_EQ(b.start, d.blocks[k - 1].end + 2) << "block " << k;
      joined += "\n\n";
    }
    const std::string_view t = block_text(d, b);
    EXPECT_FALSE(is_space_byte(t.front())) << "block " << k;
    EXPECT_FALSE(is_space_byte(t.back())) << "block " << k;
    EXPECT_FALSE(t.starts_with("\xC2\xA0")) << "block " << k;
    EXPECT_FALSE(t.ends_with("\xC2\xA0")) << "block " << k;
    EXPECT_EQ(t.find("\n\n"), std::string_view::npos) << "block " << k;
    EXPECT_GE(b.link_density, 0.0);
    EXPECT_LE(b.link_density, 1.0);
    joined += t;
  }
  EXPECT_EQ(joined, d.text);
}

Document parse(std::string_view html) {
  Document d = to_text(html);
  check_invariants(d);
  return d;
}

std::vector<std::string> texts(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks) out.emplace_back(block_text(d, b));
  return out;
}

using Texts = std::vector<std::string>;

// ---- text --------------------------------------------------------------------------

TEST(Html, EmptyAndBlankInput) {
  EXPECT_TRUE(parse("").text.empty());
  EXPECT_TRUE(parse("").blocks.empty());
  EXPECT_TRUE(parse("   \n\t  ").blocks.empty());
  EXPECT_TRUE(parse("<html><head></head><body>  </body></html>").blocks.empty());
  EXPECT_TRUE(parse("<p>&nbsp;</p><div> &#160; </div>").blocks.empty());
}

TEST(Html, TextWithoutTags) {
  const Document d = parse("  Just some   text,\nwith a line break.  ");
  EXPECT_EQ(d.text, "Just some text, with a line break.");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].hint, Hint::kNone);
  EXPECT_EQ(d.blocks[0].link_density, 0.0);
}

TEST(Html, Paragraphs) {
  const Document d = parse("<p>First paragraph.</p>\n<p>Second\n   paragraph.</p>");
  EXPECT_EQ(d.text, "First paragraph.\n\nSecond paragraph.");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].hint, Hint::kParagraph);
  EXPECT_EQ(d.blocks[1].hint, Hint::kParagraph);
  EXPECT_EQ(d.blocks[1].start, 18u);
}

TEST(Html, InlineMarkupStaysInTheBlock) {
  const Document d = parse(
      "<p>Some <b>bold</b>, <i>italic</i>, <em>em</em><strong>strong</strong> "
      "<a href='/x'>link</a> <span class=x>span</span><sup>2</sup> <code>x = 1</code> "
      "<abbr title='t'>abbr</abbr> <q>q</q> <mark>m</mark> <label>l</label> <small>s</small> "
      "<time>t</time> <cite>c</cite> <u>u</u> <sub>i</sub><img src=a.png alt='not shown'>end.</p>");
  EXPECT_EQ(d.text, "Some bold, italic, emstrong link span2 x = 1 abbr q m l s t c u iend.");
  ASSERT_EQ(d.blocks.size(), 1u);
}

TEST(Html, WhiteSpaceCollapses) {
  EXPECT_EQ(parse("<p>  a \n\t\r\f b  </p>").text, "a b");
  EXPECT_EQ(parse("<p>a<b> </b> <i> b</i></p>").text, "a b");
  // U+00A0 is not HTML white space: kept, and not collapsed with a space.
  EXPECT_EQ(parse("<p>10&nbsp;km &nbsp; away</p>").text, "10\xC2\xA0km \xC2\xA0 away");
  // ... but never at the edges of a block.
  EXPECT_EQ(parse("<p>&nbsp; x &nbsp;</p>").text, "x");
}

TEST(Html, LineBreaks) {
  const Document d = parse("<p>Line one<br>line two<br/>  line three<BR></p>");
  EXPECT_EQ(d.text, "Line one\nline two\nline three");
  ASSERT_EQ(d.blocks.size(), 1u);
  // Two <br> in a row show an empty line: a paragraph break.
  EXPECT_EQ(texts(parse("<div>One<br><br>Two<br> <br>\n<br>Three</div>")), (Texts{"One", "Two", "Three"}));
  // "</br>" is a <br> (HTML5); a <br> at the start of a block shows nothing.
  EXPECT_EQ(parse("<p><br>a</br>b</p>").text, "a\nb");
}

TEST(Html, PreKeepsLines) {
  const Document d = parse(
      "<p>Before</p><pre>\nint main() {\n  return 0;   \n\n\n}\n</pre><p>After</p>");
  EXPECT_EQ(texts(d), (Texts{"Before", "int main() {\n  return 0;\n}", "After"}));
  EXPECT_EQ(parse("<pre>a\r\nb\rc</pre>").text, "a\nb\nc");
  EXPECT_EQ(parse("<pre><b>x</b>  <i>y</i>\n\tz</pre>").text, "x  y\n\tz");
  EXPECT_EQ(parse("<form><textarea>Line 1\n  Line &amp; 2</textarea></form>").text, "Line 1\n  Line & 2");
  EXPECT_EQ(parse("<listing>a\n b</listing>").text, "a\n b");
}

TEST(Html, Entities) {
  EXPECT_EQ(parse("&amp; &lt; &gt; &quot; &apos; &eacute; &hellip; &euro; &AElig;").text,
            "& < > \" ' \xC3\xA9 \xE2\x80\xA6 \xE2\x82\xAC \xC3\x86");
  // Beyond the BMP, and two code points.
  EXPECT_EQ(parse("&Aopf; &NotEqualTilde; &fjlig; &nvlt;").text,
            "\xF0\x9D\x94\xB8 \xE2\x89\x82\xCC\xB8 fj <\xE2\x83\x92");
  // Legacy names work without ';', others don't; the longest legacy prefix wins.
  EXPECT_EQ(parse("&amp &copy 2024 &AMP &lt3 &ampx &notit; &notin; &notin &hellip &Aacutex").text,
            "& \xC2\xA9 2024 & <3 &x \xC2\xACit; \xE2\x88\x89 \xC2\xACin &hellip \xC3\x81x");
  EXPECT_EQ(parse("&foo; &; & x &&amp;").text, "&foo; &; & x &&");
  // Case matters.
  EXPECT_EQ(parse("&Amp; &AMP;").text, "&Amp; &");
}

TEST(Html, NumericReferences) {
  EXPECT_EQ(parse("&#65;&#x42;&#X43;&#0068; &#x1F600; &#8364;").text, "ABCD \xF0\x9F\x98\x80 \xE2\x82\xAC");
  // No ';' needed.
  EXPECT_EQ(parse("&#65&#x42z").text, "ABz");
  // 0, surrogates and values past U+10FFFF are U+FFFD.
  EXPECT_EQ(parse("[&#0;][&#xD800;][&#xDFFF;][&#x110000;][&#99999999999999999999;]").text,
            "[\xEF\xBF\xBD][\xEF\xBF\xBD][\xEF\xBF\xBD][\xEF\xBF\xBD][\xEF\xBF\xBD]");
  // 0x80-0x9F mean windows-1252, except where it has no character.
  EXPECT_EQ(parse("&#x80;&#150;&#x92;&#x9F; &#x81;").text,
            "\xE2\x82\xAC\xE2\x80\x93\xE2\x80\x99\xC5\xB8 \xC2\x81");
  // "&#" without digits is text.
  EXPECT_EQ(parse("&# &#x; &#xg &#;").text, "&# &#x; &#xg &#;");
  // A reference to white space is white space.
  EXPECT_EQ(parse("<p>a&#32;&#10; b</p>").text, "a b");
}

TEST(Html, InvalidUtf8PassesThrough) {
  const std::string in = "<p>caf\xC3\xA9 \xFF\xFE bad \xC3 end \xE2\x82</p><p>\x80</p>";
  const Document d = parse(in);
  EXPECT_EQ(texts(d), (Texts{"caf\xC3\xA9 \xFF\xFE bad \xC3 end \xE2\x82", "\x80"}));
}

// ---- dropped content -----------------------------------------------------------------

TEST(Html, ScriptsStylesAndCommentsAreDropped) {
  const Document d = parse(
      "<!DOCTYPE html><?xml version='1.0'?><html><head><meta charset=utf-8>"
      "<style>p { color: red } /* </p> */</style>"
      "<script>if (a < b && c > d) document.write('<p>no</p>');</script></head>"
      "<body><!-- a comment <p>no</p> -->Visible<!----> text<!--> still<!---> shown"
      "<script type='text/template'><div>no</div></SCRIPT >"
      "<![CDATA[ dropped > here ]]>.<noscript><p>Enable JavaScript</p></noscript>"
      "<template><p>template</p></template><!-- a -- b --!> end</body></html>");
  EXPECT_EQ(d.text, "Visible text still shown. end");
}

TEST(Html, UnclosedCommentRunsToTheEnd) {
  EXPECT_EQ(parse("<p>kept</p><!-- <p>dropped</p> and the rest").text, "kept");
  EXPECT_EQ(parse("<p>kept<!--").text, "kept");
  EXPECT_EQ(parse("<p>kept</p><script>never closed <p>x</p>").text, "kept");
  // Other raw-text elements never closed are empty: the rest is parsed.
  EXPECT_EQ(texts(parse("<p>a<iframe src=x />b</p><p>c")), (Texts{"ab", "c"}));
  EXPECT_EQ(texts(parse("<title>Unclosed title<p>Text")), (Texts{"Text"}));
}

TEST(Html, SkippedElements) {
  const Document d = parse(
      "<p>a<svg viewBox='0 0 1 1'><title>Chart</title><text>svg text</text><path d='M0'/></svg>"
      "b<math><mi>x</mi></math>c<iframe src=x>iframe <p>text</p></iframe>d"
      "<object data=x><p>fallback</p></object>e<canvas>canvas</canvas>f"
      "<select><option>One<option>Two</select>g<button type=submit>Send</button>h"
      "<video><p>no video</p></video>i<span hidden>hidden</span>j"
      "<span style='display: none'>none</span>k<div style='visibility:hidden'>v</div></p>"
      "<dialog><p>closed dialog</p></dialog><dialog open><p>open dialog</p></dialog>");
  EXPECT_EQ(texts(d), (Texts{"abcdefghijk", "open dialog"}));
  EXPECT_TRUE(d.title_hint.empty());  // SVG's <title> is not the page's
}

// A hidden element still ends as its kind does: what follows it is shown.
TEST(Html, HiddenElementsCloseLikeTheirKind) {
  EXPECT_EQ(texts(parse("<p hidden>A.</p><p>B one.</p>")), (Texts{"B one."}));
  EXPECT_EQ(texts(parse("<p hidden>A.<p>B one.")), (Texts{"B one."}));
  EXPECT_EQ(texts(parse("<p style='display:none'>A.</p><p>B one.</p>")), (Texts{"B one."}));
  EXPECT_EQ(texts(parse("<ul><li hidden>A<li>B one</ul>")), (Texts{"B one"}));
  EXPECT_EQ(texts(parse("<dl><dt hidden>A<dd>B one</dl>")), (Texts{"B one"}));
  EXPECT_EQ(texts(parse("<table><tr><td hidden>A<td>B one</table>")), (Texts{"B one"}));
  EXPECT_EQ(texts(parse("<table><tr hidden><td>A<tr><td>B one</table>")), (Texts{"B one"}));
  // ... while a hidden container still bounds the implied end tags inside it.
  EXPECT_EQ(texts(parse("<div><p>Outer.<video><p>in video</video> still outer.</p></div>")),
            (Texts{"Outer. still outer."}));
}

TEST(Html, HeadContentIsNotText) {
  const Document d = parse(
      "<html><head><title>The &amp;  Title\n</title><meta name=x content='y'>"
      "<link rel=stylesheet href=a.css><base href=/></head><body><p>Body</p></body></html>");
  EXPECT_EQ(d.text, "Body");
  EXPECT_EQ(d.title_hint, "The & Title");
  // A body element or text ends an unclosed head.
  EXPECT_EQ(parse("<head><title>T</title><p>Shown</p>").text, "Shown");
  EXPECT_EQ(parse("<head><meta charset=utf-8>Shown too").text, "Shown too");
  // Only the first title counts.
  EXPECT_EQ(parse("<title>One</title><title>Two</title>x").title_hint, "One");
}

TEST(Html, SvgLeftOpenEndsAtHtml) {
  // HTML5 breaks out of foreign content at HTML elements such as <p>.
  EXPECT_EQ(parse("<svg><g><text>label</text><p>Para</p>").text, "Para");
  // ... but not inside foreignObject, which is still part of the (skipped) SVG.
  EXPECT_EQ(parse("<svg><foreignObject><p>inside</p></foreignObject></svg><p>after</p>").text, "after");
}

// ---- broken markup -------------------------------------------------------------------

TEST(Html, UnclosedTags) {
  EXPECT_EQ(texts(parse("<div><p>One<p>Two<div>Three<p>Four")), (Texts{"One", "Two", "Three", "Four"}));
  EXPECT_EQ(texts(parse("<ul><li>a<li>b<li>c</ul>")), (Texts{"a", "b", "c"}));
  EXPECT_EQ(texts(parse("<dl><dt>Term<dd>Definition<dt>Other<dd>More</dl>")),
            (Texts{"Term", "Definition", "Other", "More"}));
  EXPECT_EQ(texts(parse("<p><b>bold <i>both</p><p>plain")), (Texts{"bold both", "plain"}));
  // Stray end tags are ignored (a block-level one still breaks the block).
  EXPECT_EQ(texts(parse("a</span>b</div>c</p>d</x-y>e")), (Texts{"ab", "c", "de"}));
  EXPECT_EQ(texts(parse("<h2>Heading<h3>Sub</h2>text")), (Texts{"Heading", "Sub", "text"}));
}

TEST(Html, StrayLessThanSigns) {
  EXPECT_EQ(parse("<p>a < b, 1<2, x <= y, <3 and <</p>").text, "a < b, 1<2, x <= y, <3 and <");
  EXPECT_EQ(parse("end <").text, "end <");
  EXPECT_EQ(parse("end </").text, "end </");
  EXPECT_EQ(parse("a</>b</ c>d").text, "abd");  // "</>" nothing, "</ c>" a bogus comment
}

TEST(Html, QuotedAttributesMayHoldAngleBrackets) {
  const Document d = parse(
      "<p title=\"a > b\" data-x='<p>'>One <a href=\"/q?a>b\" title='x>y'>link</a> "
      "<img alt=\">\" src=x>two</p>");
  EXPECT_EQ(d.text, "One link two");
  ASSERT_EQ(d.blocks.size(), 1u);
  // A tag the input ends in is dropped, as HTML5 does.
  EXPECT_EQ(parse("<p>kept<a href=\"never closed>not text").text, "kept");
  EXPECT_EQ(parse("<p>kept<a href=x").text, "kept");
  // Unquoted values and attributes without values.
  EXPECT_EQ(parse("<p class=x id=y hidden-not>ok<input disabled value=>").text, "ok");
}

TEST(Html, UppercaseAndMixedCaseTags) {
  EXPECT_EQ(texts(parse("<P>One</P><DiV>Two</dIv><SCRIPT>x</script>")), (Texts{"One", "Two"}));
}

TEST(Html, UnknownAndCustomElements) {
  EXPECT_EQ(texts(parse("<my-card class=x><x-title>Title</x-title> body</my-card>")), (Texts{"Title body"}));
  // A custom element's end tag closes it (and what it holds), and its classes count.
  const Document d = parse("<p><ad-box class='ad-slot'>Buy now</ad-box> then prose</p>");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_TRUE(d.blocks[0].flags & cue::kAd);
}

// ---- blocks and hints ------------------------------------------------------------------

TEST(Html, BlockElementsBreakInlineOnesDont) {
  EXPECT_EQ(texts(parse("<div>a<section>b</section>c<article>d<aside>e</aside></article>"
                        "<main>f</main><header>g</header><footer>h</footer><nav>i</nav>"
                        "<address>j</address><hr>k<form>l</form><details><summary>m</summary>n"
                        "</details><figure>o<figcaption>p</figcaption></figure>q</div>")),
            (Texts{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"}));
}

TEST(Html, NestedLists) {
  const Document d = parse(
      "<ul><li>One<ul><li>One.a</li><li>One.b<ol><li>deep</li></ol></li></ul></li>"
      "<li><p>Two as a paragraph</p></li></ul>");
  EXPECT_EQ(texts(d), (Texts{"One", "One.a", "One.b", "deep", "Two as a paragraph"}));
  for (const auto& b : d.blocks) EXPECT_EQ(b.hint, Hint::kListItem) << render(d);
}

TEST(Html, Hints) {
  const Document d = parse(
      "<nav><a href=/>Home</a></nav>"
      "<h1>Main title</h1><h2>Section</h2><h1>Another h1</h1>"
      "<p>Paragraph</p><blockquote><p>Quoted</p>Bare quote</blockquote>"
      "<figure><figcaption>Figure caption</figcaption></figure>"
      "<table><caption>Table caption</caption><tr><td>cell</td></tr></table>"
      "<aside><p>Aside para</p></aside><footer><p>Footer para</p></footer>"
      "<header><p>Header para</p><h2>Header heading</h2></header>"
      "<form><label>Email</label></form><address>Jane Doe, Springfield</address>"
      "<p class=date>5 May 2024</p><p>Updated <time datetime=2024-05-05>5 May 2024 10:00</time></p>"
      "<div class=author-name>By Jane Doe</div><p>By <a rel=author href=/jd>Jane Doe</a></p>"
      "<ul role=menu><li>Menu item</li></ul><menu><li>Menu element</li></menu>"
      "<dl><dt>Term</dt><dd>Definition</dd></dl><div>Plain div</div>");
  EXPECT_EQ(render(d),
            "[navigation] Home\n"
            "[title] Main title\n"
            "[heading] Section\n"
            "[heading] Another h1\n"
            "[paragraph] Paragraph\n"
            "[quote] Quoted\n"
            "[quote] Bare quote\n"
            "[caption] Figure caption\n"
            "[caption] Table caption\n"
            "[none] cell\n"
            "[aside] Aside para\n"
            "[footer] Footer para\n"
            "[header] Header para\n"
            "[heading] Header heading\n"
            "[form] Email\n"
            "[byline] Jane Doe, Springfield\n"
            "[dateline] 5 May 2024\n"
            "[dateline] Updated 5 May 2024 10:00\n"
            "[byline] By Jane Doe\n"
            "[byline] By Jane Doe\n"
            "[navigation] Menu item\n"
            "[navigation] Menu element\n"
            "[none] Term\n"
            "[list-item] Definition\n"
            "[none] Plain div\n");
}

TEST(Html, ContextsNestAndArticleResetsThem) {
  // A whole page inside one form (as some site frameworks do): the article is not a form.
  const Document d = parse(
      "<form id=page><nav><ul><li><a href=/>Home</a></ul></nav>"
      "<main><article><p>Story text.</p><footer>Story footer</footer></article></main>"
      "<aside><nav><a href=/x>Aside nav</a></nav><p>Aside text</p></aside>"
      "<footer><nav><a href=/y>Footer nav</a></nav>Footer text</footer>"
      "<input type=search></form>");
  EXPECT_EQ(render(d),
            "[navigation] Home\n"
            "[paragraph] Story text.\n"
            "[footer] Story footer\n"
            "[navigation] Aside nav\n"
            "[aside] Aside text\n"
            "[navigation] Footer nav\n"
            "[footer] Footer text\n");
}

TEST(Html, RolesGiveContexts) {
  EXPECT_EQ(render(parse("<div role=navigation><a href=/>A</a></div><div role=complementary>B</div>"
                         "<div role=contentinfo>C</div><div role=banner>D</div><div role=search>E</div>"
                         "<div role=main><p>F</p></div>")),
            "[navigation] A\n[aside] B\n[footer] C\n[header] D\n[form] E\n[paragraph] F\n");
}

TEST(Html, TitleIsTheFirstH1InTheArticle) {
  // A site logo in an h1 comes first; the article's h1 is the title.
  EXPECT_EQ(render(parse("<header><h1>Site name</h1></header><article><h1>Story</h1><p>Text.</p></article>")),
            "[heading] Site name\n[title] Story\n[paragraph] Text.\n");
  // No h1: the heading that is the <title>'s headline.
  EXPECT_EQ(render(parse("<title>Big story | Daily Site</title><h2>Daily Site</h2><h2>Big story</h2>")),
            "[heading] Daily Site\n[title] Big story\n");
  EXPECT_EQ(render(parse("<title>Big story</title><div>Big story</div><p>Text</p>")),
            "[title] Big story\n[paragraph] Text\n");
  EXPECT_EQ(render(parse("<title>Big story</title><h2>Big</h2>")), "[heading] Big\n");
  // An h1 outside the article that is not the <title>'s headline (a site name) loses to
  // a heading that is.
  EXPECT_EQ(render(parse("<title>Strings - The Book</title><div class=menu-bar><h1>The Book</h1></div>"
                         "<main><h2><a href=#s>Strings</a></h2><p>Text.</p></main>")),
            "[heading] The Book\n[title] Strings\n[paragraph] Text.\n");
  EXPECT_EQ(render(parse("<title>Other</title><h1>Site</h1><h2>Section</h2>")), "[title] Site\n[heading] Section\n");
  // An h1 in a nav is navigation, never the title.
  EXPECT_EQ(render(parse("<nav><h1>Menu</h1></nav><h1>Story</h1>")), "[navigation] Menu\n[title] Story\n");
}

TEST(Html, BylineAndDatelineNeedShortBlocks) {
  std::string long_text;
  for (int k = 0; k < 30; ++k) long_text += "Biography sentence. ";
  const Document d = parse("<div class=author-bio><p>" + long_text + "</p></div>");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].hint, Hint::kParagraph);
  EXPECT_TRUE(d.blocks[0].flags & cue::kAuthor);
  // A container's class names no byline: the article is not one.
  EXPECT_EQ(render(parse("<article class='post author-jane'><p>Story.</p></article>")), "[paragraph] Story.\n");
  // Less than half in <time>: not a dateline.
  EXPECT_EQ(render(parse("<p>It happened on <time>Monday</time> at the old harbour.</p>")),
            "[paragraph] It happened on Monday at the old harbour.\n");
  EXPECT_EQ(render(parse("<p><span itemprop=author>Jane Doe</span></p><p itemprop=datePublished>May 5</p>")),
            "[byline] Jane Doe\n[dateline] May 5\n");
  // A date class with no digit in the text names no date; <time> needs none.
  EXPECT_EQ(render(parse("<ul class=candidates><li>Ann Lee</li></ul><p><time>Yesterday</time></p>")),
            "[list-item] Ann Lee\n[dateline] Yesterday\n");
}

TEST(Html, LinkDensity) {
  const Document d = parse(
      "<nav><ul><li><a href=/>Home</a></li><li><a href=/world>World news</a></li>"
      "<li><a href=/sport> Sport </a> </li></ul></nav>"
      "<div class=nav-list><a href=/a>Alpha</a> | <a href=/b>Beta</a></div>"
      "<p>This paragraph has exactly <a href=/one>one link</a> in forty letters.</p>"
      "<p>An anchor without href is <a name=x>not a link</a>.</p>");
  ASSERT_EQ(d.blocks.size(), 6u) << render(d);
  EXPECT_DOUBLE_EQ(d.blocks[0].link_density, 1.0);
  EXPECT_DOUBLE_EQ(d.blocks[1].link_density, 1.0);
  EXPECT_DOUBLE_EQ(d.blocks[2].link_density, 1.0);
  EXPECT_DOUBLE_EQ(d.blocks[3].link_density, 9.0 / 10.0);  // "AlphaBeta" of "Alpha|Beta"
  // "Thisparagraphhasexactlyonelinkinfortyletters." is 45 non-space code points, "onelink" 7.
  EXPECT_DOUBLE_EQ(d.blocks[4].link_density, 7.0 / 45.0);
  EXPECT_DOUBLE_EQ(d.blocks[5].link_density, 0.0);
  // Code points, not bytes.
  const Document u = parse("<p><a href=x>\xC3\xA9\xC3\xA9</a>\xE2\x82\xAC\xE2\x82\xAC</p>");
  EXPECT_DOUBLE_EQ(u.blocks[0].link_density, 0.5);
}

TEST(Html, ClassCues) {
  EXPECT_EQ(class_cues("main-nav"), cue::kNav);
  EXPECT_EQ(class_cues("  Site-Footer  social-Share "), cue::kFooter | cue::kSocial | cue::kShare);
  EXPECT_EQ(class_cues("related-posts promo newsletter-signup subscribe-box cookie-banner"),
            cue::kRelated | cue::kPromo | cue::kNewsletter | cue::kSubscribe | cue::kCookie);
  EXPECT_EQ(class_cues("advertisement sponsored comments breadcrumbs image-caption byline author tags"),
            cue::kAdvert | cue::kSponsor | cue::kComment | cue::kBreadcrumb | cue::kCaption | cue::kByline |
                cue::kAuthor | cue::kTags);
  EXPECT_EQ(class_cues("dropdown-menu"), cue::kMenu);
  // "ad-": a part "ad"/"ads" of the token, not any "ad-" inside a word.
  EXPECT_EQ(class_cues("ad-slot"), cue::kAd);
  EXPECT_EQ(class_cues("top-ad"), cue::kAd);
  EXPECT_EQ(class_cues("ads"), cue::kAd);
  EXPECT_EQ(class_cues("sidebar_ad_unit"), cue::kAd);
  EXPECT_EQ(class_cues("head-line lead-in thread-list download-link"), 0u);
  EXPECT_EQ(class_cues(""), 0u);
  EXPECT_EQ(class_cues("article-body content"), 0u);
  for (std::size_t b = 0; b < cue::kCount; ++b) EXPECT_FALSE(cue::kNames[b].empty());

  // On blocks: the bits of every element around the block's text, from class and id.
  const Document d = parse(
      "<body class=nav-open><div id=related-stories><ul><li><a href=/x>Story</a></li></ul></div>"
      "<p>Text <span class=share-count>12</span></p><div class=newsletter><div><p>Sign up</p></div></div>"
      "<p>Plain</p></body>");
  ASSERT_EQ(d.blocks.size(), 4u) << render(d);
  EXPECT_EQ(d.blocks[0].flags, cue::kRelated);  // <body>'s classes do not count
  EXPECT_EQ(d.blocks[1].flags, cue::kShare);
  EXPECT_EQ(d.blocks[2].flags, cue::kNewsletter);
  EXPECT_EQ(d.blocks[3].flags, 0u);
}

TEST(Html, Tables) {
  const Document d = parse(
      "<table><thead><tr><th>Name</th><th>Score</th></tr></thead>"
      "<tbody><tr><td>Ann<td> 12 <tr><td></td><td>only second</td></tr>"
      "<tr><td><p>Cell para one</p><p>Cell para two</p></td></tr></tbody></table>"
      "<table><td>no<td>row</table>");
  EXPECT_EQ(texts(d), (Texts{"Name | Score", "Ann | 12", "only second", "Cell para one", "Cell para two", "no | row"}));
}

// ---- size and time ---------------------------------------------------------------------

double time_ms(const std::string& in, Document* out) {
  const auto t0 = std::chrono::steady_clock::now();
  *out = to_text(in);
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

TEST(Html, DeepNestingIsLinear) {
  constexpr int kDepth = 100000;
  struct Case {
    const char* name;
    std::string html;
    std::string text;
  };
  const Case cases[] = {
      {"100,000 nested <div>", repeat("<div>", kDepth) + "deep" + repeat("</div>", kDepth), "deep"},
      {"100,000 nested <b>, unclosed", repeat("<b>", kDepth) + "bold", "bold"},
      {"100,000 nested <div>x, unclosed", repeat("<div>x", kDepth), ""},
      {"100,000 nested <li> in <div>s", repeat("<div>", kDepth) + repeat("<li></li>", kDepth) + "end", "end"},
      {"100,000 stray </p> in <b>s", repeat("<b>", kDepth) + repeat("</p>", kDepth) + "end", "end"},
      {"100,000 <td> in a row", "<table><tr>" + repeat("<td>x", kDepth), ""},
      {"100,000 nested <span class=ad-slot>", repeat("<span class='ad-slot x'>", kDepth) + "s", "s"},
      {"100,000 svg breakouts", repeat("<svg><g><p>p", kDepth), ""},
      {"100,000 '&' and '<'", repeat("&amp&#x41&notin<a<", kDepth), ""},
      {"100,000 unclosed <title>, <textarea>", repeat("<title>t<textarea>x", kDepth), ""},
      {"100,000 unclosed <!-- and <script>", repeat("<!--<script>", kDepth), ""},
      {"100,000 unclosed <iframe>", repeat("<iframe>x", kDepth), ""},
  };
  for (const Case& c : cases) {
    Document d;
    const double ms = time_ms(c.html, &d);
    std::printf("[ html     ] %-36s %7zu bytes in %7.1f ms -> %zu blocks\n", c.name, c.html.size(), ms,
                d.blocks.size());
    check_invariants(d);
    if (!c.text.empty()) {
      EXPECT_EQ(d.text, c.text) << c.name;
    }
  }
  // Doubling the input about doubles the time (printed, not asserted: machines vary).
  for (int depth : {50000, 100000, 200000}) {
    Document d;
    const std::string html = repeat("<div><b>", depth) + "x" + repeat("</b></div>", depth);
    std::printf("[ html     ] nested <div><b> x %-6d %16zu bytes in %7.1f ms\n", depth, html.size(),
                time_ms(html, &d));
    EXPECT_EQ(d.text, "x");
  }
}

TEST(Html, Deterministic) {
  const std::string page =
      "<title>T</title><nav><a href=/>Home</a></nav><h1>Title</h1><p class=byline>By A</p>"
      "<p>Text &amp; more&nbsp;text with <a href=x>a link</a>.</p><aside class=related>R</aside>";
  const Document a = to_text(page);
  for (int k = 0; k < 3; ++k) {
    const Document b = to_text(page);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.title_hint, b.title_hint);
    ASSERT_EQ(a.blocks.size(), b.blocks.size());
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
      EXPECT_EQ(a.blocks[i].start, b.blocks[i].start);
      EXPECT_EQ(a.blocks[i].end, b.blocks[i].end);
      EXPECT_EQ(a.blocks[i].hint, b.blocks[i].hint);
      EXPECT_EQ(a.blocks[i].link_density, b.blocks[i].link_density);
      EXPECT_EQ(a.blocks[i].flags, b.blocks[i].flags);
    }
  }
}

// ---- a whole page ----------------------------------------------------------------------

constexpr std::string_view kNewsPage = R"html(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after two-year repair &ndash; The Coastal Courier</title>
  <link rel="stylesheet" href="/static/site.css">
  <script async src="/static/analytics.js"></script>
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "<b>x</b>"}</script>
  <style>.promo { display: block } body > header { position: sticky }</style>
</head>
<body class="article-page">
  <div id="cookie-consent" class="cookie-banner">
    <p>We use cookies to improve your experience. <a href="/privacy">Learn more</a></p>
    <button>Accept all</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/"><img src="/logo.svg" alt="The Coastal Courier"></a>
    <nav class="main-nav" aria-label="Sections">
      <ul>
        <li><a href="/local">Local</a></li>
        <li><a href="/business">Business</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/opinion">Opinion</a></li>
      </ul>
    </nav>
    <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
  </header>
  <ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ol>
  <main id="content">
    <article class="story">
      <header>
        <h1 class="headline">Harbour bridge reopens after two-year repair</h1>
        <p class="standfirst">Commuters return to the crossing as engineers declare the span safe.</p>
        <div class="byline">By <a rel="author" href="/staff/mara-lind">Mara Lind</a>, Transport Correspondent</div>
        <time class="published" datetime="2024-05-06T07:30:00Z">6 May 2024, 07:30</time>
      </header>
      <figure class="lead-image">
        <img src="/img/bridge.jpg" alt="The bridge at dawn">
        <figcaption class="caption">The bridge at dawn on Monday. Photo: K. Osei</figcaption>
      </figure>
      <div class="article-body">
        <p>The Harbour Bridge reopened to traffic on Monday morning, two years after corrosion
           forced its closure.</p>
        <p>&ldquo;It&rsquo;s a relief,&rdquo; said Ana Ruiz, who cycles across it daily.
           The council said repairs cost &pound;48&nbsp;million, about 20% over budget.</p>
        <div class="ad-slot ad-inline"><span>Advertisement</span></div>
        <h2>What changed</h2>
        <p>Engineers replaced 112 steel cables and resurfaced the deck.
           <a href="/local/bridge-timeline">Read the full timeline</a>.</p>
        <blockquote><p>We built it to last another century.</p></blockquote>
        <ul>
          <li>New cycle lanes on both sides</li>
          <li>Speed limit lowered to 30&nbsp;km/h</li>
        </ul>
        <aside class="related-stories">
          <h3>Related</h3>
          <ul>
            <li><a href="/local/ferry">Ferry service to be cut</a></li>
            <li><a href="/local/tolls">Tolls will not return, mayor says</a></li>
          </ul>
        </aside>
      </div>
      <footer class="story-footer">
        <p class="tags">Topics: <a href="/t/transport">Transport</a>, <a href="/t/harbour">Harbour</a></p>
        <div class="share-buttons social"><a href="https://example.invalid/share">Share</a></div>
      </footer>
    </article>
    <section class="comments" id="comments">
      <h2>Comments (2)</h2>
      <p>Sign in to comment.</p>
    </section>
  </main>
  <aside class="newsletter promo">
    <p>Get the morning briefing in your inbox.</p>
    <form><input type="email"><button>Subscribe</button></form>
  </aside>
  <footer class="site-footer">
    <nav><a href="/about">About us</a> &middot; <a href="/contact">Contact</a></nav>
    <p>&copy; 2024 The Coastal Courier</p>
  </footer>
  <script>window.dataLayer = []; if (a < b) { trackPage("</div>"); }</script>
</body>
</html>
)html";

TEST(Html, NewsPage) {
  const Document d = parse(kNewsPage);
  EXPECT_EQ(d.title_hint, "Harbour bridge reopens after two-year repair \xE2\x80\x93 The Coastal Courier");
  EXPECT_EQ(render(d),
            "[paragraph] We use cookies to improve your experience. Learn more\n"
            "[navigation] Local\n"
            "[navigation] Business\n"
            "[navigation] Sport\n"
            "[navigation] Opinion\n"
            "[list-item] Home\n"
            "[list-item] Local\n"
            "[title] Harbour bridge reopens after two-year repair\n"
            "[header] Commuters return to the crossing as engineers declare the span safe.\n"
            "[byline] By Mara Lind, Transport Correspondent\n"
            "[dateline] 6 May 2024, 07:30\n"
            "[caption] The bridge at dawn on Monday. Photo: K. Osei\n"
            "[paragraph] The Harbour Bridge reopened to traffic on Monday morning, two years after "
            "corrosion forced its closure.\n"
            "[paragraph] \xE2\x80\x9CIt\xE2\x80\x99s a relief,\xE2\x80\x9D said Ana Ruiz, who cycles across it "
            "daily. The council said repairs cost \xC2\xA3" "48\xC2\xA0million, about 20% over budget.\n"
            "[none] Advertisement\n"
            "[heading] What changed\n"
            "[paragraph] Engineers replaced 112 steel cables and resurfaced the deck. Read the full timeline.\n"
            "[quote] We built it to last another century.\n"
            "[list-item] New cycle lanes on both sides\n"
            "[list-item] Speed limit lowered to 30\xC2\xA0km/h\n"
            "[aside] Related\n"
            "[aside] Ferry service to be cut\n"
            "[aside] Tolls will not return, mayor says\n"
            "[footer] Topics: Transport, Harbour\n"
            "[footer] Share\n"
            "[heading] Comments (2)\n"
            "[paragraph] Sign in to comment.\n"
            "[aside] Get the morning briefing in your inbox.\n"
            "[navigation] About us \xC2\xB7 Contact\n"
            "[footer] \xC2\xA9 2024 The Coastal Courier\n");

  auto find = [&](std::string_view prefix) -> const Block& {
    for (const auto& b : d.blocks) {
      if (block_text(d, b).starts_with(prefix)) return b;
    }
    ADD_FAILURE() << "no block " << prefix;
    return d.blocks.front();
  };
  EXPECT_TRUE(find("We use cookies").flags & cue::kCookie);
  EXPECT_TRUE(find("Local").flags & cue::kNav);
  EXPECT_TRUE(find("Home").flags & cue::kBreadcrumb);
  EXPECT_TRUE(find("By Mara").flags & cue::kByline);
  EXPECT_TRUE(find("The bridge at dawn").flags & cue::kCaption);
  EXPECT_EQ(find("The Harbour Bridge").flags, 0u);
  EXPECT_EQ(find("The Harbour Bridge").link_density, 0.0);
  EXPECT_TRUE(find("Advertisement").flags & cue::kAd);
  EXPECT_TRUE(find("Ferry").flags & cue::kRelated);
  EXPECT_DOUBLE_EQ(find("Ferry").link_density, 1.0);
  EXPECT_TRUE(find("Topics").flags & cue::kTags);
  EXPECT_TRUE(find("Share").flags & (cue::kShare | cue::kSocial));
  EXPECT_TRUE(find("Comments").flags & cue::kComment);
  EXPECT_TRUE(find("Get the morning").flags & (cue::kNewsletter | cue::kPromo));
  EXPECT_TRUE(find("\xC2\xA9 2024").flags & cue::kFooter);
  EXPECT_DOUBLE_EQ(find("Local").link_density, 1.0);
  const double story_link = find("Engineers replaced").link_density;
  EXPECT_GT(story_link, 0.2);
  EXPECT_LT(story_link, 0.5);
}

}  // namespace
