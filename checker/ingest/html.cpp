// HTML to text with gumbo. The walk is iterative so that deeply nested markup cannot exhaust
// the stack.
#include <gumbo.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/detail.h"

namespace checker::detail {
namespace {

bool is_dropped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_MAIN: case GUMBO_TAG_TIME:
      return true;
    default:
      return false;
  }
}

const char* attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr == nullptr ? nullptr : attr->value;
}

// Chrome that sites mark by class or id rather than by tag.
bool looks_like_chrome(const GumboElement& element) {
  static constexpr const char* markers[] = {"nav", "menu", "footer", "sidebar", "breadcrumb",
                                            "comment", "related", "share", "advert", "banner",
                                            "cookie", "subscribe", "recommend"};
  for (const char* name : {"class", "id", "role"}) {
    const char* value = attribute(element, name);
    if (value == nullptr) continue;
    std::string lowered(value);
    for (char& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (const char* marker : markers) {
      if (lowered.find(marker) != std::string::npos) return true;
    }
  }
  return false;
}

std::string node_text(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return out;
}

void read_head(const GumboNode* node, html_text& out) {
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& element = n->v.element;
    if (element.tag == GUMBO_TAG_TITLE && out.title.empty()) out.title = node_text(n);
    if (element.tag == GUMBO_TAG_META) {
      const char* key = attribute(element, "property");
      if (key == nullptr) key = attribute(element, "name");
      if (key == nullptr) key = attribute(element, "itemprop");
      const char* content = attribute(element, "content");
      if (key != nullptr && content != nullptr) {
        const std::string k(key);
        if ((k == "article:published_time" || k == "pubdate" || k == "publishdate" ||
             k == "datePublished" || k == "date" || k == "og:published_time") &&
            out.published.empty()) {
          out.published = content;
          out.published_evidence = "<meta " + k + ">";
        } else if (k == "og:site_name" && out.site_name.empty()) {
          out.site_name = content;
        } else if (k == "og:url" && out.url.empty()) {
          out.url = content;
        } else if (k == "og:title" && out.title.empty()) {
          out.title = content;
        }
      }
    }
    if (element.tag == GUMBO_TAG_LINK && out.url.empty()) {
      const char* rel = attribute(element, "rel");
      const char* href = attribute(element, "href");
      if (rel != nullptr && href != nullptr && std::strcmp(rel, "canonical") == 0) out.url = href;
    }
    if (element.tag == GUMBO_TAG_TIME && out.published.empty()) {
      if (const char* datetime = attribute(element, "datetime")) {
        out.published = datetime;
        out.published_evidence = "<time datetime>";
      }
    }
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
    }
  }
}

void append_break(html_text& out, std::size_t source_offset) {
  if (out.text.empty() || out.text.back() == '\n') return;
  const std::size_t at = out.text.size();
  out.text += '\n';
  out.runs.push_back(offset_run{at, at + 1, source_offset, source_offset, false});
}

// gumbo decodes an out-of-range numeric reference (`&#12222222222;`) into bytes that are not
// UTF-8 (found by ingest_fuzz). Everything it returns passes through here: each invalid sequence
// becomes U+FFFD, as in the document's own bytes.
std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

// Appends a text node. Runs of text that match the source byte for byte map exactly; each
// character reference (&amp;, &#xff0c;) maps as a whole to its source bytes.
void append_text_node(html_text& out, std::string_view decoded, std::string_view raw, std::size_t source) {
  std::size_t r = 0;  // in raw
  std::size_t d = 0;  // in decoded
  while (r < raw.size() && d < decoded.size()) {
    if (raw[r] != '&') {
      std::size_t length = 0;
      while (r + length < raw.size() && d + length < decoded.size() && raw[r + length] != '&' &&
             raw[r + length] == decoded[d + length]) {
        ++length;
      }
      if (length == 0) break;  // the parser rewrote something here (CR LF): map the rest as a whole
      const std::size_t at = out.text.size();
      out.text.append(decoded.substr(d, length));
      out.runs.push_back(offset_run{at, out.text.size(), source + r, source + r + length, true});
      r += length;
      d += length;
      continue;
    }
    // A reference: it ends at ';' (or where the name stops); what it decodes to is whatever
    // stands in `decoded` before the raw text resumes.
    std::size_t end = r + 1;
    while (end < raw.size() && raw[end] != ';' && raw[end] != '&' && raw[end] != ' ' && end - r < 32) ++end;
    if (end < raw.size() && raw[end] == ';') ++end;
    const std::string_view resume = raw.substr(end, raw.find('&', end) == std::string_view::npos ? std::string_view::npos : raw.find('&', end) - end);
    std::size_t produced = std::string_view::npos;
    for (std::size_t k = 0; k <= 8 && d + k <= decoded.size(); ++k) {
      if (decoded.substr(d + k, resume.size()) == resume || (resume.empty() && d + k == decoded.size())) {
        produced = k;
        break;
      }
    }
    if (produced == std::string_view::npos) break;
    if (produced == 0) {  // a bare '&' that decoded to itself
      produced = 1;
      end = r + 1;
    }
    const std::size_t at = out.text.size();
    out.text.append(decoded.substr(d, produced));
    out.runs.push_back(offset_run{at, out.text.size(), source + r, source + end, false});
    r = end;
    d += produced;
  }
  if (d < decoded.size()) {
    const std::size_t at = out.text.size();
    out.text.append(decoded.substr(d));
    out.runs.push_back(offset_run{at, out.text.size(), source + std::min(r, raw.size()), source + raw.size(), false});
  }
}

