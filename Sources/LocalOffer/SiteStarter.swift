import Foundation
import LocalOfferDiagnostics
import LocalOfferModel

/// `localoffer init DIR`: a new site that builds at once, with no errors and no warnings: `site.yml`,
/// one organisation, one of its services, one information page, a small glossary and synonyms,
/// every field explained in a comment. The theme is built in, so no `templates/` is written.
///
/// The values are examples an editor replaces (`example.org` addresses, Ofcom's drama numbers);
/// none is a placeholder, so the new site checks clean. Dates are today, so no review falls due
/// for a year.
///
/// ```swift
/// let created = try SiteStarter(today: .today()!).create(in: "my-site").get()
/// ```
public struct SiteStarter: Sendable {
    public let today: LocalDate

    public init(today: LocalDate) {
        self.today = today
    }

    /// The files of the new site, by path relative to its folder.
    public var files: [(path: String, text: String)] {
        [
            ("content/site.yml", siteFile),
            ("content/glossary.yml", Self.glossaryFile),
            ("content/synonyms.yml", Self.synonymsFile),
            ("content/organisations/example-send-team.md", Self.organisationFile),
            ("content/services/send-advice-line.md", serviceFile),
            ("content/pages/ehc-needs-assessment.md", pageFile),
            (".gitignore", "# The built site: made again by every `localoffer build`.\npublic/\n"),
        ]
    }

