//! Native tests of ladder boards: every board command, climb paths, templates and the
//! unplaced tray, summaries, the trend and the Markdown copy.

mod common;

use chrono::NaiveDate;
use climb::domain::ladder::{board_markdown, summarize, trend, Board, Card, Mindset, Template};
use climb::domain::{BoardCommand as B, Command, DomainError, Id};
use common::{assert_reads_back_unchanged, at, Fixture};

fn cmd(b: B) -> Command {
    Command::Board(b)
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 11, d)
}

struct Retro {
    f: Fixture,
    board: Id,
}

impl Retro {
    fn new(template: Template) -> Self {
        let mut f = Fixture::new(77);
        let change = f.run(cmd(B::Create {
            title: "Sprint 42".into(),
            date: day(20),
            team: "Platform".into(),
            facilitator: None,
            template,
        }));
        let board = change.created().cloned().unwrap();
        Retro { f, board }
    }

    fn board(&self) -> &Board {
        self.f.ws.get::<Board>(&self.board).unwrap()
    }

    fn rung(&self, name: &str) -> Id {
        self.board()
            .rungs
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no rung {name}"))
            .id
            .clone()
    }

    fn add(&mut self, text: &str, rung: Option<&str>) -> Id {
        let rung = rung.map(|r| self.rung(r));
        self.f.add_card(&self.board, text, None, rung)
    }

    fn card(&self, id: &Id) -> &Card {
        self.f.ws.get::<Card>(id).unwrap()
    }

    fn place(&self, id: &Id) -> String {
        self.board().place_name(self.card(id).rung.as_ref())
    }

    fn cards(&self) -> Vec<&Card> {
        self.f
            .ws
            .live::<Card>()
            .filter(|c| c.board_id == self.board)
            .collect()
    }

    fn names(&self) -> Vec<String> {
        self.board().rungs.iter().map(|r| r.name.clone()).collect()
    }
}

#[test]
fn a_new_board_has_the_template_rungs_and_the_line() {
    let r = Retro::new(Template::Classic);
    let b = r.board();
    assert_eq!(b.title, "Sprint 42");
    assert_eq!(b.date, day(20));
    assert_eq!(b.team, "Platform");
    assert_eq!(
        r.names(),
        [
            "Unaware",
            "Blame others",
            "Excuses",
            "Wait and hope",
            "Acknowledge reality",
            "Own it",
            "Find solutions",
            "Make it happen"
        ]
    );
    assert_eq!(b.line, 4);
    assert!(!b.is_above(3) && b.is_above(4));
    assert_eq!(
        b.rungs[4].prompt,
        "What are the facts, stated without feelings?"
    );
    assert!(b.rungs.iter().all(|r| !r.description.is_empty()));
}

#[test]
fn every_template_has_its_rungs_and_line() {
    for (t, count, line, top) in [
        (Template::Classic, 8, 4, "Make it happen"),
        (Template::NineRungs, 9, 4, "Make it happen"),
        (Template::FiveDownFiveUp, 10, 5, "Get on with it"),
        (Template::FourSteps, 4, 0, "Do it"),
    ] {
        let r = Retro::new(t);
        assert_eq!(r.board().rungs.len(), count, "{t:?}");
        assert_eq!(r.board().line, line, "{t:?}");
        assert_eq!(r.names().last().unwrap(), top);
        assert_eq!(Template::from_key(t.key()), Some(t));
    }
    assert_eq!(Retro::new(Template::NineRungs).names()[7], "Take action");
}

#[test]
fn a_board_needs_a_title() {
    let mut f = Fixture::new(1);
    let e = f.refuse(cmd(B::Create {
        title: "  ".into(),
        date: None,
        team: String::new(),
        facilitator: None,
        template: Template::Classic,
    }));
    assert_eq!(e, DomainError::EmptyName);
    assert!(f.ws.boards.is_empty());
}

