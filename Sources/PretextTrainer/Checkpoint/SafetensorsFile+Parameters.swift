import PretextCore

extension SafetensorsFile {
    /// The file of the parameters' current values under their names, each instance once (a
    /// tied weight is stored once, as transformers saves it).
    public init(parameters: [Parameter], metadata: [String: String] = [:]) {
        self.init(tensors: parameters.distinctInstances.map(SafetensorsTensor.init), metadata: metadata)
    }

    /// Copies each tensor into the parameter of the same name, strictly: every parameter must
    /// have a tensor of its shape and every tensor a parameter (no missing or unexpected keys).
    /// - Throws: `.notFound` naming the first parameter without a tensor; `.invalidConfiguration`
    ///   naming a tensor of another shape or one no parameter takes. Parameters are unchanged
    ///   when it throws.
    public func assign(to parameters: [Parameter]) throws {
        let parameters = parameters.distinctInstances
        var byName: [String: SafetensorsTensor] = [:]
        for tensor in tensors { byName[tensor.name] = tensor }
        var matched: [(Parameter, SafetensorsTensor)] = []
        for parameter in parameters {
            guard let tensor = byName.removeValue(forKey: parameter.name) else {
                throw PretextError(.notFound, "the file has no tensor '\(parameter.name)'", path: path)
            }
            guard tensor.shape == parameter.shape else {
                throw PretextError(
                    .invalidConfiguration,
                    "tensor '\(tensor.name)' has shape \(tensor.shape); the model's parameter has \(parameter.shape)",
                    path: path)
            }
            matched.append((parameter, tensor))
        }
        if let unexpected = byName.keys.sorted().first {
            throw PretextError(
                .invalidConfiguration, "tensor '\(unexpected)' is not a parameter of the model (\(byName.count) such)",
                path: path)
        }
        for (parameter, tensor) in matched { parameter.value = tensor.values }
    }
}
