//! `Doc`, a small element builder used instead of `html!` for most of the markup (see `Doc`).

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VList, VTag, VText};

/// Builds markup element by element, for the large views: `open` starts an element inside
/// the current one and `close` ends it, `leaf` adds a whole element holding a text, `add`
/// adds any node; `tag` reaches the element just started (for a key, a `NodeRef` or
/// listeners).
///
/// Yew matches the children of an element with the previous render's from the end, so a run
/// of children whose number varies (a loop, an optional element) goes in a `group`, as
/// `html!` puts `{ for .. }` and `if` in a list of their own: the siblings before it then keep
/// their counterparts.
///
/// Why not `html!`: it expands every element in place, with its attribute list, child list
/// and text conversions, about 240 bytes of wasm that compress poorly (each element has its
/// own stack slots); the summary has several hundred elements and its view was the largest
/// function in the wasm. Here an element costs a call or two.
#[derive(Default)]
pub struct Doc {
    /// The open elements (`None`: a group), innermost last, with their children so far.
    open: Vec<(Option<VTag>, Vec<Html>)>,
    /// The complete top-level nodes.
    top: Vec<Html>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc { open: Vec::new(), top: Vec::new() }
    }

    /// Starts `<tag class="class">` (no class attribute when `class` is empty).
    #[inline(never)]
    pub fn open(&mut self, tag: &'static str, class: &'static str) {
        let class = (!class.is_empty()).then_some(AttributeOrProperty::Attribute(AttrValue::Static(class)));
        self.push(tag, Attributes::Dynamic { keys: &["class"], values: Box::new([class]) });
    }

    /// Starts `<tag key="value" ...>`, `keys` and `values` side by side; an empty value leaves
    /// its attribute out.
    #[inline(never)]
    pub fn open_attrs(&mut self, tag: &'static str, keys: &'static [&'static str], values: &[&str]) {
        let values = values
            .iter()
            .map(|v| (!v.is_empty()).then(|| AttributeOrProperty::Attribute(AttrValue::from(v.to_string()))));
        self.push(tag, Attributes::Dynamic { keys, values: values.collect() });
    }

    /// Starts `<tag key="value" ...>` with fixed attributes.
    #[inline(never)]
    pub fn open_static(&mut self, tag: &'static str, attrs: &'static [(&'static str, AttributeOrProperty)]) {
        self.push(tag, Attributes::Static(attrs));
    }

    fn push(&mut self, tag: &'static str, attributes: Attributes) {
        let mut t = VTag::new(AttrValue::Static(tag));
        t.set_attributes(attributes);
        self.open.push((Some(t), Vec::new()));
    }

    /// Starts a group: children that are matched with the previous render's as one (see above).
    #[inline(never)]
    pub fn group(&mut self) {
        self.open.push((None, Vec::new()));
    }

    /// Ends the element or group started last.
    #[inline(never)]
    pub fn close(&mut self) {
        match self.open.pop() {
            Some((Some(mut t), children)) => {
                if let (false, Some(c)) = (children.is_empty(), t.children_mut()) {
                    *c = Html::VList(Rc::new(VList::with_children(children, None)));
                }
                self.add(t.into());
            }
            Some((None, children)) => self.add(Html::VList(Rc::new(VList::with_children(children, None)))),
            None => {}
        }
    }

    /// Adds a node to the current element.
    #[inline(never)]
    pub fn add(&mut self, node: Html) {
        match self.open.last_mut() {
            Some((_, children)) => children.push(node),
            None => self.top.push(node),
        }
    }

    /// Adds a text (`html!` would copy a static string into a new one).
    #[inline(never)]
    pub fn text(&mut self, s: &'static str) {
        self.add(Html::VText(VText { text: AttrValue::Static(s) }));
    }

    /// Adds a computed text.
    #[inline(never)]
    pub fn string(&mut self, s: String) {
        self.add(Html::VText(VText::new(s)));
    }

    /// Adds a copy of a text.
    #[inline(never)]
    pub fn copy(&mut self, s: &str) {
        self.string(s.to_string());
    }

    /// `<tag class="class">text</tag>`.
    #[inline(never)]
    pub fn leaf(&mut self, tag: &'static str, class: &'static str, s: &'static str) {
        self.open(tag, class);
        self.text(s);
        self.close();
    }

    /// `<tag class="class">text</tag>` with a computed text.
    #[inline(never)]
    pub fn leaf_string(&mut self, tag: &'static str, class: &'static str, s: String) {
        self.open(tag, class);
        self.string(s);
        self.close();
    }

    /// What was built.
    pub fn finish(mut self) -> Html {
        while !self.open.is_empty() {
            self.close();
        }
        Html::VList(Rc::new(VList::with_children(self.top, None)))
    }
}

impl Doc {
    /// Gives the element started last a key, as `key=` in `html!` (a step's `<section>`, so
    /// that Yew replaces it when another step opens; a question, so that it keeps its DOM).
    pub fn key(&mut self, key: &str) {
        if let Some(t) = self.tag() {
            t.key = Some(key.into());
        }
    }

    /// `<thead><tr><th scope="col">head</th>...</tr></thead>`.
    #[inline(never)]
    pub fn thead(&mut self, heads: &[&'static str]) {
        self.open("thead", "");
        self.open("tr", "");
        for head in heads {
            self.open_static("th", &[("scope", AttributeOrProperty::Static("col"))]);
            self.text(head);
            self.close();
        }
        self.close();
        self.close();
    }

    /// The element started last (not a group), to give it a key, a `NodeRef` or listeners.
    pub fn tag(&mut self) -> Option<&mut VTag> {
        self.open.last_mut().and_then(|(t, _)| t.as_mut())
    }
}
