//! Teams: commands, membership in several teams, the team's view and file, the overview,
//! saved ladders, and the migration of schema 2 data into teams.

mod common;

use chrono::NaiveDate;
use climb::domain::exchange::{merge, restore, to_export_json, to_storage_json};
use climb::domain::goals::Goal;
use climb::domain::ladder::{Board, Card};
use climb::domain::roster::Member;
use climb::domain::team_view::{overview, team_subset, view};
use climb::domain::teams::{
    is_member, members_of, team_id_for_name, Membership, SavedLadder, Team, TeamCommand as T,
};
use climb::domain::{BoardCommand as B, Command, DomainError, Id, Workspace};
use common::{at, Fixture, NewGoal};
use serde_json::Value;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn board(f: &mut Fixture, title: &str, d: u32) -> Id {
    f.add_board(title, Some(day(d)), "", None)
}

fn goal(f: &mut Fixture, outcome: &str, card: Option<Id>) -> Id {
    f.add_goal(NewGoal {
        due: Some(day(10)),
        card,
        ..NewGoal::new(outcome, day(1))
    })
}

/// A coach's browser: Falcons (Ana, Ben, the coach Cy) and Owls (Dee, Cy), a board, a card,
/// a goal and a covenant in each.
struct Coach {
    f: Fixture,
    falcons: Id,
    owls: Id,
    cy: Id,
}

fn coach() -> Coach {
    let mut f = Fixture::new(41);
    let falcons = f.team.clone().unwrap();
    f.run(Command::Team(T::Rename {
        id: falcons.clone(),
        name: "Falcons".into(),
    }));
    f.add_member("Ana");
    f.add_member("Ben");
    let cy = f.add_member("Cy");
    let b = board(&mut f, "Falcons sprint 1", 2);
    let card = f.add_card(&b, "Falcon situation", None, None);
    goal(&mut f, "Falcon goal", Some(card));
    f.add_covenant("Falcons covenant", "Falcons");
    let owls = f.add_team("Owls");
    f.switch(&owls);
    f.add_member("Dee");
    f.run(Command::Team(T::Join {
        team: owls.clone(),
        member: cy.clone(),
    }));
    board(&mut f, "Owls sprint 1", 3);
    goal(&mut f, "Owl goal", None);
    f.add_covenant("Owls covenant", "Owls");
    f.switch(&falcons);
    Coach {
        f,
        falcons,
        owls,
        cy,
    }
}

fn names<'a>(ws: &'a Workspace, team: &'a Id) -> Vec<&'a str> {
    members_of(ws, team).map(|m| m.name.as_str()).collect()
}

#[test]
fn each_team_has_its_own_roster_and_a_person_can_be_on_several() {
    let c = coach();
    let ws = &c.f.ws;
    assert_eq!(names(ws, &c.falcons), ["Ana", "Ben", "Cy"]);
    assert_eq!(names(ws, &c.owls), ["Cy", "Dee"]);
    // Names are unique within a team, not across teams.
    let mut f = c.f;
    f.switch(&c.owls);
    f.add_member("Ana");
    assert_eq!(
        f.refuse(Command::AddMember { name: "dee".into() }),
        DomainError::DuplicateName("dee".into())
    );
    assert_eq!(
        names(&f.ws, &c.owls),
        ["Cy", "Dee", "Ana"],
        "in roster order"
    );
    assert_eq!(f.ws.live::<Member>().filter(|m| m.name == "Ana").count(), 2);
}

#[test]
fn removing_someone_from_one_team_leaves_their_other_teams_alone() {
    let mut c = coach();
    c.f.switch(&c.owls);
    let change = c.f.run(Command::RemoveMember { id: c.cy.clone() });
    assert_eq!(change.label, "remove Cy from Owls");
    assert!(!is_member(&c.f.ws, &c.owls, &c.cy));
    assert!(is_member(&c.f.ws, &c.falcons, &c.cy), "still a Falcon");
    assert!(c.f.ws.get::<Member>(&c.cy).is_some());
    // In the Owls' view Cy reads as someone who left: named, not on the roster.
    let owls = view(&c.f.ws, &c.owls);
    assert!(owls.get::<Member>(&c.cy).is_none());
    assert!(owls.members.iter().any(|m| m.meta.id == c.cy));
    // Undo brings Cy back to the Owls.
    c.f.undo();
    assert!(is_member(&c.f.ws, &c.owls, &c.cy));
    // Removed from their last team, a person leaves Climb's roster (as a tombstone).
    c.f.switch(&c.falcons);
    c.f.run(Command::RemoveMember { id: c.cy.clone() });
    c.f.switch(&c.owls);
    let change = c.f.run(Command::RemoveMember { id: c.cy.clone() });
    assert_eq!(change.label, "remove Cy");
    assert!(c.f.ws.get::<Member>(&c.cy).is_none());
    // Brought back from Recently deleted in the Owls, Cy is an Owl again, not a Falcon.
    c.f.run(Command::Undelete {
        kind: climb::domain::merge::DeletedKind::Member,
        id: c.cy.clone(),
    });
    assert!(is_member(&c.f.ws, &c.owls, &c.cy));
    assert!(!is_member(&c.f.ws, &c.falcons, &c.cy));
}

