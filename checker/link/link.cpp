#include "link/link.h"

#include <algorithm>
#include <chrono>
#include <set>

#include <fmt/format.h>

#include "link/annotations.h"
#include "link/passes.h"
#include "recognize/scanner.h"

namespace checker {
using namespace detail;  // the link stage's own annotations (link/annotations.h)

namespace {

// 分别是轮岛市81人: words of two or more Chinese characters (after 是 or 为) between 分别 and its
// first figure label that figure, as each item of a breakdown labels its own.
bool labels_its_figures(std::string_view text, std::size_t cue_end, std::size_t first_figure) {
  if (first_figure <= cue_end) return false;
  std::size_t pos = cue_end;
  for (std::string_view copula : {"是", "为"}) {
    if (text.substr(pos, copula.size()) == copula) pos += copula.size();
  }
  std::size_t han = 0;
  while (pos < first_figure) {
    std::size_t n = 0;
    const char32_t c = detail::decode(text, pos, &n);
    if (n == 0) break;
    if (c >= 0x4E00 && c <= 0x9FFF) ++han;
    pos += n;
  }
  return han >= 2;
}

// 增长, 成长 (grow) before a figure: the growth, not a comparison.
bool ends_with_growth(std::string_view text, std::size_t end) {
  for (std::string_view word : {"增长", "成长", "增長", "成長"}) {
    if (end >= word.size() && text.substr(end - word.size(), word.size()) == word) return true;
  }
  return false;
}

}  // namespace

std::vector<claim> link(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                        std::vector<claim> claims, const lexicon& lex, const link_options& options, diagnostics& diags) {
  // Sentence contexts for every sentence that holds a claim (and the ones before, for focus).
  // Titles bracketed anywhere in the corpus are names wherever they are written.
  std::vector<std::string_view> texts;
  for (const document& d : docs) texts.push_back(d.match_text());
  word_set corpus_titles = bracketed_titles(texts);
  // And the Chinese spellings of pinyin names (华为 for the corpus's Huawei), found bare: across
  // the documents of one check only. A document linked alone for an archive, or on behalf of
  // one, does not read them (an ICU transliterator per document cost a third of an archive add).
  if (!options.corpus && docs.size() > 1) add_han_spellings_of_latin_names(texts, lex, corpus_titles);
  std::vector<std::map<std::size_t, sentence_context>> contexts(docs.size());
  auto context_for = [&](std::size_t doc, std::size_t index) -> const sentence_context& {
    auto [it, inserted] = contexts[doc].try_emplace(index);
    if (inserted) {
      sentence_context& ctx = it->second;
      ctx.span = sentences[doc][index].span;
      const std::string_view text = docs[doc].match_text();
      ctx.names = find_names(text, ctx.span, lex, &corpus_titles);
      ctx.breaks = clause_breaks(text, ctx.span);
      ctx.attribute_cues = find_cues(text, ctx.span, lex.attribute_cues);
      ctx.qualifier_cues = find_cues(text, ctx.span, lex.qualifier_cues);
      ctx.pronouns = find_cues(text, ctx.span, lex.pronouns);
      ctx.attributions = find_attributions(text, ctx.span, lex);
      mark_name_roles(text, ctx, lex);
    }
    return it->second;
  };

  // Organisation names seen on their own anywhere in the corpus, for alias merging, with the
  // names and attributions of each sentence that holds a claim, which the credited sources and
  // the main subjects read. Only those two parts: the full contexts of a whole corpus at once were
  // the largest allocation of a run after the claims (issue 15). The main pass below builds full
  // contexts one document at a time and drops them after.
  std::set<std::string> organisations;
  std::vector<std::map<std::size_t, sentence_context>> names_and_sources(docs.size());
  for (const claim& c : claims) {
    auto [it, inserted] = names_and_sources[c.document].try_emplace(c.found.sentence);
    sentence_context& ctx = it->second;
    if (inserted) {
      ctx.span = sentences[c.document][c.found.sentence].span;
      const std::string_view text = docs[c.document].match_text();
      ctx.names = find_names(text, ctx.span, lex, &corpus_titles);
      ctx.attributions = find_attributions(text, ctx.span, lex);
      ctx.breaks = clause_breaks(text, ctx.span);  // the roles read clauses
      mark_name_roles(text, ctx, lex);
    }
    for (const name_mention& n : ctx.names) {
      if (n.type == name_type::organisation && n.text.find(' ') == std::string::npos && n.text.find('-') == std::string::npos) {
        organisations.insert(n.text);
      }
    }
  }
  std::map<std::string, std::size_t> mentions;
  for (const auto& doc_contexts : names_and_sources) {
    for (const auto& entry : doc_contexts) {
      for (const name_mention& n : entry.second.names) {
        if (n.type != name_type::generic) ++mentions[n.text];
      }
    }
  }
  // Issue 15: documents linked on behalf of a whole archive read the archive's names.
  const std::set<std::string>& corpus_organisations = options.corpus ? options.corpus->organisations : organisations;
  const std::map<std::string, std::size_t>& corpus_mentions = options.corpus ? options.corpus->mentions : mentions;
  // Spellings of one title first, then one name in two scripts, counted over the titles' wordings.
  const std::map<std::string, std::string> titles = title_variant_aliases(corpus_mentions);
  std::map<std::string, std::size_t> title_mentions;
  for (const auto& [name, count] : corpus_mentions) {
    const auto it = titles.find(name);
    title_mentions[it == titles.end() ? name : it->second] += count;
  }
  std::map<std::string, std::string> variants = cross_script_aliases(title_mentions);
  for (const auto& [name, title] : titles) {
    const auto it = variants.find(title);
    variants[name] = it == variants.end() ? title : it->second;
  }
  // Then a Latin short form of a Chinese title (`Wukong`, `Black Myth: Wukong` for 黑神话:悟空).
  tie_short_forms_across_scripts(corpus_mentions, variants, lex);
  const alias_table aliases(corpus_organisations, options.aliases, lex.subject_aliases, variants);
  const std::vector<std::set<std::string>> credited_sources = sources_by_document(docs.size(), names_and_sources);
  const std::vector<std::string> main_subjects = main_subject_by_document(docs.size(), names_and_sources, aliases);
  names_and_sources.clear();
  names_and_sources.shrink_to_fit();

  // Claims by (document, sentence), in order.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_sentence;
  for (std::size_t i = 0; i < claims.size(); ++i) by_sentence[{claims[i].document, claims[i].found.sentence}].push_back(i);

  std::vector<std::pair<std::size_t, std::string>> focus(docs.size(), {0, std::string()});  // (sentence, subject)
  // The period the figure in focus covers (上半年, period:2024-01-01..2024-06-30): the next
  // sentence that goes on about its subject goes on about that period (营收4270亿元。净利润为371亿元).
  std::vector<std::vector<std::string>> focus_periods(docs.size());
  auto is_period_qualifier = [&](const std::string& q) {
    if (q.rfind("period:", 0) == 0) return true;
    const auto id = std::find(lex.qualifier_ids.begin(), lex.qualifier_ids.end(), q);
    return id != lex.qualifier_ids.end() && lex.qualifier_groups[static_cast<std::size_t>(id - lex.qualifier_ids.begin())] == "period_grain";
  };
  std::vector<bool> focus_set(docs.size(), false);

  // Not a structured binding: clang 14 (the fuzz build) cannot capture one in the lambdas below.
  std::size_t previous_doc = 0;
  for (const auto& sentence_entry : by_sentence) {
    const auto& key = sentence_entry.first;
    const std::vector<std::size_t>& members = sentence_entry.second;
    const std::size_t doc = key.first;
    const std::size_t index = key.second;
    // Sentences come document by document: the contexts of the one before are done with.
    if (doc != previous_doc) contexts[previous_doc].clear();
    previous_doc = doc;
    const std::string_view text = docs[doc].match_text();
    const sentence_context& ctx = context_for(doc, index);
    std::set<std::size_t> distributed;

    // 分别 / respectively: figures of one kind over the coordinated subjects, in order.
    for (const cue& r : find_cues(text, ctx.span, lex.respectively)) {
      const auto groups = coordinated_groups(text, ctx, lex);
      const std::vector<std::size_t>* chosen = nullptr;
      for (const auto& g : groups) {
        if (ctx.names[g.back()].span.end > r.begin) break;
        if (chosen == nullptr || g.size() >= 2 || chosen->size() < 2) chosen = &g;
      }
      if (chosen == nullptr) continue;
      const std::size_t list_end = ctx.names[chosen->back()].span.end;
      // 分别 comes before its figures, "respectively" after them.
      const bool figures_follow = !is_alpha(text[r.begin]);
      std::vector<std::size_t> after;
      for (std::size_t i : members) {
        const byte_span figure = claims[i].found.span;
        if (figure.begin >= list_end && (figures_follow || figure.end <= r.begin)) after.push_back(i);
      }
      if (after.empty()) continue;
      auto follows = [&](std::size_t a) { return figures_follow && claims[a].found.span.begin >= r.end; };
      const std::size_t nearest = *std::min_element(after.begin(), after.end(), [&](std::size_t a, std::size_t b) {
        if (follows(a) != follows(b)) return follows(a);
        return distance(claims[a].found.span, byte_span{r.begin, r.end}) < distance(claims[b].found.span, byte_span{r.begin, r.end});
      });
      std::vector<std::size_t> targets;
      for (std::size_t i : after) {
        if (claims[i].found.kind == claims[nearest].found.kind) targets.push_back(i);
      }
      auto first_after = [&](const std::vector<std::size_t>& figures, std::size_t at) {
        std::size_t first = text.size();
        for (std::size_t i : figures) {
          if (claims[i].found.span.begin >= at) first = std::min(first, claims[i].found.span.begin);
        }
        return first;
      };
      if (targets.size() == chosen->size()) {
        for (std::size_t k = 0; k < targets.size(); ++k) {
          claims[targets[k]].subject = aliases.canonical(ctx.names[(*chosen)[k]].text);
          claims[targets[k]].link_basis = "respectively";
          claims[targets[k]].link_confidence = 0.85;
          distributed.insert(targets[k]);
        }
      } else if (figures_follow && labels_its_figures(text, r.end, first_after(targets, r.end))) {
        // 共有180人罹难，分别是轮岛市81人、珠洲市71人: 分别是 opens a breakdown whose items name
        // their own parts, not figures spread over the subjects before it.
        continue;
      } else {
        for (std::size_t i : targets) {
          claims[i].link_basis = "respectively-mismatch";
          distributed.insert(i);
        }
        diags.push_back(diagnostic{"link.respectively-mismatch", diagnostic_level::note, docs[doc].path,
                                   fmt::format("'{}' spreads {} figure(s) over {} subject(s); they are not compared",
                                               std::string(text.substr(r.begin, r.end - r.begin)), targets.size(), chosen->size()),
                                   docs[doc].original_span(byte_span{r.begin, r.end}).begin});
      }
    }

    std::optional<byte_span> from_clause;
    // Names that are what a count counts (512块H800芯片) are nobody's subject in this sentence.
    std::set<std::size_t> counted_names;
    for (std::size_t j : members) {
      const claim& counter = claims[j];
      if (counter.found.kind != claim_kind::count || !counter.found.amount || counter.found.amount->counted.empty()) continue;
      for (const name_mention& n : ctx.names) {
        if (n.span.begin >= counter.found.span.end && n.span.begin <= counter.found.span.end + 15 &&
            (n.text == counter.found.amount->counted || aliases.canonical(n.text) == counter.found.amount->counted)) {
          counted_names.insert(n.span.begin);
          // The maker named right before it belongs to the counted thing too: 1万张英伟达A100芯片.
          for (const name_mention& maker : ctx.names) {
            if (maker.span.begin >= counter.found.span.end && detail::skip_spaces(text, maker.span.end) == n.span.begin) {
              counted_names.insert(maker.span.begin);
            }
          }
        }
      }
    }
    // The subject a pronoun or a subjectless clause points back to: the nearest name earlier in
    // the sentence, else the subject in focus from the sentences before.
    auto inherited = [&](std::size_t before_offset, bool main_fallback) -> std::string {
      const name_mention* last = nullptr;
      for (const name_mention& n : ctx.names) {
        // A venue or a credited source is not who a pronoun means (游戏在Steam平台上的…).
        if (n.type != name_type::generic && n.role == name_role::subject && n.span.end <= before_offset &&
            counted_names.count(n.span.begin) == 0) {
          last = &n;
        }
      }
      if (last != nullptr) return aliases.canonical(last->text);
      if (focus_set[doc] && index - focus[doc].first <= 3) return focus[doc].second;
      // No figure named a subject lately: the first name of the sentence before.
      if (index > 0) {
        for (const name_mention& n : context_for(doc, index - 1).names) {
          if (n.type != name_type::generic && n.role == name_role::subject) return aliases.canonical(n.text);
        }
      }
      // Nothing named lately: what the document is mainly about (游戏在Steam平台上…). Not for a
      // date: a date with no name near it often dates the page itself (发布时间：…).
      return main_fallback ? main_subjects[doc] : std::string();
    };
    // The nearest earlier figure of the sentence with the same kind and unit whose attribute came
    // from a cue word.
    // 造成海东市212人伤亡，其中14人死亡; 甘肃已有86人遇难、96人受伤: a figure with no place of its
    // own, right after a placed figure of its list (其中, 、), holds where that one does.
    auto place_of_list_before = [&](std::size_t current) -> std::optional<std::string> {
      const byte_span figure = claims[current].found.span;
      std::optional<std::size_t> previous;
      for (std::size_t j : members) {
        if (j == current) break;
        if (claims[j].found.kind != claim_kind::date) previous = j;
      }
      if (!previous) return std::nullopt;
      const claim& before = claims[*previous];
      const auto place = std::find_if(before.qualifiers.begin(), before.qualifiers.end(),
                                      [](const std::string& q) { return q.rfind("place:", 0) == 0; });
      if (place == before.qualifiers.end()) return std::nullopt;
      constexpr std::size_t max_gap = 24;
      if (figure.begin < before.found.span.end || figure.begin - before.found.span.end > max_gap) return std::nullopt;
      const std::string_view between = text.substr(before.found.span.end, figure.begin - before.found.span.end);
      // The list's own joints; a comma only after a figure that is no item of a list of places
      // (青海海东市11人死亡，140人受伤), since after a list (轮岛市81人、羽咋市1人，565人受伤) the
      // next clause is about all of them.
      const std::size_t lead_from = before.found.span.begin >= 30 ? before.found.span.begin - 30 : 0;
      const bool after_list_item = text.substr(lead_from, before.found.span.begin - lead_from).find("、") != std::string_view::npos;
      const bool comma = between.find("，") != std::string_view::npos || between.find(",") != std::string_view::npos;
      const bool joined = between.find("其中") != std::string_view::npos || between.find("、") != std::string_view::npos ||
                          (comma && !after_list_item);
      // Another place between them, or the words of a new clause's own subject, end the list; so
      // does a sum over places (两国合计至少360人, a combined total).
      if (!joined || !find_cues(text, byte_span{before.found.span.end, figure.begin}, lex.places).empty()) return std::nullopt;
      for (std::string_view sum : {"合计", "共计", "总计", "两国", "兩國", "combined", "total", "in all", "altogether"}) {
        if (between.find(sum) != std::string_view::npos) return std::nullopt;
      }
      return *place;
    };
    auto list_attribute = [&](std::size_t current) -> std::optional<std::size_t> {
      std::optional<std::size_t> found;
      for (std::size_t j : members) {
        if (j == current) break;
        const claim& earlier = claims[j];
        // A list runs on item by item: 轮岛市81人、珠洲市71人、穴水町18人 all take the cue of the
        // total before them, each close to the one before.
        if (earlier.found.kind == claims[current].found.kind && earlier.unit == claims[current].unit && !earlier.attribute.empty() &&
            (earlier.link_basis.find("cue") != std::string::npos || earlier.link_basis.find("listed after") != std::string::npos)) {
          found = j;
        }
      }
      // A list item follows its predecessor closely ("$294,000, or about 2.09 million yuan",
      // 0.5元（缓存命中）或2元); a figure a whole clause later has a verb of its own ("..., and in
      // four weeks it has earned $1.92 billion").
      constexpr std::size_t max_list_gap = 40;
      if (found && unbracketed_length(text, claims[*found].found.span.end, claims[current].found.span.begin) > max_list_gap) {
        return std::nullopt;
      }
      return found;
    };
    auto in_comparison = [&](std::size_t i) {
      const auto& q = claims[i].qualifiers;
      if (std::find(q.begin(), q.end(), "difference") != q.end()) return true;
      const byte_span clause = clause_of(ctx.breaks, ctx.span, claims[i].found.span.begin);
      return !find_cues(text, byte_span{clause.begin, claims[i].found.span.begin}, lex.comparison_markers).empty();
    };
    // The attribute of the nearest cue before `offset` in the sentence that names a measure (not
    // itself a change).
    auto measure_before = [&](const sentence_context& sc, std::size_t offset, const cue** where = nullptr) -> std::optional<std::size_t> {
      std::optional<std::size_t> found;
      // The measure is named close before its change (营收……增幅为20%), not sentences of bullets away.
      constexpr std::size_t farthest_measure = 90;
      for (const cue& k : sc.attribute_cues) {
        if (k.end > offset) break;
        if (offset - k.end > farthest_measure) continue;
        for (std::size_t a : lex.attribute_cue_targets[k.payload]) {
          // A measure that grows is a quantity: `reached` may cue an arrival date, never a growth.
          const auto& dims = lex.attributes[a].dims;
          const bool date_only = std::all_of(dims.begin(), dims.end(), [](const std::string& d) { return d == "date"; });
          if (!lex.attributes[a].change_of && lex.attributes[a].id.find("growth") == std::string::npos && !date_only) {
            found = a;
            if (where != nullptr) *where = &k;
            break;
          }
        }
      }
      return found;
    };
    // A date figure that fills a whole clause, apart from a preposition: `2024年，`, `On January 24,`.
    auto date_only_clause = [&](byte_span clause, const claim& date) {
      std::string rest = std::string(text.substr(clause.begin, date.found.span.begin - clause.begin)) +
                         std::string(text.substr(date.found.span.end, clause.end - date.found.span.end));
      std::erase(rest, ' ');
      return rest.empty() || rest == "On" || rest == "on" || rest == "In" || rest == "in" || rest == "在" || rest == "于";
    };
    // A clause of its own that holds no figure but its date, with words of its own (已于2024年5月开放
    // 预购, opened pre-orders in May): the date is when that happened, not the period of the
    // figures in the clauses after it.
    auto dates_an_event = [&](byte_span date_clause, const claim& date) {
      if (date_only_clause(date_clause, date)) return false;
      const bool other_figure = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
        const claim& o = claims[j];
        return &o != &date && o.found.kind != claim_kind::date && o.found.span.begin >= date_clause.begin && o.found.span.end <= date_clause.end;
      });
      return !other_figure;
    };
    auto period_text = [&](const claim& date) {
      return date.date->grain == date_grain::day || date.date->first == date.date->last
                 ? "period:" + date.date->first.iso()
                 : "period:" + date.date->first.iso() + ".." + date.date->last.iso();
    };
    // True when no figure of `current`'s kind comes before `date`: the date then opens the
    // sentence's figures of that kind rather than closing a parallel one ("3.12% on Friday,
    // January 24, and 17% on Monday" vs "shipped 12 million phones in the first half, up 15%").
    auto opens_figures_like = [&](const claim& date, std::size_t current) {
      for (std::size_t j : members) {
        const claim& other = claims[j];
        if (other.found.kind != claim_kind::date && other.found.kind == claims[current].found.kind &&
            other.found.span.begin < date.found.span.begin) {
          return false;
        }
      }
      return true;
    };
    // Moments that stamp the figures after them in this sentence: 截至19日8时47分 (the date
    // found there, and a clock time after it), 目前 (the publication date).
    std::vector<std::pair<std::size_t, std::string>> stamps;  // (where, moment)
    std::set<std::size_t> stamp_dates;                       // dates that are stamps, not periods
    const std::vector<cue> as_of_markers = find_cues(text, ctx.span, lex.as_of_markers);
    for (const cue& marker : as_of_markers) {
      const std::size_t at = after_time_zone_words(text, detail::skip_spaces(text, marker.end));
      for (std::size_t j : members) {
        const claim& when = claims[j];
        if (when.found.kind != claim_kind::date || when.found.span.begin != at) continue;
        // 截至下午3时: a time of day alone stamps the publication day (below), whatever day the
        // sentence before names.
        const date_parts& parts = *when.found.date;
        if (parts.clock && !parts.day && !parts.weekday && !parts.day_offset && !parts.chain_offset) {
          stamp_dates.insert(j);
          continue;
        }
        std::string moment = stamp_moment(when, docs[doc].published);
        if (moment.empty()) continue;
        if (moment.size() == 10) {
          // 截至19日8时47分: the date took the time of day it was written with.
          const auto& clock = when.found.date->clock;
          moment += clock ? fmt::format("T{:02}:{:02}", clock->hour, clock->minute.value_or(0)) : clock_after(text, when.found.span.end, ctx.span.end);
        }
        stamps.emplace_back(marker.begin, moment);
        stamp_dates.insert(j);
      }
      // "as of 3.30 p.m.", 截至下午3时: a clock time alone is of the publication day.
      if (docs[doc].published && (stamps.empty() || stamps.back().first != marker.begin)) {
        if (std::string clock = clock_after(text, at, ctx.span.end); !clock.empty()) {
          stamps.emplace_back(marker.begin, docs[doc].published->iso() + clock);
          continue;
        }
      }
      // "as of Tuesday evening", 截至周二: the latest such weekday on or before the publication date.
      if (docs[doc].published && (stamps.empty() || stamps.back().first != marker.begin)) {
        if (auto weekday = weekday_at(text, at)) {
          const std::chrono::sys_days published = docs[doc].published->days();
          const unsigned today = std::chrono::weekday(published).c_encoding();
          const unsigned back = (today + 7 - *weekday) % 7;
          stamps.emplace_back(marker.begin, civil_date::from_days(published - std::chrono::days(back)).iso());
        }
      }
    }
    if (docs[doc].published) {
      for (const cue& now : find_cues(text, ctx.span, lex.as_of_now)) {
        // 截至今日 holds 至今 across its two words: that is the marker's, not a second stamp.
        const bool inside_marker = std::any_of(as_of_markers.begin(), as_of_markers.end(),
                                               [&](const cue& m) { return now.begin < m.end + 6 && now.end > m.begin; });
        if (!inside_marker) stamps.emplace_back(now.begin, docs[doc].published->iso());
      }
    }
    std::sort(stamps.begin(), stamps.end());

