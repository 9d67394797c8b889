//! The Data page itself: what this browser holds, export and share, and its sections.

use super::backup_list::BackupList;
use super::import_panel::ImportPanel;
use super::kept_records::KeptRecords;
use super::recently_deleted::RecentlyDeleted;
use super::storage_use::StorageUse;
use crate::browser;
use crate::domain::exchange::{export_file_name, for_others, to_export_json, to_storage_json};
use crate::domain::ladder::{Board, Card};
use crate::domain::merge::plural;
use crate::domain::roster::Member;
use crate::domain::team_view::team_subset;
use crate::state::AppState;
use crate::ui::{Notices, Page};
use leptos::prelude::*;

/// The Data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let counts = move || {
        state.all.with(|ws| {
            let unreadable = match ws.kept.len() {
                0 => String::new(),
                n => format!(
                    ", and {} this version cannot read",
                    plural(n, "record", "records")
                ),
            };
            // An empty first team that stepped aside for an imported one is not counted.
            let shown = crate::domain::teams::teams(ws)
                .filter(|t| {
                    !crate::domain::teams::untouched(ws, t)
                        || crate::domain::teams::open_teams(ws).any(|o| o.meta.id == t.meta.id)
                })
                .count();
            let teams = match shown {
                0 | 1 => String::new(),
                n => format!("{n} teams, "),
            };
            format!(
                "{teams}{}, {}, {}{unreadable}.",
                plural(ws.live::<Member>().count(), "person", "people"),
                plural(ws.live::<Board>().count(), "board", "boards"),
                plural(ws.live::<Card>().count(), "card", "cards"),
            )
        })
    };
    let storage_ok = state.store().is_available();
    // What is shared is the team on screen, as others may see it (rule 3).
    let shared = move || {
        let team = state.team.get_untracked();
        state.all.with_untracked(|ws| match &team {
            Some(t) => team_subset(ws, t),
            None => for_others(ws),
        })
    };
    let team_name = move || state.team_name().unwrap_or_default();
    let export_shared = move |_| {
        let name = export_file_name(browser::today(), &format!("{}-shared", team_name()));
        let json = to_export_json(&shared(), browser::now());
        if let Err(e) = browser::download(&name, &json, "application/json") {
            notices.error(format!("The download could not start: {e}"));
        }
    };
    let share_link = move |_| {
        let json = to_storage_json(&shared(), browser::now());
        share_json(
            notices,
            json,
            export_file_name(browser::today(), &format!("{}-shared", team_name())),
        );
    };

    view! {
        <Page title="Data" lede="Your workspace lives only in this browser. Export it to keep a copy or to share \
                it with your team.">
            <h2>"This workspace"</h2>
            <p>{counts}</p>
            <p>
                {if storage_ok {
                    "Saved in this browser's local storage."
                } else {
                    "This browser blocks local storage: your work is kept in this tab only."
                }}
            </p>
            <StorageUse/>
            <h3>"Keep a backup"</h3>
            <p class="hint">
                "A backup of this browser holds everything, including each participant's private "
                "workshop placements and votes and who wrote every card: keep it for yourself."
            </p>
            <div class="row-actions data-actions">
                <button class="primary" on:click=move |_| state.download_export()>
                    "Export workspace (a backup of this browser)"
                </button>
            </div>
            <h3>"Share with your team"</h3>
            <p class="hint">
                "What you share carries one team, "
                <strong>{team_name}</strong>
                ", and nothing of any other team. It carries workshop placements and votes only "
                "as counts per card, and a card's author only where the author signed it."
            </p>
            <div class="row-actions data-actions">
                <button on:click=export_shared>"Export team"</button>
                <button on:click=share_link>"Copy team share link"</button>
            </div>

            <ImportPanel/>
            <KeptRecords/>
            <RecentlyDeleted/>
            <BackupList/>
        </Page>
    }
}

/// Copies a share link for `json`, or says why not and offers the same data as a file
/// (`file_name`): never more than the link would have carried.
pub fn share_json(notices: Notices, json: String, file_name: String) {
    let data = json.clone();
    crate::share::make_link(&json, move |link| match link {
        Ok(link) => {
            let kb = link.len().div_ceil(1024);
            browser::copy_text(&link, move |ok| {
                if ok {
                    notices.success(format!(
                        "Share link copied ({kb} KB). Whoever opens it sees an import preview; nothing is sent anywhere."
                    ));
                } else {
                    notices.error("The browser refused the clipboard.");
                }
            });
        }
        Err(why) => notices.with_action(
            crate::ui::NoticeKind::Error,
            format!("No share link: {why}. Share a file instead."),
            "Download the file to share",
            move || {
                let text = crate::domain::exchange::indent_json(&data);
                if let Err(e) = browser::download(&file_name, &text, "application/json") {
                    notices.error(format!("The download could not start: {e}"));
                }
            },
        ),
    });
}
