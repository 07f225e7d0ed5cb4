/// One item taken out of an ordered list and put back elsewhere in it (a service whose new title
/// sorts it elsewhere): how every list of indexes into that list changes.
///
/// ```swift
/// let move = IndexMove(from: 1, to: 3)
/// move.remap([0, 1, 2, 3, 4])   // [0, 1, 2, 3, 4]: the same items, each at its new index
/// move.remap([1, 4])            // [3, 4]
/// move.remap([2, 3])            // [1, 2]
/// ```
public struct IndexMove: Sendable, Equatable {
    public let from: Int
    public let to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    /// Where the item that was at `index` is now.
    public func map(_ index: Int) -> Int {
        if index == from { return to }
        if from < to, index > from, index <= to { return index - 1 }
        if to < from, index >= to, index < from { return index + 1 }
        return index
    }

    /// An ascending list of indexes as it is after the move: still ascending, so still in the list's
    /// order. Linear: every other index keeps its order, and the moved one is put back in its place.
    public func remap(_ list: [Int]) -> [Int] {
        guard from != to else { return list }
        var result: [Int] = []
        result.reserveCapacity(list.count)
        var holdsMoved = false
        for index in list {
            if index == from { holdsMoved = true } else { result.append(map(index)) }
        }
        if holdsMoved { result.insertInOrder(to) }
        return result
    }

    /// Takes the item at `index` out of `items`, which are otherwise in order, and puts it back where
    /// `isBefore` places it: the move made.
    static func reposition<Element>(_ items: inout [Element], from index: Int, by isBefore: (Element, Element) -> Bool) -> IndexMove {
        let moved = items.remove(at: index)
        let position = items.insertionPoint(of: moved, by: isBefore)
        items.insert(moved, at: position)
        return IndexMove(from: index, to: position)
    }
}

/// How one save changed the order of the services (`SiteItems.revising`, `adding`, `removing`),
/// for the lists of indexes into them kept elsewhere (`ServiceGroups.changing`).
public enum IndexChange: Sendable, Equatable {
    /// A renamed service moved.
    case moved(IndexMove)
    /// A new service came in at this index: every index from it on is one more.
    case inserted(at: Int)
    /// The service at this index went: every index after it is one less.
    case removed(at: Int)

    /// An ascending list of indexes as it is after the change, still ascending. `holdsInserted`:
    /// whether the list takes an inserted service in.
    public func remap(_ list: [Int], holdsInserted: Bool = false) -> [Int] {
        switch self {
        case .moved(let move):
            return move.remap(list)
        case .inserted(let position):
            var result = list.map { $0 >= position ? $0 + 1 : $0 }
            if holdsInserted { result.insertInOrder(position) }
            return result
        case .removed(let position):
            return list.compactMap { $0 == position ? nil : $0 > position ? $0 - 1 : $0 }
        }
    }
}

extension Array {
    /// The first index at which `element` is not after an element, in an array in `isBefore` order.
    public func insertionPoint(of element: Element, by isBefore: (Element, Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle], element) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension Array where Element == Int {
    /// Puts `value` into this ascending list where it belongs.
    public mutating func insertInOrder(_ value: Int) {
        insert(value, at: insertionPoint(of: value, by: <))
    }
}
