//! How bodies become values of the enums that carry data: their hidden
//! `::error_codes::__private::Decode` impl (a code's index in `CODES`, from
//! the same compile-time hash table `from_code` reads, then the value of a
//! code without params or the reader of one's details) and the strict
//! `Deserialize` impl over it.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::data;
use super::{allow_deprecated, ident, layout, lookup_slots};
use crate::{Catalog, Status};

/// The `Decode` and `Deserialize` impls of a group with param codes.
pub(super) fn group(catalog: &Catalog, ty: &Ident, status: &Status) -> TokenStream {
    let line = status.line();
    impl_for(
        &Layout::of(catalog, false),
        ty,
        allow_deprecated(status.codes.iter()).as_ref(),
        status.codes.iter().map(|code| code.code.as_str()),
        &quote!(::error_codes::UnknownCode::for_status(code, #line)),
        status.codes.iter().enumerate().map(|(index, code)| {
            let variant = ident(&code.name);
            let lookup = if code.params.is_empty() {
                Some(quote!(Self::#variant))
            } else {
                None
            };
            let details = (!code.params.is_empty()).then(|| {
                let read = data::read_object(
                    &code.params,
                    &quote!(details),
                    &format!("the details of `{}`", code.code),
                );
                let fields = data::from_bindings(&code.params);
                quote! {{
                    #read
                    ::core::result::Result::Ok(Self::#variant { #fields })
                }}
            });
            (index, lookup, details)
        }),
    )
}

/// The top-level enum's `Decode`: each code by its index in `CODES`, a
/// value for a code without params, the group's own reader for one with.
pub(super) fn top_level(
    catalog: &Catalog,
    ty: &Ident,
    groups: &[&Status],
    group_tys: &[Ident],
) -> TokenStream {
    // Codes by their index in `CODES`: a value for a code without params,
    // the group's own reader for one with params.
    let mut offset = 0;
    let mut arms = Vec::new();
    for (status, group_ty) in groups.iter().zip(group_tys) {
        for (local, code) in status.codes.iter().enumerate() {
            let variant = ident(&code.name);
            let index = offset + local;
            if code.params.is_empty() {
                arms.push((
                    index,
                    Some(quote!(Self::#group_ty(#group_ty::#variant))),
                    None,
                ));
            } else {
                let local = Literal::usize_unsuffixed(local);
                let read = quote! {
                    <#group_ty as ::error_codes::__private::Decode>::details(#local, details).map(Self::#group_ty)
                };
                arms.push((index, None, Some(read)));
            }
        }
        offset += status.codes.len();
    }
    impl_for(
        &Layout::of(catalog, true),
        ty,
        allow_deprecated(catalog.codes().map(|(_, code)| code)).as_ref(),
        catalog.codes().map(|(_, code)| code.code.as_str()),
        &quote!(::error_codes::UnknownCode::new(code)),
        arms.into_iter(),
    )
}

/// How a type's bodies are laid out, for its `Decode` and `Deserialize`
/// impls: nothing for the default body (the impls read as they did before
/// layouts existed), else the value of `Decode::LAYOUT` and the typed tree
/// that `Deserialize` reads.
struct Layout {
    declared: Option<(TokenStream, TokenStream)>,
    /// Whether codes are sent as JSON numbers.
    integer: bool,
}

impl Layout {
    /// The layout of `catalog` for one of its enums: the top-level enum
    /// holds the `Layout` constant, the groups name it.
    fn of(catalog: &Catalog, top: bool) -> Self {
        let declared = catalog.body.is_declared().then(|| {
            let constant = if top {
                let data = layout::data(&catalog.body);
                quote!(::core::option::Option::Some(#data))
            } else {
                let top = ident(&catalog.name);
                quote!(<#top as ::error_codes::__private::Decode>::LAYOUT)
            };
            (constant, layout::typed(&catalog.body))
        });
        let integer = declared.is_some() && catalog.body.code_type == crate::CodeType::Integer;
        Self { declared, integer }
    }

    /// `lookup_number`, for a layout with integer codes: a `match` on the
    /// number (rather than its digits looked up as text), each code's
    /// number with its `Lookup`. `unknown` is the error of an unknown code,
    /// named `code` as text.
    fn lookup_number<'a>(
        &self,
        codes: impl Iterator<Item = (&'a str, TokenStream)>,
        unknown: &TokenStream,
    ) -> Option<TokenStream> {
        if !self.integer {
            return None;
        }
        // The loader checked that every code is a decimal integer that fits.
        let arms = codes.map(|(code, lookup)| {
            let number = Literal::u64_unsuffixed(code.parse().unwrap_or_default());
            quote!(#number => ::core::result::Result::Ok(#lookup),)
        });
        Some(quote! {
            fn lookup_number(
                code: u64,
            ) -> ::core::result::Result<::error_codes::__private::Lookup<Self>, ::error_codes::UnknownCode> {
                match code {
                    #(#arms)*
                    _ => {
                        let code = &::std::string::ToString::to_string(&code);
                        ::core::result::Result::Err(#unknown)
                    }
                }
            }
        })
    }

    /// `const LAYOUT`, for a declared layout.
    fn constant(&self) -> Option<TokenStream> {
        self.declared.as_ref().map(|(constant, _)| {
            quote! {
                const LAYOUT: ::core::option::Option<&'static ::error_codes::__private::Layout> = #constant;
            }
        })
    }

    /// The `Deserialize` impl over the `Decode` impl.
    fn deserialize(&self, ty: &Ident) -> TokenStream {
        let (doc, read) = match &self.declared {
            None => (
                quote! {
                    /// From an error response body; any message is accepted (servers may
                    /// localize it). An unknown code is an error, and so are a code's
                    /// details when they are missing or not of its params' types.
                },
                quote!(::error_codes::__private::deserialize_decoded(deserializer)),
            ),
            Some((_, typed)) => (
                quote! {
                    /// From an error response body in the catalogue's layout; any message
                    /// is accepted (servers may localize it). An unknown code is an error,
                    /// and so are a code's details when they are missing or not of its
                    /// params' types.
                },
                quote!(::error_codes::__private::layout::deserialize(&#typed, deserializer)),
            ),
        };
        quote! {
            #doc
            impl<'de> ::error_codes::__private::serde::Deserialize<'de> for #ty {
                fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
                where
                    D: ::error_codes::__private::serde::Deserializer<'de>,
                {
                    #read
                }
            }
        }
    }
}

/// The `Decode` and `Deserialize` impls of an enum without params in a
/// declared layout, a group (whose `status_line` names it in the error of
/// an unknown code) or the top-level enum: codes are looked up with
/// `from_code`, and there are no details to read.
/// `values` are the codes with their values, for `lookup_number`, which
/// names every variant (so `allow` is `#[allow(deprecated)]` when one is).
pub(super) fn plain<'a>(
    catalog: &Catalog,
    ty: &Ident,
    status_line: Option<&str>,
    allow: Option<&TokenStream>,
    values: impl Iterator<Item = (&'a str, TokenStream)>,
) -> TokenStream {
    let layout = Layout::of(catalog, status_line.is_none());
    let constant = layout.constant();
    let unknown = status_line.map_or_else(
        || quote!(::error_codes::UnknownCode::new(code)),
        |line| quote!(::error_codes::UnknownCode::for_status(code, #line)),
    );
    let lookup_number = layout.lookup_number(
        values.map(|(code, value)| {
            (
                code,
                quote!(::error_codes::__private::Lookup::Value(#value)),
            )
        }),
        &unknown,
    );
    let deserialize = layout.deserialize(ty);
    quote! {
        /// Codes read from bodies.
        #allow
        impl ::error_codes::__private::Decode for #ty {
            #constant

            fn lookup(
                code: &str,
            ) -> ::core::result::Result<::error_codes::__private::Lookup<Self>, ::error_codes::UnknownCode> {
                Self::from_code(code)
                    .map(::error_codes::__private::Lookup::Value)
                    .ok_or_else(|| #unknown)
            }

            #lookup_number

            fn details<'de, D>(_: usize, _: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::error_codes::__private::serde::Deserializer<'de>,
            {
                ::core::result::Result::Err(
                    <D::Error as ::error_codes::__private::serde::de::Error>::custom("no details to read"),
                )
            }
        }

        #deserialize
    }
}

/// The hidden `Decode` impl and the `Deserialize` impl over it, for a type
/// whose codes are `codes` (the order of `CODES`). Each entry of `arms` is a
/// code's index with the value of a code without params or the block that
/// reads the details of one with params.
fn impl_for<'a>(
    layout: &Layout,
    ty: &Ident,
    allow: Option<&TokenStream>,
    codes: impl Iterator<Item = &'a str>,
    unknown: &TokenStream,
    arms: impl Iterator<Item = (usize, Option<TokenStream>, Option<TokenStream>)>,
) -> TokenStream {
    let codes: Vec<&str> = codes.collect();
    let slots = lookup_slots(&codes)
        .into_iter()
        .map(Literal::u32_unsuffixed);
    let mut values = Vec::new();
    let mut with_details = Vec::new();
    let mut details = Vec::new();
    let mut numbers = Vec::new();
    for (position, value, read) in arms {
        let index = Literal::usize_unsuffixed(position);
        let code = codes.get(position).copied().unwrap_or_default();
        if let Some(value) = value {
            values.push(quote!(::core::option::Option::Some(#index) => ::core::result::Result::Ok(::error_codes::__private::Lookup::Value(#value)),));
            numbers.push((
                position,
                code,
                quote!(::error_codes::__private::Lookup::Value(#value)),
            ));
        }
        if let Some(read) = read {
            with_details.push(index.clone());
            details.push(quote!(#index => #read,));
            numbers.push((
                position,
                code,
                quote!(::error_codes::__private::Lookup::Details(#index)),
            ));
        }
    }
    // By code, as `CODES` has them: by position, not by searching `codes`
    // for each (which made expansion quadratic in the codes).
    numbers.sort_by_key(|(position, _, _)| *position);
    let lookup_number = layout.lookup_number(
        numbers.into_iter().map(|(_, code, value)| (code, value)),
        unknown,
    );
    // Every enum written here has a code with params.
    let with_details = (!with_details.is_empty()).then(|| {
        quote! {
            ::core::option::Option::Some(index @ (#(#with_details)|*)) => {
                ::core::result::Result::Ok(::error_codes::__private::Lookup::Details(index))
            }
        }
    });
    let constant = layout.constant();
    let deserialize = layout.deserialize(ty);
    quote! {
        /// Codes read from bodies, with their details.
        #allow
        impl ::error_codes::__private::Decode for #ty {
            #constant

            fn lookup(
                code: &str,
            ) -> ::core::result::Result<::error_codes::__private::Lookup<Self>, ::error_codes::UnknownCode> {
                // The same table as `from_code` reads for enums without params.
                const SLOTS: &[u32] = &[#(#slots),*];
                match ::error_codes::__private::lookup_code(code, SLOTS, Self::CODES) {
                    #(#values)*
                    #with_details
                    _ => ::core::result::Result::Err(#unknown),
                }
            }

            #lookup_number

            fn details<'de, D>(index: usize, details: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::error_codes::__private::serde::Deserializer<'de>,
            {
                match index {
                    #(#details)*
                    _ => ::core::result::Result::Err(
                        <D::Error as ::error_codes::__private::serde::de::Error>::custom("no details to read"),
                    ),
                }
            }
        }

        #deserialize
    }
}
