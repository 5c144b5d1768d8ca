/// A coordination case ("dossier de coordination") for one patient, with the process rules of
/// docs/CARE.md enforced (IGAS 2014-010R [213]-[226]):
/// - **only the patient's GP opens a case**, and only the GP reopens it;
/// - the GP designates the coordinator, who joins the care team;
/// - the three functions (evaluation, accompaniment, follow-up) are recorded with their time by
///   the coordinator or team members, once a coordinator is designated;
/// - the PPS comes out of an evaluation and follows its lifecycle (``CarePlanStatus``);
/// - the PPS parts are read and written according to sector and consent (``PlanAccess``).
///
/// **Every change is kept**: the case is its append-only ``history``; each call to
/// ``record(_:by:on:)`` checks the action against the current state and appends one event, or
/// throws a ``CareError`` saying why and changes nothing. The other properties are the state
/// those events produce, kept up to date for O(1) reads. Decoding a case replays its history
/// through the same checks.
///
/// A value type: copies are independent, and concurrent readers need no locking.
public struct CoordinationCase: Hashable, Sendable {
    /// The case's identifier, 1 to 64 characters.
    public let id: String
    /// The patient the case is about, as the history leaves them: consents and médecin traitant
    /// follow ``CaseAction/changeConsents(consents:reason:)`` and ``CaseAction/changeGP(gp:reason:)``.
    public private(set) var patient: Patient
    /// The patient as the case was opened: what a replay starts from (and what is stored).
    let openingPatient: Patient
    /// Every event, oldest first. Never empty (the opening is the first).
    public private(set) var history: [CaseEvent] = []

    /// Open, or closed (with the day and reason in the history).
    public private(set) var status: CaseStatus = .open
    /// Lasting or punctual coordination.
    public private(set) var mode: CaseMode = .lasting
    /// Whether the PPS needs the GP's validation before it is activated.
    public private(set) var policy: CarePlanPolicy = .default
    /// The professionals of the case and their roles.
    public private(set) var team = CareTeam()
    /// The designated coordinator, if any.
    public private(set) var coordinator: Professional?
    /// The structure the coordinator works for (funding follows the file to it, IGAS [215]).
    public private(set) var structure: StructureID?
    /// The day the GP opened the case (the GP's request).
    public private(set) var openedOn: CalendarDate
    /// The day of the last closure, while closed.
    public private(set) var closedOn: CalendarDate?
    /// The PPS, once started.
    public private(set) var plan: CarePlan?
    /// Minutes spent per function: evaluation, accompaniment, follow-up.
    public private(set) var minutes = FunctionMinutes()
    /// What the functions recorded, for the tariff level.
    public private(set) var evaluationCount = 0
    /// Whether a formal evaluation was recorded (the Santélys classification).
    public private(set) var formalEvaluation = false
    /// Whether outside expertise was called in (a marker of a complex file).
    public private(set) var externalExpertise = false
    /// Whether an aid or financing file was put together (a marker of a complex file).
    public private(set) var financingFile = false
    /// Distinct providers or structures contacted, over all accompaniments.
    public private(set) var providersContacted: Set<String> = []
    /// Follow-ups that reported to the GP ("retour formalisé", with or without a PPS).
    public private(set) var reportsToGP = 0

    /// Minutes per coordination function.
    public struct FunctionMinutes: Hashable, Sendable, Codable {
        /// Minutes spent evaluating.
        public internal(set) var evaluation = 0
        /// Minutes spent accompanying (contacts with providers, formalities).
        public internal(set) var accompaniment = 0
        /// Minutes spent following up.
        public internal(set) var followUp = 0
        /// All minutes. O(1).
        public var total: Int { evaluation + accompaniment + followUp }
    }

    /// Opens a case: the patient's GP decides to start a coordination.
    ///
    /// - Parameters:
    ///   - gp: the doctor opening it; must be the patient's declared médecin traitant.
    ///   - signal: the report that led to it, if any (received on or before `date`).
    ///   - policy: the PPS rules for this case.
    /// - Throws: ``CareError/noDeclaredGP(patient:)``, ``CareError/notThePatientsGP(actor:action:)``
    ///   when someone else tries, ``CareError/invalid(field:reason:)`` for a bad id or a signal
    ///   dated after the opening.
    public init(id: String, patient: Patient, openedBy gp: Professional, on date: CalendarDate,
                mode: CaseMode = .lasting, signal: Signal? = nil, policy: CarePlanPolicy = .default) throws(CareError) {
        try CarePlan.checkText(id, field: "case.id", maximum: CareLimits.identifier)
        self.id = id
        self.patient = patient
        self.openingPatient = patient
        self.openedOn = date
        try record(.open(gp: gp, mode: mode, signal: signal, policy: policy), by: gp.id, on: date)
    }

