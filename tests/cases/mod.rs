//! Assessments shared by the tests of the summary (tests/summary_render.rs) and of its Word
//! document (tests/docx.rs).

use biodpia::domain::answers::Answer;
use biodpia::domain::model::Kind;
use biodpia::persist::assessment::{Assessment, SignOff};

/// Answers every choice question of the bank with its riskiest option (free text is left).
pub fn answer_riskiest(a: &mut Assessment) {
    for q in biodpia::bank::bank().questions() {
        let worst =
            q.options.iter().max_by_key(|o| o.raises.iter().map(|r| r.likelihood * r.severity).max().unwrap_or(0));
        match (q.kind, worst) {
            (Kind::Multi, Some(o)) => a.answers.insert(q.id.clone(), Answer::Multi(vec![o.id.clone()])),
            (Kind::Text, _) => None,
            (_, Some(o)) => a.answers.insert(q.id.clone(), Answer::Choice(o.id.clone())),
            _ => None,
        };
    }
}

/// A decision record with the lines of the ICO sign-off table filled in: two names, a two-line
/// advice, followed "partly, with reasons", a review date.
pub fn full_signoff() -> SignOff {
    SignOff {
        measures_approved_by: "Jan Jansen, director".into(),
        residual_risk_accepted_by: "Petra de Vries, CISO".into(),
        dpo_advice: "Advice line one.\nAdvice line two.".into(),
        dpo_advice_followed: "partly_reasons".into(),
        dpo_advice_reasons: "Budget reasons".into(),
        review_date: "2027-03-31".into(),
        ..SignOff::default()
    }
}
