import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferSite

extension PageRenderer {
    /// Page `number` (1-based) of a list of services: the A to Z, a topic, an organisation, or a browse list.
    public func list(_ list: ServiceList, page number: Int) -> Result<[UInt8], Diagnostic> {
        let members = groups.members(list)
        let pageCount = ServiceList.pageCount(for: members.count)
        let shown = ServiceList.slice(members, page: number)
        let paging = self.paging(list, members: members, number: number, pageCount: pageCount, shown: shown)
        let entries = shown.map(listEntry)
        let url = list.pageURL(number, urls)
        let suffix = number > 1 ? " (page \(number) of \(pageCount))" : ""
        let parentCrumb = number > 1 ? [(titleOfFirstPage(list), list.url(urls))] : []

        switch list {
        case .all:
            let view = ServicesIndexView(
                page: layouts.layout(
                    title: "Services A to Z" + suffix, description: "Every service in the \(items.site.name), from A to Z.",
                    url: url, breadcrumbs: parentCrumb
                ),
                letterLinks: letterLinks(),
                letters: letterGroups(shown),
                count: members.count,
                paging: paging
            )
            return render("services", view)

        case .category(let id):
            let category = items.site.category(id: id)
            let title = category?.title ?? id
            let view = CategoryPageView(
                page: layouts.layout(title: title + suffix, description: category?.description ?? "", url: url,
                                     breadcrumbs: parentCrumb, section: "Services by topic"),
                description: category?.description ?? "", services: entries, count: members.count, paging: paging
            )
            return render("category", view)

        case .organisation(let slug):
            guard let item = items.organisation(slug) else {
                return .failure(.error(.unknownOrganisation, "the organisation '\(slug)' does not exist", at: nil))
            }
            let organisation = item.entry
            let view = OrganisationPageView(
                page: layouts.layout(
                    title: organisation.name + suffix, description: "Services provided by \(organisation.name).", url: url,
                    breadcrumbs: [("Organisations", urls.organisations)] + parentCrumb, section: "Organisations"
                ),
                name: organisation.name,
                typeTitle: organisation.type.map(Self.typeTitle),
                website: organisation.website.map { ContactView.Website(href: $0.value, readable: $0.readable) },
                contact: ContactView(organisation.contact),
                bodyHTML: item.body.html,
                services: entries,
                count: members.count,
                paging: paging
            )
            return render("organisation", view)

        case .age, .need, .ageAndNeed, .ageAndCategory:
            let description = browseDescription(list)
            let view = BrowsePageView(
                page: layouts.layout(title: description.title + suffix, description: description.intro, url: url,
                                     breadcrumbs: [("Browse services", urls.browse)] + description.parents + parentCrumb),
                intro: description.intro, services: entries, count: members.count,
                refinements: number == 1 ? refinements(list) : [],
                paging: paging
            )
            return render("browse-list", view)
        }
    }

    public func browseIndex() -> Result<[UInt8], Diagnostic> {
        let view = BrowseIndexView(
            page: layouts.layout(title: "Browse services", description: "Find services by age, by area of need or by topic.",
                                 url: urls.browse, breadcrumbs: []),
            ages: ageLinks(), needs: needLinks(),
            categories: items.site.categories.map {
                CountedLink(title: $0.title, url: urls.category($0.id), count: groups.members(.category($0.id)).count)
            }
        )
        return render("browse", view)
    }

    func ageLinks() -> [CountedLink] {
        AgeStage.allCases.map { CountedLink(title: $0.title, url: urls.browse(age: $0), count: groups.members(.age($0)).count) }
    }

    func needLinks() -> [CountedLink] {
        AreaOfNeed.allCases.map { CountedLink(title: $0.title, url: urls.browse(need: $0), count: groups.members(.need($0)).count) }
    }

    // MARK: Paging

    private func paging(_ list: ServiceList, members: [Int], number: Int, pageCount: Int, shown: ArraySlice<Int>) -> ListPaging {
        let urls = self.urls
        let pagination = PaginationView(current: number, count: pageCount) { list.pageURL($0, urls) }
        var ranges: [PageRangeView] = []
        if number == 1, !PaginationView.linksEveryPage(count: pageCount) {
            ranges = (1...pageCount).compactMap { page in
                let slice = ServiceList.slice(members, page: page)
                guard let first = slice.first, let last = slice.last else { return nil }
                return PageRangeView(number: page, url: list.pageURL(page, urls),
                                     first: items.services[first].entry.title, last: items.services[last].entry.title)
            }
        }
        let total = members.count == 1 ? "1 service" : "\(members.count) services"
        let showing = pageCount > 1
            ? "Showing \((number - 1) * ServiceList.pageSize + 1) to \((number - 1) * ServiceList.pageSize + shown.count) of \(total)"
            : total
        return ListPaging(pagination: pagination, pageRanges: ranges, showing: showing, number: number, count: pageCount)
    }

