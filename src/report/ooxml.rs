//! The WordprocessingML a report is written in: paragraphs in named styles (Word's own
//! heading styles, so the navigation pane lists the parts), real tables, bullet lists, links;
//! and the few fixed parts around `word/document.xml` (content types, relationships, styles,
//! numbering, header and footer, document properties). Written by hand: every text goes
//! through [`escape`], which also drops the characters XML 1.0 does not allow.

use std::fmt::Write;

/// Appends `s` to `out` as XML character data (valid in attribute values too): `&`, `<`, `>`,
/// `"` and `'` escaped; characters XML 1.0 does not allow (controls other than tab, line feed
/// and carriage return; U+FFFE, U+FFFF) dropped.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `s` as XML character data (see [`escape_into`]).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// A paragraph style of `styles.xml` ([`STYLES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Normal,
    Title,
    Subtitle,
    /// The assessment's own title on the cover.
    Name,
    Heading1,
    Heading2,
    Heading3,
    /// A row of a field the template divides (the rights of 2.3.b).
    Heading4,
    /// A bold label above a list or a value.
    Label,
    /// Smaller, grey: notes, sources, details.
    Small,
    Bullet,
    SmallBullet,
    /// The verdict's title.
    Verdict,
}

impl Style {
    fn id(self) -> &'static str {
        match self {
            Style::Normal => "Normal",
            Style::Title => "Title",
            Style::Subtitle => "Subtitle",
            Style::Name => "BdName",
            Style::Heading1 => "Heading1",
            Style::Heading2 => "Heading2",
            Style::Heading3 => "Heading3",
            Style::Heading4 => "Heading4",
            Style::Label => "BdLabel",
            Style::Small => "BdSmall",
            Style::Bullet => "ListBullet",
            Style::SmallBullet => "BdSmallBullet",
            Style::Verdict => "BdVerdict",
        }
    }
}

