import PretextCore

extension AdamWState {
    /// The name suffix of first-moment tensors in an optimizer checkpoint (torch's state key).
    public static let firstMomentSuffix = ".exp_avg"
    /// The name suffix of second-moment tensors in an optimizer checkpoint.
    public static let secondMomentSuffix = ".exp_avg_sq"
    /// The metadata key holding the step count.
    public static let stepKey = "step"

    /// The state as a safetensors file: tensors `NAME.exp_avg` and `NAME.exp_avg_sq` of each
    /// parameter's shape, the step count as metadata `"step"` (a decimal string; safetensors
    /// metadata holds strings only), and `"optimizer": "adamw"`.
    public var safetensors: SafetensorsFile {
        var tensors: [SafetensorsTensor] = []
        for (name, moments) in self.moments {
            tensors.append(
                SafetensorsTensor(name: name + Self.firstMomentSuffix, shape: moments.shape, values: moments.first))
            tensors.append(
                SafetensorsTensor(name: name + Self.secondMomentSuffix, shape: moments.shape, values: moments.second))
        }
        return SafetensorsFile(tensors: tensors, metadata: [Self.stepKey: String(step), "optimizer": "adamw"])
    }

    /// The state stored in `file` (see `safetensors`).
    /// - Throws: `.corrupt` naming the file when the step is missing or not a count, a tensor
    ///   name has neither suffix, or a parameter lacks one of its two moments or has them in
    ///   two shapes.
    public init(_ file: SafetensorsFile) throws {
        func refuse(_ reason: String) -> PretextError {
            PretextError(.corrupt, "not an AdamW state: \(reason)", path: file.path)
        }
        guard let text = file.metadata[Self.stepKey], let step = Int(text), step >= 0 else {
            throw refuse("its metadata needs a \"step\" count")
        }
        var first: [String: SafetensorsTensor] = [:]
        var second: [String: SafetensorsTensor] = [:]
        for tensor in file.tensors {
            if let name = Self.parameterName(tensor.name, Self.secondMomentSuffix) {
                second[name] = tensor
            } else if let name = Self.parameterName(tensor.name, Self.firstMomentSuffix) {
                first[name] = tensor
            } else {
                throw refuse("tensor '\(tensor.name)' ends in neither .exp_avg nor .exp_avg_sq")
            }
        }
        var moments: [String: AdamWMoments] = [:]
        for name in Set(first.keys).union(second.keys).sorted() {
            guard let m = first[name], let v = second[name], m.shape == v.shape else {
                throw refuse("parameter '\(name)' needs both moments, of one shape")
            }
            moments[name] = AdamWMoments(shape: m.shape, first: m.values, second: v.values)
        }
        self.init(step: step, moments: moments)
    }

    /// `name` without `suffix`, when it ends with it and something precedes it.
    private static func parameterName(_ name: String, _ suffix: String) -> String? {
        guard name.hasSuffix(suffix), name.count > suffix.count else { return nil }
        return String(name.dropLast(suffix.count))
    }
}
