/// One priced record of a coordination file: who, for whom, what kind of act, and the facts.
public struct TariffFile: Hashable, Sendable, Codable {
    /// The record's identifier (one row of a CSV export), unique in a batch.
    public var id: String
    /// The coordination file (dossier) the record belongs to; follow-up caps and packages count
    /// per file. Defaults to ``id``.
    public var fileID: String
    /// The patient (INS or a local identifier); inclusion caps and capitation count per patient.
    public var patient: String
    /// The coordinator paid for the file (the GP's designee).
    public var coordinator: String
    /// The coordination structure the coordinator belongs to (may be empty).
    public var structure: String
    /// Inclusion or follow-up (act kind, for the caps).
    public var kind: ActKind
    /// The classification facts, including the date.
    public var facts: ClassificationFacts

    /// A record; `fileID` defaults to `id`.
    public init(id: String, fileID: String? = nil, patient: String = "", coordinator: String,
                structure: String = "", kind: ActKind = .inclusion, facts: ClassificationFacts) {
        self.id = id
        self.fileID = fileID ?? id
        self.patient = patient.isEmpty ? (fileID ?? id) : patient
        self.coordinator = coordinator
        self.structure = structure
        self.kind = kind
        self.facts = facts
    }

    /// What kind of act a record is.
    public enum ActKind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The inclusion of a patient by a coordinator (the opening of a file).
        case inclusion
        /// A follow-up act on an open file.
        case followUp = "follow-up"
    }
}
