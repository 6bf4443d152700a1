//! `#[derive(ErrorCode)]`: parse the enum, validate it while collecting every
//! problem (so one build reports them all, like `serde_derive`), then emit the
//! `ErrorCode`, `Display` and `Error` impls.

use std::collections::HashMap;

use heck::ToSnakeCase as _;
use proc_macro2::{Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Lit, Token};

/// The attribute this derive reads, on every variant.
const ATTRIBUTE: &str = "error_code";

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    match parse(&input) {
        Ok(variants) => emit(&input.ident, &variants),
        Err(error) => {
            // Still implement the traits, so the user sees only the real
            // problems and not a cascade of "ErrorCode is not implemented".
            let mut tokens = error.into_compile_error();
            tokens.extend(fallback(&input));
            tokens
        }
    }
}

/// One validated variant.
struct Variant<'a> {
    ident: &'a Ident,
    code: String,
    message: String,
    status: u16,
    /// `retry = "..."`: `Retry::Never` unless it says `backoff`.
    backoff: bool,
}

/// Collects errors instead of stopping at the first one.
#[derive(Default)]
struct Errors(Vec<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    fn spanned(&mut self, tokens: impl ToTokens, message: impl std::fmt::Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    fn finish<T>(self, value: T) -> syn::Result<T> {
        let mut errors = self.0.into_iter();
        match errors.next() {
            None => Ok(value),
            Some(mut first) => {
                for error in errors {
                    first.combine(error);
                }
                Err(first)
            }
        }
    }
}

fn parse(input: &DeriveInput) -> syn::Result<Vec<Variant<'_>>> {
    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(data) => {
            // A keyword is one token: its span is all `new_spanned` would give.
            return Err(syn::Error::new(
                data.struct_token.span,
                "#[derive(ErrorCode)] supports enums only: each unit variant is one error code",
            ));
        }
        Data::Union(data) => {
            return Err(syn::Error::new(
                data.union_token.span,
                "#[derive(ErrorCode)] supports enums only: each unit variant is one error code",
            ));
        }
    };

    let mut errors = Errors::default();
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        errors.spanned(
            &input.generics,
            "#[derive(ErrorCode)] does not support generic enums: unit variants carry no data \
             that could use the parameters",
        );
    }
    for attr in input.attrs.iter().filter(|attr| is_ours(attr)) {
        errors.spanned(
            attr,
            "#[error_code(...)] belongs on each variant, not on the enum",
        );
    }

    let mut variants = Vec::with_capacity(data.variants.len());
    // Where each code was first seen: the variant, for the message.
    let mut seen_codes: HashMap<String, &Ident> = HashMap::new();
    for variant in &data.variants {
        let parsed = parse_variant(&variant.ident, &variant.attrs, &mut errors);
        // Checked even when the status or message is broken, so a build
        // reports all problems at once.
        if let Some((code, span)) = parsed.as_ref().and_then(|parsed| parsed.code.as_ref()) {
            match seen_codes.get(code) {
                Some(first) => errors.push(syn::Error::new(
                    *span,
                    format_args!(
                        "duplicate error code `{code}`: variant `{first}` already uses it"
                    ),
                )),
                None => {
                    seen_codes.insert(code.clone(), &variant.ident);
                }
            }
        }
        // Reported after the attribute's problems: source order.
        if !matches!(variant.fields, Fields::Unit) {
            errors.spanned(
                &variant.fields,
                format_args!(
                    "variant `{}` has fields; #[derive(ErrorCode)] supports unit variants only",
                    variant.ident
                ),
            );
        }
        let Some(parsed) = parsed else {
            continue;
        };
        if let (Some((code, _)), Some(message), Some(status)) =
            (parsed.code, parsed.message, parsed.status)
        {
            variants.push(Variant {
                ident: &variant.ident,
                code,
                message,
                status,
                backoff: parsed.backoff,
            });
        }
    }
    errors.finish(variants)
}

/// `serde::rename`, not `serde :: rename` as the token printer has it.
fn display_path(path: &syn::Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    segments.join("::")
}

fn is_ours(attr: &Attribute) -> bool {
    attr.path().is_ident(ATTRIBUTE)
}

