import PretextPII
import Testing

@Suite("Context rules")
struct ContextRuleTests {
    @Test(arguments: [
        "ISBN 978-3-16-148410-0", "ISBN-13: 978-0-306-40615-7", "isbn 9780306406157", "ISSN 0317-8471",
        "doi:10.1000/xyz123", "https://doi.org/10.1002/(SICI)1097-4636(199812)", "DOI 10.5555/5551234567",
        "version 10.0.0.1", "Ver. 8.8.8.8", "release 4.4.4.4", "build: 1.1.1.1", "v 8.8.8.8", "oid 1.3.6.1",
        "USD 4111 1111 1111 1111", "$ 4111111111111111", "£5551234567", "₹ 98765 43210", "￥13800138000",
        "arXiv:2101.00001", "PMID 12345678",
    ])
    func suppresses(text: String) {
        #expect(found(text).isEmpty)
    }

    @Test func ruleOnlyCoversItsOwnNumber() {
        #expect(found("ISBN 978-3-16-148410-0, tel. 020 7946 0958") == [Found(.phone, "020 7946 0958")])
        #expect(found("doi:10.1000/xyz123 from 8.8.8.8") == [Found(.ipv4, "8.8.8.8")])
        #expect(found("version 1.2.3, host 8.8.8.8") == [Found(.ipv4, "8.8.8.8")])
    }
}
