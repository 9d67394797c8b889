use super::terms_editor::{TermsEditor, STEPS};
use crate::browser;
use crate::domain::covenant::{
    covenant_markdown, diff, shown_diff, Covenant, CovenantState, DiffLine, SignatureState,
};
use crate::domain::iso::format_date;
use crate::domain::roster::Member;
use crate::domain::{Command, CovenantCommand, Id};
use crate::state::AppState;
use crate::ui::{member_from_value, member_options, EmptyState, Notices};
use leptos::prelude::*;

fn run(state: AppState, cmd: CovenantCommand) -> bool {
    state.dispatch(Command::Covenant(cmd))
}

/// A member's name, or a placeholder for someone no longer on the team.
fn namer(state: AppState) -> impl Fn(&Id) -> String {
    let names: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.members
            .iter()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    move |id: &Id| {
        names
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "(former member)".to_owned())
    }
}

/// Whether the draft is edited step by step, and which step.
#[derive(Clone, Copy)]
struct EditorUi {
    guided: RwSignal<bool>,
    step: RwSignal<usize>,
}

/// The team covenant: the first live covenant of the workspace.
#[component]
pub fn CovenantPage() -> impl IntoView {
    let state = AppState::expect();
    // The guided flow's place survives the re-render that follows each saved change.
    provide_context(EditorUi {
        guided: RwSignal::new(true),
        step: RwSignal::new(0),
    });
    let current = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.live::<Covenant>()
                .next()
                // A draft saves as it is typed: re-rendering its editor on each save would
                // take the focus away, so a draft re-renders only when its state changes.
                .map(|c| {
                    let edits = if c.state == CovenantState::Draft {
                        0
                    } else {
                        c.meta.version
                    };
                    (c.meta.id.clone(), c.state, edits)
                })
        })
    });
    view! {
        <section class="page covenant-page">
            <h1>"Team covenant"</h1>
            <p class="lede">
                "A joint, public declaration of how we support each other: what we intend, how we "
                "behave, who decides what, what we do when something slips, and how we know it works."
            </p>
            {move || match current.get() {
                None => view! { <StartCovenant/> }.into_any(),
                Some((id, _, _)) => {
                    let c = state.ws.with_untracked(|ws| ws.get::<Covenant>(&id).cloned());
                    c.map(|c| view! { <CovenantView covenant=c/> }).into_any()
                }
            }}
        </section>
    }
}

#[component]
fn StartCovenant() -> impl IntoView {
    let state = AppState::expect();
    let title = RwSignal::new("Our team covenant".to_owned());
    let team = RwSignal::new(String::new());
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(
            state,
            CovenantCommand::Create {
                title: title.get_untracked(),
                team: team.get_untracked(),
            },
        );
    };
    view! {
        <EmptyState title="No covenant yet">
            <p>"Write it together, in a few guided steps or in the full editor."</p>
        </EmptyState>
        <form class="new-board" on:submit=start aria-label="New covenant">
            <div class="field">
                <label for="cov-title">"Title"</label>
                <input id="cov-title" type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="cov-team">"Team"</label>
                <input id="cov-team" type="text" prop:value=move || team.get() on:input=move |ev| team.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="primary">"Start the covenant"</button>
        </form>
    }
}

/// One covenant, by state: a draft is edited; an active one is read, signed, amended.
#[component]
fn CovenantView(covenant: Covenant) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let id = covenant.meta.id.clone();
    let c = covenant.clone();
    let name = namer(state);
    let version = c.current().map(|v| v.number);
    let badge = match c.state {
        CovenantState::Draft => "Draft".to_owned(),
        CovenantState::Active => format!("Active, version {}", version.unwrap_or(1)),
        CovenantState::UnderReview => format!("Under review, version {}", version.unwrap_or(1)),
    };
    let review = c
        .terms
        .review_on
        .map(|d| format_date(&d))
        .unwrap_or_else(|| "not set".to_owned());
    let reminder = c
        .review_due(browser::today(), 14)
        .then(|| view! { <p class="focus-warning" role="status">{format!("Review due: {review}. Time to look at what we learned.")}</p> });
    let md = covenant_markdown(&c, &name);
    let copy = move |_| {
        browser::copy_text(&md, move |ok| {
            if ok {
                notices.success("The covenant is on the clipboard as Markdown.");
            } else {
                notices.error("The browser refused the clipboard. Try Print instead.");
            }
        })
    };
    let unclear = c.terms.unclear();
    let guidance = (!unclear.is_empty()).then(|| {
        view! {
            <details class="clarity-guidance">
                <summary>{format!("Still unclear in {} clauses (guidance, not a blocker)", unclear.len())}</summary>
                <ul>
                    {unclear
                        .into_iter()
                        .map(|(t, open)| view! { <li>{format!("{}: {}", if t.is_empty() { "untitled".to_owned() } else { t }, open.join(", "))}</li> })
                        .collect_view()}
                </ul>
            </details>
        }
    });
    let body = if c.state == CovenantState::Draft {
        view! { <DraftEditor covenant=c.clone()/> }.into_any()
    } else {
        view! { <ActiveCovenant covenant=c.clone()/> }.into_any()
    };
    view! {
        <header class="covenant-head">
            <h2>{c.terms.title.clone()}</h2>
            <p class="board-meta">
                <span class="goal-state">{badge}</span>
                {(!c.terms.team.is_empty()).then(|| format!(" Team {}", c.terms.team))}
                {format!(" · Review date: {review}")}
            </p>
        </header>
        {reminder}
        <div class="toolbar" role="group" aria-label="Covenant tools">
            <button on:click=copy>"Copy as Markdown"</button>
            <button on:click=move |_| browser::print()>"Print"</button>
            <button
                class="danger"
                on:click=move |_| {
                    state.dispatch_undoable(
                        Command::Covenant(CovenantCommand::Delete { id: id.clone() }),
                        "Covenant deleted.".to_owned(),
                    );
                }
            >
                "Delete covenant"
            </button>
        </div>
        {guidance}
        {body}
    }
}

