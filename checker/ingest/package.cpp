// Word (.docx, Office Open XML) and OpenDocument (.odt) drafts: the zip is read with libzip,
// the XML parts with libxml2, and the text comes out one paragraph a line (a table row is one
// line, its cells separated by tabs; footnotes and endnotes follow the body).
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ingest/detail.h"

namespace checker::detail {
namespace {

constexpr const char* word_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* compatibility_ns = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr const char* text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

struct zip_closer {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct xml_closer {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using xml_ptr = std::unique_ptr<xmlDoc, xml_closer>;

// One part of the package, read within the limits; a refusal says why.
struct part {
  std::optional<std::string> bytes;  // empty: absent
  std::string refusal;
  bool bomb = false;  // refused for its size or ratio
};

part read_part(zip_t* archive, const char* name, const package_limits& limits, std::uint64_t& total) {
  part out;
  const zip_int64_t index = zip_name_locate(archive, name, 0);
  if (index < 0) return out;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    out.refusal = fmt::format("its part {} cannot be read", name);
    return out;
  }
  const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
  if (stat.size > limits.max_part_bytes || total + stat.size > limits.max_total_bytes) {
    out.refusal = fmt::format("its part {} would unpack to {} bytes, over the {} byte limit (a zip bomb?)", name,
                              stat.size, limits.max_part_bytes);
    out.bomb = true;
    return out;
  }
  if (stat.size > limits.ratio_floor_bytes && stat.size > compressed * limits.max_ratio) {
    out.refusal = fmt::format("its part {} would unpack {} bytes to {} (more than {} times; a zip bomb?)", name,
                              compressed, stat.size, limits.max_ratio);
    out.bomb = true;
    return out;
  }
  zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    out.refusal = fmt::format("its part {} cannot be opened ({})", name, zip_strerror(archive));
    return out;
  }
  // Read no more than the size the zip declares, plus one byte to catch a lie.
  std::string bytes(static_cast<std::size_t>(stat.size) + 1, '\0');
  std::size_t have = 0;
  while (have < bytes.size()) {
    const zip_int64_t n = zip_fread(file, bytes.data() + have, bytes.size() - have);
    if (n <= 0) {
      if (n < 0) out.refusal = fmt::format("its part {} is damaged ({})", name, zip_file_strerror(file));
      break;
    }
    have += static_cast<std::size_t>(n);
  }
  zip_fclose(file);
  if (!out.refusal.empty()) return out;
  if (have > stat.size) {
    out.refusal = fmt::format("its part {} holds more than the {} bytes it declares (a zip bomb?)", name, stat.size);
    out.bomb = true;
    return out;
  }
  bytes.resize(have);
  total += have;
  out.bytes = std::move(bytes);
  return out;
}

xml_ptr parse_xml(const std::string& bytes, const char* name) {
  // libxml2 sets up its tables on first use; doing that once, before any thread parses, is
  // what its manual asks of programs that parse on several threads.
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
  // No network, no external entities, no entity expansion (a billion laughs stays small), no
  // messages printed: a broken part is reported by the caller.
  return xml_ptr(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name, nullptr,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
}

bool is(const xmlNode* node, const char* ns, const char* local) {
  return node->type == XML_ELEMENT_NODE && node->ns != nullptr && node->ns->href != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), local) == 0;
}

std::string attribute(const xmlNode* node, const char* ns, const char* local) {
  xmlChar* value = xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(local), reinterpret_cast<const xmlChar*>(ns));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string content(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// Line breaks inside a paragraph would start a new line, and a line is a paragraph.
void append_flat(std::string& line, std::string_view text) {
  for (char c : text) line += (c == '\n' || c == '\r') ? ' ' : c;
}

// The text of OOXML and ODF bodies, one paragraph a line. Each format's walker knows its own
// element names; the lines and deferred paragraphs (text boxes, notes) are shared.
struct text_builder {
  std::string text;
  void line(const std::string& content_line) {
    text += content_line;
    text += '\n';
  }
};

// --- Office Open XML ---

void word_runs(const xmlNode* node, std::string& line, std::vector<const xmlNode*>& nested);

void word_paragraph(const xmlNode* paragraph, text_builder& out) {
  std::string line;
  std::vector<const xmlNode*> nested;  // paragraphs of text boxes inside this one
  word_runs(paragraph, line, nested);
  out.line(line);
  for (const xmlNode* p : nested) word_paragraph(p, out);
}

void word_runs(const xmlNode* node, std::string& line, std::vector<const xmlNode*>& nested) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (is(child, word_ns, "t")) {
      append_flat(line, content(child));
    } else if (is(child, word_ns, "tab")) {
      line += '\t';
    } else if (is(child, word_ns, "br") || is(child, word_ns, "cr")) {
      line += ' ';
    } else if (is(child, word_ns, "noBreakHyphen")) {
      line += '-';
    } else if (is(child, word_ns, "p")) {
      nested.push_back(child);
    } else if (is(child, word_ns, "delText") || is(child, word_ns, "instrText") || is(child, word_ns, "del") ||
               is(child, compatibility_ns, "Fallback") || is(child, word_ns, "footnoteReference") ||
               is(child, word_ns, "endnoteReference")) {
      // Deleted text, field codes, and the legacy copy of a drawing are not what a reader sees.
    } else {
      word_runs(child, line, nested);
    }
  }
}

