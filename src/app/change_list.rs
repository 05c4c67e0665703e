//! The change list: one row per change of the comparison ([`crate::changes`]), in document order
//! or by consequence, filtered by kind, with the routine updates in a group of their own.

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::changes::{Change, ChangeType};

use super::command::Command;
use super::palette::Palette;
use super::state::AppState;

/// In which order the change list (and next/previous change) goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ChangeOrder {
    /// As the paragraphs stand in the new document.
    #[default]
    Document,
    /// Most consequential first ([`crate::changes::triage_order`]).
    Consequence,
}

impl ChangeOrder {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ChangeOrder::Document => "Document order",
            ChangeOrder::Consequence => "Most consequential first",
        }
    }

    /// `document` or `consequence`, as on the command line (`--order`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeOrder::Document => "document",
            ChangeOrder::Consequence => "consequence",
        }
    }
}

/// Which kinds of change the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum KindFilter {
    /// Every change.
    #[default]
    All,
    /// Changes of a lead phrase (any direction).
    LeadPhrases,
    /// Paragraphs added or removed.
    AddedRemoved,
    /// Numbers, dates and deadlines.
    Numbers,
    /// References to other documents added or removed.
    References,
    /// Footnotes.
    Footnotes,
    /// Moved, split or merged paragraphs.
    Structure,
    /// Other wording.
    Wording,
    /// Only the routine updates.
    Routine,
}

impl KindFilter {
    /// Every filter, as offered.
    pub const ALL: [KindFilter; 9] = [
        KindFilter::All,
        KindFilter::LeadPhrases,
        KindFilter::AddedRemoved,
        KindFilter::Numbers,
        KindFilter::References,
        KindFilter::Footnotes,
        KindFilter::Structure,
        KindFilter::Wording,
        KindFilter::Routine,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            KindFilter::All => "All kinds",
            KindFilter::LeadPhrases => "Lead-phrase changes",
            KindFilter::AddedRemoved => "Added or removed paragraphs",
            KindFilter::Numbers => "Numbers and dates",
            KindFilter::References => "References",
            KindFilter::Footnotes => "Footnotes",
            KindFilter::Structure => "Moved, split, merged",
            KindFilter::Wording => "Wording",
            KindFilter::Routine => "Routine updates",
        }
    }

    /// Whether a change passes (any of its types counts, not only its main kind).
    pub fn accepts(self, ch: &Change) -> bool {
        use ChangeType as T;
        match self {
            KindFilter::All => true,
            KindFilter::LeadPhrases => ch.has_lead(),
            KindFilter::AddedRemoved => ch.types.iter().any(|t| {
                matches!(
                    t,
                    T::OperativeAdded
                        | T::OperativeRemoved
                        | T::PreambularAdded
                        | T::PreambularRemoved
                )
            }),
            KindFilter::Numbers => ch.has(T::Numbers),
            KindFilter::References => ch.has(T::References),
            KindFilter::Footnotes => ch.has(T::Footnotes),
            KindFilter::Structure => ch.has(T::Moved) || ch.has(T::Split) || ch.has(T::Merged),
            KindFilter::Wording => ch.has(T::Wording),
            KindFilter::Routine => ch.is_routine(),
        }
    }
}

/// What the side panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SideTab {
    /// The change list.
    #[default]
    Changes,
    /// Documents, counts, renumbering, lead phrases, references.
    Summary,
}

/// How the comparison is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ViewLayout {
    /// Old and new in two columns.
    #[default]
    SideBySide,
    /// One column: deletions struck, insertions underlined.
    Inline,
}

impl ViewLayout {
    /// `side-by-side` or `inline`, as on the command line (`--view`).
    pub fn as_str(self) -> &'static str {
        match self {
            ViewLayout::SideBySide => "side-by-side",
            ViewLayout::Inline => "inline",
        }
    }
}

/// A sign for a change type, so colour is never the only cue.
pub fn sign(t: ChangeType) -> &'static str {
    use ChangeType as T;
    match t {
        T::OperativeAdded | T::PreambularAdded => "+",
        T::OperativeRemoved | T::PreambularRemoved => "−",
        T::LeadReversed => "⇄",
        T::LeadWeaker => "▼",
        T::LeadStronger => "▲",
        T::LeadChanged => "≠",
        T::Numbers => "#",
        T::References => "§",
        T::Split => "÷",
        T::Merged => "×",
        T::Footnotes => "¹",
        T::Moved => "↕",
        T::Wording => "~",
        T::Routine => "·",
    }
}

/// The text of one row of the list: `OP5  ▼ lead phrase weaker: “Welcomes” → “Notes”`. Every
/// type of the change has its sign; the main kind is named, and a lead-phrase change next to it
/// when it is not the main kind (`PP4  #≠~ numbers or dates, lead phrase changed: “Recognizing” →
/// “Noting with satisfaction” · …`), so that the narrow list never hides it. [`row_hover`] names
/// every type.
pub fn row_text(ch: &Change) -> String {
    let types = ch.display_types();
    let signs: String = types.iter().copied().map(sign).collect();
    let named: Vec<&str> = types
        .iter()
        .enumerate()
        .filter(|(k, t)| *k == 0 || t.is_lead())
        .map(|(_, t)| t.label())
        .collect();
    format!("{}  {signs} {}: {}", ch.ids, named.join(", "), ch.excerpt)
}

/// The hover text of a row: the ids, every type of the change by name, and the excerpt.
pub fn row_hover(ch: &Change) -> String {
    format!("{}: {}\n{}", ch.ids, ch.kinds_label(), ch.excerpt)
}

