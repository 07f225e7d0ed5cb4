import LocalOfferModel
import LocalOfferText

/// The coverage table drawn as a heat map: an SVG the build writes inline into the report page, so
/// it needs no script, no image file and no request. Colours are presentation attributes (`fill`),
/// never `style`, so a strict Content-Security-Policy (`style-src 'self'`) allows it. Every cell also
/// says its number in text, and gaps are marked with a pattern and a word, not by colour alone
/// (WCAG 1.4.1); the same numbers are in the table beside it.
public enum HeatMapSVG {
    /// A sequential blue scale (ColorBrewer "Blues", 6 classes), from few services to many.
    static let scale = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]

    static let labelWidth = 190
    static let cellWidth = 150
    static let cellHeight = 64
    static let headerHeight = 58

    public static func draw(_ report: CommissioningReport, titleID: String = "heat-map-title", descriptionID: String = "heat-map-description") -> String {
        let needs = AreaOfNeed.allCases
        let width = labelWidth + cellWidth * needs.count
        let height = headerHeight + cellHeight * report.coverage.count + 34
        let highest = max(1, report.coverage.flatMap { $0 }.map(\.services).max() ?? 1)
        var svg = """
        <svg class="app-heat-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
        aria-labelledby="\(titleID) \(descriptionID)" font-family="Arial, Helvetica, sans-serif">
        <title id="\(titleID)">Services by age stage and area of need</title>
        <desc id="\(descriptionID)">A heat map: darker cells have more services. Cells marked with stripes are gaps: no service, \
        or only services that need an EHC plan. The table beside it has the same numbers.</desc>
        <defs><pattern id="heat-map-gap" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="8" height="8" fill="#ffffff"/><rect width="3" height="8" fill="#d4351c"/></pattern></defs>

        """
        for (column, need) in needs.enumerated() {
            let x = labelWidth + column * cellWidth + cellWidth / 2
            let words = wrap(need.title, width: 20)
            for (line, text) in words.enumerated() {
                svg += "<text x=\"\(x)\" y=\"\(18 + line * 17)\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#0b0c0c\">\(HTMLEscaping.escape(text))</text>\n"
            }
        }
        for (rowIndex, row) in report.coverage.enumerated() {
            guard let stage = row.first?.stage else { continue }
            let y = headerHeight + rowIndex * cellHeight
            for (line, text) in wrap(stage.title, width: 21).enumerated() {
                svg += "<text x=\"\(labelWidth - 10)\" y=\"\(y + 28 + line * 17)\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">\(HTMLEscaping.escape(text))</text>\n"
            }
            for (column, cell) in row.enumerated() {
                let x = labelWidth + column * cellWidth
                let level = cell.services == 0 ? 0 : min(scale.count - 1, 1 + (cell.services - 1) * (scale.count - 1) / highest)
                let fill = cell.gap == .noService ? "url(#heat-map-gap)" : scale[level]
                svg += "<rect x=\"\(x + 2)\" y=\"\(y + 2)\" width=\"\(cellWidth - 4)\" height=\"\(cellHeight - 4)\" fill=\"\(fill)\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
                if cell.gap == .onlyWithEHCPlan {
                    svg += "<rect x=\"\(x + 5)\" y=\"\(y + 5)\" width=\"\(cellWidth - 10)\" height=\"\(cellHeight - 10)\" fill=\"none\" stroke=\"#d4351c\" stroke-width=\"4\" stroke-dasharray=\"8 4\"/>\n"
                }
                // White on the darkest blue (7.9:1), near-black on the rest (at least 5:1).
                let ink = level >= scale.count - 1 ? "#ffffff" : "#0b0c0c"
                let centre = x + cellWidth / 2
                if cell.gap == .noService {
                    svg += "<rect x=\"\(centre - 44)\" y=\"\(y + 16)\" width=\"88\" height=\"30\" fill=\"#ffffff\"/>\n"
                    svg += "<text x=\"\(centre)\" y=\"\(y + 37)\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#0b0c0c\">No service</text>\n"
                } else {
                    svg += "<text x=\"\(centre)\" y=\"\(y + 33)\" text-anchor=\"middle\" font-size=\"20\" font-weight=\"bold\" fill=\"\(ink)\">\(cell.services)</text>\n"
                    let note = cell.gap == .onlyWithEHCPlan ? "EHC plan only" : "\(cell.withoutEHCPlan) without a plan"
                    svg += "<text x=\"\(centre)\" y=\"\(y + 51)\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\">\(note)</text>\n"
                }
            }
        }
        // A key to the scale.
        let keyY = headerHeight + cellHeight * report.coverage.count + 10
        svg += "<text x=\"\(labelWidth - 10)\" y=\"\(keyY + 15)\" text-anchor=\"end\" font-size=\"13\" fill=\"#0b0c0c\">Fewer services</text>\n"
        for (index, colour) in scale.enumerated() {
            svg += "<rect x=\"\(labelWidth + index * 40)\" y=\"\(keyY)\" width=\"40\" height=\"20\" fill=\"\(colour)\" stroke=\"#505a5f\" stroke-width=\"1\"/>\n"
        }
        svg += "<text x=\"\(labelWidth + scale.count * 40 + 10)\" y=\"\(keyY + 15)\" font-size=\"13\" fill=\"#0b0c0c\">More services (up to \(highest))</text>\n"
        svg += "</svg>"
        return svg
    }

    /// Splits a label into lines of at most `width` characters, at spaces; a part in brackets
    /// ("(5 to 10)") starts a line of its own rather than being split.
    static func wrap(_ text: String, width: Int) -> [String] {
        if let bracket = text.range(of: " ("), text.count > width {
            return wrap(String(text[..<bracket.lowerBound]), width: width) + wrap(String(text[text.index(after: bracket.lowerBound)...]), width: width)
        }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
