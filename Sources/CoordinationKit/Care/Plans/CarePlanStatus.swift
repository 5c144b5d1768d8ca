/// The lifecycle of a PPS (docs/CARE.md):
///
/// ```
/// draft ──share──▶ sharedWithGP ──validate (GP)──▶ validated ──activate──▶ active
///   ▲                  │ return (GP)                                      │   ▲
///   └──────────────────┘                                      reevaluate  ▼   │ share, validate, activate
///                                                                     underReview
/// any status but closed ──close──▶ closed ──reevaluate (case reopened)──▶ underReview
/// ```
///
/// Content is edited in `draft` and `underReview` only. When the case's
/// ``CarePlanPolicy/requiresGPValidation`` is off, `activate` is also allowed from `draft`,
/// `sharedWithGP` and `underReview`.
public enum CarePlanStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft
    case sharedWithGP = "shared-with-gp"
    case validated
    case active
    case underReview = "under-review"
    case closed

    /// Whether needs, goals and interventions may be added in this status.
    public var isEditable: Bool { self == .draft || self == .underReview }
}

/// Rules a case applies to its PPS, fixed when the case opens.
public struct CarePlanPolicy: Hashable, Sendable, Codable {
    /// The GP must validate a version before it becomes active and its interventions start.
    public var requiresGPValidation: Bool

    /// A policy; by default the GP validates the PPS before it is activated.
    public init(requiresGPValidation: Bool = true) {
        self.requiresGPValidation = requiresGPValidation
    }

    /// GP validation required.
    public static let `default` = CarePlanPolicy()
}
