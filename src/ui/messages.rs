//! What the widget tells the user about storage, import and the two-tab protection: the
//! [`Message`]s (rendered in the current language when shown), and [`Messages`], the aria-live
//! region every one of them goes to, with the two-tab warning and the Undo of a deletion.
//! Every title, key, field path or bank version from storage or a file is isolated
//! (`Lang::quote`, `i18n::isolate`): its own direction marks never reverse a sentence.

use yew::prelude::*;

use super::actions::{button, Act, Ctx};
use super::{Button, BTN, PRIMARY};
use crate::domain::model::Bank;
use crate::i18n::manager::{strings as mstrings, ManagerStrings};
use crate::i18n::{isolate, strings, Lang};
use crate::persist::assessment::ReadError;
use crate::persist::codec::Problem;
use crate::persist::merge::MergeError;
use crate::persist::transfer::{ImportError, Migration, Unit};
use crate::persist::version::VersionError;
use crate::storage::SaveError;

/// Something to tell the user. Rendered in the current language when shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// What opening storage found: data kept aside, a rebuilt list, a migrated assessment.
    Startup {
        kept: Vec<String>,
        rebuilt: Option<String>,
        migration: Migration,
    },
    /// The open assessment was brought up to date with the current bank.
    Migrated(Migration),
    Imported {
        id: String,
        title: String,
        migration: Migration,
        /// Imported as a separate copy (a new identity) holding this many signed versions.
        copy: Option<usize>,
    },
    ImportFailed(ImportError),
    /// The merge offer was declined: nothing was imported.
    NotImported,
    /// A reviewed file was merged into the stored assessment `id`: what it added.
    Merged {
        id: String,
        title: String,
        comments: usize,
        proposals: usize,
        versions: usize,
        older: bool,
        migration: Migration,
    },
    /// A file was not merged into `title`; nothing changed.
    MergeFailed {
        title: String,
        error: MergeError,
    },
    FileUnreadable,
    /// An action was not done because storage refused the write; nothing changed.
    NotDone(SaveError),
    Created,
    Duplicated(String),
    Renamed(String),
    Restored(String),
    /// The deletion of this title could not be undone: another tab saved the assessment again
    /// since, and that version is in the list (nothing was overwritten).
    NotRestored(String),
    /// An assessment could not be read when opened: kept aside under this key.
    Unreadable(String),
    Missing,
    OtherLoaded,
    MineKept,
    /// The other tab's version could not be read: kept aside under this key.
    OtherUnreadable(String),
}

impl Message {
    /// Errors and warnings go to the assertive region, the rest to the polite one.
    pub fn is_alert(&self) -> bool {
        match self {
            Message::Startup { kept, rebuilt, .. } => !kept.is_empty() || rebuilt.is_some(),
            Message::ImportFailed(_)
            | Message::MergeFailed { .. }
            | Message::FileUnreadable
            | Message::NotDone(_)
            | Message::NotRestored(_)
            | Message::Unreadable(_)
            | Message::Missing
            | Message::OtherUnreadable(_) => true,
            _ => false,
        }
    }

