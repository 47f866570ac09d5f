// Tests of htmlToText: tags, dropped elements, entities, block structure, malformed input.
#include <catch2/catch.hpp>

#include "html_text.h"

using scholion::htmlToText;

TEST_CASE("htmlToText removes tags and keeps inline text together", "[html]") {
  CHECK(htmlToText("<p>Hello <b>bold</b> <a href=\"x>y\">world</a></p>") == "Hello bold world\n");
}

TEST_CASE("htmlToText drops scripts, styles, head and comments", "[html]") {
  std::string html =
      "<html><head><title>T</title><style>p{color:red}</style></head><body>"
      "<script>var a = '<p>no</p>';</script><!-- hidden <p>x</p> -->"
      "<P>Visible</P><SCRIPT type='x'>alert(1)</SCRIPT>end</body></html>";
  CHECK(htmlToText(html) == "Visible\n\nend\n");
}

TEST_CASE("htmlToText decodes named and numeric entities", "[html]") {
  CHECK(htmlToText("a &amp; b &lt;c&gt; &quot;d&quot; &#233; &#x4E2D; &eacute;") ==
        "a & b <c> \"d\" \xC3\xA9 \xE4\xB8\xAD \xC3\xA9\n");
  CHECK(htmlToText("x&nbsp;y") == "x\xC2\xA0y\n");
}

TEST_CASE("htmlToText keeps unknown or invalid entities as written", "[html]") {
  CHECK(htmlToText("AT&T &bogus; &#xZZ; &#99999999;") == "AT&T &bogus; &#xZZ; &#99999999;\n");
}

TEST_CASE("htmlToText turns blocks into lines and paragraphs", "[html]") {
  CHECK(htmlToText("<div>one</div><div>two</div>") == "one\ntwo\n");
  CHECK(htmlToText("<p>one</p><p>two</p>") == "one\n\ntwo\n");
  CHECK(htmlToText("a<br>b<br/><br>c") == "a\nb\n\nc\n");
  CHECK(htmlToText("<ul><li>x</li><li>y</li></ul>") == "x\ny\n");
  CHECK(htmlToText("<h1>Title</h1>Body") == "Title\n\nBody\n");
}

TEST_CASE("htmlToText collapses whitespace except in pre", "[html]") {
  CHECK(htmlToText("<p>  many \n\t spaces   here </p>") == "many spaces here\n");
  CHECK(htmlToText("<pre>a  b\n  c</pre>") == "a  b\n  c\n");
}

TEST_CASE("htmlToText tolerates malformed markup", "[html]") {
  CHECK(htmlToText("") == "");
  CHECK(htmlToText("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2\n");
  CHECK(htmlToText("<p>unclosed <b>bold") == "unclosed bold\n");
  CHECK(htmlToText("text <script>never closed") == "text\n");
  CHECK(htmlToText("<a href='x") == "");
}
