import PretextCore

extension AdamW {
    /// The step count and every parameter's moments, by name: what a checkpoint stores so that
    /// a resumed run continues exactly.
    public var state: AdamWState {
        var byName: [String: AdamWMoments] = [:]
        for (parameter, moments) in zip(parameters, moments) { byName[parameter.name] = moments }
        return AdamWState(step: step, moments: byName)
    }

    /// Continues from a saved state: its step count and moments replace the current ones.
    /// - Throws: `.invalidConfiguration` naming the parameter when the state lacks one of
    ///   `parameters`, holds moments for a parameter this optimizer does not have, or holds
    ///   moments of another shape or size; nothing changes then.
    public mutating func restore(_ state: AdamWState) throws {
        guard state.step >= 0 else { throw Self.mismatch("its step count \(state.step) is negative") }
        var restored: [AdamWMoments] = []
        restored.reserveCapacity(parameters.count)
        for parameter in parameters {
            guard let moments = state.moments[parameter.name] else {
                throw Self.mismatch("it has no moments for parameter '\(parameter.name)'")
            }
            try Self.check(moments, fit: parameter)
            restored.append(moments)
        }
        let known = Set(parameters.map(\.name))
        if let unknown = state.moments.keys.sorted().first(where: { !known.contains($0) }) {
            throw Self.mismatch("it has moments for '\(unknown)', which this model does not have")
        }
        self.moments = restored
        self.step = state.step
    }

    /// Throws unless `moments` have the parameter's shape and both hold that many values.
    private static func check(_ moments: AdamWMoments, fit parameter: Parameter) throws {
        guard moments.shape == parameter.shape, moments.first.count == parameter.count,
            moments.second.count == parameter.count
        else {
            throw mismatch(
                "the moments of '\(parameter.name)' have shape \(moments.shape) "
                    + "(\(moments.first.count) and \(moments.second.count) values); the parameter has \(parameter.shape)"
            )
        }
    }

    private static func mismatch(_ reason: String) -> PretextError {
        PretextError(.invalidConfiguration, "cannot restore the AdamW state: \(reason)")
    }
}