/// Editing a draft: guided one section at a time, or all at once; then activation.
#[component]
fn DraftEditor(covenant: Covenant) -> impl IntoView {
    let state = AppState::expect();
    let terms = RwSignal::new(covenant.terms.clone());
    let saved = RwSignal::new(covenant.terms.clone());
    let EditorUi { guided, step } = expect_context::<EditorUi>();
    let only: Signal<Option<usize>> = Signal::derive(move || guided.get().then(|| step.get()));
    let id = covenant.meta.id.clone();
    // Saves the draft shortly after each change, as one undoable command.
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    {
        let id = id.clone();
        Effect::new(move |_| {
            let t = terms.get();
            if t == saved.get_untracked() {
                return;
            }
            let id = id.clone();
            timer.update_value(|h| {
                if let Some(h) = h.take() {
                    h.clear();
                }
            });
            let handle = set_timeout_with_handle(
                move || {
                    if run(
                        state,
                        CovenantCommand::EditDraft {
                            id,
                            terms: t.clone(),
                        },
                    ) {
                        saved.set(t);
                    }
                },
                std::time::Duration::from_millis(400),
            );
            timer.set_value(handle.ok());
        });
    }
    let pending = move || terms.with(|t| saved.with(|s| t != s));
    let activate = move |_| {
        let t = terms.get_untracked();
        if t == saved.get_untracked()
            || run(
                state,
                CovenantCommand::EditDraft {
                    id: id.clone(),
                    terms: t.clone(),
                },
            )
        {
            saved.set(t);
            run(state, CovenantCommand::Activate { id: id.clone() });
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label="Editor">
            <button role="tab" aria-selected=move || guided.get().to_string() on:click=move |_| guided.set(true)>
                "Guided"
            </button>
            <button role="tab" aria-selected=move || (!guided.get()).to_string() on:click=move |_| guided.set(false)>
                "Full editor"
            </button>
        </div>
        {move || {
            guided
                .get()
                .then(|| {
                    view! {
                        <p class="hint">
                            {move || format!("Step {} of {}: {}", step.get() + 1, STEPS.len(), STEPS[step.get()])}
                        </p>
                    }
                })
        }}
        <TermsEditor terms=terms only=only/>
        <div class="row-actions covenant-actions">
            {move || {
                guided
                    .get()
                    .then(|| {
                        view! {
                            <button disabled=move || step.get() == 0 on:click=move |_| step.update(|s| *s -= 1)>
                                "Back"
                            </button>
                            <button
                                disabled=move || step.get() + 1 == STEPS.len()
                                on:click=move |_| step.update(|s| *s += 1)
                            >
                                "Next"
                            </button>
                        }
                    })
            }}
            <p class="hint" role="status">
                {move || if pending() { "Saving the draft…" } else { "The draft is saved as you write." }}
            </p>
            <button class="primary" on:click=activate>"Activate covenant"</button>
        </div>
    }
}

/// Reading, signing, amending and reviewing an active covenant.
#[component]
fn ActiveCovenant(covenant: Covenant) -> impl IntoView {
    let state = AppState::expect();
    let name = namer(state);
    let id = covenant.meta.id.clone();
    let amending = RwSignal::new(false);
    let terms = RwSignal::new(covenant.terms.clone());
    let reason = RwSignal::new(String::new());
    let lines = covenant.terms.lines(&name);

    let signer = RwSignal::new(None::<Id>);
    let typed = RwSignal::new(String::new());
    let sign = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(member) = signer.get_untracked() else {
                return;
            };
            if run(
                state,
                CovenantCommand::Sign {
                    id: id.clone(),
                    member,
                    typed_name: typed.get_untracked(),
                },
            ) {
                typed.set(String::new());
            }
        }
    };
    let signatures = covenant
        .signature_states()
        .into_iter()
        .map(|(s, st)| {
            let renew = st != SignatureState::Current;
            let who = state
                .ws
                .with_untracked(|ws| ws.get::<Member>(&s.member).map(|m| m.name.clone()))
                .unwrap_or_else(|| s.typed_name.clone());
            view! {
                <li class=if renew { "signature renew" } else { "signature" }>
                    {format!(
                        "{who}: signed version {} on {}{}",
                        s.version,
                        format_date(&s.at.date_naive()),
                        match st {
                            SignatureState::Current => "",
                            SignatureState::Renew => ", needs renewal",
                            SignatureState::NotVerified => ", not verified: its fingerprint matches no version's wording",
                        }
                    )}
                </li>
            }
        })
        .collect_view();

    let amend = {
        let id = id.clone();
        move |_| {
            if run(
                state,
                CovenantCommand::Amend {
                    id: id.clone(),
                    terms: terms.get_untracked(),
                    reason: reason.get_untracked(),
                },
            ) {
                amending.set(false);
            }
        }
    };
    let review_id = id.clone();
    let under_review = covenant.state == CovenantState::UnderReview;

    // Versions and the diff between any two.
    let versions = covenant.versions.clone();
    let n = versions.len();
    let from = RwSignal::new(n.saturating_sub(2));
    let to = RwSignal::new(n.saturating_sub(1));
    let version_list = versions
        .iter()
        .map(|v| view! { <li>{format!("Version {} on {}: {}", v.number, format_date(&v.at.date_naive()), v.reason)}</li> })
        .collect_view();
    let diff_view = {
        let versions = versions.clone();
        move || {
            let (a, b) = (from.get(), to.get());
            let (Some(va), Some(vb)) = (versions.get(a), versions.get(b)) else {
                return ().into_any();
            };
            let name = namer(state);
            let d = diff(&va.terms.lines(&name), &vb.terms.lines(&name));
            shown_diff(d, 2, 400)
                .into_iter()
                .map(|l| match l {
                    DiffLine::Same(t) => view! { <li class="same">{t}</li> }.into_any(),
                    DiffLine::Removed(t) => {
                        view! { <li class="removed"><del>{t}</del></li> }.into_any()
                    }
                    DiffLine::Added(t) => {
                        view! { <li class="added"><ins>{t}</ins></li> }.into_any()
                    }
                    DiffLine::Note(t) => view! { <li class="note">{t}</li> }.into_any(),
                })
                .collect_view()
                .into_any()
        }
    };
    let pick = move |sig: RwSignal<usize>, label: &'static str| {
        view! {
            <label>
                {label}
                " "
                <select on:change=move |ev| sig.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {(0..n)
                        .map(|i| view! { <option value=i.to_string() selected=move || sig.get() == i>{format!("Version {}", i + 1)}</option> })
                        .collect_view()}
                </select>
            </label>
        }
    };

    view! {
        <section class="terms-read" aria-label="Terms in force">
            <ul class="terms-lines">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
        <section aria-labelledby="sig-h">
            <h3 id="sig-h">"Signatures"</h3>
            <ul class="signatures" aria-label="Signatures">{signatures}</ul>
            <form class="inline-form" on:submit=sign aria-label="Sign the covenant">
                <label>
                    "Member "
                    <select on:change=move |ev| signer.set(member_from_value(event_target_value(&ev)))>
                        {member_options(state, "Choose…", None)}
                    </select>
                </label>
                <label>
                    "Type your name to sign "
                    <input type="text" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="primary">"Sign"</button>
            </form>
        </section>
        <div class="row-actions covenant-actions">
            <button on:click=move |_| amending.update(|a| *a = !*a)>"Amend"</button>
            {if under_review {
                view! {
                    <button on:click=move |_| {
                        run(state, CovenantCommand::Reaffirm { id: review_id.clone() });
                    }>"Reaffirm without changes"</button>
                }
                    .into_any()
            } else {
                view! {
                    <button on:click=move |_| {
                        run(state, CovenantCommand::StartReview { id: review_id.clone() });
                    }>"Start review"</button>
                }
                    .into_any()
            }}
        </div>
        {move || {
            amending
                .get()
                .then(|| {
                    let amend = amend.clone();
                    view! {
                        <section class="amend" aria-label="Amendment">
                            <h3>"Amendment"</h3>
                            <TermsEditor terms=terms only=Signal::derive(|| None)/>
                            <label class="field">
                                "Reason for the amendment"
                                <input type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                            </label>
                            <button class="primary" on:click=amend>"Publish amendment"</button>
                        </section>
                    }
                })
        }}
        <section aria-labelledby="versions-h">
            <h3 id="versions-h">"Versions"</h3>
            <ol class="versions">{version_list}</ol>
            {(n > 1)
                .then(|| {
                    view! {
                        <div class="inline-form">{pick(from, "Compare")} {pick(to, "with")}</div>
                        <ul class="diff" aria-label="Changes between versions">{diff_view}</ul>
                    }
                })}
        </section>
    }
}
