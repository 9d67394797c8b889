//! What Climb cannot read, it keeps: records restore could not read (a damaged record, or one
//! a newer Climb wrote with a value this build does not know) and parts of the envelope this
//! build does not know, each kept verbatim. Every save writes them back where they came from,
//! so an older build never deletes what a newer one wrote, and a damaged record is never lost.

use super::meta::Meta;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

/// A piece of JSON kept exactly as it was read.
#[derive(Clone, Debug)]
pub struct Raw(Box<RawValue>);

impl Raw {
    /// `None` when `text` is not one JSON value.
    pub fn new(text: &str) -> Option<Raw> {
        RawValue::from_string(text.to_owned()).ok().map(Raw)
    }

    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for Raw {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Raw {}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// One record of a collection that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptRecord {
    /// The collection it sits in (`"boards"`, …).
    pub collection: String,
    pub raw: Raw,
    /// Why it could not be read, for the user.
    pub reason: String,
    /// Its id and version when those are readable, so two copies of the same record merge
    /// like any other (the newer one stays).
    pub meta: Option<Meta>,
}

impl KeptRecord {
    pub fn new(collection: &str, raw: Raw, reason: String) -> Self {
        let meta = serde_json::from_str::<Meta>(raw.get())
            .ok()
            .filter(|m| !m.id.as_str().trim().is_empty());
        KeptRecord {
            collection: collection.to_owned(),
            raw,
            reason,
            meta,
        }
    }

    /// What makes two kept records the same record: the same id in the same collection, or
    /// (without a readable id) the same text.
    fn key(&self) -> (String, bool, String) {
        match &self.meta {
            Some(m) => (self.collection.clone(), true, m.id.to_string()),
            None => (self.collection.clone(), false, self.raw.get().to_owned()),
        }
    }

    /// Which of two copies of the same record stays: the newer version, then the larger text,
    /// so the choice never depends on merge order.
    fn wins_over(&self, other: &KeptRecord) -> bool {
        match (&self.meta, &other.meta) {
            (Some(a), Some(b)) if a.wins_over(b) => true,
            (Some(a), Some(b)) if b.wins_over(a) => false,
            _ => self.raw.get() > other.raw.get(),
        }
    }
}

/// Everything a workspace holds that this build cannot read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    pub records: Vec<KeptRecord>,
    /// Envelope keys this build does not know, or collections that were not a list, with
    /// their values verbatim.
    pub parts: Vec<(String, Raw)>,
}

impl Kept {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.parts.is_empty()
    }

    /// How many things are kept: records, and unreadable or unknown parts.
    pub fn len(&self) -> usize {
        self.records.len() + self.parts.len()
    }

    /// Adds a record, or replaces its older copy.
    pub fn keep(&mut self, r: KeptRecord) {
        self.keep_all(vec![r]);
    }

    /// Adds records, each replacing an older copy of itself; linear in all records, so that
    /// a file of hundreds of thousands of unreadable records restores in time.
    pub fn keep_all(&mut self, records: Vec<KeptRecord>) {
        let mut index: std::collections::BTreeMap<(String, bool, String), usize> = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key(), i))
            .collect();
        for r in records {
            match index.get(&r.key()) {
                Some(&i) => {
                    if r.wins_over(&self.records[i]) {
                        self.records[i] = r;
                    }
                }
                None => {
                    index.insert(r.key(), self.records.len());
                    self.records.push(r);
                }
            }
        }
    }

    /// Adds a part, or replaces the one under the same key. Which copy stays must not depend
    /// on merge order: the longer text (a newer build's list that grew), then the larger.
    pub fn keep_part(&mut self, key: String, raw: Raw) {
        match self.parts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => {
                if (raw.get().len(), raw.get()) > (v.get().len(), v.get()) {
                    *v = raw;
                }
            }
            None => self.parts.push((key, raw)),
        }
    }

    /// The records kept from one collection.
    pub fn records_in<'a>(&'a self, collection: &'a str) -> impl Iterator<Item = &'a Raw> + 'a {
        self.records
            .iter()
            .filter(move |r| r.collection == collection)
            .map(|r| &r.raw)
    }

    /// Both sides' kept records and parts; deterministic whatever the order.
    pub fn merge(&self, other: &Kept) -> Kept {
        let mut out = self.clone();
        out.keep_all(other.records.clone());
        for (k, v) in &other.parts {
            out.keep_part(k.clone(), v.clone());
        }
        out
    }

    /// A file of the kept records and parts, for the user to download and keep.
    pub fn to_file_json(&self) -> String {
        #[derive(Serialize)]
        struct Rec<'a> {
            collection: &'a str,
            reason: &'a str,
            record: &'a Raw,
        }
        #[derive(Serialize)]
        struct Part<'a> {
            key: &'a str,
            value: &'a Raw,
        }
        #[derive(Serialize)]
        struct File<'a> {
            #[serde(rename = "type")]
            kind: &'static str,
            note: &'static str,
            records: Vec<Rec<'a>>,
            parts: Vec<Part<'a>>,
        }
        let file = File {
            kind: "climb.kept-records",
            note: "Records this version of Climb could not read, exactly as they were saved. \
                   Climb keeps them in the workspace and writes them back with every save.",
            records: self
                .records
                .iter()
                .map(|r| Rec {
                    collection: &r.collection,
                    reason: &r.reason,
                    record: &r.raw,
                })
                .collect(),
            parts: self
                .parts
                .iter()
                .map(|(k, v)| Part { key: k, value: v })
                .collect(),
        };
        super::exchange::indent_json(&serde_json::to_string(&file).unwrap_or_default())
    }
}
