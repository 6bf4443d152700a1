//! The Rust emitter, used by `include_errors!`.
//!
//! The output refers to everything through absolute paths (`::core::…`,
//! `::error_codes::…`, serde through `::error_codes::__private::serde`), so it
//! compiles whatever the including module names `Result`, `Option` or
//! `serde`, and without the user depending on serde.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::model::status_line;
use crate::{Catalog, Code, Status, reason_phrase};

/// Renders the catalogue as Rust items: one enum per status that has codes,
/// then the top-level enum over them.
///
/// The result is what `error_codes::include_errors!` expands to (less the file
/// tracking, which only the macro can do). It refers to the `error_codes`
/// runtime crate by absolute path.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nstatuses:\n  404:\n    codes:\n      user_not_found: No such user.\n",
///     "errors.yaml",
/// )?;
/// let rust = error_codes_gen::rust::emit(&catalog).to_string();
/// assert!(rust.contains("pub enum NotFound"));
/// assert!(rust.contains("pub enum ApiError"));
/// assert!(rust.contains("\"user_not_found\""));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[must_use]
pub fn emit(catalog: &Catalog) -> TokenStream {
    let groups = catalog.groups().map(|status| group(status, &catalog.name));
    let top = top_level(catalog);
    quote! {
        #(#groups)*
        #top
    }
}

/// One status's enum: a unit variant per code.
fn group(status: &Status, top: &str) -> TokenStream {
    let ty = ident(&status.name);
    let number = Literal::u16_unsuffixed(status.status);
    let status_text = format!("status {}", doc_status_line(status));

    let mut doc = format!("Errors with {status_text}; each converts into [`{top}`].");
    if let Some(description) = &status.description {
        doc.push_str("\n\n");
        doc.push_str(&markdown_text(description));
    }
    let doc = doc_attributes(&doc);

    let variants = status.codes.iter().map(|code| {
        let variant = ident(&code.name);
        let mut doc = format!(
            "{}\n\nCode {}, {status_text}.",
            markdown_text(&code.message),
            code_span(&code.code),
        );
        if let Some(since) = code.since_note() {
            doc.push(' ');
            doc.push_str(&markdown_text(&since));
        }
        let doc = doc_attributes(&doc);
        // rustdoc shows the note in its own box, and naming the variant warns.
        let deprecated = code
            .deprecated
            .as_deref()
            .map(|note| quote!(#[deprecated = #note]));
        quote! {
            #doc
            #deprecated
            #variant
        }
    });
    let values: Vec<Ident> = status.codes.iter().map(|code| ident(&code.name)).collect();
    let codes = status.codes.iter().map(|code| Literal::string(&code.code));
    let messages = status
        .codes
        .iter()
        .map(|code| Literal::string(&code.message));
    let from_code = from_code_fn(status.codes.iter().map(|code| code.code.as_str()));
    let common = common_impls(&ty, Some(&status.line()));
    let frameworks = frameworks_hook(&ty, &[status]);
    let derives = derives();
    let allow = allow_deprecated(status.codes.iter());

    quote! {
        #doc
        #derives
        pub enum #ty {
            #(#variants,)*
        }

        #allow
        impl #ty {
            /// Every value, in the catalogue's order.
            pub const ALL: &'static [Self] = &[#(Self::#values,)*];

            /// The code as the API sends it in the `error` field.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self {
                    #(Self::#values => #codes,)*
                }
            }

            /// The human-readable message.
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self {
                    #(Self::#values => #messages,)*
                }
            }

            /// The HTTP status of every error in this group.
            #[must_use]
            pub const fn status(self) -> u16 {
                // Matching (rather than ignoring `self`) keeps the signature
                // the same as the top-level enum's without an unused `self`.
                match self {
                    #(Self::#values)|* => #number,
                }
            }

            #from_code
        }

        #common
        #frameworks
    }
}

