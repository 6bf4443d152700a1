//! A declared layout (`body:`) in Rust: the two descriptions of it that
//! `::error_codes::__private::layout` walks (the typed tree that the
//! enums' serde impls write and read, and the `Layout` constant that
//! `Received` and the frameworks read), the values a body carries for one
//! code, and the layout in words for rustdoc.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::doc::doc_attributes;
use super::grouped_arms;
use crate::{Body, Catalog, Code, CodeType, Member, Object, Part, Status};

/// The typed tree of the layout, `Obj::<_, _, false>((Nest("error",
/// Obj::<_, _, false>((Message("message"), (Number("code"), ())), keys)),
/// ()), keys)` (`true` for an object the params are spread into), that the
/// enums' `Deserialize` impls pass to `layout::deserialize`: each object
/// with a `match` from a member's name to its index.
pub(super) fn typed(body: &Body) -> TokenStream {
    typed_object(&body.tree(), body.code_type, true)
}

/// The typed tree that the `Serialize` impls pass to `layout::serialize`:
/// without the matches, which it does not need, so that it is a constant.
pub(super) fn typed_to_write(body: &Body) -> TokenStream {
    typed_object(&body.tree(), body.code_type, false)
}

fn typed_object(object: &Object, code_type: CodeType, read: bool) -> TokenStream {
    let mut members = quote!(());
    for named in object.members.iter().rev() {
        let name = named.name.as_str();
        let member = match &named.value {
            Member::Object(inner) => {
                let inner = typed_object(inner, code_type, read);
                quote!(::error_codes::__private::layout::Nest(#name, #inner))
            }
            Member::Part(part) => {
                let piece = match (part, code_type) {
                    (Part::Code, CodeType::Integer) => quote!(Number),
                    (Part::Code, _) => quote!(Code),
                    (Part::Message, _) => quote!(Message),
                    (Part::Details, _) => quote!(Details),
                    (Part::Status, _) => quote!(Status),
                    (Part::Docs, _) => quote!(Docs),
                    (Part::Title, _) => quote!(Title),
                };
                quote!(::error_codes::__private::layout::#piece(#name))
            }
        };
        members = quote!((#member, #members));
    }
    let spread = object.spread;
    if !read {
        return quote!(::error_codes::__private::layout::Obj::<_, _, #spread>(#members, ::error_codes::__private::layout::Write));
    }
    // A `match` on the member's name, as `data::read_object` writes for
    // details: comparisons with constants, not a search.
    let keys = object
        .members
        .iter()
        .map(|named| Literal::byte_string(named.name.as_bytes()));
    let indices = (0..object.members.len()).map(Literal::usize_unsuffixed);
    quote! {
        ::error_codes::__private::layout::Obj::<_, _, #spread>(
            #members,
            |name: &[u8]| match name {
                #(#keys => ::core::option::Option::Some(#indices),)*
                _ => ::core::option::Option::None,
            },
        )
    }
}

/// The `Layout` constant of the layout, a reference to a promoted value.
pub(super) fn data(body: &Body) -> TokenStream {
    let object = data_object(&body.tree());
    let integer = body.code_type == CodeType::Integer;
    let content_type = body.content_type.as_str();
    quote! {
        &::error_codes::__private::layout::Layout {
            body: #object,
            integer: #integer,
            content_type: #content_type,
        }
    }
}

fn data_object(object: &Object) -> TokenStream {
    let members = object.members.iter().map(|named| {
        let name = named.name.as_str();
        let part = match &named.value {
            Member::Object(inner) => {
                let inner = data_object(inner);
                quote!(Object(#inner))
            }
            Member::Part(part) => match part {
                Part::Code => quote!(Code),
                Part::Message => quote!(Message),
                Part::Details => quote!(Details),
                Part::Status => quote!(Status),
                Part::Docs => quote!(Docs),
                Part::Title => quote!(Title),
            },
        };
        quote! {
            ::error_codes::__private::layout::Member {
                name: #name,
                part: ::error_codes::__private::layout::Part::#part,
            }
        }
    });
    let spread = object.spread;
    quote! {
        ::error_codes::__private::layout::Object {
            members: &[#(#members),*],
            spread: #spread,
        }
    }
}

/// The layout in words for rustdoc, e.g. `{"error": {"message", "code",
/// "error_data"}}`, or `{"type", "title", …, "code", …params}`.
pub(super) fn shape(body: &Body) -> String {
    shape_of(&body.tree())
}

fn shape_of(object: &Object) -> String {
    let mut members: Vec<String> = object
        .members
        .iter()
        .map(|named| {
            // Member names hold no character a JSON string must escape.
            let name = format!("\"{}\"", named.name);
            match &named.value {
                Member::Object(inner) => format!("{name}: {}", shape_of(inner)),
                Member::Part(_) => name,
            }
        })
        .collect();
    if object.spread {
        members.push("…params".to_owned());
    }
    format!("{{{}}}", members.join(", "))
}

/// The doc of `code()` in a declared layout: where the body carries the
/// code, and how.
pub(super) fn code_doc(body: &Body) -> TokenStream {
    let path = body
        .path(Part::Code)
        .map(ToString::to_string)
        .unwrap_or_default();
    doc_attributes(&match body.code_type {
        CodeType::Integer => {
            format!("The code as text; the API sends it as the JSON number at `{path}`.")
        }
        CodeType::String => format!("The code as the API sends it, at `{path}`."),
    })
}

/// The doc of a `Serialize` impl in a declared layout; `numbers` when a
/// value may fail to be written (a `number` param that is not finite).
pub(super) fn serialize_doc(body: &Body, numbers: bool) -> TokenStream {
    let mut text = format!(
        "As the error response body, in the catalogue's layout:\n`{}`.",
        shape(body)
    );
    if numbers {
        text.push_str("\nFails on a number that is not finite, which JSON cannot carry.");
    }
    doc_attributes(&text)
}

/// The values of the body of each of `codes` that the layout's members
/// need beyond `code()`, `message()` and `docs()`: the code as a number
/// and the title, each an expression over `place` (`self` or `*self`)
/// that matches the code's pattern (given by `pattern`). `others` are the
/// patterns of the type's other values, which do not reach the
/// expression. A part the layout does not have is a constant that the
/// writer never reads.
pub(super) fn values<'a>(
    catalog: &Catalog,
    status: &Status,
    codes: impl Iterator<Item = &'a Code> + Clone,
    place: &TokenStream,
    pattern: impl Fn(&Code) -> TokenStream,
    others: &[TokenStream],
) -> (TokenStream, TokenStream) {
    let body = &catalog.body;
    let rest =
        |default: TokenStream| (!others.is_empty()).then(|| quote!(#(#others)|* => #default,));
    let number = if body.code_type == CodeType::Integer {
        let arms = codes.clone().map(|code| {
            let pattern = pattern(code);
            let number = Literal::u64_unsuffixed(code.number().unwrap_or_default());
            quote!(#pattern => &#number,)
        });
        let rest = rest(quote!(&0));
        quote!(match #place { #(#arms)* #rest })
    } else {
        quote!(&0)
    };
    let title = if body.path(Part::Title).is_some() {
        let arms = grouped_arms(codes.map(|code| {
            let title = code.title_in(status);
            (pattern(code), quote!(#title))
        }));
        let rest = rest(quote!(""));
        quote!(&match #place { #arms #rest })
    } else {
        quote!(&"")
    };
    (number, title)
}

/// The values of the bodies of `codes` (values without params, each with
/// its pattern and status), bound as `code`, `number`, `message`,
/// `status`, `docs` and `title`: those the layout has from one `match` on
/// the value (a row of constants per code, which the compiler makes one
/// table lookup), the others constants that the writer never reads.
pub(super) fn unit_parts<'a>(
    catalog: &Catalog,
    codes: impl Iterator<Item = (TokenStream, &'a Status, &'a Code)>,
) -> TokenStream {
    let body = &catalog.body;
    let integer = body.code_type == CodeType::Integer;
    let has_docs = body.path(Part::Docs).is_some();
    let has_title = body.path(Part::Title).is_some();
    let codes: Vec<(TokenStream, &Status, &Code)> = codes.collect();
    // One status: a constant, not a column.
    let one_status = codes
        .first()
        .map(|(_, status, _)| status.status)
        .filter(|first| codes.iter().all(|(_, status, _)| status.status == *first));
    let mut names = Vec::new();
    let mut constants = Vec::new();
    // Text as `&"…"`, which `Parts` holds.
    if integer {
        names.push(quote!(number));
        constants.push(quote!(let code = &"";));
    } else {
        names.push(quote!(code));
        constants.push(quote!(let number = &0;));
    }
    names.push(quote!(message));
    match one_status {
        Some(number) => {
            let number = Literal::u16_unsuffixed(number);
            constants.push(quote!(let status = &#number;));
        }
        None => names.push(quote!(status)),
    }
    if has_docs {
        names.push(quote!(docs));
    } else {
        constants.push(quote!(let docs = ::core::option::Option::None;));
    }
    if has_title {
        names.push(quote!(title));
    } else {
        constants.push(quote!(let title = &"";));
    }
    let arms = codes.iter().map(|(pattern, status, code)| {
        let mut values = Vec::new();
        if integer {
            let number = Literal::u64_unsuffixed(code.number().unwrap_or_default());
            values.push(quote!(&#number));
        } else {
            let text = code.code.as_str();
            values.push(quote!(&#text));
        }
        let message = code.plain_message();
        let message = message.as_ref();
        values.push(quote!(&#message));
        if one_status.is_none() {
            let number = Literal::u16_unsuffixed(status.status);
            values.push(quote!(&#number));
        }
        if has_docs {
            values.push(code.docs.as_ref().map_or_else(
                || quote!(::core::option::Option::None),
                |url| quote!(::core::option::Option::Some(&#url)),
            ));
        }
        if has_title {
            let title = code.title_in(status);
            values.push(quote!(&#title));
        }
        quote!(#pattern => (#(#values,)*),)
    });
    quote! {
        let (#(#names,)*) = match *self {
            #(#arms)*
        };
        #(#constants)*
    }
}
