import LocalOfferSite
import Testing

/// `serve` moves a renamed service in every list of indexes instead of grouping 10,000 services
/// again: each list must come out as grouping the moved array again would make it.
@Suite("Moving one item in ordered lists")
struct IndexMoveTests {
    @Test func examplesFromTheDocumentation() {
        let move = IndexMove(from: 1, to: 3)
        #expect(move.remap([0, 1, 2, 3, 4]) == [0, 1, 2, 3, 4])
        #expect(move.remap([1, 4]) == [3, 4])
        #expect(move.remap([2, 3]) == [1, 2])
        #expect(IndexMove(from: 4, to: 0).remap([0, 4]) == [0, 1])
        #expect(IndexMove(from: 2, to: 2).remap([2, 5]) == [2, 5])
    }

    /// Against the plain way: move the item in an array of names, then list again the positions of
    /// the names each list held.
    @Test func everyMoveOfEveryListAgreesWithListingAgain() {
        var random = SyntheticContent.Random(state: 7)
        for count in [1, 2, 3, 10, 57] {
            for from in 0..<count {
                for to in 0..<count {
                    var names = (0..<count).map { "item \($0)" }
                    let list = (0..<count).filter { _ in random.next(3) == 0 }
                    let members = Set(list.map { names[$0] })
                    let moved = names.remove(at: from)
                    names.insert(moved, at: to)
                    let expected = names.indices.filter { members.contains(names[$0]) }
                    let move = IndexMove(from: from, to: to)
                    #expect(move.remap(list) == expected, "\(count) items, \(from) → \(to), list \(list)")
                    for index in 0..<count { #expect(names[move.map(index)] == "item \(index)") }
                }
            }
        }
    }

    /// A service added or deleted: every list as listing the names again would make it.
    @Test func insertionsAndRemovalsAgreeWithListingAgain() {
        var random = SyntheticContent.Random(state: 11)
        for count in [0, 1, 2, 9, 40] {
            for position in 0...count {
                var names = (0..<count).map { "item \($0)" }
                let list = (0..<count).filter { _ in random.next(2) == 0 }
                let members = Set(list.map { names[$0] })
                names.insert("new", at: position)
                for holdsInserted in [false, true] {
                    let expected = names.indices.filter { members.contains(names[$0]) || (holdsInserted && names[$0] == "new") }
                    #expect(IndexChange.inserted(at: position).remap(list, holdsInserted: holdsInserted) == expected)
                }
            }
            for position in 0..<max(count, 0) {
                var names = (0..<count).map { "item \($0)" }
                let list = (0..<count).filter { _ in random.next(2) == 0 }
                let members = Set(list.map { names[$0] })
                names.remove(at: position)
                #expect(IndexChange.removed(at: position).remap(list) == names.indices.filter { members.contains(names[$0]) })
            }
        }
    }
}
