//! Cross-checks of the question bank; every problem names its file and id.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::*;

/// One problem in the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankError {
    pub file: String,
    pub id: String,
    pub message: String,
}

impl BankError {
    pub fn new(file: &str, id: &str, message: impl Into<String>) -> Self {
        BankError { file: file.to_string(), id: id.to_string(), message: message.into() }
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.id, self.message)
        }
    }
}

struct Checker<'a> {
    bank: &'a Bank,
    errors: Vec<BankError>,
    risks: HashSet<&'a str>,
    provisions: HashSet<&'a str>,
    findings: HashSet<&'a str>,
    safeguards: HashSet<&'a str>,
}

fn is_snake(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(day)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>(), parts[2].parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&day)
}

fn valid_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace)
}

impl<'a> Checker<'a> {
    fn err(&mut self, file: &str, id: &str, msg: impl Into<String>) {
        self.errors.push(BankError::new(file, id, msg));
    }

    fn id(&mut self, file: &str, id: &str, prefix: &str, seen: &mut HashMap<&'a str, String>, item: &'a str) {
        if !is_snake(id) || (!prefix.is_empty() && !id.starts_with(prefix)) {
            self.err(file, id, format!("id must be snake_case and start with `{prefix}`"));
        }
        if let Some(first) = seen.insert(item, file.to_string()) {
            self.err(file, id, format!("duplicate id (first defined in {first})"));
        }
    }

    fn refs(&mut self, file: &str, id: &str, kind: &str, ids: &[String]) {
        for r in ids {
            let known = match kind {
                "risk" => self.risks.contains(r.as_str()),
                "provision" => self.provisions.contains(r.as_str()),
                "finding" => self.findings.contains(r.as_str()),
                _ => self.safeguards.contains(r.as_str()),
            };
            if !known {
                self.err(file, id, format!("unknown {kind} `{r}`"));
            }
        }
    }

    fn level(&mut self, file: &str, id: &str, what: &str, v: u8) {
        if !(1..=4).contains(&v) {
            self.err(file, id, format!("{what} must be 1..=4, got {v}"));
        }
    }

