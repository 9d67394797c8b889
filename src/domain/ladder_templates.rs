//! The ladder layouts a board can start from, with each rung's name, description and prompt.

/// Ladder layouts a board can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// The eight rungs of METHOD.md.
    Classic,
    /// Eight rungs plus "Take action".
    NineRungs,
    /// Five below the line, five above.
    FiveDownFiveUp,
    /// The four steps to accountability, all above the line.
    FourSteps,
}

/// (name, description, prompt) of each rung, bottom first.
type RungText = (&'static str, &'static str, &'static str);

const UNAWARE: RungText = (
    "Unaware",
    "We did not see it coming, or do not see it yet.",
    "What is actually happening?",
);
const BLAME: RungText = (
    "Blame others",
    "It is someone else's fault.",
    "What part of this is ours?",
);
const EXCUSES: RungText = (
    "Excuses",
    "There were reasons it could not be done.",
    "What would we do if the obstacle were gone?",
);
const WAIT: RungText = (
    "Wait and hope",
    "Maybe it will sort itself out.",
    "What happens if nobody acts?",
);
const ACKNOWLEDGE: RungText = (
    "Acknowledge reality",
    "We state the facts as they are.",
    "What are the facts, stated without feelings?",
);
const OWN: RungText = (
    "Own it",
    "It is ours to deal with.",
    "Who owns the outcome, start to finish?",
);
const SOLVE: RungText = (
    "Find solutions",
    "We look for what we can do.",
    "What options do we have?",
);
const MAKE: RungText = (
    "Make it happen",
    "We act and follow through.",
    "What is the smallest step, who, by when?",
);

impl Template {
    pub const ALL: [Template; 4] = [
        Template::Classic,
        Template::NineRungs,
        Template::FiveDownFiveUp,
        Template::FourSteps,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Template::Classic => "Accountability Ladder (8 rungs)",
            Template::NineRungs => "Ladder with Take action (9 rungs)",
            Template::FiveDownFiveUp => "Five down, five up (10 rungs)",
            Template::FourSteps => "Steps to accountability (4 steps)",
        }
    }

    /// A stable name for storing the choice.
    pub fn key(self) -> &'static str {
        match self {
            Template::Classic => "classic",
            Template::NineRungs => "nine",
            Template::FiveDownFiveUp => "five-five",
            Template::FourSteps => "four-steps",
        }
    }

    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Rungs bottom first, and how many of them are below the line.
    pub fn rungs(self) -> (Vec<RungText>, usize) {
        match self {
            Template::Classic => (
                vec![UNAWARE, BLAME, EXCUSES, WAIT, ACKNOWLEDGE, OWN, SOLVE, MAKE],
                4,
            ),
            Template::NineRungs => (
                vec![
                    UNAWARE,
                    BLAME,
                    EXCUSES,
                    WAIT,
                    ACKNOWLEDGE,
                    OWN,
                    SOLVE,
                    (
                        "Take action",
                        "We have started doing it.",
                        "What have we done, and what comes next?",
                    ),
                    MAKE,
                ],
                4,
            ),
            Template::FiveDownFiveUp => (
                vec![
                    (
                        "Avoid reality",
                        "We look away from what is happening.",
                        "What are we not looking at?",
                    ),
                    (
                        "Fight reality",
                        "We argue with what is happening.",
                        "What if it is simply true?",
                    ),
                    ("Blame", BLAME.1, BLAME.2),
                    EXCUSES,
                    WAIT,
                    (
                        "Seek reality",
                        "We go and find out what is really going on.",
                        "What do we need to learn?",
                    ),
                    ("Acknowledge it", ACKNOWLEDGE.1, ACKNOWLEDGE.2),
                    OWN,
                    ("Find a solution", SOLVE.1, SOLVE.2),
                    ("Get on with it", MAKE.1, MAKE.2),
                ],
                5,
            ),
            Template::FourSteps => (
                vec![
                    (
                        "See it",
                        "We recognise the situation.",
                        "What is really happening?",
                    ),
                    ("Own it", OWN.1, OWN.2),
                    (
                        "Solve it",
                        "We work out what to do.",
                        "What options do we have?",
                    ),
                    (
                        "Do it",
                        "We follow through.",
                        "What is the smallest step, who, by when?",
                    ),
                ],
                0,
            ),
        }
    }
}
