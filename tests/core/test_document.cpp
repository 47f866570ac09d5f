// Tests for Document: validation, tokenizer, sentence splitter, line index and slicing.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <type_traits>

#include "document.h"
#include "test_support.h"

using namespace scholion;

namespace {

std::vector<std::string> tokenTexts(const Document& d) {
  std::vector<std::string> out;
  for (const auto& t : d.tokens()) out.push_back(d.slice(t.start, t.end));
  return out;
}

std::string readSample() {
  std::ifstream in(SCHOLION_SAMPLE_PATH, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

static_assert(!std::is_copy_constructible<Document>::value, "Document must stay put");
static_assert(!std::is_move_constructible<Document>::value, "Document must stay put");

TEST_CASE("Document::create rejects invalid UTF-8 with the byte offset", "[document]") {
  auto d = Document::create("Beijing \xC3(");
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().find("byte offset 8") != std::string::npos);
}

TEST_CASE("Document keeps the text unchanged and hashes it", "[document]") {
  std::string text = "Line one\r\nLine\xC2\xA0two \xF0\x9F\x98\x80\n";
  auto d = test::documentOf(text);
  CHECK(d->text() == text);
  CHECK(d->sha256() == sha256Hex(text));
  CHECK(d->length() == countCodePoints(text));
}

TEST_CASE("tokenizer splits clitics and keeps hyphenated words", "[document][tokens]") {
  auto d = test::documentOf("Jiang Zemin's all-round Sino-Russia co-operation, state-to-state.");
  CHECK(tokenTexts(*d) == std::vector<std::string>{"Jiang", "Zemin", "'s", "all-round",
                                                   "Sino-Russia", "co-operation", ",",
                                                   "state-to-state", "."});
  auto d2 = test::documentOf("They didn't go; O'Neill's team won't.");
  CHECK(tokenTexts(*d2) == std::vector<std::string>{"They", "did", "n't", "go", ";", "O'Neill",
                                                    "'s", "team", "wo", "n't", "."});
}

TEST_CASE("tokenizer treats no-break and other Unicode spaces as spaces", "[document][tokens]") {
  auto d = test::documentOf("Contact\xC2\xA0Us\xE2\x80\x83Home\xE3\x80\x80News");
  CHECK(tokenTexts(*d) == std::vector<std::string>{"Contact", "Us", "Home", "News"});
  CHECK(d->tokens()[1].start == 8);  // code points, not bytes
}

TEST_CASE("tokenizer kinds: numbers, punctuation, symbols, abbreviations", "[document][tokens]") {
  auto d = test::documentOf("In 1999-2000 prices rose 3.5% to $1,000 (U.S. figures)...");
  auto texts = tokenTexts(*d);
  CHECK(texts == std::vector<std::string>{"In", "1999", "-", "2000", "prices", "rose", "3.5", "%",
                                          "to", "$", "1,000", "(", "U.S.", "figures", ")", "..."});
  CHECK(d->tokens()[1].kind == TokenKind::Number);
  CHECK(d->tokens()[0].kind == TokenKind::Word);
  CHECK(d->tokens()[7].kind == TokenKind::Symbol);
  CHECK(d->tokens()[11].kind == TokenKind::Punctuation);
  auto cjk = test::documentOf("\xE4\xB8\xAD\xE5\x9B\xBD\xE3\x80\x82");  // 中国。
  CHECK(cjk->tokens().size() == 3);
}

TEST_CASE("sentence splitter handles abbreviations and quotes", "[document][sentences]") {
  auto d = test::documentOf(
      "Putin visited the U.S. on Dec. 5 with Mr. Li. He said: \"Good.\" Then he left! "
      "Did he? Yes.");
  std::vector<std::string> s;
  for (const auto& x : d->sentences()) s.push_back(d->slice(x.start, x.end));
  CHECK(s == std::vector<std::string>{"Putin visited the U.S. on Dec. 5 with Mr. Li.",
                                      "He said: \"Good.\"", "Then he left!", "Did he?", "Yes."});
  // Sentences cover every token exactly once, in order.
  uint32_t next = 0;
  for (const auto& x : d->sentences()) {
    CHECK(x.firstToken == next);
    next += x.tokenCount;
  }
  CHECK(next == d->tokens().size());
}

TEST_CASE("sentence splitter breaks at blank lines and short heading lines",
          "[document][sentences]") {
  auto d = test::documentOf(
      "Home > News\nChina, Russia issue declaration\n\nChinese President Jiang Zemin and "
      "Russian President Vladimir Putin\nJuly 18 signed a declaration.");
  std::vector<std::string> s;
  for (const auto& x : d->sentences()) s.push_back(d->slice(x.start, x.end));
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Home > News");
  CHECK(s[1] == "China, Russia issue declaration");
  CHECK(s[2].find("July 18 signed") != std::string::npos);  // a wrapped line does not split
}

TEST_CASE("the sample story tokenizes with no-break spaces and hyphenated words",
          "[document][sample]") {
  std::string text = readSample();
  REQUIRE(!text.empty());
  auto d = test::documentOf(text);
  auto texts = tokenTexts(*d);
  CHECK(std::find(texts.begin(), texts.end(), "Sino-Russia") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(), "all-round") != texts.end());
  CHECK(texts[0] == "Contact");
  CHECK(texts[1] == "Us");
  for (const auto& t : texts) CHECK(t.find("\xC2\xA0") == std::string::npos);
  CHECK(d->sentences().size() > 20);
  CHECK(d->length() < text.size());  // the sample has multi-byte characters
}

TEST_CASE("line index, slicing and token lookup", "[document]") {
  auto d = test::documentOf("ab\n\xC3\xA9t\xC3\xA9\nlast");  // "ab\nété\nlast"
  CHECK(d->lineStarts() == std::vector<uint32_t>{0, 3, 7});
  CHECK(d->lineOf(0) == 0);
  CHECK(d->lineOf(2) == 0);
  CHECK(d->lineOf(3) == 1);
  CHECK(d->lineOf(6) == 1);
  CHECK(d->lineOf(7) == 2);
  CHECK(d->lineOf(100) == 2);
  CHECK(d->slice(3, 6) == "\xC3\xA9t\xC3\xA9");
  CHECK(d->sliceView(7, 11) == "last");
  CHECK(d->slice(5, 3).empty());
  CHECK(d->tokenAtOrAfter(0) == 0);
  CHECK(d->tokenAtOrAfter(1) == 0);   // inside "ab"
  CHECK(d->tokenAtOrAfter(2) == 1);   // the newline -> next token
  CHECK(d->tokenAtOrAfter(11) == 3);  // past the end
}