void word_block(const xmlNode* node, text_builder& out);

// A table row is one line: each cell's paragraphs joined by spaces, cells by tabs.
void word_row(const xmlNode* row, text_builder& out) {
  std::string line;
  bool first = true;
  for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
    if (!is(cell, word_ns, "tc")) continue;
    if (!first) line += '\t';
    first = false;
    text_builder inside;
    word_block(cell, inside);
    std::string cell_text = inside.text;
    while (!cell_text.empty() && cell_text.back() == '\n') cell_text.pop_back();
    for (char& c : cell_text) c = c == '\n' ? ' ' : c;
    line += cell_text;
  }
  out.line(line);
}

void word_block(const xmlNode* node, text_builder& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (is(child, word_ns, "p")) {
      word_paragraph(child, out);
    } else if (is(child, word_ns, "tr")) {
      word_row(child, out);
    } else if (is(child, word_ns, "sectPr") || is(child, compatibility_ns, "Fallback")) {
      // page layout, and the legacy copy of alternate content
    } else {
      word_block(child, out);  // body, tbl, sdt, sdtContent, customXml, footnote, ...
    }
  }
}

// Footnotes or endnotes, without Word's separator notes.
void word_notes(const xmlNode* root, const char* note, text_builder& out) {
  for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (!is(child, word_ns, note)) continue;
    const std::string type = attribute(child, word_ns, "type");
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
    word_block(child, out);
  }
}

// --- OpenDocument ---

void odf_inline(const xmlNode* node, std::string& line, std::vector<const xmlNode*>& notes) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      append_flat(line, reinterpret_cast<const char*>(child->content));
    } else if (is(child, text_ns, "s")) {
      const std::string count = attribute(child, text_ns, "c");
      const int n = count.empty() ? 1 : std::max(1, std::min(std::atoi(count.c_str()), 64));
      line.append(static_cast<std::size_t>(n), ' ');
    } else if (is(child, text_ns, "tab")) {
      line += '\t';
    } else if (is(child, text_ns, "line-break")) {
      line += ' ';
    } else if (is(child, text_ns, "note")) {
      notes.push_back(child);
    } else if (is(child, office_ns, "annotation") || is(child, text_ns, "tracked-changes")) {
      // comments and deleted text
    } else if (child->type == XML_ELEMENT_NODE) {
      odf_inline(child, line, notes);
    }
  }
}

void odf_block(const xmlNode* node, text_builder& out);

void odf_paragraph(const xmlNode* paragraph, text_builder& out) {
  std::string line;
  std::vector<const xmlNode*> notes;
  odf_inline(paragraph, line, notes);
  out.line(line);
  for (const xmlNode* note : notes) {
    for (const xmlNode* child = note->children; child != nullptr; child = child->next) {
      if (is(child, text_ns, "note-body")) odf_block(child, out);
    }
  }
}

void odf_row(const xmlNode* row, text_builder& out) {
  std::string line;
  bool first = true;
  for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
    if (!is(cell, table_ns, "table-cell")) continue;
    if (!first) line += '\t';
    first = false;
    text_builder inside;
    odf_block(cell, inside);
    std::string cell_text = inside.text;
    while (!cell_text.empty() && cell_text.back() == '\n') cell_text.pop_back();
    for (char& c : cell_text) c = c == '\n' ? ' ' : c;
    line += cell_text;
  }
  out.line(line);
}

