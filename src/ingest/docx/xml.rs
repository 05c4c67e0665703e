//! Small helpers over `quick-xml` events shared by the DOCX part readers.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// Deepest element nesting accepted in a DOCX XML part: 256 levels. The parts of the DOCX test
/// files nest at most 6 deep (a table inside a table adds 3 levels); a deeper part is refused as
/// damaged or hostile rather than read (the readers keep a little state per open element).
pub const MAX_XML_DEPTH: usize = 256;

/// Counts element nesting while a part is read and refuses it beyond [`MAX_XML_DEPTH`].
#[derive(Debug, Default)]
pub(super) struct Depth(usize);

impl Depth {
    /// Follows one event; errors (naming `part`) when nesting exceeds [`MAX_XML_DEPTH`].
    pub(super) fn track(&mut self, event: &Event<'_>, part: &str) -> Result<(), String> {
        match event {
            Event::Start(_) => {
                self.0 += 1;
                if self.0 > MAX_XML_DEPTH {
                    return Err(format!(
                        "{part} inside it nests elements more than {MAX_XML_DEPTH} levels deep"
                    ));
                }
            }
            Event::End(_) => self.0 = self.0.saturating_sub(1),
            _ => {}
        }
        Ok(())
    }
}

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
