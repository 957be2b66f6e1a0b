// Character encodings: which one a file is in (byte order mark, declaration, ICU's detector)
// and decoding it to UTF-8 with ICU's converters, keeping a map from every decoded character
// back to its bytes in the file.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "ingest/detail.h"

namespace checker::detail {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Labels that name one of the Chinese encodings, and the ICU converter that reads each. The
// GB labels all read as GB18030 and the plain Big5 labels as Big5, the way browsers read
// them (pages labelled gb2312 are GBK in practice, and GB18030 is a superset of both).
struct label_entry {
  std::string_view label;
  std::string_view converter;
};
constexpr std::array<label_entry, 26> known_labels{{
    {"utf-8", "UTF-8"},          {"utf8", "UTF-8"},           {"unicode-1-1-utf-8", "UTF-8"},
    {"gb18030", "GB18030"},      {"gbk", "GB18030"},          {"gb2312", "GB18030"},
    {"x-gbk", "GB18030"},        {"cp936", "GB18030"},        {"windows-936", "GB18030"},
    {"ms936", "GB18030"},        {"csgb2312", "GB18030"},     {"gb_2312-80", "GB18030"},
    {"gb_2312", "GB18030"},      {"euc-cn", "GB18030"},       {"chinese", "GB18030"},
    {"iso-ir-58", "GB18030"},    {"big5", "Big5"},            {"big-5", "Big5"},
    {"cn-big5", "Big5"},         {"csbig5", "Big5"},          {"x-x-big5", "Big5"},
    {"cp950", "Big5"},           {"windows-950", "Big5"},     {"big5-hkscs", "Big5-HKSCS"},
    {"big5hkscs", "Big5-HKSCS"}, {"hkscs", "Big5-HKSCS"},
}};

struct converter_closer {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using converter_ptr = std::unique_ptr<UConverter, converter_closer>;

converter_ptr open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  converter_ptr converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

// Counts the byte sequences a converter cannot decode and remembers where their U+FFFD went,
// then lets ICU substitute as usual.
struct substitutions {
  const UChar* target_start = nullptr;
  std::vector<std::size_t> at;  // indexes of substituted units in the output
};

void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char* units, int32_t length,
                          UConverterCallbackReason reason, UErrorCode* status) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    auto* seen = static_cast<substitutions*>(const_cast<void*>(context));
    seen->at.push_back(static_cast<std::size_t>(args->target - seen->target_start));
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, status);
}