    fn run(mut self) -> Vec<BankError> {
        let bank = self.bank;
        if bank.version.trim().is_empty() {
            self.err("questions/bank.toml", "", "bank version is empty");
        }

        let mut seen = HashMap::new();
        for r in &bank.risks {
            self.id(&r.file, &r.id, "r_", &mut seen, &r.id);
            self.level(&r.file, &r.id, "floor_likelihood", r.floor_likelihood);
            self.level(&r.file, &r.id, "floor_severity", r.floor_severity);
        }
        if bank.risks.is_empty() {
            self.err("questions/risks", "", "no risks defined");
        }
        let mut seen = HashMap::new();
        for p in &bank.provisions {
            self.id(&p.file, &p.id, "", &mut seen, &p.id);
            if !valid_url(&p.source) {
                self.err(&p.file, &p.id, format!("source is not a URL: `{}`", p.source));
            }
        }
        let mut seen = HashMap::new();
        for f in &bank.findings {
            self.id(&f.file, &f.id, "f_", &mut seen, &f.id);
            if f.country.trim().is_empty() {
                self.err(&f.file, &f.id, "country is empty");
            }
            // Where only the month or the year is known, the date says no more than that.
            let known = [f.date.clone(), format!("{}-01", f.date), format!("{}-01-01", f.date)];
            if !known.iter().any(|d| valid_date(d)) {
                self.err(
                    &f.file,
                    &f.id,
                    format!("date must be a real YYYY-MM-DD date (or YYYY-MM, YYYY), got `{}`", f.date),
                );
            }
            if ["settlement", "guidance"].contains(&f.kind.as_str()) && !f.provisions.is_empty() {
                self.err(
                    &f.file,
                    &f.id,
                    format!("a {} finds no provision violated: `provisions` must be empty", f.kind),
                );
            }
            if !["decision", "court", "settlement", "guidance"].contains(&f.kind.as_str()) {
                self.err(
                    &f.file,
                    &f.id,
                    format!("kind must be decision, court, settlement or guidance, got `{}`", f.kind),
                );
            }
            if !(2..=4).contains(&f.key_findings.len()) {
                self.err(&f.file, &f.id, format!("needs 2 to 4 key_findings, has {}", f.key_findings.len()));
            }
            self.refs(&f.file, &f.id, "provision", &f.provisions);
            if !valid_url(&f.source) {
                self.err(&f.file, &f.id, format!("source is not a URL: `{}`", f.source));
            }
        }
        let mut seen = HashMap::new();
        for s in &bank.safeguards {
            self.id(&s.file, &s.id, "s_", &mut seen, &s.id);
            for l in &s.lowers {
                if !self.risks.contains(l.risk.as_str()) {
                    self.err(&s.file, &s.id, format!("lowers unknown risk `{}`", l.risk));
                }
                if l.likelihood > 3 || l.severity > 3 || (l.likelihood == 0 && l.severity == 0) {
                    self.err(&s.file, &s.id, format!("lowering of `{}` must be 0..=3 steps and not all zero", l.risk));
                }
            }
            self.refs(&s.file, &s.id, "finding", &s.findings);
            self.refs(&s.file, &s.id, "provision", &s.provisions);
            if s.findings.is_empty() && s.provisions.is_empty() {
                self.err(&s.file, &s.id, "cites no finding or provision");
            }
        }

        let mut seen_sections = HashMap::new();
        let mut seen_questions: HashMap<&str, String> = HashMap::new();
        // Questions answered before the current one, with their kind and option ids.
        let mut earlier: HashMap<&str, &Question> = HashMap::new();
        for sec in &bank.sections {
            let file = sec.file.as_str();
            self.id(file, &sec.id, "", &mut seen_sections, &sec.id);
            if sec.questions.is_empty() {
                self.err(file, &sec.id, "section has no questions");
            }
            for q in &sec.questions {
                self.question(file, q, &mut seen_questions, &earlier);
                earlier.insert(&q.id, q);
            }
        }
        if bank.sections.is_empty() {
            self.err("questions/sections", "", "no sections defined");
        }
        // A safeguard's context may refer to any question.
        let all: HashMap<&str, &Question> = bank.questions().map(|q| (q.id.as_str(), q)).collect();
        for s in &bank.safeguards {
            for c in &s.not_applicable_when {
                self.clause(
                    &s.file,
                    &s.id,
                    "not_applicable_when",
                    c,
                    all.get(c.question.as_str()).copied(),
                    "not a question",
                );
            }
            for alt in &s.alternatives {
                let Some(other) = bank.safeguard(alt) else {
                    self.err(&s.file, &s.id, format!("alternatives names `{alt}`, which is not a safeguard"));
                    continue;
                };
                if other.id == s.id {
                    self.err(&s.file, &s.id, "a safeguard is not its own alternative");
                } else if !other.lowers.iter().any(|l| s.lowers.iter().any(|m| m.risk == l.risk)) {
                    self.err(&s.file, &s.id, format!("alternative `{alt}` lowers none of the same risks"));
                }
            }
        }
        self.errors
    }