    /// Replays a history (decoding): the first event must be the opening. `events`, when
    /// known, is the history's length, reserved at once.
    init(id: String, patient: Patient, replaying first: CaseEvent, events: Int = 1) throws(CareError) {
        try CarePlan.checkText(id, field: "case.id", maximum: CareLimits.identifier)
        self.id = id
        self.patient = patient
        self.openingPatient = patient
        self.openedOn = first.date
        history.reserveCapacity(events)
        try apply(first)
    }

    /// Records one action by `author` on `date`.
    ///
    /// The author's role is computed from the case (GP, coordinator or member); the action is
    /// checked against the rules and the current state. O(team size + plan size).
    /// - Throws: a ``CareError`` naming the refused rule; the case is then unchanged.
    public mutating func record(_ action: CaseAction, by author: ProfessionalID, on date: CalendarDate) throws(CareError) {
        let role = try role(of: author, for: action)
        try apply(CaseEvent(date: date, author: author, role: role, action: action))
    }

    /// The role `author` holds for `action`.
    private func role(of author: ProfessionalID, for action: CaseAction) throws(CareError) -> CaseRole {
        if author == patient.medecinTraitant { return .gp }
        if case .open = action {
            guard patient.medecinTraitant != nil else { throw .noDeclaredGP(patient: patient.ins.value) }
            throw .notThePatientsGP(actor: author.description, action: "open a coordination case")
        }
        if let coordinator, coordinator.id == author { return .coordinator }
        if team.participant(author) != nil { return .member }
        throw .notInCareTeam(actor: author.description)
    }