/// A piece of a paragraph.
#[derive(Clone, Copy, Debug)]
pub enum Run<'a> {
    Text(&'a str),
    Bold(&'a str),
    /// A link to an external address (`url`, `text`).
    Link(&'a str, &'a str),
}

/// One column of a table: its width in twentieths of a point.
pub type Width = u32;

/// The width of the text on an A4 page with the margins of [`Body::document`].
pub const TEXT_WIDTH: Width = 11906 - 2 * 1134;

/// The body of `word/document.xml` being written, and the external links it uses.
#[derive(Default)]
pub struct Body {
    xml: String,
    links: Vec<String>,
    /// The column widths of the table being written.
    widths: Vec<Width>,
    /// Inside [`Body::kept_together`]: every paragraph is kept with the next one.
    keep: bool,
}

impl Body {
    /// A paragraph in `style` made of `runs`. Line breaks in a text become line breaks, tabs tabs.
    pub fn para(&mut self, style: Style, runs: &[Run]) {
        self.xml.push_str("<w:p>");
        if style != Style::Normal || self.keep {
            self.xml.push_str("<w:pPr>");
            if style != Style::Normal {
                let _ = write!(self.xml, "<w:pStyle w:val=\"{}\"/>", style.id());
            }
            if self.keep {
                self.xml.push_str("<w:keepNext/>");
            }
            self.xml.push_str("</w:pPr>");
        }
        for run in runs {
            match *run {
                Run::Text(t) => self.run(t, false),
                Run::Bold(t) => self.run(t, true),
                Run::Link(url, text) => {
                    let id = match self.links.iter().position(|l| l == url) {
                        Some(i) => i,
                        None => {
                            self.links.push(url.to_string());
                            self.links.len() - 1
                        }
                    };
                    let _ = write!(self.xml, "<w:hyperlink r:id=\"{}\">", link_id(id));
                    self.xml.push_str("<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>");
                    self.chars(text);
                    self.xml.push_str("</w:r></w:hyperlink>");
                }
            }
        }
        self.xml.push_str("</w:p>");
    }

    /// A paragraph of plain text.
    pub fn text(&mut self, style: Style, text: &str) {
        self.para(style, &[Run::Text(text)]);
    }

    /// What `content` writes, kept on one page (each of its paragraphs, table cells too, is
    /// kept with the next): for a short table that reads only as a whole, such as the risk map.
    pub fn kept_together(&mut self, content: impl FnOnce(&mut Body)) {
        let outer = std::mem::replace(&mut self.keep, true);
        content(self);
        self.keep = outer;
    }

    /// A heading: `level` 1 to 3.
    pub fn heading(&mut self, level: u8, text: &str) {
        let style = match level {
            1 => Style::Heading1,
            2 => Style::Heading2,
            _ => Style::Heading3,
        };
        self.text(style, text);
    }

    fn run(&mut self, text: &str, bold: bool) {
        self.xml.push_str("<w:r>");
        if bold {
            self.xml.push_str("<w:rPr><w:b/></w:rPr>");
        }
        self.chars(text);
        self.xml.push_str("</w:r>");
    }

    /// The content of a run: `<w:t>` pieces, with `<w:br/>` for line breaks and `<w:tab/>`.
    fn chars(&mut self, text: &str) {
        let mut first = true;
        for line in text.split('\n') {
            if !first {
                self.xml.push_str("<w:br/>");
            }
            first = false;
            for (i, piece) in line.trim_end_matches('\r').split('\t').enumerate() {
                if i > 0 {
                    self.xml.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    self.xml.push_str("<w:t xml:space=\"preserve\">");
                    escape_into(&mut self.xml, &piece.replace('\r', ""));
                    self.xml.push_str("</w:t>");
                }
            }
        }
    }

    /// A table with columns of `widths`, a header row repeated on every page (`heads`), and the
    /// rows `rows` writes (with [`Body::row`]).
    pub fn table(&mut self, widths: &[Width], heads: &[&str], rows: impl FnOnce(&mut Body)) {
        self.xml.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in widths {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.xml.push_str("</w:tblGrid>");
        if !heads.is_empty() {
            self.xml.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
            for (h, w) in heads.iter().zip(widths) {
                let _ = write!(self.xml, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF0\"/></w:tcPr>");
                self.para(Style::Normal, &[Run::Bold(h)]);
                self.xml.push_str("</w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        let outer = std::mem::replace(&mut self.widths, widths.to_vec());
        rows(self);
        self.widths = outer;
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between two tables (and after a table at the end of a cell).
        self.xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"BdSmall\"/></w:pPr></w:p>");
    }

    /// A row of the table being written: `cells` writes its cells (with [`Row::cell`]). A row
    /// is kept on one page unless it `splits` (rows of long free text).
    pub fn row(&mut self, splits: bool, cells: impl FnOnce(&mut Row)) {
        self.xml.push_str("<w:tr>");
        if !splits {
            self.xml.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        let mut row = Row { body: self, col: 0 };
        cells(&mut row);
        self.xml.push_str("</w:tr>");
    }

    /// The whole `word/document.xml`, with A4 pages, the header and the footer.
    pub fn document(&self) -> String {
        let mut out = String::with_capacity(self.xml.len() + 1024);
        out.push_str(XML_DECL);
        out.push_str(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
        );
        out.push_str(&self.xml);
        out.push_str(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
             <w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
             <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
             <w:pgMar w:top=\"1247\" w:right=\"1134\" w:bottom=\"1247\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             </w:sectPr></w:body></w:document>",
        );
        out
    }

    /// `word/_rels/document.xml.rels`: styles, numbering, header, footer and every link.
    pub fn relationships(&self) -> String {
        let mut out = String::from(XML_DECL);
        out.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        for (id, kind, target) in [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdNumbering", "numbering", "numbering.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdHeader", "header", "header1.xml"),
            ("rIdFooter", "footer", "footer1.xml"),
        ] {
            let _ = write!(out, "<Relationship Id=\"{id}\" Type=\"{rel}/{kind}\" Target=\"{target}\"/>");
        }
        for (i, url) in self.links.iter().enumerate() {
            let _ = write!(
                out,
                "<Relationship Id=\"{}\" Type=\"{rel}/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
                link_id(i),
                escape(url)
            );
        }
        out.push_str("</Relationships>");
        out
    }
}

/// A row being written.
pub struct Row<'a> {
    body: &'a mut Body,
    col: usize,
}

impl Row<'_> {
    /// A cell spanning `span` columns, its content written by `content`.
    pub fn cell(&mut self, span: usize, content: impl FnOnce(&mut Body)) {
        let span = span.max(1);
        let width: Width = self.body.widths.iter().skip(self.col).take(span).sum();
        self.col += span;
        let xml = &mut self.body.xml;
        let _ = write!(xml, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
        if span > 1 {
            let _ = write!(xml, "<w:gridSpan w:val=\"{span}\"/>");
        }
        xml.push_str("</w:tcPr>");
        let before = xml.len();
        content(self.body);
        // A cell holds at least one paragraph.
        if self.body.xml.len() == before {
            self.body.xml.push_str("<w:p/>");
        }
        self.body.xml.push_str("</w:tc>");
    }
}

fn link_id(i: usize) -> String {
    format!("rIdLink{}", i + 1)
}

pub const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

pub const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "</Types>"
);

pub const PACKAGE_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "</Relationships>"
);

pub const SETTINGS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>",
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>",
    "</w:settings>"
);

/// One bullet list definition: the `ListBullet` styles refer to it.
pub const NUMBERING: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>",
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/>",
    "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>",
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
    "</w:numbering>"
);

