//! The part of YAML a catalogue may use, read from granit-parser's events
//! into a small tree of located nodes.
//!
//! A catalogue is plain data: mappings of text. What else YAML offers is
//! refused, each use reported where it is, rather than silently obeyed:
//!
//! - tags: `!!binary aGVsbG8=` would turn into the message `hello`;
//! - anchors and aliases: a reviewer would have to chase them, and nested
//!   aliases can expand exponentially;
//! - merge keys: `<<: {a: b}` under `codes` would add a code that no line of
//!   the file spells out;
//! - a second document, and keys that are not text;
//! - a key given twice, which YAML forbids and some parsers resolve silently.
//!
//! Every scalar is text exactly as written: `1.10` stays `1.10` and `no`
//! stays `no`. Only a plain empty scalar, `~` or `null` is blank.

use std::borrow::Cow;
use std::collections::HashMap;

use granit_parser::{ErrorKind, Event, Marker, Parser, ScalarStyle, Span};

use crate::limits::MAX_DEPTH;

/// A place in the source: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Place {
    fn of(marker: Marker) -> Self {
        Self {
            line: marker.line(),
            column: marker.col() + 1,
        }
    }
}

/// A problem found while reading the YAML, before the catalogue's own rules.
#[derive(Debug)]
pub(crate) struct Problem {
    pub(crate) at: Place,
    pub(crate) message: String,
}

/// A node and where it starts.
#[derive(Debug)]
pub(crate) struct Node<'a> {
    pub(crate) at: Place,
    pub(crate) value: Value<'a>,
    /// Whether a text was written plain (not quoted, not a block): what
    /// tells the integer `60` from the string `"60"` in an `example:`.
    pub(crate) plain: bool,
}

impl Node<'_> {
    /// The text of a mapping key: [`read`] makes every key text.
    pub(crate) fn key_text(&self) -> &str {
        match &self.value {
            Value::Text(text) => text,
            _ => "",
        }
    }
}

/// What a node holds.
#[derive(Debug)]
pub(crate) enum Value<'a> {
    /// A scalar, exactly as written (after YAML's escapes and folding).
    Text(Cow<'a, str>),
    /// A plain empty scalar, `~` or `null`: a key with nothing after it.
    Blank,
    /// A mapping, in file order, with unique text keys.
    Map(Vec<(Node<'a>, Node<'a>)>),
    /// A sequence, in file order: a list type (`[FieldViolation]`) or a
    /// list example.
    List(Vec<Node<'a>>),
    /// Something already reported (an alias): the reader of the tree says
    /// nothing more about it.
    Refused,
}

impl Value<'_> {
    /// What the value is, for "expected …, found …" messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Value::Text(text) => {
                let shown: String = text.chars().take(40).collect();
                let more = if shown.len() < text.len() { "…" } else { "" };
                format!("the text `{shown}{more}`")
            }
            Value::Blank => "nothing".to_owned(),
            Value::Map(_) => "a mapping".to_owned(),
            Value::List(_) => "a list".to_owned(),
            Value::Refused => "something refused".to_owned(),
        }
    }
}

/// A document read into a tree, and the problems that did not stop the reading.
pub(crate) struct Document<'a> {
    /// The document's root, `None` for a file with no content.
    pub(crate) root: Option<Node<'a>>,
    pub(crate) problems: Vec<Problem>,
}

/// Reads `source`. A syntax error, or nesting deeper than [`MAX_DEPTH`],
/// stops the reading and is returned as the one problem; every other problem
/// is collected in the document beside a tree of what could be read.
pub(crate) fn read(source: &str) -> Result<Document<'_>, Problem> {
    let options = granit_parser::options! {
        emit_anchor_events: true,
        // The scanner runs ahead of the events, so it must stop runaway
        // nesting itself; `Reader` counts flow and block nesting together.
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
    };
    let mut reader = Reader {
        source,
        stack: Vec::new(),
        root: None,
        problems: Vec::new(),
        documents: 0,
    };
    for next in Parser::new_from_str_with_options(source, options) {
        let (event, span) = next.map_err(|error| {
            let at = Place::of(*error.marker());
            if *error.kind() == ErrorKind::RecursionLimitExceeded {
                too_deep(at)
            } else {
                Problem {
                    at,
                    message: error.info(),
                }
            }
        })?;
        if !reader.event(event, span)? {
            break;
        }
    }
    Ok(Document {
        root: reader.root,
        problems: reader.problems,
    })
}

