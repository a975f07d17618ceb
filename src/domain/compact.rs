//! The compact binary form in which the widget embeds the question bank.
//!
//! `build.rs` validates the TOML bank and writes it with [`encode`]; `crate::bank` reads it
//! back with [`decode`]. This replaces embedded JSON: the widget then ships no `Deserialize`
//! code for the bank types (tens of kilobytes of Wasm), the data itself is smaller, and
//! decoding is a copy per string instead of a JSON parse.
//!
//! Layout (all integers are unsigned LEB128 varints):
//!
//! ```text
//! "BDB2"
//! len_plain                 byte length of the string table
//! plain                     its distinct strings (ids, citations, dates), UTF-8, joined by NULs
//! structure                 the Bank, field by field in declaration order
//! ```
//!
//! The bank's texts are not here: they are in the language files (`crate::i18n`), and a
//! [`Text`] in the structure is its number there. In the structure a string is a reference into
//! the table: 0 means "the table's next string", i + 1 means "string i again". Each string is
//! stored once however often it occurs (ids repeat a lot) and most references are a single 0
//! byte. A Vec is its length then its items, an Option a 0/1 flag then the value, a number, an
//! enum or a `Text` its value.
//!
//! The `file` fields (only for build-time error messages) are not stored. Adding a field to
//! a bank type breaks the exhaustive patterns in [`encode`]: add it to both functions, in the
//! same place.

use std::collections::HashMap;

use super::model::*;

const MAGIC: &[u8; 4] = b"BDB2";

// ---------------------------------------------------------------------------------------
// Encoding (build time)

/// The string tables: one, of plain strings (ids, citations, dates).
const PLAIN: usize = 0;
const TABLES: usize = 1;

#[derive(Default)]
struct Table {
    strings: Vec<String>,
    index: HashMap<String, usize>,
}

#[derive(Default)]
struct Writer {
    tables: [Table; TABLES],
    out: Vec<u8>,
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

impl Writer {
    fn u(&mut self, v: u64) {
        varint(&mut self.out, v);
    }
    /// A reference into table `t`: 0 for the table's next new string, i + 1 for a repeat of
    /// its string i. Most strings occur once, so most references are a 0 byte.
    fn string_in(&mut self, t: usize, s: &str) {
        assert!(!s.contains('\0'), "bank text contains a NUL character: {s:?}");
        let table = &mut self.tables[t];
        match table.index.get(s) {
            Some(&i) => self.u(i as u64 + 1),
            None => {
                table.index.insert(s.to_string(), table.strings.len());
                table.strings.push(s.to_string());
                self.u(0);
            }
        }
    }
    fn s(&mut self, s: &str) {
        self.string_in(PLAIN, s);
    }
    fn text(&mut self, t: &Text) {
        self.u(t.0 as u64);
    }
    fn opt_text(&mut self, t: &Option<Text>) {
        match t {
            None => self.u(0),
            Some(t) => {
                self.u(1);
                self.text(t);
            }
        }
    }
    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.u(items.len() as u64);
        for x in items {
            f(self, x);
        }
    }
    fn strs(&mut self, items: &[String]) {
        self.list(items, |w, s| w.s(s));
    }
    fn texts(&mut self, items: &[Text]) {
        self.list(items, |w, t| w.text(t));
    }
    fn clauses(&mut self, items: &[Clause]) {
        self.list(items, |w, c| {
            let Clause { question, any_of, none_of } = c;
            w.s(question);
            w.strs(any_of);
            w.strs(none_of);
        });
    }
}

