// Stage 3: sentences (core/src/segment), on top of blocks.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "blocks/blocks.hpp"
#include "segment/segment.hpp"

namespace {

using precis::segment::AbbrevClass;
using precis::segment::rules_for;
using precis::segment::Rules;
using precis::segment::Span;

std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  return out;
}

std::vector<Span> split(std::string_view text, const Rules& rules) {
  std::vector<Span> spans;
  precis::segment::split_blocks(text, precis::blocks::find_blocks(text), rules, spans);
  return spans;
}

// One sentence per line, so a failure shows the whole split.
std::string render(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) out += escaped(text.substr(s.start, s.end - s.start)) + "\n";
  return out;
}

std::string render(const std::vector<std::string_view>& sentences) {
  std::string out;
  for (auto s : sentences) out += escaped(s) + "\n";
  return out;
}

struct SplitCase {
  const char* name;
  std::string_view text;
  std::vector<std::string_view> sentences;
};

void check(const SplitCase& c, const Rules& rules) {
  SCOPED_TRACE(std::string(c.name) + ": \"" + escaped(c.text) + "\"");
  const auto spans = split(c.text, rules);
  EXPECT_EQ(render(c.text, spans), render(c.sentences));
  std::size_t last_end = 0;
  for (const auto& s : spans) {
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(last_end, s.start);
    EXPECT_LE(s.end, c.text.size());
    last_end = s.end;
  }
}

