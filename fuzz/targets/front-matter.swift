// libFuzzer target: bytes → text → front matter → YAML → a validated entry.
//
// The first byte chooses what the rest is: a service, organisation or page file (front matter and
// body), or site.yml, glossary.yml or synonyms.yml. The entry is validated inside a small fixed site,
// so references to organisations and categories resolve as they would in a real one.
//
// Besides crashes, hangs and leaks, it checks what must always hold:
// - validating the same input twice gives the same diagnostics (no hidden state);
// - every diagnostic points into the file: line 1 up to one past its last line.
import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel

let today = LocalDate(year: 2026, month: 11, day: 23)!

let siteText = """
    name: Fuzz Local Offer
    council: London Borough of Fuzz
    base_url: https://localoffer.fuzz.example.org/
    language: en-GB
    feedback_email: localoffer@fuzz.example.org
    contact: {name: Local Offer team, phone: 020 7946 0100, email: localoffer@fuzz.example.org}
    categories:
      - {id: health, title: Health and therapies, description: Speech and language therapy and physiotherapy.}
      - {id: education, title: Education and schools, description: "Support in nurseries, schools and colleges."}
    """
let organisationText = """
    ---
    name: Kingsmere Children's Therapies
    type: nhs
    contact: {phone: 020 7946 0200, email: therapies@fuzz.example.org}
    ---
    Therapy for children.
    """

func document(_ text: String, kind: ContentKind, slug: String) -> ContentDocument? {
    try? ContentDocument.split(text, path: "content/\(kind.folder)/\(slug).md", kind: kind, slug: slug).get()
}

let baseOrganisation = document(organisationText, kind: .organisation, slug: "kingsmere-therapies")!

/// The path the fuzzed text is given, by what the selector says it is.
func fuzzedPath(_ selector: UInt8) -> String {
    switch selector % 6 {
    case 0: "content/services/fuzzed.md"
    case 1: "content/organisations/fuzzed.md"
    case 2: "content/pages/fuzzed.md"
    case 3: "content/site.yml"
    case 4: "content/glossary.yml"
    default: "content/synonyms.yml"
    }
}

func validate(_ text: String, selector: UInt8) -> [Diagnostic] {
    var site = SourceText(path: "content/site.yml", text: siteText)
    var glossary: SourceText?
    var synonyms: SourceText?
    var documents = [baseOrganisation]
    var loadProblems: [Diagnostic] = []
    switch selector % 6 {
    case 0, 1, 2:
        let kind: ContentKind = [.service, .organisation, .page][Int(selector % 6)]
        switch ContentDocument.split(text, path: "content/\(kind.folder)/fuzzed.md", kind: kind, slug: "fuzzed") {
        case .success(let document): documents.append(document)
        case .failure(let problem): loadProblems.append(problem)
        }
    case 3: site = SourceText(path: "content/site.yml", text: text)
    case 4: glossary = SourceText(path: "content/glossary.yml", text: text)
    default: synonyms = SourceText(path: "content/synonyms.yml", text: text)
    }
    let source = ContentSource(root: "content", siteFile: site, glossaryFile: glossary, synonymsFile: synonyms, documents: documents)
    return loadProblems + ContentValidator(today: today).validate(source).diagnostics
}

/// The fixed site on its own must be valid, or every input would be judged against a broken one.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let source = ContentSource(root: "content", siteFile: SourceText(path: "content/site.yml", text: siteText),
                               glossaryFile: nil, synonymsFile: nil, documents: [baseOrganisation])
    let problems = ContentValidator(today: today).validate(source).diagnostics.filter(\.isError)
    require(problems.isEmpty, "the harness's own site is invalid: \(problems)")
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let selector = data[0]
    let bytes = Data(bytes: data + 1, count: size - 1)
    let text: String
    switch TextDecoding.decode(bytes, path: "content/services/fuzzed.md") {
    case .success(let decoded): text = decoded
    case .failure(let problem):
        require(problem.code == .unreadableFile, "undecodable input reported as \(problem.code)")
        return 0
    }
    let first = validate(text, selector: selector)
    let second = validate(text, selector: selector)
    require(first == second, "validating the same text twice gave different diagnostics")
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
    for problem in first {
        guard let location = problem.location, location.path == fuzzedPath(selector) else { continue }
        require(location.line >= 1 && location.line <= lines + 2, "\(problem.code) at line \(location.line) of a \(lines)-line file")
    }
    return 0
}

/// `precondition` drops its message in optimised builds; the fuzzer's report needs it.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("fuzz check failed: \(message())\n".utf8))
        abort()
    }
}
