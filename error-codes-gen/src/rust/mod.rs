//! The Rust emitter, used by `include_errors!`.
//!
//! The output refers to everything through absolute paths (`::core::…`,
//! `::error_codes::…`, serde through `::error_codes::__private::serde`), so it
//! compiles whatever the including module names `Result`, `Option` or
//! `serde`, and without the user depending on serde.
//!
//! An enum none of whose codes has params is written here, as it was before
//! params existed (unit variants, `Copy`, `const fn`s, `ALL`, `from_code`,
//! `FromStr`), plus `CODES` and `retry()`. An enum with param codes and the
//! top-level enum over such groups are `params.rs`'s, and `decode.rs`
//! writes how bodies become their values; `data.rs` maps param types to
//! Rust, writes the structs of `types:` and how `details` are written and
//! read; `hook.rs` writes the calls of the framework hook; `doc.rs` makes
//! catalogue text into rustdoc.
//!
//! A catalogue that declares its body's layout (`body:`) gets the same
//! enums, plus serde impls that write and read the layout through the typed
//! tree of `layout.rs` and a hidden `Decode` impl that holds its `Layout`
//! (`Received` reads it), in place of `FromStr`, which would hide it. A
//! catalogue without `body:` expands as it did before layouts existed,
//! plus `docs()`.

mod data;
mod decode;
mod doc;
mod hook;
mod layout;
mod params;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::{Catalog, Code, Retry, Status};
use doc::{code_span, doc_attributes, doc_status_line, markdown_text, rustdoc_markdown};
use hook::frameworks_hook;

pub use hook::derived_frameworks;

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
    let types = catalog.types.iter().map(|def| data::type_def(catalog, def));
    let groups = catalog.groups().map(|status| {
        if has_params(status) {
            params::group(catalog, status)
        } else {
            group(catalog, status)
        }
    });
    let top = if catalog.groups().any(has_params) {
        params::top_level(catalog)
    } else {
        top_level(catalog)
    };
    quote! {
        #(#types)*
        #(#groups)*
        #top
    }
}

/// Whether a status's enum has a code with params: a value that carries
/// data, with what such a value can have.
fn has_params(status: &Status) -> bool {
    status.codes.iter().any(|code| !code.params.is_empty())
}

