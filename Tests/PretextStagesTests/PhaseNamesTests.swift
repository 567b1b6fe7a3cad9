import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

/// `PhasedStage.phaseNames()`, known without planning, names the phases `phases(units:)`
/// returns for a non-empty input: what `pretext slurm` plans is what `pretext run` runs.
@Suite struct PhaseNamesTests {
    /// Makes stage `name` with `given` options, as a phased stage.
    private func phased(_ name: String, _ given: [(String, RawOptionValue)]) throws -> any PhasedStage {
        let descriptor = try StageRegistry.standard.descriptor(named: name)
        let options = try StageOptions(
            specs: descriptor.options, given: given.map { ($0.0, $0.1, nil) }, context: "test")
        return try #require(try StageRegistry.standard.make(name, options: options) as? any PhasedStage)
    }

    /// The names of the phases `stage` plans for the dataset at `input`.
    private func plannedNames(_ stage: any PhasedStage, input: String) throws -> [String] {
        try stage.phases(anyUnits: try stage.plan(.dataset(path: input))).map(\.name)
    }

    @Test func namesAgreeWithThePlannedPhases() throws {
        let directory = try TemporaryDirectory()
        let lines = try (0..<20).map { try StageRun.line(id: "d\($0)", text: "She is a nurse. Document \($0 % 7).") }
        let input = try StageRun.ingest(lines: [lines], in: directory)
        let cases: [(String, [(String, RawOptionValue)], [String])] = [
            ("dedupe", [("method", .scalar("exact"))], ["signatures", "buckets", "clusters"]),
            ("dedupe", [("method", .scalar("minhash"))], ["signatures", "buckets", "clusters"]),
            ("dedupe", [("method", .scalar("lines"))], ["counts", "totals"]),
            (
                "dedupe",
                [("method", .scalar("spans")), ("counting", .scalar("bloom")), ("keep_first", .scalar("false"))],
                ["bloom_counts", "bloom_totals"]
            ),
            ("tokenizer", [], ["words", "train"]),
            ("audit", [("lexicons", .scalar(AuditStageTests.lexicons))], ["history"]),
            ("audit", [("lexicons", .scalar(AuditStageTests.lexicons)), ("history", .scalar("false"))], []),
        ]
        for (name, given, expected) in cases {
            let stage = try phased(name, given)
            #expect(stage.phaseNames() == expected, "\(name) \(given)")
            #expect(try plannedNames(stage, input: input) == expected, "\(name) \(given)")
        }
    }

    @Test func anEmptyInputMayNeedFewerPhases() throws {
        let directory = try TemporaryDirectory()
        let input = try StageRun.ingest(lines: [["{\"id\": \"a\", \"text\": \"\"}"]], in: directory)
        let audit = try phased("audit", [("lexicons", .scalar(AuditStageTests.lexicons))])
        #expect(audit.phaseNames() == ["history"])
        #expect(try plannedNames(audit, input: input) == [], "no history to read when no document is left")
        let dedupe = try phased("dedupe", [("method", .scalar("exact"))])
        #expect(try plannedNames(dedupe, input: input) == dedupe.phaseNames())
    }
}
