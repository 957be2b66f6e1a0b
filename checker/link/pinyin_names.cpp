// Chinese spellings of the corpus's pinyin names. English coverage writes a Chinese company or
// person in pinyin (`Huawei`, `Zhao Xintong`); the Chinese pages write the same name in
// characters that no bracket, capital or space marks as a name (华为上半年营收…), so their
// figures had no subject and were never compared. A run of two to four Han characters whose
// romanisation spells a capitalised Latin name of the corpus is that name wherever it stands;
// `cross_script_aliases` then ties the two spellings as it ties any pair of names.
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "link/annotations.h"
#include "recognize/scanner.h"

namespace checker::detail {
namespace {

// Keys this short meet by chance (`Li`, `Wang`): a name of five letters or more.
constexpr std::size_t shortest_pinyin_key = 5;
constexpr std::size_t fewest_characters = 2;
constexpr std::size_t most_characters = 4;

bool is_chinese_numeral(char32_t c) {
  return std::u32string_view(U"\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u4e24").find(c) !=
         std::u32string_view::npos;
}

bool capitalised_word(std::string_view word) {
  if (word.size() < 2 || word.front() < 'A' || word.front() > 'Z') return false;
  // `ICT`, `GDP`: an acronym is no pinyin.
  return std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Keys of the capitalised words of the texts, alone and with the next one (`zhaoxintong`), that
// the corpus writes at least twice: a name the coverage is about, not a word met in passing
// (`Renmin University` would make every 人民 a name).
std::unordered_set<std::string> latin_name_keys(const std::vector<std::string_view>& texts) {
  std::unordered_map<std::string, std::size_t> counts;
  for (std::string_view text : texts) {
    std::string previous;
    for (std::size_t pos = 0; pos < text.size();) {
      if (!is_alpha(text[pos]) || (pos > 0 && is_alnum(text[pos - 1]))) {
        // Only a single space joins two words of one name.
        if (!(text[pos] == ' ' && !previous.empty())) previous.clear();
        ++pos;
        continue;
      }
      std::size_t end = pos;
      while (end < text.size() && is_alpha(text[end])) ++end;
      const std::string_view word = text.substr(pos, end - pos);
      // `Tianzhou-9`, `Mate 60`: a word with a number is a numbered name, whose Chinese form
      // carries the number too (天舟九号); its bare word is no name of its own.
      const bool numbered = end + 1 < text.size() && (text[end] == '-' || text[end] == ' ') && is_digit(text[end + 1]);
      if (capitalised_word(word) && !numbered) {
        const std::string key = lower(word);
        if (key.size() >= shortest_pinyin_key) ++counts[key];
        if (!previous.empty()) ++counts[previous + key];
        previous = key;
      } else {
        previous.clear();
      }
      pos = end;
    }
  }
  constexpr std::size_t fewest_mentions = 2;
  std::unordered_set<std::string> keys;
  for (const auto& [key, count] : counts) {
    if (count >= fewest_mentions) keys.insert(key);
  }
  return keys;
}

class pinyin_reader {
 public:
  pinyin_reader() {
    UErrorCode status = U_ZERO_ERROR;
    han_latin_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) han_latin_.reset();
  }
  bool usable() const { return han_latin_ != nullptr; }
  // The letters of one character's reading: 华 -> `hua`.
  const std::string& of(char32_t c) {
    auto [it, inserted] = cache_.try_emplace(c);
    if (inserted) {
      icu::UnicodeString text(static_cast<UChar32>(c));
      han_latin_->transliterate(text);
      std::string utf8;
      text.toUTF8String(utf8);
      for (char ch : utf8) {
        if (is_alpha(ch)) it->second.push_back(ch);
      }
    }
    return it->second;
  }

 private:
  std::unique_ptr<icu::Transliterator> han_latin_;
  std::unordered_map<char32_t, std::string> cache_;
};

// Han strings that are words of the lexicon, not names: places, agencies, cue words.
bool lexicon_word(const lexicon& lex, const std::string& han) {
  for (const word_set* words : {&lex.places, &lex.known_sources, &lex.attribute_cues, &lex.generic_subjects}) {
    if (auto m = words->longest_at(han, 0); m && m->length == han.size()) return true;
  }
  return false;
}

}  // namespace

void add_han_spellings_of_latin_names(const std::vector<std::string_view>& texts, const lexicon& lex, word_set& names) {
  if (std::none_of(texts.begin(), texts.end(), [](std::string_view t) { return has_han(t); })) return;
  const std::unordered_set<std::string> keys = latin_name_keys(texts);
  if (keys.empty()) return;
  pinyin_reader pinyin;
  if (!pinyin.usable()) return;  // without ICU's data: no names found, never wrong ones
  std::set<std::string> found;
  for (std::string_view text : texts) {
    // Each run of Han characters, as (byte offset, character) pairs.
    std::vector<std::pair<std::size_t, char32_t>> run;
    auto scan_run = [&]() {
      for (std::size_t first = 0; first < run.size(); ++first) {
        std::string key;
        for (std::size_t last = first; last < run.size() && last - first < most_characters; ++last) {
          key += pinyin.of(run[last].second);
          const std::size_t characters = last - first + 1;
          if (characters < fewest_characters || key.size() < shortest_pinyin_key || keys.count(key) == 0) continue;
          const std::size_t end = run[last].first + 3;
          // 天舟九号, 嫦娥6号: the characters open a numbered name, which is found whole elsewhere.
          std::size_t digits_end = end;
          while (digits_end < text.size() && is_digit(text[digits_end])) ++digits_end;
          const bool numbered = (last + 1 < run.size() && is_chinese_numeral(run[last + 1].second)) ||
                                (digits_end > end && text.substr(digits_end, 3) == "\u53f7");
          if (!numbered) found.insert(std::string(text.substr(run[first].first, end - run[first].first)));
        }
      }
      run.clear();
    };
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t n = 0;
      const char32_t c = decode(text, pos, &n);
      if (n == 3 && is_han_char(c)) {
        run.emplace_back(pos, c);
      } else if (!run.empty()) {
        scan_run();
      }
      pos += n == 0 ? 1 : n;
    }
    if (!run.empty()) scan_run();
  }
  for (const std::string& han : found) {
    if (!lexicon_word(lex, han)) names.add(han, 0);
  }
}

}  // namespace checker::detail
