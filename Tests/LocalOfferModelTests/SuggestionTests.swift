@testable import LocalOfferModel
import Testing

@Suite("Did you mean")
struct SuggestionTests {
    @Test("A misspelt key gets the key it was meant to be", arguments: [
        ("eligibilty", "eligibility"), ("referall", "referral"), ("personal_budjet", "personal_budget"),
        ("Title", "title"), ("last_reveiwed", "last_reviewed"), ("catagories", "categories"), ("sumary", "summary"),
    ])
    func suggestsKey(typo: String, key: String) {
        let keys = FieldCatalogue.serviceFields.keys + FieldCatalogue.eligibility.keys
        #expect(Suggestions.closest(to: typo, among: keys) == key)
    }

    @Test("A word unlike every key gets no suggestion", arguments: ["colour", "fax", "opening_hours", "x"])
    func suggestsNothingForUnrelatedWords(word: String) {
        #expect(Suggestions.closest(to: word, among: FieldCatalogue.serviceFields.keys + FieldCatalogue.contact.keys) == nil)
    }

    @Test("Swapped neighbouring letters count as one edit")
    func countsTranspositionAsOneEdit() {
        #expect(Suggestions.editDistance("eligibilty", "eligibility") == 1)
        #expect(Suggestions.editDistance("referall", "referral") == 2)
        #expect(Suggestions.editDistance("teh", "the") == 1)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("same", "same") == 0)
    }
}