#[test]
fn team_commands_create_rename_and_archive() {
    let mut c = coach();
    assert_eq!(
        c.f.refuse(Command::Team(T::Create {
            name: " owls ".into()
        })),
        DomainError::DuplicateTeam("Owls".into())
    );
    assert_eq!(
        c.f.refuse(Command::Team(T::Create { name: "  ".into() })),
        DomainError::EmptyName
    );
    c.f.run(Command::Team(T::Rename {
        id: c.owls.clone(),
        name: "Night owls".into(),
    }));
    assert_eq!(c.f.ws.get::<Team>(&c.owls).unwrap().name, "Night owls");
    c.f.run(Command::Team(T::Archive {
        id: c.owls.clone(),
        archived: true,
    }));
    assert_eq!(
        c.f.refuse(Command::Team(T::Archive {
            id: c.falcons.clone(),
            archived: true,
        })),
        DomainError::LastTeam
    );
    // Archived, the Owls leave the overview; their records stay.
    let cards = overview(&c.f.ws, day(5));
    assert_eq!(
        cards.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["Falcons"]
    );
    assert_eq!(view(&c.f.ws, &c.owls).live::<Board>().count(), 1);
    c.f.run(Command::Team(T::Archive {
        id: c.owls.clone(),
        archived: false,
    }));
    assert_eq!(overview(&c.f.ws, day(5)).len(), 2);
    // Teams created in Climb get random ids: another coach's "Ravens" is another team.
    let id = c.f.add_team("Ravens");
    let mut other = Fixture::new(99);
    assert_ne!(other.add_team("Ravens"), id);
}

#[test]
fn every_page_sees_its_own_team_only() {
    let c = coach();
    for (team, board, goal, covenant) in [
        (
            &c.falcons,
            "Falcons sprint 1",
            "Falcon goal",
            "Falcons covenant",
        ),
        (&c.owls, "Owls sprint 1", "Owl goal", "Owls covenant"),
    ] {
        let v = view(&c.f.ws, team);
        let titles: Vec<&str> = v.live::<Board>().map(|b| b.title.as_str()).collect();
        assert_eq!(titles, [board]);
        let goals: Vec<&str> = v.live::<Goal>().map(|g| g.outcome.as_str()).collect();
        assert_eq!(goals, [goal]);
        let covs: Vec<String> = v
            .live::<climb::domain::covenant::Covenant>()
            .map(|c| c.terms.title.clone())
            .collect();
        assert_eq!(covs, [covenant]);
        assert!(v
            .cards
            .iter()
            .all(|card| v.boards.iter().any(|b| b.meta.id == card.board_id)));
    }
}

#[test]
fn a_goal_made_from_a_card_belongs_to_the_cards_team() {
    let mut c = coach();
    let card = c.f.ws.live::<Card>().next().unwrap().meta.id.clone();
    c.f.switch(&c.owls);
    let g = goal(&mut c.f, "From a Falcons card", Some(card));
    assert_eq!(
        c.f.ws.get::<Goal>(&g).unwrap().team_id,
        Some(c.falcons.clone())
    );
}

/// Every string value anywhere in a JSON document.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out)
        }),
        _ => {}
    }
}

#[test]
fn a_teams_file_carries_that_team_only_and_imports_once() {
    let c = coach();
    let file = to_export_json(&team_subset(&c.f.ws, &c.falcons), at(50));
    let mut all = Vec::new();
    strings(&serde_json::from_str(&file).unwrap(), &mut all);
    let text = all.join("\n");
    for trace in ["Owls", "Dee", "Owl goal", c.owls.as_str()] {
        assert!(!text.contains(trace), "{trace} is in team A's file");
    }
    for kept in ["Falcons", "Ana", "Cy", "Falcon goal", "Falcons covenant"] {
        assert!(text.contains(kept), "{kept} is missing");
    }
    // A fresh browser opens it as one team.
    let fresh = restore(&file).unwrap().workspace;
    assert_eq!(fresh.live::<Team>().count(), 1);
    assert_eq!(names(&fresh, &c.falcons), ["Ana", "Ben", "Cy"]);
    // Importing it twice changes nothing; into the coach's browser, it is the same team.
    let once = merge(&Workspace::default(), &fresh);
    assert_eq!(merge(&once, &fresh), once);
    let back = merge(&c.f.ws, &fresh);
    assert_eq!(back, c.f.ws, "the coach's own team, unchanged");
    assert!(is_member(&back, &c.owls, &c.cy), "Cy stays an Owl");
}