/// The top-level enum: a tuple variant per group.
fn top_level(catalog: &Catalog) -> TokenStream {
    let ty = ident(&catalog.name);
    let groups: Vec<&Status> = catalog.groups().collect();
    let group_tys: Vec<Ident> = groups.iter().map(|status| ident(&status.name)).collect();
    let numbers = groups
        .iter()
        .map(|status| Literal::u16_unsuffixed(status.status));

    let doc = doc_attributes(&format!(
        "Every API error, one variant per HTTP status.\n\n\
         Generated by `error_codes::include_errors!` from {} ({}).",
        code_span(&catalog.source_name),
        markdown_text(&catalog.title),
    ));
    let variants = groups.iter().zip(&group_tys).map(|(status, group_ty)| {
        let doc = format!(
            "An error with status {}: see [`{group_ty}`].",
            doc_status_line(status),
        );
        let doc = doc_attributes(&doc);
        quote! {
            #doc
            #group_ty(#group_ty)
        }
    });
    let all = catalog.codes().map(|(status, code)| {
        let group_ty = ident(&status.name);
        let variant = ident(&code.name);
        quote!(Self::#group_ty(#group_ty::#variant))
    });
    let from_code = from_code_fn(catalog.codes().map(|(_, code)| code.code.as_str()));
    let common = common_impls(&ty, None);
    let frameworks = frameworks_hook(&ty, &groups);
    let derives = derives();
    let allow = allow_deprecated(catalog.codes().map(|(_, code)| code));

    // An empty catalogue still yields a usable (uninhabited) enum: the
    // matches below then have no arms, which is exhaustive for it.
    quote! {
        #doc
        #derives
        pub enum #ty {
            #(#variants,)*
        }

        #allow
        impl #ty {
            /// Every value, in the catalogue's order.
            pub const ALL: &'static [Self] = &[#(#all,)*];

            /// The code as the API sends it in the `error` field.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self {
                    #(Self::#group_tys(error) => error.code(),)*
                }
            }

            /// The human-readable message.
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self {
                    #(Self::#group_tys(error) => error.message(),)*
                }
            }

            /// The HTTP status.
            #[must_use]
            pub const fn status(self) -> u16 {
                match self {
                    #(Self::#group_tys(_) => #numbers,)*
                }
            }

            #from_code
        }

        #(
            impl ::core::convert::From<#group_tys> for #ty {
                fn from(error: #group_tys) -> Self {
                    Self::#group_tys(error)
                }
            }
        )*

        #common
        #frameworks
    }
}