void odf_block(const xmlNode* node, text_builder& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (is(child, text_ns, "p") || is(child, text_ns, "h")) {
      odf_paragraph(child, out);
    } else if (is(child, table_ns, "table-row")) {
      odf_row(child, out);
    } else if (is(child, text_ns, "tracked-changes") || is(child, office_ns, "annotation") ||
               is(child, text_ns, "sequence-decls") || is(child, table_ns, "table-columns")) {
      // bookkeeping, comments and deleted text
    } else {
      odf_block(child, out);  // office:body, office:text, text:list, text:section, table:table, ...
    }
  }
}

// dc:title and a date from docProps/core.xml or meta.xml: the date last saved, else created
// (the closest a draft has to a publication date).
void read_properties(const xmlDoc* doc, package_text& out, const char* part_name) {
  std::string modified;
  std::string created;
  std::vector<const xmlNode*> stack{xmlDocGetRootElement(doc)};
  while (!stack.empty()) {
    const xmlNode* node = stack.back();
    stack.pop_back();
    if (node == nullptr) continue;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) stack.push_back(child);
    }
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string name(reinterpret_cast<const char*>(node->name));
    if (name == "title" && out.title.empty()) out.title = content(node);
    if ((name == "modified" || name == "date") && modified.empty()) modified = content(node);
    if ((name == "created" || name == "creation-date") && created.empty()) created = content(node);
  }
  out.published = modified.empty() ? created : modified;
  out.published_evidence = fmt::format("{} {}", part_name, modified.empty() ? "created" : "modified");
}

}  // namespace

std::optional<package_text> read_package(std::string_view bytes, document_format format, const package_limits& limits,
                                         package_refusal& refusal) {
  const auto refuse = [&](const part& p) {
    refusal = package_refusal{p.bomb ? "ingest.zip-bomb" : "ingest.bad-package",
                              p.refusal + "; skipped. " + (p.bomb ? "Check where the file came from" : "Re-save it from the word processor")};
    return std::nullopt;
  };
  const auto broken = [&](std::string message) {
    refusal = package_refusal{"ingest.bad-package", std::move(message)};
    return std::nullopt;
  };
  const bool word = format == document_format::docx;
  const char* kind = word ? "a Word .docx file" : "an OpenDocument .odt file";
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return broken(fmt::format("cannot be read as {} ({}); skipped", kind, why));
  }
  std::unique_ptr<zip_t, zip_closer> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return broken(fmt::format("is not {}: it is not a zip archive ({}); skipped. Re-save it from the word processor as {}",
                              kind, why, word ? ".docx (not .doc)" : ".odt"));
  }
  zip_error_fini(&error);
  std::uint64_t total = 0;
  const char* main_name = word ? "word/document.xml" : "content.xml";
  part main = read_part(archive.get(), main_name, limits, total);
  if (!main.refusal.empty()) return refuse(main);
  if (!main.bytes) {
    return broken(fmt::format("is a zip archive without {}, so not {}; skipped. Re-save it from the word processor", main_name, kind));
  }
  const xml_ptr body = parse_xml(*main.bytes, main_name);
  if (!body || xmlDocGetRootElement(body.get()) == nullptr) {
    return broken(fmt::format("has a {} that is not well-formed XML; skipped. Re-save it from the word processor", main_name));
  }
  package_text out;
  text_builder text;
  if (word) {
    word_block(xmlDocGetRootElement(body.get()), text);
    for (const auto& [name, note] : {std::pair{"word/footnotes.xml", "footnote"}, std::pair{"word/endnotes.xml", "endnote"}}) {
      part notes = read_part(archive.get(), name, limits, total);
      if (!notes.refusal.empty()) return refuse(notes);
      if (!notes.bytes) continue;
      if (const xml_ptr parsed = parse_xml(*notes.bytes, name)) word_notes(xmlDocGetRootElement(parsed.get()), note, text);
    }
  } else {
    odf_block(xmlDocGetRootElement(body.get()), text);
  }
  out.text = std::move(text.text);
  const char* properties_name = word ? "docProps/core.xml" : "meta.xml";
  part properties = read_part(archive.get(), properties_name, limits, total);
  if (!properties.refusal.empty()) return refuse(properties);
  if (properties.bytes) {
    if (const xml_ptr parsed = parse_xml(*properties.bytes, properties_name)) read_properties(parsed.get(), out, properties_name);
  }
  return out;
}

}  // namespace checker::detail
