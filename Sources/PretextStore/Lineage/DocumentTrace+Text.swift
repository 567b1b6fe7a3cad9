import _PretextFileSystem

extension DocumentTrace {
    /// The trace for people: a verdict line, then per step what became of the document, its
    /// record, the columns the step set or changed, and for a drop the reason, detail and
    /// reject record; the steps after a drop are one line, "not in later steps".
    public var text: String {
        var lines = ["document \(id) in \(path)", verdict, ""]
        var index = 0
        while index < steps.count {
            let step = steps[index]
            if step.status == .absent, index > 0, steps[index - 1].status == .dropped {
                let end = steps[index...].firstIndex { $0.status != .absent } ?? steps.count
                let names = [name(of: step), name(of: steps[end - 1])]
                lines.append(pad(end - index > 1 ? names.joined(separator: " … ") : names[0]) + "not in later steps")
                index = end
                continue
            }
            lines += stepLines(step)
            index += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line saying where the document ended.
    var verdict: String {
        if let dropped = steps.last(where: { $0.status == .dropped }), let drop = dropped.drop,
            !steps.drop(while: { $0 != dropped }).contains(where: { $0.status == .kept })
        {
            return "dropped by \(name(of: dropped)) (\(drop.stage)): \(drop.reason)"
        }
        guard let last = steps.last(where: { $0.status == .kept }) else { return "not kept by any step" }
        if last == steps.last { return "kept through the last step, \(name(of: last))" }
        if let next = steps.drop(while: { $0 != last }).dropFirst().first, next.status == .untraceable {
            return "kept through \(name(of: last)), then packed into \(name(of: next))'s examples (not traced further)"
        }
        return "kept through \(name(of: last)); later steps do not hold it"
    }

    /// The lines of one step.
    private func stepLines(_ step: Step) -> [String] {
        var lines = [pad(name(of: step)) + headline(step)]
        if let record = step.record { lines.append(detail("record", place(record))) }
        if !step.added.isEmpty {
            lines += wrapped("added", step.added.map { "\($0.name) = \(show($0.value))" })
        }
        if !step.changed.isEmpty {
            lines += wrapped(
                "changed", step.changed.map { "\($0.name) \(show($0.before ?? .null)) → \(show($0.value))" })
        }
        if let drop = step.drop {
            if let text = drop.detail, !text.isEmpty { lines.append(detail("detail", text)) }
            if let reject = drop.reject {
                lines.append(detail("reject", place(reject)))
            } else if let input = drop.input {
                lines.append(detail("input", input + (drop.inputOffset.map { ", byte \($0)" } ?? "")))
            }
        }
        return lines
    }

    /// What became of the document, in a few words.
    private func headline(_ step: Step) -> String {
        switch step.status {
        case .kept:
            kept(step.text) + (step.drop.map { "; another record with this id dropped: \($0.reason)" } ?? "")
        case .dropped: "dropped: \(step.drop?.reason ?? "")"
        case .absent: "not in this step"
        case .untraceable: "examples without a row per document: not traced further"
        }
    }

    /// A kept document's headline.
    private func kept(_ text: TextState?) -> String {
        switch text {
        case .first?, nil: "kept"
        case .unchanged?: "kept, text unchanged"
        case .changed?: "kept, text changed"
        case .record?: "kept, as a token record"
        }
    }

    /// The step's folder name (`04-quality`).
    private func name(of step: Step) -> String { FileSystem.lastComponent(of: step.dataset) }

    /// `label` padded to the width of the longest step name.
    private func pad(_ label: String) -> String {
        let width = (steps.map { name(of: $0).count }.max() ?? 0) + 2
        return label + String(repeating: " ", count: max(2, width - label.count))
    }

    /// An indented `label value` line under a step.
    private func detail(_ label: String, _ value: String) -> String {
        "    " + label + String(repeating: " ", count: max(1, 9 - label.count)) + value
    }

    /// `items` after `label`, comma-separated, on as many indented lines of at most 100
    /// characters as they need.
    private func wrapped(_ label: String, _ items: [String]) -> [String] {
        var lines = [detail(label, "")]
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? "," : "")
            if lines[lines.count - 1].count + piece.count > 100, !lines[lines.count - 1].hasSuffix(" ") {
                lines.append(detail("", ""))
            }
            lines[lines.count - 1] += (lines[lines.count - 1].hasSuffix(" ") ? "" : " ") + piece
        }
        return lines
    }

    /// A record's place for people.
    private func place(_ place: Place) -> String {
        "\(place.shard), frame \(place.frame), offset \(place.offset), length \(place.length)"
    }

    /// A value on one line: tabs and newlines shown as `\t`, `\n`, empty text as `""`; a real
    /// number with at most four decimals (`--json` has every digit).
    private func show(_ value: Value) -> String {
        if value == .text("") { return "\"\"" }
        guard case .real(let number) = value, number.isFinite else {
            return value.description.replacingAll("\t", with: "\\t").replacingAll("\n", with: "\\n")
        }
        if number < 0 { return "-" + show(.real(-number)) }
        var digits = DatasetSummary.fixed(number, 4)
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.hasSuffix(".") ? String(digits.dropLast()) : digits
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        return reduce(into: "") { $0 += $1 == target ? replacement : String($1) }
    }
}