/// What a variant's `#[error_code(...)]` said; `None` for a setting that is
/// missing or invalid (and reported).
#[derive(Default)]
struct Settings {
    status: Option<u16>,
    /// The code, with the span of its literal or of the variant name it
    /// defaults to, for duplicate reports.
    code: Option<(String, Span)>,
    message: Option<String>,
    /// `retry = "backoff"`.
    backoff: bool,
}

/// Reads every `#[error_code(...)]` on one variant; `None` when it has none
/// (reported).
fn parse_variant(ident: &Ident, attrs: &[Attribute], errors: &mut Errors) -> Option<Settings> {
    let ours: Vec<&Attribute> = attrs.iter().filter(|attr| is_ours(attr)).collect();
    let Some(first) = ours.first() else {
        errors.spanned(
            ident,
            format_args!("variant `{ident}` needs #[error_code(status = ..., message = \"...\")]"),
        );
        return None;
    };

    let mut settings = Settings::default();
    let mut seen_keys: Vec<String> = Vec::new();
    let mut complete = true;
    for attr in &ours {
        let parsed = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string);
            let Some(key @ ("status" | "code" | "message" | "retry")) = key.as_deref() else {
                errors.spanned(
                    &meta.path,
                    format_args!(
                        "unknown key `{}` in #[error_code(...)]; \
                         expected `status`, `code`, `message` or `retry`",
                        display_path(&meta.path)
                    ),
                );
                return skip_value(meta.input);
            };
            if seen_keys.iter().any(|seen| seen == key) {
                errors.spanned(
                    &meta.path,
                    format_args!("duplicate key `{key}` in #[error_code(...)] of `{ident}`"),
                );
                return skip_value(meta.input);
            }
            seen_keys.push(key.to_owned());
            match key {
                "status" => settings.status = parse_status(&meta, errors)?,
                "code" => {
                    settings.code = parse_text(&meta, "code", errors)?.filter(|(code, span)| {
                        let problem = spacing_in_code(code);
                        problem
                            .inspect(|problem| errors.push(syn::Error::new(*span, problem)))
                            .is_none()
                    });
                }
                "retry" => settings.backoff = parse_retry(&meta, errors)?,
                _ => settings.message = parse_text(&meta, "message", errors)?.map(|(text, _)| text),
            }
            Ok(())
        });
        if let Err(error) = parsed {
            // Malformed syntax: what follows in this attribute was not read,
            // so "missing key" reports would be noise.
            errors.push(error);
            complete = false;
        }
    }

    // A key present with a bad value is in `seen_keys` but not in `settings`:
    // it was reported already, so it does not count as missing.
    let missing = |key: &str| complete && !seen_keys.iter().any(|seen| seen == key);
    if missing("status") {
        errors.spanned(
            first.path(),
            format_args!("missing `status = ...` (an HTTP status, 400–599) for `{ident}`"),
        );
    }
    if missing("message") {
        errors.spanned(
            first.path(),
            format_args!("missing `message = \"...\"` for `{ident}`"),
        );
    }

    if !seen_keys.iter().any(|seen| seen == "code") {
        settings.code = Some((ident.unraw().to_string().to_snake_case(), ident.span()));
    }
    Some(settings)
}

/// Why `code` cannot be sent as an error code, if it cannot.
///
/// Looser than the catalogue's rule: a hand-written enum's codes stay in Rust,
/// so any code an API really sends (`auth/invalid-email`, `Resource:NotFound`)
/// is allowed; whitespace and control characters are always a mistake.
fn spacing_in_code(code: &str) -> Option<String> {
    let bad = code.chars().find(|c| c.is_whitespace() || c.is_control())?;
    Some(format!(
        "code `{}` contains {bad:?}: a code has no whitespace or control characters",
        code.escape_debug()
    ))
}

