//! The risk map of the summary: an SVG 4x4 grid, likelihood in rows (4 at the top) and
//! severity in columns (4 on the right). Each raised risk is a numbered circle, hollow at its
//! inherent position and filled at its residual position. Cell levels are told three ways
//! (tint, hatching, a text label), so the map reads in grey-scale and without colour; a
//! text legend below lists every risk with both positions.

use yew::prelude::*;

use crate::domain::engine::Position;
use crate::domain::model::Lang;
use crate::i18n::{self, strings, summary};

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
    crate::domain::sort::sort_by_key(&mut all, |(p, n, k)| (p.likelihood, p.severity, *n, *k));
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
    let class = match kind {
        MarkerKind::Inherent => "bd-hm-marker bd-hm-inherent",
        MarkerKind::Residual => "bd-hm-marker bd-hm-residual",
    };
    html! {
        <svg class="bd-hm-key-symbol" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <g class={class}><circle cx="12" cy="12" r="9.5" /></g>
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeatMapProps {
    pub lang: Lang,
    pub risks: Vec<MapRisk>,
}

#[function_component]
pub fn HeatMap(props: &HeatMapProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let grid_h = 4.0 * CELL_H;

    let cells = (1..=4u8).flat_map(|l| (1..=4u8).map(move |sv| Position { likelihood: l, severity: sv }));
    let cells = cells.map(|p| {
        let (x, y) = cell_origin(p);
        let key = p.level().key();
        html! {
            <g class={classes!("bd-hm-cell", format!("bd-hm-{key}"))}>
                <rect class="bd-hm-fill" x={fmt(x)} y={fmt(y)} width={fmt(CELL_W)} height={fmt(CELL_H)} />
                if let Some(id) = pattern(key) {
                    <rect class="bd-hm-pattern" x={fmt(x)} y={fmt(y)} width={fmt(CELL_W)} height={fmt(CELL_H)} fill={format!("url(#{id})")} />
                }
                <text class="bd-hm-cell-label" x={fmt(x + 6.0)} y={fmt(y + 15.0)} font-size="12">{ t.level(p.level()) }</text>
            </g>
        }
    });

    let rows = (1..=4u8).map(|l| {
        let y = TOP + (4.0 - l as f32) * CELL_H + CELL_H / 2.0;
        html! {
            <g class="bd-hm-axis-label">
                <text x={fmt(LEFT - 8.0)} y={fmt(y - 3.0)} text-anchor="end" font-size="15" font-weight="700">{ l.to_string() }</text>
                <text x={fmt(LEFT - 8.0)} y={fmt(y + 13.0)} text-anchor="end" font-size="12">{ t.pos(l) }</text>
            </g>
        }
    });
    let cols = (1..=4u8).map(|sv| {
        let x = LEFT + (sv as f32 - 1.0) * CELL_W + CELL_W / 2.0;
        html! {
            <g class="bd-hm-axis-label">
                <text x={fmt(x)} y={fmt(TOP + grid_h + 17.0)} text-anchor="middle" font-size="15" font-weight="700">{ sv.to_string() }</text>
                <text x={fmt(x)} y={fmt(TOP + grid_h + 32.0)} text-anchor="middle" font-size="12">{ t.pos(sv) }</text>
            </g>
        }
    });

    let markers = layout(&props.risks).into_iter().map(|m| {
        let class = match m.kind {
            MarkerKind::Inherent => "bd-hm-marker bd-hm-inherent",
            MarkerKind::Residual => "bd-hm-marker bd-hm-residual",
        };
        let size = if m.number >= 10 { m.r * 1.05 } else { m.r * 1.3 };
        html! {
            <g class={class} data-risk={m.number.to_string()}>
                <circle cx={fmt(m.x)} cy={fmt(m.y)} r={fmt(m.r)} />
                <text x={fmt(m.x)} y={fmt(m.y)} dy=".35em" text-anchor="middle" font-size={fmt(size)} font-weight="700">{ m.number.to_string() }</text>
            </g>
        }
    });

    let desc = {
        let mut d = i18n::fill(s.heatmap_svg_desc, &[&props.risks.len()]);
        for r in &props.risks {
            d.push(' ');
            d.push_str(&i18n::fill(
                s.heatmap_risk_desc,
                &[&format!("{}. {}", r.number, r.title), &pos_text(lang, r.inherent), &pos_text(lang, r.residual)],
            ));
            d.push('.');
        }
        d
    };

    let legend = props.risks.iter().map(|r| {
        html! {
            <li>
                <span class="bd-hm-legend-num">{ r.number }</span>
                <span class="bd-hm-legend-title">{ &r.title }</span>
                <span class="bd-hm-legend-pos">
                    { key_symbol(MarkerKind::Inherent) }<span class="bd-sr">{ format!("{}: ", t.inherent) }</span>{ pos_text(lang, r.inherent) }
                    <span aria-hidden="true">{ " → " }</span>
                    { key_symbol(MarkerKind::Residual) }<span class="bd-sr">{ format!("{}: ", t.residual) }</span>{ pos_text(lang, r.residual) }
                </span>
            </li>
        }
    });
    let level_key = [1u8, 2, 3, 4].map(|v| {
        let level = crate::domain::engine::Level::from_u8(v);
        let key = level.key();
        html! {
            <li>
                <svg class="bd-hm-key-symbol" viewBox="0 0 24 16" width="27" height="18" aria-hidden="true" focusable="false">
                    <g class={classes!("bd-hm-cell", format!("bd-hm-{key}"))}>
                        <rect class="bd-hm-fill" x="0.5" y="0.5" width="23" height="15" />
                        if let Some(id) = pattern(key) {
                            <rect class="bd-hm-pattern" x="0.5" y="0.5" width="23" height="15" fill={format!("url(#{id})")} />
                        }
                    </g>
                </svg>
                { t.level(level) }
            </li>
        }
    });

    html! {
        <figure class="bd-hm" data-testid="heatmap">
            <svg class="bd-hm-svg" viewBox={format!("0 0 {} {}", fmt(WIDTH), fmt(HEIGHT))} role="img"
                aria-labelledby="bd-hm-title bd-hm-desc" preserveAspectRatio="xMidYMid meet">
                <title id="bd-hm-title">{ s.heatmap_svg_title }</title>
                <desc id="bd-hm-desc">{ desc }</desc>
                <defs>
                    <pattern id="bd-hm-pat-medium" width="8" height="8" patternUnits="userSpaceOnUse">
                        <circle class="bd-hm-ink" cx="4" cy="4" r="1.1" />
                    </pattern>
                    <pattern id="bd-hm-pat-high" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line class="bd-hm-hatch" x1="0" y1="0" x2="0" y2="8" />
                    </pattern>
                    <pattern id="bd-hm-pat-very_high" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line class="bd-hm-hatch" x1="0" y1="0" x2="0" y2="7" />
                        <line class="bd-hm-hatch" x1="0" y1="0" x2="7" y2="0" />
                    </pattern>
                </defs>
                <g aria-hidden="true">
                    { for cells }
                    <rect class="bd-hm-frame" x={fmt(LEFT)} y={fmt(TOP)} width={fmt(4.0 * CELL_W)} height={fmt(grid_h)} />
                    { for rows }
                    { for cols }
                    <text class="bd-hm-axis-title" transform={format!("translate(18 {}) rotate(-90)", fmt(TOP + grid_h / 2.0))}
                        text-anchor="middle" font-size="14" font-weight="700">{ format!("{} →", t.likelihood) }</text>
                    <text class="bd-hm-axis-title" x={fmt(LEFT + 2.0 * CELL_W)} y={fmt(TOP + grid_h + 56.0)}
                        text-anchor="middle" font-size="14" font-weight="700">{ format!("{} →", t.severity) }</text>
                    { for markers }
                </g>
            </svg>
            <figcaption class="bd-hm-caption">
                <ul class="bd-hm-key">
                    <li>{ key_symbol(MarkerKind::Inherent) }{ s.heatmap_key_inherent }</li>
                    <li>{ key_symbol(MarkerKind::Residual) }{ s.heatmap_key_residual }</li>
                </ul>
                <p class="bd-hm-key-cells">{ s.heatmap_key_cells }</p>
                <ul class="bd-hm-key bd-hm-levels">{ for level_key }</ul>
                if props.risks.is_empty() {
                    <p>{ s.no_risks }</p>
                } else {
                    <ol class="bd-hm-legend">{ for legend }</ol>
                }
            </figcaption>
        </figure>
    }
}