    private func titleOfFirstPage(_ list: ServiceList) -> String {
        switch list {
        case .all: "Services A to Z"
        case .category(let id): items.site.category(id: id)?.title ?? id
        case .organisation(let slug): items.organisationName(slug)
        case .age, .need, .ageAndNeed, .ageAndCategory: browseDescription(list).title
        }
    }

    // MARK: A to Z

    static func letter(of title: String) -> String {
        let first = title.prefix(1).uppercased()
        return first.first?.isLetter == true ? first : "0–9"
    }

    static func letterID(_ letter: String) -> String {
        "letter-" + (letter == "0–9" ? "other" : letter.lowercased())
    }

    /// Each letter and the page of the A to Z where its services start.
    private func letterLinks() -> [LetterLink] {
        groups.letterStarts.map { start in
            let page = start.position / ServiceList.pageSize + 1
            return LetterLink(letter: start.letter, url: ServiceList.all.pageURL(page, urls) + "#" + Self.letterID(start.letter))
        }
    }

    private func letterGroups(_ shown: ArraySlice<Int>) -> [LetterGroup] {
        var groups: [LetterGroup] = []
        var current: (letter: String, continued: Bool, services: [ServiceListEntry])?
        for index in shown {
            let letter = Self.letter(of: items.services[index].entry.title)
            if current?.letter == letter {
                current?.services.append(listEntry(index))
            } else {
                if let done = current {
                    groups.append(LetterGroup(letter: done.letter, id: Self.letterID(done.letter), continued: done.continued, services: done.services))
                }
                let continued = index > 0 && Self.letter(of: items.services[index - 1].entry.title) == letter
                current = (letter, continued, [listEntry(index)])
            }
        }
        if let done = current {
            groups.append(LetterGroup(letter: done.letter, id: Self.letterID(done.letter), continued: done.continued, services: done.services))
        }
        return groups
    }

    // MARK: Browse lists

    private func stageWords(_ stage: AgeStage) -> String {
        stage.title.prefix(1).lowercased() + stage.title.dropFirst()
    }

    private func browseDescription(_ list: ServiceList) -> (title: String, intro: String, parents: [(String, String)]) {
        switch list {
        case .age(let stage):
            return ("Services for \(stageWords(stage))",
                    "Services open to children and young people aged \(stage.range.lowerBound) to \(stage.range.upperBound).", [])
        case .need(let need):
            return (need.title,
                    "Services for children and young people with \(need.title.lowercased()) needs, one of the four broad areas of need in the SEND Code of Practice.", [])
        case .ageAndNeed(let stage, let need):
            return ("\(need.title): \(stageWords(stage))",
                    "Services for \(need.title.lowercased()) needs, open to ages \(stage.range.lowerBound) to \(stage.range.upperBound).",
                    [("Services for \(stageWords(stage))", urls.browse(age: stage))])
        case .ageAndCategory(let stage, let id):
            let category = items.site.category(id: id)
            return ("\(category?.title ?? id): \(stageWords(stage))",
                    "\(category?.description ?? "") Open to ages \(stage.range.lowerBound) to \(stage.range.upperBound).",
                    [("Services for \(stageWords(stage))", urls.browse(age: stage))])
        case .all, .category, .organisation:
            return ("", "", [])
        }
    }

    private func refinements(_ list: ServiceList) -> [BrowsePageView.RefinementGroup] {
        switch list {
        case .age(let stage):
            let byNeed = AreaOfNeed.allCases.compactMap { need -> CountedLink? in
                let count = groups.members(.ageAndNeed(stage, need)).count
                return count == 0 ? nil : CountedLink(title: need.title, url: urls.browse(age: stage, need: need), count: count)
            }
            let byCategory = items.site.categories.compactMap { category -> CountedLink? in
                let count = groups.members(.ageAndCategory(stage, category.id)).count
                return count == 0 ? nil : CountedLink(title: category.title, url: urls.browse(age: stage, category: category.id), count: count)
            }
            return [
                .init(title: "Narrow down by area of need", links: byNeed),
                .init(title: "Narrow down by topic", links: byCategory),
            ].filter { !$0.links.isEmpty }
        case .need(let need):
            let byAge = AgeStage.allCases.compactMap { stage -> CountedLink? in
                let count = groups.members(.ageAndNeed(stage, need)).count
                return count == 0 ? nil : CountedLink(title: stage.title, url: urls.browse(age: stage, need: need), count: count)
            }
            return [.init(title: "Narrow down by age", links: byAge)].filter { !$0.links.isEmpty }
        case .all, .category, .organisation, .ageAndNeed, .ageAndCategory:
            return []
        }
    }
}
