import Foundation
import LocalOfferImport
import LocalOfferModel

/// Reads Open Referral feeds saved as files: ORUK 1.0 (a list of services, or the paged
/// `{content, totalElements}` shape) and 3.0 (the `/services` page with `contents`, and
/// `/services/{id}` documents), from a file or from a folder (its `*.json` files, and the layout
/// of a saved endpoint: `services/index.html` and extensionless `services/{id}` files).
///
/// A service that appears both in a list and as its own document is read once, from the fuller one.
///
/// ```swift
/// let (services, problems, read) = ORUKImport(categories: site.categories, today: today).read(["feed.json"])
/// ```
public struct ORUKImport: Sendable {
    let reader: ORUKRecordReader

    public init(categories: [LocalOfferModel.Category], today: LocalDate) {
        reader = ORUKRecordReader(categories: categories, today: today)
    }

    public func read(_ paths: [String]) -> (services: [ImportedService], problems: [ImportProblem], recordsRead: Int) {
        var problems: [ImportProblem] = []
        var records: [(record: JSONValue, place: ImportPlace)] = []
        var positionByID: [String: Int] = [:]
        for path in paths {
            for (file, explicit) in Self.files(at: path, problems: &problems) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    problems.append(.error(.importUnreadable, "the file could not be read", at: .file(file)))
                    continue
                }
                let document: JSONValue
                switch JSONValue.parse(data) {
                case .success(let parsed): document = parsed
                case .failure(let error):
                    if explicit { problems.append(.error(.importUnreadable, "the file is not JSON: \(error.message)", at: .file(file))) }
                    continue
                }
                guard let found = Self.records(in: document) else {
                    if explicit {
                        problems.append(.error(.importUnreadable, "the file is not an Open Referral list of services or a service",
                                               at: .file(file), hint: "give a /services page (ORUK 1.0 or 3.0), a list of services, or a /services/{id} document"))
                    }
                    continue
                }
                for (index, record) in found.enumerated() {
                    let place = ImportPlace.record(file: file, index: index + 1)
                    // One service, read from its fullest copy, at the place it was first seen.
                    if let id = record["id"]?.stringValue, !id.isEmpty {
                        if let position = positionByID[id] {
                            if Self.size(record) > Self.size(records[position].record) { records[position].record = record }
                            continue
                        }
                        positionByID[id] = records.count
                    }
                    records.append((record, place))
                }
            }
        }
        var services: [ImportedService] = []
        for (record, place) in records {
            let (service, found) = reader.read(record, place: place)
            problems += found
            if let service { services.append(service) }
        }
        return (services, problems, records.count)
    }

    /// The records of a document, or nil when it is not a list of services or a service.
    static func records(in document: JSONValue) -> [JSONValue]? {
        let items = document.arrayValue ?? document["content"]?.arrayValue ?? document["contents"]?.arrayValue  // 1.0, 3.0 pages
        if let items {
            // A list of organisations or taxonomy terms has names too: a list of services has services.
            return items.isEmpty || items.contains(where: isServiceLike) ? items : nil
        }
        return isServiceLike(document) ? [document] : nil
    }

    /// Keys only a service has (an organisation or a taxonomy term has a name and a description too).
    static func isServiceLike(_ record: JSONValue) -> Bool {
        ["organization", "organization_id", "status", "service_at_locations", "eligibilitys", "contacts", "schedules",
         "regular_schedules", "attributes", "service_taxonomys", "cost_options", "minimum_age"].contains { record[$0] != nil }
    }

    private static func size(_ record: JSONValue) -> Int {
        record.serialized().utf8.count
    }

    /// The files to read for a path, and whether each was named (so not being JSON is an error).
    static func files(at path: String, problems: inout [ImportProblem]) -> [(String, Bool)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problems.append(.error(.importUnreadable, "there is no file or folder here", at: .file(path)))
            return []
        }
        guard isDirectory.boolValue else { return [(path, true)] }
        let base = path.hasSuffix("/") ? path : path + "/"
        let all = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
        var files: [(String, Bool)] = []
        for relative in all {
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + relative, isDirectory: &folder), !folder.boolValue else { continue }
            let name = (relative as NSString).lastPathComponent
            // Only the services of a saved endpoint: not its organisations, taxonomies or root.
            let parts = relative.split(separator: "/")
            let inServices = parts.contains("services")
            if name.hasSuffix(".json") {
                files.append((base + relative, true))
            } else if inServices, name == "index.html" || !name.contains(".") {
                files.append((base + relative, false))
            }
        }
        if files.isEmpty {
            problems.append(.error(.importUnreadable, "the folder has no .json files and no saved /services endpoint", at: .file(path)))
        }
        return files
    }
}
