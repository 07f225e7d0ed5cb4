import LocalOfferText
import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel

/// `localoffer new`: a new entry with every field present and explained, so editors start right.
/// Every `TODO` is a placeholder (LO801) that `check` reports, all in the first run, until it is
/// replaced; nothing else needs changing.
public struct EntryScaffold: Sendable {
    public enum Kind: String, Sendable {
        case service, organisation, page

        var folder: String { rawValue + "s" }
    }

    public let contentDirectory: String

    public init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
    }

    public func create(kind: Kind, slug: String, today: LocalDate? = .today()) -> Result<String, Diagnostic> {
        guard Slug.isValid(slug) else {
            return .failure(.error(.invalidSlug, "'\(slug)' is not a valid slug; try '\(Slug.make(from: slug))'", at: nil))
        }
        let folder = contentDirectory + "/" + kind.folder
        let path = folder + "/" + slug + ".md"
        guard !FileManager.default.fileExists(atPath: path) else {
            return .failure(.error(.outputFailure, "\(path) already exists; it was not changed", at: nil))
        }
        // Today's date is where a new entry's review clock starts; the editor checks it on filling in.
        let date = today?.description ?? "YYYY-MM-DD"
        let text: String
        switch kind {
        case .service: text = Self.service(date: date)
        case .organisation: text = Self.organisation
        case .page: text = Self.page(date: date)
        }
        // The kind folder may already be a link: a new entry is written only inside the content folder.
        if case .success(let contained) = ContainedFolder.open(contentDirectory, role: "content"),
           case .failure(let problem)? = contained.inspect(folder) {
            return .failure(problem)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // `withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            return .failure(.error(.outputFailure, "could not write \(path): \(error.localizedDescription)", at: nil))
        }
        return .success(path)
    }

    /// A body instruction: the placeholder marker and one of the sentences the validator knows as
    /// the scaffold's (so that deleting only "TODO:" still leaves it reported).
    static func todo(_ index: Int) -> String {
        "\(Placeholders.marker): \(Placeholders.scaffoldInstructions[index])"
    }

    static func service(date: String) -> String {
        """
        ---
        # The service's name as families know it (3 to 120 characters).
        title: TODO
        # One or two plain sentences: what it is and who it is for (10 to 300 characters, no Markdown).
        summary: TODO
        # The file name (without .md) of the provider in content/organisations/.
        organisation: TODO
        # One or more category ids from content/site.yml.
        categories: [TODO]
        # universal (open to all) | targeted (extra help) | specialist. Default: targeted.
        level: targeted
        eligibility:
          # Whole years, 0 to 25; min no more than max.
          age: {min: 0, max: 25}
          # required | not-required: does the child or young person need an EHC plan?
          ehc_plan: not-required
          # Areas of need (remove the line for all four): communication-and-interaction,
          # cognition-and-learning, social-emotional-and-mental-health, sensory-and-physical.
          needs: [communication-and-interaction]
          # true if a diagnosis is needed first. Default: false.
          diagnosis_required: false
          # local (lives in the borough or has a local GP) | any. Default: local.
          residence: local
          # Who can ask: self, parent-carer, gp, health-professional, school, social-worker, local-authority.
          referral: [parent-carer]
          # Plain sentences on who qualifies. Required for specialist services and those needing an EHC plan.
          criteria: TODO
        contact:
          # A team or role, never a private person.
          name: TODO
          # At least one of phone, email and website. UK numbers; https:// addresses.
          phone: TODO
          email: TODO
          website: TODO
          # Optional: textphone, and address {line1, line2, town, postcode}.
        # free, or a list of {amount, per, description}; per: session, hour, day, week, month, year, course, visit.
        cost: free
        # true if it can be paid for with a personal budget or direct payment.
        personal_budget: false
        # Optional: council, nhs, schools, joint.
        commissioned_by: [council]
        # Optional: where it happens. accessibility: step-free, accessible-toilet, changing-places,
        # hearing-loop, parking, quiet-space.
        locations: []
        # Optional: opening times, days mon to sun, times "HH:MM" in quotes.
        schedule:
          - {days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00"}
        # Optional: BCP 47 language tags; bfi is British Sign Language.
        languages: [en]
        # Optional: the current wait and when it was measured, for example {weeks: 12, as_of: \(date)}.
        # waiting_time: {weeks: 12, as_of: \(date)}
        # The day the details were checked with the provider. A review is due 12 months later
        # unless review_by says otherwise.
        last_reviewed: \(date)
        # active | draft (checked, not published).
        status: draft
        # Optional: words families might search for.
        tags: []
        ---
        \(Self.todo(0))

        ## How to get this service

        \(Self.todo(1))

        ## If you are not happy

        \(Self.todo(2))

        """
    }

    static let organisation = """
        ---
        # The organisation's full name.
        name: TODO
        # council | nhs | school | voluntary | private
        type: voluntary
        # Optional: its website, https:// only.
        website: https://TODO.example.org
        contact:
          # At least one of phone, email and website.
          phone: TODO
          email: TODO
        ---
        \(EntryScaffold.todo(3))

        """

    static func page(date: String) -> String {
        """
        ---
        # The page's title (3 to 120 characters).
        title: TODO
        # One or two plain sentences shown in lists (10 to 300 characters).
        summary: TODO
        # Optional: position in lists; lower comes first.
        order: 100
        # The day the page was last checked.
        last_reviewed: \(date)
        ---
        \(Self.todo(4)) `[Portage](../services/portage.md)`.

        """
    }
}
