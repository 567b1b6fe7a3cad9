import Testing

@testable import PretextFormats

@Suite struct HTMLTextExtractorTests {
    @Test(arguments: [
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("line<br>next<br/>last", "line\nnext\nlast"),
        ("<div>x</div><div>y</div>", "x\ny"),
        ("  lots   of\n\n  space  ", "lots of space"),
        ("<script>var s = '</p>';</script>keep<STYLE>p{}</STYLE>", "keep"),
        ("a<!-- hidden <p> -->b", "ab"),
        ("<!DOCTYPE html><html><head><title>t</title><meta charset=utf-8></head><body>body</body></html>", "body"),
        ("&lt;tag&gt; &amp; &quot;q&quot; &#233;&#xE9; &eacute; &hellip; &#128512;", "<tag> & \"q\" éé é … 😀"),
        ("a&nbsp;b &unknown; c & d", "a b &unknown; c & d"),
        ("&#0;&#xD800;&#x110000;&#150;", "\u{FFFD}\u{FFFD}\u{FFFD}–"),
        ("<a href=\"x>y\" title='>'>link</a> text", "link text"),
        ("<svg><text>no</text></svg><noscript>no</noscript><template>no</template>yes", "yes"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("1 < 2 and 3 <4", "1 < 2 and 3 <4"),
        ("<p>你好<b>世界</b></p>", "你好世界"),
        ("<h1>Title</h1>Text<ul><li>one</li><li>two</li></ul>", "Title\n\nText\none\ntwo"),
        ("unclosed <script>forever", "unclosed"),
    ])
    func extractsText(html: String, expected: String) {
        #expect(HTMLTextExtractor.extractText(html) == expected)
    }
}