/// Steps over an unusable `= value` (or `(...)`) so the keys after it are
/// still checked.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// `status = 404`; `Ok(None)` when the value is not a status (reported in
/// `errors`), `Err` when the syntax is broken.
fn parse_status(meta: &ParseNestedMeta<'_>, errors: &mut Errors) -> syn::Result<Option<u16>> {
    const EXPECTED: &str = "expected an integer HTTP status such as `status = 404`";
    let Some(value) = parse_literal(meta, EXPECTED, errors)? else {
        return Ok(None);
    };
    let Lit::Int(literal) = value else {
        errors.spanned(value, EXPECTED);
        return Ok(None);
    };
    if !matches!(literal.suffix(), "" | "u16") {
        errors.spanned(
            &literal,
            format_args!("status must be a plain integer such as `404`, found `{literal}`"),
        );
        return Ok(None);
    }
    let status = literal
        .base10_parse::<u16>()
        .ok()
        .filter(|status| error_codes_gen::ERROR_STATUSES.contains(status));
    if status.is_none() {
        errors.spanned(
            &literal,
            format_args!(
                "status must be an HTTP error status between 400 and 599, found `{literal}`"
            ),
        );
    }
    Ok(status)
}

/// `retry = "never"` or `retry = "backoff"`: whether the variant is
/// transient. `after` needs the seconds in a `retry_after` field, which a
/// unit variant cannot have, so it is refused with the reason.
fn parse_retry(meta: &ParseNestedMeta<'_>, errors: &mut Errors) -> syn::Result<bool> {
    const EXPECTED: &str = "expected `retry = \"never\"` or `retry = \"backoff\"`";
    let Some(value) = parse_literal(meta, EXPECTED, errors)? else {
        return Ok(false);
    };
    let Lit::Str(literal) = value else {
        errors.spanned(value, EXPECTED);
        return Ok(false);
    };
    match literal.value().as_str() {
        "never" => Ok(false),
        "backoff" => Ok(true),
        "after" => {
            errors.spanned(
                &literal,
                "`retry = \"after\"` needs the seconds in a `retry_after` field, and \
                 #[derive(ErrorCode)] supports unit variants only; use `never` or `backoff`, \
                 or declare the code in errors.yaml with `retry: after`",
            );
            Ok(false)
        }
        other => {
            errors.spanned(
                &literal,
                format_args!("unknown retry `{}`; {EXPECTED}", other.escape_debug()),
            );
            Ok(false)
        }
    }
}

/// `code = "..."` or `message = "..."`: a non-empty string literal.
fn parse_text(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Errors,
) -> syn::Result<Option<(String, Span)>> {
    let expected = format!("expected a string literal such as `{key} = \"...\"`");
    let Some(value) = parse_literal(meta, &expected, errors)? else {
        return Ok(None);
    };
    let Lit::Str(literal) = value else {
        errors.spanned(value, expected);
        return Ok(None);
    };
    let text = literal.value();
    if text.trim().is_empty() {
        errors.spanned(&literal, format_args!("`{key}` must not be empty"));
        return Ok(None);
    }
    if let Some(problem) = error_codes_gen::hidden_character_problem(&text) {
        errors.spanned(&literal, format_args!("`{key}` contains {problem}"));
        return Ok(None);
    }
    Ok(Some((text, literal.span())))
}

/// The literal after `key =`. Anything else up to the next comma (a constant,
/// `-404`, a macro call) is reported as `expected` and skipped, so the keys
/// after it are still checked.
fn parse_literal(
    meta: &ParseNestedMeta<'_>,
    expected: &str,
    errors: &mut Errors,
) -> syn::Result<Option<Lit>> {
    let input = meta.value()?;
    if input.peek(Lit) && (input.peek2(Token![,]) || input.peek2(syn::parse::End)) {
        return input.parse().map(Some);
    }
    if input.peek(Lit) && input.peek2(Token![;]) {
        // A mistyped separator: the keys after it were not read, so this is
        // a syntax error rather than a bad value followed by missing keys.
        input.parse::<Lit>()?;
        return Err(input.error("expected `,` or the end of the attribute, found `;`"));
    }
    let mut value = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        value.extend([input.parse::<TokenTree>()?]);
    }
    if value.is_empty() {
        return Err(input.error(expected));
    }
    errors.spanned(value, expected);
    Ok(None)
}

