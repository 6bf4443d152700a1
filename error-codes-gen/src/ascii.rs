//! Runs of printable ASCII, which most catalogue text is made of and which
//! neither the loader's checks nor the emitters' escapes need to look at one
//! character at a time.

/// How many bytes at the start of `bytes` are printable ASCII (space to `~`)
/// and not `special`, which holds ASCII punctuation.
pub(crate) fn plain_run<const N: usize>(bytes: &[u8], special: &[u8; N]) -> usize {
    debug_assert!(special.iter().all(u8::is_ascii_punctuation));
    let plain = |b: u8| (b' '..=b'~').contains(&b) & special.iter().all(|&s| b != s);
    // Sixteen bytes at a time while they are all plain. With no early exit
    // from one byte to the next (`&`, `fold`), the check of a block compiles
    // to a few vector instructions per special byte.
    let blocks = bytes
        .chunks_exact(16)
        .take_while(|block| block.iter().fold(true, |all, &b| all & plain(b)))
        .count();
    // Then one byte at a time. Letters, digits and spaces, the most common,
    // are never special, so they skip the comparisons with every special byte.
    let start = 16 * blocks;
    start
        + bytes[start..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b' ' || plain(b)))
            .unwrap_or(bytes.len() - start)
}

#[cfg(test)]
mod tests {
    use super::plain_run;

    #[test]
    fn runs_end_at_the_first_special_or_unprintable_byte() {
        assert_eq!(plain_run(b"", b""), 0);
        assert_eq!(plain_run(b"plain text ~", b""), 12);
        assert_eq!(plain_run("café".as_bytes(), b""), 3);
        assert_eq!(plain_run(b"a\tb", b""), 1);
        assert_eq!(plain_run(b"a\x7fb", b""), 1);
        assert_eq!(plain_run(b"say \"hi\"", b"\"\\"), 4);
        // Runs longer than a block, ending in every position of one.
        for length in 0..40 {
            let text = format!("{}\n{}", "a".repeat(length), "b".repeat(length));
            assert_eq!(plain_run(text.as_bytes(), b""), length);
            assert_eq!(plain_run("a".repeat(length).as_bytes(), b""), length);
        }
    }
}
