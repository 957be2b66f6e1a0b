#pragma once
// Helpers for the issue-16 tests: convert UTF-8 text to another encoding with ICU, and build
// Word (.docx) packages with libzip, at test time.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace checker::testing {

/// `utf8` in encoding `name` (an ICU converter name: GB18030, GBK, Big5, UTF-16LE, ...), or
/// `std::nullopt` if a character of it has no form there (Simplified text in Big5).
std::optional<std::string> to_encoding(const std::string& utf8, const std::string& name);

/// A zip archive holding `files` (name, bytes), written with libzip.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files);

/// A minimal .docx: each line of `text` one paragraph (a line with tabs becomes a table row),
/// `footnote` (if not empty) a footnote, and `title` / `modified` in docProps/core.xml.
std::string make_docx(const std::string& text, const std::string& title = {}, const std::string& modified = {},
                      const std::string& footnote = {});

/// The files of a folder that exists (e.g. `../shared/realnews/<cluster>/docs`), sorted; empty
/// when it does not.
std::vector<std::string> files_in(const std::string& folder);

}  // namespace checker::testing
