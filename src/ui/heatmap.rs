//! The risk map of the summary: an SVG 4x4 grid, likelihood in rows (4 at the top) and
//! severity in columns (4 on the right). Each raised risk is a numbered circle, hollow at its
//! inherent position and filled at its residual position. Cell levels are told three ways
//! (tint, hatching, a text label), so the map reads in grey-scale and without colour; a
//! text legend below lists every risk with both positions.

use yew::virtual_dom::AttributeOrProperty::Static as S;

use super::doc::Doc;
use crate::domain::engine::{Level, Position};
use crate::i18n::{strings, summary, Lang};

/// One raised risk as the map shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRisk {
    /// The number shown in the marker, the legend and the risk table.
    pub number: usize,
    pub title: String,
    pub inherent: Position,
    pub residual: Position,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkerKind {
    Inherent,
    Residual,
}

/// A marker placed on the map, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub number: usize,
    pub kind: MarkerKind,
    pub position: Position,
    pub x: f32,
    pub y: f32,
    pub r: f32,
}

/// Geometry of the map (SVG user units).
pub const LEFT: f32 = 128.0;
pub const TOP: f32 = 8.0;
pub const CELL_W: f32 = 124.0;
pub const CELL_H: f32 = 96.0;
pub const WIDTH: f32 = LEFT + 4.0 * CELL_W + 8.0;
pub const HEIGHT: f32 = TOP + 4.0 * CELL_H + 66.0;
/// Space at the top of a cell for its level label.
const LABEL_H: f32 = 22.0;

/// The top-left corner of the cell for a position.
pub fn cell_origin(p: Position) -> (f32, f32) {
    let l = p.likelihood.clamp(1, 4) as f32;
    let s = p.severity.clamp(1, 4) as f32;
    (LEFT + (s - 1.0) * CELL_W, TOP + (4.0 - l) * CELL_H)
}

/// Places two markers per risk (inherent and residual) inside their cells, in rows of
/// circles that never overlap each other or the cell's label: up to 12 per cell at full size,
/// 24 smaller, 40 smallest (the bank has 10 risks, so at most 20 can share a cell; beyond 40
/// markers would wrap past the cell's bottom edge).
pub fn layout(risks: &[MapRisk]) -> Vec<Marker> {
    let mut all: Vec<(Position, usize, MarkerKind)> = risks
        .iter()
        .flat_map(|r| [(r.inherent, r.number, MarkerKind::Inherent), (r.residual, r.number, MarkerKind::Residual)])
        .collect();
    // Grouped by cell; within a cell by risk number, hollow before filled.
    all.sort_by_key(|(p, n, k)| (p.likelihood, p.severity, *n, *k));
    let mut out = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let cell = all[i].0;
        let group: Vec<_> = all[i..].iter().take_while(|(p, _, _)| *p == cell).cloned().collect();
        i += group.len();
        // The largest size at which the group fits; an even number of columns keeps a risk's
        // hollow and filled markers on one row when both are in this cell.
        let fits = |step: f32| {
            let cols = (((CELL_W - 12.0) / step).floor() as usize) & !1;
            let rows = ((CELL_H - LABEL_H - 2.0) / step).floor() as usize;
            (cols.max(2), cols * rows >= group.len())
        };
        let (step, r, cols) = [(22.0, 9.5), (17.0, 7.5), (14.0, 6.0)]
            .into_iter()
            .map(|(step, r)| (step, r, fits(step)))
            .find(|(_, _, (_, ok))| *ok)
            .map(|(step, r, (cols, _))| (step, r, cols))
            .unwrap_or((14.0, 6.0, fits(14.0).0));
        let (x0, y0) = cell_origin(cell);
        for (j, (p, n, k)) in group.into_iter().enumerate() {
            let (col, row) = ((j % cols) as f32, (j / cols) as f32);
            out.push(Marker {
                number: n,
                kind: k,
                position: p,
                x: x0 + 6.0 + step / 2.0 + col * step,
                y: y0 + LABEL_H + step / 2.0 + row * step,
                r,
            });
        }
    }
    out
}