#[test]
fn a_saved_ladder_starts_the_next_board() {
    let mut f = Fixture::new(5);
    let b = board(&mut f, "Custom", 2);
    let rungs = f.ws.get::<Board>(&b).unwrap().rungs.clone();
    f.run(Command::Board(B::EditRung {
        board: b.clone(),
        rung: rungs[0].id.clone(),
        name: "Not yet seen".into(),
        description: String::new(),
        prompt: "What is happening?".into(),
    }));
    f.run(Command::Board(B::AddRung {
        board: b.clone(),
        name: "Teach it".into(),
        below: false,
    }));
    f.run(Command::Board(B::MoveLine {
        board: b.clone(),
        line: 3,
    }));
    f.run(Command::Team(T::SaveLadder {
        board: b.clone(),
        name: "Our ladder".into(),
    }));
    let saved = f.ws.live::<SavedLadder>().next().unwrap().clone();
    assert_eq!(saved.team_id, f.team);
    let next = f
        .run(Command::Board(B::CreateFromLadder {
            title: "Next retro".into(),
            date: Some(day(16)),
            facilitator: None,
            ladder: saved.meta.id.clone(),
        }))
        .created()
        .cloned()
        .unwrap();
    let (old, new) = (
        f.ws.get::<Board>(&b).unwrap(),
        f.ws.get::<Board>(&next).unwrap(),
    );
    let words = |b: &Board| {
        b.rungs
            .iter()
            .map(|r| (r.name.clone(), r.prompt.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(words(new), words(old));
    assert_eq!(new.line, 3);
    assert_eq!(new.rungs.len(), 9);
    assert!(
        new.rungs
            .iter()
            .all(|r| old.rungs.iter().all(|o| o.id != r.id)),
        "fresh rung ids"
    );
    assert_eq!(new.team_id, f.team);
    // Saving again under the same name replaces it; deleting leaves a tombstone.
    f.run(Command::Team(T::SaveLadder {
        board: next,
        name: "our ladder".into(),
    }));
    assert_eq!(f.ws.live::<SavedLadder>().count(), 1);
    f.run(Command::Team(T::DeleteLadder { id: saved.meta.id }));
    assert_eq!(f.ws.live::<SavedLadder>().count(), 0);
}

#[test]
fn the_overview_lists_what_needs_attention_in_the_teams_own_order() {
    let c = coach();
    let cards = overview(&c.f.ws, day(20));
    assert_eq!(
        cards.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["Falcons", "Owls"]
    );
    let falcons = &cards[0];
    assert_eq!(falcons.members, 3);
    assert_eq!(falcons.last_retro, Some(day(2)));
    assert_eq!(falcons.next_retro, Some(day(9)), "every week by default");
    assert_eq!((falcons.open_goals, falcons.overdue_goals), (1, 1));
    assert_eq!(falcons.covenant, "Draft");
    assert_eq!(cards[1].members, 2);
}

/// The schema 2 fixture with three boards: "Falcons", "Owls" and one without a team name.
fn two_team_fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-2-two-teams.json"
    ))
    .unwrap()
}

