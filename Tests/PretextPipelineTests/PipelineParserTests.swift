import PretextCore
import PretextStages
import PretextTrainer
import Testing

@testable import PretextPipeline

@Suite struct PipelineParserTests {
    private let parser = PipelineParser()

    private func failure(parsing text: String) -> PretextError? {
        do {
            _ = try parser.parse(text, path: "p.yaml")
            return nil
        } catch let error as PretextError {
            return error
        } catch {
            return nil
        }
    }

    @Test func parsesAFullPipeline() throws {
        let text = """
            name: demo
            output: out/demo
            inputs:
              - data/a.jsonl
              - path: data/texts
                text_mode: blocks
                source: blog
            execution:
              workers: 3
              frame_bytes: 64KiB
            stages:
              - stage: ingest
                text_key: content
                max_document_bytes: 1_000
            """
        let pipeline = try parser.parse(text, path: "p.yaml")
        #expect(pipeline.name == "demo")
        #expect(pipeline.output == "out/demo")
        #expect(pipeline.inputs.map(\.path) == ["data/a.jsonl", "data/texts"])
        #expect(pipeline.inputs[1].options[InputSpec.textMode] == "blocks")
        #expect(pipeline.inputs[1].options[InputSpec.source] == "blog")
        #expect(pipeline.inputs[0].options.values["format"] == OptionValue.string("auto"), "defaults are filled in")
        #expect(pipeline.execution[ExecutionSettings.workers] == 3)
        #expect(pipeline.execution[ExecutionSettings.frameBytes] == 65536)
        #expect(pipeline.execution.values["compression_level"] == OptionValue.integer(3))
        #expect(pipeline.steps.count == 1)
        let reading = pipeline.steps[0].options.settings(from: IngestStage.readingOptions)
        #expect(reading.textKey == "content" && reading.maxDocumentBytes == 1000)
        #expect(pipeline.steps[0].options.values["id_key"] == OptionValue.string("id"))
        #expect(pipeline.steps[0].directoryName == "01-ingest")
    }

    @Test func nameDefaultsToTheFileName() throws {
        let pipeline = try parser.parse("output: o\nstages:\n  - stage: ingest\n", path: "dir/my-run.yaml")
        #expect(pipeline.name == "my-run")
    }

    @Test func unknownTopLevelKeyNamesLineAndValidKeys() throws {
        let error = try #require(failure(parsing: "output: o\nstagez: []\n"))
        #expect(error.code == .invalidConfiguration)
        #expect(error.line == 2)
        #expect(error.message.contains("unknown key 'stagez'"))
        #expect(error.message.contains("stages"))
    }

    @Test func theTrainSectionIsCheckedWithTheFile() throws {
        let pipeline = try parser.parse(
            "output: o\nstages:\n  - stage: ingest\ntrain:\n  steps: 40\n  hidden: 64\n", path: "p.yaml")
        let training = try #require(pipeline.training)
        #expect(training[TrainingOptions.steps] == 40 && training[TrainingOptions.hidden] == 64)
        #expect(training[TrainingOptions.layers] == TrainingOptions.layers.defaultValue)
        #expect(try parser.parse("output: o\nstages:\n  - stage: ingest\n", path: "p.yaml").training == nil)
        let error = try #require(failure(parsing: "output: o\nstages:\n  - stage: ingest\ntrain:\n  stepz: 4\n"))
        #expect(error.line == 5 && error.message.contains("unknown option 'stepz'"))
        #expect(error.message.contains("learning_rate"))
    }

    @Test func unknownStageListsKnownStages() throws {
        let error = try #require(failure(parsing: "output: o\nstages:\n  - stage: ingest\n  - stage: dedupe_magic\n"))
        #expect(error.code == .notFound)
        #expect(error.line == 4)
        #expect(error.message.contains("unknown stage 'dedupe_magic'"))
        #expect(error.message.contains("known stages: audit, causal_lm, contrastive, dedupe, ingest, language, mlm"))
        #expect(error.path == "p.yaml")
    }

    @Test func unknownOptionListsValidOptions() throws {
        let error = try #require(failure(parsing: "output: o\nstages:\n  - stage: ingest\n    txt_key: body\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("unknown option 'txt_key'"))
        #expect(error.message.contains("text_key"))
        #expect(error.message.contains("max_document_bytes"))
    }

    @Test(arguments: [
        ("max_document_bytes: lots", "is not an integer"),
        ("max_document_bytes: 0", "below the minimum"),
        ("text_mode: paragraphs", "is not one of: file, blocks"),
        ("text_key: [a, b]", "not a list"),
    ])
    func wrongValueSaysWhatWasExpected(option: String, expected: String) throws {
        let error = try #require(failure(parsing: "output: o\nstages:\n  - stage: ingest\n    \(option)\n"))
        #expect(error.code == .invalidConfiguration)
        #expect(error.line == 4)
        #expect(error.message.contains(expected))
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let error = try #require(failure(parsing: "output: o\nstages:\n  - stage: [ingest\n"))
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("not valid YAML"))
        #expect(error.line != nil)
    }

    @Test func missingOutputAndStagesAreErrors() throws {
        #expect(failure(parsing: "stages:\n  - stage: ingest\n")?.message.contains("no 'output'") == true)
        #expect(failure(parsing: "output: o\n")?.message.contains("no 'stages'") == true)
        #expect(failure(parsing: "output: o\nstages: []\n")?.message.contains("non-empty") == true)
        #expect(failure(parsing: "- just\n- a list\n")?.message.contains("YAML mapping") == true)
    }

    @Test func badExecutionValueIsAnError() throws {
        let error = try #require(failure(parsing: "output: o\nexecution:\n  workers: 0\nstages:\n  - stage: ingest\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("workers"))
    }

    @Test func theBundledPipelinesParse() throws {
        let root = RepositoryRoot.path
        for name in ["quickstart.yaml"] {
            let pipeline = try parser.parseFile(at: root + "/pipelines/" + name)
            #expect(!pipeline.steps.isEmpty)
        }
    }

    @Test func anUnknownLanguageCodeIsAnErrorWithItsLineAndTheValidCodes() throws {
        let text = """
            output: o
            stages:
              - stage: language
                languages: [en, english]
            """
        let error = try #require(failure(parsing: text))
        #expect(error.line == 4 && error.path == "p.yaml")
        #expect(error.message.contains("'english' is not a language code CLD2 can detect; valid: "))
        #expect(error.message.contains(" en, ") && error.message.contains(" zh, zh-Hant"))
        let quoted = try parser.parse(
            text.replacingOccurrences(of: "[en, english]", with: "\"[en, ja]\""), path: "p.yaml")
        #expect(quoted.steps[0].options[LanguageStage.languages] == ["en", "ja"])
    }
}

/// The repository root, found from this file's location (tests run offline, in the repo).
enum RepositoryRoot {
    static var path: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PretextPipelineTests/File.swift
        return parts.joined(separator: "/")
    }
}
