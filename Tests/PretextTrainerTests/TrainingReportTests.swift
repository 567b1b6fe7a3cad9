import Foundation
import PretextTestSupport
import Testing

@testable import PretextTrainer

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `report.html`: drawn from the log, a step logged again after a resume counted once, a line
/// cut by a crash skipped, well-formed and self-contained.
@Suite struct TrainingReportTests {
    static let log = """
        {"step":10,"loss":5.0,"learning_rate":0.001,"grad_norm":2.0,"tokens":100,"tokens_per_second":900}
        {"step":0,"split":"probe","column":"lang","accuracy":0.5,"macro_f1":0.4,"majority_accuracy":0.5,"classes":3,"fitted":9,"held_out":4}
        {"step":20,"loss":4.0,"learning_rate":0.001,"grad_norm":1.5,"tokens":100,"tokens_per_second":950}
        {"step":20,"split":"eval","loss":4.2,"clm_loss":4.2,"clm_accuracy":0.1,"clm_perplexity":66.7}
        {"step":30,"loss":3.9,"learning_rate":0.0009,"grad_norm":1.4,"tokens":100,"tokens_per_second":980}
        {"step":30,"loss":3.5,"learning_rate":0.0009,"grad_norm":1.3,"tokens":100,"tokens_per_second":990}
        {"step":40,"loss":3.0,"learning_rate":0.0005,"grad_norm":1.2,"tokens":100,"tokens_per_second":1000}
        {"step":40,"split":"eval","loss":3.2,"clm_loss":3.2,"clm_accuracy":0.3,"clm_perplexity":24.5}
        {"step":40,"split":"probe","column":"lang","accuracy":0.75,"macro_f1":0.7,"majority_accuracy":0.5,"classes":3,"fitted":9,"held_out":4}
        {"step":50,"loss":2.
        """

    private final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test func theReportDrawsTheLogOncePerStep() throws {
        let scratch = try TemporaryDirectory()
        let logPath = try scratch.write("log.jsonl", Self.log)
        let report = try TrainingReport(logPath: logPath, title: "examples <run>")
        let training = report.lines.filter { $0.split == "train" }
        #expect(training.map(\.step) == [10, 20, 30, 40])
        #expect(training.first { $0.step == 30 }?.numbers["loss"] == 3.5, "the step logged again counts")
        let page = report.html
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
        let parser = XMLParser(data: Data(page.dropFirst("<!DOCTYPE html>".count).utf8))
        let collector = TextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = collector.text
        #expect(text.contains("examples <run>"))
        for title in ["training loss", "learning rate", "held-out clm_perplexity", "Linear probe"] {
            #expect(text.contains(title), "\(title)")
        }
        #expect(text.contains("5.0000 → 3.0000"))
        #expect(text.contains("0.750") && text.contains("0.700"))
        let lossChart = page.components(separatedBy: "aria-label=\"training loss\"")[1]
        let points = lossChart.components(separatedBy: "points=\"")[1].prefix { $0 != "\"" }
        #expect(points.split(separator: " ").count == 4)
        try report.write(to: scratch.file("report.html"))
        #expect(FileManager.default.fileExists(atPath: scratch.file("report.html")))
    }

    @Test func ticksReadAsNumbers() {
        #expect(SVGLineChart.label(300) == "300")
        #expect(SVGLineChart.label(0.00012) == "1.20e-04")
        #expect(SVGLineChart.label(7.5036) == "7.504")
    }
}