// Appends one decoded character (or a group of characters read from the same bytes) to `out`,
// growing the previous run when it holds characters of the same widths.
void append_character(decoded_text& out, std::string_view utf8, std::size_t original_begin, std::size_t original_end,
                      bool substituted) {
  const std::size_t at = out.text.size();
  out.text.append(utf8);
  const std::size_t text_width = utf8.size();
  const std::size_t original_width = original_end - original_begin;
  const bool exact = !substituted && text_width <= 255 && original_width <= 255 && original_width > 0;
  if (exact && !out.runs.empty()) {
    offset_run& last = out.runs.back();
    if (last.exact && last.text_end == at && last.original_end == original_begin && last.text_width == text_width &&
        last.original_width == original_width) {
      last.text_end = out.text.size();
      last.original_end = original_end;
      return;
    }
  }
  out.runs.push_back(offset_run{at, out.text.size(), original_begin, original_end, exact,
                                static_cast<std::uint8_t>(exact ? text_width : 1),
                                static_cast<std::uint8_t>(exact ? original_width : 1)});
}

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The value of `name=` (quoted or not) inside `tag`, lowered; empty if absent.
std::string attribute_value(std::string_view tag, std::string_view name) {
  const std::string low = lowered(tag);
  for (std::size_t at = low.find(name); at != std::string::npos; at = low.find(name, at + 1)) {
    if (at > 0 && (ascii_alnum(low[at - 1]) || low[at - 1] == '-')) continue;  // `x-charset`, `data-encoding`
    std::size_t pos = at + name.size();
    while (pos < low.size() && low[pos] == ' ') ++pos;
    if (pos >= low.size() || low[pos] != '=') continue;
    ++pos;
    while (pos < low.size() && (low[pos] == ' ' || low[pos] == '"' || low[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < low.size() && (ascii_alnum(low[end]) || low[end] == '-' || low[end] == '_' || low[end] == '.' || low[end] == ':')) ++end;
    if (end > pos) return low.substr(pos, end - pos);
  }
  return {};
}

}  // namespace

std::optional<std::string> converter_name(std::string_view label) {
  std::string key = lowered(label);
  key.erase(0, key.find_first_not_of(" \t\"'"));
  key.erase(key.find_last_not_of(" \t\"'\r") + 1);
  if (key.empty()) return std::nullopt;
  for (const label_entry& entry : known_labels) {
    if (entry.label == key) return std::string(entry.converter);
  }
  // Any other encoding ICU knows (UTF-16LE, windows-1252, Shift_JIS, ...), by its ICU name.
  converter_ptr converter = open_converter(key);
  if (!converter) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getName(converter.get(), &status);
  if (U_FAILURE(status) || name == nullptr) return std::nullopt;
  return std::string(name);
}

std::optional<decoded_text> decode(std::string_view bytes, std::size_t base, const std::string& converter) {
  converter_ptr conv = open_converter(converter);
  if (!conv) return std::nullopt;
  // Every input byte yields at most one UTF-16 unit (a 4-byte sequence yields two), plus one
  // for a substitution at the very end: the output fits, so one call converts it all.
  std::vector<UChar> units(bytes.size() + 2);
  std::vector<int32_t> offsets(units.size(), -1);
  substitutions seen;
  seen.target_start = units.data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), count_and_substitute, &seen, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(), offsets.data(),
                 true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  const std::size_t count = static_cast<std::size_t>(target - units.data());

  decoded_text out;
  out.text.reserve(bytes.size() + bytes.size() / 2);
  out.bad_sequences = seen.at.size();
  std::size_t next_substitution = 0;
  std::size_t i = 0;
  while (i < count) {
    // A group: the characters decoded from the same bytes (one, except for a few HKSCS
    // characters that decode to a letter and a combining mark).
    const std::size_t group_begin = i;
    const int32_t source_offset = offsets[i];
    std::string utf8;
    while (i < count && (i == group_begin || offsets[i] == source_offset || offsets[i] < 0)) {
      UChar32 c = 0;
      U16_NEXT(units.data(), i, count, c);
      if (U_IS_SURROGATE(c)) c = 0xFFFD;  // a lone surrogate from UTF-16 input
      char buffer[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(buffer, length, c);
      utf8.append(buffer, static_cast<std::size_t>(length));
    }
    bool substituted = false;
    while (next_substitution < seen.at.size() && seen.at[next_substitution] < i) {
      substituted = substituted || seen.at[next_substitution] >= group_begin;
      ++next_substitution;
    }
    const std::size_t begin = source_offset < 0 ? (out.runs.empty() ? 0 : out.runs.back().original_end - base)
                                                 : static_cast<std::size_t>(source_offset);
    std::size_t end = bytes.size();
    for (std::size_t k = i; k < count; ++k) {
      if (offsets[k] >= 0) {
        end = static_cast<std::size_t>(offsets[k]);
        break;
      }
    }
    end = std::max(end, begin);
    if (substituted && !out.first_bad) out.first_bad = base + begin;
    append_character(out, utf8, base + begin, base + end, substituted);
  }
  return out;
}

std::optional<declared_encoding> byte_order_mark(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return declared_encoding{"UTF-8", encoding_origin::bom, "UTF-8 byte order mark", 3};
  // UTF-32LE's mark begins like UTF-16LE's; it is not read (no such news file was ever seen).
  if (bytes.substr(0, 2) == "\xFF\xFE") return declared_encoding{"UTF-16LE", encoding_origin::bom, "UTF-16LE byte order mark", 2};
  if (bytes.substr(0, 2) == "\xFE\xFF") return declared_encoding{"UTF-16BE", encoding_origin::bom, "UTF-16BE byte order mark", 2};
  if (bytes.substr(0, 4) == "\x84\x31\x95\x33") return declared_encoding{"GB18030", encoding_origin::bom, "GB18030 byte order mark", 4};
  return std::nullopt;
}

std::optional<declared_encoding> html_declared_encoding(std::string_view bytes) {
  // Browsers look at the first 1024 bytes; pages with long heads put the tag later, so look
  // a little further.
  const std::string_view head = bytes.substr(0, 8192);
  const std::string low = lowered(head);
  if (low.rfind("<?xml", 0) == 0) {
    const std::size_t end = std::min(low.find("?>"), head.size());
    const std::string value = attribute_value(head.substr(0, end), "encoding");
    if (!value.empty()) return declared_encoding{value, encoding_origin::meta, std::string(head.substr(0, std::min<std::size_t>(end, 118))) + "?>", 0};
  }
  for (std::size_t at = low.find("<meta"); at != std::string::npos; at = low.find("<meta", at + 5)) {
    const std::size_t end = low.find('>', at);
    if (end == std::string::npos) break;
    const std::string_view tag = head.substr(at, end + 1 - at);
    const std::string value = attribute_value(tag, "charset");
    if (!value.empty()) return declared_encoding{value, encoding_origin::meta, std::string(tag.substr(0, 160)), 0};
  }
  return std::nullopt;
}

std::optional<detected_encoding> detect_encoding(std::string_view bytes, bool html) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return std::nullopt;
  // The detector reads a prefix: enough for a confident answer on news text.
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(detector.get(), html);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::optional<detected_encoding> best;
  for (int32_t k = 0; k < found; ++k) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[k], &s);
    const int32_t confidence = ucsdet_getConfidence(matches[k], &s);
    if (U_FAILURE(s) || name == nullptr) continue;
    const std::string n(name);
    if (!best) best = detected_encoding{n, confidence, false};
    // Only the Chinese encodings this tool promises to read are taken from the detector: its
    // guesses of Shift_JIS or windows-1252 for Chinese bytes are more often wrong than right,
    // and without a byte order mark it names UTF-16 for almost anything (confidence 10).
    if (n == "GB18030" || n == "Big5") {
      return detected_encoding{n, confidence, true};
    }
  }
  return best;
}