/// One status's enum: a unit variant per code.
fn group(catalog: &Catalog, status: &Status) -> TokenStream {
    let top = &catalog.name;
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
        let (doc, deprecated) = variant_doc(code, &status_text);
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
        .map(|code| Literal::string(&code.plain_message()));
    let from_code = from_code_fn(status.codes.iter().map(|code| code.code.as_str()));
    let declared = catalog.body.is_declared();
    let common = common_impls(&ty, Some(&status.line()), declared);
    let frameworks = frameworks_hook(catalog, &ty, &[status]);
    let derives = derives(Shape::UNIT);
    let allow = allow_deprecated(status.codes.iter());
    let codes_const = codes_const(status.codes.iter());
    let retry = grouped_arms(status.codes.iter().map(|code| {
        let variant = ident(&code.name);
        (quote!(Self::#variant), retry_value(code.retry, None))
    }));
    let docs = docs_arms(status.codes.iter(), |code| {
        let variant = ident(&code.name);
        quote!(Self::#variant)
    });
    let code_doc = code_doc(catalog);
    let layout = declared.then(|| {
        let values: Vec<_> = status
            .codes
            .iter()
            .map(|code| {
                let variant = ident(&code.name);
                (quote!(Self::#variant), status, code)
            })
            .collect();
        layout_impls(catalog, &ty, Some(&status.line()), allow.as_ref(), &values)
    });

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

            #codes_const

            #code_doc
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

            /// How a client may retry a request that failed with the error.
            #[must_use]
            pub const fn retry(self) -> ::error_codes::Retry {
                match self {
                    #retry
                }
            }

            /// The URL of the code's documentation, if it has one.
            #[must_use]
            pub const fn docs(self) -> ::core::option::Option<&'static str> {
                match self {
                    #docs
                }
            }

            #from_code
        }

        #common
        #layout
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
    let declared = catalog.body.is_declared();
    let common = common_impls(&ty, None, declared);
    let frameworks = frameworks_hook(catalog, &ty, &groups);
    let derives = derives(Shape::UNIT);
    let allow = allow_deprecated(catalog.codes().map(|(_, code)| code));
    let codes_const = codes_const(catalog.codes().map(|(_, code)| code));
    let code_doc = code_doc(catalog);
    let layout = declared.then(|| top_layout_impls(catalog, &ty, allow.as_ref()));

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

            #codes_const

            #code_doc
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

            /// How a client may retry a request that failed with the error.
            #[must_use]
            pub const fn retry(self) -> ::error_codes::Retry {
                match self {
                    #(Self::#group_tys(error) => error.retry(),)*
                }
            }

            /// The URL of the code's documentation, if it has one.
            #[must_use]
            pub const fn docs(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#group_tys(error) => error.docs(),)*
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
        #layout
        #frameworks
    }
}

/// The doc of `code()`: where the body carries the code.
fn code_doc(catalog: &Catalog) -> TokenStream {
    if catalog.body.is_declared() {
        layout::code_doc(&catalog.body)
    } else {
        quote!(#[doc = " The code as the API sends it in the `error` field."])
    }
}

/// The arms of `docs()` over `codes`, each code's pattern given by
/// `pattern`: its URL, or `None`.
fn docs_arms<'a>(
    codes: impl Iterator<Item = &'a Code>,
    pattern: impl Fn(&Code) -> TokenStream,
) -> TokenStream {
    grouped_arms(codes.map(|code| {
        let value = code.docs.as_ref().map_or_else(
            || quote!(::core::option::Option::None),
            |url| quote!(::core::option::Option::Some(#url)),
        );
        (pattern(code), value)
    }))
}

/// The serde impls of an enum without params in a declared layout, a group
/// (`status_line` names it in the error of an unknown code) or the
/// top-level enum, and the hidden `Decode` impl they read through (which
/// `FromStr` would hide: such an enum has none). `values` are its values'
/// paths (`Self::InvalidToken`, `Self::Unauthorized(Unauthorized::…)`)
/// with their codes: every code's values in one match, so the top-level
/// enum does not call the group's writer behind a match on the group.
fn layout_impls<'a>(
    catalog: &Catalog,
    ty: &Ident,
    status_line: Option<&str>,
    allow: Option<&TokenStream>,
    values: &[(TokenStream, &'a Status, &'a Code)],
) -> TokenStream {
    let typed = layout::typed_to_write(&catalog.body);
    let serialize_doc = layout::serialize_doc(&catalog.body, false);
    let decode = decode::plain(
        catalog,
        ty,
        status_line,
        allow,
        values
            .iter()
            .map(|(value, _, code)| (code.code.as_str(), value.clone())),
    );
    let parts = layout::unit_parts(catalog, values.iter().cloned());
    quote! {
        #serialize_doc
        #allow
        impl ::error_codes::__private::serde::Serialize for #ty {
            #[inline]
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::error_codes::__private::serde::Serializer,
            {
                #parts
                ::error_codes::__private::layout::serialize(
                    &#typed,
                    &::error_codes::__private::layout::Parts::<&str, ()> {
                        code,
                        number,
                        message,
                        status,
                        docs,
                        title,
                        details: ::core::option::Option::None,
                    },
                    serializer,
                )
            }
        }

        #decode
    }
}

/// [`layout_impls`] of the top-level enum, whose values are its groups'.
fn top_layout_impls(catalog: &Catalog, ty: &Ident, allow: Option<&TokenStream>) -> TokenStream {
    let values: Vec<_> = catalog
        .codes()
        .map(|(status, code)| {
            let group = ident(&status.name);
            let variant = ident(&code.name);
            (quote!(Self::#group(#group::#variant)), status, code)
        })
        .collect();
    layout_impls(catalog, ty, None, allow, &values)
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
    let mut words = code.as_bytes().chunks_exact(8);
    for word in &mut words {
        // An exact chunk of 8 converts to one little-endian load.
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let tail = words.remainder();
    if !tail.is_empty() {
        // The last word, zero-padded; built by hand because a
        // variable-length copy into an array would call `memcpy`.
        let word = tail
            .iter()
            .rev()
            .fold(0, |word, &byte| (word << 8) | u64::from(byte));
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
    // Fold the well-mixed high bits into the low bits the table uses.
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    hash ^ (hash >> 33)
}

/// Which of the optional derives a type's fields allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// `Copy`: no `String`, `Vec` or type of `types:` in it.
    copy: bool,
    /// `Eq` and `Hash`: no `f64` in it.
    eq: bool,
}

impl Shape {
    /// A type without fields, or whose fields allow everything.
    const UNIT: Self = Self {
        copy: true,
        eq: true,
    };

    fn and(self, other: Self) -> Self {
        Self {
            copy: self.copy && other.copy,
            eq: self.eq && other.eq,
        }
    }
}

/// The derives of a generated enum: `Debug, Clone, PartialEq` always, and
/// `Copy`, `Eq` and `Hash` where `shape` allows them (always for an enum
/// without params, as before params existed).
fn derives(shape: Shape) -> TokenStream {
    let copy = shape.copy.then(|| quote!(::core::marker::Copy,));
    let eq = shape
        .eq
        .then(|| quote!(::core::cmp::Eq, ::core::hash::Hash,));
    quote! {
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            #copy
            ::core::cmp::PartialEq,
            #eq
        )]
    }
}

/// A variant's doc attributes (its message, code, status and `since`) and
/// its `#[deprecated]`, if any.
fn variant_doc(code: &Code, status_text: &str) -> (TokenStream, Option<TokenStream>) {
    let mut doc = format!(
        "{}\n\nCode {}, {status_text}.",
        markdown_text(&code.plain_message()),
        code_span(&code.code),
    );
    if let Some(since) = code.since_note() {
        doc.push(' ');
        doc.push_str(&markdown_text(&since));
    }
    if let Some(url) = &code.docs {
        doc.push_str(" Documentation: ");
        doc.push_str(&markdown_text(url));
        doc.push('.');
    }
    // Written here rather than from `Retry::advice`, whose code spans
    // `markdown_text` would escape.
    match code.retry {
        Retry::Never => {}
        Retry::Backoff => doc.push_str(" Retry with exponential backoff."),
        Retry::After => doc.push_str(
            " Retry after the seconds in `retry_after`, which servers also send as the \
             `Retry-After` header.",
        ),
    }
    for (heading, text) in [
        ("", &code.description),
        ("**Resolution:**\n\n", &code.resolution),
    ] {
        if let Some(text) = text {
            doc.push_str("\n\n");
            doc.push_str(heading);
            doc.push_str(&rustdoc_markdown(text));
        }
    }
    // rustdoc shows the note in its own box, and naming the variant warns.
    let deprecated = code
        .deprecated
        .as_deref()
        .map(|note| quote!(#[deprecated = #note]));
    (doc_attributes(&doc), deprecated)
}

/// `const CODES`: the codes, in the catalogue's order.
fn codes_const<'a>(codes: impl Iterator<Item = &'a Code>) -> TokenStream {
    let codes = codes.map(|code| Literal::string(&code.code));
    quote! {
        /// Every code, as the API sends it, in the catalogue's order.
        pub const CODES: &'static [&'static str] = &[#(#codes,)*];
    }
}

/// The `::error_codes::Retry` of a code; `retry_after` is the expression of
/// the field's value, for a code whose retry is `after`.
fn retry_value(retry: Retry, retry_after: Option<&TokenStream>) -> TokenStream {
    match (retry, retry_after) {
        (Retry::After, Some(seconds)) => quote!(::error_codes::Retry::after_seconds(#seconds)),
        (Retry::Backoff, _) => quote!(::error_codes::Retry::Backoff),
        // The loader gives every `after` code its `retry_after` param.
        _ => quote!(::error_codes::Retry::Never),
    }
}

/// Match arms, `pattern => value`, with the patterns of equal values joined
/// into one arm (`Self::A | Self::B => value`), in the order each value
/// first appears: what keeps `clippy::match_same_arms` quiet in the user's
/// crate. The patterns must bind nothing.
fn grouped_arms(arms: impl Iterator<Item = (TokenStream, TokenStream)>) -> TokenStream {
    let mut groups: Vec<(String, TokenStream, Vec<TokenStream>)> = Vec::new();
    for (pattern, value) in arms {
        let key = value.to_string();
        match groups.iter_mut().find(|(seen, _, _)| *seen == key) {
            Some((_, _, patterns)) => patterns.push(pattern),
            None => groups.push((key, value, vec![pattern])),
        }
    }
    groups
        .into_iter()
        .map(|(_, value, patterns)| quote!(#(#patterns)|* => #value,))
        .collect()
}

/// The trait impls every generated enum shares; all delegate to inherent items.
/// `status_line` (`401 Unauthorized`) is set for a status group, whose unknown
/// codes may well belong to another status.
fn common_impls(ty: &Ident, status_line: Option<&str>, declared: bool) -> TokenStream {
    let unknown = status_line.map_or_else(
        || quote!(::error_codes::UnknownCode::new(code)),
        |line| quote!(::error_codes::UnknownCode::for_status(code, #line)),
    );
    let trait_impls = quote! {
        impl ::error_codes::ErrorCode for #ty {
            fn code(&self) -> &'static str {
                Self::code(*self)
            }
            fn message(&self) -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(Self::message(*self))
            }
            fn status(&self) -> u16 {
                Self::status(*self)
            }
            fn retry(&self) -> ::error_codes::Retry {
                Self::retry(*self)
            }
            fn docs(&self) -> ::core::option::Option<&'static str> {
                Self::docs(*self)
            }
        }

        /// The message.
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(Self::message(*self))
            }
        }

        impl ::core::error::Error for #ty {}
    };
    if declared {
        // The serde impls follow the layout, and `FromStr` would hide the
        // `Decode` impl that `Received` reads the layout from.
        return trait_impls;
    }
    quote! {
        #trait_impls

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

/// An identifier from a name the loader has validated.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}
