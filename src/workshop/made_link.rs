//! A link Climb made to pass on (an invite, a contribution, a check): copied at once, and
//! shown in a field to copy by hand when the clipboard refuses.

use crate::browser;
use crate::share::make_link_to;
use crate::ui::Notices;
use leptos::prelude::*;

/// "2.4 KB" for a link's length.
fn size_text(link: &str) -> String {
    format!("{:.1} KB", link.len() as f64 / 1024.0)
}

/// A link made here, shown in a read-only field (to copy by hand if the clipboard refuses).
#[component]
pub(crate) fn MadeLink(
    /// The field's label.
    label: &'static str,
    /// The link made, once there is one.
    link: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        link.get().map(|l| {
            let size = size_text(&l);
            view! {
                <label class="made-link">
                    {format!("{label} ({size}) ")}
                    <input type="text" readonly prop:value=l on:focus=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.select();
                    }/>
                </label>
            }
        })
    }
}

/// Makes a link carrying `json`, copies it, and shows it.
pub(crate) fn make_and_copy(
    notices: Notices,
    path: String,
    prefix: &'static str,
    json: String,
    shown: RwSignal<Option<String>>,
    what: &'static str,
    // Where it goes, e.g. "paste it in the call's chat".
    send: &'static str,
) {
    make_link_to(&path, prefix, &json, move |r| match r {
        Ok(link) => {
            let size = size_text(&link);
            shown.set(Some(link.clone()));
            browser::copy_text(&link, move |ok| {
                if ok {
                    notices.success(format!("The {what} is on the clipboard ({size}): {send}."));
                } else {
                    notices.info(format!(
                        "The browser refused the clipboard: copy the {what} from the field below."
                    ));
                }
            });
        }
        Err(e) => notices.error(format!("The {what} could not be made: {e}.")),
    });
}
