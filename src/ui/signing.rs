//! Signing and freezing a version (issue 16 item 3): recording the decision freezes the revision
//! being worked on as a signed version with the SHA-256 fingerprint of its content
//! (`persist::version`). Here: the summary's signing panel (sign, start the next revision, show
//! or print a signed version), the banner of a frozen revision in the wizard, and the version
//! block the report prints.

use yew::prelude::*;

use super::state::Action;
use super::{button, send, Button, Dispatch, Shared, BTN, PRIMARY};
use crate::domain::engine::Outcome;
use crate::i18n::{isolate, strings, Lang};
use crate::persist::assessment::Assessment;
use crate::persist::version::{self, Reading, SignError, Standing, Version};

/// Compares only what the signing views show: the revision and the signed versions.
#[derive(Properties)]
pub struct VersionProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    /// The signed version shown instead of the working revision (summary only).
    #[prop_or_default]
    pub viewing: Option<u32>,
    /// Whether signing is possible now (the summary's panel; the other views ignore it).
    #[prop_or(Ok(()))]
    pub can_sign: Result<(), SignError>,
    pub dispatch: Dispatch,
}

impl PartialEq for VersionProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.viewing == other.viewing
            && self.can_sign == other.can_sign
            && self.dispatch == other.dispatch
            && self.assessment.revision == other.assessment.revision
            && self.assessment.versions == other.assessment.versions
    }
}

pub use crate::report::names::signed_line;

/// What the running header says of the version: "Version 1 (signed) · SHA-256 1a2b3c4d", or
/// "Revision 2 (draft)" after a signed version; nothing for a draft never signed.
pub fn running_line(lang: Lang, a: &Assessment) -> Option<String> {
    let t = strings(lang);
    match version::standing(a) {
        Standing::Signed(v) => Some(t.version_running(v.number, v.fingerprint.get(..8).unwrap_or(&v.fingerprint))),
        Standing::Draft { revision, after: Some(_) } => Some(t.draft_revision(revision)),
        Standing::Draft { after: None, .. } => None,
    }
}

/// The printed version block after the decision record: the signed version with its fingerprint,
/// or the draft revision and the signed version it follows.
#[function_component]
pub fn VersionBlock(props: &VersionProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    match version::standing(&props.assessment) {
        Standing::Signed(v) => html! {
            <div class="bd-sum-version" data-testid="summary-version">
                <p><strong>{ signed_line(lang, v) }</strong></p>
                <p>{ t.fingerprint_label }{ " " }<code class="bd-fingerprint" data-testid="fingerprint">{ v.fingerprint_grouped() }</code></p>
                <p class="bd-sum-small bd-muted">{ t.fingerprint_note }</p>
                { bank_changed(lang, v) }
            </div>
        },
        Standing::Draft { revision, after: Some(v) } => html! {
            <div class="bd-sum-version" data-testid="summary-version">
                <p><strong>{ t.draft_revision(revision) }</strong></p>
                <p>{ t.draft_after(v.number) }{ " " }{ t.fingerprint_label }{ " " }
                    <code class="bd-fingerprint">{ v.fingerprint_grouped() }</code></p>
            </div>
        },
        Standing::Draft { after: None, .. } => html! {},
    }
}

/// A signed version whose question bank is not this widget's: the report is today's reading of
/// its answers, so it says so, and what was concluded at signing when that differs
/// (`version::reading`). Nothing when the bank is the same.
fn bank_changed(lang: Lang, v: &Version) -> Html {
    let t = strings(lang);
    let bank = crate::bank::bank();
    let Some(content) = v.content() else { return html! {} };
    let Reading::BankChanged { signed, now, results_differ } = version::reading(bank, &content) else {
        return html! {};
    };
    let signed_results = results_differ.then(|| {
        let verdict = Outcome::from_key(&content.results.verdict).map(|o| t.outcome(o).0).unwrap_or_default();
        t.bank_changed_results(verdict, content.results.residual_score)
    });
    html! {
        <div class="bd-sum-bank-changed" data-testid="bank-changed" role="note">
            <p><strong>{ t.bank_changed(isolate(&signed), isolate(&now)) }</strong></p>
            if let Some(r) = signed_results { <p>{ r }</p> }
        </div>
    }
}

