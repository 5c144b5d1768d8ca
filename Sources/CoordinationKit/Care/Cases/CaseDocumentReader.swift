/// A case document read straight from its bytes, for the shape the library writes
/// (`coordinationkit.case/2`): no tree of values, no `Decoder`, one pass, then the same replay
/// of the history as the strict path.
///
/// It reads only what the strict path (``JSONTree``, ``DocumentDecoder`` and
/// `CoordinationCase.init(from:)`) reads to the same value, and gives up (`nil`) on anything
/// else: the first format (`schema`, `_0` wrappers, the old PPS follow-up actions), an unknown,
/// repeated or missing key, `null`, an escape in a text, a number with a point or an exponent,
/// a date written other than `YYYY-MM-DD`, a value a type's checks refuse, a history the replay
/// refuses, any syntax error. The caller then reads the document the strict way, which gives the
/// answer and names what is wrong. A test checks both paths on random and damaged documents, and
/// a fuzz target on arbitrary bytes.
///
/// O(bytes + replay); the allocations are those of the case's values (texts above 15 bytes,
/// lists), none per key or number.
enum CaseDocumentReader {
    /// The case, or `nil` when the strict path must decide.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> CoordinationCase? {
        var reader = JSONPullReader(bytes)
        guard let document = reader.caseDocument(), reader.atEnd() else { return nil }
        return document
    }

    /// The cases of a JSON list of case documents, or `nil` when the strict path must decide.
    static func readList(_ bytes: UnsafeBufferPointer<UInt8>) -> [CoordinationCase]? {
        var reader = JSONPullReader(bytes)
        guard let cases = reader.array(expected: bytes.count / 2_048, { $0.caseDocument() }), reader.atEnd() else { return nil }
        return cases
    }
}

/// The names of the enumerations a case document holds, as bytes, made once.
private enum Names {
    static let sector = NameTable<Sector>()
    static let profession = NameTable<Professional.Profession>()
    static let role = NameTable<CaseRole>()
    static let mode = NameTable<CaseMode>()
    static let tool = NameTable<CoordinationFunction.AssessmentTool>()
    static let part = NameTable<PlanPart>()
    static let interventionStatus = NameTable<InterventionStatus>()
}

/// The shape of a case document, in terms of JSON's pieces.
private extension JSONPullReader {
    /// Reads a member's value into `slot`, once: a key given twice is the strict path's to refuse.
    @inline(__always) mutating func read<T>(_ slot: inout T?, _ value: (inout JSONPullReader) -> T?) -> Bool {
        guard case .none = slot else { return false }
        slot = value(&self)
        if case .none = slot { return false }
        return true
    }

    mutating func caseDocument() -> CoordinationCase? {
        var format: Bool?, id: String?, patient: Patient?, history: [CaseEvent]?
        let complete = object { r, key in
            if r.matches(key, "format") {
                return r.read(&format) { r in r.plainString().flatMap { r.matches($0, "coordinationkit.case/2") ? true : nil } }
            }
            if r.matches(key, "id") { return r.read(&id) { $0.string() } }
            if r.matches(key, "patient") { return r.read(&patient) { $0.patient() } }
            if r.matches(key, "history") {
                guard history == nil else { return false }
                var events: [CaseEvent] = []
                events.reserveCapacity(32)
                guard r.list({ $0.event(into: &events) }) else { return false }
                history = events
                return true
            }
            return false
        }
        guard complete, format != nil, let id, let patient, let history, let first = history.first,
              var replayed = try? CoordinationCase(id: id, patient: patient, replaying: first, events: history.count) else { return nil }
        for index in 1..<history.count {
            do throws(CareError) { try replayed.apply(history[index]) } catch { return nil }
        }
        return replayed
    }

    // MARK: People and places

