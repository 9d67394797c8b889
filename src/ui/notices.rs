//! The notices service: a typed context that any component uses to tell the user about
//! errors (storage, import) and confirmations, optionally with one action such as Undo.

use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// What a notice's button does. A plain `Arc`, not a reactive `Callback`: the component that
/// raised the notice (say, the row of a member just removed) may be gone when it is clicked.
pub type NoticeAction = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

#[derive(Clone)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    /// A button label and what it does, e.g. ("Undo", …).
    pub action: Option<(String, NoticeAction)>,
}

/// Handle on the notices list; `Copy`, so components capture it freely.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next: StoredValue<u64>,
}

/// How long a confirmation stays; errors stay until dismissed.
const INFO_MS: u64 = 8000;

impl Notices {
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    /// The service provided by the app shell.
    pub fn expect() -> Self {
        expect_context::<Notices>()
    }

    /// The notices shown now (tracked: for views).
    pub fn list(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// The notices shown now, without subscribing.
    pub fn list_untracked(&self) -> Vec<Notice> {
        self.list.get_untracked()
    }

    /// Shows a notice; returns its id.
    pub fn push(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        action: Option<(String, NoticeAction)>,
    ) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        let text = text.into();
        self.list.update(|l| {
            // The same message twice in a row is shown once.
            l.retain(|n| n.text != text);
            l.push(Notice {
                id,
                kind,
                text,
                action,
            });
            if l.len() > 5 {
                l.remove(0);
            }
        });
        if kind != NoticeKind::Error {
            let this = *self;
            set_timeout(move || this.dismiss(id), Duration::from_millis(INFO_MS));
        }
        id
    }

    pub fn info(&self, text: impl Into<String>) {
        self.push(NoticeKind::Info, text, None);
    }

    pub fn success(&self, text: impl Into<String>) {
        self.push(NoticeKind::Success, text, None);
    }

    pub fn error(&self, text: impl Into<String>) {
        self.push(NoticeKind::Error, text, None);
    }

    /// A notice with one action button.
    pub fn with_action(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        label: &str,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.push(kind, text, Some((label.to_owned(), Arc::new(action))));
    }

    /// Dismisses the notices whose action is `label` (an "Undo" offer once the change is
    /// undone by other means goes stale).
    pub fn dismiss_action(&self, label: &str) {
        let _ = self
            .list
            .try_update(|l| l.retain(|n| n.action.as_ref().is_none_or(|(a, _)| a != label)));
    }

    pub fn dismiss(&self, id: u64) {
        // The notice may be gone already (dismissed by hand, or the app unmounted).
        let _ = self.list.try_update(|l| l.retain(|n| n.id != id));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

/// The notices region. Errors are announced assertively, the rest politely.
#[component]
pub fn NoticesView() -> impl IntoView {
    let notices = Notices::expect();
    view! {
        <section class="notices" aria-label="Notifications">
            <For each=move || notices.list() key=|n| n.id let:n>
                {
                    let id = n.id;
                    let (role, class) = match n.kind {
                        NoticeKind::Error => ("alert", "notice notice-error"),
                        NoticeKind::Success => ("status", "notice notice-success"),
                        NoticeKind::Info => ("status", "notice"),
                    };
                    let action = n.action.clone().map(|(label, cb)| {
                        view! {
                            <button
                                class="notice-action"
                                on:click=move |_| {
                                    notices.dismiss(id);
                                    cb();
                                }
                            >
                                {label}
                            </button>
                        }
                    });
                    view! {
                        <div class=class role=role>
                            <p>{n.text.clone()}</p>
                            {action}
                            <button
                                class="notice-close"
                                aria-label="Dismiss notification"
                                on:click=move |_| notices.dismiss(id)
                            >
                                "×"
                            </button>
                        </div>
                    }
                }
            </For>
        </section>
    }
}
