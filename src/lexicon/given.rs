//! The given names of `data/given_names.tsv`, compiled by `build.rs` into
//! two `fst` maps embedded in the binary: looking a name up costs nothing at
//! start-up, where hashing the 14,000 rows into maps cost some 15 ms.
//!
//! A look-up in the fst costs some 700 instructions, and the people
//! extractor asks for every capitalized word; so once the process has read
//! `HASH_AFTER` bytes of text, the class map is copied into a hash map
//! (about 7 M instructions, once), which answers the same in a tenth of that.

use crate::extract::automaton;
use foldhash::{HashMap, HashMapExt};
use fst::{IntoStreamer, Map, Streamer};
use std::sync::LazyLock;

/// Text read by the process after which classes come from [`CLASS_HASHED`].
const HASH_AFTER: usize = 1 << 20;

static CLASS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_names.fst"));
static SEX_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_sexes.fst"));

/// The class map, and the bytes a given name starts with (the edges out of
/// its root): most words looked up are lower case, and are turned away
/// without walking the map.
static CLASS: LazyLock<(Map<&'static [u8]>, [bool; 256])> = LazyLock::new(|| {
    let map = Map::new(CLASS_FST).expect("build.rs writes a valid fst");
    let mut first = [false; 256];
    for t in map.as_fst().root().transitions() {
        first[t.inp as usize] = true;
    }
    (map, first)
});
static SEX: LazyLock<Map<&'static [u8]>> =
    LazyLock::new(|| Map::new(SEX_FST).expect("build.rs writes a valid fst"));

/// Frequency class of a given name, as written (case-sensitive): 0 common,
/// 1 uncommon, 2 rare, 3 ambiguous (also a word or a place); `None` when it
/// is not one.
#[inline]
pub fn class(name: &str) -> Option<u8> {
    let (map, first) = &*CLASS;
    let &b = name.as_bytes().first()?;
    if !first[b as usize] {
        return None;
    }
    if automaton::seen() > HASH_AFTER {
        return CLASS_HASHED.get(name).copied();
    }
    map.get(name).map(|v| v as u8)
}

/// The class map in a hash map, for long runs.
static CLASS_HASHED: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    let map = &CLASS.0;
    let mut hashed = HashMap::with_capacity(map.len());
    let mut stream = map.into_stream();
    while let Some((name, class)) = stream.next() {
        hashed.insert(String::from_utf8_lossy(name).into_owned(), class as u8);
    }
    hashed
});

/// Sex of a given name written folded and in lower case (« marie »):
/// `Some(Some(true))` female, `Some(Some(false))` male, `Some(None)` both;
/// `None` when it is not one.
pub fn sex(lower: &str) -> Option<Option<bool>> {
    SEX.get(lower).map(|v| match v {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(class("Gérald"), Some(0));
        assert_eq!(class("gérald"), None);
        assert_eq!(sex("aaliyah"), Some(Some(true)));
        assert_eq!(sex("gérald"), Some(Some(false)));
        assert_eq!(sex("marie"), Some(None));
        assert_eq!(sex("Marie"), None);
    }

    #[test]
    fn hash_map_holds_the_fst() {
        let map = &CLASS.0;
        assert_eq!(CLASS_HASHED.len(), map.len());
        for (name, class) in CLASS_HASHED.iter() {
            assert_eq!(map.get(name), Some(u64::from(*class)), "{name}");
        }
    }
}
