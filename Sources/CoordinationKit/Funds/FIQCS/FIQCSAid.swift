/// An aid granted by the FIQCS, and who decides it (art. L221-1-1 CSS).
public struct FIQCSAid: Hashable, Sendable, Codable {
    /// Unique identifier of the aid.
    public var id: String
    /// Who receives it.
    public var recipient: Recipient
    /// What it pays for (L221-1-1 II).
    public var purpose: Purpose
    /// National, interregional or regional: who decides it.
    public var scope: Scope
    /// An experiment in community care (L221-1-1 IV 2°).
    public var experiment: Bool
    /// Multi-year aids commit an amount per year (VI: "sur une base pluriannuelle").
    public var commitments: [Int: Money]

    /// An aid; its commitments are checked against the envelopes by ``FIQCSLedger``.
    public init(id: String, recipient: Recipient, purpose: Purpose, scope: Scope, experiment: Bool, commitments: [Int: Money]) {
        self.id = id
        self.recipient = recipient
        self.purpose = purpose
        self.scope = scope
        self.experiment = experiment
        self.commitments = commitments
    }

    /// Who receives it (L221-1-1 I).
    public enum Recipient: String, Hashable, Sendable, Codable, CaseIterable {
        case professional = "professional"                 // professionnel de santé exerçant en ville
        case professionalGroup = "professional-group"      // regroupement de professionnels
        case healthCentre = "health-centre"                // centre de santé
        case network = "network"                           // réseau de santé (L162-45)
        case outOfHoursCentre = "out-of-hours-centre"      // maison médicale de garde
        case other = "other"                               // another structure of the purposes below
    }

    /// What it finances: the list of L221-1-1 I.
    public enum Purpose: String, Hashable, Sendable, Codable, CaseIterable {
        case qualityAndCoordination = "quality-and-coordination"   // actions and experiments, community care
        case newPracticeModesAndNetworks = "new-practice-modes-and-networks"
        case outOfHoursCare = "out-of-hours-care"                   // permanence des soins, maisons médicales de garde
        case installationAndRetention = "installation-and-retention"
        case groupPractice = "group-practice"                       // exercice pluridisciplinaire et regroupé
        case sharedMedicalRecord = "shared-medical-record"          // dossier médical personnel, hébergement
    }

    /// The reach of the action.
    public enum Scope: Hashable, Sendable, Codable {
        case national
        case interregional
        /// A regional action in the region of this code.
        case regional(String)
    }

    /// The body that decides the aid.
    public enum DecidingBody: String, Hashable, Sendable, Codable , CaseIterable {
        /// Comité national de gestion: national and interregional aids (V).
        case nationalManagementCommittee = "national-management-committee"
        /// Bureau du Conseil national de la qualité et de la coordination des soins:
        /// national and interregional experiments (V).
        case nationalCouncilBureau = "national-council-bureau"
        /// Bureau du conseil régional de la qualité et de la coordination des soins: regional
        /// experiments (VI).
        case regionalCouncilBureau = "regional-council-bureau"
        /// The region (mission régionale de santé), where granting is deconcentrated (VI).
        case region = "region"
    }

    /// Who decides this aid, with the article's reason. Where granting is not deconcentrated,
    /// regional aids stay with the national management committee, which holds the granting
    /// power the article gives it (V) until a decree deconcentrates it (VI).
    public func decidingBody(deconcentrated: Bool) -> (body: DecidingBody, reason: String) {
        switch (scope, experiment) {
        case (.national, true), (.interregional, true):
            (.nationalCouncilBureau, "experiment of national or interregional scope: decided by the bureau of the national council (L221-1-1 V)")
        case (.national, false), (.interregional, false):
            (.nationalManagementCommittee, "national or interregional action: granted by the national management committee (L221-1-1 V)")
        case (.regional, true):
            (.regionalCouncilBureau, "regional experiment: decided by the bureau of the regional council (L221-1-1 VI)")
        case (.regional, false):
            deconcentrated
                ? (.region, "regional action, granting deconcentrated: decided in the region (L221-1-1 VI)")
                : (.nationalManagementCommittee, "regional action, granting not deconcentrated: the national management committee (L221-1-1 V)")
        }
    }
}
