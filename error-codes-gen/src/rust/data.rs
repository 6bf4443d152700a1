//! The data errors carry, in Rust: param types as Rust types, the derives
//! they allow, the structs of `types:`, and how `details` are written and
//! read through `::error_codes::__private`'s generic pieces (so the
//! expansion names each member once, and users' builds need no
//! `serde_derive`).

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::doc::{doc_attributes, markdown_text};
use super::{Shape, derives, ident};
use crate::schema::Json;
use crate::{Catalog, Param, Type, TypeDef};

/// A param's or field's Rust name, `r#type` for a keyword (the loader
/// refuses the few that cannot be raw).
pub(super) fn field_ident(param: &Param) -> Ident {
    if crate::load::needs_raw(&param.field) {
        Ident::new_raw(&param.field, Span::call_site())
    } else {
        ident(&param.field)
    }
}

/// The binding generated code gives the value of the `index`th field, so
/// that no field's name can shadow the function's own names (`serializer`,
/// `details`).
pub(super) fn binding(index: usize) -> Ident {
    ident(&format!("v{index}"))
}

/// The Rust type of a value of `ty`.
pub(super) fn rust_type(ty: &Type) -> TokenStream {
    match ty {
        Type::String => quote!(::std::string::String),
        Type::Integer => quote!(i64),
        Type::Number => quote!(f64),
        Type::Boolean => quote!(bool),
        Type::List(item) => {
            let item = rust_type(item);
            quote!(::std::vec::Vec<#item>)
        }
        Type::Named(name) => {
            let name = ident(name);
            quote!(#name)
        }
    }
}

/// The Rust type of a param or field: `Option` of its type when optional.
pub(super) fn field_type(param: &Param) -> TokenStream {
    let ty = rust_type(&param.ty);
    if param.optional {
        quote!(::core::option::Option<#ty>)
    } else {
        ty
    }
}

/// The derives a value of `ty` allows. `seen` holds the types of `types:`
/// being looked into, so that a type that holds itself (through a list)
/// ends the walk.
fn type_shape(catalog: &Catalog, ty: &Type, seen: &mut Vec<String>) -> Shape {
    match ty {
        Type::Integer | Type::Boolean => Shape::UNIT,
        Type::Number => Shape {
            copy: true,
            eq: false,
        },
        Type::String => Shape {
            copy: false,
            eq: true,
        },
        Type::List(item) => Shape {
            copy: false,
            eq: type_shape(catalog, item, seen).eq,
        },
        Type::Named(name) => {
            let mut eq = true;
            if !seen.contains(name) {
                seen.push(name.clone());
                if let Some(def) = catalog.type_def(name) {
                    eq = def
                        .fields
                        .iter()
                        .all(|field| type_shape(catalog, &field.ty, seen).eq);
                }
                seen.pop();
            }
            // The structs of `types:` are never `Copy`.
            Shape { copy: false, eq }
        }
    }
}

/// The derives a value with `params` allows.
pub(super) fn params_shape(catalog: &Catalog, params: &[Param]) -> Shape {
    params.iter().fold(Shape::UNIT, |shape, param| {
        shape.and(type_shape(catalog, &param.ty, &mut Vec::new()))
    })
}

/// Whether writing a value of `ty` must check that its numbers are finite:
/// a `number`, or a list of them. A type of `types:` checks its own fields.
fn has_numbers(ty: &Type) -> bool {
    match ty {
        Type::Number => true,
        Type::List(item) => has_numbers(item),
        _ => false,
    }
}

/// The doc of a param or field: its description, else its name and type.
fn member_doc(param: &Param, what: &str) -> TokenStream {
    let text = match &param.description {
        Some(description) => markdown_text(description),
        None => format!(
            "The {what} `{}`: {}.",
            param.name,
            markdown_text(&type_words(&param.ty))
        ),
    };
    let optional = param
        .optional
        .then_some("\n\nOptional: absent values are not sent.");
    doc_attributes(&format!("{text}{}", optional.unwrap_or_default()))
}

/// A type in words, for docs: `an integer`, `a list of FieldViolation`.
fn type_words(ty: &Type) -> String {
    match ty {
        Type::String => "a string".to_owned(),
        Type::Integer => "an integer".to_owned(),
        Type::Number => "a number".to_owned(),
        Type::Boolean => "a boolean".to_owned(),
        Type::List(item) => format!("a list of {}", plural(item)),
        Type::Named(name) => format!("a {name}"),
    }
}

fn plural(ty: &Type) -> String {
    match ty {
        Type::String => "strings".to_owned(),
        Type::Integer => "integers".to_owned(),
        Type::Number => "numbers".to_owned(),
        Type::Boolean => "booleans".to_owned(),
        Type::List(item) => format!("lists of {}", plural(item)),
        Type::Named(name) => name.clone(),
    }
}

/// The fields of a struct variant or struct, each with its doc.
pub(super) fn fields(params: &[Param], what: &str, public: bool) -> TokenStream {
    let visibility = public.then(|| quote!(pub));
    let fields = params.iter().map(|param| {
        let doc = member_doc(param, what);
        let name = field_ident(param);
        let ty = field_type(param);
        quote! {
            #doc
            #visibility #name: #ty
        }
    });
    quote!(#(#fields,)*)
}

/// The `Object((Entry(..), (OptEntry(..), ())))` that writes `params`,
/// whose values are the references `values` (in the same order). `label`
/// names a param in the error of a number that is not finite.
pub(super) fn object(
    params: &[Param],
    values: &[TokenStream],
    label: impl Fn(&Param) -> String,
) -> TokenStream {
    let entries = entries(params, values, label);
    quote!(::error_codes::__private::Object(#entries))
}

/// The members of [`object`], `(Entry(..), (OptEntry(..), ()))`, as a
/// declared layout writes them, in an object of their own or spread into
/// one.
pub(super) fn entries(
    params: &[Param],
    values: &[TokenStream],
    label: impl Fn(&Param) -> String,
) -> TokenStream {
    let mut entries = quote!(());
    for (param, value) in params.iter().zip(values).rev() {
        let name = &param.name;
        let written = if has_numbers(&param.ty) {
            let label = label(param);
            if param.optional {
                let item = quote!(item);
                quote!(::error_codes::__private::OptEntry(#name, ::core::option::Option::as_ref(#value).map(|#item| ::error_codes::__private::Finite(#label, #item))))
            } else {
                quote!(::error_codes::__private::Entry(#name, ::error_codes::__private::Finite(#label, #value)))
            }
        } else if param.optional {
            quote!(::error_codes::__private::OptEntry(#name, ::core::option::Option::as_ref(#value)))
        } else {
            quote!(::error_codes::__private::Entry(#name, #value))
        };
        entries = quote!((#written, #entries));
    }
    entries
}

/// The statement that reads an object of `params` from `deserializer` into
/// the bindings `v0`, `v1`, …: `let (v0, (v1, ())) = read_object(..)?;`.
pub(super) fn read_object(
    params: &[Param],
    deserializer: &TokenStream,
    expecting: &str,
) -> TokenStream {
    let mut pattern = quote!(());
    let mut slots = quote!(());
    for (index, param) in params.iter().enumerate().rev() {
        let binding = binding(index);
        let ty = rust_type(&param.ty);
        let slot = if param.optional {
            quote!(::error_codes::__private::Optional<#ty>)
        } else {
            quote!(::error_codes::__private::Required<#ty>)
        };
        pattern = quote!((#binding, #pattern));
        slots = quote!((#slot, #slots));
    }
    let names: Vec<&String> = params.iter().map(|param| &param.name).collect();
    // A `match` on the member's name, which rustc compiles to comparisons
    // of known lengths, rather than a search through `names`.
    let keys = names
        .iter()
        .map(|name| Literal::byte_string(name.as_bytes()));
    let indices = (0..params.len()).map(Literal::usize_unsuffixed);
    quote! {
        let #pattern = ::error_codes::__private::read_object::<_, #slots, _>(
            #deserializer,
            &[#(#names),*],
            |name| match name {
                #(#keys => ::core::option::Option::Some(#indices),)*
                _ => ::core::option::Option::None,
            },
            #expecting,
        )?;
    }
}

/// `name: v0, other: v1`: the fields of `params` from their bindings.
pub(super) fn from_bindings(params: &[Param]) -> TokenStream {
    let fields = params.iter().enumerate().map(|(index, param)| {
        let name = field_ident(param);
        let binding = binding(index);
        quote!(#name: #binding)
    });
    quote!(#(#fields),*)
}

/// `name: ref v0, other: ref v1`: a pattern binding every field of `params`
/// by reference.
pub(super) fn ref_bindings(params: &[Param]) -> TokenStream {
    let fields = params.iter().enumerate().map(|(index, param)| {
        let name = field_ident(param);
        let binding = binding(index);
        quote!(#name: ref #binding)
    });
    quote!(#(#fields),*)
}

/// A struct of `types:`: pub fields, the derives its fields allow, and serde
/// both ways as a JSON object of its fields.
pub(super) fn type_def(catalog: &Catalog, def: &TypeDef) -> TokenStream {
    let name = ident(&def.name);
    let doc = match &def.description {
        Some(description) => markdown_text(description),
        None => format!("The type `{}` of the catalogue's error details.", def.name),
    };
    let doc = doc_attributes(&format!(
        "{doc}\n\nSent as a JSON object of its fields; an absent optional field is left out."
    ));
    let shape = params_shape(catalog, &def.fields);
    // A struct is never `Copy`: a field added later would take it away.
    let derives = derives(Shape {
        copy: false,
        eq: shape.eq,
    });
    let fields = fields(&def.fields, "field", true);
    let values: Vec<TokenStream> = def
        .fields
        .iter()
        .map(|field| {
            let field = field_ident(field);
            quote!(&self.#field)
        })
        .collect();
    let object = object(&def.fields, &values, |field| {
        format!("field `{}` of `{}`", field.name, def.name)
    });
    let read = read_object(
        &def.fields,
        &quote!(deserializer),
        &format!("an object of type {}", def.name),
    );
    let from_bindings = from_bindings(&def.fields);
    let schema = crate::schema::object_schema(&def.fields, def.description.as_deref()).to_json();
    quote! {
        #doc
        #derives
        pub struct #name {
            #fields
        }

        /// As a JSON object of its fields.
        impl ::error_codes::__private::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::error_codes::__private::serde::Serializer,
            {
                ::error_codes::__private::serde::Serialize::serialize(&#object, serializer)
            }
        }

        /// From a JSON object of its fields, in any order; other members are
        /// ignored.
        impl<'de> ::error_codes::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::error_codes::__private::serde::Deserializer<'de>,
            {
                #read
                ::core::result::Result::Ok(Self { #from_bindings })
            }
        }

        ::error_codes::__private::frameworks::impl_schema! {
            type: #name,
            schema: #schema,
        }
    }
}

/// An expression of `ty` holding the example `value` (from
/// [`crate::schema::example_details`]), for the example values the
/// framework hook documents.
pub(super) fn example(catalog: &Catalog, ty: &Type, value: &Json) -> TokenStream {
    match (ty, value) {
        (Type::String, Json::String(text)) => quote!(::std::string::String::from(#text)),
        (Type::Integer, Json::Integer(number)) => {
            let number = Literal::i64_unsuffixed(*number);
            quote!(#number)
        }
        (Type::Number, Json::Number(number)) => {
            let number = Literal::f64_unsuffixed(*number);
            quote!(#number)
        }
        #[allow(clippy::cast_precision_loss, reason = "an example, as YAML wrote it")]
        (Type::Number, Json::Integer(number)) => {
            let number = Literal::f64_unsuffixed(*number as f64);
            quote!(#number)
        }
        (Type::Boolean, Json::Bool(value)) => quote!(#value),
        (Type::List(item), Json::Array(items)) => {
            let items = items.iter().map(|value| example(catalog, item, value));
            quote!(::std::vec![#(#items),*])
        }
        (Type::Named(name), Json::Object(members)) => {
            let fields = catalog
                .type_def(name)
                .map(|def| example_fields(catalog, &def.fields, members))
                .unwrap_or_default();
            let name = ident(name);
            quote!(#name { #fields })
        }
        // The loader checks examples against their types, and the schema
        // module makes values of the right type; an empty value of the
        // type keeps the expansion well-formed all the same.
        _ => quote!(::core::default::Default::default()),
    }
}

/// `name: value, …` for `params` from the members of an example object; an
/// optional param without a member is `None`.
pub(super) fn example_fields(
    catalog: &Catalog,
    params: &[Param],
    members: &[(String, Json)],
) -> TokenStream {
    let fields = params.iter().map(|param| {
        let name = field_ident(param);
        let member = members.iter().find(|(member, _)| *member == param.name);
        let value = if let Some((_, value)) = member {
            let value = example(catalog, &param.ty, value);
            if param.optional {
                quote!(::core::option::Option::Some(#value))
            } else {
                value
            }
        } else {
            quote!(::core::option::Option::None)
        };
        quote!(#name: #value)
    });
    quote!(#(#fields),*)
}