/// `#[allow(deprecated)]` for an impl that names every variant, when one of
/// `codes` is deprecated: the catalogue's own code must not warn about what it
/// deprecates; only the user's code that names such a variant should.
fn allow_deprecated<'a>(mut codes: impl Iterator<Item = &'a Code>) -> Option<TokenStream> {
    codes
        .any(|code| code.deprecated.is_some())
        .then(|| quote!(#[allow(deprecated)]))
}

/// `from_code`, the inverse of `code`, over a hash table built here.
///
/// `codes` are in the order of `Self::ALL`. The benchmark in
/// `bench/benches/from_code.rs` chose this over a `match` on the code (linear
/// in the number of codes), a sorted table with binary search and a
/// `HashMap` (which would need a lazily built static).
fn from_code_fn<'a>(codes: impl Iterator<Item = &'a str>) -> TokenStream {
    let codes: Vec<&str> = codes.collect();
    let slots = lookup_slots(&codes)
        .into_iter()
        .map(Literal::u32_unsuffixed);
    quote! {
        /// The value whose [`code`](Self::code) is `code`, if any.
        #[must_use]
        pub fn from_code(code: &str) -> ::core::option::Option<Self> {
            // A hash table built at compile time: one hash and, nearly
            // always, one string comparison, however many codes there are.
            const SLOTS: &[u32] = &[#(#slots),*];
            ::error_codes::__private::lookup(code, SLOTS, Self::ALL, Self::code)
        }
    }
}

/// An open-addressing table for `codes`: a power-of-two number of slots, at
/// most half full so every probe sequence ends at an empty slot. A slot holds
/// 0 when empty, else 1 + the code's index; a code sits at its hash's slot or
/// the first free one after it. `error_codes::__private::lookup` reads it.
fn lookup_slots(codes: &[&str]) -> Vec<u32> {
    let len = (codes.len() * 2).next_power_of_two();
    let mask = len - 1;
    let mut slots = vec![0_u32; len];
    for (index, code) in codes.iter().enumerate() {
        let mut slot = slot_of(code_hash(code), mask);
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = u32::try_from(index + 1).expect("fewer than 2^32 codes");
    }
    slots
}

fn slot_of(hash: u64, mask: usize) -> usize {
    // Masking first keeps the value below `len`, so it fits any `usize`.
    usize::try_from(hash & mask as u64).unwrap_or_default()
}

/// The hash of a code in the generated lookup tables.
///
/// Generated code computes the same function at run time as
/// `error_codes::__private::code_hash`; the two must stay identical. It reads
/// the code eight bytes at a time, and needs no resistance to crafted input
/// because the table is fixed at compile time.
///
/// ```
/// use error_codes_gen::rust::code_hash;
/// assert_ne!(code_hash("invalid_token"), code_hash("invalid_json"));
/// assert_eq!(code_hash(""), 0);
/// ```
#[must_use]
pub fn code_hash(code: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = code.len() as u64;
    for chunk in code.as_bytes().chunks(8) {
        // A little-endian word, zero-padded; built by hand because a
        // variable-length copy into an array would call `memcpy`.
        let word = chunk
            .iter()
            .rev()
            .fold(0, |word, &byte| (word << 8) | u64::from(byte));
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
    // Fold the well-mixed high bits into the low bits the table uses.
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    hash ^ (hash >> 33)
}

/// The derives every generated enum has.
fn derives() -> TokenStream {
    quote! {
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
    }
}

/// The trait impls every generated enum shares; all delegate to inherent items.
/// `status_line` (`401 Unauthorized`) is set for a status group, whose unknown
/// codes may well belong to another status.
fn common_impls(ty: &Ident, status_line: Option<&str>) -> TokenStream {
    let unknown = status_line.map_or_else(
        || quote!(::error_codes::UnknownCode::new(code)),
        |line| quote!(::error_codes::UnknownCode::for_status(code, #line)),
    );
    quote! {
        impl ::error_codes::ErrorCode for #ty {
            fn code(&self) -> &'static str {
                Self::code(*self)
            }
            fn message(&self) -> &'static str {
                Self::message(*self)
            }
            fn status(&self) -> u16 {
                Self::status(*self)
            }
        }

        /// The message.
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(Self::message(*self))
            }
        }

        impl ::core::error::Error for #ty {}

        /// Parses a code, as [`from_code`](Self::from_code) does.
        impl ::core::str::FromStr for #ty {
            type Err = ::error_codes::UnknownCode;
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| #unknown)
            }
        }

        /// As the error response body, `{"error": code, "message": message}`.
        impl ::error_codes::__private::serde::Serialize for #ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::error_codes::__private::serde::Serializer,
            {
                ::error_codes::__private::serialize(self, serializer)
            }
        }

        /// From an error response body; any message is accepted (servers may
        /// localize it), an unknown code is an error.
        impl<'de> ::error_codes::__private::serde::Deserialize<'de> for #ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::error_codes::__private::serde::Deserializer<'de>,
            {
                ::error_codes::__private::deserialize(deserializer)
            }
        }
    }
}

