extension Collection {
    /// The elements in consecutive slices of at most `size` (the last may be shorter): how bulk
    /// statements stay under the engines' limits on bound values.
    public func batches(of size: Int) -> [SubSequence] {
        precondition(size > 0, "batch size must be positive")
        var slices: [SubSequence] = []
        var start = startIndex
        while start != endIndex {
            let end = index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex
            slices.append(self[start..<end])
            start = end
        }
        return slices
    }
}
