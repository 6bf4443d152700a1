//! The enums whose values carry data: a status's enum with a code that has
//! params (a struct variant per such code), and the top-level enum over
//! groups when one of them is such an enum.
//!
//! They have what a value that carries data can have: `code`, `message`
//! (rendered, so a `Cow`), `status`, `retry` and `CODES`, the derives their
//! fields allow, serde with `details`, and the hidden `Decode` impl that
//! strict reads and `Received` use. They have no `ALL`, `from_code` or
//! `FromStr`, which only values without data can have.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::data::{self, binding, field_ident};
use super::decode;
use super::doc::{doc_attributes, doc_status_line, markdown_text};
use super::hook::frameworks_hook_with_details;
use super::{
    Shape, allow_deprecated, code_doc, codes_const, derives, docs_arms, grouped_arms, has_params,
    ident, layout, retry_value, variant_doc,
};
use crate::{Catalog, Code, Piece, RETRY_AFTER_PARAM, Retry, Status, Type, schema};

/// How a method takes its receiver: by value when the type is `Copy`, as
/// clippy's `trivially_copy_pass_by_ref` asks, else by reference.
struct Receiver {
    /// `self` or `&self`.
    param: TokenStream,
    /// The place to match on: `self` or `*self`.
    place: TokenStream,
}

impl Receiver {
    fn of(shape: Shape) -> Self {
        if shape.copy {
            Self {
                param: quote!(self),
                place: quote!(self),
            }
        } else {
            Self {
                param: quote!(&self),
                place: quote!(*self),
            }
        }
    }
}