#[test]
fn cards_go_onto_rungs_or_the_tray_and_can_be_edited() {
    let mut r = Retro::new(Template::Classic);
    let a = r.add("  Release slipped a week  ", Some("Excuses"));
    let b = r.add("Nobody owned the flaky test", None);
    assert_eq!(r.card(&a).text, "Release slipped a week");
    assert_eq!(r.place(&a), "Excuses");
    assert_eq!(r.place(&b), "Unplaced");
    r.f.run(cmd(B::EditCard {
        id: a.clone(),
        text: "Release slipped two weeks".into(),
    }));
    assert_eq!(r.card(&a).text, "Release slipped two weeks");
    assert_eq!(r.card(&a).meta.version, 2);
    assert_eq!(
        r.f.refuse(cmd(B::EditCard {
            id: a.clone(),
            text: " ".into()
        })),
        DomainError::EmptyText
    );
    let foreign = Id::from("not-a-rung");
    assert_eq!(
        r.f.refuse(cmd(B::AddCard {
            board: r.board.clone(),
            text: "x".into(),
            author: None,
            rung: Some(foreign),
        })),
        DomainError::NoSuchRung
    );
}

#[test]
fn owner_author_and_mindset_tags() {
    let mut r = Retro::new(Template::Classic);
    let ana = r.f.add_member("Ana");
    let c = r.add("Deploy broke on Friday", Some("Blame others"));
    r.f.run(cmd(B::SetCardOwner {
        id: c.clone(),
        owner: Some(ana.clone()),
    }));
    r.f.run(cmd(B::SetCardAuthor {
        id: c.clone(),
        author: Some(ana.clone()),
    }));
    r.f.run(cmd(B::ToggleCardTag {
        id: c.clone(),
        tag: Mindset::WalkTheTalk,
    }));
    r.f.run(cmd(B::ToggleCardTag {
        id: c.clone(),
        tag: Mindset::OwnTheEndResult,
    }));
    assert_eq!(r.card(&c).owner.as_ref(), Some(&ana));
    assert_eq!(r.card(&c).author.as_ref(), Some(&ana));
    assert_eq!(
        r.card(&c).tags,
        [Mindset::OwnTheEndResult, Mindset::WalkTheTalk],
        "kept in a stable order"
    );
    r.f.run(cmd(B::ToggleCardTag {
        id: c.clone(),
        tag: Mindset::WalkTheTalk,
    }));
    assert_eq!(r.card(&c).tags, [Mindset::OwnTheEndResult]);
}

#[test]
fn moves_are_recorded_in_the_climb_path() {
    let mut r = Retro::new(Template::Classic);
    let c = r.add("Missed the demo", Some("Excuses"));
    assert_eq!(r.card(&c).path_text(r.board()), "");
    let own = r.rung("Own it");
    r.f.run(cmd(B::MoveCard {
        id: c.clone(),
        to: Some(own.clone()),
    }));
    r.f.run(cmd(B::MoveCardBy {
        id: c.clone(),
        delta: 2,
    }));
    assert_eq!(r.place(&c), "Make it happen");
    let card = r.card(&c);
    assert_eq!(card.path.len(), 2);
    assert_eq!(card.path[0].from.as_ref(), Some(&r.rung("Excuses")));
    assert_eq!(card.path[0].to.as_ref(), Some(&own));
    assert_eq!(
        card.path[0].at,
        at(3),
        "created at 1, card added at 2, moved at 3"
    );
    assert_eq!(card.path[1].at, at(4));
    assert_eq!(
        card.path_text(r.board()),
        "Excuses → Own it → Make it happen"
    );
    // Moving to where it already is records nothing.
    let version = r.card(&c).meta.version;
    r.f.run(cmd(B::MoveCard {
        id: c.clone(),
        to: Some(r.rung("Make it happen")),
    }));
    assert_eq!(r.card(&c).meta.version, version);
}

#[test]
fn keyboard_moves_stop_at_the_ends_and_start_from_the_tray() {
    let mut r = Retro::new(Template::Classic);
    let top = r.add("Shipped on time", Some("Make it happen"));
    assert_eq!(
        r.f.refuse(cmd(B::MoveCardBy {
            id: top.clone(),
            delta: 1
        })),
        DomainError::NoRungThere
    );
    let bottom = r.add("Surprise outage", Some("Unaware"));
    assert_eq!(
        r.f.refuse(cmd(B::MoveCardBy {
            id: bottom,
            delta: -1
        })),
        DomainError::NoRungThere
    );
    let up = r.add("From the tray, up", None);
    let down = r.add("From the tray, down", None);
    r.f.run(cmd(B::MoveCardBy {
        id: up.clone(),
        delta: 1,
    }));
    r.f.run(cmd(B::MoveCardBy {
        id: down.clone(),
        delta: -1,
    }));
    assert_eq!(r.place(&up), "Unaware");
    assert_eq!(r.place(&down), "Make it happen");
    assert_eq!(r.card(&up).path_text(r.board()), "Unplaced → Unaware");
    r.f.run(cmd(B::MoveCard {
        id: up.clone(),
        to: None,
    }));
    assert_eq!(r.place(&up), "Unplaced");
    assert_eq!(r.card(&up).path.len(), 2);
}

