/// Computes an IFAQ campaign: thresholds per group and indicator, scores, amounts that
/// distribute each envelope exactly, minimum thresholds, penalties, instalments and the
/// explanation of every figure.
///
/// **Thresholds (the quantile rule).** In a group, for one indicator, the n hospitals with a
/// valid result this year are ranked best first (direction-aware). The level is paid to the
/// best k = ⌈n × paid share⌉: with `strict` comparison a hospital is paid when its value is
/// strictly better than the (k+1)-th best value (so ties at the boundary are not paid and at
/// most k are); with `non-strict` when it is at least as good as the k-th best (ties are paid).
/// When k = n every candidate is paid. The change (this year − last year, same definition
/// version, direction-aware) is paid when positive or stable (or strictly positive); when more
/// than ⌊n_c × cap⌋ qualify, only those strictly better than the (⌊n_c × cap⌋+1)-th best change are.
///
/// **Amounts.** score(h) = Σ over indicators of level weight (if level paid) + change weight
/// (if change paid), basis points. earned(h) = ⌊E(g) × base(h) × score(h) / (B(g) × 10,000 ×
/// required(h))⌋ where E(g) is the group's envelope and B(g) the sum of its bases (so
/// E(g)/B(g) is the value per euro, VU). The group's remainder E(g) − Σ earned is redistributed
/// pro rata of the earned amounts (largest remainder) or reported unspent. Envelopes are split
/// by field (shares, or pro rata of bases) then by group (pro rata of bases), by largest
/// remainder. All integer: the same cents on every machine.
///
/// - Complexity: O(R + G·I·m log m) for R result rows and groups of m hospitals: about
///   O(R + H·I log H) overall.
public enum IFAQCampaign {
    /// Runs the campaign.
    /// - Throws: ``IFAQError/invalidInput(_:)`` naming the item (unknown group or indicator,
    ///   duplicated row, value out of range, base ≤ 0...), ``IFAQError/overflow(_:)``.
    ///
    /// - Parameter explanations: whether each hospital carries its readable reasoning
    ///   (``IFAQResult/Hospital/explanation``). The structured figures are always there; the
    ///   text costs about as much as the computation itself, so batch callers that only need
    ///   amounts can leave it out and ask for one hospital's text later with
    ///   ``IFAQResult/explanation(of:rules:language:)``.
    /// - Parameter language: the language of the result's sentences (reasonings, reasons for
    ///   unspent money, warnings, who decides, procedures); figures and JSON keys do not change.
    public static func compute(rules: IFAQRuleSet, input: IFAQInput, explanations: Bool = true,
                               language: ReportLanguage = .english) throws(IFAQError) -> IFAQResult {
        try IFAQPreparedCampaign(rules: rules, input: input).result(explanations: explanations, language: language)
    }

    /// Computes the hospitals given with a national campaign's published parameters
    /// (``IFAQParameters``): each group's thresholds, envelope, weights' sum and scale and the
    /// cut of the leftover cents come from them, so that each hospital receives, to the cent,
    /// what it receives in the national campaign the parameters come from, whatever the other
    /// hospitals given. A hospital, an ARS or a federation computes its own amounts this way.
    ///
    /// The result's `envelope` is what the hospitals given receive, nothing is unspent, a
    /// group's `envelope` is the national group's, and ``IFAQResult/parametersSource`` says
    /// where the figures come from. Ranks are not known (no national distribution).
    ///
    /// - Throws: ``IFAQError/invalidInput(_:)`` when the parameters are for another campaign or
    ///   rule set, lack a group of a hospital given, or do not fit its figures (a scale that is
    ///   not a multiple of its required count, a weight above the group's total), and the errors
    ///   of ``compute(rules:input:explanations:language:)``.
    /// - Complexity: O(R + H·I) for R result rows, H hospitals and I indicators: no sort.
    public static func compute(rules: IFAQRuleSet, input: IFAQInput, parameters: IFAQParameters, explanations: Bool = true,
                               language: ReportLanguage = .english) throws(IFAQError) -> IFAQResult {
        try parameters.validate(rules: rules)
        let data = try IFAQData(rules: rules, input: input)
        let scores = try IFAQScores(data: data, published: parameters)
        var amounts = IFAQAmounts(data: data, scores: scores, explanations: explanations, wording: IFAQWording(language: language))
        amounts.published = parameters
        return try amounts.result()
    }
}
