import Testing

@testable import PretextFormats

/// The charset a page declares in its first bytes.
@Suite struct HTMLCharsetSnifferTests {
    private func sniff(_ html: String) -> String? {
        Array(html.utf8).withUnsafeBytes { HTMLCharsetSniffer.declaredCharset($0) }
    }

    @Test(arguments: [
        ("<meta charset=\"gbk\">", "gbk"),
        ("<META CHARSET=Shift_JIS>", "Shift_JIS"),
        ("<meta charset='euc-kr'/>", "euc-kr"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">", "big5"),
        ("<meta content='text/html;charset=\"koi8-r\"' http-equiv=content-type>", "koi8-r"),
        ("<meta http-equiv=\"content-type\" content=\"text/html; Charset = windows-1251 ; x=y\">", "windows-1251"),
        ("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html>", "EUC-JP"),
        ("<!DOCTYPE html><html lang=zh><head><title>t</title><meta charset=\"gb18030\">", "gb18030"),
        ("<div title=\"<meta charset=latin1>\"></div><meta charset=utf-8>", "utf-8"),
        ("<!-- <meta charset=\"utf-8\"> --><meta charset=\"big5\">", "big5"),
        ("<meta name=viewport content=\"width=device-width\"><meta charset=\"euc-jp\">", "euc-jp"),
    ])
    func findsTheDeclaration(_ html: String, _ label: String) {
        #expect(sniff(html) == label)
    }

    @Test(arguments: [
        "<p>charset=gbk</p>",
        "<meta http-equiv=\"refresh\" content=\"0; charset=gbk\">",
        "<meta content=\"text/html; charset=gbk\">",
        "<!-- <meta charset=gbk> -->",
        "<!-- <meta charset=gbk>",
        "<metadata charset=gbk>",
        "a < b and <meta charset=\"\">",
    ])
    func findsNothingWhereThereIsNoDeclaration(_ html: String) {
        #expect(sniff(html) == nil)
    }

    @Test func looksOnlyAtTheFirstBytes() {
        let padding = "<p>" + String(repeating: "x", count: HTMLCharsetSniffer.prescanBytes) + "</p>"
        #expect(sniff(padding + "<meta charset=gbk>") == nil)
        #expect(sniff("<meta charset=gbk>" + padding) == "gbk")
    }
}
