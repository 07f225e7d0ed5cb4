extension String {
    /// The text without white space or line breaks at either end. Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` goes through NSString on Linux and was a
    /// twentieth of a 10,000-service build where it trimmed every Open Referral description; most
    /// values need no trimming, and then the string itself is returned.
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}