/// Per-window state of the list: where it scrolled and which row to focus.
#[derive(Debug, Default)]
pub struct ChangeListUi {
    last_current: Option<usize>,
    /// Give the keyboard focus to the current change's row when it is drawn.
    pub focus_current: bool,
    offset: f32,
    height: f32,
}

enum Entry {
    Change(usize),
    RoutineHeader(usize),
}

/// The change list, filling the side panel's tab.
pub fn show(
    ui: &mut Ui,
    state: &AppState,
    lui: &mut ChangeListUi,
    pal: &Palette,
    out: &mut Vec<Command>,
) {
    let (main, routine) = state.listed_changes();
    // Each caption stays with its box when the two wrap onto two lines.
    ui.horizontal_wrapped(|ui| {
        ui.horizontal(|ui| {
            let ol = ui.label("Order:");
            egui::ComboBox::from_id_salt("change_order")
                .selected_text(state.change_order.label())
                .show_ui(ui, |ui| {
                    for o in [ChangeOrder::Document, ChangeOrder::Consequence] {
                        if ui
                            .selectable_label(state.change_order == o, o.label())
                            .clicked()
                        {
                            out.push(Command::SetChangeOrder(o));
                        }
                    }
                })
                .response
                .labelled_by(ol.id);
        });
        ui.horizontal(|ui| {
            let kl = ui.label("Kind:");
            egui::ComboBox::from_id_salt("change_kind")
                .selected_text(state.change_kind.label())
                .show_ui(ui, |ui| {
                    for k in KindFilter::ALL {
                        let n = state.changes.iter().filter(|c| k.accepts(c)).count();
                        if ui
                            .selectable_label(
                                state.change_kind == k,
                                format!("{} ({n})", k.label()),
                            )
                            .clicked()
                        {
                            out.push(Command::SetChangeKind(k));
                        }
                    }
                })
                .response
                .labelled_by(kl.id);
        });
    });
    ui.label(
        RichText::new(state.change_count_line(main.len(), routine.len()))
            .color(pal.weak)
            .small(),
    );
    ui.separator();
    let mut entries: Vec<Entry> = main.iter().map(|&k| Entry::Change(k)).collect();
    if !routine.is_empty() {
        entries.push(Entry::RoutineHeader(routine.len()));
        if state.routine_open {
            entries.extend(routine.iter().map(|&k| Entry::Change(k)));
        }
    }
    let current = state.current_change();
    // Every row is one button of exactly this height, so that `show_rows` places them right.
    let button_h = (ui.text_style_height(&egui::TextStyle::Button)
        + 2.0 * ui.spacing().button_padding.y)
        .max(ui.spacing().interact_size.y)
        .ceil();
    let row_h = button_h + ui.spacing().item_spacing.y;
    let row_size = egui::vec2(ui.available_width() - 16.0, button_h);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("change_list")
        .auto_shrink([false, false]);
    if current != lui.last_current {
        lui.last_current = current;
        if let Some(e) = entries
            .iter()
            .position(|e| matches!(e, Entry::Change(k) if Some(*k) == current))
        {
            let y = e as f32 * row_h;
            if y < lui.offset || y + row_h > lui.offset + lui.height {
                area = area.vertical_scroll_offset((y - lui.height / 3.0).max(0.0));
            }
        }
    }
    let mut keys = (false, false);
    let output = area.show_rows(ui, button_h, entries.len(), |ui, range| {
        for e in &entries[range] {
            match e {
                Entry::RoutineHeader(n) => {
                    let text = format!(
                        "Routine updates ({n}), the annual rollover only: {}",
                        if state.routine_open { "hide" } else { "show" }
                    );
                    if ui
                        .add(
                            egui::Button::selectable(false, text)
                                .truncate()
                                .min_size(row_size),
                        )
                        .on_hover_text(
                            "Changes whose every word is the annual rollover (each says which rule)",
                        )
                        .clicked()
                    {
                        out.push(Command::ShowRoutine(!state.routine_open));
                    }
                }
                Entry::Change(k) => {
                    let Some(ch) = state.changes.get(*k) else {
                        continue;
                    };
                    let text = row_text(ch);
                    let selected = current == Some(*k);
                    let lead = ch.types.iter().copied().find(|t| t.is_lead());
                    let color = match lead {
                        _ if ch.is_routine() => pal.routine,
                        Some(ChangeType::LeadStronger) => pal.stronger,
                        Some(ChangeType::LeadWeaker | ChangeType::LeadReversed) => pal.weaker,
                        _ => pal.text,
                    };
                    let resp = ui
                        .add(
                            egui::Button::selectable(selected, RichText::new(&text).color(color))
                                .truncate()
                                .min_size(row_size),
                        )
                        .on_hover_text(row_hover(ch));
                    if resp.clicked() {
                        out.push(Command::GoToChange(*k));
                    }
                    if selected && lui.focus_current {
                        resp.request_focus();
                        lui.focus_current = false;
                    }
                    if resp.has_focus() {
                        ui.memory_mut(|m| {
                            m.set_focus_lock_filter(
                                resp.id,
                                egui::EventFilter {
                                    vertical_arrows: true,
                                    ..Default::default()
                                },
                            )
                        });
                        ui.input_mut(|i| {
                            keys.0 |= i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown);
                            keys.1 |= i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp);
                        });
                    }
                }
            }
        }
    });
    lui.offset = output.state.clamped_offset().y;
    lui.height = output.inner_rect.height();
    if keys.0 {
        out.push(Command::NextChange);
        lui.focus_current = true;
    }
    if keys.1 {
        out.push(Command::PrevChange);
        lui.focus_current = true;
    }
}
