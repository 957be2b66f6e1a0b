// Names in a sentence: Latin-script names, titles in 《》 and 「」, known and generic subjects.
#include "link/annotations.h"

#include <algorithm>
#include <chrono>
#include <set>

#include <fmt/format.h>

namespace checker::detail {

namespace {

// `Switch 2,自上周四…`: a comma between a Latin name's number and Chinese text is the Chinese
// sentence's own pause, not a list of figures, so the number stays the name's version.
// `Indian-origin`, `Beijing-based`, `US-made`: a name joined to a lower-case word is an
// adjective about something else (a survivor, a firm), not a name; `Rolls-Royce`, `R1-Zero`
// keep a capital after the hyphen.
bool adjective_compound(std::string_view token) {
  const std::size_t hyphen = token.rfind('-');
  if (hyphen == std::string_view::npos || token.size() - hyphen - 1 < 3) return false;
  const std::string_view tail = token.substr(hyphen + 1);
  return std::all_of(tail.begin(), tail.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

bool cjk_follows(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[at]);
  return lead >= 0xE3 && lead <= 0xE9;  // UTF-8 lead bytes of U+3000..U+9FFF: CJK punctuation and ideographs
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t space = s.find(' ', pos);
    const std::size_t end = space == std::string_view::npos ? s.size() : space;
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// The last word of `name` is a month: `January 20` is a date, not a product.
bool is_month_name(std::string_view name) {
  const std::size_t space = name.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
  static constexpr std::string_view months[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                                "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                                                "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
  return std::find(std::begin(months), std::end(months), last) != std::end(months);
}

// True when only spaces, quotes and Markdown heading marks come before `pos` in the sentence.
bool starts_sentence(std::string_view text, byte_span sentence, std::size_t pos) {
  // A bullet or a dash between phrases, and a citation mark, open a new statement as a full stop
  // does (`[5]. - The company achieved`, `Financial Performance - Total revenue`).
  std::size_t before = pos;
  while (before > sentence.begin && text[before - 1] == ' ') --before;
  if (before < pos && before > sentence.begin) {
    for (std::string_view mark : {"-", "\u2013", "\u2014", "\u2022", "]"}) {
      if (before >= sentence.begin + mark.size() && text.substr(before - mark.size(), mark.size()) == mark) return true;
    }
  }
  for (std::size_t i = sentence.begin; i < pos; ++i) {
    if (text[i] != ' ' && text[i] != '#' && text[i] != '"' && text[i] != '\'' && text[i] != '\n') return false;
  }
  return true;
}

// `Planners`, `Training`: one capital then lower-case letters only.
bool is_plain_capitalised(std::string_view token) {
  if (token.size() < 2 || !is_upper(token.front())) return false;
  return std::all_of(token.begin() + 1, token.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// A Latin token of a name: an apostrophe inside a word joins it (Chang'e-6, O'Brien), a
// possessive does not (China's).
std::size_t name_token_end(std::string_view text, std::size_t pos, std::size_t limit) {
  std::size_t end = detail::latin_token_end(text, pos, limit);
  // R&D, AT&T, S&P: an ampersand between letters joins one word.
  while (end + 1 < limit && text[end] == '&' && is_alpha(text[end - 1]) && is_alpha(text[end + 1])) {
    end = detail::latin_token_end(text, end + 1, limit);
  }
  while (end + 1 < limit && text[end] == '\'' && is_alpha(text[end + 1])) {
    const std::size_t rest = detail::latin_token_end(text, end + 1, limit);
    if (rest == end + 2 && (text[end + 1] == 's' || text[end + 1] == 'S')) break;  // possessive 's
    end = rest;
  }
  return end;
}

// A title in corner brackets at `pos`: 2 to 12 characters with no punctuation of speech inside.
std::optional<byte_span> corner_bracket_title(std::string_view text, std::size_t pos, std::size_t end) {
  const std::size_t close = text.find("」", pos);
  if (close == std::string_view::npos || close >= end) return std::nullopt;
  const std::string_view inner = text.substr(pos + 3, close - pos - 3);
  if (inner.size() < 6 || inner.size() > 36) return std::nullopt;
  for (std::string_view mark : {"，", "。", "！", "？", "、", "；", "「", ",", "!", "?"}) {
    if (inner.find(mark) != std::string_view::npos) return std::nullopt;
  }
  // 「差100公尺就去見死神」, 「18車墜落起火」: a figure with its measure inside makes a quoted
  // clause, not a title. Titles end in their number (「哪吒2」) or name a craft (「嫦娥6號」).
  for (std::size_t at = 0; at + 1 < inner.size(); ++at) {
    if (!is_digit(inner[at]) || is_digit(inner[at + 1]) || inner[at + 1] == '.') continue;
    std::size_t n = 0;
    const char32_t next = decode(inner, at + 1, &n);
    if (next >= 0x4E00 && next <= 0x9FFF && next != U'\u53f7' && next != U'\u865f' && next != U'\u578b' && next != U'\u4ee3') return std::nullopt;
  }
  return byte_span{pos, close + 3};
}



// Characters that make `X六号` a day of a month or a rank rather than a name: 本月6号, 第三号.
bool is_calendar_or_rank_word(char32_t c) {
  static constexpr std::u32string_view words = U"\u6708\u65e5\u5e74\u7b2c\u5468\u4eca\u660e\u6628\u672c\u4e0a\u4e0b\u8fd9\u90a3\u6bcf\u51e0\u524d\u540e\u521d\u661f\u671f\u53f7\u578b\u7f16";
  return words.find(c) != std::u32string_view::npos;
}

bool is_numeral_char(char32_t c) {
  static constexpr std::u32string_view numerals = U"\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e";
  return (c >= U'0' && c <= U'9') || numerals.find(c) != std::u32string_view::npos;
}

// 嫦娥六号, 天问一号, 神舟18号: Chinese names craft, ships and missions with two characters, a
// numeral and 号. The two characters are taken as the name's head: a longer head would need a
// dictionary, and two is what such names use.
std::optional<byte_span> numbered_name(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t at = pos;
  for (int k = 0; k < 2; ++k) {
    if (at >= end) return std::nullopt;
    std::size_t n = 0;
    const char32_t c = detail::decode(text, at, &n);
    if (!is_han_char(c) || is_numeral_char(c) || is_calendar_or_rank_word(c)) return std::nullopt;
    at += n;
  }
  std::size_t digits = 0;
  int arabic = 0;  // the value when written in digits
  while (at < end && digits < 3) {
    std::size_t n = 0;
    const char32_t c = detail::decode(text, at, &n);
    if (!is_numeral_char(c)) break;
    if (c >= U'0' && c <= U'9') arabic = arabic * 10 + static_cast<int>(c - U'0');
    at += n;
    ++digits;
  }
  if (digits == 0 || !detail::starts_with(text, at, "\u53f7")) return std::nullopt;
  // Series of craft and missions stay small (神舟18号); 高山40号 is a house number.
  if (arabic > 30) return std::nullopt;
  // 中山路40号, 3栋12号: a street or building number, not a name.
  std::size_t last = 0;
  std::size_t head_end = pos;
  for (int k = 0; k < 2; ++k) {
    std::size_t n = 0;
    last = detail::decode(text, head_end, &n);
    head_end += n;
  }
  static constexpr std::u32string_view address_words = U"\u8def\u8857\u9053\u5df7\u5f04\u91cc\u697c\u5ba4\u95e8\u680b\u5ea7\u6751\u533a\u9662\u5c42\u7ad9\u53f0\u7ebf\u8f66\u5e8a\u623f\u53e3\u573a\u9986\u5385\u5e97";
  if (address_words.find(static_cast<char32_t>(last)) != std::u32string_view::npos) return std::nullopt;
  return byte_span{pos, at + 3};
}

}  // namespace

bool inside_a_name(const std::vector<name_mention>& names, byte_span figure) {
  return std::any_of(names.begin(), names.end(), [&](const name_mention& n) {
    return n.type != name_type::generic && n.span.begin <= figure.begin && figure.end <= n.span.end && n.span.size() > figure.size();
  });
}

std::vector<name_mention> find_names(std::string_view text, byte_span sentence, const lexicon& lex, const word_set* titles) {
  std::vector<name_mention> names;
  std::size_t pos = sentence.begin;
  while (pos < sentence.end) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x80 || !is_alpha(text[pos]) || pos == sentence.begin || !is_alnum(text[pos - 1])) {
      // A measuring agency (USGS, 中国地震台网) credits figures; it is never what they are about.
      if (auto source = lex.known_sources.longest_at(text, pos);
          source && pos + source->length <= sentence.end && (c >= 0x80 || detail::word_boundary(text, pos + source->length))) {
        pos += source->length;
        continue;
      }
      // Declared and well-known names in any script: 英伟达, 临港湾大桥, 《自然》.
      if (auto known = lex.known_subjects.longest_at(text, pos);
          known && pos + known->length <= sentence.end && (c >= 0x80 || detail::word_boundary(text, pos + known->length))) {
        const std::string& name = lex.subject_names[known->payload];
        names.push_back(name_mention{byte_span{pos, pos + known->length}, name,
                                     has_digit(name) ? name_type::product : name_type::organisation});
        pos += known->length;
        continue;
      }
      if (titles != nullptr && c >= 0x80) {
        if (auto title = titles->longest_at(text, pos); title && pos + title->length <= sentence.end) {
          const std::string name(text.substr(pos, title->length));
          names.push_back(name_mention{byte_span{pos, pos + title->length}, name, name_type::organisation});
          pos += title->length;
          continue;
        }
      }
    }
    if (c < 0x80 && is_alpha(text[pos]) && (pos == sentence.begin || !is_alnum(text[pos - 1]))) {
      std::size_t end = name_token_end(text, pos, sentence.end);
      std::string_view token = text.substr(pos, end - pos);
      // iPhone, eBay, iQOO: a lower-case letter, then a capital, is a name written so.
      const bool camel_case = token.size() >= 3 && token[0] >= 'a' && token[0] <= 'z' && is_upper(token[1]);
      // sp20241102, img0423: an identifier with a date or a serial in it, not a name.
      const bool identifier = !is_upper(token.front()) && std::count_if(token.begin(), token.end(), [](char ch) { return is_digit(ch); }) >= 4;
      // CNY191.8, RMB500: a currency code glued to its amount is a figure, not a name.
      const std::size_t letters = static_cast<std::size_t>(std::find_if(token.begin(), token.end(), [](char ch) { return !is_alpha(ch); }) - token.begin());
      const bool glued_amount = letters > 0 && letters < token.size() && is_digit(token[letters]) &&
                                (lex.is_not_subject(token.substr(0, letters)) ||
                                 std::find(lex.currency_codes.begin(), lex.currency_codes.end(), token.substr(0, letters)) != lex.currency_codes.end());
      // NT$, HK$, US$: letters before a dollar sign say which dollar; they are no name.
      const bool dollar_prefix = end < sentence.end && text[end] == '$';
      if (identifier || glued_amount || dollar_prefix || adjective_compound(token)) {
        pos = end;
        continue;
      }
      if (!is_upper(token.front()) && !has_digit(token) && !camel_case) {
        // An event named by its kind is lower case in English: the quake. (Owned nouns such as
        // "base model" are left to the names around them, as before.)
        if (auto generic = lex.generic_subjects.longest_at(text, pos);
            generic && lex.generic_subject_standalone[generic->payload] && pos + generic->length <= sentence.end &&
            detail::word_boundary(text, pos + generic->length)) {
          names.push_back(name_mention{byte_span{pos, pos + generic->length}, lex.generic_subject_ids[generic->payload],
                                       name_type::generic, true});
          pos += generic->length;
          continue;
        }
        pos = end;
        continue;
      }
      // A capitalised ordinary word opening a sentence is not a name: "Planners expect ...". In a
      // Chinese sentence (Huawei公布…) it is one.
      if (starts_sentence(text, sentence, pos) && is_plain_capitalised(token) && !cjk_follows(text, end) &&
          !(end + 1 < sentence.end && text[end] == ' ' && (is_upper(text[end + 1]) || is_digit(text[end + 1])))) {
        pos = end;
        continue;
      }
      // "Thirty-two people were ...": a number written in words is a figure, not a name.
      if (auto number = detail::read_english(text, pos); number && number->end >= end) {
        pos = end;
        continue;
      }
      // `Max 版`, `Pro版`: a trim of the product, a qualifier, not a name.
      if (detail::names_an_edition(text, end, sentence.end)) {
        pos = end;
        continue;
      }
      // Join capitalised words: Hugging Face, Lewis Tunstall, DeepSeek R1.
      std::size_t name_end = end;
      while (name_end + 1 < sentence.end && text[name_end] == ' ' && is_upper(text[name_end + 1])) {
        const std::size_t next_end = name_token_end(text, name_end + 1, sentence.end);
        if (adjective_compound(text.substr(name_end + 1, next_end - name_end - 1))) break;
        name_end = next_end;
      }
      // A product name may end in a small version number: Nova 12, Llama 3.
      if (name_end + 1 < sentence.end && text[name_end] == ' ' && is_digit(text[name_end + 1]) &&
          !is_month_name(text.substr(pos, name_end - pos))) {
        std::size_t digits_end = name_end + 1;
        while (digits_end < sentence.end && (is_digit(text[digits_end]) || (text[digits_end] == '.' && digits_end + 1 < sentence.end &&
                                                                            is_digit(text[digits_end + 1])))) {
          ++digits_end;
        }
        const std::string_view number = text.substr(name_end + 1, digits_end - name_end - 1);
        if (number.substr(0, number.find('.')).size() <= 2 && (digits_end >= sentence.end || !is_alnum(text[digits_end])) &&
            !(digits_end < sentence.end && (text[digits_end] == '%' || (text[digits_end] == ',' && !cjk_follows(text, digits_end + 1)))) &&
            !lex.is_not_subject(split_words(text.substr(pos, name_end - pos)).back())) {
          name_end = digits_end;
        }
      }
      std::string_view full = text.substr(pos, name_end - pos);
      std::vector<std::string_view> words = split_words(full);
      // "Training R1 cost ...": an ordinary word opening the sentence is not part of the name.
      if (words.size() >= 2 && starts_sentence(text, sentence, pos) && is_plain_capitalised(words.front()) && has_digit(words[1]) &&
          std::any_of(words[1].begin(), words[1].end(), [](char ch) { return is_alpha(ch); })) {
        words.erase(words.begin());
      }
      while (!words.empty() && lex.is_not_subject(words.front())) words.erase(words.begin());
      while (!words.empty() && lex.is_not_subject(words.back())) words.pop_back();
      if (!words.empty()) {
        const std::size_t begin = static_cast<std::size_t>(words.front().data() - text.data());
        // "The China Earthquake Networks Center": once "The" is dropped, an agency's name.
        if (auto source = lex.known_sources.longest_at(text, begin); source && detail::word_boundary(text, begin + source->length)) {
          pos = std::max(name_end, begin + source->length);
          continue;
        }
        const std::size_t stop = static_cast<std::size_t>(words.back().data() + words.back().size() - text.data());
        // `Landing Date: 25 June`, `Global Smartphone Shipments: 168.6 million`: capitalised words
        // naming a measure right before a colon are a field's label, not a name.
        if (stop < sentence.end && text[stop] == ':' && !find_cues(text, byte_span{begin, stop}, lex.attribute_cues).empty()) {
          pos = name_end;
          continue;
        }
        std::string name(detail::without_gpu_suffix(text.substr(begin, stop - begin)));
        // U.S., the United States: one place, one name.
        if (auto place = lex.places.longest_at(name, 0); place && place->length == name.size()) name = lex.place_entries[place->payload].name;
        names.push_back(name_mention{byte_span{begin, stop}, name,
                                     has_digit(name) ? name_type::product : name_type::organisation});
      }
      pos = name_end;
      continue;
    }
    if (detail::starts_with(text, pos, "《")) {
      const std::size_t close = text.find("》", pos);
      if (close != std::string_view::npos && close < sentence.end && close - pos <= 60) {
        names.push_back(name_mention{byte_span{pos, close + 3}, std::string(text.substr(pos + 3, close - pos - 3)),
                                     name_type::organisation});
        pos = close + 3;
        continue;
      }
    }
    // 「哪吒之魔童闹海」: Hong Kong and Taiwan papers quote titles and names in corner brackets.
    // Short, unpunctuated content only; a quoted phrase of speech is no name.
    if (detail::starts_with(text, pos, "「")) {
      if (auto title = corner_bracket_title(text, pos, sentence.end)) {
        names.push_back(name_mention{*title, std::string(text.substr(title->begin + 3, title->end - title->begin - 6)),
                                     name_type::organisation});
        pos = title->end;
        continue;
      }
    }
    if (auto numbered = numbered_name(text, pos, sentence.end)) {
      names.push_back(name_mention{*numbered, std::string(text.substr(numbered->begin, numbered->end - numbered->begin)),
                                   name_type::product});
      pos = numbered->end;
      continue;
    }
    if (auto generic = lex.generic_subjects.longest_at(text, pos); generic && pos + generic->length <= sentence.end) {
      names.push_back(name_mention{byte_span{pos, pos + generic->length}, lex.generic_subject_ids[generic->payload],
                                   name_type::generic, lex.generic_subject_standalone[generic->payload]});
      pos += generic->length;
      continue;
    }
    std::size_t n = 0;
    detail::decode(text, pos, &n);
    pos += n;
  }
  return names;
}

word_set bracketed_titles(const std::vector<std::string_view>& texts) {
  word_set out;
  std::set<std::string> seen;
  auto han_count = [](std::string_view s) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < s.size();) {
      std::size_t n = 0;
      if (is_han_char(decode(s, pos, &n))) ++count;
      pos += n;
    }
    return count;
  };
  for (std::string_view text : texts) {
    for (std::size_t pos = text.find("\xE3\x80\x8A"); pos != std::string_view::npos; pos = text.find("\xE3\x80\x8A", pos + 3)) {
      const std::size_t close = text.find("\xE3\x80\x8B", pos);
      if (close == std::string_view::npos || close - pos > 60) continue;
      const std::string inner(text.substr(pos + 3, close - pos - 3));
      if (han_count(inner) >= 3 && inner.find('\n') == std::string::npos && seen.insert(inner).second) out.add(inner, 0);
    }
    for (std::size_t pos = text.find("\xE3\x80\x8C"); pos != std::string_view::npos; pos = text.find("\xE3\x80\x8C", pos + 3)) {
      const auto title = corner_bracket_title(text, pos, text.size());
      if (!title) continue;
      const std::string inner(text.substr(title->begin + 3, title->end - title->begin - 6));
      if (han_count(inner) >= 4 && inner.find('\n') == std::string::npos && seen.insert(inner).second) out.add(inner, 0);
    }
  }
  return out;
}

bool is_example(std::string_view text, byte_span name) {
  const std::size_t before = detail::skip_spaces_back(text, name.begin);
  const std::size_t after = detail::skip_spaces(text, name.end);
  const bool chinese = before >= 3 && text.substr(before - 3, 3) == "以" &&
                       (text.substr(after, 9) == "为代表" || text.substr(after, 9) == "爲代表");
  const bool english = before >= 8 && (text.substr(before - 8, 8) == "such as " || text.substr(before - 8, 8) == "like as ");
  return chinese || english;
}

std::vector<std::vector<std::size_t>> coordinated_groups(std::string_view text, const sentence_context& ctx, const lexicon& lex) {
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < ctx.names.size(); ++i) {
    if (ctx.names[i].type == name_type::generic) continue;
    if (!groups.empty()) {
      const name_mention& last = ctx.names[groups.back().back()];
      std::size_t gap_begin = detail::skip_spaces(text, last.span.end);
      std::size_t gap_end = detail::skip_spaces_back(text, ctx.names[i].span.begin);
      bool joined = gap_begin == gap_end;
      if (!joined && gap_begin < gap_end) {
        auto m = lex.coordinators.longest_at(text, gap_begin);
        joined = m && gap_begin + m->length == gap_end;
      }
      if (joined) {
        groups.back().push_back(i);
        continue;
      }
    }
    groups.push_back({i});
  }
  return groups;
}

namespace {

// "deaths around Beijing", 北京周边: the figure holds for the area about the place, which
// takes in more than the place itself.
bool names_surroundings(std::string_view text, std::size_t place_begin, std::size_t place_end, std::size_t floor) {
  for (std::string_view word : {"around ", "near ", "outside ", "surrounding ", "outskirts of ", "环绕"}) {
    if (place_begin >= floor + word.size() && text.substr(place_begin - word.size(), word.size()) == word) return true;
  }
  const std::size_t next = skip_spaces(text, place_end);
  for (std::string_view word : {"周边", "附近", "周围", "一带", "及周边", "和周边", " area", " region"}) {
    if (starts_with(text, word.front() == ' ' ? place_end : next, word)) return true;
  }
  return false;
}

}  // namespace

std::optional<std::size_t> place_of_figure(std::string_view text, byte_span phrase, byte_span figure, const lexicon& lex, bool* surroundings) {
  std::optional<std::size_t> before;
  std::optional<std::size_t> after;
  bool before_surroundings = false;
  bool after_surroundings = false;
  for (std::size_t pos = phrase.begin; pos < phrase.end;) {
    if (pos >= figure.begin && pos < figure.end) {
      pos = figure.end;
      continue;
    }
    const auto place = lex.place_at(text, pos);
    if (!place) {
      std::size_t n = 0;
      decode(text, pos, &n);
      pos += n;
      continue;
    }
    const std::size_t length = lex.places.longest_at(text, pos)->length;
    const std::size_t next = skip_spaces(text, pos + length);
    // 花莲地震, the Hualien earthquake: the place names the event, not where a figure holds;
    // 北京时间 is a clock, not Beijing.
    const bool names_event = lex.generic_subjects.longest_at(text, next).has_value() || starts_with(text, next, "时间") ||
                             starts_with(text, next, "time") || starts_with(text, next, "近海") || starts_with(text, next, "外海");
    if (!names_event) {
      if (pos < figure.begin) {
        before = place;
        before_surroundings = names_surroundings(text, pos, pos + length, phrase.begin);
      } else if (!after) {
        after = place;
        after_surroundings = names_surroundings(text, pos, pos + length, phrase.begin);
      }
    }
    if (after && pos >= figure.end && *after == *place) {
      // "killed 111 people in Gansu and neighboring Qinghai": the figure covers both places, so
      // it is no one place's figure (the phrase stops at `and`, the sentence goes on).
      std::size_t p = skip_spaces(text, pos + length);
      for (std::string_view joint : {"and ", "和", "及", "、", ", ", "，"}) {
        if (starts_with(text, p, joint)) {
          p = skip_spaces(text, p + joint.size());
          for (std::string_view neighbour : {"neighboring ", "neighbouring ", "邻省", "邻近的"}) {
            if (starts_with(text, p, neighbour)) p = skip_spaces(text, p + neighbour.size());
          }
          if (const auto second = lex.place_at(text, p); second && *second != *place) return std::nullopt;
          break;
        }
      }
    }
    pos += length;
  }
  if (surroundings != nullptr) *surroundings = before ? before_surroundings : after_surroundings;
  return before ? before : after;
}

// "In Qinghai, the quake has left 182 people injured": a place opening the sentence, closed by a
// comma, holds for every figure of it that names no place of its own.
std::optional<std::size_t> opening_place(std::string_view text, byte_span sentence, const lexicon& lex) {
  std::size_t pos = sentence.begin;
  if (!starts_with(text, pos, "In ")) return std::nullopt;
  pos += 3;
  if (starts_with(text, pos, "the ")) pos += 4;
  const auto place = lex.place_at(text, pos);
  if (!place) return std::nullopt;
  const std::size_t end = pos + lex.places.longest_at(text, pos)->length;
  return end < sentence.end && text[end] == ',' ? place : std::nullopt;
}

}  // namespace checker::detail
