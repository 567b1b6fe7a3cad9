import PretextCore
import PretextTestSupport
import Testing

@testable import PretextPipeline

@Suite struct SlurmSettingsTests {
    private let text = """
        output: out/x
        inputs: [data]
        execution:
          workers: 2
          slurm:
            tasks: 4
            partition: cpu
            cpus_per_task: 2
            mem: 2G
            time: "1:00:00"
            max_parallel: 8
            requeue: true
            prolog: |
              module load gcc
              source venv/bin/activate
            steps:
              dedupe: {mem: 8G}
              "3": {time: "2:00:00", mem: 16G}
              train: {partition: gpu}
        stages:
          - stage: ingest
          - stage: dedupe
            method: exact
          - stage: dedupe
            method: minhash
        train:
          steps: 10
        """

    private func failure(_ text: String) -> PretextError? {
        do {
            _ = try PipelineParser().parse(text, path: "p.yaml")
            return nil
        } catch {
            return error as? PretextError
        }
    }

    @Test func parsesTheSectionWithItsStepEntries() throws {
        let pipeline = try PipelineParser().parse(text, path: "p.yaml")
        let section = pipeline.slurm
        #expect(section.settings[SlurmSettings.tasks] == 4)
        #expect(section.settings[SlurmSettings.partition] == "cpu")
        #expect(section.settings[SlurmSettings.cpusPerTask] == 2)
        #expect(section.settings[SlurmSettings.requeue] == true)
        #expect(section.settings[SlurmSettings.prolog] == "module load gcc\nsource venv/bin/activate\n")
        #expect(section.settings[SlurmSettings.signalSeconds] == nil, "only what was given is held")
        #expect(section.steps.map(\.selector) == ["dedupe", "3", "train"])
        #expect(section.steps.map(\.line) == [17, 18, 19])
        #expect(pipeline.execution[ExecutionSettings.workers] == 2, "the other execution options still parse")
    }

    @Test func precedenceIsFlagThenStepNumberThenStageNameThenSectionThenDefault() throws {
        let pipeline = try PipelineParser().parse(text, path: "p.yaml")
        let section = pipeline.slurm
        let none = SlurmSettings()
        let ingest = section.settings(for: pipeline.steps[0], flags: none)
        #expect(ingest[SlurmSettings.mem] == "2G" && ingest[SlurmSettings.time] == "1:00:00")
        let exact = section.settings(for: pipeline.steps[1], flags: none)
        #expect(exact[SlurmSettings.mem] == "8G" && exact[SlurmSettings.time] == "1:00:00")
        let minhash = section.settings(for: pipeline.steps[2], flags: none)
        #expect(minhash[SlurmSettings.mem] == "16G", "the step number wins over the stage name")
        #expect(minhash[SlurmSettings.time] == "2:00:00")
        #expect(minhash[SlurmSettings.partition] == "cpu")
        let training = section.settings(for: nil, flags: none)
        #expect(training[SlurmSettings.partition] == "gpu" && training[SlurmSettings.mem] == "2G")
        var flags = SlurmSettings()
        flags.set(SlurmSettings.mem, "4G")
        flags.set(SlurmSettings.requeue, false)
        let flagged = section.settings(for: pipeline.steps[2], flags: flags)
        #expect(flagged[SlurmSettings.mem] == "4G" && flagged[SlurmSettings.requeue] == false)
        #expect(flagged[SlurmSettings.time] == "2:00:00", "a flag overrides only what it gives")
    }

    @Test func worldSizeIsTheTasksFlagThenTheSectionThenTheWorkers() throws {
        let pipeline = try PipelineParser().parse(text, path: "p.yaml")
        #expect(SlurmPlanner.worldSize(of: pipeline, flags: SlurmSettings()) == 4)
        var flags = SlurmSettings()
        flags.set(SlurmSettings.tasks, 9)
        #expect(SlurmPlanner.worldSize(of: pipeline, flags: flags) == 9)
        let plain = try PipelineParser().parse(
            "output: o\nexecution: {workers: 3}\nstages:\n  - stage: ingest\n", path: "p.yaml")
        #expect(SlurmPlanner.worldSize(of: plain, flags: SlurmSettings()) == 3)
        #expect(plain.slurm == SlurmSection())
    }

    @Test(arguments: [
        (
            "execution:\n  slurm:\n    memory: 2G\n", 3,
            "execution.slurm: unknown setting 'memory'; valid settings: tasks, partition, account, cpus_per_task, mem"
        ),
        (
            "execution:\n  slurm:\n    steps:\n      dedupe: {tasks: 8}\n", 4,
            "execution.slurm.steps.dedupe: unknown setting 'tasks'"
        ),
        ("execution:\n  slurm:\n    mem: lots\n", 3, "setting 'mem': 'lots' is not a memory size"),
        ("execution:\n  slurm:\n    time: 1h\n", 3, "setting 'time': '1h' is not a Slurm time limit"),
        ("execution:\n  slurm:\n    partition: a b\n", 3, "setting 'partition': 'a b' is not a Slurm name"),
        ("execution:\n  slurm:\n    tasks: 0\n", 3, "option 'tasks':"),
        ("execution:\n  slurm:\n    requeue: maybe\n", 3, "'maybe' is not a boolean"),
        ("execution:\n  slurm: 4\n", 2, "'execution.slurm' must be a mapping"),
        ("execution:\n  slurm:\n    steps: [dedupe]\n", 3, "'execution.slurm.steps' must be a mapping"),
        ("execution:\n  slurm:\n    steps:\n      dedup: {mem: 1G}\n", 4, "'dedup' names no step of this pipeline"),
        ("execution:\n  slurm:\n    steps:\n      \"7\": {mem: 1G}\n", 4, "or a step number 1–1"),
        ("execution:\n  slurm:\n    steps:\n      train: {mem: 1G}\n", 4, "'train' names no step"),
        ("execution:\n  slrum: {}\n", 2, "execution: unknown option 'slrum'; valid options: compression_level"),
    ])
    func errorsNameTheFileAndLine(section: String, line: Int, message: String) throws {
        let error = try #require(failure("output: o\n" + section + "stages:\n  - stage: ingest\n"))
        #expect(error.code == .invalidConfiguration)
        #expect(error.path == "p.yaml")
        #expect(error.line == line + 1, "\(error)")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func theExecutionErrorListsSlurmAmongTheValidKeys() throws {
        let error = try #require(failure("output: o\nexecution: {nodes: 2}\nstages:\n  - stage: ingest\n"))
        #expect(error.message.hasSuffix("compression_level, frame_bytes, keep_work, shard_bytes, slurm, workers"))
    }

    @Test(arguments: [
        ("mem", "8000", true), ("mem", "500M", true), ("mem", "8G", true), ("mem", "1t", true), ("mem", "8GB", false),
        ("mem", "G", false), ("time", "30", true), ("time", "1:00:00", true), ("time", "2-00:00:00", true),
        ("time", "2-12", true), ("time", "UNLIMITED", true), ("time", "1:2:3:4", false), ("time", "-1", false),
        ("partition", "cpu,gpu", true), ("partition", "cpu;rm", false), ("account", "", false),
    ])
    func slurmValuesAreChecked(name: String, value: String, valid: Bool) {
        #expect((SlurmSettings.problem(with: .string(value), named: name) == nil) == valid)
    }
}
