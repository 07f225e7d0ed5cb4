import LocalOfferText
import LocalOfferDiagnostics
import Yams

extension DecodingContext {
    func site(_ root: Field) -> Site? {
        let errorsBefore = diagnostics.errorCount
        guard let fields = mapping(root, of: FieldCatalogue.siteFields) else { return nil }
        let name = fields.required("name").flatMap(boundedText)
        let council = fields.required("council").flatMap(boundedText)
        let baseURL = fields.required("base_url").flatMap(self.website)
        let language = fields.required("language").flatMap { field -> String? in
            guard let raw = text(field) else { return nil }
            guard LanguageTag(raw) != nil else {
                error(.invalidLanguageTag, "'language' is '\(raw)', which is not a language tag", at: field.node,
                      hint: "use en-GB for British English")
                return nil
            }
            return raw
        }
        let feedbackEmail = fields.required("feedback_email").flatMap(self.email)
        let contact = fields.optional("contact").flatMap(self.contact)
        let categories = fields.required("categories").flatMap(self.categories)
        let accessibility = fields.optional("accessibility").flatMap(self.accessibilityDetails)
        let reportInNavigation = fields.optional("report_in_navigation").flatMap(boolean) ?? false
        let search = fields.optional("search").flatMap(self.searchSettings) ?? SearchSettings()
        guard diagnostics.errorCount == errorsBefore, let name, let council, let baseURL, let language,
              let feedbackEmail, let categories else { return nil }
        var site = Site(
            name: name, council: council, baseURL: baseURL, language: language, feedbackEmail: feedbackEmail,
            contact: contact, categories: categories, accessibility: accessibility, search: search
        )
        site.reportInNavigation = reportInNavigation
        return site
    }

    private func categories(_ field: Field) -> [Category]? {
        guard let items = list(field) else { return nil }
        var categories: [Category] = []
        for item in items {
            guard let fields = mapping(item, of: FieldCatalogue.category) else { continue }
            let idField = fields.required("id")
            let id = idField.flatMap(text)
            let title = fields.required("title").flatMap(boundedText)
            let description = fields.required("description").flatMap(boundedText)
            guard let id, let title, let description, let idField else { continue }
            guard Slug.isValid(id) else {
                error(.invalidSlug, "the category id '\(id)' is not a slug", at: idField.node,
                      hint: "use lower-case letters, digits and single hyphens, for example 'social-care'")
                continue
            }
            guard !categories.contains(where: { $0.id == id }) else {
                error(.duplicateCategory, "the category id '\(id)' is declared twice", at: idField.node)
                continue
            }
            categories.append(Category(id: id, title: title, description: description))
        }
        return categories.count == items.count ? categories : nil
    }

    /// `search: {ignore_words: [mum, dad], default_ignore_words: true}`: the words given are added to
    /// the built-in ones, unless `default_ignore_words` is false.
    private func searchSettings(_ field: Field) -> SearchSettings? {
        guard let fields = mapping(field, of: FieldCatalogue.searchSettings) else { return nil }
        let useDefaults = fields.optional("default_ignore_words").flatMap(boolean) ?? true
        let base = useDefaults ? SearchSettings.defaultIgnoreWords : []
        guard let listField = fields.optional("ignore_words") else { return SearchSettings(ignoreWords: base) }
        guard let items = list(listField) else { return nil }
        var words: [String] = []
        for item in items {
            guard let raw = boundedText(item) else { continue }
            let word = raw.lowercased()
            guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" }) else {
                error(.valueNotAllowed, "'\(item.name)' is '\(raw)', which is not one word", at: item.node,
                      hint: "list single words: letters and digits, no spaces or punctuation")
                continue
            }
            guard !words.contains(word) else {
                error(.duplicateListItem, "'\(raw)' appears more than once in '\(listField.name)'", at: item.node)
                continue
            }
            words.append(word)
        }
        guard words.count == items.count else { return nil }
        return SearchSettings(ignoreWords: base + words.filter { !base.contains($0) })
    }

    private func accessibilityDetails(_ field: Field) -> AccessibilityStatementDetails? {
        guard let fields = mapping(field, of: FieldCatalogue.accessibilityStatement) else { return nil }
        let standard = fields.required("standard").flatMap(boundedText)
        let status = fields.required("status").flatMap { choice($0, of: ComplianceStatus.self) }
        let knownIssues = fields.optional("known_issues").flatMap { issues -> [String]? in
            list(issues).map { $0.compactMap(boundedText) }
        } ?? []
        let testedOn = fields.required("tested_on").flatMap(pastDate)
        let testedBy = fields.optional("tested_by").flatMap(boundedText)
        let preparedOn = fields.required("prepared_on").flatMap(pastDate)
        let lastReviewed = fields.required("last_reviewed").flatMap(pastDate)
        let responseDays = fields.optional("response_days").flatMap(boundedInteger) ?? 10
        guard let standard, let status, let testedOn, let preparedOn, let lastReviewed else { return nil }
        return AccessibilityStatementDetails(
            standard: standard, status: status, knownIssues: knownIssues, testedOn: testedOn, testedBy: testedBy,
            preparedOn: preparedOn, lastReviewed: lastReviewed, responseDays: responseDays
        )
    }
}
