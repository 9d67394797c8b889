//! Native tests of workspace commands, versions, tombstones and undo/redo.

mod common;

use climb::domain::roster::Member;
use climb::domain::{Command, DomainError};
use common::{at, Fixture};

fn names(f: &Fixture) -> Vec<String> {
    f.ws.live::<Member>().map(|m| m.name.clone()).collect()
}

#[test]
fn adding_a_member_creates_version_one_with_id_and_time() {
    let mut f = Fixture::new(1);
    let id = f.add_member("  Ana   Lopez ");
    let m = f.ws.get::<Member>(&id).unwrap();
    assert_eq!(m.name, "Ana Lopez", "whitespace is collapsed");
    assert_eq!(m.meta.version, 1);
    assert_eq!(m.meta.updated_at, at(1));
    assert!(!m.meta.deleted);
    assert_eq!(id.as_str().len(), 36);
    assert_eq!(&id.as_str()[14..15], "4", "a version 4 uuid");
}

#[test]
fn ids_differ_and_are_reproducible_for_a_seed() {
    let mut a = Fixture::new(7);
    let mut b = Fixture::new(7);
    let a1 = a.add_member("Ana");
    let a2 = a.add_member("Ben");
    let b1 = b.add_member("Ana");
    assert_ne!(a1, a2);
    assert_eq!(a1, b1);
}

#[test]
fn rename_bumps_version_and_nonce() {
    let mut f = Fixture::new(2);
    let id = f.add_member("Ana");
    let before = f.ws.get::<Member>(&id).unwrap().meta.clone();
    f.run(Command::RenameMember {
        id: id.clone(),
        name: "Anna".into(),
    });
    let after = &f.ws.get::<Member>(&id).unwrap().meta;
    assert_eq!(after.version, before.version + 1);
    assert_ne!(after.version_nonce, before.version_nonce);
    assert_eq!(after.updated_at, at(2));
    assert_eq!(names(&f), ["Anna"]);
}

#[test]
fn renaming_to_the_same_name_records_nothing() {
    let mut f = Fixture::new(3);
    let id = f.add_member("Ana");
    let change = f.run(Command::RenameMember {
        id: id.clone(),
        name: "Ana".into(),
    });
    assert!(change.entries.is_empty());
    assert_eq!(f.ws.get::<Member>(&id).unwrap().meta.version, 1);
    assert_eq!(f.history.undo_label(), Some("add Ana"));
}

#[test]
fn removing_leaves_a_tombstone() {
    let mut f = Fixture::new(4);
    let id = f.add_member("Ana");
    f.add_member("Ben");
    f.run(Command::RemoveMember { id: id.clone() });
    assert_eq!(names(&f), ["Ben"]);
    assert!(f.ws.get::<Member>(&id).is_none());
    let stone = f.ws.members.iter().find(|m| m.meta.id == id).unwrap();
    assert!(stone.meta.deleted);
    assert_eq!(stone.meta.version, 2);
    assert_eq!(
        stone.name, "Ana",
        "the tombstone keeps the name for old references"
    );
}

#[test]
fn refused_commands_change_nothing() {
    let mut f = Fixture::new(5);
    let id = f.add_member("Ana");
    let snapshot = f.ws.clone();
    assert_eq!(
        f.refuse(Command::AddMember { name: "   ".into() }),
        DomainError::EmptyName
    );
    assert_eq!(
        f.refuse(Command::AddMember { name: "ana".into() }),
        DomainError::DuplicateName("ana".into())
    );
    let ghost = climb::domain::Id::from("not-there");
    assert!(matches!(
        f.refuse(Command::RenameMember {
            id: ghost.clone(),
            name: "X".into()
        }),
        DomainError::NotFound { kind: "member", .. }
    ));
    f.run(Command::RemoveMember { id: id.clone() });
    assert!(matches!(
        f.refuse(Command::RemoveMember { id }),
        DomainError::NotFound { .. }
    ));
    assert_eq!(f.ws.members.len(), snapshot.members.len());
}

#[test]
fn a_removed_name_can_be_used_again() {
    let mut f = Fixture::new(6);
    let id = f.add_member("Ana");
    f.run(Command::RemoveMember { id });
    f.add_member("Ana");
    assert_eq!(names(&f), ["Ana"]);
}

#[test]
fn undo_of_remove_restores_as_a_new_version() {
    let mut f = Fixture::new(8);
    let id = f.add_member("Ana");
    f.run(Command::RemoveMember { id: id.clone() });
    assert_eq!(f.undo().as_deref(), Some("remove Ana"));
    let m = f.ws.get::<Member>(&id).expect("back on the team");
    assert_eq!(m.meta.version, 3, "undo is a new version, so merges see it");
    assert!(!m.meta.deleted);
}