/// On a frozen revision (wizard and summary): it is read-only, and the button that starts the
/// next revision.
#[function_component]
pub fn FrozenBanner(props: &VersionProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let Standing::Signed(v) = version::standing(&props.assessment) else { return html! {} };
    let next = props.assessment.revision + 1;
    html! {
        <div class="bd-notice bd-frozen" data-testid="frozen" role="status">
            <p><strong>{ signed_line(lang, v) }</strong>{ ". " }{ t.frozen_note }</p>
            <p>{ t.fingerprint_label }{ " " }<code class="bd-fingerprint">{ v.fingerprint_grouped() }</code></p>
            { button(
                Button { class: BTN, testid: Some("start-revision"), label: &t.start_revision(next), ..Default::default() },
                send(&props.dispatch, || Action::StartRevision),
            ) }
        </div>
    }
}

/// The summary's signing panel (on screen only): sign this revision, or start the next; the
/// signed versions, each to show and print.
#[function_component]
pub fn SigningPanel(props: &VersionProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let a = &*props.assessment;
    let top = if let Some(n) = props.viewing {
        html! {
            <div class="bd-notice" data-testid="viewing-version" role="status">
                <p>{ t.viewing_version(n) }</p>
                { button(
                    Button { class: BTN, testid: Some("back-to-working"), label: t.back_to_working, ..Default::default() },
                    send(&props.dispatch, || Action::ShowVersion(None)),
                ) }
            </div>
        }
    } else if a.frozen() {
        html! { <FrozenBanner ..VersionProps { lang, assessment: props.assessment.clone(), viewing: None, can_sign: Ok(()), dispatch: props.dispatch.clone() } /> }
    } else {
        let why = match &props.can_sign {
            Ok(()) => t.sign_note.to_string(),
            // Both reasons when both hold: the proposals would block signing next.
            Err(SignError::NoDecision) => match crate::persist::merge::pending_count(a) {
                0 => t.sign_needs_decision.to_string(),
                n => format!("{} {}", t.sign_needs_decision, t.sign_needs_proposals(n)),
            },
            Err(SignError::PendingProposals(n)) => t.sign_needs_proposals(*n),
            Err(SignError::AlreadySigned) => String::new(),
        };
        html! {
            <div class="bd-sign" data-testid="sign-panel">
                { button(
                    Button {
                        class: PRIMARY,
                        testid: Some("sign"),
                        label: &t.sign_version(a.revision),
                        disabled: props.can_sign.is_err(),
                        ..Default::default()
                    },
                    send(&props.dispatch, || Action::Sign(crate::storage::now_iso())),
                ) }
                <p class="bd-muted" data-testid="sign-why">{ why }</p>
            </div>
        }
    };
    html! {
        <section aria-labelledby="bd-sum-versions" class="bd-card bd-sum-versions bd-noprint" data-testid="versions">
            <h3 id="bd-sum-versions">{ t.versions }</h3>
            { top }
            if !a.versions.is_empty() {
                <ul class="bd-version-list">
                    for v in a.versions.iter().rev() {
                        <li data-testid={format!("version-{}", v.number)}>
                            { signed_line(lang, v) }{ " · " }<code class="bd-fingerprint">{ v.fingerprint.get(..16).unwrap_or(&v.fingerprint).to_string() }</code>
                            { " " }
                            if props.viewing != Some(v.number) {
                                { {
                                    let n = v.number;
                                    button(
                                        Button { class: BTN, testid: Some("show-version"), label: &t.show_version(n), ..Default::default() },
                                        send(&props.dispatch, move || Action::ShowVersion(Some(n))),
                                    )
                                } }
                            }
                        </li>
                    }
                </ul>
            }
        </section>
    }
}
