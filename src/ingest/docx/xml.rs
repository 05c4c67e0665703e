//! Small helpers over `quick-xml` events shared by the DOCX part readers.

use quick_xml::XmlVersion;
use quick_xml::events::BytesStart;

/// The value of the attribute with local name `local` (any prefix), entities resolved.
pub(super) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| match a.normalized_value(XmlVersion::Implicit1_0) {
            Ok(v) => v.into_owned(),
            Err(_) => a.value.to_string(),
        })
}

/// The element's qualified name (`w:p`).
pub(super) fn qname(e: &BytesStart<'_>) -> String {
    e.name().as_ref().to_string()
}
