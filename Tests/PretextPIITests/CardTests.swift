import PretextPII
import Testing

@Suite("Card numbers")
struct CardTests {
    @Test(arguments: [
        ("visa 4111 1111 1111 1111 exp", "4111 1111 1111 1111"),
        ("4111-1111-1111-1111", "4111-1111-1111-1111"),
        ("4111111111111111", "4111111111111111"),
        ("mc 5555 5555 5555 4444", "5555 5555 5555 4444"),
        ("mc2 2223 0031 2200 3222", "2223 0031 2200 3222"),
        ("amex 3782 822463 10005", "3782 822463 10005"),
        ("amex 378282246310005", "378282246310005"),
        ("diners 3056 930902 5904", "3056 930902 5904"),
        ("discover 6011 1111 1111 1117", "6011 1111 1111 1117"),
        ("jcb 3530111333300000", "3530111333300000"),
        ("unionpay 6200 0000 0000 0005", "6200 0000 0000 0005"),
        ("卡号4111111111111111。", "4111111111111111"),
        ("visa13 4222222222222", "4222222222222"),
    ])
    func finds(text: String, expected: String) {
        #expect(found(.card, in: text) == [expected])
    }

    @Test(arguments: [
        "4111 1111 1111 1112",  // Luhn fails
        "1234 5678 9012 3452",  // Luhn passes, no issuer starts with 1
        "9780306406157",  // ISBN-13
        "4111 1111 1111 1111 1111 1111",  // too many groups of the same separator
        "4111 1111-1111 1111",  // mixed separators
        "41 1111 1111 1111 11",  // not a card layout
        "4111111111111111111111",  // a long digit run is an identifier
        "order 378282246310005x",
        "$4111111111111111",
    ])
    func rejects(text: String) {
        #expect(found(.card, in: text).isEmpty)
    }

    @Test func luhnExamples() {
        // The standard test numbers of each network pass; changing the last digit fails.
        for number in ["4012888888881881", "5105105105105100", "371449635398431", "6011000990139424"] {
            #expect(found(.card, in: number) == [number])
            let wrong = String(number.dropLast()) + (number.last == "0" ? "1" : "0")
            #expect(found(.card, in: wrong).isEmpty, "\(wrong)")
        }
    }
}