#[test]
fn undo_of_add_makes_a_tombstone_and_redo_brings_it_back() {
    let mut f = Fixture::new(9);
    let id = f.add_member("Ana");
    f.undo();
    assert!(f.ws.get::<Member>(&id).is_none());
    assert!(f.ws.members[0].meta.deleted);
    assert_eq!(f.redo().as_deref(), Some("add Ana"));
    let m = f.ws.get::<Member>(&id).unwrap();
    assert_eq!(m.name, "Ana");
    assert_eq!(m.meta.version, 3);
}

#[test]
fn undo_redo_walks_through_several_changes() {
    let mut f = Fixture::new(10);
    let id = f.add_member("Ana");
    f.run(Command::RenameMember {
        id: id.clone(),
        name: "Anna".into(),
    });
    f.run(Command::RenameMember {
        id: id.clone(),
        name: "Annie".into(),
    });
    f.undo();
    assert_eq!(names(&f), ["Anna"]);
    f.undo();
    assert_eq!(names(&f), ["Ana"]);
    f.redo();
    assert_eq!(names(&f), ["Anna"]);
    f.redo();
    assert_eq!(names(&f), ["Annie"]);
    assert_eq!(f.redo(), None, "nothing left to redo");
    f.undo();
    f.undo();
    f.undo();
    assert!(names(&f).is_empty());
    assert_eq!(f.undo(), None, "nothing left to undo");
    let versions: Vec<u32> = f.ws.members.iter().map(|m| m.meta.version).collect();
    // 3 commands, 2 undos, 2 redos, 3 undos: ten versions.
    assert_eq!(versions, [10], "every step was a new version");
}

#[test]
fn a_new_command_clears_redo() {
    let mut f = Fixture::new(11);
    f.add_member("Ana");
    f.undo();
    assert!(f.history.can_redo());
    f.add_member("Ben");
    assert!(!f.history.can_redo());
    assert_eq!(names(&f), ["Ben"]);
}

#[test]
fn history_is_bounded() {
    let mut f = Fixture::new(12);
    for i in 0..(climb::domain::history::HISTORY_LIMIT + 20) {
        f.add_member(&format!("Member {i}"));
    }
    let mut undone = 0;
    while f.undo().is_some() {
        undone += 1;
    }
    assert_eq!(undone, climb::domain::history::HISTORY_LIMIT);
    assert_eq!(names(&f).len(), 20);
}

#[test]
fn several_commands_as_one_change_undo_together() {
    let mut f = Fixture::new(13);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    let change = f.run(Command::All(vec![
        // Changes nothing, so the change is named after the next one.
        Command::RenameMember {
            id: ana.clone(),
            name: "Ana".into(),
        },
        Command::RenameMember {
            id: ana.clone(),
            name: "Ana B".into(),
        },
        Command::RenameMember {
            id: ben.clone(),
            name: "Ben C".into(),
        },
        Command::RenameMember {
            id: ben.clone(),
            name: "Ben D".into(),
        },
    ]));
    assert_eq!(change.label, "rename to Ana B");
    assert_eq!(change.entries.len(), 3);
    assert_eq!(names(&f), ["Ana B", "Ben D"]);
    assert_eq!(f.undo().as_deref(), Some("rename to Ana B"));
    assert_eq!(names(&f), ["Ana", "Ben"], "one undo reverts all of it");
    assert_eq!(f.undo().as_deref(), Some("add Ben"));
    f.redo();
    assert_eq!(f.redo().as_deref(), Some("rename to Ana B"));
    assert_eq!(
        names(&f),
        ["Ana B", "Ben D"],
        "one redo applies all of it again"
    );
}

#[test]
fn several_commands_apply_all_or_none() {
    let mut f = Fixture::new(14);
    let ana = f.add_member("Ana");
    f.add_member("Ben");
    let before = f.ws.clone();
    // The second is refused after the first has written: the first is taken back.
    assert_eq!(
        f.refuse(Command::All(vec![
            Command::RenameMember {
                id: ana.clone(),
                name: "Cleo".into(),
            },
            Command::AddMember { name: "ben".into() },
        ])),
        DomainError::DuplicateName("ben".into())
    );
    assert_eq!(f.ws, before, "nothing written");
    assert_eq!(f.undo().as_deref(), Some("add Ben"), "nothing recorded");
}
