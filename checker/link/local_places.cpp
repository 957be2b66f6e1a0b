// Places the gazetteer does not hold: a list of a disaster's toll by town (輪島市81人、珠洲市71人,
// 积石山县死亡113人) names each figure's town with an administrative suffix right before it. The
// town's written name, read in Simplified characters, is the place; what is not a town though it
// ends the same way (上市, 城市, 灾区, 全市) is left alone, and so is a name whose start is unclear.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "link/annotations.h"

namespace checker::detail {
namespace {

constexpr std::array<std::string_view, 8> town_suffixes{"市", "县", "町", "村", "镇", "乡", "区", "郡"};
// Words between the town and its figure: 輪島市累计101死, 輪島市,高达31人, 珠洲市有22人 (one of
// them, the longer first).
constexpr std::array<std::string_view, 10> joiners{"累计", "已有", "共有", "高达", "多达", "共", "有", "达", "，", ","};
// Words that end like a town and are none (a listing, a city in general, a disaster zone) or
// that mean all of a place or this place (全市, 该县): no town is named.
constexpr std::array<std::string_view, 34> not_towns{
    "上市", "城市", "超市", "都市", "股市", "门市", "夜市", "楼市", "车市", "开市", "收市", "地区", "社区", "灾区", "市区", "山区", "景区",
    "园区", "小区", "城区", "郊区", "辖区", "片区", "全市", "全县", "全区", "全镇", "全村", "该市", "该县", "该区", "本市", "各市", "各县"};
constexpr std::size_t longest_name = 4;  // characters before the suffix: 积石山, 轮岛

bool is_numeral(char32_t c) {
  static constexpr std::u32string_view numerals = U"\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e07\u4ebf\u4e24\u51e0\u591a";
  return numerals.find(c) != std::u32string_view::npos;
}

bool is_suffix_or_province(std::string_view ch) {
  for (std::string_view s : town_suffixes) {
    if (ch == s) return true;
  }
  return ch == "省" || ch == "州" || ch == "都" || ch == "府" || ch == "道";
}

bool is_boundary_word(std::string_view ch) {
  for (std::string_view word : {"是", "为", "有", "在", "于", "及", "和", "与", "即", "共", "达", "人", "死", "成", "致", "令"}) {
    if (ch == word) return true;
  }
  return false;
}

// The start of the Han character that ends at `end` (every Han character is three bytes).
std::size_t han_before(std::string_view text, std::size_t end, std::size_t floor) {
  if (end < floor + 3) return end;
  std::size_t n = 0;
  return is_han_char(decode(text, end - 3, &n)) && n == 3 ? end - 3 : end;
}

// The last words of English names of local areas the gazetteer lacks (Kerr County, Travis
// County, Balasore District).
constexpr std::array<std::string_view, 10> area_words{"County", "Province", "Prefecture", "District", "Township",
                                                      "Parish", "Borough", "Municipality", "Oblast", "Governorate"};

}  // namespace

bool names_local_area(std::string_view last_word) {
  return std::find(area_words.begin(), area_words.end(), last_word) != area_words.end();
}

std::optional<std::string> local_area_in(std::string_view text, byte_span clause, byte_span figure, const lexicon& lex) {
  std::optional<std::string> before;
  std::optional<std::string> after;
  // Searched within the clause only: a search to the end of the text for every figure was a
  // tenth of a whole check.
  const std::string_view scope = text.substr(0, clause.end);
  for (std::string_view word : area_words) {
    for (std::size_t at = scope.find(word, clause.begin); at != std::string_view::npos; at = scope.find(word, at + word.size())) {
      if (at + word.size() < text.size() && is_alpha(text[at + word.size()])) continue;
      // One to three capitalised words right before the area word: its name.
      std::size_t begin = at;
      std::size_t words = 0;
      while (words < 3 && begin >= clause.begin + 2 && text[begin - 1] == ' ' && is_alpha(text[begin - 2])) {
        std::size_t start = begin - 2;
        while (start > clause.begin && is_alpha(text[start - 1])) --start;
        if (!is_upper(text[start]) || (start > 0 && !(text[start - 1] == ' ' || text[start - 1] == '('))) break;
        begin = start;
        ++words;
      }
      if (words == 0) continue;
      // Yunnan Province: a place the gazetteer holds is read there (names.cpp), with its rules.
      if (auto known = lex.places.longest_at(text, begin); known && begin + known->length >= at - 1) continue;
      std::string name(text.substr(begin, at + word.size() - begin));
      if (at + word.size() <= figure.begin) {
        before = std::move(name);
      } else if (begin >= figure.end && !after) {
        after = std::move(name);
      }
    }
  }
  return before ? before : after;
}

std::optional<std::string> local_place_before(std::string_view text, byte_span phrase, byte_span figure) {
  std::size_t end = skip_spaces_back(text, figure.begin);
  for (std::string_view joiner : joiners) {
    if (end >= phrase.begin + joiner.size() && text.substr(end - joiner.size(), joiner.size()) == joiner) {
      end = skip_spaces_back(text, end - joiner.size());
      break;
    }
  }
  const std::size_t suffix_begin = han_before(text, end, phrase.begin);
  if (suffix_begin == end) return std::nullopt;
  const std::string_view suffix = text.substr(suffix_begin, 3);
  bool is_suffix = false;
  for (std::string_view s : town_suffixes) is_suffix = is_suffix || suffix == s;
  if (!is_suffix) return std::nullopt;
  // The name runs back to a boundary: a character that is no Han, or a province or town
  // before it (石川县轮岛市). Longer than a town's name, its start is a guess.
  std::size_t begin = suffix_begin;
  std::size_t characters = 0;
  while (true) {
    const std::size_t previous = han_before(text, begin, phrase.begin);
    if (previous == begin) break;  // not Han, or the phrase starts here
    const std::string_view ch = text.substr(previous, 3);
    // 分别是轮岛市, 人及羽咋市: a copula or a conjunction ends the words before the name.
    if (is_suffix_or_province(ch) || is_boundary_word(ch)) break;
    if (++characters > longest_name) return std::nullopt;
    begin = previous;
  }
  // 其中轮岛市81人: words that open a list item are not part of the name.
  for (std::string_view opener : {"其中", "包括", "以及", "及", "和", "与", "在", "于"}) {
    if (text.substr(begin, opener.size()) == opener && begin + opener.size() < suffix_begin) {
      begin += opener.size();
      characters -= opener.size() / 3;
      break;
    }
  }
  if (characters == 0) return std::nullopt;
  std::size_t n = 0;
  if (is_numeral(decode(text, suffix_begin - 3, &n))) return std::nullopt;  // 三区, 两县
  const std::string_view last_two = text.substr(suffix_begin - 3, 6);
  for (std::string_view word : not_towns) {
    if (last_two == word) return std::nullopt;
  }
  return std::string(text.substr(begin, end - begin));
}

}  // namespace checker::detail
