import Testing

@testable import PretextCore

@Suite struct PretextErrorTests {
    @Test func descriptionNamesFileLineAndOffset() {
        let error = PretextError(.malformedInput, "bad record", path: "in.jsonl", line: 3, offset: 120)
        #expect(error.description == "in.jsonl:3 (byte 120): bad record")
    }

    @Test func descriptionWithoutLocationIsTheMessage() {
        #expect(PretextError(.notFound, "no such stage").description == "no such stage")
    }
}
