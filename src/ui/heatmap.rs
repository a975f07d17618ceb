//! The risk map of the summary: an SVG 4x4 grid, likelihood in rows (4 at the top) and
//! severity in columns (4 on the right). Each raised risk is a numbered circle, hollow at its
//! inherent position, filled at its residual position and dashed at its position with the
//! planned measures (where that differs). Cell levels are told three ways
//! (tint, hatching, a text label), so the map reads in grey-scale and without colour; a
//! text legend below lists every risk with both positions.

use yew::prelude::*;

use crate::domain::engine::{Level, Position};
use crate::i18n::{strings, summary, Lang, Strings};

/// One raised risk as the map shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRisk {
    /// The number shown in the marker, the legend and the risk table.
    pub number: usize,
    pub title: String,
    pub inherent: Position,
    pub residual: Position,
    /// With the planned measures in place too (shown where it differs from `residual`).
    pub planned: Position,
}

impl MapRisk {
    /// The position with the planned measures, if it differs from the residual one.
    pub fn planned_apart(&self) -> Option<Position> {
        (self.planned != self.residual).then_some(self.planned)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkerKind {
    Inherent,
    Residual,
    Planned,
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
    // Grouped by cell (in a fixed order); within a cell in the order of `risks` (by number),
    // hollow before filled.
    let cells = (1..=4u8).flat_map(|likelihood| (1..=4u8).map(move |severity| Position { likelihood, severity }));
    let all: Vec<(Position, usize, MarkerKind)> = cells
        .flat_map(|cell| {
            risks.iter().flat_map(move |r| {
                [(r.inherent, MarkerKind::Inherent), (r.residual, MarkerKind::Residual)]
                    .into_iter()
                    .chain(r.planned_apart().map(|p| (p, MarkerKind::Planned)))
                    .filter(move |(p, _)| *p == cell)
                    .map(move |(p, k)| (p, r.number, k))
            })
        })
        .collect();
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
fn key_symbol(kind: MarkerKind) -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" class="bd-hm-key-symbol">
            <g class={marker_class(kind)}><circle cx="12" cy="12" r="9.5" /></g>
        </svg>
    }
}

fn marker_class(kind: MarkerKind) -> &'static str {
    match kind {
        MarkerKind::Inherent => "bd-hm-marker bd-hm-inherent",
        MarkerKind::Residual => "bd-hm-marker bd-hm-residual",
        MarkerKind::Planned => "bd-hm-marker bd-hm-planned",
    }
}

/// A level's tint and hatching, for a cell of the map or the key (`at`: x, y, width, height).
fn cell_fill(level: Level, at: [String; 4]) -> Html {
    let key = level.key();
    let [x, y, w, h] = at;
    let hatch = pattern(key).map(|id| {
        html! {
            <rect x={x.clone()} y={y.clone()} width={w.clone()} height={h.clone()} fill={format!("url(#{id})")}
                class="bd-hm-pattern" />
        }
    });
    html! {
        <>
            <rect {x} {y} width={w} height={h} class="bd-hm-fill" />
            { for hatch }
        </>
    }
}

/// The SVG patterns of the levels (medium dotted, high hatched, very high cross-hatched).
fn patterns() -> Html {
    html! {
        <defs>
            <pattern id="bd-hm-pat-medium" width="8" height="8" patternUnits="userSpaceOnUse">
                <circle cx="4" cy="4" r="1.1" class="bd-hm-ink" />
            </pattern>
            <pattern id="bd-hm-pat-high" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="8" class="bd-hm-hatch" />
            </pattern>
            <pattern id="bd-hm-pat-very_high" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="7" class="bd-hm-hatch" />
                <line x1="0" y1="0" x2="7" y2="0" class="bd-hm-hatch" />
            </pattern>
        </defs>
    }
}

/// The 16 cells of the grid, each with its level's fill and label.
fn cells(t: &Strings) -> Html {
    let cell = |p: Position| {
        let (x, y) = cell_origin(p);
        html! {
            <g class={format!("bd-hm-cell bd-hm-{}", p.level().key())}>
                { cell_fill(p.level(), [fmt(x), fmt(y), fmt(CELL_W), fmt(CELL_H)]) }
                <text x={fmt(x + 6.0)} y={fmt(y + 15.0)} font-size="12" class="bd-hm-cell-label">{ t.level(p.level()) }</text>
            </g>
        }
    };
    html! {
        <>
            for l in 1..=4u8 {
                for sv in 1..=4u8 { { cell(Position { likelihood: l, severity: sv }) } }
            }
        </>
    }
}

/// The axis labels: likelihood left of the rows (`vertical`), severity below the columns.
fn axis(t: &Strings, vertical: bool) -> Html {
    let grid_h = 4.0 * CELL_H;
    html! {
        <>
        for v in 1..=4u8 {
            {{
                let (x, y, y2, anchor) = if vertical {
                    let y = TOP + (4.0 - v as f32) * CELL_H + CELL_H / 2.0;
                    (LEFT - 8.0, y - 3.0, y + 13.0, "end")
                } else {
                    (LEFT + (v as f32 - 1.0) * CELL_W + CELL_W / 2.0, TOP + grid_h + 17.0, TOP + grid_h + 32.0, "middle")
                };
                html! {
                    <g class="bd-hm-axis-label">
                        <text x={fmt(x)} y={fmt(y)} text-anchor={anchor} font-size="15" font-weight="700">{ v }</text>
                        <text x={fmt(x)} y={fmt(y2)} text-anchor={anchor} font-size="12">{ t.pos(v) }</text>
                    </g>
                }
            }}
        }
        </>
    }
}

