import LocalOfferModel

/// The report as `localoffer report` prints it: aligned text for a terminal or an email, or CSV for a
/// spreadsheet (each table under its own header row, the first column naming the table).
public enum ReportText {
    public static func text(_ report: CommissioningReport) -> String {
        var out: [String] = []
        out.append("\(report.siteName): commissioning report, \(report.today.longForm)")
        out.append("\(report.serviceCount) published services.")
        out.append("")
        out.append("Coverage: services by age stage and area of need (in brackets: of those, open without an EHC plan)")
        let needs = AreaOfNeed.allCases
        var rows: [[String]] = [["Age stage"] + needs.map(\.title)]
        for row in report.coverage {
            guard let stage = row.first?.stage else { continue }
            rows.append([stage.title] + row.map { cell in
                "\(cell.services) (\(cell.withoutEHCPlan))" + (cell.gap.map { _ in " !" } ?? "")
            })
        }
        out += table(rows)
        out.append("")
        let gaps = report.gaps
        out.append("Gaps: \(gaps.isEmpty ? "none" : "\(gaps.count)") (no service, or only services that need an EHC plan)")
        for gap in gaps {
            out.append("  \(gap.stage.title), \(gap.need.title): \(gap.gap?.description.lowercased() ?? "")")
        }
        out.append("")
        out.append("Services by commissioner and level")
        var commissioners: [[String]] = [["Commissioner", "Universal", "Targeted", "Specialist", "Total"]]
        for row in report.commissioners + [report.commissionerTotals] {
            commissioners.append([row.group?.title ?? "All services", String(row.universal), String(row.targeted),
                                  String(row.specialist), String(row.total)])
        }
        out += table(commissioners)
        out.append("")
        out.append("Reviews: \(report.overdueCount) overdue, \(report.dueSoonCount) due within \(CommissioningReport.reviewWindowDays) days")
        for organisation in report.reviews {
            out.append("  \(organisation.organisation)")
            for listing in organisation.listings {
                out.append("    \(listing.title): review by \(listing.reviewBy) (\(listing.status.lowercased()))")
            }
        }
        out.append("")
        out.append("Missing information: \(report.missingCount(\.noCriteria)) without criteria, "
                   + "\(report.missingCount(\.noWaitingTime)) without a waiting time, \(report.missingCount(\.noLocation)) without a location")
        for entry in report.missingInformation {
            out.append("  \(entry.title) (\(entry.organisation)): no \(entry.missing.joined(separator: ", no "))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell; numbers right-aligned.
    static func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }

    public static func csv(_ report: CommissioningReport) -> String {
        var lines: [[String]] = []
        lines.append(["table", "age_stage", "area_of_need", "services", "services_without_ehc_plan", "gap"])
        for cell in report.coverage.flatMap({ $0 }) {
            lines.append(["coverage", cell.stage.rawValue, cell.need.rawValue, String(cell.services), String(cell.withoutEHCPlan),
                          cell.gap?.rawValue ?? ""])
        }
        lines.append([])
        lines.append(["table", "commissioner", "universal", "targeted", "specialist", "total"])
        for row in report.commissioners + [report.commissionerTotals] {
            lines.append(["commissioners", row.group?.rawValue ?? "all", String(row.universal), String(row.targeted),
                          String(row.specialist), String(row.total)])
        }
        lines.append([])
        lines.append(["table", "organisation", "service", "review_by", "days_left", "status"])
        for organisation in report.reviews {
            for listing in organisation.listings {
                lines.append(["reviews", organisation.organisation, listing.title, listing.reviewBy.description, String(listing.daysLeft),
                              listing.isOverdue ? "overdue" : "due"])
            }
        }
        lines.append([])
        lines.append(["table", "service", "organisation", "no_criteria", "no_waiting_time", "no_location"])
        for entry in report.missingInformation {
            lines.append(["missing", entry.title, entry.organisation, yes(entry.noCriteria), yes(entry.noWaitingTime), yes(entry.noLocation)])
        }
        return lines.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func yes(_ value: Bool) -> String { value ? "yes" : "no" }

    /// RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with '
    /// so that a spreadsheet never runs a title as a formula.
    static func csvField(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