/// `Self::Variant { .. }`, or `Self::Variant` for a code without params.
fn pattern(code: &Code) -> TokenStream {
    let variant = ident(&code.name);
    if code.params.is_empty() {
        quote!(Self::#variant)
    } else {
        quote!(Self::#variant { .. })
    }
}

/// The message arm of a code: borrowed text, or the text rendered from the
/// fields its placeholders name.
fn message_arm(code: &Code) -> (TokenStream, TokenStream) {
    let variant = ident(&code.name);
    let Some((pieces, mut bound)) = message_pieces(code) else {
        let text = code.plain_message();
        let text = text.as_ref();
        return (pattern(code), quote!(::std::borrow::Cow::Borrowed(#text)));
    };
    bound.sort_unstable();
    let fields = bound.iter().map(|&index| {
        let name = field_ident(&code.params[index]);
        let binding = binding(index);
        quote!(#name: ref #binding)
    });
    let rest = (bound.len() < code.params.len()).then(|| quote!(, ..));
    (
        quote!(Self::#variant { #(#fields),* #rest }),
        quote!(::std::borrow::Cow::Owned(::error_codes::__private::render(&[#(#pieces),*]))),
    )
}

/// The message of a code as it is serialized: its text, or the pieces to
/// render it from (the fields bound by [`data::ref_bindings`]).
fn message_value(code: &Code) -> TokenStream {
    if let Some((pieces, _)) = message_pieces(code) {
        quote!(&::error_codes::__private::Message(&[#(#pieces),*]))
    } else {
        let text = code.plain_message();
        let text = text.as_ref();
        quote!(#text)
    }
}

/// The pieces of a message with placeholders, each value read from the
/// binding of its param, and the indices of the params they name; `None`
/// for a message without placeholders.
fn message_pieces(code: &Code) -> Option<(Vec<TokenStream>, Vec<usize>)> {
    let pieces = code.pieces();
    if !pieces.iter().any(|piece| matches!(piece, Piece::Param(_))) {
        return None;
    }
    // Runs of text joined, so `{{` costs no piece of its own.
    let mut parts: Vec<TokenStream> = Vec::new();
    let mut text = String::new();
    let mut bound: Vec<usize> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(part) => text.push_str(part),
            Piece::Param(name) => {
                if !text.is_empty() {
                    parts.push(quote!(::error_codes::__private::Piece::Text(#text)));
                    text.clear();
                }
                let index = code
                    .params
                    .iter()
                    .position(|param| param.name == name)
                    .unwrap_or_default();
                if !bound.contains(&index) {
                    bound.push(index);
                }
                let binding = binding(index);
                // The loader lets a placeholder name only a required param
                // of a primitive type.
                parts.push(match code.params[index].ty {
                    Type::Integer => quote!(::error_codes::__private::Piece::Integer(*#binding)),
                    Type::Number => quote!(::error_codes::__private::Piece::Number(*#binding)),
                    Type::Boolean => quote!(::error_codes::__private::Piece::Boolean(*#binding)),
                    _ => quote!(::error_codes::__private::Piece::Text(#binding)),
                });
            }
        }
    }
    if !text.is_empty() {
        parts.push(quote!(::error_codes::__private::Piece::Text(#text)));
    }
    Some((parts, bound))
}

/// The retry arm of a code; an `after` code reads its `retry_after` field.
fn retry_arm(code: &Code) -> (TokenStream, TokenStream, bool) {
    let variant = ident(&code.name);
    match (code.retry, code.param(RETRY_AFTER_PARAM)) {
        (Retry::After, Some(param)) => {
            let name = field_ident(param);
            let seconds = quote!(seconds);
            let pattern = if code.params.len() > 1 {
                quote!(Self::#variant { #name: #seconds, .. })
            } else {
                quote!(Self::#variant { #name: #seconds })
            };
            (pattern, retry_value(Retry::After, Some(&seconds)), true)
        }
        (retry, _) => (pattern(code), retry_value(retry, None), false),
    }
}

/// The arms of `retry`: those that read a field each on their own, the
/// others joined by value.
fn retry_arms<'a>(codes: impl Iterator<Item = &'a Code>) -> TokenStream {
    let mut own = Vec::new();
    let mut plain = Vec::new();
    for code in codes {
        let (pattern, value, reads) = retry_arm(code);
        if reads {
            own.push(quote!(#pattern => #value,));
        } else {
            plain.push((pattern, value));
        }
    }
    let plain = grouped_arms(plain.into_iter());
    quote!(#(#own)* #plain)
}

/// The example value of a code, for the framework hook's `values`.
fn example_value(catalog: &Catalog, ty: &Ident, code: &Code) -> TokenStream {
    let variant = ident(&code.name);
    if code.params.is_empty() {
        return quote!(#ty::#variant);
    }
    let details = schema::example_details(catalog, code);
    let members = match &details {
        schema::Json::Object(members) => members.as_slice(),
        _ => &[],
    };
    let fields = data::example_fields(catalog, &code.params, members);
    quote!(#ty::#variant { #fields })
}

/// A status's enum with a code that has params.
pub(super) fn group(catalog: &Catalog, status: &Status) -> TokenStream {
    let ty = ident(&status.name);
    let top = &catalog.name;
    let status_text = format!("status {}", doc_status_line(status));
    let shape = status.codes.iter().fold(Shape::UNIT, |shape, code| {
        shape.and(data::params_shape(catalog, &code.params))
    });
    let receiver = Receiver::of(shape);

    let mut doc = format!("Errors with {status_text}; each converts into [`{top}`].");
    if let Some(description) = &status.description {
        doc.push_str("\n\n");
        doc.push_str(&markdown_text(description));
    }
    let doc = doc_attributes(&doc);

    let variants = status.codes.iter().map(|code| {
        let variant = ident(&code.name);
        let (doc, deprecated) = variant_doc(code, &status_text);
        let fields = (!code.params.is_empty()).then(|| {
            let fields = data::fields(&code.params, "param", false);
            quote!({ #fields })
        });
        quote! {
            #doc
            #deprecated
            #variant #fields
        }
    });
    let methods = group_methods(catalog, status, &receiver);
    let allow = allow_deprecated(status.codes.iter());
    let derives = derives(shape);
    let serialize = serialize_arms(catalog, status, &receiver);
    // A body in a declared layout costs what a derived struct's does only
    // with the writer inlined into its caller.
    let inline = catalog.body.is_declared().then(|| quote!(#[inline]));
    let serialize_doc = if catalog.body.is_declared() {
        layout::serialize_doc(&catalog.body, true)
    } else {
        quote! {
            /// As the error response body, `{"error": code, "message": message}`,
            /// with `"details"`, the fields, for a code with params. Fails on a
            /// number that is not finite, which JSON cannot carry.
        }
    };
    let decode = decode::group(catalog, &ty, status);
    let common = common_impls(&ty, &receiver, allow.as_ref());
    let values = status
        .codes
        .iter()
        .map(|code| example_value(catalog, &ty, code));
    let values = values_expression(allow.as_ref(), &quote!(&[#(#values),*]));
    let frameworks = frameworks_hook_with_details(catalog, &ty, &[status], &values);

    quote! {
        #doc
        #derives
        pub enum #ty {
            #(#variants,)*
        }

        #allow
        impl #ty {
            #methods
        }

        #common

        #serialize_doc
        #allow
        impl ::error_codes::__private::serde::Serialize for #ty {
            #inline
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::error_codes::__private::serde::Serializer,
            {
                #serialize
            }
        }

        #decode
        #frameworks
    }
}

/// The inherent items of a group with param codes: `CODES`, `code`,
/// `message`, `status`, `retry` and `docs`.
fn group_methods(catalog: &Catalog, status: &Status, receiver: &Receiver) -> TokenStream {
    let (param, place) = (&receiver.param, &receiver.place);
    let number = Literal::u16_unsuffixed(status.status);
    let patterns: Vec<TokenStream> = status.codes.iter().map(pattern).collect();
    let codes = status.codes.iter().map(|code| Literal::string(&code.code));
    let messages = status
        .codes
        .iter()
        .map(message_arm)
        .map(|(pattern, value)| quote!(#pattern => #value,));
    let retry = retry_arms(status.codes.iter());
    let codes_const = codes_const(status.codes.iter());
    let docs = docs_arms(status.codes.iter(), pattern);
    let code_doc = code_doc(catalog);
    quote! {
        #codes_const

        #code_doc
        #[must_use]
        pub const fn code(#param) -> &'static str {
            match #place {
                #(#patterns => #codes,)*
            }
        }

        /// The human-readable message, with its placeholders filled in
        /// from the fields: what the body's `message` says.
        #[must_use]
        pub fn message(#param) -> ::std::borrow::Cow<'static, str> {
            match #place {
                #(#messages)*
            }
        }

        /// The HTTP status of every error in this group.
        #[must_use]
        pub const fn status(#param) -> u16 {
            match #place {
                #(#patterns)|* => #number,
            }
        }

        /// How a client may retry a request that failed with the error.
        #[must_use]
        pub const fn retry(#param) -> ::error_codes::Retry {
            match #place {
                #retry
            }
        }

        /// The URL of the code's documentation, if it has one.
        #[must_use]
        pub const fn docs(#param) -> ::core::option::Option<&'static str> {
            match #place {
                #docs
            }
        }
    }
}

/// The body of a group's `Serialize`: a `match` with a body with details
/// per code with params, one arm for the others.
fn serialize_arms(catalog: &Catalog, status: &Status, receiver: &Receiver) -> TokenStream {
    let declared = catalog.body.is_declared();
    let mut arms = Vec::new();
    let mut plain = Vec::new();
    for code in &status.codes {
        let variant = ident(&code.name);
        if code.params.is_empty() {
            plain.push(quote!(Self::#variant));
            continue;
        }
        let bindings = data::ref_bindings(&code.params);
        let values: Vec<TokenStream> = (0..code.params.len())
            .map(|index| {
                let binding = binding(index);
                quote!(#binding)
            })
            .collect();
        let label = |param: &crate::Param| format!("param `{}` of `{}`", param.name, code.code);
        let write = if declared {
            let entries = data::entries(&code.params, &values, label);
            layout_arm(catalog, status, code, &entries)
        } else {
            let object = data::object(&code.params, &values, label);
            let error = code.code.as_str();
            let message = message_value(code);
            quote! {
                ::error_codes::__private::serialize_with_details(
                    #error,
                    #message,
                    &#object,
                    serializer,
                )
            }
        };
        arms.push(quote!(Self::#variant { #bindings } => #write,));
    }
    let plain = (!plain.is_empty()).then(|| {
        if declared {
            let write = layout_plain_arm(catalog, status, receiver);
            quote!(#(#plain)|* => #write,)
        } else {
            quote!(#(#plain)|* => ::error_codes::__private::serialize(self, serializer),)
        }
    });
    let arms = quote!(#(#arms)* #plain);
    if declared {
        // The layout once, for every arm.
        let typed = layout::typed_to_write(&catalog.body);
        quote! {
            let layout = &#typed;
            match *self {
                #arms
            }
        }
    } else {
        quote! {
            match *self {
                #arms
            }
        }
    }
}

/// The writer of the body of `code`, which has params (bound to `v0`, …,
/// whose members are `entries`), in the catalogue's declared layout.
fn layout_arm(
    catalog: &Catalog,
    status: &Status,
    code: &Code,
    entries: &TokenStream,
) -> TokenStream {
    let body = &catalog.body;
    let error = code.code.as_str();
    // Text as `&"…"`, which `Parts` holds; a message to render as is.
    let message = message_value(code);
    let message = if code.has_placeholders() {
        message
    } else {
        quote!(&#message)
    };
    let number = Literal::u64_unsuffixed(code.number().unwrap_or_default());
    let number_status = Literal::u16_unsuffixed(status.status);
    // A part the layout does not have is never read.
    let docs = code
        .docs
        .as_ref()
        .filter(|_| body.path(crate::Part::Docs).is_some())
        .map_or_else(
            || quote!(::core::option::Option::None),
            |url| quote!(::core::option::Option::Some(&#url)),
        );
    let title = if body.path(crate::Part::Title).is_some() {
        code.title_in(status)
    } else {
        ""
    };
    quote! {
        ::error_codes::__private::layout::serialize(
            layout,
            &::error_codes::__private::layout::Parts {
                code: &#error,
                number: &#number,
                message: #message,
                status: &#number_status,
                docs: #docs,
                title: &#title,
                details: ::core::option::Option::Some(&#entries),
            },
            serializer,
        )
    }
}

/// The writer of the bodies of the codes of `status` without params, in
/// the catalogue's declared layout: their values through `ErrorCode` and
/// matches on `self` (the codes with params write their own in their arms).
fn layout_plain_arm(catalog: &Catalog, status: &Status, receiver: &Receiver) -> TokenStream {
    let (with_params, without): (Vec<&Code>, Vec<&Code>) = status
        .codes
        .iter()
        .partition(|code| !code.params.is_empty());
    let others: Vec<TokenStream> = with_params.into_iter().map(pattern).collect();
    let (number, title) = layout::values(
        catalog,
        status,
        without.into_iter(),
        &receiver.place,
        |code| {
            let variant = ident(&code.name);
            quote!(Self::#variant)
        },
        &others,
    );
    let docs = if catalog.body.path(crate::Part::Docs).is_some() {
        quote!(::error_codes::ErrorCode::docs(self).as_ref())
    } else {
        quote!(::core::option::Option::None)
    };
    let number_status = Literal::u16_unsuffixed(status.status);
    quote! {
        ::error_codes::__private::layout::serialize(
            layout,
            &::error_codes::__private::layout::Parts::<_, ()> {
                code: &::error_codes::ErrorCode::code(self),
                number: #number,
                message: &::error_codes::ErrorCode::message(self),
                status: &#number_status,
                docs: #docs,
                title: #title,
                details: ::core::option::Option::None,
            },
            serializer,
        )
    }
}

/// `ErrorCode`, `Display` and `Error` of an enum that carries data.
fn common_impls(ty: &Ident, receiver: &Receiver, allow: Option<&TokenStream>) -> TokenStream {
    let this = if receiver.param.to_string() == "self" {
        quote!(*self)
    } else {
        quote!(self)
    };
    quote! {
        #allow
        impl ::error_codes::ErrorCode for #ty {
            fn code(&self) -> &'static str {
                Self::code(#this)
            }
            fn message(&self) -> ::std::borrow::Cow<'static, str> {
                Self::message(#this)
            }
            fn status(&self) -> u16 {
                Self::status(#this)
            }
            fn retry(&self) -> ::error_codes::Retry {
                Self::retry(#this)
            }
            fn docs(&self) -> ::core::option::Option<&'static str> {
                Self::docs(#this)
            }
        }

        /// The message, rendered.
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(&Self::message(#this))
            }
        }

        impl ::core::error::Error for #ty {}
    }
}

/// The top-level enum when a group carries data: a tuple variant per group,
/// with the derives every group allows.
pub(super) fn top_level(catalog: &Catalog) -> TokenStream {
    let ty = ident(&catalog.name);
    let groups: Vec<&Status> = catalog.groups().collect();
    let group_tys: Vec<Ident> = groups.iter().map(|status| ident(&status.name)).collect();
    let numbers = groups
        .iter()
        .map(|status| Literal::u16_unsuffixed(status.status));
    let shape = catalog.codes().fold(Shape::UNIT, |shape, (_, code)| {
        shape.and(data::params_shape(catalog, &code.params))
    });
    let receiver = Receiver::of(shape);
    let (param, place) = (&receiver.param, &receiver.place);
    // A group's `ErrorCode::message` takes a reference.
    let error_ref = if shape.copy {
        quote!(&error)
    } else {
        quote!(error)
    };
    let bind = if shape.copy {
        quote!(error)
    } else {
        quote!(ref error)
    };
    // The argument of a group's inherent methods, named by path (a method
    // call on a reference would find `ErrorCode`'s first, which is not
    // `const`): the group by value when it is `Copy`, else by reference.
    let args: Vec<TokenStream> = groups
        .iter()
        .map(|status| {
            let group_copy = status
                .codes
                .iter()
                .all(|code| data::params_shape(catalog, &code.params).copy);
            if group_copy && !shape.copy {
                quote!(*error)
            } else {
                quote!(error)
            }
        })
        .collect();

    let definition = top_definition(catalog, &ty, &groups, &group_tys, shape);
    let codes_const = codes_const(catalog.codes().map(|(_, code)| code));
    let allow = allow_deprecated(catalog.codes().map(|(_, code)| code));
    let common = common_impls(&ty, &receiver, allow.as_ref());
    let code_doc = code_doc(catalog);

    let conversions = top_conversions(catalog, &ty, &group_tys);
    let decode = decode::top_level(catalog, &ty, &groups, &group_tys);
    let values = top_values(catalog, &ty, &groups, &group_tys, allow.as_ref());
    let frameworks = frameworks_hook_with_details(catalog, &ty, &groups, &values);

    quote! {
        #definition

        #allow
        impl #ty {
            #codes_const

            #code_doc
            #[must_use]
            pub const fn code(#param) -> &'static str {
                match #place {
                    #(Self::#group_tys(#bind) => #group_tys::code(#args),)*
                }
            }

            /// The human-readable message, with its placeholders filled in
            /// from the fields: what the body's `message` says.
            #[must_use]
            pub fn message(#param) -> ::std::borrow::Cow<'static, str> {
                match #place {
                    #(Self::#group_tys(#bind) => ::error_codes::ErrorCode::message(#error_ref),)*
                }
            }

            /// The HTTP status.
            #[must_use]
            pub const fn status(#param) -> u16 {
                match #place {
                    #(Self::#group_tys(_) => #numbers,)*
                }
            }

            /// How a client may retry a request that failed with the error.
            #[must_use]
            pub const fn retry(#param) -> ::error_codes::Retry {
                match #place {
                    #(Self::#group_tys(#bind) => #group_tys::retry(#args),)*
                }
            }

            /// The URL of the code's documentation, if it has one.
            #[must_use]
            pub const fn docs(#param) -> ::core::option::Option<&'static str> {
                match #place {
                    #(Self::#group_tys(#bind) => #group_tys::docs(#args),)*
                }
            }
        }

        #conversions
        #common

        #decode
        #frameworks
    }
}

/// The top-level enum itself, with its doc and derives: a tuple variant
/// per group.
fn top_definition(
    catalog: &Catalog,
    ty: &Ident,
    groups: &[&Status],
    group_tys: &[Ident],
    shape: Shape,
) -> TokenStream {
    let doc = doc_attributes(&format!(
        "Every API error, one variant per HTTP status.\n\n\
         Generated by `error_codes::include_errors!` from {} ({}).",
        super::doc::code_span(&catalog.source_name),
        markdown_text(&catalog.title),
    ));
    let variants = groups.iter().zip(group_tys).map(|(status, group_ty)| {
        let doc = doc_attributes(&format!(
            "An error with status {}: see [`{group_ty}`].",
            doc_status_line(status),
        ));
        quote! {
            #doc
            #group_ty(#group_ty)
        }
    });
    let derives = derives(shape);
    quote! {
        #doc
        #derives
        pub enum #ty {
            #(#variants,)*
        }
    }
}

/// `From` each group, and `Serialize`, which writes the group's body.
fn top_conversions(catalog: &Catalog, ty: &Ident, group_tys: &[Ident]) -> TokenStream {
    let inline = catalog.body.is_declared().then(|| quote!(#[inline]));
    let serialize_doc = if catalog.body.is_declared() {
        layout::serialize_doc(&catalog.body, true)
    } else {
        quote! {
            /// As the error response body, with `"details"` for a code with
            /// params.
        }
    };
    quote! {
        #(
            impl ::core::convert::From<#group_tys> for #ty {
                fn from(error: #group_tys) -> Self {
                    Self::#group_tys(error)
                }
            }
        )*

        #serialize_doc
        impl ::error_codes::__private::serde::Serialize for #ty {
            #inline
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::error_codes::__private::serde::Serializer,
            {
                match *self {
                    #(Self::#group_tys(ref error) => ::error_codes::__private::serde::Serialize::serialize(error, serializer),)*
                }
            }
        }
    }
}

/// The hook's `values:`, in a block that allows naming deprecated
/// variants when `allow` says some are.
fn values_expression(allow: Option<&TokenStream>, values: &TokenStream) -> TokenStream {
    match allow {
        Some(allow) => quote!({
            #allow
            let values = #values;
            values
        }),
        None => values.clone(),
    }
}

/// The top-level enum's example values for the framework hook: every code
/// of every group, in file order (in a block that may name deprecated
/// variants).
fn top_values(
    catalog: &Catalog,
    ty: &Ident,
    groups: &[&Status],
    group_tys: &[Ident],
    allow: Option<&TokenStream>,
) -> TokenStream {
    let values = groups.iter().zip(group_tys).flat_map(|(status, group_ty)| {
        status.codes.iter().map(move |code| {
            let value = if has_params(status) {
                example_value(catalog, group_ty, code)
            } else {
                let variant = ident(&code.name);
                quote!(#group_ty::#variant)
            };
            quote!(#ty::#group_ty(#value))
        })
    });
    values_expression(allow, &quote!(&[#(#values),*]))
}