    mutating func patient() -> Patient? {
        var ins: INS?, birthDate: CalendarDate?, ald: Patient.ALDStatus?, gir: Patient.GIR?, disability: Bool?
        var territory: Territory?, gp: ProfessionalID?, consents: [Sector]?
        let complete = object { r, key in
            if r.matches(key, "ins") { return r.read(&ins) { r in r.string().flatMap { try? INS($0) } } }
            if r.matches(key, "birthDate") { return r.read(&birthDate) { $0.date() } }
            if r.matches(key, "ald") { return r.read(&ald) { $0.ald() } }
            if r.matches(key, "gir") { return r.read(&gir) { r in r.integer().flatMap(Patient.GIR.init(rawValue:)) } }
            if r.matches(key, "disability") { return r.read(&disability) { $0.bool() } }
            if r.matches(key, "territory") { return r.read(&territory) { $0.territory() } }
            if r.matches(key, "medecinTraitant") { return r.read(&gp) { $0.professionalID() } }
            if r.matches(key, "consents") { return r.read(&consents) { $0.array { $0.named(Names.sector) } } }
            return false
        }
        guard complete, let ins, let birthDate, let territory else { return nil }
        return try? Patient(ins: ins, birthDate: birthDate, ald: ald ?? .none, gir: gir, disability: disability ?? false,
                            territory: territory, medecinTraitant: gp, consents: Set(consents ?? []))
    }

    /// `{"none": {}}`, `{"formerALD": {}}` or `{"ald": {"lists": [...]}}`.
    mutating func ald() -> Patient.ALDStatus? {
        oneOf { r, key in
            if r.matches(key, "none") { return r.emptyObject() ? Patient.ALDStatus.none : nil }
            if r.matches(key, "formerALD") { return r.emptyObject() ? .formerALD : nil }
            if r.matches(key, "ald") {
                var lists: [Int]?
                let complete = r.object { r, key in r.matches(key, "lists") && r.read(&lists) { $0.array { $0.integer() } } }
                guard complete, let lists else { return nil }
                return .ald(lists: lists)
            }
            return nil
        }
    }

    mutating func territory() -> Territory? {
        var region: String?, departement: String?, commune: String?
        let complete = object { r, key in
            if r.matches(key, "region") { return r.read(&region) { $0.string() } }
            if r.matches(key, "departement") { return r.read(&departement) { $0.string() } }
            if r.matches(key, "commune") { return r.read(&commune) { $0.string() } }
            return false
        }
        guard complete, let region, let departement, let commune else { return nil }
        return try? Territory(region: region, departement: departement, commune: commune)
    }

    mutating func professionalID() -> ProfessionalID? {
        guard let range = plainString() else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        if ProfessionalID.isRPPSDigits(text) { return .rpps(String(decoding: text, as: UTF8.self)) }   // ASCII digits: valid UTF-8
        return UTF8Text.string(text).flatMap { try? ProfessionalID($0) }
    }

    mutating func professional() -> Professional? {
        var id: ProfessionalID?, name: String?, profession: Professional.Profession?, sector: Sector?
        let complete = object { r, key in
            if r.matches(key, "id") { return r.read(&id) { $0.professionalID() } }
            if r.matches(key, "name") { return r.read(&name) { $0.string() } }
            if r.matches(key, "profession") { return r.read(&profession) { $0.named(Names.profession) } }
            if r.matches(key, "sector") { return r.read(&sector) { $0.named(Names.sector) } }
            return false
        }
        guard complete, let id, let name, let profession, let sector else { return nil }
        return try? Professional(id: id, name: name, profession: profession, sector: sector)
    }

    /// A value of a string-backed enumeration, by its raw value.
    mutating func named<E>(_ names: NameTable<E>) -> E? {
        plainString().flatMap { names.value(of: UnsafeBufferPointer(rebasing: bytes[$0])) }
    }

    // MARK: Events

    /// Reads an event and appends it to `events`.
    mutating func event(into events: inout [CaseEvent]) -> Bool {
        var date: CalendarDate?, author: ProfessionalID?, role: CaseRole?, action: CaseAction?
        let complete = object { r, key in
            if r.matches(key, "date") { return r.read(&date) { $0.date() } }
            if r.matches(key, "author") { return r.read(&author) { $0.professionalID() } }
            if r.matches(key, "role") { return r.read(&role) { $0.named(Names.role) } }
            if r.matches(key, "action") { return r.read(&action) { $0.action() } }
            return false
        }
        guard complete, let date, let author, let role, let action = action.take() else { return false }
        events.append(CaseEvent(date: date, author: author, role: role, action: action))
        return true
    }

