//! Property tests of the file format and the merge: export then restore is the identity,
//! merge is commutative, associative and idempotent (tombstones included), and restore never
//! panics, whatever the input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use climb::domain::exchange::{merge, restore, to_export_json, to_storage_json};
use climb::domain::roster::Member;
use climb::domain::{Id, Meta, Workspace};
use common::at;
use proptest::prelude::*;

/// One write of a member. A write is identified by (id, version, nonce): two copies with the
/// same triple are the same write, so the contents follow from the triple (as in real use,
/// where the nonce is drawn at random for every write).
fn member() -> impl Strategy<Value = Member> {
    (0u8..6, 1u32..5, 0u32..3, any::<bool>(), 0i64..1000).prop_map(
        |(id, version, nonce, deleted, minutes)| Member {
            meta: Meta {
                id: Id(format!("m{id}")),
                version,
                version_nonce: nonce,
                updated_at: at(minutes % 60 + i64::from(version)),
                deleted,
            },
            name: format!("Name {id}.{version}.{nonce}.{deleted}"),
        },
    )
}

/// The timestamp and tombstone flag also follow from the write: make them so.
fn normalize(mut m: Member) -> Member {
    let (v, n) = (m.meta.version, m.meta.version_nonce);
    m.meta.updated_at = at(i64::from(v) * 10 + i64::from(n));
    m.meta.deleted = (v + n) % 3 == 0;
    m.name = format!("{}.{v}.{n}", m.meta.id);
    m
}

/// A workspace copy: members with distinct ids (one copy holds one version of each).
fn workspace() -> impl Strategy<Value = Workspace> {
    proptest::collection::vec(member().prop_map(normalize), 0..8).prop_map(|ms| {
        let mut seen = std::collections::BTreeSet::new();
        Workspace {
            members: ms
                .into_iter()
                .filter(|m| seen.insert(m.meta.id.clone()))
                .collect(),
            ..Workspace::default()
        }
    })
}

/// The same workspace regardless of entity order.
fn canonical(ws: &Workspace) -> Vec<Member> {
    let mut m = ws.members.clone();
    m.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn export_then_restore_is_identity(ws in workspace()) {
        // A roster without teams (schema 2) is settled into one team on restore; settled,
        // it reads back as it was written, and settling it again changes nothing.
        let mut settled = ws.clone();
        climb::domain::team_migration::settle(&mut settled);
        for text in [to_storage_json(&ws, at(0)), to_export_json(&ws, at(0))] {
            let back = restore(&text).unwrap();
            prop_assert!(back.warnings.is_empty());
            prop_assert_eq!(&back.workspace, &settled);
            let again = restore(&to_storage_json(&back.workspace, at(0))).unwrap();
            prop_assert_eq!(&again.workspace, &settled);
        }
    }

    #[test]
    fn merge_is_commutative(a in workspace(), b in workspace()) {
        prop_assert_eq!(canonical(&merge(&a, &b)), canonical(&merge(&b, &a)));
    }

    #[test]
    fn merge_is_associative(a in workspace(), b in workspace(), c in workspace()) {
        prop_assert_eq!(
            canonical(&merge(&merge(&a, &b), &c)),
            canonical(&merge(&a, &merge(&b, &c)))
        );
    }

    #[test]
    fn merge_is_idempotent(a in workspace(), b in workspace()) {
        let ab = merge(&a, &b);
        prop_assert_eq!(&merge(&ab, &b), &ab);
        prop_assert_eq!(&merge(&ab, &ab), &ab);
        prop_assert_eq!(&merge(&a, &a), &a);
    }

    #[test]
    fn merge_keeps_every_id_and_the_newest_write(a in workspace(), b in workspace()) {
        let ab = merge(&a, &b);
        for m in a.members.iter().chain(&b.members) {
            let kept = ab.members.iter().find(|x| x.meta.id == m.meta.id).unwrap();
            prop_assert!(
                (kept.meta.version, kept.meta.version_nonce) >= (m.meta.version, m.meta.version_nonce)
            );
        }
        // Tombstones travel: a deleted winner stays deleted.
        for k in &ab.members {
            let newest = a.members.iter().chain(&b.members)
                .filter(|m| m.meta.id == k.meta.id)
                .max_by_key(|m| (m.meta.version, m.meta.version_nonce))
                .unwrap();
            prop_assert_eq!(k.meta.deleted, newest.meta.deleted);
        }
    }

    #[test]
    fn restore_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = restore(&text);
    }

    #[test]
    fn restore_never_panics_on_damaged_exports(
        ws in workspace(),
        cut in 0usize..2000,
        edits in proptest::collection::vec((0usize..2000, any::<char>()), 0..6),
    ) {
        let mut chars: Vec<char> = to_export_json(&ws, at(0)).chars().collect();
        for (at_, c) in edits {
            if !chars.is_empty() {
                let i = at_ % chars.len();
                chars[i] = c;
            }
        }
        chars.truncate(cut.min(chars.len()));
        let text: String = chars.into_iter().collect();
        if let Ok(r) = restore(&text) {
            // Whatever was read can be written and read back unchanged.
            let again = restore(&to_storage_json(&r.workspace, at(0))).unwrap();
            prop_assert_eq!(again.workspace, r.workspace);
        }
    }
}
