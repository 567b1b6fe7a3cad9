import PretextCore

extension WeightInitialization {
    /// Sets the values of `parameters` (each instance once) by their rules.
    /// - Throws: `.invalidConfiguration` when a padding row lies outside its embedding (a pad
    ///   token id not below the vocabulary size).
    public func initialize(_ parameters: [Parameter]) throws {
        for parameter in parameters.distinctInstances { try initialize(parameter) }
    }

    /// Sets one parameter's values by its rule.
    /// - Throws: `.invalidConfiguration` when its padding row lies outside it.
    public func initialize(_ parameter: Parameter) throws {
        switch rule(for: parameter.name) {
        case .zeros: fill(parameter, with: 0)
        case .ones: fill(parameter, with: 1)
        case .normal(let standardDeviation, let zeroRow):
            var random = NormalRandom(seed: seed, stream: parameter.name)
            parameter.value.withUnsafeMutableBufferPointer { values in
                for i in values.indices { values[i] = Float(random.next(standardDeviation: standardDeviation)) }
            }
            if let zeroRow { try zero(row: zeroRow, of: parameter) }
        }
    }

    /// The rule for the parameter called `name` (see the type's documentation).
    public func rule(for name: String) -> InitializationRule {
        let components = name.split(separator: ".")
        let module = components.count >= 2 ? components[components.count - 2].lowercased() : ""
        let isBias = components.last == "bias"
        if module.hasSuffix("layernorm") || module.hasSuffix("layer_norm") || module.hasPrefix("ln_") {
            return isBias ? .zeros : .ones
        }
        if isBias { return .zeros }
        let deviation =
            scaledWeights.first { Self.name(name, endsWith: $0.suffix) }?.standardDeviation ?? initializerRange
        let row = paddingRows.first { Self.name(name, endsWith: $0.suffix) }?.row
        return .normal(standardDeviation: deviation, zeroRow: row)
    }

    /// Whether `name` is `suffix` or ends with `.` + `suffix`.
    private static func name(_ name: String, endsWith suffix: String) -> Bool {
        name == suffix || name.hasSuffix("." + suffix)
    }

    private func fill(_ parameter: Parameter, with value: Float) {
        parameter.value.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
    }

    /// Zeroes row `row` of a 2-D parameter `[rows, width]`.
    private func zero(row: Int, of parameter: Parameter) throws {
        let rows = parameter.shape.first ?? 0
        guard row >= 0, row < rows else {
            throw PretextError(
                .invalidConfiguration,
                "the padding row \(row) is outside '\(parameter.name)', which has \(rows) rows; "
                    + "the pad token id must be below the vocabulary size")
        }
        let width = parameter.shape.dropFirst().reduce(1, *)
        parameter.value.withUnsafeMutableBufferPointer { values in
            for i in (row * width)..<((row + 1) * width) { values[i] = 0 }
        }
    }
}