    mutating func action() -> CaseAction? {
        oneOf { r, key in
            if r.matches(key, "record") {
                var function: CoordinationFunction?
                let complete = r.object { r, key in r.matches(key, "function") && r.read(&function) { $0.function() } }
                return complete ? function.map(CaseAction.record(function:)) : nil
            }
            if r.matches(key, "plan") { return r.planAction().map(CaseAction.plan) }
            if r.matches(key, "open") { return r.opening() }
            if r.matches(key, "designateCoordinator") {
                var coordinator: Professional?, structure: StructureID?
                let complete = r.object { r, key in
                    if r.matches(key, "coordinator") { return r.read(&coordinator) { $0.professional() } }
                    if r.matches(key, "structure") { return r.read(&structure) { r in r.string().flatMap { try? StructureID($0) } } }
                    return false
                }
                guard complete, let coordinator else { return nil }
                return .designateCoordinator(coordinator: coordinator, structure: structure)
            }
            if r.matches(key, "addTeamMember") {
                var member: Professional?
                let complete = r.object { r, key in r.matches(key, "member") && r.read(&member) { $0.professional() } }
                return complete ? member.map(CaseAction.addTeamMember(member:)) : nil
            }
            if r.matches(key, "changeMode") {
                var mode: CaseMode?
                let complete = r.object { r, key in r.matches(key, "mode") && r.read(&mode) { $0.named(Names.mode) } }
                return complete ? mode.map(CaseAction.changeMode(mode:)) : nil
            }
            if r.matches(key, "close") { return r.reason().map(CaseAction.close(reason:)) }
            if r.matches(key, "reopen") { return r.reason().map(CaseAction.reopen(reason:)) }
            if r.matches(key, "changeConsents") {
                var consents: [Sector]?, reason: String?
                let complete = r.object { r, key in
                    if r.matches(key, "consents") { return r.read(&consents) { $0.array { $0.named(Names.sector) } } }
                    if r.matches(key, "reason") { return r.read(&reason) { $0.string() } }
                    return false
                }
                guard complete, let consents, let reason else { return nil }
                return .changeConsents(consents: Set(consents), reason: reason)
            }
            if r.matches(key, "changeGP") {
                var gp: Professional?, reason: String?
                let complete = r.object { r, key in
                    if r.matches(key, "gp") { return r.read(&gp) { $0.professional() } }
                    if r.matches(key, "reason") { return r.read(&reason) { $0.string() } }
                    return false
                }
                guard complete, let gp, let reason else { return nil }
                return .changeGP(gp: gp, reason: reason)
            }
            if r.matches(key, "correctDate") {
                var date: CalendarDate?, reason: String?
                let complete = r.object { r, key in
                    if r.matches(key, "to") { return r.read(&date) { $0.date() } }
                    if r.matches(key, "reason") { return r.read(&reason) { $0.string() } }
                    return false
                }
                guard complete, let date, let reason else { return nil }
                return .correctDate(to: date, reason: reason)
            }
            return nil
        }
    }

    /// `{"gp": ..., "mode": ..., "signal": ..., "policy": ...}`, the signal optional.
    mutating func opening() -> CaseAction? {
        var gp: Professional?, mode: CaseMode?, signal: Signal?, policy: CarePlanPolicy?
        let complete = object { r, key in
            if r.matches(key, "gp") { return r.read(&gp) { $0.professional() } }
            if r.matches(key, "mode") { return r.read(&mode) { $0.named(Names.mode) } }
            if r.matches(key, "signal") { return r.read(&signal) { $0.signal() } }
            if r.matches(key, "policy") {
                return r.read(&policy) { r in
                    var requires: Bool?
                    let complete = r.object { r, key in r.matches(key, "requiresGPValidation") && r.read(&requires) { $0.bool() } }
                    guard complete, let requires else { return nil }
                    return CarePlanPolicy(requiresGPValidation: requires)
                }
            }
            return false
        }
        guard complete, let gp, let mode, let policy else { return nil }
        return .open(gp: gp, mode: mode, signal: signal, policy: policy)
    }

    mutating func signal() -> Signal? {
        var reportedBy: String?, receivedOn: CalendarDate?, summary: String?
        let complete = object { r, key in
            if r.matches(key, "reportedBy") { return r.read(&reportedBy) { $0.string() } }
            if r.matches(key, "receivedOn") { return r.read(&receivedOn) { $0.date() } }
            if r.matches(key, "summary") { return r.read(&summary) { $0.string() } }
            return false
        }
        guard complete, let reportedBy, let receivedOn, let summary else { return nil }
        return Signal(reportedBy: reportedBy, receivedOn: receivedOn, summary: summary)
    }

