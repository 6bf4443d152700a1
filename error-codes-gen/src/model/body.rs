//! The body of an error response (`body:`): which member carries the code,
//! the message, the details and the rest, how the code is sent, and the
//! content type. Every output reads the layout from here.

/// The layout of every error body of the catalogue (`body:`).
///
/// Without `body:` it is [`Body::default`], `{"error", "message",
/// "details"}` as `application/json`, and every output writes what it wrote
/// before layouts existed.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: T\nstatuses:\n  401:\n    codes:\n      invalid_token: Bad token.\n",
///     "errors.yaml",
/// )?;
/// assert!(!catalog.body.is_declared());
/// assert_eq!(catalog.body.path(error_codes_gen::Part::Code).unwrap().to_string(), "error");
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Body {
    /// Each part of the body and the member that carries it, in the order
    /// the body writes them. [`Part::Code`], [`Part::Message`] and
    /// [`Part::Details`] are always there.
    pub parts: Vec<(Part, Path)>,
    /// How the code is sent (`code_type:`).
    pub code_type: CodeType,
    /// The media type of the body (`content_type:`, or the preset's), e.g.
    /// `application/json`.
    pub content_type: String,
    /// The preset the layout comes from (`body: problem`), if any.
    pub preset: Option<Preset>,
    /// The line of `body:`, 1-based; `None` when the file has none.
    pub line: Option<usize>,
}

/// A piece of information a body carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// The code (`code:`), a string or, with `code_type: integer`, a number.
    Code,
    /// The rendered message (`message:`).
    Message,
    /// The params (`details:`): an object of them, or spread into an object.
    Details,
    /// The HTTP status as a number (`status:`).
    Status,
    /// The code's documentation URL (`docs:`), left out for a code without one.
    Docs,
    /// The code's title (`title:`): its own `title:`, else its status's
    /// reason phrase.
    Title,
}

impl Part {
    /// Every part, in the order a `body:` mapping lists its keys.
    pub const ALL: [Self; 6] = [
        Self::Code,
        Self::Message,
        Self::Details,
        Self::Status,
        Self::Docs,
        Self::Title,
    ];

    /// The key of `body:` that places the part: `code`, `message`, ….
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Message => "message",
            Self::Details => "details",
            Self::Status => "status",
            Self::Docs => "docs",
            Self::Title => "title",
        }
    }
}

/// Where a part goes: a member, reached through the objects before it
/// (`error.code`), or, for [`Part::Details`] only, an object whose members
/// the params become (`error.*`; `*` alone spreads them into the body).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Path {
    /// The member names, outermost first. For a spread, the path of the
    /// object the params go into (empty for the body itself).
    pub members: Vec<String>,
    /// Whether the params are spread into the object at `members` rather
    /// than sent as an object of their own.
    pub spread: bool,
}

impl Path {
    /// A member path from its written form, without checking it: `error.code`
    /// → `["error", "code"]`, `error.*` → a spread into `error`.
    ///
    /// ```
    /// use error_codes_gen::Path;
    ///
    /// let path = Path::parse("error.*");
    /// assert_eq!((path.members.as_slice(), path.spread), (["error".to_owned()].as_slice(), true));
    /// assert_eq!(Path::parse("*").members.len(), 0);
    /// assert_eq!(Path::parse("error.code").to_string(), "error.code");
    /// ```
    #[must_use]
    pub fn parse(written: &str) -> Self {
        let mut members: Vec<String> = written.split('.').map(str::to_owned).collect();
        let spread = members.last().is_some_and(|last| last == "*");
        if spread {
            members.pop();
        }
        Self { members, spread }
    }

    /// A path to one member of the body, not spread.
    #[must_use]
    pub fn member(name: &str) -> Self {
        Self {
            members: vec![name.to_owned()],
            spread: false,
        }
    }

    /// The name of the member itself (the last one); `None` for a spread.
    #[must_use]
    pub fn leaf(&self) -> Option<&str> {
        if self.spread {
            return None;
        }
        self.members.last().map(String::as_str)
    }

    /// The objects that hold the member (every name but the last), or for a
    /// spread, the object the params go into.
    #[must_use]
    pub fn parent(&self) -> &[String] {
        if self.spread {
            return &self.members;
        }
        &self.members[..self.members.len().saturating_sub(1)]
    }
}

impl std::fmt::Display for Path {
    /// The path as the file writes it: `error.code`, `error.*`, `*`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.members.join("."))?;
        if self.spread {
            f.write_str(if self.members.is_empty() { "*" } else { ".*" })?;
        }
        Ok(())
    }
}