#[test]
fn delete_a_card_and_undo() {
    let mut r = Retro::new(Template::Classic);
    let c = r.add("Meeting overran", Some("Wait and hope"));
    r.f.run(cmd(B::DeleteCard { id: c.clone() }));
    assert!(r.f.ws.get::<Card>(&c).is_none());
    assert_eq!(r.f.undo().as_deref(), Some("delete card"));
    assert_eq!(r.place(&c), "Wait and hope");
}

#[test]
fn changing_the_template_keeps_matching_rungs_and_trays_the_rest() {
    let mut r = Retro::new(Template::Classic);
    let own = r.add("We own the backlog", Some("Own it"));
    let blame = r.add("Ops broke it", Some("Blame others"));
    let excuses = r.add("No time", Some("Excuses"));
    let unaware = r.add("Nobody knew", Some("Unaware"));
    let total = r.cards().len();
    r.f.run(cmd(B::ApplyTemplate {
        board: r.board.clone(),
        template: Template::FiveDownFiveUp,
    }));
    assert_eq!(r.cards().len(), total, "no card lost");
    assert_eq!(r.place(&own), "Own it");
    assert_eq!(r.place(&excuses), "Excuses");
    assert_eq!(r.place(&blame), "Unplaced", "'Blame' is a different rung");
    assert_eq!(r.place(&unaware), "Unplaced");
    assert_eq!(r.board().line, 5);
    // One undo restores the old ladder and every card's place.
    r.f.undo();
    assert_eq!(r.names().len(), 8);
    assert_eq!(r.place(&blame), "Blame others");
    assert_eq!(r.place(&unaware), "Unaware");
}

#[test]
fn rungs_can_be_renamed_added_removed_reordered_and_the_line_moved() {
    let mut r = Retro::new(Template::Classic);
    let c = r.add("Handover gap", Some("Excuses"));
    let excuses = r.rung("Excuses");
    r.f.run(cmd(B::EditRung {
        board: r.board.clone(),
        rung: excuses.clone(),
        name: "Reasons".into(),
        description: "We explain it away.".into(),
        prompt: "And if the reason vanished?".into(),
    }));
    assert_eq!(r.place(&c), "Reasons", "renaming keeps the card");

    r.f.run(cmd(B::AddRung {
        board: r.board.clone(),
        name: "Hide".into(),
        below: true,
    }));
    assert_eq!(r.names()[4], "Hide");
    assert_eq!(r.board().line, 5);
    r.f.run(cmd(B::AddRung {
        board: r.board.clone(),
        name: "Celebrate".into(),
        below: false,
    }));
    assert_eq!(r.names().last().unwrap(), "Celebrate");

    let hide = r.rung("Hide");
    r.f.run(cmd(B::MoveRung {
        board: r.board.clone(),
        rung: hide.clone(),
        delta: -4,
    }));
    assert_eq!(r.names()[0], "Hide");
    assert_eq!(
        r.f.refuse(cmd(B::MoveRung {
            board: r.board.clone(),
            rung: hide,
            delta: -1
        })),
        DomainError::NoRungThere
    );

    r.f.run(cmd(B::MoveLine {
        board: r.board.clone(),
        line: 3,
    }));
    assert_eq!(r.board().line, 3);
    assert_eq!(
        r.f.refuse(cmd(B::MoveLine {
            board: r.board.clone(),
            line: 11
        })),
        DomainError::LineOutside
    );

    // Rungs now, bottom up: Hide, Unaware, Blame others | Reasons, Wait and hope, ...
    // Removing a rung sends its cards to the tray.
    r.f.run(cmd(B::RemoveRung {
        board: r.board.clone(),
        rung: excuses,
    }));
    assert_eq!(r.place(&c), "Unplaced");
    assert_eq!(
        r.board().line,
        3,
        "an above-the-line rung leaves the line alone"
    );
    // Removing one below the line keeps the line between the same rungs.
    let blame = r.rung("Blame others");
    r.f.run(cmd(B::RemoveRung {
        board: r.board.clone(),
        rung: blame,
    }));
    assert_eq!(r.board().line, 2);
    assert_eq!(r.names()[..3], ["Hide", "Unaware", "Wait and hope"]);
    assert_eq!(r.cards().len(), 1, "no card lost");
}

