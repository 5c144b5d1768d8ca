/// The charts of the reports, drawn as inline SVG by our own code: bars, stacked columns, a
/// group's distribution with thresholds and points, a histogram and a timeline. Every chart is
/// 680 user units wide (the text width of an A4 page) and scales down with its container.
enum Charts {
    static let width = 680.0

    /// One horizontal bar: its label, its length, the text written after it, and an optional
    /// reference mark (a baseline) on the same scale.
    struct Bar {
        var label: String
        var value: Double
        var text: String
        var mark: Double? = nil
        var color: String = Palette.primary
    }

    /// Horizontal bars, one per row, on a common scale from 0 (negative values drawn as 0).
    /// O(rows).
    static func bars(_ title: String, _ rows: [Bar], markLabel: String? = nil) -> String {
        let rowHeight = 18.0, labelWidth = 230.0, textWidth = 175.0
        let height = Double(rows.count) * rowHeight + (markLabel == nil ? 8 : 26)
        var canvas = SVGCanvas(width: width, height: height, title: title)
        let maximum = max(rows.map { max($0.value, $0.mark ?? 0) }.max() ?? 0, 1e-9)
        let span = width - labelWidth - textWidth
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 4
            canvas.text(shortened(row.label, 38), x: labelWidth - 6, y: y + 12, anchor: .end)
            canvas.rect(x: labelWidth, y: y + 2, width: span * max(row.value, 0) / maximum, height: rowHeight - 6, fill: row.color,
                        tip: "\(row.label): \(row.text)")
            canvas.text(row.text, x: labelWidth + span * max(row.value, 0) / maximum + 4, y: y + 12)
            if let mark = row.mark {
                let x = labelWidth + span * mark / maximum
                canvas.line(x1: x, y1: y, x2: x, y2: y + rowHeight - 2, stroke: Palette.alert, width: 2)
            }
        }
        if let markLabel {
            let y = height - 8
            canvas.line(x1: labelWidth, y1: y - 4, x2: labelWidth + 14, y2: y - 4, stroke: Palette.alert, width: 2)
            canvas.text(markLabel, x: labelWidth + 20, y: y, size: 10)
        }
        return canvas.svg
    }

    /// Stacked columns: one column per category, one colour per series, with a legend; the
    /// `format` writes a column's total above it. O(categories x series).
    static func stackedColumns(_ title: String, categories: [String], series: [(name: String, values: [Double])],
                               format: (Double) -> String) -> String {
        let height = 260.0, top = 24.0, bottom = 40.0, left = 10.0
        var canvas = SVGCanvas(width: width, height: height, title: title)
        let totals = categories.indices.map { index in series.reduce(0) { $0 + max($1.values.indices.contains(index) ? $1.values[index] : 0, 0) } }
        let maximum = max(totals.max() ?? 0, 1e-9)
        let slot = (width - left) / Double(max(categories.count, 1))
        let columnWidth = min(slot * 0.7, 60)
        let plot = height - top - bottom
        for (index, category) in categories.enumerated() {
            let x = left + slot * Double(index) + (slot - columnWidth) / 2
            var y = height - bottom
            for (seriesIndex, serie) in series.enumerated() {
                let value = serie.values.indices.contains(index) ? max(serie.values[index], 0) : 0
                let h = plot * value / maximum
                y -= h
                canvas.rect(x: x, y: y, width: columnWidth, height: h, fill: Palette.series[seriesIndex % Palette.series.count],
                            tip: "\(category), \(serie.name): \(format(value))")
            }
            canvas.text(format(totals[index]), x: x + columnWidth / 2, y: y - 4, anchor: .middle, size: 9)
            canvas.text(category, x: x + columnWidth / 2, y: height - bottom + 14, anchor: .middle, size: 10)
        }
        var legendX = left
        for (seriesIndex, serie) in series.enumerated() {
            canvas.rect(x: legendX, y: height - 16, width: 10, height: 10, fill: Palette.series[seriesIndex % Palette.series.count])
            canvas.text(serie.name, x: legendX + 14, y: height - 7, size: 10)
            legendX += 24 + Double(serie.name.count) * 6
        }
        return canvas.svg
    }

    /// The scale of a distribution: from its smallest to its largest value, a little margin.
    struct Scale {
        let minimum: Double
        let maximum: Double
        static let left = 20.0, right = 20.0

        init(_ values: [Double]) {
            let low = values.min() ?? 0, high = values.max() ?? 1
            let margin = max((high - low) * 0.05, 0.5)
            minimum = low - margin
            maximum = high + margin
        }

        func x(_ value: Double) -> Double {
            Scale.left + (Charts.width - Scale.left - Scale.right) * (value - minimum) / max(maximum - minimum, 1e-9)
        }
    }

    /// The grey dots of a group's values, drawn once per group and indicator and shared by the
    /// pages of its hospitals. O(values).
    static func distribution(_ values: [Double], scale: Scale) -> String {
        var canvas = SVGCanvas(width: width, height: 0, title: "")
        for (index, value) in values.enumerated() {
            // A deterministic spread so that equal values stay visible.
            let y = 34 + Double((index * 7919) % 29)
            canvas.circle(x: scale.x(value), y: y, radius: 2.2, fill: Palette.muted)
        }
        return canvas.body
    }

    /// A group's distribution (`background`, from ``distribution(_:scale:)``) with vertical
    /// threshold lines and labelled points (a hospital this year and last). O(lines + points).
    static func strip(_ title: String, background: String, scale: Scale, lines: [(label: String, value: Double, color: String)],
                      points: [(label: String, value: Double, color: String)]) -> String {
        var canvas = SVGCanvas(width: width, height: 116, title: title)
        canvas.line(x1: Scale.left, y1: 70, x2: width - Scale.right, y2: 70, stroke: Palette.grid)
        canvas.raw(background)
        for (index, line) in lines.enumerated() {
            // Labels on their own rows above the plot, so two thresholds close together stay legible.
            let x = scale.x(line.value), y = 10 + Double(index) * 11
            canvas.line(x1: x, y1: y + 2, x2: x, y2: 72, stroke: line.color, width: 1.5, dashed: index > 0)
            canvas.text(line.label, x: x + (x > width / 2 ? -3 : 3), y: y, anchor: x > width / 2 ? .end : .start, size: 9, fill: line.color)
        }
        for (index, point) in points.enumerated() {
            let x = scale.x(point.value)
            canvas.circle(x: x, y: 48, radius: index == 0 ? 6 : 4.5, fill: index == 0 ? point.color : "white", stroke: point.color,
                          tip: point.label)
            canvas.text(point.label, x: x, y: 90 + Double(index) * 12, anchor: x < 80 ? .start : x > width - 80 ? .end : .middle, size: 9,
                        bold: index == 0, fill: point.color)
        }
        canvas.text(decimalText(scale.minimum), x: Scale.left, y: 82, size: 8, fill: "#777")
        canvas.text(decimalText(scale.maximum), x: width - Scale.right, y: 82, anchor: .end, size: 8, fill: "#777")
        return canvas.svg
    }

    /// A histogram of `values` in `bins` equal bins between their extremes, with optional marks.
    /// O(values + bins).
    static func histogram(_ title: String, values: [Double], bins: Int, axis: (Double) -> String,
                          marks: [(label: String, value: Double)] = []) -> String {
        let height = 200.0, top = 16.0, bottom = 34.0, left = 30.0, right = 10.0
        var canvas = SVGCanvas(width: width, height: height, title: title)
        let low = values.min() ?? 0, high = values.max() ?? 1
        let span = max(high - low, 1e-9)
        let count = max(bins, 1)
        var counts = [Int](repeating: 0, count: count)
        for value in values {
            let index = min(Int(((value - low) / span * Double(count)).rounded(.down)), count - 1)  // trap-free: a finite ratio in 0...count
            counts[max(index, 0)] += 1
        }
        let tallest = Double(max(counts.max() ?? 0, 1))
        let plot = height - top - bottom
        let slot = (width - left - right) / Double(count)
        for (index, n) in counts.enumerated() {
            let h = plot * Double(n) / tallest
            canvas.rect(x: left + slot * Double(index) + 1, y: height - bottom - h, width: slot - 2, height: h, fill: Palette.secondary,
                        tip: "\(axis(low + span * Double(index) / Double(count))) – \(axis(low + span * Double(index + 1) / Double(count))): \(n)")
        }
        canvas.line(x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: "#555")
        canvas.text(axis(low), x: left, y: height - bottom + 14, size: 9)
        canvas.text(axis(high), x: width - right, y: height - bottom + 14, anchor: .end, size: 9)
        canvas.text("\(Int(tallest))", x: left - 4, y: top + 8, anchor: .end, size: 9)  // trap-free: a count of values
        for mark in marks {
            let x = left + (width - left - right) * (mark.value - low) / span
            canvas.line(x1: x, y1: top, x2: x, y2: height - bottom, stroke: Palette.alert, width: 1.5, dashed: true)
            canvas.text(mark.label, x: x + 3, y: top + 8, size: 9, fill: Palette.alert)
        }
        return canvas.svg
    }

    /// One year of a minimum-threshold history.
    enum YearState { case met, below, noThreshold, missing }

    /// Years as boxes (met, below, no threshold) and dated steps on a line below. O(years + steps).
    static func timeline(_ title: String, years: [(year: Int, state: YearState, label: String)],
                         steps: [(date: String, label: String)]) -> String {
        let height = steps.isEmpty ? 60.0 : 130.0
        var canvas = SVGCanvas(width: width, height: height, title: title)
        let box = min(140.0, (width - 20) / Double(max(years.count, 1)))
        for (index, year) in years.enumerated() {
            let x = 10 + Double(index) * box
            let fill: String
            switch year.state {
            case .met: fill = "#5b8c3a"
            case .below: fill = Palette.alert
            case .noThreshold: fill = Palette.muted
            case .missing: fill = "#999"
            }
            canvas.rect(x: x + 2, y: 8, width: box - 4, height: 40, fill: fill, tip: "\(year.year): \(year.label)")
            canvas.text(String(year.year), x: x + box / 2, y: 24, anchor: .middle, size: 11, bold: true, fill: "white")
            canvas.text(shortened(year.label, 22), x: x + box / 2, y: 40, anchor: .middle, size: 9, fill: "white")
        }
        if !steps.isEmpty {
            canvas.line(x1: 10, y1: 80, x2: width - 10, y2: 80, stroke: "#555")
            let slot = (width - 20) / Double(steps.count)
            for (index, step) in steps.enumerated() {
                let x = 10 + slot * (Double(index) + 0.5)
                canvas.circle(x: x, y: 80, radius: 4, fill: Palette.accent)
                canvas.text(step.date, x: x, y: 98, anchor: .middle, size: 10, bold: true)
                canvas.text(shortened(step.label, 26), x: x, y: 112, anchor: .middle, size: 9)
            }
        }
        return canvas.svg
    }

    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A decimal with at most one decimal, a comma (the reports are in French).
    static func decimalText(_ value: Double) -> String { number(value).replacingOccurrences(".", ",") }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
