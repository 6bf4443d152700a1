//! The calls of the runtime's web framework hook,
//! `::error_codes::__private::frameworks::impl_frameworks!`: every one that
//! generated code makes, the catalogue's enums' and the derive's (through
//! [`derived_frameworks`]), is written here.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::status_line;
use crate::{Catalog, Status, reason_phrase, schema};

/// The web framework impls (`IntoResponse`, `ResponseError`, `IntoResponses`):
/// a call to the runtime's hook, which expands to the impls of the features
/// `error-codes` was built with, or to nothing. `statuses` are those of the
/// type's values, for what their `OpenAPI` responses say and, for the codes
/// that have them, their lifecycle notes.
pub(super) fn frameworks_hook(catalog: &Catalog, ty: &Ident, statuses: &[&Status]) -> TokenStream {
    let docs = statuses
        .iter()
        .map(|status| (status.status, status.response_description()));
    hook_call(
        ty,
        &quote!(#ty::ALL),
        docs,
        lifecycle_entries(statuses),
        catalog.has_retry().then(|| advice_entries(statuses)),
        None,
        layout_argument(catalog, ty),
    )
}

/// The hook's `layout:`, for a catalogue that declares its body's layout:
/// the type's `Decode::LAYOUT`, which the impls send and document bodies
/// in. Other catalogues pass none, so that their calls read as they did
/// before layouts existed.
fn layout_argument(catalog: &Catalog, ty: &Ident) -> Option<TokenStream> {
    catalog
        .body
        .is_declared()
        .then(|| quote!(<#ty as ::error_codes::__private::Decode>::LAYOUT))
}

/// The `{ code, advice }` entries of every code of `statuses`: passed only
/// when the catalogue gives retry advice, so that the documents utoipa
/// builds word each code as `generated/openapi.yaml` does.
fn advice_entries(statuses: &[&Status]) -> Vec<TokenStream> {
    statuses
        .iter()
        .flat_map(|status| &status.codes)
        .map(|code| {
            let (name, advice) = (&code.code, code.retry.advice());
            quote!({ code: #name, advice: #advice })
        })
        .collect()
}

/// The `{ code, deprecated, notes }` entries of the codes of `statuses` that
/// have lifecycle notes.
fn lifecycle_entries<'a>(statuses: &'a [&Status]) -> impl Iterator<Item = TokenStream> + 'a {
    statuses
        .iter()
        .flat_map(|status| &status.codes)
        .filter_map(|code| {
            let notes = code.lifecycle_notes()?;
            let (name, deprecated) = (&code.code, code.deprecated.is_some());
            Some(quote!({ code: #name, deprecated: #deprecated, notes: #notes }))
        })
}

/// The hook's call for an enum with param codes, whose values carry data:
/// `values` are the codes' example values (an expression the hook
/// evaluates when utoipa asks for the responses), and `details` gives each
/// param code's `details` schema as JSON text, from [`crate::schema`], as
/// `generated/openapi.yaml` has it. With `details`, the hook sends each
/// value as serde writes it (`details` included).
pub(super) fn frameworks_hook_with_details(
    catalog: &Catalog,
    ty: &Ident,
    statuses: &[&Status],
    values: &TokenStream,
) -> TokenStream {
    let docs = statuses
        .iter()
        .map(|status| (status.status, status.response_description()));
    let details: Vec<TokenStream> = statuses
        .iter()
        .flat_map(|status| &status.codes)
        .filter(|code| !code.params.is_empty())
        .map(|code| {
            let name = &code.code;
            let schema = schema::object_schema(&code.params, None).to_json();
            quote!({ code: #name, schema: #schema })
        })
        .collect();
    let advice = catalog.has_retry().then(|| advice_entries(statuses));
    hook_call(
        ty,
        values,
        docs,
        lifecycle_entries(statuses),
        advice,
        Some(details),
        layout_argument(catalog, ty),
    )
}

/// The web framework impls of a type written by hand with
/// `#[derive(ErrorCode)]`: what [`emit`](super::emit) gives a catalogue's enums, for the
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
    hook_call(ty, values, docs, std::iter::empty(), None, None, None)
}

/// The call of the runtime's framework hook: the type, its values, what each
/// of its statuses' responses says, the `{ code, deprecated, notes }`
/// entries of its codes with lifecycle notes, the `{ code, advice }` entries
/// of its codes when the catalogue gives retry advice, and, for an enum with param
/// codes, the `{ code, schema }` entries of its `details:` (an argument
/// that only such enums pass, so that the calls of every other type read as
/// they did before params existed), and the `layout:` of a catalogue that
/// declares one.
fn hook_call(
    ty: &Ident,
    values: &TokenStream,
    statuses: impl Iterator<Item = (u16, String)>,
    codes: impl Iterator<Item = TokenStream>,
    advice: Option<Vec<TokenStream>>,
    details: Option<Vec<TokenStream>>,
    layout: Option<TokenStream>,
) -> TokenStream {
    let statuses = statuses.map(|(status, description)| {
        let status = Literal::u16_unsuffixed(status);
        quote!({ status: #status, description: #description })
    });
    let advice = advice.map(|advice| quote!(advice: [#(#advice),*],));
    let details = details.map(|details| quote!(details: [#(#details),*],));
    let layout = layout.map(|layout| quote!(layout: #layout,));
    quote! {
        ::error_codes::__private::frameworks::impl_frameworks! {
            type: #ty,
            values: #values,
            statuses: [#(#statuses),*],
            codes: [#(#codes),*],
            #advice
            #details
            #layout
        }
    }
}