    /// Checks and applies one event; the single place where the case changes.
    mutating func apply(_ event: CaseEvent) throws(CareError) {
        let expectedRole = try role(of: event.author, for: event.action)
        guard expectedRole == event.role else {
            throw .invalid(field: "role", reason: "\(event.author) is \(expectedRole.rawValue) in this case, not \(event.role.rawValue)")
        }
        let action = event.action
        if case .correctDate = action {
            // Checked against the event before the one corrected (see below).
        } else if let last = history.last, event.date < last.date {
            throw .dateOutOfOrder(date: event.date, after: last.date)
        }
        if history.isEmpty, !action.isOpening {
            throw .caseStateRefused(action: action.name, reason: "a case history starts with the GP's opening")
        }
        func require(_ roles: CaseRoles, _ allowed: String) throws(CareError) {
            guard roles.contains(CaseRoles(event.role)) else {
                throw .roleNotAllowed(actor: event.author.description, role: event.role, action: action.name, allowed: allowed)
            }
        }
        func requireOpen() throws(CareError) {
            guard status == .open else { throw .caseStateRefused(action: action.name, reason: "the case is closed") }
        }

        switch action {
        case .open(let gp, let mode, let signal, let policy):
            guard history.isEmpty else { throw .caseStateRefused(action: action.name, reason: "the case is already open") }
            // The médecin traitant may be a specialist (L162-5-3 CSS); the report's "médecin de
            // premier recours" is usually the médecin traitant ([16]): the declared médecin
            // traitant opens, whatever their specialty.
            guard gp.id == event.author, gp.profession == .generalPractitioner || gp.profession == .specialist else {
                throw .invalid(field: "gp", reason: "the opening doctor must be the author and a doctor (the patient's médecin traitant)")
            }
            guard event.date >= patient.birthDate else {
                throw .invalid(field: "date", reason: "the case opens on \(event.date), before the patient's birth on \(patient.birthDate)")
            }
            if let signal, signal.receivedOn > event.date {
                throw .invalid(field: "signal.receivedOn", reason: "\(signal.receivedOn) is after the opening \(event.date)")
            }
            if let signal {
                try CarePlan.checkText(signal.reportedBy, field: "signal.reportedBy", maximum: CareLimits.name)
                guard signal.summary.utf8.count <= CareLimits.text else {
                    throw .invalid(field: "signal.summary", reason: "must be at most \(CareLimits.text) bytes of text")
                }
            }
            self.mode = mode
            self.policy = policy
            openedOn = event.date
            team.add(gp, role: .gp, since: event.date)
        case .designateCoordinator(let professional, let structure):
            try require([.gp], "the patient's GP (IGAS [231]-[233])")
            try requireOpen()
            if let structure { try StructureID.check(structure.value) }
            guard professional.id != patient.medecinTraitant else {
                // The GP triggers, receives and validates: a plan he coordinated himself would be
                // validated by its own author. The texts name other coordinators (IGAS [231]-[233]).
                throw .caseStateRefused(action: action.name, reason: "the GP designates another professional or structure as coordinator")
            }
            team.demoteCoordinators()
            team.add(professional, role: .coordinator, since: event.date)
            coordinator = professional
            self.structure = structure
        case .addTeamMember(let member):
            try require([.gp, .coordinator], "the patient's GP or the coordinator")
            try requireOpen()
            guard team.participant(member.id) == nil else {
                throw .caseStateRefused(action: action.name, reason: "\(member.id) is already in the care team")
            }
            team.add(member, role: .member, since: event.date)
        case .record(let function):
            try require([.coordinator, .member], "the coordinator or a care-team member")
            try requireOpen()
            guard coordinator != nil else {
                throw .caseStateRefused(action: action.name, reason: "the GP has not designated a coordinator yet")
            }
            try function.validate()
            switch function {
            case .evaluation(let e):
                evaluationCount += 1
                formalEvaluation = formalEvaluation || e.formal
                externalExpertise = externalExpertise || e.externalExpertise
                minutes.evaluation += e.minutes
            case .accompaniment(let a):
                providersContacted.formUnion(a.providersContacted)
                financingFile = financingFile || a.financingFile
                minutes.accompaniment += a.minutes
            case .followUp(let f):
                minutes.followUp += f.minutes
                if f.reportToGP { reportsToGP += 1 }
                // One act counted everywhere it should be: the PPS followed up, feedback to the GP.
                if plan != nil {
                    var current = plan
                    plan = nil
                    current?.recordFollowUp(reportToGP: f.reportToGP)
                    plan = current
                }
            }
        case .changeMode(let mode):
            try require([.gp, .coordinator], "the patient's GP or the coordinator")
            try requireOpen()
            self.mode = mode
        case .close(let reason):
            try require([.gp, .coordinator], "the patient's GP or the coordinator")
            try requireOpen()
            try CarePlan.checkText(reason, field: "reason")
            status = .closed
            closedOn = event.date
        case .reopen(let reason):
            try require([.gp], "the patient's GP (IGAS [226])")
            guard status == .closed else { throw .caseStateRefused(action: action.name, reason: "the case is open") }
            try CarePlan.checkText(reason, field: "reason")
            status = .open
            closedOn = nil
        case .plan(let planAction):
            try requireOpen()
            guard let author = team.participant(event.author)?.professional else { throw .notInCareTeam(actor: event.author.description) }
            if case .start = planAction {
                try require([.coordinator], "the coordinator")
                guard plan == nil else { throw .planTransitionRefused(from: plan?.status ?? .draft, action: planAction.name, reason: "the case already has a PPS") }
                guard evaluationCount > 0 else {
                    throw .caseStateRefused(action: planAction.name, reason: "a PPS comes out of an evaluation, and none is recorded (IGAS [108])")
                }
                plan = CarePlan(startedOn: event.date)
            } else {
                guard var current = plan else { throw .caseStateRefused(action: planAction.name, reason: "the case has no PPS yet") }
                // Taken out while it changes, so that its arrays are not copied on each event
                // (a plan of n items is then built in O(n)); put back whatever happens.
                plan = nil
                defer { plan = current }
                try current.apply(planAction, .init(author: author, role: event.role, consents: patient.consents,
                                                    policy: policy, date: event.date))
            }
        case .changeConsents(let consents, let reason):
            try require([.gp, .coordinator], "the patient's GP or the coordinator (the patient's express consent, IGAS [379])")
            try requireOpen()
            try CarePlan.checkText(reason, field: "reason")
            patient = patient.with(consents: consents)
        case .changeGP(let gp, let reason):
            try require([.gp, .coordinator], "the outgoing GP or the coordinator")
            try requireOpen()
            try CarePlan.checkText(reason, field: "reason")
            guard gp.profession == .generalPractitioner || gp.profession == .specialist, gp.id.isRPPS else {
                throw .invalid(field: "gp", reason: "a médecin traitant is a doctor with an RPPS number")
            }
            guard gp.id != patient.medecinTraitant else { throw .caseStateRefused(action: action.name, reason: "\(gp.id) is already the médecin traitant") }
            guard coordinator?.id != gp.id else {
                throw .caseStateRefused(action: action.name, reason: "the coordinator cannot become the patient's GP in the same case")
            }
            if let outgoing = patient.medecinTraitant { team.remove(outgoing) }
            patient = try patient.with(medecinTraitant: gp.id)
            team.add(gp, role: .gp, since: event.date)
        case .correctDate(let date, let reason):
            try require([.gp, .coordinator], "the patient's GP or the coordinator")
            try CarePlan.checkText(reason, field: "reason")
            try correctLastDate(to: date, by: event)
            return
        }
        history.append(event)
    }