#[test]
fn the_last_rung_cannot_be_removed() {
    let mut r = Retro::new(Template::FourSteps);
    let ids: Vec<Id> = r.board().rungs.iter().map(|x| x.id.clone()).collect();
    for id in &ids[..3] {
        r.f.run(cmd(B::RemoveRung {
            board: r.board.clone(),
            rung: id.clone(),
        }));
    }
    assert_eq!(
        r.f.refuse(cmd(B::RemoveRung {
            board: r.board.clone(),
            rung: ids[3].clone()
        })),
        DomainError::LastRung
    );
}

#[test]
fn summary_counts_rungs_the_line_and_climbs() {
    let mut r = Retro::new(Template::Classic);
    r.add("a", Some("Unaware"));
    r.add("b", Some("Excuses"));
    let c = r.add("c", Some("Excuses"));
    let d = r.add("d", Some("Blame others"));
    r.add("e", Some("Own it"));
    r.add("f", None);
    r.f.run(cmd(B::MoveCard {
        id: c,
        to: Some(r.rung("Find solutions")),
    }));
    r.f.run(cmd(B::MoveCardBy { id: d, delta: 1 }));
    let s = summarize(r.board(), r.cards());
    assert_eq!(s.per_rung, [1, 0, 2, 0, 0, 1, 1, 0]);
    assert_eq!(s.unplaced, 1);
    assert_eq!((s.below, s.above, s.placed()), (3, 2, 5));
    assert_eq!(s.share_above(), Some(0.4));
    assert_eq!(s.percent_above(), Some(40));
    assert_eq!(s.climbed, 2);
    assert_eq!(
        s.rungs_climbed,
        4 + 1,
        "Excuses→Find solutions is 4, Blame→Excuses is 1"
    );
    let empty = Retro::new(Template::Classic);
    assert_eq!(summarize(empty.board(), empty.cards()).share_above(), None);
}

#[test]
fn duplicate_copies_rungs_and_cards_with_fresh_ids() {
    let mut r = Retro::new(Template::Classic);
    let c = r.add("Original card", Some("Own it"));
    r.f.run(cmd(B::MoveCardBy { id: c, delta: 1 }));
    let change = r.f.run(cmd(B::Duplicate {
        id: r.board.clone(),
    }));
    let copy_id = change.created().cloned().unwrap();
    let copy = r.f.ws.get::<Board>(&copy_id).unwrap().clone();
    assert_eq!(copy.title, "Copy of Sprint 42");
    assert_eq!(copy.rungs, r.board().rungs);
    let copied: Vec<&Card> =
        r.f.ws
            .live::<Card>()
            .filter(|c| c.board_id == copy_id)
            .collect();
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].text, "Original card");
    assert_eq!(copy.place_name(copied[0].rung.as_ref()), "Find solutions");
    assert!(copied[0].path.is_empty(), "a copy starts a new climb");
    assert_eq!(r.f.ws.live::<Card>().count(), 2);
}

#[test]
fn deleting_a_board_deletes_its_cards_and_undo_brings_all_back() {
    let mut r = Retro::new(Template::Classic);
    r.add("one", Some("Own it"));
    r.add("two", None);
    r.f.run(cmd(B::Delete {
        id: r.board.clone(),
    }));
    assert!(r.f.ws.get::<Board>(&r.board).is_none());
    assert_eq!(r.f.ws.live::<Card>().count(), 0);
    assert!(r.f.ws.cards.iter().all(|c| c.meta.deleted), "tombstones");
    r.f.undo();
    assert_eq!(r.board().title, "Sprint 42");
    assert_eq!(r.cards().len(), 2);
}

#[test]
fn update_board_details() {
    let mut r = Retro::new(Template::Classic);
    let ana = r.f.add_member("Ana");
    r.f.run(cmd(B::Update {
        id: r.board.clone(),
        title: "Sprint 42 retro".into(),
        date: day(21),
        team: " Platform ".into(),
        facilitator: Some(ana.clone()),
    }));
    let b = r.board();
    assert_eq!(
        (b.title.as_str(), b.date, b.team.as_str()),
        ("Sprint 42 retro", day(21), "Platform")
    );
    assert_eq!(b.facilitator.as_ref(), Some(&ana));
}

