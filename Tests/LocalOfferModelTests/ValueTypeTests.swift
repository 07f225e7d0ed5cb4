import LocalOfferText
import LocalOfferModel
import Testing

@Suite("PhoneNumber")
struct PhoneNumberTests {
    @Test("UK numbers in the forms editors write are accepted and normalised to E.164", arguments: [
        ("020 7946 0123", "+442079460123"),
        ("02079460123", "+442079460123"),
        ("(020) 7946-0123", "+442079460123"),
        ("+44 20 7946 0123", "+442079460123"),
        ("+44 (0)20 7946 0123", "+442079460123"),
        ("44 20 7946 0123", "+442079460123"),
        ("0800 123 4567", "+448001234567"),
        ("0800 123 456", "+44800123456"),
        ("07700 900000", "+447700900000"),
        ("0113 496 0000", "+441134960000"),
        ("0300 123 4567", "+443001234567"),
    ])
    func acceptsUKNumbers(written: String, e164: String) throws {
        let number = try #require(PhoneNumber(written))
        #expect(number.e164 == e164)
        #expect(number.display == written)
    }

    @Test("A Relay UK textphone number keeps its 18001 prefix before the national number")
    func keepsRelayPrefix() throws {
        let number = try #require(PhoneNumber("18001 020 7946 0123"))
        #expect(number.e164 == "1800102079460123")
    }

    @Test("Numbers that are not UK numbers are refused", arguments: [
        "", "020 7946 012", "020 7946 01234", "+1 202 555 0100", "040 7946 0123", "060 7946 0123",
        "020 7946 CALL", "020+7946 0123", "++44 20 7946 0123", "0900 123 456", "18001 7946", "020.7946.0123",
        "+18001 44 20 7946 0123",
    ])
    func refusesOtherNumbers(written: String) {
        #expect(PhoneNumber(written) == nil)
    }
}

@Suite("Postcode")
struct PostcodeTests {
    @Test("Postcodes are upper-cased with one space before the inward code", arguments: [
        ("n228hq", "N22 8HQ"), ("N22 8HQ", "N22 8HQ"), ("sw1a 1aa", "SW1A 1AA"), ("W1A0AX", "W1A 0AX"),
        ("M1 1AE", "M1 1AE"), ("B33 8TH", "B33 8TH"), ("CR2 6XH", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"),
        ("km2  3cd", "KM2 3CD"),
    ])
    func normalises(written: String, normalised: String) throws {
        #expect(try #require(Postcode(written)).value == normalised)
    }

    @Test("Text that is not shaped like a UK postcode is refused", arguments: [
        "", "KM2 3C", "12345", "N22 8H1", "N22 88Q", "1N2 8HQ", "ABC1 2DE", "N2 2 8HQ!", "N22-8HQ",
    ])
    func refuses(written: String) {
        #expect(Postcode(written) == nil)
    }
}

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test("Ordinary addresses are accepted", arguments: [
        "therapies@kingsmere.example.org", "o'brien+referrals@kingsmere-health.example.org", "a@b.co", "first.last@nhs.net",
    ])
    func accepts(address: String) {
        #expect(EmailAddress(address)?.value == address)
    }

    @Test("Malformed addresses are refused", arguments: [
        "", "therapies.kingsmere.example.org", "therapies@kingsmere", "therapy team@kingsmere.example.org",
        "a@@b.org", "@kingsmere.example.org", "therapies@", ".a@b.org", "a.@b.org", "a..b@c.org",
        "a@-b.org", "a@b-.org", "a@b..org", "a@b.c", "a@b.c0m", "a@b.org.",
    ])
    func refuses(address: String) {
        #expect(EmailAddress(address) == nil)
    }
}

@Suite("WebAddress")
struct WebAddressTests {
    @Test("https addresses are accepted as secure")
    func acceptsHTTPS() throws {
        let address = try WebAddress.parse("https://www.kingsmere.example.org/therapies/").get()
        #expect(address.isSecure)
        #expect(address.readable == "kingsmere.example.org/therapies")
        #expect(try WebAddress.parse("HTTPS://Kingsmere.example.org").get().isSecure)
    }

    @Test("http addresses are accepted but not secure (the validator warns)")
    func acceptsHTTPAsInsecure() throws {
        #expect(try WebAddress.parse("http://kingsmere.example.org").get().isSecure == false)
    }

    @Test("Other schemes are refused by name", arguments: [
        ("javascript:alert(1)", "javascript"), ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("ftp://files.kingsmere.example.org/a.pdf", "ftp"), ("mailto:a@b.org", "mailto"), ("FILE:///etc/passwd", "file"),
    ])
    func refusesOtherSchemes(text: String, scheme: String) {
        #expect(WebAddress.parse(text) == .failure(.schemeNotAllowed(scheme)))
    }