/// How codes are sent (`code_type:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CodeType {
    /// A JSON string, the code as written (the default).
    #[default]
    String,
    /// A JSON number: every code is a decimal integer (`131047`).
    Integer,
}

impl CodeType {
    /// The word the file uses: `string` or `integer`.
    #[must_use]
    pub const fn word(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
        }
    }
}

/// A layout the file names instead of spelling it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Preset {
    /// `body: problem`, RFC 9457 problem details, as
    /// `application/problem+json`: `type` (the code's docs URL), `title`,
    /// `status`, `detail` (the message), `code` (an extension member), and
    /// the params spread into the body as extension members.
    Problem,
}

impl Preset {
    /// The word the file uses: `problem`.
    #[must_use]
    pub const fn word(self) -> &'static str {
        match self {
            Self::Problem => "problem",
        }
    }
}

/// The media type of a body, unless the layout says otherwise.
pub const JSON_MEDIA_TYPE: &str = "application/json";

/// The media type of RFC 9457 problem details.
pub const PROBLEM_MEDIA_TYPE: &str = "application/problem+json";

impl Default for Body {
    /// `{"error": <code>, "message": <text>, "details": {...}}`, as
    /// `application/json`: the body of a catalogue without `body:`.
    fn default() -> Self {
        Self {
            parts: vec![
                (Part::Code, Path::member("error")),
                (Part::Message, Path::member("message")),
                (Part::Details, Path::member("details")),
            ],
            code_type: CodeType::String,
            content_type: JSON_MEDIA_TYPE.to_owned(),
            preset: None,
            line: None,
        }
    }
}

impl Body {
    /// The layout of `body: problem` (RFC 9457).
    #[must_use]
    pub fn problem(line: Option<usize>) -> Self {
        Self {
            parts: vec![
                (Part::Docs, Path::member("type")),
                (Part::Title, Path::member("title")),
                (Part::Status, Path::member("status")),
                (Part::Message, Path::member("detail")),
                (Part::Code, Path::member("code")),
                (Part::Details, Path::parse("*")),
            ],
            code_type: CodeType::String,
            content_type: PROBLEM_MEDIA_TYPE.to_owned(),
            preset: Some(Preset::Problem),
            line,
        }
    }

    /// Whether the file declares the layout (`body:`). A catalogue that does
    /// not writes the documents and sends the bodies it did before layouts
    /// existed, byte for byte.
    #[must_use]
    pub fn is_declared(&self) -> bool {
        self.line.is_some()
    }

    /// Where `part` goes, if the body carries it.
    #[must_use]
    pub fn path(&self, part: Part) -> Option<&Path> {
        self.parts
            .iter()
            .find(|(each, _)| *each == part)
            .map(|(_, path)| path)
    }

    /// The body as a tree of objects, members in the order they are written:
    /// what an emitter walks to write a body, a type or a schema.
    ///
    /// ```
    /// use error_codes_gen::{Body, Member, Part};
    ///
    /// let tree = Body::problem(None).tree();
    /// assert!(tree.spread);
    /// let names: Vec<&str> = tree.members.iter().map(|member| member.name.as_str()).collect();
    /// assert_eq!(names, ["type", "title", "status", "detail", "code"]);
    /// assert_eq!(tree.members[3].value, Member::Part(Part::Message));
    /// ```
    #[must_use]
    pub fn tree(&self) -> Object {
        let mut root = Object::default();
        for (part, path) in &self.parts {
            let mut object = &mut root;
            for name in path.parent() {
                let found = object
                    .members
                    .iter()
                    .position(|member| member.name == *name);
                let at = found.unwrap_or_else(|| {
                    object.members.push(Named {
                        name: name.clone(),
                        value: Member::Object(Object::default()),
                    });
                    object.members.len() - 1
                });
                object = match &mut object.members[at].value {
                    Member::Object(inner) => inner,
                    // The loader refuses a path through a part's member.
                    Member::Part(_) => return root,
                };
            }
            match path.leaf() {
                Some(leaf) => object.members.push(Named {
                    name: leaf.to_owned(),
                    value: Member::Part(*part),
                }),
                None => object.spread = true,
            }
        }
        root
    }
}

/// An object of the body: its members in order, and whether the params are
/// spread into it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Object {
    /// The members, in the order the body writes them.
    pub members: Vec<Named>,
    /// Whether the code's params become members of this object too.
    pub spread: bool,
}

/// A member of an object of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Named {
    /// The member's name, e.g. `error`.
    pub name: String,
    /// What it holds.
    pub value: Member,
}

/// What a member of the body holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Member {
    /// One part of the body.
    Part(Part),
    /// An object of further members.
    Object(Object),
}
