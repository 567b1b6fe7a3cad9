import PretextPII
import Testing

@Suite("IPv6 addresses")
struct IPv6Tests {
    @Test(arguments: [
        ("addr 2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("addr 2001:db8::1.", "2001:db8::1"),
        ("loopback ::1 here", "::1"),
        ("link fe80::1ff:fe23:4567:890a%eth0", "fe80::1ff:fe23:4567:890a"),
        ("[2001:db8::8a2e:370:7334]:443", "2001:db8::8a2e:370:7334"),
        ("mapped ::ffff:192.0.2.128 done", "::ffff:192.0.2.128"),
        ("nat64 64:ff9b::198.51.100.1", "64:ff9b::198.51.100.1"),
        ("prefix 2001:db8:: end", "2001:db8::"),
        ("服务器地址2001:db8::42。", "2001:db8::42"),
        ("server fe80::1: down", "fe80::1"),
        ("2606:4700:4700::1111", "2606:4700:4700::1111"),
    ])
    func finds(text: String, expected: String) {
        #expect(found(.ipv6, in: text) == [expected])
    }

    @Test(arguments: [
        "at 12:30:45 sharp", "10:30", "MAC 00:1A:2B:3C:4D:5E", "std::vector", "Foo::Bar", "a::b", "dead::beef",
        "::", "1:2:3:4:5:6:7:8:9", "2001:db8:::1", "1::2::3", "12345::1", "2001:db8::1g", "ratio 3:2",
        "fe80::1:2:3:4:5:6:7:8",
    ])
    func rejects(text: String) {
        #expect(found(.ipv6, in: text).isEmpty)
    }

    @Test func globalScope() {
        let detector = PIIDetector()
        #expect(found(.ipv6, in: "2606:4700:4700::1111", detector) == ["2606:4700:4700::1111"])
        #expect(found(.ipv6, in: "::ffff:8.8.8.8", detector) == ["::ffff:8.8.8.8"])
        for address in ["2001:db8::1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "2001:10::1"] {
            #expect(found(.ipv6, in: address, detector).isEmpty, "\(address)")
        }
    }

    @Test func ipv4InsideIPv6IsNotCountedTwice() {
        #expect(found("::ffff:192.0.2.128") == [Found(.ipv6, "::ffff:192.0.2.128")])
    }
}
