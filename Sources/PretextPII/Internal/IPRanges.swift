/// Which IP addresses are global, exactly as Python 3.11's `ipaddress` decides
/// (`is_global`), which is what datatrove's `public_ip_validator` uses.
enum IPRanges {
    /// IPv4 networks Python 3.11 calls private, as (network, prefix length).
    static let privateV4: [(UInt32, UInt32)] = [
        (0x0000_0000, 8),  // 0.0.0.0/8
        (0x0A00_0000, 8),  // 10.0.0.0/8
        (0x7F00_0000, 8),  // 127.0.0.0/8
        (0xA9FE_0000, 16),  // 169.254.0.0/16
        (0xAC10_0000, 12),  // 172.16.0.0/12
        (0xC000_0000, 29),  // 192.0.0.0/29
        (0xC000_00AA, 31),  // 192.0.0.170/31
        (0xC000_0200, 24),  // 192.0.2.0/24 TEST-NET-1
        (0xC0A8_0000, 16),  // 192.168.0.0/16
        (0xC612_0000, 15),  // 198.18.0.0/15 benchmarking
        (0xC633_6400, 24),  // 198.51.100.0/24 TEST-NET-2
        (0xCB00_7100, 24),  // 203.0.113.0/24 TEST-NET-3
        (0xF000_0000, 4),  // 240.0.0.0/4 reserved
        (0xFFFF_FFFF, 32),  // broadcast
    ]

    /// Whether `address` is in one of Python's private IPv4 networks.
    static func isPrivate(v4 address: UInt32) -> Bool {
        privateV4.contains { network, bits in address >> (32 &- bits) == network >> (32 &- bits) }
    }

    /// Python's `IPv4Address.is_global`: not private and not in 100.64.0.0/10 (shared space).
    static func isGlobal(v4 address: UInt32) -> Bool {
        !isPrivate(v4: address) && address >> 22 != 0x64 << 2 | 1  // 100.64/10: 0110_0100_01
    }

    /// IPv6 networks Python 3.11 calls private, as (top 64 bits, bottom 64 bits, prefix length).
    static let privateV6: [(UInt64, UInt64, Int)] = [
        (0, 1, 128),  // ::1/128 loopback
        (0, 0, 128),  // ::/128 unspecified
        (0x0100_0000_0000_0000, 0, 64),  // 100::/64 discard
        (0x2001_0000_0000_0000, 0, 23),  // 2001::/23 IETF protocol assignments
        (0x2001_0002_0000_0000, 0, 48),  // 2001:2::/48 benchmarking
        (0x2001_0DB8_0000_0000, 0, 32),  // 2001:db8::/32 documentation
        (0x2001_0010_0000_0000, 0, 28),  // 2001:10::/28 ORCHID
        (0xFC00_0000_0000_0000, 0, 7),  // fc00::/7 unique local
        (0xFE80_0000_0000_0000, 0, 10),  // fe80::/10 link-local
    ]

    /// Python's `IPv6Address.is_global`: an IPv4-mapped address (`::ffff:a.b.c.d`) is
    /// global when its IPv4 address is not private; any other when it is in no private
    /// network.
    static func isGlobal(v6 high: UInt64, _ low: UInt64) -> Bool {
        if high == 0, low >> 32 == 0xFFFF { return !isPrivate(v4: UInt32(truncatingIfNeeded: low)) }
        return !privateV6.contains { netHigh, netLow, bits in
            if bits <= 64 { return high >> (64 &- bits) == netHigh >> (64 &- bits) }
            return high == netHigh && (bits == 128 ? low == netLow : low >> (128 &- bits) == netLow >> (128 &- bits))
        }
    }
}
