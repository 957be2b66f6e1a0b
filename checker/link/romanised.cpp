// One name in two scripts: 嫦娥六号 and Chang'e-6, 哪吒2 and Ne Zha 2, 悟空 and Wukong.
//
// Coverage in English writes Chinese names in pinyin; the Chinese pages write them in characters.
// Romanised, with numerals as digits, both spell the same key (`change6`, `nezha2`), which ties
// the two wordings without any list of names. Only names that meet across scripts are tied, and
// only on keys long enough not to meet by chance.
#include "link/annotations.h"
#include "link/link.h"

#include <algorithm>
#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

constexpr std::size_t shortest_key = 4;

// The value of a Chinese numeral run of up to two digits (六, 十八, 二十三), if it is one.
std::optional<int> small_numeral(const std::u32string& run) {
  static constexpr std::u32string_view digits = U"\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d";
  auto digit = [&](char32_t c) -> std::optional<int> {
    const std::size_t at = digits.find(c);
    if (at == std::u32string_view::npos) return std::nullopt;
    return static_cast<int>(at);
  };
  if (run.size() == 1) {
    if (run[0] == U'\u5341') return 10;
    return digit(run[0]);
  }
  const std::size_t ten = run.find(U'\u5341');
  if (ten == std::u32string::npos || run.size() > 3) return std::nullopt;
  int tens = 1;
  if (ten == 1) {
    const auto d = digit(run[0]);
    if (!d || *d == 0) return std::nullopt;
    tens = *d;
  } else if (ten != 0) {
    return std::nullopt;
  }
  int ones = 0;
  if (ten + 1 < run.size()) {
    const auto d = digit(run[ten + 1]);
    if (!d || ten + 2 != run.size()) return std::nullopt;
    ones = *d;
  }
  return tens * 10 + ones;
}

bool is_chinese_numeral(char32_t c) {
  return std::u32string_view(U"\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341").find(c) != std::u32string_view::npos;
}

// The name with Chinese numerals written as digits and a trailing 号 dropped: 嫦娥六号 -> 嫦娥6.
std::string with_digits(std::string_view name) {
  std::u32string chars;
  for (std::size_t pos = 0; pos < name.size();) {
    std::size_t n = 0;
    chars.push_back(decode(name, pos, &n));
    pos += n;
  }
  if (!chars.empty() && chars.back() == U'\u53f7') chars.pop_back();
  icu::UnicodeString out;
  for (std::size_t i = 0; i < chars.size();) {
    if (!is_chinese_numeral(chars[i])) {
      out.append(static_cast<UChar32>(chars[i++]));
      continue;
    }
    std::size_t end = i;
    while (end < chars.size() && is_chinese_numeral(chars[end])) ++end;
    const std::u32string run = chars.substr(i, end - i);
    if (const auto value = small_numeral(run)) {
      out.append(icu::UnicodeString::fromUTF8(std::to_string(*value)));
    } else {
      for (char32_t c : run) out.append(static_cast<UChar32>(c));
    }
    i = end;
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}


}  // namespace

bool has_han(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t n = 0;
    const char32_t c = decode(text, pos, &n);
    if (c >= 0x3400 && c <= 0x9FFF) return true;
    pos += n;
  }
  return false;
}

}  // namespace checker::detail

namespace checker {
using detail::has_han;
using detail::is_alnum;
using detail::is_alpha;

struct romaniser::impl {
  std::unique_ptr<icu::Transliterator> han_latin;
  std::map<std::string, std::optional<std::string>> cache;  // names repeat across documents
};

romaniser::romaniser() : impl_(std::make_unique<impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->han_latin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) impl_->han_latin.reset();
}

romaniser::~romaniser() = default;

bool romaniser::usable() const { return impl_->han_latin != nullptr; }

std::optional<std::string> romaniser::key(const std::string& name) {
  if (const auto hit = impl_->cache.find(name); hit != impl_->cache.end()) return hit->second;
  std::string utf8;
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    // What ICU's chain does to ASCII (lower case only), without the transliterator's cost: adding
    // a document computes the key of every name it holds.
    for (char c : name) utf8 += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  } else if (impl_->han_latin) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(has_han(name) ? detail::with_digits(name) : name);
    impl_->han_latin->transliterate(text);
    text.toUTF8String(utf8);
  } else {
    return std::nullopt;  // without ICU's data: no ties, never wrong
  }
  std::string out;
  std::size_t letters = 0;
  for (char c : utf8) {
    if (is_alpha(c)) ++letters;
    if (is_alnum(c)) out.push_back(c);
  }
  std::optional<std::string> result;
  if (out.size() >= detail::shortest_key && letters >= 3) result = std::move(out);
  impl_->cache.emplace(name, result);
  return result;
}

}  // namespace checker

namespace checker::detail {

std::map<std::string, std::string> cross_script_aliases(const std::map<std::string, std::size_t>& mentions) {
  std::map<std::string, std::string> out;
  const bool any_han = std::any_of(mentions.begin(), mentions.end(), [](const auto& m) { return has_han(m.first); });
  if (!any_han) return out;
  romaniser romanise;
  if (!romanise.usable()) return out;  // without ICU's data: no ties, never wrong
  struct member {
    std::string name;
    std::size_t count;
    bool han;
  };
  std::map<std::string, std::vector<member>> by_key;
  for (const auto& [name, count] : mentions) {
    if (const std::optional<std::string> key = romanise.key(name)) by_key[*key].push_back(member{name, count, has_han(name)});
  }
  for (const auto& [key, members] : by_key) {
    const bool han = std::any_of(members.begin(), members.end(), [](const member& m) { return m.han; });
    const bool latin = std::any_of(members.begin(), members.end(), [](const member& m) { return !m.han; });
    if (!han || !latin) continue;
    // The wording used most names them all; the Latin one on a tie, then the first in order.
    const member& best = *std::min_element(members.begin(), members.end(), [](const member& a, const member& b) {
      if (a.count != b.count) return a.count > b.count;
      if (a.han != b.han) return !a.han;
      return a.name < b.name;
    });
    for (const member& m : members) {
      if (m.name != best.name) out[m.name] = best.name;
    }
  }
  return out;
}

}  // namespace checker::detail