    fn question(
        &mut self,
        file: &str,
        q: &'a Question,
        seen: &mut HashMap<&'a str, String>,
        earlier: &HashMap<&str, &Question>,
    ) {
        let qid = q.id.as_str();
        self.id(file, qid, "q_", seen, qid);
        match q.kind {
            Kind::Text => {
                if !q.options.is_empty() {
                    self.err(file, qid, "a text question has no options");
                }
                if q.max_len == Some(0) {
                    self.err(file, qid, "max_len must be positive");
                }
            }
            Kind::YesNo => {
                let mut ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
                ids.sort_unstable();
                if ids != ["no", "unsure", "yes"] {
                    self.err(file, qid, "a yesno question has exactly the options yes, no, unsure");
                }
            }
            Kind::Table => {
                if !q.options.is_empty() {
                    self.err(file, qid, "a table question has no options (its choice columns have them)");
                }
                if q.columns.is_empty() {
                    self.err(file, qid, "a table question needs at least one column");
                }
                if q.max_rows.is_some_and(|m| m == 0 || m > MAX_ROWS) {
                    self.err(file, qid, format!("max_rows must be 1..={MAX_ROWS}"));
                }
                self.columns(file, q);
            }
            Kind::Single | Kind::Multi => {
                if q.options.len() < 2 {
                    self.err(file, qid, "a choice question needs at least two options");
                }
                for o in &q.options {
                    if o.label.is_none() && o.id != "unsure" {
                        self.err(file, &format!("{qid}.{}", o.id), "option needs a label");
                    }
                }
            }
        }
        if q.kind != Kind::Text && q.max_len.is_some() {
            self.err(file, qid, "max_len applies to text questions only (a table sets it per text column)");
        }
        if q.kind != Kind::Table && (!q.columns.is_empty() || q.max_rows.is_some()) {
            self.err(file, qid, "columns and max_rows apply to table questions only");
        }
        let mut option_ids = HashSet::new();
        for o in &q.options {
            let oid = format!("{qid}.{}", o.id);
            if !is_snake(&o.id) {
                self.err(file, &oid, "option id must be snake_case");
            }
            if !option_ids.insert(o.id.as_str()) {
                self.err(file, &oid, "duplicate option id");
            }
            self.option(file, &oid, o);
        }
        for (what, clauses) in [("show_if", &q.show_if), ("show_if_any", &q.show_if_any)] {
            for c in clauses {
                self.clause(file, qid, what, c, earlier.get(c.question.as_str()).copied(), "not an earlier question");
            }
        }
        if q.kind != Kind::Multi {
            for o in q.options.iter().filter(|o| o.exclusive) {
                self.err(file, &format!("{qid}.{}", o.id), "`exclusive` applies to options of multi questions only");
            }
        }
        for o in &q.options {
            let oid = format!("{qid}.{}", o.id);
            for r in &o.raises {
                for (what, clauses) in [("when", &r.when), ("unless", &r.unless)] {
                    for c in clauses {
                        // Conditions only look back, as show_if does: no answer can depend on
                        // itself or on a later one, so no cycle can form.
                        let what = format!("raise of `{}`: `{what}`", r.risk);
                        let target = earlier.get(c.question.as_str()).copied();
                        self.clause(
                            file,
                            &oid,
                            &what,
                            c,
                            target,
                            "not an earlier question (conditions only look back)",
                        );
                    }
                }
            }
            for c in &o.contradicts {
                let target = earlier.get(c.question.as_str()).copied();
                self.clause(file, &oid, "contradicts", c, target, "not an earlier question");
            }
            if let Some(rq) = &o.reasons {
                self.reasons(file, &oid, q, &o.id, rq);
            }
            if o.contradiction.is_none() && !o.contradicts.is_empty() {
                self.err(
                    file,
                    &oid,
                    "`contradicts` needs `contradiction = true` and its text: what does not fit and how to resolve it",
                );
            }
        }
    }

    /// `reasons` of option `option` of `q`: a text question shown when that option is chosen
    /// (a clause of its `show_if` on `q` with the option in `any_of`), so that the reasons can
    /// always be given where they are asked for.
    fn reasons(&mut self, file: &str, oid: &str, q: &Question, option: &str, rq: &str) {
        let bank = self.bank;
        let Some(target) = bank.question(rq) else {
            return self.err(file, oid, format!("reasons: `{rq}` is not a question of the bank"));
        };
        if target.kind != Kind::Text {
            self.err(file, oid, format!("reasons: `{rq}` is not a text question"));
        }
        if !target.show_if.iter().any(|c| c.question == q.id && c.any_of.iter().any(|x| x == option)) {
            self.err(
                file,
                oid,
                format!("reasons: `{rq}` is not shown when this option is chosen (its show_if needs `{}` any_of [\"{option}\"])", q.id),
            );
        }
    }

    /// One clause of a condition: `target` is the question it refers to, if it may refer to it.
    fn clause(&mut self, file: &str, id: &str, what: &str, c: &Clause, target: Option<&Question>, not_found: &str) {
        let Some(target) = target else {
            self.err(file, id, format!("{what} refers to `{}`, which is {not_found}", c.question));
            return;
        };
        if target.kind == Kind::Text {
            self.err(file, id, format!("{what} cannot test the text question `{}`", c.question));
        }
        if target.kind == Kind::Table {
            self.err(file, id, format!("{what} cannot test the table question `{}`", c.question));
        }
        if c.any_of.is_empty() == c.none_of.is_empty() {
            self.err(file, id, format!("{what}: each clause has exactly one of any_of / none_of"));
        }
        for o in c.any_of.iter().chain(&c.none_of) {
            if target.option(o).is_none() {
                self.err(file, id, format!("{what}: `{}` has no option `{o}`", c.question));
            }
        }
    }

