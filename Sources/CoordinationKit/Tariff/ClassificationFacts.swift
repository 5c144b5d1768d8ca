/// What happened in one coordination file: the facts the three-level rule reads.
///
/// The same fields as the C ABI's `coord_file_facts`.
public struct ClassificationFacts: Hashable, Sendable, Codable {
    /// The day the prestation was delivered: it selects the tariff schedule in force.
    public let date: CalendarDate
    /// Providers or structures contacted to start care (intervenants ou structures), ≥ 0.
    public let providersContacted: Int
    /// Whether a formal needs evaluation took place (in hospital or at home).
    public let formalEvaluation: Bool
    /// Whether an aid / financing file was built (dossier d'aide / financement).
    public let financingFile: Bool
    /// Whether outside expertise was used for the evaluation (ergothérapeute, psychologue...).
    public let externalExpertise: Bool

    /// Facts of one file.
    /// - Throws: ``ClassificationError/negativeProviders(_:)`` when `providersContacted < 0`.
    public init(date: CalendarDate, providersContacted: Int, formalEvaluation: Bool,
                financingFile: Bool = false, externalExpertise: Bool = false) throws(ClassificationError) {
        guard providersContacted >= 0 else { throw .negativeProviders(providersContacted) }
        self.date = date
        self.providersContacted = providersContacted
        self.formalEvaluation = formalEvaluation
        self.financingFile = financingFile
        self.externalExpertise = externalExpertise
    }

    /// Facts whose provider count is already known to be >= 0 (a count of a collection).
    init(date: CalendarDate, validatedProviders: Int, formalEvaluation: Bool, financingFile: Bool, externalExpertise: Bool) {
        self.date = date
        self.providersContacted = validatedProviders
        self.formalEvaluation = formalEvaluation
        self.financingFile = financingFile
        self.externalExpertise = externalExpertise
    }

    private enum CodingKeys: String, CodingKey {
        case date, providersContacted, formalEvaluation, financingFile, externalExpertise
    }

    /// Decodes and validates (a negative provider count is a decoding error).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let providers = try container.decode(Int.self, forKey: .providersContacted)
        guard providers >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .providersContacted, in: container,
                                                   debugDescription: "must be >= 0, got \(providers)")
        }
        try self.init(date: container.decode(CalendarDate.self, forKey: .date), providersContacted: providers,
                      formalEvaluation: container.decode(Bool.self, forKey: .formalEvaluation),
                      financingFile: container.decodeIfPresent(Bool.self, forKey: .financingFile) ?? false,
                      externalExpertise: container.decodeIfPresent(Bool.self, forKey: .externalExpertise) ?? false)
    }
}

/// Why facts could not be classified.
public enum ClassificationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A negative number of providers contacted.
    case negativeProviders(Int)

    public var description: String {
        switch self {
        case .negativeProviders(let n): "providers contacted must be >= 0, got \(n)"
        }
    }
}