/// The bank in the compact form (the `file` fields are left out).
pub fn encode(bank: &Bank) -> Vec<u8> {
    let mut w = Writer::default();
    let Bank { version, title, risks, provisions, findings, safeguards, sections } = bank;
    w.s(version);
    w.text(title);
    w.list(risks, |w, r| {
        let Risk { id, title, description, floor_likelihood, floor_severity, file: _ } = r;
        w.s(id);
        w.text(title);
        w.text(description);
        w.u(*floor_likelihood as u64);
        w.u(*floor_severity as u64);
    });
    w.list(provisions, |w, p| {
        let Provision { id, label, title, source, file: _ } = p;
        w.s(id);
        w.text(label);
        w.text(title);
        w.s(source);
    });
    w.list(findings, |w, f| {
        let Finding {
            id,
            authority,
            country,
            date,
            date_kind,
            date_note,
            subject,
            reference,
            kind,
            comparison_only,
            amount,
            orders,
            provisions,
            key_findings,
            appeal,
            source,
            file: _,
        } = f;
        w.s(id);
        w.text(authority);
        w.s(country);
        w.s(date);
        w.u(match date_kind {
            DateKind::Decision => 0,
            DateKind::Announced => 1,
            DateKind::Reported => 2,
        });
        w.opt_text(date_note);
        w.text(subject);
        w.opt_text(reference);
        w.s(kind);
        w.u(*comparison_only as u64);
        w.opt_text(amount);
        w.opt_text(orders);
        w.strs(provisions);
        w.texts(key_findings);
        w.opt_text(appeal);
        w.s(source);
    });
    w.list(safeguards, |w, s| {
        let Safeguard {
            id,
            title,
            explanation,
            lowers,
            trigger,
            findings,
            provisions,
            not_applicable_when,
            alternatives,
            file: _,
        } = s;
        w.s(id);
        w.text(title);
        w.text(explanation);
        w.list(lowers, |w, l| {
            let Lowering { risk, likelihood, severity } = l;
            w.s(risk);
            w.u(*likelihood as u64);
            w.u(*severity as u64);
        });
        w.u(match trigger {
            Trigger::Effect => 0,
            Trigger::RedLine => 1,
            Trigger::HighResidual => 2,
        });
        w.strs(findings);
        w.strs(provisions);
        w.clauses(not_applicable_when);
        w.strs(alternatives);
    });
    w.list(sections, |w, s| {
        let Section { id, title, intro, questions, file: _ } = s;
        w.s(id);
        w.text(title);
        w.text(intro);
        w.list(questions, |w, q| {
            let Question { id, kind, text, help, show_if, show_if_any, max_len, fact, options, columns, max_rows } = q;
            w.s(id);
            w.u(match kind {
                Kind::Single => 0,
                Kind::Multi => 1,
                Kind::YesNo => 2,
                Kind::Text => 3,
                Kind::Table => 4,
            });
            w.text(text);
            w.opt_text(help);
            w.clauses(show_if);
            w.clauses(show_if_any);
            w.u(max_len.map_or(0, |m| m as u64 + 1));
            w.u(*fact as u64);
            w.list(options, |w, o| {
                let AnswerOption {
                    id,
                    label,
                    raises,
                    findings,
                    provisions,
                    implements,
                    requires,
                    red_line,
                    find_out,
                    wp248,
                    dpia_required,
                    exclusive,
                    contradicts,
                    contradiction,
                    reasons,
                } = o;
                w.s(id);
                w.opt_text(label);
                w.list(raises, |w, r| {
                    let Raise { risk, likelihood, severity, when, unless } = r;
                    w.s(risk);
                    w.u(*likelihood as u64);
                    w.u(*severity as u64);
                    w.clauses(when);
                    w.clauses(unless);
                });
                w.strs(findings);
                w.strs(provisions);
                w.strs(implements);
                w.strs(requires);
                w.opt_text(red_line);
                w.opt_text(find_out);
                w.strs(wp248);
                w.u(*dpia_required as u64);
                w.u(*exclusive as u64);
                w.clauses(contradicts);
                w.opt_text(contradiction);
                w.s(reasons.as_deref().unwrap_or_default());
            });
            w.list(columns, |w, c| {
                let Column { id, kind, header, max_len, options } = c;
                w.s(id);
                w.u(match kind {
                    ColumnKind::Text => 0,
                    ColumnKind::Choice => 1,
                });
                w.text(header);
                w.u(max_len.map_or(0, |m| m as u64 + 1));
                w.list(options, |w, o| {
                    let ColumnOption { id, label } = o;
                    w.s(id);
                    w.text(label);
                });
            });
            w.u(max_rows.map_or(0, |m| m as u64 + 1));
        });
    });

    let blocks: Vec<String> = w.tables.iter().map(|t| t.strings.join("\0")).collect();
    let mut out = MAGIC.to_vec();
    for b in &blocks {
        varint(&mut out, b.len() as u64);
    }
    for b in &blocks {
        out.extend_from_slice(b.as_bytes());
    }
    out.extend_from_slice(&w.out);
    out
}