TEST(Segment, English) {
  const SplitCase cases[] = {
      {"two plain sentences", "Hello world. This is a test.", {"Hello world.", "This is a test."}},
      {"U.S. inside a sentence",
       "Yermak called U.S. Secretary of State Marco Rubio. He left.",
       {"Yermak called U.S. Secretary of State Marco Rubio.", "He left."}},
      {"U.S. before a lower-case word", "He ruled out sending U.S. troops as peacekeepers. Then he left.",
       {"He ruled out sending U.S. troops as peacekeepers.", "Then he left."}},
      {"U.S. before a capitalized name", "The U.S. Army arrived. It stayed.",
       {"The U.S. Army arrived.", "It stayed."}},
      {"sentence ending with U.S. followed by The",
       "He moved to the U.S. The move was hard.",
       {"He moved to the U.S.", "The move was hard."}},
      {"Sept. 20", "They spoke on Sept. 20, ahead of the meeting. It went well.",
       {"They spoke on Sept. 20, ahead of the meeting.", "It went well."}},
      {"Aug. 18", "He visited on Aug. 18, two days later. Trump spoke.",
       {"He visited on Aug. 18, two days later.", "Trump spoke."}},
      {"Sept. 23-29", "Leaders meet over Sept. 23-29. The agenda is long.",
       {"Leaders meet over Sept. 23-29.", "The agenda is long."}},
      {"Jan. 1990", "She was born in Jan. 1990 and left. Nobody knew.",
       {"She was born in Jan. 1990 and left.", "Nobody knew."}},
      {"Mr., Dr. and Inc. before lower case",
       "Mr. Smith met Dr. Jones at Acme Inc. headquarters. They talked.",
       {"Mr. Smith met Dr. Jones at Acme Inc. headquarters.", "They talked."}},
      {"titles before names", "Gov. Newsom met Sen. Warren in St. Louis. Both spoke.",
       {"Gov. Newsom met Sen. Warren in St. Louis.", "Both spoke."}},
      {"Inc. ending a sentence", "He works at Apple Inc. The company makes phones.",
       {"He works at Apple Inc.", "The company makes phones."}},
      {"e.g. and i.e.", "Eat fruit, e.g. apples, i.e. the red ones. Then rest.",
       {"Eat fruit, e.g. apples, i.e. the red ones.", "Then rest."}},
      {"vs. and etc.", "It was Smith vs. Jones. Apples, pears, etc. The list goes on.",
       {"It was Smith vs. Jones.", "Apples, pears, etc.", "The list goes on."}},
      {"p.m. inside and at the end", "He left at 5 p.m. on Monday. He came back at 6 p.m. The door was open.",
       {"He left at 5 p.m. on Monday.", "He came back at 6 p.m.", "The door was open."}},
      {"initials", "J. K. Rowling wrote it. George W. Bush read it.",
       {"J. K. Rowling wrote it.", "George W. Bush read it."}},
      {"a single letter ending a sentence", "He got an A. Then he left.", {"He got an A.", "Then he left."}},
      {"decimals", "It costs $3.50 today. The rate rose 3.5 percent.",
       {"It costs $3.50 today.", "The rate rose 3.5 percent."}},
      {"decimal at the end of a sentence", "It costs $3.50. That is cheap.", {"It costs $3.50.", "That is cheap."}},
      {"a year at the end of a sentence", "He scored in 2024. The team won.", {"He scored in 2024.", "The team won."}},
      {"a digit after the stop", "He was born in 1990. 5 years later he moved.",
       {"He was born in 1990.", "5 years later he moved."}},
      {"a score at the end", "The vote was 52-48. It passed.", {"The vote was 52-48.", "It passed."}},
      {"domain names", "Visit example.com today. It is free.", {"Visit example.com today.", "It is free."}},
      {"quote after terminal punctuation", "\"Stop.\" He left.", {"\"Stop.\"", "He left."}},
      {"curly quote after terminal punctuation", "\xE2\x80\x9CStop.\xE2\x80\x9D He left.",
       {"\xE2\x80\x9CStop.\xE2\x80\x9D", "He left."}},
      {"question in quotes, then lower case", "He left. \"Why?\" she asked.", {"He left.", "\"Why?\" she asked."}},
      {"question in quotes, then upper case", "He asked, \"Why?\" She said nothing.",
       {"He asked, \"Why?\"", "She said nothing."}},
      {"bracket before the stop", "It was good (very good). Then it ended.", {"It was good (very good).", "Then it ended."}},
      {"bracket after the stop", "It was good. (Very good.) Then it ended.",
       {"It was good.", "(Very good.)", "Then it ended."}},
      {"?! and ?", "Really?! Yes. What? no way.", {"Really?!", "Yes.", "What? no way."}},
      {"exclamation", "Stop! Now! please wait.", {"Stop!", "Now! please wait."}},
      {"ellipsis before a capital", "He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
      {"ellipsis before lower case", "Wait... what happened?", {"Wait... what happened?"}},
      {"ellipsis character", "He paused\xE2\x80\xA6 Then he spoke. Wait\xE2\x80\xA6 what?",
       {"He paused\xE2\x80\xA6", "Then he spoke.", "Wait\xE2\x80\xA6 what?"}},
      {"ellipsis before a digit", "He counted... 3 sheep.", {"He counted... 3 sheep."}},
      {"No. 5", "He lives at No. 5 Main Street. It is nice.", {"He lives at No. 5 Main Street.", "It is nice."}},
      {"no. as a word", "I said no. Then I left.", {"I said no.", "Then I left."}},
      {"St. ending a sentence", "He lives on Main St. The house is big.", {"He lives on Main St.", "The house is big."}},
      {"St. before a name", "She grew up in St. Louis before the war.", {"She grew up in St. Louis before the war."}},
      {"Sr. ending a sentence", "The firm belongs to John Smith Sr. The family left.",
       {"The firm belongs to John Smith Sr.", "The family left."}},
      {"list number at the start of a sentence", "Do this first. 2. Open the box. 3. Close it.",
       {"Do this first.", "2. Open the box.", "3. Close it."}},
      {"list number starting a block", "1. Buy milk.\n2. Buy eggs.", {"1. Buy milk.", "2. Buy eggs."}},
      {"line break after a period", "He left.\nshe stayed.", {"He left.", "she stayed."}},
      {"line break after U.S.", "He visited the U.S.\nThen he went home.", {"He visited the U.S.", "Then he went home."}},
      {"line break after Inc. before a non-starter", "He works at Apple Inc.\nShares rose.",
       {"He works at Apple Inc.", "Shares rose."}},
      {"line break after an initial", "The letter was signed by George W.\nBush read it later.",
       {"The letter was signed by George W.", "Bush read it later."}},
      {"line break after a title", "We met Mr.\nSmith today.", {"We met Mr.\nSmith today."}},
      {"line break after Sept. before a number", "It was Sept.\n20 when we met.", {"It was Sept.\n20 when we met."}},
      {"blocks end sentences", "Headline Without Stop\nBody sentence one. Two.",
       {"Headline Without Stop", "Body sentence one.", "Two."}},
      {"trailing spaces are trimmed", "One.   Two.   ", {"One.", "Two."}},
  };
  const Rules& en = rules_for("en");
  for (const auto& c : cases) check(c, en);
}

TEST(Segment, LanguageWithoutRules) {
  const SplitCase cases[] = {
      {"plain sentences", "This is one. This is two! Is this three? Yes.",
       {"This is one.", "This is two!", "Is this three?", "Yes."}},
      {"German", "Hallo Welt. Wie geht es dir? Gut, danke.", {"Hallo Welt.", "Wie geht es dir?", "Gut, danke."}},
      {"Russian", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82. \xD0\x9A\xD0\xB0\xD0\xBA \xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?",
       {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82.", "\xD0\x9A\xD0\xB0\xD0\xBA \xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?"}},
      {"decimals", "Er zahlte 3.50 Euro. Dann ging er.", {"Er zahlte 3.50 Euro.", "Dann ging er."}},
      {"lower case continues", "Ca. zehn Leute kamen.", {"Ca. zehn Leute kamen."}},
      // नमस्ते। आप कैसे हैं? -- the Devanagari danda
      {"Hindi", "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87\xE0\xA5\xA4 "
                "\xE0\xA4\x86\xE0\xA4\xAA \xE0\xA4\x95\xE0\xA5\x88\xE0\xA4\xB8\xE0\xA5\x87 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA4\x82?",
       {"\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87\xE0\xA5\xA4",
        "\xE0\xA4\x86\xE0\xA4\xAA \xE0\xA4\x95\xE0\xA5\x88\xE0\xA4\xB8\xE0\xA5\x87 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA4\x82?"}},
  };
  for (const char* tag : {"xx", "de", "ru", "hi"}) {
    SCOPED_TRACE(tag);
    for (const auto& c : cases) check(c, rules_for(tag));
  }
}

TEST(Segment, Cjk) {
  const SplitCase cases[] = {
      {"full stops without spaces",
       "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xEF\xBC\x81\xE4\xBD\xA0\xE5\x91\xA2\xEF\xBC\x9F",
       // 今天很好。 我们去公园！ 你呢？
       {"\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82",
        "\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xEF\xBC\x81",
        "\xE4\xBD\xA0\xE5\x91\xA2\xEF\xBC\x9F"}},
      {"closing quote after the full stop",
       // 他说：“好。”然后走了。
       "\xE4\xBB\x96\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C\xE5\xA5\xBD\xE3\x80\x82\xE2\x80\x9D\xE7\x84\xB6\xE5\x90\x8E\xE8\xB5\xB0\xE4\xBA\x86\xE3\x80\x82",
       {"\xE4\xBB\x96\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C\xE5\xA5\xBD\xE3\x80\x82\xE2\x80\x9D",
        "\xE7\x84\xB6\xE5\x90\x8E\xE8\xB5\xB0\xE4\xBA\x86\xE3\x80\x82"}},
      {"Japanese", "\xE3\x81\x82\xE3\x82\x8A\xE3\x81\x8C\xE3\x81\xA8\xE3\x81\x86\xE3\x80\x82\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82",
       // ありがとう。はい。
       {"\xE3\x81\x82\xE3\x82\x8A\xE3\x81\x8C\xE3\x81\xA8\xE3\x81\x86\xE3\x80\x82", "\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82"}},
  };
  for (const char* tag : {"zh", "ja", "en"}) {
    SCOPED_TRACE(tag);
    for (const auto& c : cases) check(c, rules_for(tag));
  }
}

TEST(Segment, BlockIndexes) {
  const std::string_view text = "Headline\nby Someone\n\nFirst one. Second one.\n\nThird one.";
  const auto spans = split(text, rules_for("en"));
  const std::uint32_t want[] = {0, 1, 2, 2, 3};
  ASSERT_EQ(spans.size(), std::size(want)) << render(text, spans);
  for (std::size_t i = 0; i < spans.size(); ++i) EXPECT_EQ(spans[i].block, want[i]) << "sentence " << i;
}

// The rule layer on top of UAX #29, English. Every text here is written for this test.
TEST(Segment, RuleLayerEnglish) {
  const SplitCase cases[] = {
      {"quotation holds its sentences", "She asked, \"Where is it? I looked everywhere.\" Then she left.",
       {"She asked, \"Where is it? I looked everywhere.\"", "Then she left."}},
      {"curly quotation", "He wrote: \xE2\x80\x9CWe won. It was close.\xE2\x80\x9D The team cheered.",
       {"He wrote: \xE2\x80\x9CWe won. It was close.\xE2\x80\x9D", "The team cheered."}},
      {"brackets hold their sentences", "The rule (see below. It matters.) applies here. Next one.",
       {"The rule (see below. It matters.) applies here.", "Next one."}},
      {"parenthetical after a quotation", "\"Go now!\" (She meant it.) He went.", {"\"Go now!\" (She meant it.)", "He went."}},
      {"footnote after the period", "The river is long.[3] It floods each spring.[4][5] Farmers plan for it.",
       {"The river is long.[3]", "It floods each spring.[4][5]", "Farmers plan for it."}},
      {"numbered items inline", "1. Wash the cup 2. Dry the cup 3. Put it away",
       {"1. Wash the cup", "2. Dry the cup", "3. Put it away"}},
      {"lettered items inline", "a) salt b) pepper c) oil", {"a) salt", "b) pepper", "c) oil"}},
      {"bracketed items inline", "(1) Read it. (2) Sign it.", {"(1) Read it.", "(2) Sign it."}},
      {"bullets inline", "\xE2\x80\xA2 milk \xE2\x80\xA2 bread", {"\xE2\x80\xA2 milk", "\xE2\x80\xA2 bread"}},
      {"a label is not a sentence", "Q. Who called? A. The landlord.", {"Q. Who called?", "A. The landlord."}},
      {"spaced ellipsis mid-sentence", "We waited . . . and waited.", {"We waited . . . and waited."}},
      {"spaced ellipsis before a capital", "We waited . . . Nobody came.", {"We waited . . .", "Nobody came."}},
      {"ellipsis before I", "Well . . . I suppose so.", {"Well . . . I suppose so."}},
      {"period and ellipsis (MLA)", "The work was done. . . . Later it was sold.",
       {"The work was done.", ". . . Later it was sold."}},
      {"repeated marks", "Really ? ? ? Yes .", {"Really ? ? ?", "Yes ."}},
      {"one-word questions", "They asked: who? why? and then left.", {"They asked: who?", "why? and then left."}},
      {"exclamation before lower case", "She works at Yahoo! in the city.", {"She works at Yahoo! in the city."}},
      {"time before a new sentence", "The shop opens at 9 a.m. Customers line up early.",
       {"The shop opens at 9 a.m.", "Customers line up early."}},
      {"time in a leading phrase", "By 7 p.m. Mrs. Lee had left.", {"By 7 p.m. Mrs. Lee had left."}},
      {"time before a weekday", "The vote is at 5 p.m. Tuesday in the hall.", {"The vote is at 5 p.m. Tuesday in the hall."}},
      {"degree ends a sentence", "She holds an M.A. Her brother teaches.", {"She holds an M.A.", "Her brother teaches."}},
      {"era ends a sentence", "The wall was built in 120 A.D. Parts still stand.", {"The wall was built in 120 A.D.", "Parts still stand."}},
      {"unit ends a sentence", "The fish weighed 4 lb. Everyone was amazed.", {"The fish weighed 4 lb.", "Everyone was amazed."}},
      {"no space after the period", "It rained all day.Nobody went out.", {"It rained all day.", "Nobody went out."}},
      {"file names and addresses", "Open report.final.pdf today. Write to sam.lee@mail.example.org. Thanks.",
       {"Open report.final.pdf today.", "Write to sam.lee@mail.example.org.", "Thanks."}},
      {"web address", "Go to https://news.example.com/a/b.html. It explains more.",
       {"Go to https://news.example.com/a/b.html.", "It explains more."}},
      {"tokenized text", "Ask Dr . Lopez first . Then call .", {"Ask Dr . Lopez first .", "Then call ."}},
      {"a comma after the period", "He bought eggs. , milk and bread.", {"He bought eggs. , milk and bread."}},
      {"a decimal is not an abbreviation", "The score rose to 98.6%. Fans cheered.", {"The score rose to 98.6%.", "Fans cheered."}},
      {"capitalized abbreviation before a number", "Call Ext. 2041 for help.", {"Call Ext. 2041 for help."}},
      {"initials are not starters", "The book by J. A. Smith sold well.", {"The book by J. A. Smith sold well."}},
  };
  const Rules& en = rules_for("en");
  for (const auto& c : cases) check(c, en);
}

// Per-language data and scripts.
TEST(Segment, RuleLayerLanguages) {
  struct LangCase {
    const char* lang;
    SplitCase c;
  };
  const LangCase cases[] = {
      {"de", {"ordinal before a month", "Wir treffen uns am 4. Mai im Park.", {"Wir treffen uns am 4. Mai im Park."}}},
      {"de", {"ordinal before a starter", "Er wohnt in Haus 12. Dort ist es ruhig.", {"Er wohnt in Haus 12.", "Dort ist es ruhig."}}},
      {"de", {"German abbreviations", "Er kam z.B. mit Dr. Weber und Prof. Klein.", {"Er kam z.B. mit Dr. Weber und Prof. Klein."}}},
      {"de", {"German quotation marks", "Sie sagte: \xE2\x80\x9E" "Ich komme. Warte.\xE2\x80\x9C Dann ging sie.",
              {"Sie sagte: \xE2\x80\x9E" "Ich komme. Warte.\xE2\x80\x9C", "Dann ging sie."}}},
      {"es", {"Spanish title", "Llegó la Sra. Ortiz con el Dr. Ruiz. Todos aplaudieron.",
              {"Llegó la Sra. Ortiz con el Dr. Ruiz.", "Todos aplaudieron."}}},
      {"it", {"elided title", "Ha parlato l'Avv. Rossi. Poi è uscito.", {"Ha parlato l'Avv. Rossi.", "Poi è uscito."}}},
      {"fr", {"guillemets", "Il a dit : \xC2\xAB Non. Jamais. \xC2\xBB Puis il est parti.",
              {"Il a dit : \xC2\xAB Non. Jamais. \xC2\xBB", "Puis il est parti."}}},
      {"ru", {"dash after a question", "\xD0\x93\xD0\xB4\xD0\xB5 \xD0\xBE\xD0\xBD? \xE2\x80\x94 \xD1\x81\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD0\xB8\xD0\xBB \xD0\xBE\xD1\x82\xD0\xB5\xD1\x86.",
              {"\xD0\x93\xD0\xB4\xD0\xB5 \xD0\xBE\xD0\xBD? \xE2\x80\x94 \xD1\x81\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD0\xB8\xD0\xBB \xD0\xBE\xD1\x82\xD0\xB5\xD1\x86."}}},
      {"el", {"Greek question mark typed as ';'", "Πού πας; Στο σπίτι.", {"Πού πας;", "Στο σπίτι."}}},
      {"el", {"final sigma ends a whole word", "Ήρθε ο φίλος. μετά έφυγε.", {"Ήρθε ο φίλος.", "μετά έφυγε."}}},
      {"el", {"an abbreviation before lower case", "Ήρθε ο καθηγ. με τον φίλο.", {"Ήρθε ο καθηγ. με τον φίλο."}}},
      {"hy", {"Armenian full stop typed as ':'", "Նա եկավ: Մենք գնացինք:", {"Նա եկավ:", "Մենք գնացինք:"}}},
      {"hy", {"Armenian full stop", "Նա եկավ։ Մենք գնացինք։", {"Նա եկավ։", "Մենք գնացինք։"}}},
      {"zh", {"book title brackets hold", "我读了《你好！世界》这本书。很好看。", {"我读了《你好！世界》这本书。", "很好看。"}}},
      {"ja", {"Japanese full stops", "雨が降った。傘を持った！よかった？", {"雨が降った。", "傘を持った！", "よかった？"}}},
      {"am", {"Ethiopic full stop without space", "ሰላም ነው።እንዴት ነህ፧", {"ሰላም ነው።", "እንዴት ነህ፧"}}},
      {"hi", {"danda", "मैं घर गया। वह आया।", {"मैं घर गया।", "वह आया।"}}},
      {"ar", {"Arabic question mark", "أين أنت؟ أنا هنا.", {"أين أنت؟", "أنا هنا."}}},
  };
  for (const auto& lc : cases) {
    SCOPED_TRACE(lc.lang);
    check(lc.c, rules_for(lc.lang));
  }
}

TEST(Segment, RulesData) {
  struct Case {
    std::string_view word;
    AbbrevClass cls;
    bool starter;
  };
  const Case cases[] = {
      {"mr", AbbrevClass::kTitle, false},
      {"dr", AbbrevClass::kTitle, false},
      {"sr", AbbrevClass::kCommon, false},  // "John Smith Sr. The family left." may end a sentence
      {"st", AbbrevClass::kCommon, false},  // "Main St. The house" vs "St. Louis"
      {"no", AbbrevClass::kNumber, true},
      {"fig", AbbrevClass::kNumber, false},
      {"sept", AbbrevClass::kMonth, false},  // in month and common: month wins
      {"aug", AbbrevClass::kMonth, false},
      {"inc", AbbrevClass::kCommon, false},
      {"etc", AbbrevClass::kCommon, false},
      {"the", AbbrevClass::kNone, true},
      {"however", AbbrevClass::kNone, true},
      {"smith", AbbrevClass::kNone, false},
      {"u.s", AbbrevClass::kNone, false},  // internal periods are recognized by shape, not listed
  };
  const Rules& en = rules_for("en");
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.word));
    EXPECT_EQ(en.lookup(c.word), c.cls);
    EXPECT_EQ(en.is_starter(c.word), c.starter);
  }
  // Region subtags share the language's data; languages without data get English's.
  EXPECT_EQ(&rules_for("en-GB"), &en);
  EXPECT_EQ(&rules_for("en-us"), &en);
  for (const char* tag : {"xx", "zz", "und", "ml", ""}) {
    SCOPED_TRACE(tag);
    EXPECT_EQ(&rules_for(tag), &en);
  }
  // Languages with data keep their own lists and also know the international titles.
  const Rules& de = rules_for("de");
  EXPECT_NE(&de, &en);
  EXPECT_EQ(de.lookup("dr"), AbbrevClass::kTitle);
  EXPECT_EQ(de.lookup("mr"), AbbrevClass::kTitle);
  EXPECT_FALSE(de.is_starter("the"));
  EXPECT_TRUE(de.is_starter("der"));
  EXPECT_TRUE(de.ordinal_dot);
  EXPECT_FALSE(en.ordinal_dot);
  EXPECT_EQ(rules_for("el").terminals, U";");
}

}  // namespace