    /// The message as paragraphs.
    pub fn paragraphs(&self, lang: Lang) -> Vec<String> {
        let m = mstrings(lang);
        let bank = crate::bank::bank();
        let quote = |s: &str| lang.quote(s);
        let mut out = Vec::new();
        // Most messages end with one sentence.
        let last = match self {
            Message::Startup { kept, rebuilt, migration } => {
                if let Some(k) = rebuilt {
                    out.push(m.index_rebuilt(k));
                }
                if !kept.is_empty() {
                    out.push(m.kept_aside_at_start(kept.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ")));
                }
                out.extend(migration_lines(m, lang, bank, migration));
                return out;
            }
            Message::Migrated(migration) => return migration_lines(m, lang, bank, migration),
            Message::Imported { title, migration, copy, .. } => {
                match copy {
                    None => out.push(m.imported(quote(&display_title(m, title)))),
                    Some(signed) => {
                        out.push(m.imported_copy(quote(&display_title(m, title))));
                        if *signed > 0 {
                            out.push(m.imported_copy_signed(*signed));
                        }
                    }
                }
                out.extend(migration_lines(m, lang, bank, migration));
                return out;
            }
            Message::ImportFailed(e) => {
                out.push(import_error(m, lang, e));
                m.nothing_imported.to_string()
            }
            Message::NotImported => m.nothing_imported.to_string(),
            Message::Merged { title, comments, proposals, versions, older, migration, .. } => {
                out.push(m.merged(quote(&display_title(m, title))));
                if *proposals > 0 {
                    out.push(m.merged_proposals(*proposals));
                }
                if *comments > 0 {
                    out.push(m.merged_comments(*comments));
                }
                if *versions > 0 {
                    out.push(m.merged_versions(*versions));
                }
                if *older {
                    out.push(m.merged_older.to_string());
                }
                out.extend(migration_lines(m, lang, bank, migration));
                return out;
            }
            Message::MergeFailed { title, error } => {
                out.push(merge_error(m, lang, &display_title(m, title), error));
                m.nothing_merged.to_string()
            }
            Message::FileUnreadable => {
                out.push(m.err_read_file.to_string());
                m.nothing_imported.to_string()
            }
            Message::NotDone(SaveError::QuotaExceeded) => m.err_storage_full.to_string(),
            Message::NotDone(SaveError::Unavailable) => m.err_unavailable.to_string(),
            Message::Created => m.created.to_string(),
            Message::Duplicated(t) => m.duplicated(quote(&display_title(m, t))),
            Message::Renamed(t) => m.renamed(quote(&display_title(m, t))),
            Message::Restored(t) => m.restored(quote(&display_title(m, t))),
            Message::NotRestored(t) => m.not_restored(quote(&display_title(m, t))),
            Message::Unreadable(k) => m.unreadable(k),
            Message::Missing => m.missing.to_string(),
            Message::OtherLoaded => m.conflict_loaded.to_string(),
            Message::MineKept => m.conflict_kept.to_string(),
            Message::OtherUnreadable(k) => m.conflict_unreadable(k),
        };
        out.push(last);
        out
    }
}

pub fn display_title(m: &ManagerStrings, title: &str) -> String {
    if title.trim().is_empty() {
        m.untitled.to_string()
    } else {
        title.to_string()
    }
}

pub fn migration_lines(m: &ManagerStrings, lang: Lang, bank: &Bank, mg: &Migration) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(from) = &mg.from_bank {
        if !from.is_empty() && (!mg.retired.is_empty() || !mg.restored.is_empty() || !mg.too_long.is_empty()) {
            out.push(m.migrated(&isolate(from), &bank.version));
        }
    }
    if !mg.retired.is_empty() {
        out.push(m.retired_kept(mg.retired.len()));
    }
    if !mg.restored.is_empty() {
        out.push(m.restored_answers(mg.restored.len()));
    }
    if !mg.too_long.is_empty() {
        out.push(m.too_long_kept(mg.too_long.len()));
    }
    if !mg.shortened.is_empty() {
        let mut list: Vec<String> = mg
            .shortened
            .iter()
            .take(5)
            .map(|s| match s.unit {
                Unit::Characters => m.shortened_item(lang.quote(&s.field), s.len, s.max),
                Unit::Rows => m.shortened_rows_item(lang.quote(&s.field), s.len, s.max),
            })
            .collect();
        if mg.shortened.len() > 5 {
            list.push(format!("(+{})", mg.shortened.len() - 5));
        }
        out.push(m.shortened(mg.shortened.len(), list.join(", ")));
    }
    out
}

/// The plain-words message for an import that was refused.
pub fn import_error(m: &ManagerStrings, lang: Lang, e: &ImportError) -> String {
    match e {
        ImportError::Read(ReadError::TooLarge { bytes, max }) => {
            // MiB with one decimal, rounded, in integer arithmetic (no float formatting in the wasm).
            let mb = |b: usize| {
                const MIB: usize = 1024 * 1024;
                let tenths = (b % MIB * 10 + MIB / 2) / MIB;
                format!("{}.{}", b / MIB + tenths / 10, tenths % 10)
            };
            m.err_too_large(mb(*bytes), mb(*max))
        }
        ImportError::Read(ReadError::Empty) => m.err_empty.to_string(),
        ImportError::Read(ReadError::NotJson { line, column, .. }) => m.err_not_json(line, column),
        ImportError::Read(ReadError::NotAnAssessment) => m.err_not_assessment.to_string(),
        ImportError::Read(ReadError::Invalid { field, problem, line, column }) => {
            let quoted = lang.quote(field);
            let mut out = match problem {
                Problem::WrongType => m.err_wrong_type(quoted),
                Problem::NotAllowed => m.err_not_allowed(quoted),
                Problem::Missing => m.err_missing(quoted),
                Problem::Duplicate => m.err_duplicate(quoted),
            };
            if *line > 0 {
                out.push(' ');
                out.push_str(&m.err_position(line, column));
            }
            out
        }
        ImportError::Read(ReadError::NewerFormat { found, supported }) => m.err_newer(found, supported),
        ImportError::UnknownQuestions { bank_version, ids } => {
            let mut list = ids.iter().take(5).map(|id| isolate(id)).collect::<Vec<_>>().join(", ");
            if ids.len() > 5 {
                list.push_str(&format!(" (+{})", ids.len() - 5));
            }
            m.err_unknown_questions(bank_version, &list)
        }
        ImportError::Version(VersionError::Tampered { number }) => m.err_version_tampered(number),
        ImportError::Version(VersionError::Damaged { number } | VersionError::OutOfOrder { number }) => {
            m.err_version_damaged(number)
        }
    }
}

/// The plain-words message for a file that was not merged into `title`.
pub fn merge_error(m: &ManagerStrings, lang: Lang, title: &str, e: &MergeError) -> String {
    let title = lang.quote(title);
    match e {
        MergeError::Import(e) => import_error(m, lang, e),
        MergeError::NoId => m.err_merge_no_id.to_string(),
        MergeError::OtherAssessment { title: other } => m.err_merge_other(lang.quote(&display_title(m, other)), title),
        MergeError::Diverged { number } => m.err_merge_diverged(number),
        MergeError::NothingNew { older: true } => m.err_merge_older(title),
        MergeError::NothingNew { older: false } => m.err_merge_nothing_new(title),
    }
}

/// The aria-live region every message goes to, with the two-tab warning and the Undo of a
/// deletion. Always rendered (empty when quiet), so that screen readers announce what
/// appears in it. Its focus moves are in `persistence::use_persistence`.
#[function_component]
pub fn Messages(props: &Ctx) -> Html {
    let (p, state) = (&props.p, &props.state);
    let lang = state.lang;
    let m = mstrings(lang);
    let t = strings(lang);
    let on = props.actions();
    let message = &p.shown.message;
    let alert = message.as_ref().is_some_and(Message::is_alert);

    let conflict = p.shown.conflict.as_ref().map(|c| {
        let (title, first, second) = if c.other.is_none() {
            (
                m.conflict_deleted_title,
                (Act::Keep, "conflict-keep", m.conflict_keep_deleted),
                (Act::Accept, "conflict-accept", m.conflict_accept_delete),
            )
        } else {
            (m.conflict_title, (Act::Load, "conflict-load", m.conflict_load), (Act::Keep, "conflict-keep", m.conflict_keep))
        };
        html! {
            <div class="bd-conflict" data-testid="conflict">
                <p class="bd-conflict-title"><strong>{ title }</strong></p>
                <p>{ m.conflict_body }</p>
                <div class="bd-actions">
                    { button(&on, first.0, Button { class: PRIMARY, testid: Some(first.1), label: first.2, ..Default::default() }) }
                    { button(&on, second.0, Button { class: BTN, testid: Some(second.1), label: second.2, ..Default::default() }) }
                </div>
            </div>
        }
    });
    // The message, in the alert region when it is an error or a warning, else in the status
    // region (each has a place for it, empty when the message is in the other).
    let message_in = |here: bool| {
        message.as_ref().filter(|_| here).map(|msg| {
            html! {
                <div class={if alert { "bd-msg bd-msg-error" } else { "bd-msg" }} data-testid="message">
                    for s in msg.paragraphs(lang) { <p>{ s }</p> }
                    <div class="bd-actions">
                        if let Message::Imported { .. } = msg {
                            { button(&on, Act::OpenImported, Button { class: PRIMARY, testid: Some("open-imported"),
                                label: m.open_imported, ..Default::default() }) }
                        }
                        if let Message::Merged { proposals, .. } = msg {
                            { button(&on, Act::OpenMerged, Button { class: PRIMARY, testid: Some("open-merged"),
                                label: if *proposals > 0 { m.show_proposals } else { m.open_imported }, ..Default::default() }) }
                        }
                        { button(&on, Act::Dismiss, Button { class: BTN, node_ref: Some(&p.kept.dismiss_ref),
                            label: t.dismiss, ..Default::default() }) }
                    </div>
                </div>
            }
        })
    };
    let undo = p.shown.undo.as_ref().map(|d| {
        html! {
            <div class="bd-msg bd-undo" data-testid="undo">
                <p>{ m.deleted(lang.quote(&display_title(m, &d.entry.title))) }</p>
                <div class="bd-actions">
                    { button(&on, Act::Undo, Button { class: PRIMARY, testid: Some("undo-button"),
                        node_ref: Some(&p.kept.undo_ref), label: m.undo, ..Default::default() }) }
                </div>
            </div>
        }
    });
    html! {
        <div class="bd-messages bd-noprint">
            <div role="alert" class="bd-live-region" data-testid="alerts">
                { for conflict }
                { for message_in(alert) }
            </div>
            <div role="status" aria-live="polite" class="bd-live-region" data-testid="status">
                { for message_in(!alert) }
                { for undo }
            </div>
        </div>
    }
}
