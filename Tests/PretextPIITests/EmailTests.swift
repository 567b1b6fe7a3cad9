import PretextPII
import Testing

@Suite("E-mail addresses")
struct EmailTests {
    @Test(arguments: [
        ("write to zhang@example.com today", "zhang@example.com"),
        ("<first.last+tag@mail.example.org>", "first.last+tag@mail.example.org"),
        ("mailto:o'brien@example.net", "o'brien@example.net"),
        ("Contact: USER_01@Example.COM.", "USER_01@Example.COM"),
        ("(support@sub.example.co.uk)", "support@sub.example.co.uk"),
        ("请联系zhang@example.com或致电", "zhang@example.com"),
        ("邮箱：service@example.com。", "service@example.com"),
        ("'quoted@example.com'", "quoted@example.com"),
        ("--dash@example.com", "dash@example.com"),
        ("x@example.com.123", "x@example.com"),
        ("a@xn--fiqs8s.xn--fiqz9s", "a@xn--fiqs8s.xn--fiqz9s"),
        ("ip literal root@[192.0.2.1] here", "root@[192.0.2.1]"),
        ("555-0100@example.com", "555-0100@example.com"),
        ("git@github.com:org/repo.git", "git@github.com"),
        ("a.b.c@d-e.example", "a.b.c@d-e.example"),
        ("too..many@example.com", "many@example.com"),
        // As datatrove: `/`, `?` and `=` are local-part characters, so a URL query joins in.
        ("https://x.example/?email=a@example.org&x=1", "x.example/?email=a@example.org"),
    ])
    func finds(text: String, expected: String) {
        #expect(found(.email, in: text) == [expected])
    }

    @Test(arguments: [
        "@username mentions", "user@localhost", "a@b.c", "trailing.@example.com", "icon@2x.png",
        "sprite@3X.jpg", "name@-bad.com", "name@example.123", "a @ example.com", "@@@", "a@@b.com",
        "user@.example.com", "user@example.", "email@", String(repeating: "a", count: 65) + "@example.com",
        "name at example dot com", "用户@例子.广告", "x@" + String(repeating: "a", count: 64) + ".com",
    ])
    func rejects(text: String) {
        #expect(found(.email, in: text).isEmpty)
    }

    @Test func twoAddressesInARow() {
        #expect(
            found(.email, in: "a@example.com,b@example.org;c@example.net") == [
                "a@example.com", "b@example.org", "c@example.net",
            ])
    }

    @Test func localPartStopsAtSixtyFourBytes() {
        let local = String(repeating: "a", count: 64)
        #expect(found(.email, in: "\(local)@example.com") == ["\(local)@example.com"])
    }
}
