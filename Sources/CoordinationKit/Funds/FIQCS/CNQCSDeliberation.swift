/// The national council's (CNQCS) say on a draft deliberation of the national management
/// committee (art. L221-1-1 IV): it may ask for a second draft by a reasoned opinion, and may
/// oppose that second draft only by a qualified majority of two thirds **of the members composing
/// it** (not of those present or voting).
public enum CNQCSDeliberation {
    /// Whether the national council's deliberation is adopted, and why.
    public enum Outcome: String, Hashable, Sendable, Codable , CaseIterable {
        /// The draft stands.
        case adopted
        /// A second draft is asked of the national management committee.
        case secondDraftRequested = "second-draft-requested"
        /// The council opposed the second draft by two thirds of its members.
        case opposed
    }

    /// The outcome and why.
    ///
    /// - Parameters:
    ///   - members: members composing the council, ≥ 1.
    ///   - secondDraft: whether the vote is on the second draft.
    ///   - reasonedOpinionForSecondDraft: on the first draft, whether the council adopted a
    ///     reasoned opinion asking for a second draft.
    ///   - votesAgainst: on the second draft, members voting to oppose it (≤ members).
    /// - Throws: ``FundError/invalid(_:)`` for impossible counts.
    public static func outcome(members: Int, secondDraft: Bool, reasonedOpinionForSecondDraft: Bool = false,
                               votesAgainst: Int = 0) throws(FundError) -> (outcome: Outcome, reason: String) {
        guard members >= 1 else { throw .invalid("members: must be >= 1, got \(members)") }
        guard (0...members).contains(votesAgainst) else {
            throw .invalid("votesAgainst: \(votesAgainst) is outside 0...\(members) (members composing the council)")
        }
        guard secondDraft else {
            return reasonedOpinionForSecondDraft
                ? (.secondDraftRequested, "the council asked for a second draft by a reasoned opinion (L221-1-1 IV)")
                : (.adopted, "no reasoned opinion asking for a second draft: the draft stands")
        }
        // Two thirds of the members composing it: votes × 3 ≥ members × 2.
        let needed = (2 * members + 2) / 3
        if votesAgainst * 3 >= members * 2 {
            return (.opposed, "\(votesAgainst) of \(members) members opposed the second draft: at least two thirds (\(needed) needed)")
        }
        return (.adopted, "\(votesAgainst) of \(members) members opposed the second draft: fewer than two thirds of the members composing the council (\(needed) needed)")
    }
}