#[test]
fn schema_2_with_two_team_names_becomes_two_teams_with_nothing_lost() {
    let text = two_team_fixture();
    let old: Value = serde_json::from_str(&text).unwrap();
    let r = restore(&text).unwrap();
    assert_eq!(r.schema_version, 2);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let ws = &r.workspace;
    let teams: Vec<&str> = ws.live::<Team>().map(|t| t.name.as_str()).collect();
    assert_eq!(teams, ["Falcons", "Owls"]);
    let (falcons, owls) = (team_id_for_name("Falcons"), team_id_for_name("Owls"));
    // Nothing lost: every record of the old file is here, with its version.
    for kind in [
        "members",
        "boards",
        "cards",
        "covenants",
        "goals",
        "ballots",
        "rhythms",
    ] {
        let before = old[kind].as_array().map_or(0, Vec::len);
        let after: Value = serde_json::from_str(&to_storage_json(ws, at(0))).unwrap();
        assert_eq!(after[kind].as_array().map_or(0, Vec::len), before, "{kind}");
        for rec in old[kind].as_array().into_iter().flatten() {
            let same = after[kind]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == rec["id"])
                .unwrap_or_else(|| panic!("{kind} {} lost", rec["id"]));
            assert_eq!(same["version"], rec["version"], "settling is not an edit");
        }
    }
    // Each old member is on both teams.
    for t in [&falcons, &owls] {
        assert_eq!(names(ws, t), ["Ana", "Ben", "Cai"]);
    }
    let team_of_board = |title: &str| {
        ws.live::<Board>()
            .find(|b| b.title == title)
            .and_then(|b| b.team_id.clone())
            .unwrap()
    };
    assert_eq!(team_of_board("Falcons retro"), falcons);
    assert_eq!(team_of_board("Owls retro"), owls);
    assert_eq!(team_of_board("Untagged retro"), falcons, "the first team");
    let team_of_goal = |outcome: &str| {
        ws.live::<Goal>()
            .find(|g| g.outcome == outcome)
            .and_then(|g| g.team_id.clone())
            .unwrap()
    };
    assert_eq!(team_of_goal("Goal from card 0"), falcons);
    assert_eq!(
        team_of_goal("Goal from card 1"),
        owls,
        "the team of its card's board"
    );
    assert_eq!(team_of_goal("Goal from card 2"), falcons);
    assert_eq!(team_of_goal("A goal of its own"), falcons);
    assert_eq!(
        ws.covenants[0].team_id,
        Some(owls.clone()),
        "by the team its terms name"
    );
    assert_eq!(ws.rhythms[0].team_id, Some(falcons.clone()));
    // The workshop's placements go with the Owls' board.
    assert_eq!(view(ws, &owls).ballots.len(), 1);
    assert_eq!(view(ws, &falcons).ballots.len(), 0);
    // Two browsers migrating the same data get the same records, and the result reads back
    // as it is.
    assert_eq!(restore(&text).unwrap().workspace, *ws);
    assert_eq!(restore(&to_storage_json(ws, at(1))).unwrap().workspace, *ws);
}

#[test]
fn schema_2_without_team_names_becomes_one_team_holding_everything() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-1.json"
    ))
    .unwrap();
    let ws = restore(&text).unwrap().workspace;
    let teams: Vec<&Team> = ws.live::<Team>().collect();
    assert_eq!(teams.len(), 1);
    let v = view(&ws, &teams[0].meta.id);
    assert_eq!(v.live::<Board>().count(), ws.live::<Board>().count());
    assert_eq!(v.live::<Member>().count(), ws.live::<Member>().count());
    assert_eq!(v.live::<Goal>().count(), ws.live::<Goal>().count());
    assert_eq!(
        ws.live::<Membership>().count(),
        ws.members.len(),
        "one membership per member"
    );
}

#[test]
fn an_untouched_first_team_steps_aside_for_an_imported_one() {
    use climb::domain::teams::{current_team, open_teams};
    let c = coach();
    let file = restore(&to_export_json(&team_subset(&c.f.ws, &c.falcons), at(50)))
        .unwrap()
        .workspace;
    // A newcomer's browser: only the first team every browser starts with.
    let fresh = Fixture::new(77).ws;
    let newcomer = fresh.teams[0].meta.id.clone();
    assert_eq!(current_team(&fresh, None), Some(newcomer.clone()));
    let both = merge(&fresh, &file);
    let open: Vec<&str> = open_teams(&both).map(|t| t.name.as_str()).collect();
    assert_eq!(open, ["Falcons"], "the empty first team is out of the way");
    assert_eq!(
        current_team(&both, Some(&newcomer)),
        Some(c.falcons.clone())
    );
    // Once someone is on it, it is a team like any other.
    let mut f = Fixture {
        ws: both,
        team: Some(newcomer.clone()),
        ..Fixture::new(9)
    };
    f.add_member("Eve");
    assert_eq!(open_teams(&f.ws).count(), 2);
    assert_eq!(current_team(&f.ws, Some(&newcomer)), Some(newcomer));
}

#[test]
fn with_several_teams_undo_says_which_team_and_a_copy_keeps_its_ladders() {
    let mut c = coach();
    c.f.switch(&c.owls);
    let change = c.f.run(Command::AddMember { name: "Eve".into() });
    assert_eq!(change.label, "add Eve to Owls");
    // A file opened as a copy keeps its saved ladders, under new ids and without a team (the
    // team it is imported into adopts them).
    let b = board(&mut c.f, "With a ladder", 4);
    c.f.run(Command::Team(T::SaveLadder {
        board: b,
        name: "Owl ladder".into(),
    }));
    let original = c.f.ws.live::<SavedLadder>().next().unwrap().clone();
    let copy = climb::domain::exchange::as_copy(&team_subset(&c.f.ws, &c.owls), &mut c.f.rng);
    assert_eq!(copy.ladders.len(), 1);
    assert_eq!(copy.ladders[0].name, "Owl ladder");
    assert_ne!(copy.ladders[0].meta.id, original.meta.id);
    assert_eq!(copy.ladders[0].team_id, None);
    assert!(copy.teams.is_empty() && copy.boards.iter().all(|b| b.team_id.is_none()));
}
