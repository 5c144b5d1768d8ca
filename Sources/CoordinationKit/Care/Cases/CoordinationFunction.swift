/// One use of the three coordination functions (IGAS [220]-[226]): evaluation, accompaniment,
/// follow-up. Each records the time spent; the facts they carry give the file's tariff level.
/// Never for emergencies ([218]): an emergency is not recorded as a coordination function.
public enum CoordinationFunction: Hashable, Sendable {
    /// Multidimensional evaluation of needs and design of answers.
    case evaluation(Evaluation)
    /// Inform, orient, schedule interventions, book appointments, go with the patient.
    case accompaniment(Accompaniment)
    /// Status reports to the GP, review of the effects of the PPS interventions.
    case followUp(FollowUp)

    /// Validated tools of evaluation (IGAS [330]).
    public enum AssessmentTool: String, Hashable, Sendable, Codable, CaseIterable {
        case geriatricAssessment = "standardised-geriatric-assessment"
        case aggir
        case geva
        case other
    }

    /// An evaluation of the patient's situation: how long, whether formal, with which tools.
    public struct Evaluation: Hashable, Sendable, Codable {
        /// Minutes spent, 0...10,000.
        public var minutes: Int
        /// A formalised evaluation (the tariff rule's first question).
        public var formal: Bool
        /// The assessment tools used (AGGIR, ...).
        public var tools: [AssessmentTool]
        /// At the patient's home (possibly a team visit).
        public var atHome: Bool
        /// Outside expertise used (ergothérapeute, psychologue...).
        public var externalExpertise: Bool
        /// Free text.
        public var note: String
        /// An evaluation of `minutes` (>= 0; checked when recorded).
        public init(minutes: Int, formal: Bool, tools: [AssessmentTool] = [], atHome: Bool = false,
                    externalExpertise: Bool = false, note: String = "") {
            self.minutes = minutes
            self.formal = formal
            self.tools = tools
            self.atHome = atHome
            self.externalExpertise = externalExpertise
            self.note = note
        }
    }

    /// Accompaniment: providers contacted, an aid or financing file.
    public struct Accompaniment: Hashable, Sendable, Codable {
        /// Minutes spent, 0...10,000.
        public var minutes: Int
        /// The providers or structures contacted to start care (identifiers or names, each
        /// non-empty). Distinct ones over the case count for the tariff level.
        public var providersContacted: [String]
        /// An aid / financing file was built.
        public var financingFile: Bool
        /// Free text.
        public var note: String
        /// An accompaniment of `minutes` (>= 0; checked when recorded).
        public init(minutes: Int, providersContacted: [String] = [], financingFile: Bool = false, note: String = "") {
            self.minutes = minutes
            self.providersContacted = providersContacted
            self.financingFile = financingFile
            self.note = note
        }
    }

    /// A follow-up: how long, and whether a report went to the GP.
    public struct FollowUp: Hashable, Sendable, Codable {
        /// Minutes spent, 0...10,000.
        public var minutes: Int
        /// A status report went to the GP.
        public var reportToGP: Bool
        /// Free text.
        public var note: String
        /// A follow-up of `minutes` (>= 0; checked when recorded).
        public init(minutes: Int, reportToGP: Bool = false, note: String = "") {
            self.minutes = minutes
            self.reportToGP = reportToGP
            self.note = note
        }
    }

    /// Minutes spent on this use of a function.
    public var minutes: Int {
        switch self {
        case .evaluation(let e): e.minutes
        case .accompaniment(let a): a.minutes
        case .followUp(let f): f.minutes
        }
    }

    /// Checks the recorded values: minutes within 0...10,000, notes within
    /// ``CareLimits/text``, providers 1 to ``CareLimits/name`` bytes (at most 1,000 of them).
    func validate() throws(CareError) {
        guard (0...10_000).contains(minutes) else {
            throw .invalid(field: "minutes", reason: "must be 0 to 10,000, got \(minutes)")
        }
        let note: String
        switch self {
        case .evaluation(let e): note = e.note
        case .accompaniment(let a):
            note = a.note
            guard a.providersContacted.count <= 1_000 else {
                throw .invalid(field: "providersContacted", reason: "at most 1,000 providers per accompaniment, got \(a.providersContacted.count)")
            }
            if let bad = a.providersContacted.first(where: { $0.isEmpty || $0.utf8.count > CareLimits.name }) {
                throw .invalid(field: "providersContacted", reason: "\(quotedForMessage(bad)): each provider is 1 to \(CareLimits.name) bytes")
            }
        case .followUp(let f): note = f.note
        }
        guard note.utf8.count <= CareLimits.text else {
            throw .invalid(field: "note", reason: "must be at most \(CareLimits.text) bytes of text, got \(note.utf8.count)")
        }
    }
}

/// A report of a situation (IGAS [224]): anyone may make one (a relative, a pharmacist,
/// a nurse), but only to the patient's GP, who alone decides to open a case. Reporting is not a
/// coordination function.
public struct Signal: Hashable, Sendable, Codable {
    /// Who reported: free text ("pharmacien 10005173140", "daughter").
    public var reportedBy: String
    /// The day the GP received it.
    public var receivedOn: CalendarDate
    /// What was reported, free text.
    public var summary: String

    /// A signal from `reportedBy` received on `receivedOn`.
    public init(reportedBy: String, receivedOn: CalendarDate, summary: String = "") {
        self.reportedBy = reportedBy
        self.receivedOn = receivedOn
        self.summary = summary
    }

    /// Where a signal about `patient` must go: the patient's médecin traitant.
    /// - Throws: ``CareError/noDeclaredGP(patient:)`` when the patient has none: the signal
    ///   must then go to someone who can identify the GP, and no case can open yet.
    public static func recipient(for patient: Patient) throws(CareError) -> ProfessionalID {
        guard let gp = patient.medecinTraitant else { throw .noDeclaredGP(patient: patient.ins.value) }
        return gp
    }
}

extension CoordinationFunction: Codable {
    private enum Kind: String, CodingKey, CaseIterable { case evaluation, accompaniment, followUp }

    /// Reads `{"evaluation": {...}}`, `{"accompaniment": {...}}` or `{"followUp": {...}}` (and the
    /// first format's `{"evaluation": {"_0": {...}}}`).
    public init(from decoder: any Decoder) throws {
        let kind = try OneOf<Kind>.key(in: decoder, what: "coordination function")
        let c = try decoder.container(keyedBy: Kind.self)
        switch kind {
        case .evaluation: self = .evaluation(try c.decode(LegacyUnwrapped<Evaluation>.self, forKey: kind).value)
        case .accompaniment: self = .accompaniment(try c.decode(LegacyUnwrapped<Accompaniment>.self, forKey: kind).value)
        case .followUp: self = .followUp(try c.decode(LegacyUnwrapped<FollowUp>.self, forKey: kind).value)
        }
    }

    /// Writes `{"<function>": {...}}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Kind.self)
        switch self {
        case .evaluation(let e): try c.encode(e, forKey: .evaluation)
        case .accompaniment(let a): try c.encode(a, forKey: .accompaniment)
        case .followUp(let f): try c.encode(f, forKey: .followUp)
        }
    }
}