    /// Replays the history with the last event's date set to `date`, then appends the
    /// correction. The corrected date must keep the history in order.
    private mutating func correctLastDate(to date: CalendarDate, by correction: CaseEvent) throws(CareError) {
        guard let wrong = history.last else { throw .caseStateRefused(action: correction.action.name, reason: "nothing to correct") }
        if case .correctDate = wrong.action {
            throw .caseStateRefused(action: correction.action.name, reason: "the last event is already a correction; correct it by another")
        }
        guard correction.date == date else {
            throw .invalid(field: "date", reason: "a correction is dated with the corrected date \(date), got \(correction.date)")
        }
        let fixed = CaseEvent(date: date, author: wrong.author, role: wrong.role, action: wrong.action)
        var replayed = try CoordinationCase(id: id, patient: openingPatient, replaying: history.count == 1 ? fixed : history[0])
        for event in history.dropFirst().dropLast() { try replayed.apply(event) }
        if history.count > 1 { try replayed.apply(fixed) }
        // The replayed case holds the corrected event; the stored history keeps what was
        // entered, followed by the correction.
        replayed.history = history + [correction]
        self = replayed
    }

    /// The PPS as `reader` may see it: the parts of their sector (and, with the patient's
    /// consent, the other part), the hidden parts listed with the reason.
    /// - Throws: ``CareError/notInCareTeam(actor:)`` for a non-member,
    ///   ``CareError/caseStateRefused(action:reason:)`` when there is no PPS.
    public func planView(for reader: ProfessionalID) throws(CareError) -> CarePlanView {
        guard let professional = team.participant(reader)?.professional else { throw .notInCareTeam(actor: reader.description) }
        guard let plan else { throw .caseStateRefused(action: "read the PPS", reason: "the case has no PPS yet") }
        var visible: [PlanPart] = []
        var hidden: [CarePlanView.HiddenPart] = []
        for part in PlanPart.allCases {
            if let reason = PlanAccess.hidingReason(part: part, reader: professional, consents: patient.consents) {
                hidden.append(.init(part: part, reason: reason))
            } else {
                visible.append(part)
            }
        }
        let version = plan.current
        return CarePlanView(status: plan.status, version: version.number, content: version.content.restricted(to: Set(visible)),
                            visibleParts: visible, hiddenParts: hidden, gpAssociated: plan.gpAssociated,
                            sharedWithGPOn: version.sharedWithGPOn, validatedOn: version.validatedOn)
    }

    /// What `reader` could see of the PPS over time: one period per change of their membership
    /// or of the patient's consents, oldest first, each with the parts visible (empty when they
    /// were not in the care team). O(history).
    public func access(of reader: ProfessionalID) -> [AccessPeriod] {
        var periods: [AccessPeriod] = []
        var consents = openingPatient.consents
        var professional: Professional?
        var gp = openingPatient.medecinTraitant
        for event in history {
            switch event.action {
            case .open(let opener, _, _, _) where opener.id == reader: professional = opener
            case .designateCoordinator(let coordinator, _) where coordinator.id == reader: professional = coordinator
            case .addTeamMember(let member) where member.id == reader: professional = member
            case .changeConsents(let new, _): consents = new
            case .changeGP(let new, _):
                if gp == reader { professional = nil }
                if new.id == reader { professional = new }
                gp = new.id
            default: continue
            }
            let visible = professional.map { reader in
                PlanPart.allCases.filter { PlanAccess.hidingReason(part: $0, reader: reader, consents: consents) == nil }
            } ?? []
            if let last = periods.last, last.visibleParts == visible { continue }
            if !periods.isEmpty { periods[periods.count - 1].until = event.date }
            periods.append(AccessPeriod(from: event.date, until: nil, visibleParts: visible))
        }
        return periods
    }

    /// A span of days during which a reader could see the same parts of the PPS.
    public struct AccessPeriod: Hashable, Sendable, Codable {
        /// First day.
        public let from: CalendarDate
        /// The day the access changed; nil while it lasts.
        public internal(set) var until: CalendarDate?
        /// The parts visible (none: not in the care team).
        public let visibleParts: [PlanPart]
    }

    /// The classification facts of the file, dated on the opening: formal evaluation, distinct
    /// providers contacted, financing file, outside expertise (docs/TARIFF.md).
    public var classificationFacts: ClassificationFacts {
        ClassificationFacts(date: openedOn, validatedProviders: providersContacted.count, formalEvaluation: formalEvaluation,
                            financingFile: financingFile, externalExpertise: externalExpertise)
    }

    /// The tariff level of the file by the three-level rule (``Classifier``), with its flag.
    public var tariffLevel: (level: CoordinationLevel, flag: Classifier.Flag?) {
        Classifier.classify(classificationFacts)
    }
}
