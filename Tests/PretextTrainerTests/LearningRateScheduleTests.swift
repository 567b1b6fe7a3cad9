import PretextCore
import Testing

@testable import PretextTrainer

/// The schedules' multipliers against the Hugging Face `lr_lambda` formulas at chosen steps.
@Suite struct LearningRateScheduleTests {
    @Test func linearWarmsUpThenDecaysToZero() {
        let schedule = LearningRateSchedule.linearWithWarmup(warmupSteps: 10, totalSteps: 110)
        #expect(schedule.multiplier(at: 0) == 0)
        #expect(schedule.multiplier(at: 5) == 0.5)
        #expect(schedule.multiplier(at: 10) == 1)
        #expect(schedule.multiplier(at: 60) == 0.5)
        #expect(schedule.multiplier(at: 110) == 0)
        #expect(schedule.multiplier(at: 200) == 0)
        #expect(schedule.learningRate(base: 1e-3, at: 35) == 1e-3 * 0.75)
    }

    @Test func cosineWarmsUpThenFollowsHalfACosine() {
        let schedule = LearningRateSchedule.cosineWithWarmup(warmupSteps: 4, totalSteps: 104)
        #expect(schedule.multiplier(at: 0) == 0)
        #expect(schedule.multiplier(at: 1) == 0.25)
        #expect(schedule.multiplier(at: 4) == 1)
        #expect(abs(schedule.multiplier(at: 54) - 0.5) < 1e-12)
        // A quarter of the way: ½ (1 + cos(π/4)).
        #expect(abs(schedule.multiplier(at: 29) - 0.853_553_390_593_273_7) < 1e-12)
        #expect(abs(schedule.multiplier(at: 104)) < 1e-12)
        #expect(schedule.multiplier(at: 104) >= 0)
    }

    @Test func cosineWithMoreCyclesRisesAgain() {
        let schedule = LearningRateSchedule.cosineWithWarmup(warmupSteps: 0, totalSteps: 100, cycles: 1)
        #expect(abs(schedule.multiplier(at: 50)) < 1e-12)
        #expect(abs(schedule.multiplier(at: 100) - 1) < 1e-12)
    }

    @Test func constantWarmsUpThenStays() {
        let schedule = LearningRateSchedule.constantWithWarmup(warmupSteps: 8)
        #expect(schedule.multiplier(at: 0) == 0)
        #expect(schedule.multiplier(at: 2) == 0.25)
        #expect(schedule.multiplier(at: 8) == 1)
        #expect(schedule.multiplier(at: 1000) == 1)
    }

    @Test func noWarmupStartsAtTheBaseRate() {
        #expect(LearningRateSchedule.linearWithWarmup(warmupSteps: 0, totalSteps: 10).multiplier(at: 0) == 1)
        #expect(LearningRateSchedule.cosineWithWarmup(warmupSteps: 0, totalSteps: 10).multiplier(at: 0) == 1)
        #expect(LearningRateSchedule.constantWithWarmup(warmupSteps: 0).multiplier(at: 0) == 1)
    }

    @Test func schedulesAreFoundByTheirHuggingFaceNames() throws {
        #expect(
            try LearningRateSchedule(name: "linear", warmupSteps: 1, totalSteps: 9)
                == .linearWithWarmup(warmupSteps: 1, totalSteps: 9))
        #expect(
            try LearningRateSchedule(name: "cosine", warmupSteps: 1, totalSteps: 9)
                == .cosineWithWarmup(warmupSteps: 1, totalSteps: 9, cycles: 0.5))
        #expect(
            try LearningRateSchedule(name: "constant_with_warmup", warmupSteps: 1, totalSteps: 9)
                == .constantWithWarmup(warmupSteps: 1))
        let error = try #require(throws: PretextError.self) {
            try LearningRateSchedule(name: "polynomial", warmupSteps: 1, totalSteps: 9)
        }
        #expect(error.message.contains("constant_with_warmup, cosine, linear"))
    }
}
