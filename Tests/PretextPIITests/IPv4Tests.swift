import PretextPII
import Testing

@Suite("IPv4 addresses")
struct IPv4Tests {
    @Test(arguments: [
        ("server 8.8.8.8 answered", "8.8.8.8"),
        ("connect to 203.0.113.10:8080", "203.0.113.10"),
        ("http://198.51.100.20/index.html", "198.51.100.20"),
        ("range 10.0.0.0/8", "10.0.0.0"),
        ("IP:255.255.255.255.", "255.255.255.255"),
        ("地址是192.0.2.33。", "192.0.2.33"),
        ("0.0.0.0", "0.0.0.0"),
        ("(1.1.1.1)", "1.1.1.1"),
    ])
    func finds(text: String, expected: String) {
        #expect(found(.ipv4, in: text) == [expected])
    }

    @Test(arguments: [
        "version 1.2.3.4.5", "1.2.3.4.5", "OID 1.3.6.1.4.1.343", "256.1.1.1", "1.2.3", "01.02.03.04",
        "v1.2.3.4", "build 10.0.0.1", "version: 10.0.0.1", "1.2.3.4a", "a1.2.3.4", "1..2.3.4", "3.14159",
        "12.30.2019", "1.2.3.1000", "Windows NT 10.0.19045.3803",
    ])
    func rejects(text: String) {
        #expect(found(.ipv4, in: text).isEmpty)
    }

    @Test func twoAddresses() {
        #expect(found(.ipv4, in: "from 8.8.4.4 to 9.9.9.9") == ["8.8.4.4", "9.9.9.9"])
    }

    @Test(arguments: [
        ("8.8.8.8", true), ("1.1.1.1", true), ("224.0.0.1", true), ("192.0.0.9", true),
        ("10.1.2.3", false), ("172.16.0.1", false), ("172.31.255.255", false), ("172.32.0.1", true),
        ("192.168.1.1", false), ("127.0.0.1", false), ("169.254.1.1", false), ("100.64.0.1", false),
        ("100.128.0.1", true), ("192.0.2.1", false), ("198.51.100.7", false), ("203.0.113.9", false),
        ("198.18.0.1", false), ("240.0.0.1", false), ("255.255.255.255", false), ("0.1.2.3", false),
        ("192.0.0.171", false),
    ])
    func globalScopeFollowsPython(address: String, global: Bool) {
        let detector = PIIDetector()  // default: global only
        #expect(found(.ipv4, in: "at \(address) now", detector) == (global ? [address] : []))
        #expect(found(.ipv4, in: "at \(address) now") == [address])
    }

    @Test func documentationRangesAreNotPersonalByDefault() {
        let text = "hosts 192.0.2.1, 198.51.100.2 and 203.0.113.3"
        #expect(PIIDetector().scan(text).isEmpty)
        #expect(found(.ipv4, in: text) == ["192.0.2.1", "198.51.100.2", "203.0.113.3"])
    }
}
