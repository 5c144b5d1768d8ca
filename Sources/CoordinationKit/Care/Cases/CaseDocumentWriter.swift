/// A case document written straight into the writer's buffer: the same bytes as the
/// `Encodable` path (``CoordinationCase/encode(to:)`` through ``JSONWriter``), keys in UTF-8 byte
/// order, optional fields left out when `nil`, without a tree of values per field. A test
/// compares both on every action, compact and indented, with and without escaped slashes.
///
/// O(size of the output); the allocations are the buffer's growth, the patient's consents and
/// a changed consent's sectors put in order, and the texts that need escapes (4 a case on the
/// benchmark's cases).
extension CoordinationCase: DirectJSON {
    var jsonCapacity: Int { 512 + history.count * 256 }

    func write(to stream: inout JSONStream) {
        stream.object { s in
            s.key("format"); s.string(Self.formatTag)
            s.key("history"); s.array(history) { s, event in s.event(event) }
            s.key("id"); s.string(id)
            s.key("patient"); s.patient(openingPatient)
        }
    }
}

private extension JSONStream {
    mutating func date(_ date: CalendarDate) { string(date.description) }

    mutating func patient(_ patient: Patient) {
        object { s in
            s.key("ald")
            s.object { s in
                switch patient.ald {
                case .none: s.key("none"); s.object { _ in }
                case .ald(let lists): s.key("ald"); s.object { s in s.key("lists"); s.array(lists) { s, list in s.int(list) } }
                case .formerALD: s.key("formerALD"); s.object { _ in }
                }
            }
            s.key("birthDate"); s.date(patient.birthDate)
            s.key("consents"); s.array(Sector.allCases.filter(patient.consents.contains)) { s, sector in s.string(sector.rawValue) }
            s.key("disability"); s.bool(patient.disability)
            if let gir = patient.gir { s.key("gir"); s.int(gir.rawValue) }
            s.key("ins"); s.string(patient.ins.value)
            if let gp = patient.medecinTraitant { s.key("medecinTraitant"); s.string(gp.description) }
            s.key("territory")
            s.object { s in
                s.key("commune"); s.string(patient.territory.commune)
                s.key("departement"); s.string(patient.territory.departement)
                s.key("region"); s.string(patient.territory.region)
            }
        }
    }

    mutating func professional(_ professional: Professional) {
        object { s in
            s.key("id"); s.string(professional.id.description)
            s.key("name"); s.string(professional.name)
            s.key("profession"); s.string(professional.profession.rawValue)
            s.key("sector"); s.string(professional.sector.rawValue)
        }
    }

    mutating func event(_ event: CaseEvent) {
        object { s in
            s.key("action"); s.action(event.action)
            s.key("author"); s.string(event.author.description)
            s.key("date"); s.date(event.date)
            s.key("role"); s.string(event.role.rawValue)
        }
    }

    mutating func reason(_ reason: String) {
        object { s in s.key("reason"); s.string(reason) }
    }

    mutating func action(_ action: CaseAction) {
        object { s in
            switch action {
            case .open(let gp, let mode, let signal, let policy):
                s.key("open")
                s.object { s in
                    s.key("gp"); s.professional(gp)
                    s.key("mode"); s.string(mode.rawValue)
                    s.key("policy"); s.object { s in s.key("requiresGPValidation"); s.bool(policy.requiresGPValidation) }
                    if let signal {
                        s.key("signal")
                        s.object { s in
                            s.key("receivedOn"); s.date(signal.receivedOn)
                            s.key("reportedBy"); s.string(signal.reportedBy)
                            s.key("summary"); s.string(signal.summary)
                        }
                    }
                }
            case .designateCoordinator(let coordinator, let structure):
                s.key("designateCoordinator")
                s.object { s in
                    s.key("coordinator"); s.professional(coordinator)
                    if let structure { s.key("structure"); s.string(structure.value) }
                }
            case .addTeamMember(let member):
                s.key("addTeamMember"); s.object { s in s.key("member"); s.professional(member) }
            case .record(let function):
                s.key("record"); s.object { s in s.key("function"); s.function(function) }
            case .changeMode(let mode):
                s.key("changeMode"); s.object { s in s.key("mode"); s.string(mode.rawValue) }
            case .close(let reason): s.key("close"); s.reason(reason)
            case .reopen(let reason): s.key("reopen"); s.reason(reason)
            case .plan(let action): s.key("plan"); s.planAction(action)
            case .changeConsents(let consents, let reason):
                s.key("changeConsents")
                s.object { s in
                    s.key("consents"); s.array(consents.sorted { $0.rawValue < $1.rawValue }) { s, sector in s.string(sector.rawValue) }
                    s.key("reason"); s.string(reason)
                }
            case .changeGP(let gp, let reason):
                s.key("changeGP")
                s.object { s in
                    s.key("gp"); s.professional(gp)
                    s.key("reason"); s.string(reason)
                }
            case .correctDate(let date, let reason):
                s.key("correctDate")
                s.object { s in
                    s.key("reason"); s.string(reason)
                    s.key("to"); s.date(date)
                }
            }
        }
    }

