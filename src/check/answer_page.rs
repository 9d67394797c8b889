//! Answering a check in one's own browser, from an invite link. This browser keeps nothing:
//! the answers leave only as the response link the person sends back.

use super::answer_form::AnswerForm;
use super::remote_check::{INVITE, RESPONSE};
use crate::browser;
use crate::domain::check::Answers;
use crate::domain::check_links::{read_invite, reply_json, Invite};
use crate::share::{make_link_to, read_link};
use crate::workshop::MadeLink;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Step {
    Reading,
    Failed(String),
    Answering(Invite),
    Sent,
}

/// The page an invite link opens.
#[component]
pub fn CheckAnswerPage() -> impl IntoView {
    let step = RwSignal::new(Step::Reading);
    let link = RwSignal::new(None::<String>);
    // The fragment stays in the address, so a reload shows the same invite.
    let data = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| h.strip_prefix(INVITE).map(str::to_owned));
    match data {
        None => step.set(Step::Failed(
            "This page needs an invite link: ask the facilitator for the check's invite link."
                .to_owned(),
        )),
        Some(d) => read_link(&d, move |r| {
            step.set(
                match r
                    .map_err(|e| e.to_string())
                    .and_then(|t| read_invite(&t).map_err(|e| e.to_string()))
                {
                    Ok(inv) => Step::Answering(inv),
                    Err(e) => Step::Failed(format!(
                        "The invite could not be read: {}",
                        super::remote_check::sentence(&e)
                    )),
                },
            )
        }),
    }
    let notices = crate::ui::Notices::expect();
    let send = move |inv: Invite| {
        Callback::new(move |answers: Answers| {
            let json = reply_json(&inv, &browser::random_id(), &answers);
            let shown = link;
            make_link_to("/check", RESPONSE, &json, move |r| match r {
                Ok(l) => {
                    shown.set(Some(l.clone()));
                    step.set(Step::Sent);
                    browser::copy_text(&l, move |ok| {
                        if ok {
                            notices.success("Your response link is on the clipboard: paste it in the call's chat.");
                        } else {
                            notices.info("Copy your response link from the field, and paste it in the call's chat.");
                        }
                    });
                }
                Err(e) => notices.error(format!("The response link could not be made: {e}.")),
            });
        })
    };
    view! {
        <section class="page check-answer-page">
            <h1>"Safety, trust and clarity check"</h1>
            {move || match step.get() {
                Step::Reading => view! { <p>"Reading the invite…"</p> }.into_any(),
                Step::Failed(why) => view! { <p class="error-text" role="alert">{why}</p> }.into_any(),
                Step::Answering(inv) => view! {
                    <p class="lede">{format!("{}{}", inv.title, if inv.team.is_empty() { String::new() } else { format!(" for {}", inv.team) })}</p>
                    <p class="privacy-note">
                        "Your name is not asked, and this browser keeps nothing. Your answers leave as a "
                        "response link with a random id and no name, which you send back to the facilitator. "
                        "The facilitator could tell one link from another by who sent it; Climb shows only the team's totals."
                    </p>
                    <AnswerForm statements=inv.statements.clone() submit="Make my response link" done=send(inv.clone())/>
                }.into_any(),
                Step::Sent => view! {
                    <p role="status">"Your response link is ready. Send it to the facilitator; then you can close this page."</p>
                    <MadeLink label="Response link" link=link/>
                }.into_any(),
            }}
        </section>
    }
}