    /// The columns of a table question: ids, and per kind its options or its length.
    fn columns(&mut self, file: &str, q: &Question) {
        let mut ids = HashSet::new();
        for c in &q.columns {
            let cid = format!("{}.column.{}", q.id, c.id);
            if !is_snake(&c.id) {
                self.err(file, &cid, "column id must be snake_case");
            }
            if !ids.insert(c.id.as_str()) {
                self.err(file, &cid, "duplicate column id");
            }
            match c.kind {
                ColumnKind::Text => {
                    if !c.options.is_empty() {
                        self.err(file, &cid, "a text column has no options");
                    }
                    if c.max_len == Some(0) {
                        self.err(file, &cid, "max_len must be positive");
                    }
                }
                ColumnKind::Choice => {
                    if c.options.len() < 2 {
                        self.err(file, &cid, "a choice column needs at least two options");
                    }
                    if c.max_len.is_some() {
                        self.err(file, &cid, "max_len applies to text columns only");
                    }
                }
            }
            let mut option_ids = HashSet::new();
            for o in &c.options {
                let oid = format!("{cid}.{}", o.id);
                if !is_snake(&o.id) {
                    self.err(file, &oid, "option id must be snake_case");
                }
                if !option_ids.insert(o.id.as_str()) {
                    self.err(file, &oid, "duplicate option id");
                }
            }
        }
    }

    fn option(&mut self, file: &str, oid: &str, o: &AnswerOption) {
        for r in &o.raises {
            if !self.risks.contains(r.risk.as_str()) {
                self.err(file, oid, format!("raises unknown risk `{}`", r.risk));
            }
            self.level(file, oid, "likelihood", r.likelihood);
            self.level(file, oid, "severity", r.severity);
        }
        self.refs(file, oid, "finding", &o.findings);
        self.refs(file, oid, "provision", &o.provisions);
        self.refs(file, oid, "safeguard", &o.implements);
        self.refs(file, oid, "safeguard", &o.requires);
        if o.red_line.is_some() {
            // A red line rests on what an authority or court decided, not on a settlement,
            // guidance or a press item.
            for f in &o.findings {
                if let Some(kind) = self.bank.finding(f).map(|x| x.kind.as_str()) {
                    if kind != "decision" && kind != "court" {
                        self.err(
                            file,
                            oid,
                            format!(
                                "a red line cites `{f}`, a {kind}: only decisions and court rulings support a red line"
                            ),
                        );
                    }
                }
            }
        }
        let consequential = !o.raises.is_empty() || !o.requires.is_empty() || o.red_line.is_some();
        if consequential && o.findings.is_empty() && o.provisions.is_empty() {
            self.err(
                file,
                oid,
                "raises a risk, requires a safeguard or is a red line, but cites no finding or provision",
            );
        }
        if o.id == "unsure" {
            if o.raises.is_empty() {
                self.err(file, oid, "an `unsure` answer must raise at least one risk");
            }
            if o.find_out.is_none() {
                self.err(file, oid, "an `unsure` answer needs `find_out`: what to find out");
            }
        }
        for c in &o.wp248 {
            if !WP248_CRITERIA.contains(&c.as_str()) {
                self.err(file, oid, format!("unknown WP248 criterion `{c}`"));
            }
        }
    }
}

/// Every problem in the bank; empty when it is sound.
pub fn validate(bank: &Bank) -> Vec<BankError> {
    let checker = Checker {
        bank,
        errors: Vec::new(),
        risks: bank.risks.iter().map(|r| r.id.as_str()).collect(),
        provisions: bank.provisions.iter().map(|p| p.id.as_str()).collect(),
        findings: bank.findings.iter().map(|f| f.id.as_str()).collect(),
        safeguards: bank.safeguards.iter().map(|s| s.id.as_str()).collect(),
    };
    checker.run()
}

/// Findings that no question option and no safeguard cites.
pub fn unreferenced_findings(bank: &Bank) -> Vec<&str> {
    let mut cited: HashSet<&str> = HashSet::new();
    for o in bank.questions().flat_map(|q| &q.options) {
        cited.extend(o.findings.iter().map(String::as_str));
    }
    for s in &bank.safeguards {
        cited.extend(s.findings.iter().map(String::as_str));
    }
    bank.findings.iter().map(|f| f.id.as_str()).filter(|id| !cited.contains(id)).collect()
}