    @Test("Addresses that are not absolute are refused", arguments: [
        "/therapies", "therapies.html", "kingsmere.example.org/therapies", "https://intranet/therapies",
        "https:/kingsmere.example.org", "https://kingsmere.example.org/a b", "https://", "://kingsmere.example.org",
    ])
    func refusesRelative(text: String) {
        #expect(WebAddress.parse(text) == .failure(.notAbsolute))
    }
}

@Suite("LocalDate")
struct LocalDateTests {
    @Test("Real YYYY-MM-DD dates are accepted, including 29 February of leap years", arguments: [
        "2026-09-14", "2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30", "0001-01-01",
    ])
    func acceptsRealDates(text: String) throws {
        #expect(try #require(LocalDate(iso: text)).description == text)
    }

    @Test("Days that do not exist, and other shapes, are refused", arguments: [
        "2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-9-14", "26-09-14", "14/09/2026", "2026-09-14T10:00", "2026-09-1a", "", "+202-09-14",
    ])
    func refusesImpossibleDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("Adding months keeps the day, clamped to the end of shorter months", arguments: [
        ("2026-09-14", 12, "2027-09-14"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-08-31", 1, "2026-09-30"),
        ("2026-01-15", -1, "2025-12-15"),
    ])
    func addsMonths(start: String, months: Int, end: String) throws {
        #expect(try #require(LocalDate(iso: start)).adding(months: months).description == end)
    }

    @Test("Dates compare in calendar order and print in the GOV.UK style")
    func comparesAndPrints() throws {
        let earlier = try #require(LocalDate(iso: "2026-09-30"))
        let later = try #require(LocalDate(iso: "2026-10-01"))
        #expect(earlier < later)
        #expect(earlier.longForm == "30 September 2026")
    }
}

@Suite("TimeOfDay")
struct TimeOfDayTests {
    @Test("HH:MM times on the 24-hour clock are accepted", arguments: [
        ("00:00", "midnight"), ("24:00", "midnight"), ("09:00", "9am"), ("09:30", "9:30am"), ("12:00", "midday"), ("17:30", "5:30pm"), ("23:59", "11:59pm"),
    ])
    func accepts(text: String, spoken: String) throws {
        let time = try #require(TimeOfDay(text))
        #expect(time.description == text)
        #expect(time.spoken == spoken)
    }

    @Test("Other ways of writing times are refused", arguments: [
        "9:00", "24:01", "25:00", "12:60", "9am", "0900", "09.00", "09:00:00", "", "-1:00", "+9:00",
    ])
    func refuses(text: String) {
        #expect(TimeOfDay(text) == nil)
    }
}

@Suite("LanguageTag")
struct LanguageTagTests {
    @Test("BCP 47 tags are accepted", arguments: ["en", "en-GB", "bfi", "pt-BR", "zh-Hant-HK", "yue", "sgn-GB"])
    func accepts(text: String) {
        #expect(LanguageTag(text)?.value == text)
    }

    @Test("British Sign Language and common community languages have English names")
    func namesLanguages() {
        #expect(LanguageTag("bfi")?.englishName == "British Sign Language")
        #expect(LanguageTag("pt-BR")?.englishName == "Portuguese")
        #expect(LanguageTag("tr")?.englishName == "Turkish")
    }

    @Test("Names and malformed tags are refused", arguments: ["english", "e", "en_GB", "en-", "-en", "en-G", "British Sign Language", "en-abcdefghi", ""])
    func refuses(text: String) {
        #expect(LanguageTag(text) == nil)
    }
}

@Suite("Slug")
struct SlugTests {
    @Test("Lower-case letters, digits and single hyphens are slugs", arguments: ["portage", "speech-and-language-therapy", "camhs-16-25", "a1"])
    func accepts(text: String) {
        #expect(Slug.isValid(text))
    }

    @Test("Anything else is not a slug", arguments: [
        "", "Speech-Therapy", "speech_therapy", "speech--therapy", "-portage", "portage-", "speech therapy", "café", "../etc",
    ])
    func refuses(text: String) {
        #expect(!Slug.isValid(text))
    }

    @Test("A slug is made from any title", arguments: [
        ("Speech & Language!", "speech-language"), ("Children's Therapy Service", "childrens-therapy-service"),
        ("Café  Résumé", "cafe-resume"), ("speech_therapy", "speech-therapy"),
    ])
    func makesSlugs(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
        #expect(Slug.isValid(slug))
    }
}
