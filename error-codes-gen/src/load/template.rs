//! A message's placeholders: `{name}` is a param's value, `{{` and `}}` are
//! literal braces, and any other brace is an error at its place.

use crate::Piece;

/// A brace that is neither a placeholder nor an escaped brace.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BraceProblem {
    /// Where in the message, in bytes.
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// `message` in pieces, or its first bad brace.
pub(crate) fn pieces(message: &str) -> Result<Vec<Piece<'_>>, BraceProblem> {
    let mut pieces = Vec::new();
    let mut rest = message;
    let mut offset = 0;
    while let Some(at) = rest.find(['{', '}']) {
        if at > 0 {
            pieces.push(Piece::Text(&rest[..at]));
        }
        let after = &rest[at + 1..];
        let brace = &rest[at..=at];
        let taken = if after.starts_with(brace) {
            pieces.push(Piece::Text(brace));
            at + 2
        } else if brace == "}" {
            return Err(BraceProblem {
                offset: offset + at,
                message: "a `}` that closes nothing; write `}}` for a literal brace".to_owned(),
            });
        } else {
            let Some(end) = after
                .find(['{', '}'])
                .filter(|&end| after[end..].starts_with('}'))
            else {
                return Err(BraceProblem {
                    offset: offset + at,
                    message: "a `{` that is not closed; write `{name}` for a param's value, \
                              or `{{` for a literal brace"
                        .to_owned(),
                });
            };
            let name = &after[..end];
            if name.is_empty() {
                return Err(BraceProblem {
                    offset: offset + at,
                    message: "an empty placeholder `{}`; name a param, as in `{retry_after}`, \
                              or write `{{}}` for literal braces"
                        .to_owned(),
                });
            }
            pieces.push(Piece::Param(name));
            at + 1 + end + 1
        };
        offset += taken;
        rest = &rest[taken..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_escaped_braces() {
        assert_eq!(
            pieces("Wait {s}s, {{ok}}").unwrap(),
            [
                Piece::Text("Wait "),
                Piece::Param("s"),
                Piece::Text("s, "),
                Piece::Text("{"),
                Piece::Text("ok"),
                Piece::Text("}"),
            ]
        );
        assert_eq!(pieces("").unwrap(), []);
    }

    #[test]
    fn bad_braces_are_located() {
        assert_eq!(pieces("a } b").unwrap_err().offset, 2);
        assert_eq!(pieces("ab {c").unwrap_err().offset, 3);
        assert_eq!(pieces("ab {c {d}").unwrap_err().offset, 3);
        assert_eq!(pieces("x {}").unwrap_err().offset, 2);
        assert_eq!(pieces("{{ {a} }").unwrap_err().offset, 7);
    }
}
