/// An Aho–Corasick automaton over folded scalars: finds every occurrence of every key in one
/// pass over the text, whatever the number of keys.
///
/// Transitions live in one open-addressing hash table keyed by (node, scalar), so a step costs
/// a multiply and usually one probe; outputs (including those reached through failure links)
/// are flattened per node when the automaton is built.
struct ToneAutomaton: Sendable {
    private let edges: ToneEdgeTable
    private let fail: [Int32]
    /// Outputs of node `n` are `outputs[outputStart[n]..<outputStart[n + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// Builds the automaton; a key's number is its index in `keys`. Empty keys are ignored.
    init(keys: [[UInt32]]) {
        var children: [[(scalar: UInt32, node: Int32)]] = [[]]
        var lookup: [UInt64: Int32] = [:]
        var found: [[Int32]] = [[]]
        for (number, key) in keys.enumerated() where !key.isEmpty {
            var node: Int32 = 0
            for scalar in key {
                let code = ToneEdgeTable.code(node, scalar)
                if let next = lookup[code] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([])
                    found.append([])
                    children[Int(node)].append((scalar, next))
                    lookup[code] = next
                    node = next
                }
            }
            found[Int(node)].append(Int32(number))
        }
        var fail = [Int32](repeating: 0, count: children.count)
        var queue = children[0].map(\.node)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (scalar, child) in children[Int(node)] {
                if node != 0 {
                    var back = fail[Int(node)]
                    while back != 0 && lookup[ToneEdgeTable.code(back, scalar)] == nil { back = fail[Int(back)] }
                    fail[Int(child)] = lookup[ToneEdgeTable.code(back, scalar)] ?? 0
                }
                found[Int(child)] += found[Int(fail[Int(child)])]
                queue.append(child)
            }
        }
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for list in found {
            flat += list
            starts.append(Int32(flat.count))
        }
        self.edges = ToneEdgeTable(lookup)
        self.fail = fail
        self.outputStart = starts
        self.outputs = flat
    }

    /// Calls `body(key, end)` for every occurrence of every key in `text`, in order of the
    /// end position (exclusive).
    func scan(_ text: [UInt32], _ body: (_ key: Int, _ end: Int) -> Void) {
        var node: Int32 = 0
        for position in text.indices {
            let scalar = text[position]
            while true {
                let next = edges.child(of: node, scalar)
                if next >= 0 {
                    node = next
                    break
                }
                if node == 0 { break }
                node = fail[Int(node)]
            }
            let from = Int(outputStart[Int(node)])
            let to = Int(outputStart[Int(node) + 1])
            if from < to {
                for index in from..<to { body(Int(outputs[index]), position + 1) }
            }
        }
    }
}

/// A frozen hash table from (node, scalar) to child node, with linear probing.
struct ToneEdgeTable: Sendable {
    private static let empty = UInt64.max
    private let keys: [UInt64]
    private let values: [Int32]
    private let shift: UInt64

    @inline(__always)
    static func code(_ node: Int32, _ scalar: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar) }

    init(_ edges: [UInt64: Int32]) {
        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [UInt64](repeating: Self.empty, count: size)
        var values = [Int32](repeating: -1, count: size)
        shift = 64 - bits
        for (key, value) in edges {
            var slot = Self.slot(key, shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child of `node` along `scalar`, or -1.
    @inline(__always)
    func child(of node: Int32, _ scalar: UInt32) -> Int32 {
        let key = Self.code(node, scalar)
        let mask = keys.count - 1
        var slot = Self.slot(key, shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == Self.empty { return -1 }
            slot = (slot + 1) & mask
        }
    }
}