fn pos_text(lang: Lang, p: Position) -> String {
    let t = strings(lang);
    // The axis names are ASCII in both languages; `to_lowercase` would add Unicode's case
    // tables to the wasm.
    format!(
        "{} ({} {} · {} {})",
        t.level(p.level()),
        t.likelihood.to_ascii_lowercase(),
        p.likelihood,
        t.severity.to_ascii_lowercase(),
        p.severity
    )
}

/// A level's pattern id (low has none).
fn pattern(key: &str) -> Option<&'static str> {
    match key {
        "medium" => Some("bd-hm-pat-medium"),
        "high" => Some("bd-hm-pat-high"),
        "very_high" => Some("bd-hm-pat-very_high"),
        _ => None,
    }
}

/// A coordinate with one decimal, as `{:.1}` writes it, in integer arithmetic (formatting a
/// float would add Rust's float printing to the wasm). Coordinates are never negative.
fn fmt(v: f32) -> String {
    let tenths = (v * 10.0 + 0.5) as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A small key symbol (outside the map), drawn like a marker.
#[inline(never)]
fn key_symbol(d: &mut Doc, kind: MarkerKind) {
    d.open_static(
        "svg",
        &[
            ("viewBox", S("0 0 24 24")),
            ("width", S("18")),
            ("height", S("18")),
            ("aria-hidden", S("true")),
            ("focusable", S("false")),
            ("class", S("bd-hm-key-symbol")),
        ],
    );
    d.open("g", marker_class(kind));
    d.open_static("circle", &[("cx", S("12")), ("cy", S("12")), ("r", S("9.5"))]);
    d.close();
    d.close();
    d.close();
}

fn marker_class(kind: MarkerKind) -> &'static str {
    match kind {
        MarkerKind::Inherent => "bd-hm-marker bd-hm-inherent",
        MarkerKind::Residual => "bd-hm-marker bd-hm-residual",
    }
}