bool is_void_element(std::string_view name) {
  static constexpr std::string_view names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                               "link", "meta", "param", "source", "track", "wbr"};
  for (std::string_view v : names) {
    if (name.size() == v.size() && std::equal(name.begin(), name.end(), v.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b;
        })) {
      return true;
    }
  }
  return false;
}

// gumbo's cost grows with the square of the nesting depth (50,000 nested <div>s take minutes).
// Tags nested deeper than `limit` are blanked with spaces of the same length, so that byte
// offsets still hold and the text inside is kept. Returns how many tags were blanked.
std::size_t flatten_deep_markup(std::string& html, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t blanked = 0;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    const std::size_t name_begin = pos + (closing ? 2 : 1);
    std::size_t name_end = name_begin;
    while (name_end < html.size() && ((html[name_end] >= 'a' && html[name_end] <= 'z') || (html[name_end] >= 'A' && html[name_end] <= 'Z') ||
                                      (html[name_end] >= '0' && html[name_end] <= '9'))) {
      ++name_end;
    }
    if (name_end == name_begin) {
      ++pos;
      continue;
    }
    const std::size_t close = html.find('>', name_end);
    if (close == std::string::npos) break;
    const std::string_view name(html.data() + name_begin, name_end - name_begin);
    const bool self_closing = html[close - 1] == '/' || is_void_element(name);
    if (!closing && !self_closing) ++depth;
    if (depth > limit && !self_closing) {
      std::fill(html.begin() + static_cast<std::ptrdiff_t>(pos), html.begin() + static_cast<std::ptrdiff_t>(close + 1), ' ');
      ++blanked;
    }
    if (closing && depth > 0) --depth;
    pos = close + 1;
  }
  return blanked;
}

}  // namespace

html_text extract_html(std::string_view source, std::size_t max_depth) {
  html_text out;
  std::string html(source);
  out.flattened_tags = flatten_deep_markup(html, max_depth);
  GumboOutput* parsed = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  read_head(parsed->root, out);

  // Post-order marker: a null entry after an element's children closes a block.
  struct item {
    const GumboNode* node;
    bool closing;
  };
  std::vector<item> stack{{parsed->root, false}};
  while (!stack.empty()) {
    const item current = stack.back();
    stack.pop_back();
    const GumboNode* n = current.node;
    if (current.closing) {
      append_break(out, n->v.element.end_pos.offset);
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      const std::string_view decoded(n->v.text.text);
      const GumboStringPiece& raw = n->v.text.original_text;
      if (n->type == GUMBO_NODE_WHITESPACE) {
        // Runs of layout whitespace between tags carry no text of their own.
        if (!out.text.empty() && out.text.back() != '\n' && out.text.back() != ' ') {
          const std::size_t at = out.text.size();
          out.text += ' ';
          out.runs.push_back(offset_run{at, at + 1, n->v.text.start_pos.offset, n->v.text.start_pos.offset + 1, true});
        }
        continue;
      }
      append_text_node(out, valid_utf8(decoded), std::string_view(raw.data, raw.length), n->v.text.start_pos.offset);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& element = n->v.element;
      if (is_dropped_tag(element.tag) || looks_like_chrome(element)) continue;
      if (is_block_tag(element.tag)) {
        append_break(out, element.start_pos.offset);
        stack.push_back({n, true});
      }
    }
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
  for (std::string* field : {&out.title, &out.published, &out.published_evidence, &out.site_name, &out.url}) {
    *field = valid_utf8(*field);
  }
  return out;
}

}  // namespace checker::detail