fn emit(name: &Ident, variants: &[Variant<'_>]) -> TokenStream {
    let code = arms(variants, |variant| variant.code.to_token_stream());
    let message = arms(variants, |variant| variant.message.to_token_stream());
    // An uninhabited enum's match is the whole body: wrapped, it would be
    // an unreachable call.
    let message = if variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(::std::borrow::Cow::Borrowed(match *self { #message }))
    };
    let status = arms(variants, |variant| {
        Literal::u16_unsuffixed(variant.status).into_token_stream()
    });
    // `retry` only when a variant says `backoff`; the trait's default is
    // `Retry::Never`.
    let retry = variants.iter().any(|variant| variant.backoff).then(|| {
        let arms = arms(variants, |variant| {
            if variant.backoff {
                quote!(::error_codes::Retry::Backoff)
            } else {
                quote!(::error_codes::Retry::Never)
            }
        });
        quote! {
            fn retry(&self) -> ::error_codes::Retry {
                match *self { #arms }
            }
        }
    });
    let values = variants.iter().map(|variant| variant.ident);
    let mut statuses: Vec<u16> = Vec::new();
    for variant in variants {
        if !statuses.contains(&variant.status) {
            statuses.push(variant.status);
        }
    }
    // The web framework impls of the features `error-codes` was built with.
    let frameworks =
        error_codes_gen::rust::derived_frameworks(name, &quote!(&[#(#name::#values),*]), &statuses);
    quote! {
        #[automatically_derived]
        impl ::error_codes::ErrorCode for #name {
            fn code(&self) -> &'static str {
                match *self { #code }
            }

            fn message(&self) -> ::std::borrow::Cow<'static, str> {
                #message
            }

            fn status(&self) -> u16 {
                match *self { #status }
            }

            #retry
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                // `pad`, not `write_str`, so `{:>20}` and friends work as for `str`.
                f.pad(&<Self as ::error_codes::ErrorCode>::message(self))
            }
        }

        #[automatically_derived]
        impl ::core::error::Error for #name {}

        #frameworks
    }
}

/// Match arms yielding `value` for each variant. Variants with the same value
/// share one arm (`Self::A | Self::B => 404`), which is also what keeps
/// `clippy::match_same_arms` quiet in the user's crate.
fn arms(variants: &[Variant<'_>], value: impl Fn(&Variant<'_>) -> TokenStream) -> TokenStream {
    let mut groups: Vec<(String, TokenStream, Vec<&Ident>)> = Vec::new();
    for variant in variants {
        let tokens = value(variant);
        let key = tokens.to_string();
        match groups.iter_mut().find(|(seen, _, _)| *seen == key) {
            Some((_, _, idents)) => idents.push(variant.ident),
            None => groups.push((key, tokens, vec![variant.ident])),
        }
    }
    groups
        .into_iter()
        .map(|(_, tokens, idents)| quote!(#(Self::#idents)|* => #tokens,))
        .collect()
}

/// Impls with no real body, emitted next to the compile errors.
fn fallback(input: &DeriveInput) -> TokenStream {
    let name = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let mut tokens = quote! {
        #[automatically_derived]
        impl #impl_generics ::error_codes::ErrorCode for #name #type_generics #where_clause {
            fn code(&self) -> &'static str {
                ::core::unreachable!()
            }

            fn message(&self) -> ::std::borrow::Cow<'static, str> {
                ::core::unreachable!()
            }

            fn status(&self) -> u16 {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #name #type_generics #where_clause {
            fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }
    };
    // `Error` needs `Debug`; only an enum was meant to get it, and a struct
    // without `Debug` would otherwise show an error unrelated to the mistake.
    if matches!(input.data, Data::Enum(_)) {
        tokens.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #name #type_generics #where_clause {}
        });
        // Handlers that return the type need the framework traits too. The
        // hook takes a plain type, and generic enums are refused anyway.
        if input.generics.params.is_empty() {
            tokens.extend(error_codes_gen::rust::derived_frameworks(
                name,
                &quote!(&[]),
                &[],
            ));
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    //! The derive on generated enums, valid or not (`error_codes_tests::fuzz`):
    //! it never panics, its output always parses as items, a flawed enum gets
    //! a compile error, and a valid one gets exactly the codes, messages and
    //! statuses written. `tests/tests/fuzz.rs` compiles a sample of them.

    use error_codes_tests::fuzz;
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;

    /// `variant → literal` for `fn function` of the `ErrorCode` impl.
    fn arms(file: &syn::File, function: &str) -> Vec<(String, syn::Lit)> {
        let mut arms = Vec::new();
        for item in &file.items {
            let syn::Item::Impl(item) = item else {
                continue;
            };
            let Some((path, _)) = &item.trait_ else {
                continue;
            };
            if path.segments.last().unwrap().ident != "ErrorCode" {
                continue;
            }
            for item in &item.items {
                let syn::ImplItem::Fn(f) = item else { continue };
                if f.sig.ident != function {
                    continue;
                }
                let matched = match f.block.stmts.last() {
                    Some(syn::Stmt::Expr(syn::Expr::Match(matched), None)) => matched,
                    // `message`: `Cow::Borrowed(match *self { .. })`.
                    Some(syn::Stmt::Expr(syn::Expr::Call(call), None)) => match call.args.first() {
                        Some(syn::Expr::Match(matched)) => matched,
                        _ => panic!("{function} is not one match"),
                    },
                    _ => panic!("{function} is not one match"),
                };
                for arm in &matched.arms {
                    let syn::Expr::Lit(literal) = &*arm.body else {
                        panic!("an arm of {function} is not a literal");
                    };
                    let patterns: Vec<&syn::Pat> = match &arm.pat {
                        syn::Pat::Or(or) => or.cases.iter().collect(),
                        pattern => vec![pattern],
                    };
                    for pattern in patterns {
                        let syn::Pat::Path(path) = pattern else {
                            panic!("an arm of {function} is not `Self::Variant`");
                        };
                        let variant = path.path.segments.last().unwrap().ident.to_string();
                        arms.push((variant, literal.lit.clone()));
                    }
                }
            }
        }
        arms.sort_by(|a, b| a.0.cmp(&b.0));
        arms
    }

    #[test]
    fn generated_enums() {
        let mut runner = TestRunner::new(fuzz::config(2000));
        let result = runner.run(&fuzz::derive_enum(), |case| {
            let input: proc_macro2::TokenStream = case.source.parse().expect("the source lexes");
            let output = super::expand(input);
            let file: syn::File = syn::parse2(output.clone())
                .map_err(|error| TestCaseError::fail(format!("output does not parse: {error}")))?;
            let refused = output.to_string().contains("compile_error");
            let Some(expected) = case.expected else {
                prop_assert!(refused, "a flawed enum was accepted:\n{}", case.source);
                return Ok(());
            };
            prop_assert!(
                !refused,
                "a valid enum was refused:\n{}\n{}",
                case.source,
                output
            );
            let mut variants: Vec<_> = expected.iter().collect();
            variants.sort_by(|a, b| a.0.cmp(&b.0));
            let text = |lit: &syn::Lit| match lit {
                syn::Lit::Str(lit) => lit.value(),
                syn::Lit::Int(lit) => lit.base10_digits().to_owned(),
                other => panic!("unexpected literal {}", quote::quote!(#other)),
            };
            let (codes, messages, statuses) = (
                arms(&file, "code"),
                arms(&file, "message"),
                arms(&file, "status"),
            );
            // Every function has an arm for every variant, and no other.
            for arms in [&codes, &messages, &statuses] {
                prop_assert_eq!(arms.len(), variants.len());
            }
            for (((variant, code, message, status), got_code), (got_message, got_status)) in
                variants
                    .iter()
                    .zip(&codes)
                    .zip(messages.iter().zip(&statuses))
            {
                prop_assert_eq!(variant, &got_code.0);
                prop_assert_eq!(variant, &got_message.0);
                prop_assert_eq!(variant, &got_status.0);
                prop_assert_eq!(code, &text(&got_code.1));
                prop_assert_eq!(message, &text(&got_message.1));
                prop_assert_eq!(status.to_string(), text(&got_status.1));
            }
            Ok(())
        });
        if let Err(failure) = result {
            panic!("{failure}\n(FUZZ_SEED={:#x})", fuzz::seed());
        }
    }
}