#[test]
fn trend_lists_a_teams_boards_by_date() {
    let mut f = Fixture::new(5);
    let make = |f: &mut Fixture, title: &str, d: Option<NaiveDate>, team: &str| {
        f.add_board(title, d, team, None)
    };
    let late = make(&mut f, "Late", day(20), "Platform");
    let early = make(&mut f, "Early", day(6), "platform");
    make(&mut f, "Other team", day(1), "Mobile");
    make(&mut f, "Undated", None, "Platform");
    let own = {
        let b = f.ws.get::<Board>(&early).unwrap();
        b.rungs[5].id.clone()
    };
    f.add_card(&early, "x", None, Some(own));
    let t = trend(&f.ws, "Platform");
    let titles: Vec<&str> = t.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Early", "Late", "Undated"]);
    assert_eq!(t[0].share_above, Some(1.0));
    assert_eq!(t[1].share_above, None);
    assert_eq!(t[1].board, late);
    assert_eq!(trend(&f.ws, "").len(), 4);
}

#[test]
fn markdown_lists_rungs_top_down_with_the_line_and_owners_only() {
    let mut r = Retro::new(Template::Classic);
    let ana = r.f.add_member("Ana");
    let c = r.add("Flaky\ntests # again", Some("Excuses"));
    r.f.run(cmd(B::SetCardOwner {
        id: c.clone(),
        owner: Some(ana),
    }));
    r.f.run(cmd(B::ToggleCardTag {
        id: c.clone(),
        tag: Mindset::NoInvisibility,
    }));
    r.f.run(cmd(B::MoveCard {
        id: c,
        to: Some(r.rung("Own it")),
    }));
    r.add("Unsorted", None);
    let names = |id: &Id| climb::domain::roster::member_name(&r.f.ws, id);
    let md = board_markdown(r.board(), r.cards(), &names);
    assert!(md.starts_with("# Sprint 42\n\nDate: 2026-11-20  \nTeam: Platform  \n"));
    assert!(md.contains("Above the line: 100%. Climbed: 1 card, 3 rungs. 1 card has an owner."));
    // Rungs without cards are left out; the line is always marked.
    assert!(!md.contains("## Make it happen"));
    assert!(!md.contains("## Wait and hope"));
    let own = md.find("## Own it (1)").unwrap();
    let line = md.find("*The line*").unwrap();
    let tray = md.find("## Unplaced (1)").unwrap();
    assert!(own < line && line < tray);
    // Markdown's special characters in user text are escaped; the line is no heading.
    assert!(md.contains(
        "- Flaky tests \\# again — owner: Ana _(moved: Excuses → Own it)_ `No invisibility`\n"
    ));
    assert!(md.contains("\n---\n\n*The line*\n\n---\n"));
    assert!(md.contains("## Unplaced (1)\n\n- Unsorted\n"));
    // The owner of the outcome is the one person named, and only with the card.
    assert_eq!(md.matches("Ana").count(), 1);
}

#[test]
fn boards_and_cards_survive_a_round_trip() {
    let mut r = Retro::new(Template::NineRungs);
    let c = r.add("Round trip", Some("Take action"));
    r.f.run(cmd(B::MoveCardBy { id: c, delta: -3 }));
    r.f.run(cmd(B::ToggleCardTag {
        id: r.cards()[0].meta.id.clone(),
        tag: Mindset::WalkTheTalk,
    }));
    assert_reads_back_unchanged(&r.f.ws);
}

#[test]
fn a_workshop_shows_cards_by_id_not_in_the_order_they_were_written() {
    let mut f = Fixture::new(21);
    let board = f.add_board("Turns", None, "", None);
    // Ana's turn, then Ben's: stored in that order.
    let written: Vec<Id> = ["Ana 1", "Ana 2", "Ana 3", "Ben 1", "Ben 2", "Ben 3"]
        .iter()
        .map(|t| f.add_card(&board, t, None, None))
        .collect();
    let cards: Vec<Card> = f.ws.live::<Card>().cloned().collect();
    let stored: Vec<Id> = cards.iter().map(|c| c.meta.id.clone()).collect();
    assert_eq!(stored, written, "the store keeps the writing order");
    let refs: Vec<&Card> = cards.iter().collect();
    let shown: Vec<Id> = climb::domain::ladder::workshop_order(&refs)
        .iter()
        .map(|c| c.meta.id.clone())
        .collect();
    let mut by_id = written.clone();
    by_id.sort();
    assert_eq!(shown, by_id);
    assert_ne!(shown, written, "this seed's ids are not in writing order");
}
