/// The stable identifier of each kind of problem. Codes never change meaning once published:
/// editors search for them and CI filters on them. `docs/diagnostics.md` lists them all
/// (a test keeps that table and this catalogue in step).
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Files and syntax
    case unreadableFile = "LO001"
    case missingFrontMatter = "LO002"
    case yamlSyntax = "LO003"
    case duplicateKey = "LO004"
    case missingFile = "LO005"

    // Fields
    case unknownKey = "LO101"
    case missingKey = "LO102"
    case wrongType = "LO103"
    case valueNotAllowed = "LO104"
    case textLength = "LO105"
    case numberOutOfRange = "LO106"
    case invalidDate = "LO107"
    case dateInFuture = "LO108"
    case reviewOverdue = "LO109"
    case criteriaRequired = "LO110"
    case markdownInPlainText = "LO111"
    case emptyList = "LO112"
    case ageRangeInverted = "LO113"
    case duplicateListItem = "LO114"
    case draftMissingField = "LO115"
    case overlappingCommissioners = "LO116"

    // Contacts, places and times
    case noContactMethod = "LO201"
    case invalidPhone = "LO202"
    case invalidEmail = "LO203"
    case unsafeWebsite = "LO204"
    case insecureWebsite = "LO205"
    case invalidPostcode = "LO206"
    case invalidTime = "LO207"
    case closesBeforeOpens = "LO208"
    case invalidLanguageTag = "LO209"
    case invalidAmount = "LO210"

    // Across entries
    case invalidSlug = "LO301"
    case duplicateSlug = "LO302"
    case duplicateTitle = "LO303"
    case unknownOrganisation = "LO304"
    case unknownCategory = "LO305"
    case organisationWithoutServices = "LO306"
    case emptyBody = "LO307"
    case duplicateGlossaryTerm = "LO308"
    case duplicateCategory = "LO309"

    // Markdown
    case brokenLink = "LO401"
    case rawHTMLOmitted = "LO402"

    // Templates and output
    case templateSyntax = "LO501"
    case missingTemplate = "LO502"
    case outputFailure = "LO601"

    // Importing from Open Referral feeds and spreadsheets
    case importUnreadable = "LO701"
    case importRecordUnusable = "LO702"
    case importInvalidValue = "LO703"
    case importUnknownColumn = "LO704"
    case importWouldOverwrite = "LO705"
    case importValueDropped = "LO706"
    case importEntryInvalid = "LO707"

    // The editor's loop
    case placeholder = "LO801"
    case reviewDueSoon = "LO802"

    /// One line for the documentation table.
    public var summary: String {
        switch self {
        case .unreadableFile: "A file could not be read, or is not UTF-8 text."
        case .missingFrontMatter: "A Markdown file does not start with front matter between `---` lines."
        case .yamlSyntax: "The YAML is not well formed."
        case .duplicateKey: "The same key appears twice in one mapping."
        case .missingFile: "A required file (such as `site.yml`) or folder is missing."
        case .unknownKey: "A key the schema does not know (often a typo; a suggestion is given)."
        case .missingKey: "A required key is missing."
        case .wrongType: "A value has the wrong shape: text, number, list or mapping."
        case .valueNotAllowed: "A value is not one of the allowed words."
        case .textLength: "Text is shorter or longer than allowed."
        case .numberOutOfRange: "A number is outside the allowed range."
        case .invalidDate: "A date is not a real `YYYY-MM-DD` date."
        case .dateInFuture: "A date that must be in the past is in the future."
        case .reviewOverdue: "Warning: the entry's review date has passed."
        case .criteriaRequired: "Specialist services and those needing an EHC plan must state their criteria."
        case .markdownInPlainText: "A plain-text field (such as `summary`) contains Markdown or HTML."
        case .emptyList: "A list that must have at least one item is empty."
        case .ageRangeInverted: "`age.min` is greater than `age.max`."
        case .duplicateListItem: "The same value appears twice in a list."
        case .overlappingCommissioners: "Warning: `commissioned_by` lists `joint` with `council` or `nhs`; `joint` already means both."
        case .noContactMethod: "A contact has none of `phone`, `email` or `website`."
        case .invalidPhone: "A phone number is not a valid UK number."
        case .invalidEmail: "An email address is not valid."
        case .unsafeWebsite: "A web address is not an absolute `https://` URL (other schemes are refused)."
        case .insecureWebsite: "Warning: a web address uses `http://`; use `https://`."
        case .invalidPostcode: "A postcode is not a valid UK postcode."
        case .invalidTime: "A time is not `HH:MM` on the 24-hour clock."
        case .closesBeforeOpens: "A schedule closes at or before it opens."
        case .invalidLanguageTag: "A language is not a BCP 47 tag such as `en`, `tr` or `bfi`."
        case .invalidAmount: "A cost amount is negative or has more than two decimal places."
        case .invalidSlug: "A file name is not a slug: lower-case letters, digits and single hyphens."
        case .duplicateSlug: "Two entries have the same slug."
        case .duplicateTitle: "Two entries have the same title."
        case .unknownOrganisation: "A service names an organisation that has no file."
        case .unknownCategory: "A category id is not declared in `site.yml`."
        case .organisationWithoutServices: "Warning: an organisation has no published services."
        case .emptyBody: "A service has no description below its front matter."
        case .duplicateGlossaryTerm: "Two glossary entries have the same term (ignoring case)."
        case .duplicateCategory: "Two categories in `site.yml` have the same id."
        case .brokenLink: "A link points to a content file that does not exist."
        case .rawHTMLOmitted: "Warning: raw HTML in Markdown is never published; it was left out."
        case .templateSyntax: "A template has a Mustache syntax error."
        case .missingTemplate: "A template the build needs was not found in any templates folder."
        case .outputFailure: "The site could not be written or published."
        case .draftMissingField: "Warning: a draft lacks a field a published entry needs (drafts are checked, never published)."
        case .importUnreadable: "An import file could not be read: not JSON or CSV, or not a shape localoffer knows."
        case .importRecordUnusable: "A record cannot be imported at all, for example a service with no name."
        case .importInvalidValue: "A spreadsheet cell holds a value the schema does not allow."
        case .importUnknownColumn: "Warning: a spreadsheet column is not one localoffer knows; it is ignored."
        case .importWouldOverwrite: "An imported entry would replace an existing file; give --force to replace it."
        case .importValueDropped: "Warning: a value in a feed is not valid, so the entry leaves it out."
        case .importEntryInvalid: "An imported entry would not pass `localoffer check`, so nothing is written."
        case .placeholder: "Placeholder text (`TODO`, `TBC`, `TBD`, `FIXME`, `XXX`, lorem ipsum, or a `localoffer new` instruction) is left in a field or a body."
        case .reviewDueSoon: "Warning: the entry's review falls due within 30 days."
        }
    }
}