    /// Writes the site into `folder`, which must be empty (hidden files such as `.git` aside) or
    /// missing. Returns the paths written; nothing is written when the folder is not empty.
    public func create(in folder: String) -> Result<[String], Diagnostic> {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .failure(.error(.outputFailure, "'\(folder)' is a file, not a folder", at: nil))
            }
            let visible = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            guard visible.isEmpty else {
                return .failure(.error(
                    .outputFailure, "'\(folder)' is not empty, so no new site was started in it", at: nil,
                    hint: "name a new or empty folder: localoffer init my-local-offer"
                ))
            }
        }
        var written: [String] = []
        for (relative, text) in files {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + relative
            do {
                try fileManager.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
                )
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                return .failure(.error(.outputFailure, "could not write \(path): \(error.localizedDescription)", at: nil))
            }
            written.append(path)
        }
        return .success(written)
    }

    // MARK: What the comments say about fields, from the field catalogue

    static func characters(_ path: String, in mapping: CatalogueMapping) -> String {
        let length = mapping.length(at: path)
        return "\(length.lowerBound) to \(length.upperBound) characters"
    }

    static func numbers(_ path: String, in mapping: CatalogueMapping) -> String {
        let range = mapping.range(at: path)
        return "\(range.lowerBound) to \(range.upperBound)"
    }

    static func words<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> String where Value.RawValue == String {
        Value.allCases.map(\.rawValue).joined(separator: " | ")
    }

    // MARK: The files

    var siteFile: String {
        """
        # The site: its name, the council, where it is published and how families reach the Local Offer
        # team. Change every value to your own; docs/content-format.md describes each field.

        # The site's name, at the top of every page (\(Self.characters("name", in: FieldCatalogue.siteFields))).
        name: Example Local Offer
        # The council that publishes it, as it reads after "in" and "by" (\(Self.characters("council", in: FieldCatalogue.siteFields))).
        council: London Borough of Example
        # Where the site will be published (https:// only): the address in the sitemap and in shared links.
        base_url: https://localoffer.example.org/
        # The language of the pages, as a BCP 47 tag.
        language: en-GB
        # Where "Report a problem with this page" sends its e-mail.
        feedback_email: localoffer@example.org
        # Optional: how families reach the Local Offer team (at least one of phone, email and website).
        contact:
          name: Local Offer team
          phone: 020 7946 0100
          email: localoffer@example.org
        # The topics services are filed under; each gets a page. A service names ids in its categories.
        # id: lower-case letters, digits and hyphens. title: \(Self.characters("categories.title", in: FieldCatalogue.siteFields)).
        # description: \(Self.characters("categories.description", in: FieldCatalogue.siteFields)).
        categories:
          - id: education
            title: Education and schools
            description: Support in nurseries, schools and colleges, and EHC needs assessments and plans.
          - id: advice-and-support
            title: Information, advice and support
            description: Free impartial advice, support groups and help when you disagree with a decision.
        # The accessibility statement (public sector websites must publish one) is made from this
        # section. Test the site first, then remove the # signs and write in what the test found:
        # accessibility:
        #   standard: WCAG 2.2 AA
        #   status: partially-compliant            # \(Self.words(ComplianceStatus.self))
        #   known_issues:
        #     - One sentence for each thing that is not accessible yet.
        #   tested_on: \(today)                 # the day the site was tested
        #   tested_by: The team or company that tested it
        #   prepared_on: \(today)
        #   last_reviewed: \(today)

        """
    }

    static let glossaryFile = """
        # Jargon buster: SEND terms and what they mean in plain English. The first time a term (or an
        # alias) appears on a page, it links to its meaning.
        # term: \(characters("term", in: FieldCatalogue.glossaryEntry)), unique ignoring case. meaning: \(characters("meaning", in: FieldCatalogue.glossaryEntry)), no Markdown.
        # aliases: other ways of writing the term (optional); quote any that contain a comma.

        - term: EHC plan
          meaning: An education, health and care plan. A legal document that describes a child or young person's special educational needs, the support they must get and the outcomes it should lead to.
          aliases: [EHCP, education health and care plan]

        - term: EHC needs assessment
          meaning: The assessment the council carries out to decide whether a child or young person needs an EHC plan.
          aliases: [statutory assessment]

        - term: SENCO
          meaning: The special educational needs coordinator. The teacher in a school or nursery who makes sure children with SEND get the support they need.
          aliases: [special educational needs coordinator]

        - term: SEND
          meaning: Special educational needs and disabilities. A child has special educational needs if they find learning much harder than most children of the same age and need extra support.
          aliases: [special educational needs and disabilities]

        """

    static let synonymsFile = """
        # Everyday words families search for, grouped with the words services use: a search for any
        # phrase in a group also finds the others. Each word belongs to one group only.

        - [advice, help, information, guidance]
        - [ehcp, ehc plan, education health and care plan, statement]

        """

    static let organisationFile = """
        ---
        # The organisation's full name (\(characters("name", in: FieldCatalogue.organisationFields))). The file name is its id: services name
        # it in their 'organisation' field.
        name: Example Borough SEND Team
        # \(words(OrganisationType.self))
        type: council
        # Optional: its website, https:// only.
        website: https://www.example.org/send
        # How families reach it: at least one of phone, email and website.
        contact:
          phone: 020 7946 0300
          email: send@example.org
        ---
        The SEND Team at the London Borough of Example carries out EHC needs assessments, writes EHC plans and
        reviews them every year with families, schools and colleges.

        """

    var serviceFile: String {
        """
        ---
        # The service's name as families know it (\(Self.characters("title", in: FieldCatalogue.serviceFields))).
        title: SEND advice line
        # One or two plain sentences: what it is and who it is for (\(Self.characters("summary", in: FieldCatalogue.serviceFields)), no Markdown).
        summary: Phone or e-mail the SEND Team for advice about support at school, EHC needs assessments and EHC plans.
        # The file name (without .md) of the provider in content/organisations/.
        organisation: example-send-team
        # One or more category ids from content/site.yml.
        categories: [education, advice-and-support]
        # universal (open to all) | targeted (extra help) | specialist.
        level: universal
        eligibility:
          # Whole years, \(Self.numbers("eligibility.age.min", in: FieldCatalogue.serviceFields)).
          age: {min: 0, max: 25}
          # \(Self.words(EHCPlanRequirement.self)): does the child or young person need an EHC plan?
          ehc_plan: not-required
          # Who can ask: \(ReferralRoute.allCases.map(\.rawValue).joined(separator: ", ")).
          referral: [self, parent-carer, school]
        contact:
          # A team or role, never a private person.
          name: SEND advice line
          phone: 020 7946 0301
          email: send@example.org
        # free, or a list of {amount, per, description}.
        cost: free
        # Optional: opening times; days mon to sun, times "HH:MM" in quotes.
        schedule:
          - {days: [mon, tue, wed, thu, fri], opens: "09:30", closes: "16:30"}
        # Optional: the languages the service is offered in, as BCP 47 tags (bfi is British Sign Language).
        languages: [en]
        # The day the details were checked with the provider. A review falls due 12 months later:
        # 'localoffer review' lists the reviews coming up.
        last_reviewed: \(today)
        # Every other field, and how to write it, is in docs/content-format.md; 'localoffer new service
        # NAME' starts a service with all of them.
        ---
        Call or e-mail us if you are worried about your child's progress at nursery, school or college, or
        if you want to know how SEND support works. We can explain what the school's SENCO should do, how
        to ask for an EHC needs assessment and what an EHC plan is.

        ## How to get this service

        Phone us from Monday to Friday, 9:30am to 4:30pm, or e-mail us at any time. We reply to e-mails
        within 3 working days.

        Read [how to ask for an EHC needs assessment](../pages/ehc-needs-assessment.md) before you call
        if you think your child may need one.

        ## If you are not happy

        Tell us what went wrong and we will try to put it right. If you are still not happy, you can make
        a complaint to the council.

        """
    }

    var pageFile: String {
        """
        ---
        # The page's title (\(Self.characters("title", in: FieldCatalogue.pageFields))).
        title: Asking for an EHC needs assessment
        # One or two plain sentences shown in lists (\(Self.characters("summary", in: FieldCatalogue.pageFields)), no Markdown).
        summary: What an EHC needs assessment is, who can ask for one and what happens after you ask.
        # Optional: position in lists; lower comes first.
        order: 10
        # The day the page was last checked.
        last_reviewed: \(today)
        ---
        An EHC needs assessment is how the council decides whether your child needs an EHC plan. Most
        children with SEND get the support they need from their nursery, school or college without one.

        ## Who can ask

        A parent, a young person aged 16 to 25, or the child's school or college can ask the council for
        an assessment. Write to the SEND Team and say why you think your child needs one.

        ## What happens next

        The council must tell you within 6 weeks whether it will carry out the assessment. If it does,
        the whole process, including writing the EHC plan, must take no more than 20 weeks.

        The [SEND advice line](../services/send-advice-line.md) can help you write the request.

        """
    }
}