decoded_text repair_utf8(std::string_view bytes, std::size_t base) {
  decoded_text out;
  out.text.reserve(bytes.size());
  std::size_t run_start = 0;  // start of the current exact run, in `bytes`
  std::size_t pos = 0;
  auto close_exact_run = [&](std::size_t end) {
    if (end > run_start) {
      const std::size_t at = out.text.size();
      out.text.append(bytes.substr(run_start, end - run_start));
      out.runs.push_back(offset_run{at, out.text.size(), base + run_start, base + end, true});
    }
  };
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, pos);
    if (length > 0) {
      pos += length;
      continue;
    }
    close_exact_run(pos);
    if (!out.first_bad) out.first_bad = base + pos;
    ++out.bad_sequences;
    const std::size_t at = out.text.size();
    out.text += "\xEF\xBF\xBD";
    out.runs.push_back(offset_run{at, out.text.size(), base + pos, base + pos + 1, false});
    ++pos;
    run_start = pos;
  }
  close_exact_run(pos);
  return out;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return 1;
  std::size_t length;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;  // no overlong forms
    if (b0 == 0xED) high = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

utf8_census count_utf8(std::string_view bytes) {
  utf8_census out;
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, pos);
    if (length == 0) {
      ++out.invalid;
      ++pos;
    } else {
      ++out.multibyte;
      pos += length;
    }
  }
  return out;
}

}  // namespace checker::detail