struct Reader<'a> {
    source: &'a str,
    /// The collections being read, innermost last.
    stack: Vec<Collection<'a>>,
    root: Option<Node<'a>>,
    problems: Vec<Problem>,
    documents: usize,
}

enum Collection<'a> {
    Map {
        at: Place,
        entries: Vec<(Node<'a>, Node<'a>)>,
        /// The key whose value comes next.
        key: Option<Node<'a>>,
        /// Each key's text → the line it is on.
        lines: HashMap<Cow<'a, str>, usize>,
    },
    List {
        at: Place,
        items: Vec<Node<'a>>,
    },
}

impl<'a> Reader<'a> {
    /// Takes one event; `Ok(false)` means stop reading.
    fn event(&mut self, event: Event<'a>, span: Span) -> Result<bool, Problem> {
        let at = Place::of(span.start);
        if let Some(tag) = event_tag(&event) {
            self.refuse_tag(tag, span);
        }
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.problem(
                        at,
                        "a second YAML document: a catalogue is one document, \
                         so remove this `---` and what follows, or merge them",
                    );
                    return Ok(false);
                }
            }
            Event::Scalar(text, style, ..) => self.scalar(text, style, at),
            Event::Anchor(_, name) => self.problem(
                at,
                format!(
                    "YAML anchors (`&{name}`) are not supported: write each value out \
                     where it is used"
                ),
            ),
            Event::Alias(_) => {
                let written = span.slice(self.source).unwrap_or("*");
                self.problem(
                    at,
                    format!(
                        "YAML aliases (`{written}`) are not supported: write the value out \
                         where it is used"
                    ),
                );
                self.node(Node {
                    at,
                    value: Value::Refused,
                    plain: false,
                });
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(too_deep(at));
                }
                self.stack
                    .push(if matches!(event, Event::MappingStart(..)) {
                        Collection::Map {
                            at,
                            entries: Vec::new(),
                            key: None,
                            lines: HashMap::new(),
                        }
                    } else {
                        Collection::List {
                            at,
                            items: Vec::new(),
                        }
                    });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let node = match self.stack.pop() {
                    Some(Collection::Map { at, entries, .. }) => Node {
                        at,
                        value: Value::Map(entries),
                        plain: false,
                    },
                    Some(Collection::List { at, items }) => Node {
                        at,
                        value: Value::List(items),
                        plain: false,
                    },
                    None => return Ok(true),
                };
                self.node(node);
            }
            // Also `UnresolvedAlias` and `Comment`, which the options used
            // here never emit.
            _ => {}
        }
        Ok(true)
    }

    fn scalar(&mut self, text: Cow<'a, str>, style: ScalarStyle, at: Place) {
        let plain = style == ScalarStyle::Plain;
        let value = if plain && is_null(&text) {
            Value::Blank
        } else if plain && text == "<<" && self.expects_key() {
            self.problem(
                at,
                "merge keys (`<<`) are not supported: write out each entry \
                 so that every one is in the file and in its diff",
            );
            Value::Refused
        } else {
            Value::Text(text)
        };
        self.node(Node { at, value, plain });
    }

    fn refuse_tag(&mut self, tag: &granit_parser::Tag, span: Span) {
        let written = span
            .tag_span()
            .and_then(|tag| tag.slice(self.source))
            .map_or_else(|| tag.to_string(), str::to_owned);
        let at = Place::of(span.tag_start.unwrap_or(span.start));
        self.problem(
            at,
            format!(
                "YAML tags are not supported: `{written}` would change what the value means; \
                 remove it and write the value as plain text"
            ),
        );
    }

    fn problem(&mut self, at: Place, message: impl Into<String>) {
        self.problems.push(Problem {
            at,
            message: message.into(),
        });
    }

    /// Whether the next node is a mapping key.
    fn expects_key(&self) -> bool {
        matches!(self.stack.last(), Some(Collection::Map { key: None, .. }))
    }

    /// Places a finished node in its collection, or as the root.
    fn node(&mut self, node: Node<'a>) {
        let mut problem = None;
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Collection::List { items, .. }) => items.push(node),
            Some(Collection::Map {
                entries,
                key,
                lines,
                ..
            }) => match key.take() {
                None => *key = Some(node),
                Some(key) => match key.value {
                    Value::Text(_) | Value::Blank => {
                        let text = match &key.value {
                            Value::Text(text) => text.clone(),
                            // `: value`, or a `?` with no key: an empty key,
                            // which the catalogue's rules report where it
                            // matters.
                            _ => Cow::Borrowed(""),
                        };
                        if let Some(first) = lines.get(&text) {
                            let which = if text.is_empty() {
                                "empty key".to_owned()
                            } else {
                                format!("key `{text}`")
                            };
                            problem = Some(Problem {
                                at: key.at,
                                message: format!(
                                    "duplicate {which}: already at line {first}; \
                                     YAML keys are unique"
                                ),
                            });
                        } else {
                            lines.insert(text.clone(), key.at.line);
                            let key = Node {
                                at: key.at,
                                value: Value::Text(text),
                                plain: key.plain,
                            };
                            entries.push((key, node));
                        }
                    }
                    Value::Map(_) | Value::List(_) => {
                        problem = Some(Problem {
                            at: key.at,
                            message: format!("a key must be text, not {}", key.value.describe()),
                        });
                    }
                    Value::Refused => {}
                },
            },
        }
        if let Some(problem) = problem {
            self.problems.push(problem);
        }
    }
}