/// `word/styles.xml`, with the document's language (`lang`, e.g. "nl-NL") for spelling.
pub fn styles(lang: &str) -> String {
    let mut out = String::from(XML_DECL);
    out.push_str("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    let _ = write!(
        out,
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
         <w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{}\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"100\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        escape(lang)
    );
    out.push_str(STYLE_LIST);
    out.push_str("</w:styles>");
    out
}

const STYLE_LIST: &str = concat!(
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>",
    "<w:pPr><w:spacing w:before=\"0\" w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3A5F\"/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>",
    "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:color w:val=\"4A5563\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"BdName\"><w:name w:val=\"Assessment title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
    "<w:pPr><w:spacing w:before=\"120\" w:after=\"200\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>",
    "<w:rPr><w:b/><w:color w:val=\"1F3A5F\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr>",
    "<w:rPr><w:b/><w:color w:val=\"1F3A5F\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/></w:pPr>",
    "<w:rPr><w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading4\"><w:name w:val=\"heading 4\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"A0A8B4\"/></w:pBdr><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"3\"/></w:pPr>",
    "<w:rPr><w:b/><w:color w:val=\"1F3A5F\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"BdLabel\"><w:name w:val=\"Label\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
    "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"4A5563\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"BdVerdict\"><w:name w:val=\"Verdict\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
    "<w:pPr><w:spacing w:after=\"80\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"BdSmall\"><w:name w:val=\"Small\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:spacing w:after=\"60\"/></w:pPr><w:rPr><w:color w:val=\"4A5563\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>",
    "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"BdSmallBullet\"><w:name w:val=\"List Bullet Small\"/><w:basedOn w:val=\"BdSmall\"/>",
    "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"40\"/><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"A0A8B4\"/></w:pBdr><w:spacing w:after=\"0\"/></w:pPr>",
    "<w:rPr><w:color w:val=\"4A5563\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:jc w:val=\"right\"/><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"4A5563\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>",
    "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
    "<w:rPr><w:color w:val=\"1F5FAF\"/><w:u w:val=\"single\"/></w:rPr></w:style>",
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>",
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>",
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>",
    "<w:pPr><w:spacing w:after=\"40\"/></w:pPr>",
    "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A8B4\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A8B4\"/>",
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A8B4\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A8B4\"/>",
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A8B4\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A8B4\"/></w:tblBorders>",
    "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
);

/// `word/header1.xml`: the running header of every page (`text`).
pub fn header(text: &str) -> String {
    format!(
        "{XML_DECL}<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:hdr>",
        escape(text)
    )
}

/// `word/footer1.xml`: the page number, "`page` N / M".
pub fn footer(page: &str) -> String {
    let field = |code: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {code} </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "{XML_DECL}<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{} </w:t></w:r>{}\
         <w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>{}</w:p></w:ftr>",
        escape(page),
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// `docProps/core.xml`: the title, subject and language; `created`, a date YYYY-MM-DD, if
/// it is one.
pub fn core(title: &str, subject: &str, lang: &str, created: Option<&str>) -> String {
    let mut out = String::from(XML_DECL);
    out.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    let _ = write!(
        out,
        "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>biodpia</dc:creator><dc:language>{}</dc:language>",
        escape(title),
        escape(subject),
        escape(lang)
    );
    if let Some(d) = created {
        let _ = write!(out, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{d}T00:00:00Z</dcterms:created>");
    }
    out.push_str("</cp:coreProperties>");
    out
}