/// The web framework impls (`IntoResponse`, `ResponseError`, `IntoResponses`):
/// a call to the runtime's hook, which expands to the impls of the features
/// `error-codes` was built with, or to nothing. `statuses` are those of the
/// type's values, for what their `OpenAPI` responses say and, for the codes
/// that have them, their lifecycle notes.
fn frameworks_hook(ty: &Ident, statuses: &[&Status]) -> TokenStream {
    let docs = statuses
        .iter()
        .map(|status| (status.status, status.response_description()));
    let codes = statuses
        .iter()
        .flat_map(|status| &status.codes)
        .filter_map(|code| {
            let notes = code.lifecycle_notes()?;
            let (name, deprecated) = (&code.code, code.deprecated.is_some());
            Some(quote!({ code: #name, deprecated: #deprecated, notes: #notes }))
        });
    hook_call(ty, &quote!(#ty::ALL), docs, codes)
}

/// The web framework impls of a type written by hand with
/// `#[derive(ErrorCode)]`: what [`emit`] gives a catalogue's enums, for the
/// type `ty` whose values are the expression `values` and whose statuses are
/// `statuses`, each described as a catalogue's status without a `title:`
/// would be.
///
/// ```
/// use quote::quote;
///
/// let ty = proc_macro2::Ident::new("Mine", proc_macro2::Span::call_site());
/// let values = quote!(&[Mine::TooLarge, Mine::Other]);
/// let hook = error_codes_gen::rust::derived_frameworks(&ty, &values, &[413, 499]).to_string();
/// assert!(hook.contains(r#"{ status : 413 , description : "413 Content Too Large" }"#), "{hook}");
/// // No standard reason phrase: the number alone.
/// assert!(hook.contains(r#"{ status : 499 , description : "499" }"#), "{hook}");
/// ```
#[must_use]
pub fn derived_frameworks(ty: &Ident, values: &TokenStream, statuses: &[u16]) -> TokenStream {
    let docs = statuses
        .iter()
        .map(|&status| (status, status_line(status, reason_phrase(status))));
    hook_call(ty, values, docs, std::iter::empty())
}

/// The call of the runtime's framework hook: the type, its values, what each
/// of its statuses' responses says, and the `{ code, deprecated, notes }`
/// entries of its codes with lifecycle notes.
fn hook_call(
    ty: &Ident,
    values: &TokenStream,
    statuses: impl Iterator<Item = (u16, String)>,
    codes: impl Iterator<Item = TokenStream>,
) -> TokenStream {
    let statuses = statuses.map(|(status, description)| {
        let status = Literal::u16_unsuffixed(status);
        quote!({ status: #status, description: #description })
    });
    quote! {
        ::error_codes::__private::frameworks::impl_frameworks! {
            type: #ty,
            values: #values,
            statuses: [#(#statuses),*],
            codes: [#(#codes),*],
        }
    }
}

/// `#[doc]` attributes for `text`, one per line and each starting with a
/// space, as `///` comments would give.
fn doc_attributes(text: &str) -> TokenStream {
    let lines = text.split('\n').map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

/// The status line for rustdoc, e.g. `401 Unauthorized`, the title as
/// literal Markdown.
fn doc_status_line(status: &Status) -> String {
    status_line(status.status, Some(&markdown_text(&status.title)))
}

/// An identifier from a name the loader has validated.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// `text` as literal Markdown for rustdoc: nothing in it can become markup,
/// raw HTML, an intra-doc link or a doctest, and plain text stays readable.
fn markdown_text(text: &str) -> String {
    let normalized = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalized.lines().map(markdown_line).collect();
    // A backslash before a line break is a hard break: the message's lines
    // stay lines, and no line can start a new block.
    lines.join("\\\n")
}

fn markdown_line(line: &str) -> String {
    // Leading spaces could make an indented code block (a doctest).
    let line = line.trim_start();
    let mut out = String::with_capacity(line.len());

    // Nor may the line start a heading, a list or a setext underline.
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut rest = if digits > 0 && line[digits..].starts_with(['.', ')']) {
        out.push_str(&line[..digits]);
        out.push('\\');
        &line[digits..]
    } else if line.starts_with(['-', '+', '=', '#']) {
        out.push('\\');
        line
    } else {
        line
    };
    if !out.is_empty() {
        let marker = rest.chars().next().unwrap_or_default();
        out.push(marker);
        rest = &rest[marker.len_utf8()..];
    }

    while let Some(c) = rest.chars().next() {
        // Bare URLs trip `rustdoc::bare_urls`; an autolink shows them as links.
        if let Some(url) = url_at(rest) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The `http(s)://` URL at the start of `text`, without trailing punctuation.
fn url_at(text: &str) -> Option<&str> {
    if !(text.starts_with("http://") || text.starts_with("https://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', ']']);
    (!url.ends_with("://")).then_some(url)
}

/// `text` as a Markdown code span, fenced so no backtick in it can end it.
fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::{code_span, markdown_text};

    #[test]
    fn plain_text_stays_plain() {
        assert_eq!(
            markdown_text("The API Token provided is invalid."),
            "The API Token provided is invalid."
        );
        assert_eq!(
            markdown_text("Headers X-Token are missing (see 2.1)."),
            "Headers X-Token are missing (see 2.1)."
        );
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            markdown_text("<b>*x*</b> [l](u) a|b `c` \\"),
            "\\<b\\>\\*x\\*\\</b\\> \\[l\\](u) a\\|b \\`c\\` \\\\"
        );
        assert_eq!(markdown_text("# not a heading"), "\\# not a heading");
        assert_eq!(markdown_text("- not a list"), "\\- not a list");
        assert_eq!(markdown_text("12. not a list"), "12\\. not a list");
        assert_eq!(
            markdown_text("    not code\n> not a quote"),
            "not code\\\n\\> not a quote"
        );
        assert_eq!(markdown_text("a\r\nb\rc"), "a\\\nb\\\nc");
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(
            markdown_text("See https://example.com/a_b."),
            "See <https://example.com/a_b>."
        );
        assert_eq!(markdown_text("[x](http://x)"), "\\[x\\](<http://x>)");
        assert_eq!(markdown_text("http:// alone"), "http:// alone");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("invalid_token"), "`invalid_token`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }
}