    mutating func function(_ function: CoordinationFunction) {
        object { s in
            switch function {
            case .evaluation(let e):
                s.key("evaluation")
                s.object { s in
                    s.key("atHome"); s.bool(e.atHome)
                    s.key("externalExpertise"); s.bool(e.externalExpertise)
                    s.key("formal"); s.bool(e.formal)
                    s.key("minutes"); s.int(e.minutes)
                    s.key("note"); s.string(e.note)
                    s.key("tools"); s.array(e.tools) { s, tool in s.string(tool.rawValue) }
                }
            case .accompaniment(let a):
                s.key("accompaniment")
                s.object { s in
                    s.key("financingFile"); s.bool(a.financingFile)
                    s.key("minutes"); s.int(a.minutes)
                    s.key("note"); s.string(a.note)
                    s.key("providersContacted"); s.array(a.providersContacted) { s, provider in s.string(provider) }
                }
            case .followUp(let f):
                s.key("followUp")
                s.object { s in
                    s.key("minutes"); s.int(f.minutes)
                    s.key("note"); s.string(f.note)
                    s.key("reportToGP"); s.bool(f.reportToGP)
                }
            }
        }
    }

    mutating func planAction(_ action: PlanAction) {
        object { s in
            switch action {
            case .start: s.key("start"); s.object { _ in }
            case .addNeed(let need):
                s.key("addNeed")
                s.object { s in
                    s.key("description"); s.string(need.description)
                    s.key("id"); s.string(need.id)
                    s.key("part"); s.string(need.part.rawValue)
                }
            case .addGoal(let goal):
                s.key("addGoal")
                s.object { s in
                    s.key("addresses"); s.array(goal.addresses) { s, id in s.string(id) }
                    s.key("description"); s.string(goal.description)
                    if let due = goal.due { s.key("due"); s.date(due) }
                    s.key("id"); s.string(goal.id)
                    s.key("part"); s.string(goal.part.rawValue)
                }
            case .addIntervention(let intervention): s.key("addIntervention"); s.intervention(intervention)
            case .adaptIntervention(let intervention): s.key("adaptIntervention"); s.intervention(intervention)
            case .changeIntervention(let id, let status):
                s.key("changeIntervention")
                s.object { s in
                    s.key("id"); s.string(id)
                    s.key("to"); s.string(status.rawValue)
                }
            case .associateGP: s.key("associateGP"); s.object { _ in }
            case .shareWithGP: s.key("shareWithGP"); s.object { _ in }
            case .returnToCoordinator(let reason): s.key("returnToCoordinator"); s.reason(reason)
            case .validate: s.key("validate"); s.object { _ in }
            case .activate: s.key("activate"); s.object { _ in }
            case .reevaluate(let reason): s.key("reevaluate"); s.reason(reason)
            case .close(let reason): s.key("close"); s.reason(reason)
            }
        }
    }

    mutating func intervention(_ intervention: Intervention) {
        object { s in
            s.key("activity"); s.string(intervention.activity)
            if let end = intervention.end { s.key("end"); s.date(end) }
            s.key("frequency"); s.string(intervention.frequency)
            s.key("goals"); s.array(intervention.goals) { s, id in s.string(id) }
            s.key("id"); s.string(intervention.id)
            s.key("part"); s.string(intervention.part.rawValue)
            s.key("performer"); s.string(intervention.performer)
            s.key("sector"); s.string(intervention.sector.rawValue)
            s.key("start"); s.date(intervention.start)
            s.key("status"); s.string(intervention.status.rawValue)
        }
    }
}
