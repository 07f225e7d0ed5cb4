import LocalOfferDiagnostics
import LocalOfferRendering

/// `/start/`: the three questions of the guided start as static pages, and a results page for every
/// set of answers (26 ages × 5 needs × 3 EHC plan answers). Question pages depend only on the
/// theme; results depend on every service, so they are made each time and kept when unchanged.
public struct GuidedStartWriter: SiteWriter {
    public let name = "guided start"
    public let inputs: WriterInputs = WriterInputs.layout.union([.services, .organisations])

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let renderer = context.renderer
        let urls = context.urls
        let base = context.fingerprintBase(for: self)
        func question(_ url: String, _ render: @escaping @Sendable () -> Result<[UInt8], Diagnostic>) -> PlannedFile {
            var hasher = base
            hasher.combine(url)
            return context.page(url, fingerprint: hasher.value, inSitemap: false, render: render)
        }
        let candidates = GuidedStart.Candidates(context.items)
        var files = [question(GuidedStart.start(urls)) { renderer.guidedAgeQuestion() }]
        for age in GuidedStart.ages {
            files.append(question(GuidedStart.needQuestion(age: age, urls)) { renderer.guidedNeedQuestion(age: age) })
            for need in GuidedStart.NeedAnswer.all {
                files.append(question(GuidedStart.planQuestion(age: age, need: need, urls)) { renderer.guidedPlanQuestion(age: age, need: need) })
                for plan in GuidedStart.PlanAnswer.allCases {
                    files.append(context.page(GuidedStart.results(age: age, need: need, plan: plan, urls), fingerprint: nil, inSitemap: false) {
                        renderer.guidedResults(age: age, need: need, plan: plan, candidates: candidates)
                    })
                }
            }
        }
        return files
    }
}
