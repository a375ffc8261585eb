//! The package around the document (ECMA-376 Part 2): `[Content_Types].xml` first, naming every part; the
//! relationships; styles with Times New Roman 14 pt and the language vi-VN (spelling and hyphenation in Vietnamese);
//! settings; the font table; the page-number header and the empty first-page one. Parts deflated, no folder entries,
//! each entry a regular file (mode 0644), a fixed time stamp: the same paper gives the same bytes.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::xml::{esc, page_number};
use crate::error::Result;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

pub const FONT: &str = "Times New Roman";

fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/><Override PartName="/word/header2.xml" ContentType="{wml}.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="{REL}/fontTable" Target="fontTable.xml"/><Relationship Id="rIdHeader" Type="{REL}/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="{REL}/header" Target="header2.xml"/></Relationships>"#
    )
}

/// Times New Roman at `size` half-points in Vietnamese; paragraphs without spacing, with widow and orphan control.
fn styles(size: u32) -> String {
    format!(
        r#"{DECL}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr><w:rPr><w:lang w:val="vi-VN"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

fn settings() -> String {
    format!(
        r#"{DECL}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>"#
    )
}

fn font_table() -> String {
    format!(
        r#"{DECL}<w:fonts xmlns:w="{W}"><w:font w:name="{FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
    )
}

fn header(body: &str) -> String {
    format!(r#"{DECL}<w:hdr xmlns:w="{W}" xmlns:r="{R}">{body}</w:hdr>"#)
}

fn core(title: &str) -> String {
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>"#,
        esc(title)
    )
}

fn app() -> String {
    format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>thidua</Application></Properties>"#
    )
}

/// The `w:document` part around a body's XML.
pub fn document(body: &str) -> String {
    format!(r#"{DECL}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>"#)
}

/// The whole `.docx`: the document part given, the rest fixed; `size` is the body's size in half-points.
pub fn zip(document: &str, title: &str, size: u32) -> Result<Vec<u8>> {
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(title)),
        ("docProps/app.xml", app()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", document.to_string()),
        ("word/styles.xml", styles(size)),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", font_table()),
        ("word/header1.xml", header(&page_number(size))),
    ];
    let first = header(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).unix_permissions(0o644);
    for (name, text) in parts.iter().map(|(n, t)| (*n, t.as_str())).chain([("word/header2.xml", first.as_str())]) {
        z.start_file(name, opts).map_err(|e| std::io::Error::other(e.to_string()))?;
        z.write_all(text.as_bytes())?;
    }
    Ok(z.finish().map_err(|e| std::io::Error::other(e.to_string()))?.into_inner())
}
