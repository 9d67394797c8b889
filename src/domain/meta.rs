//! Identity and versioning shared by every entity, so that two copies of a workspace can be
//! merged deterministically: higher `version` wins, equal versions are broken by
//! `version_nonce`, and deletions are tombstones (`deleted`) rather than removals.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable entity id, formatted as a random (version 4) UUID.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// A fresh id drawn from `rng`.
    pub fn random(rng: &mut Rng) -> Self {
        let hi = rng.next_u64();
        let lo = rng.next_u64();
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&hi.to_be_bytes());
        b[8..].copy_from_slice(&lo.to_be_bytes());
        b[6] = (b[6] & 0x0f) | 0x40; // version 4
        b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
        let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
        Id(format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_owned())
    }
}

/// A small deterministic generator (SplitMix64). The browser seeds it from real randomness;
/// tests seed it with a constant so ids and nonces are reproducible.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }
}

fn default_version() -> u32 {
    1
}

fn epoch() -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH
}

/// Identity and version of one entity, written inline with the entity's own fields.
///
/// Entities skip it when deserialising; `exchange::restore` reads the entity and its `Meta`
/// from the same record text in two passes. Serde's `flatten` would do this in one pass, but
/// it buffers every record and costs several KB of WebAssembly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub id: Id,
    #[serde(default = "default_version")]
    pub version: u32,
    #[serde(default)]
    pub version_nonce: u32,
    #[serde(default = "epoch", with = "super::iso::instant")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

impl Meta {
    /// Metadata of a brand-new entity.
    pub fn new(now: DateTime<Utc>, rng: &mut Rng) -> Self {
        Meta {
            id: Id::random(rng),
            version: 1,
            version_nonce: rng.next_u32(),
            updated_at: now,
            deleted: false,
        }
    }

    /// Metadata for the next version of an entity whose current metadata is `self`.
    pub fn next(&self, now: DateTime<Utc>, rng: &mut Rng) -> Self {
        Meta {
            id: self.id.clone(),
            version: self.version.saturating_add(1),
            version_nonce: rng.next_u32(),
            updated_at: now,
            deleted: self.deleted,
        }
    }

    /// Whether this copy wins over `other` (the same entity) when two workspaces merge.
    /// A total order on (version, nonce), so the outcome never depends on merge order.
    pub fn wins_over(&self, other: &Meta) -> bool {
        (self.version, self.version_nonce) > (other.version, other.version_nonce)
    }
}

/// Something the workspace stores: has metadata and a kind name for messages.
pub trait Entity: Clone {
    const KIND: &'static str;
    /// Kept sorted by id wherever it is stored, so that the order records arrived in cannot
    /// be read back (the safety check's anonymous answers).
    const UNORDERED: bool = false;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    fn id(&self) -> &Id {
        &self.meta().id
    }
    fn is_live(&self) -> bool {
        !self.meta().deleted
    }
}

/// Implements [`Entity`] for a struct with a `meta: Meta` field.
macro_rules! entity {
    ($t:ty, $kind:literal) => {
        impl $crate::domain::meta::Entity for $t {
            const KIND: &'static str = $kind;
            fn meta(&self) -> &$crate::domain::meta::Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut $crate::domain::meta::Meta {
                &mut self.meta
            }
        }
    };
}
pub(crate) use entity;