    /// `{"reason": "..."}`.
    mutating func reason() -> String? {
        var reason: String?
        let complete = object { r, key in r.matches(key, "reason") && r.read(&reason) { $0.string() } }
        return complete ? reason : nil
    }

    // MARK: Coordination functions

    mutating func function() -> CoordinationFunction? {
        oneOf { r, key in
            if r.matches(key, "evaluation") { return r.evaluation().map(CoordinationFunction.evaluation) }
            if r.matches(key, "accompaniment") { return r.accompaniment().map(CoordinationFunction.accompaniment) }
            if r.matches(key, "followUp") { return r.followUp().map(CoordinationFunction.followUp) }
            return nil
        }
    }

    mutating func evaluation() -> CoordinationFunction.Evaluation? {
        var minutes: Int?, formal: Bool?, tools: [CoordinationFunction.AssessmentTool]?, atHome: Bool?
        var external: Bool?, note: String?
        let complete = object { r, key in
            if r.matches(key, "minutes") { return r.read(&minutes) { $0.integer() } }
            if r.matches(key, "formal") { return r.read(&formal) { $0.bool() } }
            if r.matches(key, "tools") { return r.read(&tools) { $0.array { $0.named(Names.tool) } } }
            if r.matches(key, "atHome") { return r.read(&atHome) { $0.bool() } }
            if r.matches(key, "externalExpertise") { return r.read(&external) { $0.bool() } }
            if r.matches(key, "note") { return r.read(&note) { $0.string() } }
            return false
        }
        guard complete, let minutes, let formal, let tools, let atHome, let external, let note else { return nil }
        return .init(minutes: minutes, formal: formal, tools: tools, atHome: atHome, externalExpertise: external, note: note)
    }

    mutating func accompaniment() -> CoordinationFunction.Accompaniment? {
        var minutes: Int?, providers: [String]?, financing: Bool?, note: String?
        let complete = object { r, key in
            if r.matches(key, "minutes") { return r.read(&minutes) { $0.integer() } }
            if r.matches(key, "providersContacted") { return r.read(&providers) { $0.array { $0.string() } } }
            if r.matches(key, "financingFile") { return r.read(&financing) { $0.bool() } }
            if r.matches(key, "note") { return r.read(&note) { $0.string() } }
            return false
        }
        guard complete, let minutes, let providers, let financing, let note else { return nil }
        return .init(minutes: minutes, providersContacted: providers, financingFile: financing, note: note)
    }

    mutating func followUp() -> CoordinationFunction.FollowUp? {
        var minutes: Int?, report: Bool?, note: String?
        let complete = object { r, key in
            if r.matches(key, "minutes") { return r.read(&minutes) { $0.integer() } }
            if r.matches(key, "reportToGP") { return r.read(&report) { $0.bool() } }
            if r.matches(key, "note") { return r.read(&note) { $0.string() } }
            return false
        }
        guard complete, let minutes, let report, let note else { return nil }
        return .init(minutes: minutes, reportToGP: report, note: note)
    }

    // MARK: The PPS

    mutating func planAction() -> PlanAction? {
        oneOf { r, key in
            if r.matches(key, "start") { return r.emptyObject() ? PlanAction.start : nil }
            if r.matches(key, "addNeed") { return r.need().map(PlanAction.addNeed) }
            if r.matches(key, "addGoal") { return r.goal().map(PlanAction.addGoal) }
            if r.matches(key, "addIntervention") { return r.intervention().map(PlanAction.addIntervention) }
            if r.matches(key, "adaptIntervention") { return r.intervention().map(PlanAction.adaptIntervention) }
            if r.matches(key, "changeIntervention") {
                var id: String?, status: InterventionStatus?
                let complete = r.object { r, key in
                    if r.matches(key, "id") { return r.read(&id) { $0.string() } }
                    if r.matches(key, "to") { return r.read(&status) { $0.named(Names.interventionStatus) } }
                    return false
                }
                guard complete, let id, let status else { return nil }
                return .changeIntervention(id: id, to: status)
            }
            if r.matches(key, "associateGP") { return r.emptyObject() ? .associateGP : nil }
            if r.matches(key, "shareWithGP") { return r.emptyObject() ? .shareWithGP : nil }
            if r.matches(key, "validate") { return r.emptyObject() ? .validate : nil }
            if r.matches(key, "activate") { return r.emptyObject() ? .activate : nil }
            if r.matches(key, "returnToCoordinator") { return r.reason().map(PlanAction.returnToCoordinator(reason:)) }
            if r.matches(key, "reevaluate") { return r.reason().map(PlanAction.reevaluate(reason:)) }
            if r.matches(key, "close") { return r.reason().map(PlanAction.close(reason:)) }
            return nil
        }
    }