/// The numbered markers, hollow at the inherent and filled at the residual position.
fn markers(risks: &[MapRisk]) -> Html {
    html! {
        <>
        for m in layout(risks) {
            <g data-risk={m.number.to_string()} class={marker_class(m.kind)}>
                <circle cx={fmt(m.x)} cy={fmt(m.y)} r={fmt(m.r)} />
                <text x={fmt(m.x)} y={fmt(m.y)} dy=".35em" text-anchor="middle"
                    font-size={fmt(if m.number >= 10 { m.r * 1.05 } else { m.r * 1.3 })} font-weight="700">
                    { m.number }
                </text>
            </g>
        }
        </>
    }
}

/// The risk map of the summary: the grid with its markers, the key and a legend listing every
/// raised risk (numbered, worst first) with both positions.
pub fn heat_map(lang: Lang, risks: &[MapRisk]) -> Html {
    let t = strings(lang);
    let s = summary::strings(lang);
    let grid_h = 4.0 * CELL_H;

    let mut desc = s.heatmap_svg_desc(risks.len());
    for r in risks {
        desc.push(' ');
        let name = format!("{}. {}", r.number, r.title);
        let (inherent, residual) = (pos_text(lang, r.inherent), pos_text(lang, r.residual));
        desc.push_str(&match r.planned_apart() {
            Some(p) => s.heatmap_risk_desc_planned(name, inherent, residual, pos_text(lang, p)),
            None => s.heatmap_risk_desc(name, inherent, residual),
        });
        desc.push('.');
    }

    let legend = |r: &MapRisk| {
        html! {
            <li>
                <span class="bd-hm-legend-num">{ r.number }</span>
                <span class="bd-hm-legend-title">{ &r.title }</span>
                <span class="bd-hm-legend-pos">
                    { key_symbol(MarkerKind::Inherent) }
                    <span class="bd-sr">{ format!("{}: ", t.inherent) }</span>
                    { pos_text(lang, r.inherent) }
                    <span aria-hidden="true">{ " → " }</span>
                    { key_symbol(MarkerKind::Residual) }
                    <span class="bd-sr">{ format!("{}: ", t.residual) }</span>
                    { pos_text(lang, r.residual) }
                    if let Some(p) = r.planned_apart() {
                        <span aria-hidden="true">{ " → " }</span>
                        { key_symbol(MarkerKind::Planned) }
                        <span class="bd-sr">{ format!("{}: ", t.with_planned) }</span>
                        { pos_text(lang, p) }
                    }
                </span>
            </li>
        }
    };

    html! {
        <figure data-testid="heatmap" class="bd-hm">
            <svg viewBox={format!("0 0 {} {}", fmt(WIDTH), fmt(HEIGHT))} role="img" aria-labelledby="bd-hm-title bd-hm-desc"
                preserveAspectRatio="xMidYMid meet" class="bd-hm-svg">
                <title id="bd-hm-title">{ s.heatmap_svg_title }</title>
                <desc id="bd-hm-desc">{ desc }</desc>
                { patterns() }
                <g aria-hidden="true">
                    { cells(t) }
                    <rect x={fmt(LEFT)} y={fmt(TOP)} width={fmt(4.0 * CELL_W)} height={fmt(grid_h)} class="bd-hm-frame" />
                    { axis(t, true) }
                    { axis(t, false) }
                    <text transform={format!("translate(18 {}) rotate(-90)", fmt(TOP + grid_h / 2.0))} text-anchor="middle"
                        font-size="14" font-weight="700" class="bd-hm-axis-title">{ format!("{} →", t.likelihood) }</text>
                    <text x={fmt(LEFT + 2.0 * CELL_W)} y={fmt(TOP + grid_h + 56.0)} text-anchor="middle" font-size="14"
                        font-weight="700" class="bd-hm-axis-title">{ format!("{} →", t.severity) }</text>
                    { markers(risks) }
                </g>
            </svg>
            <figcaption class="bd-hm-caption">
                <ul class="bd-hm-key">
                    <li>{ key_symbol(MarkerKind::Inherent) }{ s.heatmap_key_inherent }</li>
                    <li>{ key_symbol(MarkerKind::Residual) }{ s.heatmap_key_residual }</li>
                    if risks.iter().any(|r| r.planned_apart().is_some()) {
                        <li>{ key_symbol(MarkerKind::Planned) }{ s.heatmap_key_planned }</li>
                    }
                </ul>
                <p class="bd-hm-key-cells">{ s.heatmap_key_cells }</p>
                <ul class="bd-hm-key bd-hm-levels">
                    for v in 1..=4u8 {
                        <li>
                            <svg viewBox="0 0 24 16" width="27" height="18" aria-hidden="true" focusable="false" class="bd-hm-key-symbol">
                                <g class={format!("bd-hm-cell bd-hm-{}", Level::from_u8(v).key())}>
                                    { cell_fill(Level::from_u8(v), ["0.5".into(), "0.5".into(), "23".into(), "15".into()]) }
                                </g>
                            </svg>
                            { t.level(Level::from_u8(v)) }
                        </li>
                    }
                </ul>
                if risks.is_empty() {
                    <p>{ s.no_risks }</p>
                } else {
                    <ol class="bd-hm-legend">
                        for r in risks { { legend(r) } }
                    </ol>
                }
            </figcaption>
        </figure>
    }
}