/// Starts an SVG element: `keys` name the `numbers` first (written as [`fmt`] writes them),
/// then the `texts`.
#[inline(never)]
fn open_svg(d: &mut Doc, tag: &'static str, keys: &'static [&'static str], numbers: &[f32], texts: &[&str]) {
    let numbers: Vec<String> = numbers.iter().map(|v| fmt(*v)).collect();
    let mut values: Vec<&str> = numbers.iter().map(String::as_str).collect();
    values.extend(texts);
    d.open_attrs(tag, keys, &values);
}

/// Starts the group of a level's tint and hatching, for a cell of the map (`at`: x, y, width,
/// height) or the key; the caller adds the rest of the group and closes it.
#[inline(never)]
fn cell_fill(d: &mut Doc, level: Level, at: [&str; 4]) {
    let key = level.key();
    d.open_attrs("g", &["class"], &[&format!("bd-hm-cell bd-hm-{key}")]);
    let [x, y, w, h] = at;
    d.open_attrs("rect", &["x", "y", "width", "height", "class"], &[x, y, w, h, "bd-hm-fill"]);
    d.close();
    if let Some(id) = pattern(key) {
        d.open_attrs(
            "rect",
            &["x", "y", "width", "height", "fill", "class"],
            &[x, y, w, h, &format!("url(#{id})"), "bd-hm-pattern"],
        );
        d.close();
    }
}

/// The risk map of the summary, written into `d`: the grid with its markers, the key and a
/// legend listing every risk with both positions.
pub(super) fn heat_map(d: &mut Doc, lang: Lang, risks: &[MapRisk]) {
    let t = strings(lang);
    let s = summary::strings(lang);
    let grid_h = 4.0 * CELL_H;

    let desc = {
        let mut desc = s.heatmap_svg_desc(risks.len());
        for r in risks {
            desc.push(' ');
            desc.push_str(&s.heatmap_risk_desc(
                format!("{}. {}", r.number, r.title),
                pos_text(lang, r.inherent),
                pos_text(lang, r.residual),
            ));
            desc.push('.');
        }
        desc
    };

    d.open_static("figure", &[("data-testid", S("heatmap")), ("class", S("bd-hm"))]);
    d.open_attrs(
        "svg",
        &["viewBox", "role", "aria-labelledby", "preserveAspectRatio", "class"],
        &[
            &format!("0 0 {} {}", fmt(WIDTH), fmt(HEIGHT)),
            "img",
            "bd-hm-title bd-hm-desc",
            "xMidYMid meet",
            "bd-hm-svg",
        ],
    );
    d.open_static("title", &[("id", S("bd-hm-title"))]);
    d.text(s.heatmap_svg_title);
    d.close();
    d.open_static("desc", &[("id", S("bd-hm-desc"))]);
    d.string(desc);
    d.close();
    d.open("defs", "");
    d.open_static(
        "pattern",
        &[("id", S("bd-hm-pat-medium")), ("width", S("8")), ("height", S("8")), ("patternUnits", S("userSpaceOnUse"))],
    );
    d.open_static("circle", &[("cx", S("4")), ("cy", S("4")), ("r", S("1.1")), ("class", S("bd-hm-ink"))]);
    d.close();
    d.close();
    d.open_static(
        "pattern",
        &[
            ("id", S("bd-hm-pat-high")),
            ("width", S("8")),
            ("height", S("8")),
            ("patternUnits", S("userSpaceOnUse")),
            ("patternTransform", S("rotate(45)")),
        ],
    );
    d.open_static(
        "line",
        &[("x1", S("0")), ("y1", S("0")), ("x2", S("0")), ("y2", S("8")), ("class", S("bd-hm-hatch"))],
    );
    d.close();
    d.close();
    d.open_static(
        "pattern",
        &[
            ("id", S("bd-hm-pat-very_high")),
            ("width", S("7")),
            ("height", S("7")),
            ("patternUnits", S("userSpaceOnUse")),
            ("patternTransform", S("rotate(45)")),
        ],
    );
    d.open_static(
        "line",
        &[("x1", S("0")), ("y1", S("0")), ("x2", S("0")), ("y2", S("7")), ("class", S("bd-hm-hatch"))],
    );
    d.close();
    d.open_static(
        "line",
        &[("x1", S("0")), ("y1", S("0")), ("x2", S("7")), ("y2", S("0")), ("class", S("bd-hm-hatch"))],
    );
    d.close();
    d.close(); // pattern
    d.close(); // defs

    d.open_static("g", &[("aria-hidden", S("true"))]);
    d.group();
    for l in 1..=4u8 {
        for sv in 1..=4u8 {
            let p = Position { likelihood: l, severity: sv };
            let (x, y) = cell_origin(p);
            cell_fill(d, p.level(), [&fmt(x), &fmt(y), &fmt(CELL_W), &fmt(CELL_H)]);
            open_svg(d, "text", &["x", "y", "font-size", "class"], &[x + 6.0, y + 15.0], &["12", "bd-hm-cell-label"]);
            d.text(t.level(p.level()));
            d.close();
            d.close(); // cell
        }
    }
    d.close(); // cells
    open_svg(d, "rect", &["x", "y", "width", "height", "class"], &[LEFT, TOP, 4.0 * CELL_W, grid_h], &["bd-hm-frame"]);
    d.close();
    // The axis labels: likelihood left of the rows, severity below the columns.
    for vertical in [true, false] {
        d.group();
        for v in 1..=4u8 {
            let (x, y, y2, anchor) = if vertical {
                let y = TOP + (4.0 - v as f32) * CELL_H + CELL_H / 2.0;
                (LEFT - 8.0, y - 3.0, y + 13.0, "end")
            } else {
                (LEFT + (v as f32 - 1.0) * CELL_W + CELL_W / 2.0, TOP + grid_h + 17.0, TOP + grid_h + 32.0, "middle")
            };
            d.open("g", "bd-hm-axis-label");
            open_svg(
                d,
                "text",
                &["x", "y", "text-anchor", "font-size", "font-weight"],
                &[x, y],
                &[anchor, "15", "700"],
            );
            d.string(v.to_string());
            d.close();
            open_svg(d, "text", &["x", "y", "text-anchor", "font-size"], &[x, y2], &[anchor, "12"]);
            d.text(t.pos(v));
            d.close();
            d.close();
        }
        d.close();
    }
    let transform = format!("translate(18 {}) rotate(-90)", fmt(TOP + grid_h / 2.0));
    d.open_attrs(
        "text",
        &["transform", "text-anchor", "font-size", "font-weight", "class"],
        &[&transform, "middle", "14", "700", "bd-hm-axis-title"],
    );
    d.string(format!("{} →", t.likelihood));
    d.close();
    open_svg(
        d,
        "text",
        &["x", "y", "text-anchor", "font-size", "font-weight", "class"],
        &[LEFT + 2.0 * CELL_W, TOP + grid_h + 56.0],
        &["middle", "14", "700", "bd-hm-axis-title"],
    );
    d.string(format!("{} →", t.severity));
    d.close();
    d.group();
    for m in layout(risks) {
        let size = if m.number >= 10 { m.r * 1.05 } else { m.r * 1.3 };
        d.open_attrs("g", &["data-risk", "class"], &[&m.number.to_string(), marker_class(m.kind)]);
        open_svg(d, "circle", &["cx", "cy", "r"], &[m.x, m.y, m.r], &[]);
        d.close();
        open_svg(
            d,
            "text",
            &["x", "y", "dy", "text-anchor", "font-size", "font-weight"],
            &[m.x, m.y],
            &[".35em", "middle", &fmt(size), "700"],
        );
        d.string(m.number.to_string());
        d.close();
        d.close();
    }
    d.close(); // markers
    d.close(); // g
    d.close(); // svg

    d.open("figcaption", "bd-hm-caption");
    d.open("ul", "bd-hm-key");
    for (kind, label) in
        [(MarkerKind::Inherent, s.heatmap_key_inherent), (MarkerKind::Residual, s.heatmap_key_residual)]
    {
        d.open("li", "");
        key_symbol(d, kind);
        d.text(label);
        d.close();
    }
    d.close();
    d.leaf("p", "bd-hm-key-cells", s.heatmap_key_cells);
    d.open("ul", "bd-hm-key bd-hm-levels");
    for v in 1..=4u8 {
        let level = Level::from_u8(v);
        d.open("li", "");
        d.open_static(
            "svg",
            &[
                ("viewBox", S("0 0 24 16")),
                ("width", S("27")),
                ("height", S("18")),
                ("aria-hidden", S("true")),
                ("focusable", S("false")),
                ("class", S("bd-hm-key-symbol")),
            ],
        );
        cell_fill(d, level, ["0.5", "0.5", "23", "15"]);
        d.close();
        d.close();
        d.text(t.level(level));
        d.close();
    }
    d.close();
    if risks.is_empty() {
        d.leaf("p", "", s.no_risks);
    } else {
        d.open("ol", "bd-hm-legend");
        for r in risks {
            d.open("li", "");
            d.leaf_string("span", "bd-hm-legend-num", r.number.to_string());
            d.open("span", "bd-hm-legend-title");
            d.copy(&r.title);
            d.close();
            d.open("span", "bd-hm-legend-pos");
            for (kind, label, p) in
                [(MarkerKind::Inherent, t.inherent, r.inherent), (MarkerKind::Residual, t.residual, r.residual)]
            {
                if kind == MarkerKind::Residual {
                    d.open_static("span", &[("aria-hidden", S("true"))]);
                    d.text(" → ");
                    d.close();
                }
                key_symbol(d, kind);
                d.leaf_string("span", "bd-sr", format!("{label}: "));
                d.string(pos_text(lang, p));
            }
            d.close();
            d.close();
        }
        d.close();
    }
    d.close(); // figcaption
    d.close(); // figure
}