    mutating func need() -> Need? {
        var id: String?, part: PlanPart?, description: String?
        let complete = object { r, key in
            if r.matches(key, "id") { return r.read(&id) { $0.string() } }
            if r.matches(key, "part") { return r.read(&part) { $0.named(Names.part) } }
            if r.matches(key, "description") { return r.read(&description) { $0.string() } }
            return false
        }
        guard complete, let id, let part, let description else { return nil }
        return Need(id: id, part: part, description: description)
    }

    mutating func goal() -> Goal? {
        var id: String?, part: PlanPart?, description: String?, addresses: [String]?, due: CalendarDate?
        let complete = object { r, key in
            if r.matches(key, "id") { return r.read(&id) { $0.string() } }
            if r.matches(key, "part") { return r.read(&part) { $0.named(Names.part) } }
            if r.matches(key, "description") { return r.read(&description) { $0.string() } }
            if r.matches(key, "addresses") { return r.read(&addresses) { $0.array { $0.string() } } }
            if r.matches(key, "due") { return r.read(&due) { $0.date() } }
            return false
        }
        guard complete, let id, let part, let description, let addresses else { return nil }
        return Goal(id: id, part: part, description: description, addresses: addresses, due: due)
    }

    mutating func intervention() -> Intervention? {
        var id: String?, part: PlanPart?, activity: String?, performer: String?, sector: Sector?
        var start: CalendarDate?, end: CalendarDate?, frequency: String?, goals: [String]?, status: InterventionStatus?
        let complete = object { r, key in
            if r.matches(key, "id") { return r.read(&id) { $0.string() } }
            if r.matches(key, "part") { return r.read(&part) { $0.named(Names.part) } }
            if r.matches(key, "activity") { return r.read(&activity) { $0.string() } }
            if r.matches(key, "performer") { return r.read(&performer) { $0.string() } }
            if r.matches(key, "sector") { return r.read(&sector) { $0.named(Names.sector) } }
            if r.matches(key, "start") { return r.read(&start) { $0.date() } }
            if r.matches(key, "end") { return r.read(&end) { $0.date() } }
            if r.matches(key, "frequency") { return r.read(&frequency) { $0.string() } }
            if r.matches(key, "goals") { return r.read(&goals) { $0.array { $0.string() } } }
            if r.matches(key, "status") { return r.read(&status) { $0.named(Names.interventionStatus) } }
            return false
        }
        guard complete, let id, let part, let activity, let performer, let sector, let start, let frequency, let goals,
              let status else { return nil }
        var intervention = Intervention(id: id, part: part, activity: activity, performer: performer, sector: sector,
                                        start: start, end: end, frequency: frequency, goals: goals)
        intervention.status = status
        return intervention
    }
}

extension CoordinationCase {
    /// The two readers of a case document side by side, for the differential fuzz target: the
    /// direct reader's case (`nil` when it leaves the document to the strict path) and the
    /// strict path's (`nil` when it refuses the document). The direct case, when there is one,
    /// must equal the strict one.
    package static func readBothWays(json: [UInt8]) -> (direct: CoordinationCase?, strict: CoordinationCase?) {
        let direct = json.withUnsafeBufferPointer(CaseDocumentReader.read)
        let strict = try? JSONDocument.decode(CoordinationCase.self, from: json, limit: CareLimits.document, CareError.malformedDocument)
        return (direct, strict)
    }

    /// The case's document written both ways, for the same fuzz target: directly and through
    /// `Encodable`. The two must be the same bytes (empty when either cannot write).
    package func writtenBothWays() -> (direct: [UInt8], encodable: [UInt8]) {
        let direct = (try? JSONWriter.encode(self)) ?? []
        let encodable = (try? JSONWriter.encodeThroughEncodable(self, pretty: false, escapingSlashes: true)) ?? []
        return (direct, encodable)
    }
}