    // "Mason County, where 43 people have died": a relative clause of place reaches back to the
    // clause it describes.
    auto clause_with_antecedent = [&](byte_span clause) {
      if (!detail::starts_with(text, detail::skip_spaces(text, clause.begin), "where ")) return clause;
      const auto previous = previous_clause(ctx.breaks, ctx.span, clause);
      return previous ? byte_span{previous->begin, clause.end} : clause;
    };
    auto period_of = [&](std::size_t current, byte_span clause) -> std::optional<std::string> {
      const byte_span span = claims[current].found.span;
      const claim* in_clause = nullptr;
      const claim* opening = nullptr;
      const claim* trailing = nullptr;
      for (std::size_t j : members) {
        const claim& d = claims[j];
        if (d.found.kind != claim_kind::date || !d.date || d.status != resolution::resolved) continue;
        if (stamp_dates.count(j) > 0) continue;  // 截至8日: when the figure was counted, not what period it covers
        // 1月7日9时5分: a moment something happened, not a period that figures cover.
        if (d.found.date->clock || !clock_after(text, d.found.span.end, ctx.span.end).empty()) continue;
        // A date that is itself a fact (发布于8月11日, founded in 2008) dates an event, not the
        // period of the figures around it.
        if (!d.attribute.empty()) continue;
        // 年底, early 2025: too vague to separate one period's figures from another's.
        if (d.found.date && (d.found.date->period == date_period::early || d.found.date->period == date_period::mid ||
                             d.found.date->period == date_period::late)) {
          continue;
        }
        // 2023年的100亿元: the date belongs to the figure right after 的 and to no other.
        const std::size_t after = d.found.span.end;
        const bool attached = detail::starts_with(text, after, "的");
        if (attached) {
          if (detail::skip_spaces(text, after + 3) == span.begin) return period_text(d);
          continue;
        }
        const byte_span date_clause = clause_of(ctx.breaks, ctx.span, d.found.span.begin);
        if (date_clause.begin == clause.begin) {
          if (in_clause == nullptr || distance(d.found.span, span) < distance(in_clause->found.span, span)) in_clause = &d;
        } else if (date_only_clause(date_clause, d) && date_clause.begin >= clause.end && date_clause.begin <= clause.end + 4) {
          trailing = &d;
        } else if (d.found.span.end <= clause.begin && opens_figures_like(d, current) &&
                   find_cues(text, date_clause, lex.reporting_verbs).empty() && !dates_an_event(date_clause, d)) {
          // 今年上半年公司出货量为1200万台，同比增长15%: a date earlier in the sentence sets the
          // period of the later clauses too, unless it closes a figure of the same kind.
          opening = &d;
        }
      }
      if (in_clause != nullptr) return period_text(*in_clause);
      if (trailing != nullptr) return period_text(*trailing);
      if (opening != nullptr) return period_text(*opening);
      return std::nullopt;
    };
    for (std::size_t i : members) {
      claim& c = claims[i];
      const byte_span span = c.found.span;
      const byte_span clause = clause_of(ctx.breaks, ctx.span, span.begin);
      const std::string dimension = claim_dimension(c);
      // A figure inside a name (「嫦娥6号」) is part of the name; a wire dateline (北京2日电)
      // dates the dispatch, not the news. Neither is a fact to link.
      // The moment after `as of` or 截至 stamps the sentence's figures; it is no fact's value.
      if (inside_a_name(ctx.names, span) || is_dateline(text, c) || opens_a_period(text, c) || stamp_dates.count(i) > 0) {
        c.link_basis = "not a figure of a fact";
        continue;
      }

      // Attribute: the nearest fitting cue in the clause, else in the sentence, else the
      // counted noun itself (8 experts -> reviewer_count).
      const cue* best = nullptr;
      std::size_t best_attribute = 0;
      bool in_clause = false;
      // "The death toll has risen to 24", 死亡人数升至48: a bare whole number after a cue that
      // counts people in its clause is that count.
      const bool bare_whole = c.value && c.value->exponent >= 0 && c.found.amount &&
                              ((c.found.kind == claim_kind::number && c.found.amount->unit.empty()) ||
                               (c.found.kind == claim_kind::count && (c.found.amount->counted.empty() || c.found.amount->counted == "count")));
      // "27 are missing", "12 were still unaccounted for": only a copula between.
      auto copula_then = [&](const cue& k) {
        if (k.begin < span.end || k.end > clause.end) return false;
        std::size_t pos = span.end;
        while (pos < k.begin) {
          while (pos < k.begin && text[pos] == ' ') ++pos;
          std::size_t end = pos;
          while (end < k.begin && is_alpha(text[end])) ++end;
          if (end == pos) return pos >= k.begin;
          const std::string_view word = text.substr(pos, end - pos);
          if (word != "are" && word != "were" && word != "is" && word != "was" && word != "remain" && word != "remained" &&
              word != "remains" && word != "still" && word != "have" && word != "had" && word != "been") {
            return false;
          }
          pos = end;
        }
        return true;
      };
      auto fitting_cue = [&](const cue& k) {
        std::optional<std::size_t> fitting = fitting_attribute(lex, k.payload, dimension);
        if (!fitting && bare_whole && ((k.end <= span.begin && k.begin >= clause.begin) || copula_then(k))) {
          fitting = fitting_attribute(lex, k.payload, "count:person");
        }
        return fitting;
      };
      for (const cue& k : ctx.attribute_cues) {
        const std::optional<std::size_t> fitting = fitting_cue(k);
        if (!fitting) continue;
        if (k.begin >= span.begin && k.end <= span.end) continue;
        // A cue that touches another figure of the same kind, and not this one, is that
        // figure's: 126人遇难、188人受伤 (the 188 are the injured), "killed 126 people and
        // injured 188".
        const auto touches = [&](byte_span figure) { return distance(byte_span{k.begin, k.end}, figure) <= 1; };
        if (!touches(span) && std::any_of(members.begin(), members.end(), [&](std::size_t other) {
              return other != i && claims[other].found.kind == c.found.kind && touches(claims[other].found.span);
            })) {
          continue;
        }
        const bool inside = k.begin >= clause.begin && k.end <= clause.end;
        if (best != nullptr && in_clause && !inside) continue;
        // 三天后, a week later (issue 12): counted from the date before it, so it dates a later
        // event; a cue outside its own clause belongs to that earlier date.
        if (!inside && c.found.date && c.found.date->shift && c.found.date->shift->from_preceding) continue;
        // A cue in another clause counts only close by: 2023年1月20日，DeepSeek-R1模型以开源方式发布.
        constexpr std::size_t max_cue_distance = 60;
        if (!inside && distance(byte_span{k.begin, k.end}, span) > max_cue_distance) continue;
        // A cue whose own clause holds a figure of this kind governs that figure ("on the evening
        // of September 25, Lei Jun said the car, launched in June, ...": the launch is June's).
        if (!inside) {
          const byte_span cue_clause = clause_of(ctx.breaks, ctx.span, k.begin);
          if (std::any_of(members.begin(), members.end(), [&](std::size_t other) {
                const byte_span o = claims[other].found.span;
                return other != i && claims[other].found.kind == c.found.kind && o.begin >= cue_clause.begin && o.end <= cue_clause.end;
              })) {
            continue;
          }
        }
        // Cues at about the same distance: the longer, more specific one wins
        // ("R1 cost just $294,000 to train" is a training cost, not a cost).
        const auto d_new = static_cast<long>(distance(byte_span{k.begin, k.end}, span));
        const auto d_best = best == nullptr ? 0L : static_cast<long>(distance(byte_span{best->begin, best->end}, span));
        const bool near_tie = best != nullptr && std::labs(d_new - d_best) <= 8;
        if (best == nullptr || (inside && !in_clause) ||
            (near_tie ? (k.end - k.begin) > (best->end - best->begin) : d_new < d_best)) {
          best = &k;
          best_attribute = *fitting;
          in_clause = inside;
        }
      }
      // The figure's own phrase decides first: a cue there is the figure's (9人死亡, 442人受困),
      // and a Chinese figure followed by words of its own that name no attribute the lexicon
      // knows takes no cue from elsewhere in the sentence and no attribute from a list.
      byte_span phrase = phrase_of(text, clause, span);  // also the place's scope below
      // A list after a date with no figure in it names where or how, not other figures
      // (8月20日于PC、PS5及Xbox平台同步发售): the date's verb comes after the list.
      if (c.found.kind == claim_kind::date && std::none_of(members.begin(), members.end(), [&](std::size_t other) {
            const byte_span o = claims[other].found.span;
            return other != i && o.begin >= span.end && o.begin < clause.end;
          })) {
        phrase.end = clause.end;
      }
      const cue* own = nullptr;
      for (const cue& k : ctx.attribute_cues) {
        if (k.begin < phrase.begin || k.end > phrase.end || (k.begin >= span.begin && k.end <= span.end)) continue;
        if (!fitting_cue(k)) continue;
        // 12死1133伤636人受困: a cue right after another figure is that figure's predicate.
        const bool closes_other = k.end <= span.begin && std::any_of(members.begin(), members.end(), [&](std::size_t other) {
          const byte_span o = claims[other].found.span;
          // Spaces may stand between (12 死), punctuation may not (126人,受伤人数达到188人).
          return other != i && o.end <= k.begin && k.begin - o.end <= 1 && (k.begin == o.end || text[o.end] == ' ');
        });
        if (closes_other) continue;
        if (own == nullptr || distance(byte_span{k.begin, k.end}, span) < distance(byte_span{own->begin, own->end}, span)) own = &k;
      }
      std::size_t own_words_end = phrase.end;
      for (std::size_t j : members) {
        if (claims[j].found.span.begin >= span.end) own_words_end = std::min(own_words_end, claims[j].found.span.begin);
      }
      const bool own_words = own == nullptr && has_own_words_after(text, span.end, own_words_end, lex);
      const bool best_in_phrase = best != nullptr && best->begin >= phrase.begin && best->end <= phrase.end;
      if (own != nullptr && !best_in_phrase) {
        best = own;
        best_attribute = *fitting_cue(*own);
        in_clause = true;
      } else if (own_words) {
        best = nullptr;
      }
      // "left 79 residents dead", "52,000 residents were evacuated": when the cue is the noun the
      // figure counts, a cue of another attribute in its clause says what happened to them.
      if (best != nullptr && in_clause && c.found.amount && !c.found.amount->counted.empty() &&
          best->begin == detail::skip_spaces(text, span.end) &&
          text.substr(best->begin, best->end - best->begin) == c.found.amount->counted) {
        const cue* predicate = nullptr;
        for (const cue& k : ctx.attribute_cues) {
          // After the noun, with no other figure between: what happened to these, not to others.
          if (k.begin < best->end || k.end > clause.end) continue;
          if (std::any_of(members.begin(), members.end(), [&](std::size_t other) {
                return other != i && claims[other].found.span.begin >= best->end && claims[other].found.span.end <= k.begin;
              })) {
            continue;
          }
          const auto fitting = fitting_cue(k);
          if (!fitting || *fitting == best_attribute) continue;
          if (predicate == nullptr || distance(byte_span{k.begin, k.end}, span) < distance(byte_span{predicate->begin, predicate->end}, span)) {
            predicate = &k;
          }
        }
        if (predicate != nullptr) {
          best = predicate;
          best_attribute = *fitting_cue(*predicate);
        }
      }
      double confidence = 0.9;
      std::string basis;
      // A count whose noun is itself a cue says what it counts: 5,200 employees -> headcount.
      std::optional<std::size_t> noun_attribute;
      if (c.found.kind == claim_kind::count && c.found.amount && !c.found.amount->unit_text.empty()) {
        const std::string& noun = c.found.amount->unit_text;
        if (auto m = lex.attribute_cues.longest_at(noun, 0); m && m->length == noun.size() && m->payload != lexicon::idiom_payload) {
          noun_attribute = fitting_attribute(lex, m->payload, dimension);
        }
      }
      const std::optional<std::size_t> listed =
          c.found.kind == claim_kind::date || own != nullptr || own_words ? std::nullopt : list_attribute(i);
      // A cue of another attribute in the figure's clause says what happened to those counted:
      // "left 79 residents dead", "52,000 residents were evacuated" are no population.
      if (noun_attribute && best != nullptr && in_clause && best_attribute != *noun_attribute && best->begin >= span.end &&
          std::none_of(members.begin(), members.end(), [&](std::size_t other) {
            return other != i && claims[other].found.span.begin >= span.end && claims[other].found.span.begin < best->end;
          })) {
        noun_attribute.reset();
      }
      const cue* measure_cue = nullptr;  // the cue that names what the figure measures
      if (noun_attribute) {
        c.attribute = lex.attributes[*noun_attribute].id;
        basis = "counted noun";
      } else if (listed && (best == nullptr || !in_clause)) {
        // A figure in a list after one with a cue shares it: 0.5元（缓存命中）或2元（缓存未命中）,
        // "cost $294,000, or about 2.09 million yuan".
        c.attribute = claims[*listed].attribute;
        basis = fmt::format("listed after {}", claims[*listed].found.text);
        confidence = 0.75;
      } else if (best != nullptr) {
        c.attribute = lex.attributes[best_attribute].id;
        measure_cue = best;
        if (lex.attributes[best_attribute].change_of) {
          // 营收...增幅为20%, shipped 12 million phones, up 15%: a change of the measure named before it.
          const cue* where = nullptr;
          if (auto measure = measure_before(ctx, best->begin, &where)) {
            c.attribute = lex.attributes[*measure].id + "_growth";
            measure_cue = where;
          }
        }
        basis = fmt::format("cue '{}'{}", std::string(text.substr(best->begin, best->end - best->begin)), in_clause ? "" : " in sentence");
        if (!in_clause) confidence = 0.75;
      } else if (c.found.kind == claim_kind::count) {
        // The counted noun names the attribute only when one attribute counts it: people are
        // counted as dead, injured, missing or employed, so `12人` alone says nothing.
        if (auto only = sole_attribute_counting(lex, dimension)) {
          c.attribute = lex.attributes[*only].id;
          basis = "counted noun";
          confidence = 0.8;
        }
      }

      // "all but two people on board were killed": the two are the rest of the group the cue
      // counts, not its count.
      if (!c.attribute.empty() && after_complement_marker(text, span.begin, ctx.span.begin, lex)) {
        c.attribute.clear();
        basis = "the rest of a group (all but)";
      }
      // A value the attribute cannot take is not its figure: 921 before 大地震 names an event, not
      // a magnitude.
      if (!c.attribute.empty() && !within_attribute_range(lex, c)) {
        c.attribute.clear();
        basis = "value outside the attribute's range";
      }
      // "risen to 24" after a cue counting people: the figure counts people.
      if (bare_whole && !c.attribute.empty() && !dimension_fits_attribute(lex, c.attribute, dimension) &&
          dimension_fits_attribute(lex, c.attribute, "count:person")) {
        c.unit = "count:person";
        confidence = std::min(confidence, 0.75);
      }
      // A bare number takes the unit its attribute is measured in: "magnitude 7.7" is 7.7级.
      if (!c.attribute.empty() && c.found.kind == claim_kind::number && (c.unit.empty() || c.unit == "number")) {
        if (std::string unit = unit_of_attribute(lex, c.attribute); !unit.empty()) c.unit = unit;
      }

      // Qualifiers: condition words in the clause, and a parenthesis right after the figure.
      std::set<std::string> qualifiers;
      std::map<std::string, std::pair<std::size_t, std::size_t>> grouped;  // group -> (distance, qualifier)
      // A clause without figures before this one states a condition: 如果多次尝试，准确率达到86.7%.
      byte_span condition{clause.begin, clause.begin};
      if (auto before_clause = previous_clause(ctx.breaks, ctx.span, clause)) {
        const bool has_figure = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
          return claims[j].found.span.begin >= before_clause->begin && claims[j].found.span.end <= before_clause->end;
        });
        if (!has_figure) condition = *before_clause;
      }
      for (const cue& q : ctx.qualifier_cues) {
        // A cue word inside a date is part of the date: the month in `May 8` is no `may`. (Inside
        // other figures a cue counts: `2 yuan per million input tokens` is an input price.)
        // A period word of a date with no year (上半年 on a page with no date line) still says
        // which part of the year the figures cover, as no period from the date will.
        if (std::any_of(members.begin(), members.end(), [&](std::size_t j) {
              return claims[j].found.kind == claim_kind::date && q.begin < claims[j].found.span.end &&
                     claims[j].found.span.begin < q.end &&
                     !(claims[j].status != resolution::resolved && lex.qualifier_groups[q.payload] == "period_grain");
            })) {
          continue;
        }
        const bool in_condition = q.begin >= condition.begin && q.end <= condition.end && condition.size() > 0;
        // A forecast or a supposition governs the clauses after it: 高盛预计，…收入超过30亿元.
        const bool governs = lex.qualifier_rest_of_sentence[q.payload] && q.end <= span.begin;
        // 2024年一季报，华为实现营收…; 上半年营收4270亿元，同比增长3.94%: a period named earlier in
        // the sentence is the period of its later figures (the nearest one, as for any group).
        const bool period_topic = lex.qualifier_groups[q.payload] == "period_grain" && q.end <= clause.begin;
        if (!in_condition && !governs && !period_topic && (q.begin < clause.begin || q.end > clause.end)) continue;
        // A parenthesis belongs to the figure it follows: 0.5元(缓存命中)/2元(缓存未命中).
        if (lex.qualifier_adjacent[q.payload]) {
          // 高出500元, 500 yuan more than the Nova 11: the cue touches the figure.
          // Between two figures a Chinese cue leads the figure after it (3499元高出500元), an
          // English one follows the figure before it (500 yuan more than the Nova 11).
          const bool english = is_alpha(text[q.begin]);
          const bool before = !english && q.end <= span.begin && detail::skip_spaces_back(text, span.begin) == q.end;
          const bool after = english && q.begin >= span.end && detail::skip_spaces(text, span.end) == q.begin;
          if (!before && !after) continue;
        }
        const std::optional<std::size_t> open_paren = enclosing_parenthesis(text, clause, q.begin);
        if (open_paren && detail::skip_spaces(text, span.end) != *open_paren) continue;
        // 298元(海外地区定价59.99美元): a parenthesis with a figure of its own qualifies that figure.
        if (open_paren && std::any_of(members.begin(), members.end(), [&](std::size_t j) {
              return j != i && claims[j].found.span.begin > *open_paren &&
                     enclosing_parenthesis(text, clause, claims[j].found.span.begin) == open_paren;
            })) {
          continue;
        }
        // Qualifiers of one group exclude each other: the figure takes the nearest cue
        // ("2 yuan ... on a cache miss and 0.5 yuan ... on a cache hit").
        const std::string& group = lex.qualifier_groups[q.payload];
        if (!group.empty()) {
          std::size_t d = distance(byte_span{q.begin, q.end}, span);
          if (q.end <= span.begin) {
            const std::string_view between = text.substr(q.end, span.begin - q.end);
            // "2 yuan ... on a cache miss and 0.5 yuan": the cue closes the figure before it.
            if (between.find(" and ") != std::string_view::npos || between.find(", ") != std::string_view::npos ||
                between.find("或") != std::string_view::npos) {
              d += 1000;
            }
          }
          auto [it, inserted] = grouped.try_emplace(group, d, q.payload);
          if (!inserted && d < it->second.first) it->second = {d, q.payload};
          continue;
        }
        qualifiers.insert(lex.qualifier_ids[q.payload]);
      }
      for (const auto& [group, nearest] : grouped) qualifiers.insert(lex.qualifier_ids[nearest.second]);
      // A trim written as a word and 版 before the figure in its sentence (`Max 版采用双电机，…续航
      // 800公里`), or an edition label opening the sentence (`标准版：21.59万元起，续航700公里`).
      if (grouped.count("edition") == 0 && c.found.kind != claim_kind::date) {
        if (auto written = written_edition(text, byte_span{ctx.span.begin, span.begin})) {
          qualifiers.insert(*written);
        } else if (auto label = edition_label(text, ctx.span, lex.qualifier_cues, lex.qualifier_groups); label && label->end <= span.begin) {
          auto cue = lex.qualifier_cues.longest_at(text, label->begin);
          if (cue && lex.qualifier_groups[cue->payload] == "edition") qualifiers.insert(lex.qualifier_ids[cue->payload]);
        }
      }
      // The period a figure is about: a date in its clause (2024年营收, fell 17% on January 27),
      // a date attached by 的 (2023年的100亿元), or a date standing alone as the sentence's
      // opening clause (2024年，...) or right after the clause (3.12% on Friday, January 24,).
      if (c.found.kind != claim_kind::date) {
        if (auto period = period_of(i, clause)) qualifiers.insert(*period);
      }
      // 比Model Y低约1万元, 比去年多出3天: a figure right after a comparative, with the comparison
      // marker before it in the clause, is the difference between two values, not a value.
      // 同比增长15%: the 长 of 增长 (grow) is no comparative, and the 比 of 同比 or 环比 no comparison.
      if (auto comparative = lex.comparative_words.longest_ending_at(text, detail::skip_spaces_back(text, span.begin));
          comparative && !ends_with_growth(text, detail::skip_spaces_back(text, span.begin)) &&
          !find_cues(text, byte_span{clause.begin, detail::skip_spaces_back(text, span.begin) - comparative->length},
                     lex.comparison_markers).empty()) {
        qualifiers.insert("difference");
      }
      // A duration in the clause that is no fact of its own is the window the figure covers:
      // 上映10天票房30亿元, 3 billion yuan in its first ten days.
      if (c.found.kind != claim_kind::date && c.found.kind != claim_kind::duration) {
        for (std::size_t j : members) {
          const claim& window = claims[j];
          if (window.found.kind != claim_kind::duration || !window.attribute.empty() || !window.value ||
              window.status != resolution::resolved || window.found.hedge != hedge_kind::none) {
            continue;
          }
          if (clause_of(ctx.breaks, ctx.span, window.found.span.begin).begin != clause.begin) continue;
          if (window.found.span.begin > span.begin) {
            // After the figure only as a window ("in its first ten days"); otherwise it may be
            // a fact of its own not linked yet ("cost 200 million yuan and runs 142 minutes").
            const std::size_t from = window.found.span.begin >= 16 ? window.found.span.begin - 16 : 0;
            const std::string_view lead = text.substr(from, window.found.span.begin - from);
            // "289,000 orders in an hour", "in three minutes": `in` right before the duration.
            const bool right_after_in = lead.size() >= 4 && lead.substr(lead.size() - 4) == " in ";
            if (lead.find("first") == std::string_view::npos && lead.find("within") == std::string_view::npos && !right_after_in) continue;
          }
          qualifiers.insert(fmt::format("within:{} {}", window.value->to_string(), window.unit));
        }
      }
      const std::size_t before = detail::skip_spaces_back(text, span.begin);
      if (auto to = lex.change_to.longest_ending_at(text, before); to && before - to->length >= ctx.span.begin) {
        // 提升至 always marks an end value; a bare 到/至/to only after a `from` figure in the clause.
        const bool verb = to->length > 3 && !is_alpha(text[before - to->length]);
        const bool word_ok = !is_alpha(text[before - to->length]) || detail::word_boundary(text, before - to->length);
        // "rose 20% to 12 billion": a change word earlier in the clause makes a bare `to` an end value.
        const bool after_change_word = !find_cues(text, byte_span{clause.begin, before - to->length}, lex.change_by).empty();
        if (word_ok && (verb || after_change_word || (from_clause && from_clause->begin == clause.begin))) {
          qualifiers.insert("change:to");
        }
      }
      if (auto from = lex.change_from.longest_ending_at(text, before); from && before - from->length >= ctx.span.begin &&
                                                                          (from->length == 3 || detail::word_boundary(text, before - from->length))) {
        qualifiers.insert("change:from");
        from_clause = clause;
      }
      // Where the figure holds: a place named in its own list item (曼德勒省死亡100人, 50 died in
      // Sagaing) makes it a different fact from a total or another place's figure. Intensive
      // measures of one event (its magnitude, a date) are not split by place.
      if (c.found.kind != claim_kind::date && !is_measured(lex, c.attribute)) {
        bool surroundings = false;
        if (auto place = place_of_figure(text, phrase, span, lex, &surroundings)) {
          qualifiers.insert("place:" + lex.place_entries[*place].id + (surroundings ? " and surroundings" : ""));
        } else if (auto town = local_place_before(text, clause, span)) {
          qualifiers.insert("place:" + *town);
        } else if (auto area = local_area_in(text, clause_with_antecedent(clause), span, lex)) {
          qualifiers.insert("place:" + *area);
        } else if (auto listed_place = place_of_list_before(i)) {
          qualifiers.insert(*listed_place);
        } else if (auto opening = opening_place(text, ctx.span, lex)) {
          qualifiers.insert("place:" + lex.place_entries[*opening].id);
        }
      }
      if (c.found.kind == claim_kind::money || c.found.kind == claim_kind::percent) {
        if (auto segment = segment_before(text, ctx.span, span, lex.segment_nouns)) {
          qualifiers.insert(*segment);
        } else if (measure_cue != nullptr && (c.attribute.rfind("revenue", 0) == 0 || c.attribute.rfind("operating_profit", 0) == 0)) {
          // `gaming revenue grew 22%`, 游戏收入为404亿元: a line of business named on the measure.
          if (auto line = segment_of_measure(text, ctx.span, byte_span{measure_cue->begin, measure_cue->end})) qualifiers.insert(*line);
        }
      }
      // Who measured it: the source credited nearest before the figure in the sentence, else
      // the nearest after it ("..., USGS said").
      // A clause that brings in a speaker of its own ("..., while Taiwanese authorities put it at
      // 7.2") is not the earlier agency's, and a source after the figure credits it only when no
      // other figure stands between them ("killed 126 people, according to USGS").
      const attribution* credited = nullptr;
      if (c.found.kind != claim_kind::date) {
        for (const attribution& a : ctx.attributions) {
          if (a.at < span.begin) credited = &a;
        }
        const bool own_speaker = credited != nullptr && credited->at < clause.begin &&
                                 !find_cues(text, byte_span{clause.begin, span.begin}, lex.attribution_after).empty();
        if (own_speaker) credited = nullptr;
        if (credited == nullptr) {
          for (const attribution& a : ctx.attributions) {
            if (a.at < span.end) continue;
            const bool figure_between = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
              return claims[j].found.span.begin >= span.end && claims[j].found.span.end <= a.at;
            });
            if (!figure_between) credited = &a;
            break;
          }
        }
      }
      if (credited != nullptr) {
        qualifiers.insert("source:" + credited->source);
      } else if (c.found.kind != claim_kind::date && ctx.attributions.empty() && credited_sources[doc].size() == 1 &&
                 is_measured(lex, c.attribute) &&
                 std::none_of(ctx.names.begin(), ctx.names.end(), [](const name_mention& n) { return n.role == name_role::credited; })) {
        // (Not when the sentence credits a body of its own: "the Disaster Authority put it at 7.6".)
        // A magnitude with no agency in its sentence: the one agency the document credits.
        qualifiers.insert("source:" + *credited_sources[doc].begin());
        confidence = std::min(confidence, 0.75);
      }
      if (auto group = subgroup_counted(text, c, lex)) {
        // "85 women, 84 men and 10 others": the rest is a group beside other groups; after a toll
        // ("killed 44 and left 250 others missing") it is everyone else.
        auto is_rest = [&](const std::string& g) { return std::binary_search(lex.rest_group_words.begin(), lex.rest_group_words.end(), g); };
        const bool beside_groups = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
          const auto other = j == i ? std::nullopt : subgroup_counted(text, claims[j], lex);
          return other && !is_rest(*other);
        });
        // "killed 9 others besides the crew" with no count before it: the rest of a group this
        // sentence does not count, not the toll.
        const bool figure_before = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
          return j != i && claims[j].found.span.end <= span.begin && claims[j].found.kind != claim_kind::date;
        });
        if (!is_rest(*group) || beside_groups || !figure_before) qualifiers.insert("group:" + *group);
      }
      if (converts_figure_before(text, members, claims, i, lex)) qualifiers.insert("converted");
      c.qualifiers.assign(qualifiers.begin(), qualifiers.end());
      // "the accuracy rose from 15.6% to 71%": the two ends of a change are levels of the measure,
      // not the change itself.
      const bool change_end = qualifiers.count("change:from") > 0 || qualifiers.count("change:to") > 0;
      if (change_end && best != nullptr && lex.attributes[best_attribute].change_of && c.attribute.size() > 7 &&
          c.attribute.ends_with("_growth")) {
        c.attribute.resize(c.attribute.size() - 7);
      }
      // The stamp before the figure in the sentence, else the first after it ("had killed 126
      // people as of January 8").
      if (c.found.kind != claim_kind::date) {
        for (const auto& [where, moment] : stamps) {
          if (where < span.begin) c.as_of = moment;
        }
        if (c.as_of.empty()) {
          for (const auto& [where, moment] : stamps) {
            if (where >= span.end) {
              c.as_of = moment;
              break;
            }
          }
        }
      }
      // `June 1, 2025 (EDT)`: the comma inside the date ends no clause for the zone after it.
      if (c.date || c.found.kind == claim_kind::date) assign_time_zone(c, text, byte_span{clause.begin, clause_of(ctx.breaks, ctx.span, span.end - 1).end}, lex);

      if (distributed.count(i) > 0) {
        if (c.subject.empty()) c.attribute.clear();  // respectively with no fit: not compared
        c.link_basis = c.link_basis + (basis.empty() ? "" : ", " + basis);
        if (!c.subject.empty()) c.link_confidence = std::min(c.link_confidence, confidence);
        continue;
      }

      // Subject.
      auto usable = [&](const name_mention& n) {
        // A name right after a figure is what it counts (512张H800), except an event named by its
        // kind: 6.8级地震 is the earthquake's magnitude.
        if (distance(n.span, span) == 0 && n.span.begin >= span.begin && !n.event) return false;
        if (is_example(text, n.span) || (n.role != name_role::subject && n.role != name_role::compared)) return false;
        return counted_names.count(n.span.begin) == 0;
      };
      const name_mention* chosen = nullptr;
      std::string subject_basis;
      // 成立于2012年的对冲基金公司幻方量化: the figure describes the noun after 的.
      if (c.found.kind == claim_kind::date && detail::starts_with(text, span.end, "的") && best != nullptr &&
          best->end <= span.begin && span.begin - best->end <= 3) {
        const std::size_t noun_begin = span.end + 3;
        const std::size_t noun_end = std::min(clause.end, noun_begin + 45);
        const name_mention* inside = nullptr;
        for (const name_mention& n : ctx.names) {
          if (n.span.begin >= noun_begin && n.span.end <= clause.end && n.type != name_type::generic) inside = &n;
        }
        std::string noun = inside != nullptr ? aliases.canonical(inside->text) : std::string(text.substr(noun_begin, noun_end - noun_begin));
        noun.resize(complete_utf8_prefix(noun));  // never cut a character in two
        for (std::string_view stop : {"。", "，", ",", ".", "；", ";", "！", "？"}) {
          noun = noun.substr(0, noun.find(stop));
        }
        c.subject = noun;
        c.link_basis = "attributive" + (basis.empty() ? "" : ", " + basis);
        c.link_confidence = std::min(0.7, confidence);
        continue;
      }
      // Dates follow their cue: the release of DeepSeek-R1 may sit in the next clause.
      const byte_span anchor = (c.found.kind == claim_kind::date && best != nullptr) ? byte_span{best->begin, best->end} : span;
      const byte_span focus_clause = clause_of(ctx.breaks, ctx.span, anchor.begin);
      const bool products_first = c.found.kind == claim_kind::date && best != nullptr;
      auto pick = [&](byte_span region, bool preceding_only) -> const name_mention* {
        const name_mention* found = nullptr;
        std::size_t found_distance = 0;
        bool found_product = false;
        for (const name_mention& n : ctx.names) {
          if (!usable(n) || n.span.begin < region.begin || n.span.end > region.end) continue;
          if (preceding_only && n.span.end > anchor.begin) continue;
          const bool product = n.type == name_type::product;
          const std::size_t d = distance(n.span, anchor) + (n.span.begin > anchor.begin ? 1 : 0);  // ties go to the name before
          if (found == nullptr || (products_first && product && !found_product) ||
              ((!products_first || product == found_product) && d < found_distance)) {
            found = &n;
            found_distance = d;
            found_product = product;
          }
        }
        return found;
      };
      if ((chosen = pick(focus_clause, !products_first))) {
        subject_basis = "clause";
      } else if ((chosen = pick(focus_clause, false))) {
        subject_basis = "clause";
      } else if ((chosen = pick(ctx.span, true))) {
        subject_basis = "sentence";
        confidence = std::min(confidence, 0.75);
      } else if ((chosen = pick(ctx.span, false))) {
        subject_basis = "sentence";
        confidence = std::min(confidence, 0.75);
      }
      std::string subject;
      if (chosen != nullptr && chosen->type == name_type::generic) {
        // `base model` alone is nobody's: qualify it with the name before it, or the focus.
        const name_mention* owner = nullptr;
        for (const name_mention& n : ctx.names) {
          if (n.type != name_type::generic && n.span.end <= chosen->span.begin) owner = &n;
        }
        // The Hualien earthquake, 花莲地震: a place before an event names the event, as the
        // place does in Chinese (names.cpp), not an owner: it is the earthquake of the coverage.
        const bool place_of_event = owner != nullptr && chosen->event && [&]() {
          const auto m = lex.places.longest_at(owner->text, 0);
          return m && m->length == owner->text.size();
        }();
        if (owner != nullptr && !place_of_event) {
          subject = aliases.canonical(owner->text) + " " + chosen->text;
        } else if (chosen->event) {
          subject = chosen->text;  // the earthquake: an event named by its kind
          confidence = std::min(confidence, 0.75);
        } else if (focus_set[doc] && index - focus[doc].first <= 3) {
          subject = focus[doc].second + " " + chosen->text;
          confidence = std::min(confidence, 0.6);
        }
        subject_basis = "generic noun";
      } else if (chosen != nullptr) {
        subject = aliases.canonical(chosen->text);
        // "On the AIME 2024 competition it reached 77.9%": a pronoun before the figure points back.
        const bool pronoun = std::any_of(ctx.pronouns.begin(), ctx.pronouns.end(), [&](const cue& p) {
          return p.begin >= chosen->span.end && p.begin >= clause.begin && p.end <= span.begin;
        });
        // "The company was founded in 2008 and is based in Suzhou": a pronoun before the figure
        // and the only name after it.
        const bool pronoun_then_name = chosen->span.begin >= span.end &&
                                       std::any_of(ctx.pronouns.begin(), ctx.pronouns.end(), [&](const cue& p) {
                                         return p.begin >= clause.begin && p.end <= span.begin;
                                       });
        if (pronoun_then_name) {
          if (std::string back = inherited(clause.begin, true); !back.empty()) {
            subject = back;
            subject_basis = "pronoun";
            confidence = std::min(confidence, 0.7);
          }
        } else if (pronoun && c.found.kind != claim_kind::date) {
          if (std::string back = inherited(clause.begin, true); !back.empty()) {
            subject = back;
            subject_basis = "pronoun";
            confidence = std::min(confidence, 0.7);
          }
        }
      } else if (std::string back = inherited(span.begin, c.found.kind != claim_kind::date); !back.empty()) {
        subject = back;
        subject_basis = "inherited";
        const bool own_period = std::any_of(c.qualifiers.begin(), c.qualifiers.end(), is_period_qualifier);
        if (!own_period && focus_set[doc] && focus[doc].second == back && index == focus[doc].first + 1 && !focus_periods[doc].empty()) {
          c.qualifiers.insert(c.qualifiers.end(), focus_periods[doc].begin(), focus_periods[doc].end());
          std::sort(c.qualifiers.begin(), c.qualifiers.end());
          basis += ", period of the sentence before";
        }
        // Carried over from earlier sentences: trusted enough to compare only when it is what
        // the document is mainly about.
        confidence = std::min(confidence, back == main_subjects[doc] ? 0.7 : 0.6);
      }
      c.subject = subject;
      c.link_confidence = subject.empty() || c.attribute.empty() ? 0.0 : confidence;
      c.link_basis = subject_basis + (basis.empty() ? "" : ", " + basis);
    }
    // The subject in focus for the sentences that follow: the last subject this sentence gave a
    // figure to, leaving out figures in a comparison (比上一代Nova 11的3499元, more than the
    // Nova 11), which mention another subject in passing.
    for (std::size_t i : members) {
      if (in_comparison(i)) continue;
      // A sentence that keeps inheriting the focus keeps it alive: the subject stays in focus
      // for as long as the text goes on talking about it.
      if (!claims[i].subject.empty() && !claims[i].attribute.empty() && claims[i].link_basis.rfind("pronoun", 0) != 0 &&
          claims[i].link_basis.rfind("generic", 0) != 0 && claims[i].link_basis.rfind("attributive", 0) != 0) {
        focus[doc] = {index, claims[i].subject};
        focus_set[doc] = true;
        focus_periods[doc].clear();
        std::copy_if(claims[i].qualifiers.begin(), claims[i].qualifiers.end(), std::back_inserter(focus_periods[doc]), is_period_qualifier);
      }
    }
  }
  detail::split_trims_from_subjects(claims, lex);
  detail::attributes_from_headings(docs, sentences, claims, lex);
  detail::tie_subjects_by_agreeing_values(claims);
  detail::link_figures_worded_alike(docs, sentences, claims);
  detail::set_aside_figures_missing_required_qualifiers(claims, lex);  // after every pass that sets attributes
  detail::set_aside_unplaced_tolls_beside_countries(claims, lex);
  detail::set_aside_planned_figures(claims);
  detail::date_years_from_corpus(claims, lex);
  return claims;
}

}  // namespace checker