fn too_deep(at: Place) -> Problem {
    Problem {
        at,
        message: format!("nested more than {MAX_DEPTH} levels deep; a catalogue needs far fewer"),
    }
}

/// The tag on a node event, if it has one.
fn event_tag<'e>(event: &'e Event<'_>) -> Option<&'e granit_parser::Tag> {
    match event {
        Event::Scalar(_, _, _, tag)
        | Event::MappingStart(_, _, tag)
        | Event::SequenceStart(_, _, tag) => tag.as_deref(),
        _ => None,
    }
}

/// YAML's plain spellings of null.
fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

#[cfg(test)]
mod tests {
    use super::{Value, read};

    fn problems(source: &str) -> Vec<String> {
        let document = read(source).unwrap_or_else(|problem| panic!("{problem:?}"));
        document
            .problems
            .iter()
            .map(|p| format!("{}:{}: {}", p.at.line, p.at.column, p.message))
            .collect()
    }

    #[test]
    fn scalars_are_text_as_written() {
        let document = read("a: 1.10\nb: no\nc:\nd: ~\ne: ''\n").unwrap();
        let Some(Value::Map(entries)) = document.root.map(|root| root.value) else {
            panic!("a mapping")
        };
        let values: Vec<String> = entries
            .iter()
            .map(|(_, value)| match &value.value {
                Value::Text(text) => format!("text {text:?}"),
                other => other.describe(),
            })
            .collect();
        assert_eq!(
            values,
            [
                "text \"1.10\"",
                "text \"no\"",
                "nothing",
                "nothing",
                "text \"\""
            ]
        );
    }

    #[test]
    fn refused_features_are_each_located() {
        assert_eq!(
            problems("a: !!binary aGVsbG8=\nb: &x hi\nc: *x\n<<: {d: e}\n'<<': quoted is text\n"),
            [
                "1:4: YAML tags are not supported: `!!binary` would change what the value means; \
                 remove it and write the value as plain text",
                "2:4: YAML anchors (`&x`) are not supported: write each value out where it is used",
                "3:4: YAML aliases (`*x`) are not supported: write the value out where it is used",
                "4:1: merge keys (`<<`) are not supported: write out each entry so that every one \
                 is in the file and in its diff",
            ]
        );
    }

    #[test]
    fn duplicate_keys_name_the_first() {
        assert_eq!(
            problems("a: 1\nb: 2\na: 3\n"),
            ["3:1: duplicate key `a`: already at line 1; YAML keys are unique"]
        );
    }

    #[test]
    fn a_second_document_stops_the_reading() {
        assert_eq!(
            problems("a: 1\n---\nb: 2\n"),
            [
                "2:1: a second YAML document: a catalogue is one document, so remove this `---` \
                 and what follows, or merge them"
            ]
        );
    }

    #[test]
    fn deep_nesting_stops_the_reading() {
        let flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        // A list in a list in a list…, one level per line.
        let lines: Vec<String> = (0..40).map(|depth| "  ".repeat(depth) + "- ").collect();
        let block = lines.join("\n");
        let mixed = format!("{}[[[[[[[[[[]]]]]]]]]]\n", lines[..10].join("\n"));
        for (source, at) in [(&flow, (1, 17)), (&block, (17, 33)), (&mixed, (10, 27))] {
            let problem = read(source).err().expect("too deep");
            assert_eq!((problem.at.line, problem.at.column), at, "{source}");
            assert_eq!(
                problem.message,
                "nested more than 16 levels deep; a catalogue needs far fewer"
            );
        }
    }
}