// ---------------------------------------------------------------------------------------
// Decoding (in the widget)

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    tables: [Vec<&'a str>; TABLES],
    next: [usize; TABLES],
}

impl<'a> Reader<'a> {
    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.buf.get(self.pos)?;
            self.pos += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    fn n(&mut self) -> Option<usize> {
        usize::try_from(self.u()?).ok()
    }
    fn u8(&mut self) -> Option<u8> {
        u8::try_from(self.u()?).ok()
    }
    fn string_in(&mut self, t: usize) -> Option<String> {
        let i = match self.n()? {
            0 => {
                self.next[t] += 1;
                self.next[t] - 1
            }
            i => i - 1,
        };
        self.tables[t].get(i).map(|s| s.to_string())
    }
    fn s(&mut self) -> Option<String> {
        self.string_in(PLAIN)
    }
    fn text(&mut self) -> Option<Text> {
        Some(Text(u32::try_from(self.u()?).ok()?))
    }
    fn opt_text(&mut self) -> Option<Option<Text>> {
        Some(match self.u()? {
            0 => None,
            _ => Some(self.text()?),
        })
    }
    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.n()?;
        // Bank lists are short; a corrupt length must not reserve memory it never fills.
        let mut v = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            v.push(f(self)?);
        }
        Some(v)
    }
    fn strs(&mut self) -> Option<Vec<String>> {
        self.list(|r| r.s())
    }
    fn flag(&mut self) -> Option<bool> {
        match self.u()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    /// An optional number: 0 for none, n + 1 for n.
    fn opt_u32(&mut self) -> Option<Option<u32>> {
        Some(match self.u()? {
            0 => None,
            m => Some(u32::try_from(m - 1).ok()?),
        })
    }
    fn clauses(&mut self) -> Option<Vec<Clause>> {
        self.list(|r| Some(Clause { question: r.s()?, any_of: r.strs()?, none_of: r.strs()? }))
    }
}

/// Reads the compact form back. `None` if the bytes are not a bank [`encode`] wrote.
/// `buf` (an `encode` result) cut where its parts meet: the header, the string tables and the
/// structure. `decode` reads them from here.
pub fn parts(buf: &[u8]) -> Option<Vec<&[u8]>> {
    if buf.get(..4)? != MAGIC {
        return None;
    }
    let mut r = Reader { buf, pos: 4, tables: Default::default(), next: [0; TABLES] };
    let lens = [r.n()?];
    let mut pos = r.pos;
    let mut parts = vec![&buf[..pos]];
    for len in lens {
        let end = pos.checked_add(len)?;
        parts.push(buf.get(pos..end)?);
        pos = end;
    }
    parts.push(&buf[pos..]);
    Some(parts)
}

