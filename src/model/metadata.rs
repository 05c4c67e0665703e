use serde::{Deserialize, Serialize};

/// What kind of document a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// An adopted resolution (`A/RES/66/184`).
    Resolution,
    /// A draft resolution (`A/C.2/80/L.17`, `A/80/L.41`).
    DraftResolution,
    /// A decision (`A/DEC/…`).
    Decision,
    /// Not recognised as a resolution: paragraphs are kept as an unstructured list.
    #[default]
    Unknown,
}

/// Metadata read from the stamp, the heading lines and the closing lines of a document.
///
/// Every field is optional: real files often lack the stamp (`A_RES_65_141.txt` has none).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// Document symbol, e.g. `A/RES/66/184` or `A/C.2/80/L.17`.
    pub symbol: Option<String>,
    /// Title without the `66/184.` prefix, e.g. `Information and communications technologies for development`.
    pub title: Option<String>,
    /// Session number (66 for `A/RES/66/184`).
    pub session: Option<u32>,
    /// Adoption date (resolutions) or issue date (drafts), ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Plenary meeting number from the closing line (`91st plenary meeting` → 91).
    pub plenary_meeting: Option<u32>,
    /// Symbol of the committee report the resolution was adopted on (`A/66/437`).
    pub committee_report: Option<String>,
    /// Agenda item as printed (`16`, `18 (b)`).
    pub agenda_item: Option<String>,
    /// Resolution, draft resolution, decision, or unknown.
    pub kind: DocumentKind,
    /// The sponsors line of a draft (`Guyana: draft resolution` → `Guyana`).
    pub sponsors: Option<String>,
    /// The lines printed above the title, wrapped lines joined, in order: session, committee,
    /// agenda item and its title, the adoption line (`Resolution adopted by the General Assembly
    /// on 19 December 2024`), the committee report (`[on the report of …]`), a draft's sponsors
    /// line (`Iraq:* draft resolution`). Page furniture is left out: `United Nations`, `General
    /// Assembly`, the symbol, `Distr.` and its date, `Original:`, job number, bar code and
    /// editorial markers such as `[DU1]`.
    #[serde(default)]
    pub head_lines: Vec<String>,
    /// The closing lines as printed after the last paragraph of the resolution: the plenary
    /// meeting and its date (`54th plenary meeting`, `19 December 2024`).
    #[serde(default)]
    pub closing_lines: Vec<String>,
}