pub fn decode(buf: &[u8]) -> Option<Bank> {
    let parts = parts(buf)?;
    let mut r = Reader { buf: parts[1 + TABLES], pos: 0, tables: Default::default(), next: [0; TABLES] };
    for (table, block) in r.tables.iter_mut().zip(&parts[1..1 + TABLES]) {
        *table = std::str::from_utf8(block).ok()?.split('\0').collect();
    }

    let version = r.s()?;
    let title = r.text()?;
    let risks = r.list(|r| {
        Some(Risk {
            id: r.s()?,
            title: r.text()?,
            description: r.text()?,
            floor_likelihood: r.u8()?,
            floor_severity: r.u8()?,
            file: String::new(),
        })
    })?;
    let provisions = r.list(|r| {
        Some(Provision { id: r.s()?, label: r.text()?, title: r.text()?, source: r.s()?, file: String::new() })
    })?;
    let findings = r.list(|r| {
        Some(Finding {
            id: r.s()?,
            authority: r.text()?,
            country: r.s()?,
            date: r.s()?,
            date_kind: match r.u()? {
                0 => DateKind::Decision,
                1 => DateKind::Announced,
                2 => DateKind::Reported,
                _ => return None,
            },
            date_note: r.opt_text()?,
            subject: r.text()?,
            reference: r.opt_text()?,
            kind: r.s()?,
            comparison_only: r.u()? != 0,
            amount: r.opt_text()?,
            orders: r.opt_text()?,
            provisions: r.strs()?,
            key_findings: r.list(|r| r.text())?,
            appeal: r.opt_text()?,
            source: r.s()?,
            file: String::new(),
        })
    })?;
    let safeguards = r.list(|r| {
        Some(Safeguard {
            id: r.s()?,
            title: r.text()?,
            explanation: r.text()?,
            lowers: r.list(|r| Some(Lowering { risk: r.s()?, likelihood: r.u8()?, severity: r.u8()? }))?,
            trigger: match r.u()? {
                0 => Trigger::Effect,
                1 => Trigger::RedLine,
                2 => Trigger::HighResidual,
                _ => return None,
            },
            findings: r.strs()?,
            provisions: r.strs()?,
            not_applicable_when: r.clauses()?,
            alternatives: r.strs()?,
            file: String::new(),
        })
    })?;
    let sections = r.list(|r| {
        Some(Section {
            id: r.s()?,
            title: r.text()?,
            intro: r.text()?,
            questions: r.list(|r| {
                Some(Question {
                    id: r.s()?,
                    kind: match r.u()? {
                        0 => Kind::Single,
                        1 => Kind::Multi,
                        2 => Kind::YesNo,
                        3 => Kind::Text,
                        4 => Kind::Table,
                        _ => return None,
                    },
                    text: r.text()?,
                    help: r.opt_text()?,
                    show_if: r.clauses()?,
                    show_if_any: r.clauses()?,
                    max_len: r.opt_u32()?,
                    fact: match r.u()? {
                        0 => false,
                        1 => true,
                        _ => return None,
                    },
                    options: r.list(|r| {
                        Some(AnswerOption {
                            id: r.s()?,
                            label: r.opt_text()?,
                            raises: r.list(|r| {
                                Some(Raise {
                                    risk: r.s()?,
                                    likelihood: r.u8()?,
                                    severity: r.u8()?,
                                    when: r.clauses()?,
                                    unless: r.clauses()?,
                                })
                            })?,
                            findings: r.strs()?,
                            provisions: r.strs()?,
                            implements: r.strs()?,
                            requires: r.strs()?,
                            red_line: r.opt_text()?,
                            find_out: r.opt_text()?,
                            wp248: r.strs()?,
                            dpia_required: r.flag()?,
                            exclusive: r.flag()?,
                            contradicts: r.clauses()?,
                            contradiction: r.opt_text()?,
                            reasons: Some(r.s()?).filter(|s: &String| !s.is_empty()),
                        })
                    })?,
                    columns: r.list(|r| {
                        Some(Column {
                            id: r.s()?,
                            kind: match r.u()? {
                                0 => ColumnKind::Text,
                                1 => ColumnKind::Choice,
                                _ => return None,
                            },
                            header: r.text()?,
                            max_len: r.opt_u32()?,
                            options: r.list(|r| Some(ColumnOption { id: r.s()?, label: r.text()? }))?,
                        })
                    })?,
                    max_rows: r.opt_u32()?,
                })
            })?,
            file: String::new(),
        })
    })?;
    // Trailing bytes mean the reader and the writer disagree.
    if r.pos != r.buf.len() {
        return None;
    }
    Some(Bank { version, title, risks, provisions, findings, safeguards, sections })
}
