// Issue 14, "Measured": planted slips in real text. From the four tuning clusters of
// ../shared/realnews (never the validation clusters), take the facts that two or more documents
// agree on (gold verdict `consistent`), change one document's figure of such a fact the way a
// writer slips (12.5 -> 125, 4,750 -> 4,570, a year in a date, 60.7% -> 60%, hours <-> days, the
// same number in another currency, another fact's value), check the copy as a draft against the
// rest of its cluster with the real `factcheck` binary, and read report.json:
//   found            a finding holds a draft claim whose span overlaps the planted figure;
//   named correctly  that finding's `assessment.slip.id` is the planted kind (issue 14's
//                    contract); "not available" while no finding carries an `assessment`.
// An unmutated copy of every document that was mutated is checked the same way (the control):
// findings that touch the planted figures' facts should be 0. Prints the shares per kind and in
// total. Usage (from the repository root, after the build):
//   build/bench/factcheck_mutation_bench --factcheck build/checker/factcheck --realnews ../shared/realnews
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

// The tuning clusters only: myanmar-earthquake-2025 and china-gdp-2024 are for validation and
// are never read here.
constexpr std::array<const char*, 4> tuning_clusters{"black-myth-wukong-2024", "change6-lunar-samples-2024",
                                                     "hualien-earthquake-2024", "nezha2-box-office-2025"};

// The contract's slip ids that can be planted by editing one figure. `stale` needs a time-stamped
// update and `conversion` a stated rate: neither is planted.
constexpr std::array<const char*, 8> slip_kinds{"digits-transposed", "digit-wrong", "power-of-ten", "year",
                                                "rounding",          "unit",        "currency",     "neighbouring-fact"};

struct options {
  std::string factcheck = "build/checker/factcheck";
  fs::path realnews = "../shared/realnews";
  fs::path work;
  std::size_t per_kind = 1000;  // cases per kind and cluster at most (--per-kind N for a quicker run)
  bool verbose = false;
  bool keep = false;  // --keep: leave the copies and their reports in --work for reading
  // --cluster NAME (repeatable): other folders of --realnews laid out the same way, such as a
  // cluster made from the project's own corpus to check the bench itself; default the four
  // tuning clusters.
  std::vector<std::string> clusters;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a shell command; returns its standard output (standard error is discarded).
std::string capture(const std::string& command, int& exit_code) {
  std::string out;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) {
    exit_code = -1;
    return out;
  }
  std::array<char, 65536> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// One figure of a consistent fact, located in its document's bytes by the claim `extract` gives
// inside the gold quote.
struct target {
  std::string cluster;
  std::size_t fact = 0;
  std::string fact_key;
  std::string gold_unit;
  std::string doc;       // file name in <cluster>/docs
  std::size_t begin = 0;  // byte span of the claim in the file
  std::size_t end = 0;
  std::string surface;  // the file's bytes in that span
  std::string kind;     // extract's claim kind (count, money, date, ...)
  std::string unit;     // extract's unit (count:person, CNY, ...)
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The first ASCII numeral in `s` (digits with inner `,` or `.`): its byte range.
std::optional<std::pair<std::size_t, std::size_t>> numeral_in(const std::string& s) {
  std::size_t b = 0;
  while (b < s.size() && !is_digit(s[b])) ++b;
  if (b == s.size()) return std::nullopt;
  std::size_t e = b;
  while (e < s.size() && (is_digit(s[e]) || ((s[e] == ',' || s[e] == '.') && e + 1 < s.size() && is_digit(s[e + 1])))) ++e;
  return std::make_pair(b, e);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// Regroups an integer's digits in threes with commas when the original used commas.
std::string group(const std::string& digits, bool commas) {
  if (!commas) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Traditional Chinese text (for the word a unit slip writes).
bool traditional(const std::string& text) {
  for (const char* c : {"時", "這", "為", "國", "與", "發", "們", "萬", "億"}) {
    if (contains(text, c)) return true;
  }
  return false;
}

// The planted surface for `kind`, or nothing when this figure cannot take it. `others` are the
// cluster's other figures (for the neighbouring-fact slip); `doc_text` tells the script.
std::optional<std::string> plant(const std::string& kind, const target& t, const std::vector<target>& others,
                                 const std::string& doc_text) {
  const std::string& s = t.surface;
  const auto num = numeral_in(s);
  const bool is_date = t.kind == "date" || t.kind == "datetime" || t.kind == "time";
  if (kind == "year") {
    if (!is_date || !num) return std::nullopt;
    // A four-digit year in a date that also gives a month: the rest of the date stays equal.
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
      const bool four = is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
                        (i == 0 || !is_digit(s[i - 1])) && (i + 4 == s.size() || !is_digit(s[i + 4]));
      if (!four || (s.compare(i, 2, "19") != 0 && s.compare(i, 2, "20") != 0)) continue;
      const bool has_month = contains(s, "月") || s.find_first_of("ADFJMNOS") != std::string::npos || contains(s, "-");
      if (!has_month) return std::nullopt;
      std::string out = s;
      out[i + 3] = out[i + 3] == '0' ? '1' : static_cast<char>(out[i + 3] - 1);
      return out;
    }
    return std::nullopt;
  }
  if (is_date || !num) return std::nullopt;
  const std::string numeral = s.substr(num->first, num->second - num->first);
  const auto with_numeral = [&](const std::string& n) { return s.substr(0, num->first) + n + s.substr(num->second); };
  std::string digits;
  for (char c : numeral) {
    if (is_digit(c)) digits += c;
  }
  const std::size_t point = numeral.find('.');
  if (kind == "digits-transposed") {
    // Two neighbouring different digits swapped, the leading digit kept where possible
    // (4,750 -> 4,570); separators stay where they were.
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < numeral.size(); ++i) {
      if (is_digit(numeral[i])) at.push_back(i);
    }
    for (std::size_t start : {std::size_t{1}, std::size_t{0}}) {
      for (std::size_t i = start; i + 1 < at.size(); ++i) {
        std::string out = numeral;
        if (out[at[i]] == out[at[i + 1]] || (i == 0 && out[at[1]] == '0')) continue;
        std::swap(out[at[i]], out[at[i + 1]]);
        return with_numeral(out);
      }
    }
    return std::nullopt;
  }
  if (kind == "digit-wrong") {
    // The last non-zero digit one higher (one lower for a 9): 1,200 -> 1,300, 7.3 -> 7.4.
    for (std::size_t i = numeral.size(); i-- > 0;) {
      if (!is_digit(numeral[i]) || numeral[i] == '0') continue;
      std::string out = numeral;
      out[i] = numeral[i] == '9' ? '8' : static_cast<char>(numeral[i] + 1);
      return with_numeral(out);
    }
    return std::nullopt;
  }
  if (kind == "power-of-ten") {
    // A scale word one step up (万 -> 亿, million -> billion), else the decimal point dropped
    // (12.5 -> 125) or a zero added (1,200 -> 12,000).
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"万", "亿"}, {"萬", "億"}, {"million", "billion"}, {"千", "万"}}) {
      if (contains(s.substr(num->second), from)) return s.substr(0, num->second) + replace_first(s.substr(num->second), from, to);
    }
    if (point != std::string::npos && numeral.size() - point == 2) return with_numeral(numeral.substr(0, point) + numeral.substr(point + 1));
    if (point == std::string::npos) return with_numeral(group(digits + "0", contains(numeral, ",")));
    return std::nullopt;
  }
  if (kind == "rounding") {
    // The fractional part cut where rounding would have gone up: 60.7% -> 60%, 181.5 -> 181.
    if (point == std::string::npos || numeral[point + 1] < '5') return std::nullopt;
    return with_numeral(numeral.substr(0, point));
  }
  if (kind == "unit") {
    const std::string rest = s.substr(num->second);
    const bool trad = traditional(doc_text);
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"个小时", "天"}, {"個小時", "天"}, {"小时", "天"}, {"小時", "天"}, {"hours", "days"}, {"hour", "day"}, {"天", trad ? "小時" : "小时"}, {"days", "hours"},
             {"day", "hour"}, {"公里", "英里"}, {"千米", "英里"}, {"kilometres", "miles"}, {"kilometers", "miles"}, {"km", "miles"},
             {"℃", "℉"}, {"°C", "°F"}, {"分钟", "小时"}, {"分鐘", "小時"}, {"minutes", "hours"}}) {
      if (contains(rest, from)) return s.substr(0, num->second) + replace_first(rest, from, to);
    }
    return std::nullopt;
  }
  if (kind == "currency") {
    if (t.unit.size() != 3 || t.unit.find(':') != std::string::npos) return std::nullopt;  // an ISO code: money
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"美元", "港元"}, {"人民币", "美元"}, {"人民幣", "美元"}, {"新台幣", "人民幣"}, {"新台币", "人民币"}, {"US$", "HK$"},
             {"$", "€"}, {"元", "美元"}, {"yuan", "dollars"}}) {
      if (contains(s, from)) return replace_first(s, from, to);
    }
    return std::nullopt;
  }
  if (kind == "neighbouring-fact") {
    // Another fact's figure of the same unit in this cluster, written with the same scale word.
    const std::string scale = s.substr(num->second);
    for (const target& o : others) {
      if (o.fact == t.fact || o.unit != t.unit) continue;
      const auto other = numeral_in(o.surface);
      if (!other) continue;
      const std::string other_numeral = o.surface.substr(other->first, other->second - other->first);
      const std::string other_scale = o.surface.substr(other->second);
      const auto scale_word = [](const std::string& x) {
        for (const char* w : {"万", "萬", "亿", "億", "million", "billion", "千"}) {
          if (contains(x, w)) return std::string(w);
        }
        return std::string();
      };
      if (other_numeral == numeral || scale_word(scale) != scale_word(other_scale)) continue;
      return with_numeral(other_numeral);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// Numeric or date equality between a gold value and an extracted claim's value (matching only).
bool same_value(const nlohmann::json& gold, const nlohmann::json& extracted) {
  if (extracted.is_null()) return false;
  const std::string e = extracted.get<std::string>();
  if (gold.is_string()) return e.rfind(gold.get<std::string>().substr(0, 10), 0) == 0;
  if (!gold.is_number()) return false;
  char* stop = nullptr;
  const double x = std::strtod(e.c_str(), &stop);
  const double g = gold.get<double>();
  return stop != e.c_str() && std::abs(x - g) <= 1e-9 * std::max(1.0, std::abs(g));
}

// Every figure of the cluster's consistent facts that two or more documents state, located.
std::vector<target> targets_of(const options& opt, const std::string& cluster) {
  const fs::path folder = opt.realnews / cluster;
  const nlohmann::json gold = nlohmann::json::parse(read_file(folder / "gold.json"));
  std::map<std::string, std::vector<nlohmann::json>> extracted;
  std::vector<target> out;
  const auto& facts = gold.at("facts");
  for (std::size_t f = 0; f < facts.size(); ++f) {
    const auto& fact = facts[f];
    std::set<std::string> docs;
    for (const auto& c : fact.at("claims")) docs.insert(c.at("doc").get<std::string>());
    if (fact.value("verdict", "") != "consistent" || docs.size() < 2) continue;
    for (const auto& c : fact.at("claims")) {
      const std::string doc = c.at("doc");
      const std::string text = read_file(folder / "docs" / doc);
      if (!extracted.count(doc)) {
        int code = 0;
        std::istringstream lines(capture(quote(opt.factcheck) + " extract " + quote((folder / "docs" / doc).string()), code));
        std::string line;
        while (std::getline(lines, line)) {
          if (!line.empty()) extracted[doc].push_back(nlohmann::json::parse(line));
        }
      }
      const std::string q = c.at("quote");
      const std::size_t at = text.find(q);
      if (at == std::string::npos) continue;
      std::vector<const nlohmann::json*> inside;
      for (const auto& e : extracted[doc]) {
        const std::size_t b = e["span"]["begin"], en = e["span"]["end"];
        if (b >= at && en <= at + q.size()) inside.push_back(&e);
      }
      const nlohmann::json* chosen = nullptr;
      for (const nlohmann::json* e : inside) {
        if (same_value(c.at("value"), (*e)["value"])) {
          chosen = e;
          break;
        }
      }
      if (chosen == nullptr) continue;
      target t;
      t.cluster = cluster;
      t.fact = f;
      t.fact_key = fact.value("key", "");
      t.gold_unit = c.value("unit", "");
      t.doc = doc;
      t.begin = (*chosen)["span"]["begin"];
      t.end = (*chosen)["span"]["end"];
      t.surface = text.substr(t.begin, t.end - t.begin);
      t.kind = (*chosen)["kind"];
      t.unit = (*chosen)["unit"].is_string() ? (*chosen)["unit"].get<std::string>() : "";
      out.push_back(t);
    }
  }
  return out;
}

struct check_outcome {
  bool ran = false;
  nlohmann::json report;
};

// `factcheck check --draft <copy> <the cluster's other documents> --format json --out <dir>`.
check_outcome check_draft(const options& opt, const std::string& cluster, const std::string& doc, const fs::path& copy,
                          const fs::path& out) {
  std::string command = quote(opt.factcheck) + " check -q --format json --out " + quote(out.string()) + " --draft " + quote(copy.string());
  std::vector<fs::path> rest;
  for (const auto& entry : fs::directory_iterator(opt.realnews / cluster / "docs")) {
    if (entry.path().filename() != doc) rest.push_back(entry.path());
  }
  std::sort(rest.begin(), rest.end());
  for (const fs::path& p : rest) command += " " + quote(p.string());
  int code = 0;
  capture(command, code);
  check_outcome result;
  result.ran = (code == 0 || code == 1) && fs::exists(out / "report.json");
  if (result.ran) result.report = nlohmann::json::parse(read_file(out / "report.json"));
  return result;
}

// `report[key]` when it is an array, else an empty array: a reference into the report, so that
// pointers to its items stay valid (`value()` would return a copy).
const nlohmann::json& array_of(const nlohmann::json& object, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : empty;
}

std::set<std::string> draft_ids(const nlohmann::json& report) {
  std::set<std::string> ids;
  for (const auto& d : array_of(report, "documents")) {
    if (d.value("draft", false)) ids.insert(d.value("id", ""));
  }
  return ids;
}

// The findings with a draft claim whose span overlaps [begin, end).
std::vector<const nlohmann::json*> findings_at(const nlohmann::json& report, std::size_t begin, std::size_t end) {
  const std::set<std::string> drafts = draft_ids(report);
  std::vector<const nlohmann::json*> out;
  for (const auto& f : array_of(report, "findings")) {
    for (const auto& c : array_of(f, "claims")) {
      const std::size_t b = c["span"]["begin"], e = c["span"]["end"];
      if (drafts.count(c.value("document", "")) && b < end && begin < e) {
        out.push_back(&f);
        break;
      }
    }
  }
  return out;
}

// Why a planted slip was missed, from the draft run's claims: the changed figure was not read as
// a claim, or not linked to a fact, or no published claim has its fact key (subject, attribute,
// qualifiers, unit), or one has and still no finding was made.
std::string miss_reason(const nlohmann::json& report, std::size_t begin, std::size_t end) {
  const std::set<std::string> drafts = draft_ids(report);
  const auto key = [](const nlohmann::json& c) {
    return c["subject"].dump() + "|" + c["attribute"].dump() + "|" + c["qualifiers"].dump() + "|" + c["unit"].dump();
  };
  const nlohmann::json* figure = nullptr;
  for (const auto& c : array_of(report, "claims")) {
    const std::size_t b = c["span"]["begin"], e = c["span"]["end"];
    if (drafts.count(c.value("document", "")) && b < end && begin < e) figure = &c;
  }
  if (figure == nullptr) return "not read as a claim";
  if ((*figure)["attribute"].is_null()) return "not linked to a fact";
  for (const auto& c : array_of(report, "claims")) {
    if (!drafts.count(c.value("document", "")) && key(c) == key(*figure)) return "key shared, no finding";
  }
  return "no published claim with its key";
}

struct tally {
  std::size_t planted = 0;
  std::size_t found = 0;
  std::size_t named = 0;
  std::size_t failed_runs = 0;
};

std::string share(std::size_t part, std::size_t whole) {
  return whole == 0 ? std::string("-") : fmt::format("{:.2f}", static_cast<double>(part) / static_cast<double>(whole));
}

options parse(int argc, char** argv) {
  options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "mutation_bench: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--factcheck") {
      opt.factcheck = fs::absolute(next()).string();
    } else if (a == "--realnews") {
      opt.realnews = fs::absolute(next());
    } else if (a == "--work") {
      opt.work = next();
    } else if (a == "--per-kind") {
      opt.per_kind = std::stoul(next());
    } else if (a == "--cluster") {
      opt.clusters.push_back(next());
    } else if (a == "--verbose") {
      opt.verbose = true;
    } else if (a == "--keep") {
      opt.keep = true;
    } else {
      fmt::print(stderr,
                 "usage: factcheck_mutation_bench [--factcheck BIN] [--realnews DIR] [--work DIR] [--per-kind N] "
                 "[--cluster NAME]... [--verbose] [--keep]\n");
      std::exit(2);
    }
  }
  for (const std::string& c : opt.clusters) {
    if (c == "myanmar-earthquake-2025" || c == "china-gdp-2024") {
      fmt::print(stderr, "mutation_bench: {} is a validation cluster; it is never read here\n", c);
      std::exit(2);
    }
  }
  if (opt.clusters.empty()) opt.clusters.assign(tuning_clusters.begin(), tuning_clusters.end());
  opt.factcheck = fs::absolute(opt.factcheck).string();
  opt.realnews = fs::absolute(opt.realnews);
  if (opt.work.empty()) opt.work = fs::temp_directory_path() / ("factcheck-mutation-" + std::to_string(::getpid()));
  return opt;
}

}  // namespace

int main(int argc, char** argv) {
  const options opt = parse(argc, argv);
  if (!fs::exists(opt.realnews / opt.clusters[0] / "gold.json")) {
    fmt::print(stderr, "mutation_bench: {} has no realnews clusters\n", opt.realnews.string());
    return 2;
  }
  std::map<std::string, tally> by_kind;
  std::map<std::string, tally> by_language;  // by the script of the planted figure
  std::map<std::string, std::size_t> misses;  // why, for the slips not found
  std::size_t case_number = 0;
  std::size_t control_same_facts = 0, control_all = 0, controls = 0;
  bool any_assessment = false;
  for (const std::string& cluster : opt.clusters) {
    const std::vector<target> targets = targets_of(opt, cluster);
    std::map<std::string, std::vector<const target*>> planted_in;  // document -> its mutated figures
    for (const char* kind : slip_kinds) {
      std::size_t cases = 0;
      std::set<std::pair<std::size_t, bool>> facts_used;  // (fact, Chinese): one case per fact, kind and language
      for (const target& t : targets) {
        if (cases >= opt.per_kind) break;
        const bool chinese = std::any_of(t.surface.begin(), t.surface.end(), [](char c) { return (c & 0x80) != 0; }) ||
                             traditional(t.surface);
        if (facts_used.count({t.fact, chinese})) continue;
        const fs::path source = opt.realnews / cluster / "docs" / t.doc;
        const std::string text = read_file(source);
        const std::optional<std::string> mutated = plant(kind, t, targets, text);
        if (!mutated || *mutated == t.surface) continue;
        facts_used.insert({t.fact, chinese});
        ++cases;
        const fs::path folder = opt.work / fmt::format("case-{:03}", ++case_number);
        const fs::path copy = folder / "draft" / t.doc;
        write_file(copy, text.substr(0, t.begin) + *mutated + text.substr(t.end));
        const check_outcome checked = check_draft(opt, cluster, t.doc, copy, folder / "out");
        tally& k = by_kind[kind];
        tally& language = by_language[chinese ? "Chinese" : "English"];
        ++k.planted;
        ++language.planted;
        if (!checked.ran) {
          ++k.failed_runs;
          ++language.failed_runs;
          continue;
        }
        planted_in[t.doc].push_back(&t);
        const auto hits = findings_at(checked.report, t.begin, t.begin + mutated->size());
        std::string named_as;
        for (const nlohmann::json* f : hits) {
          if (f->contains("assessment")) any_assessment = true;
          const std::string slip = f->contains("assessment") && (*f)["assessment"].contains("slip")
                                       ? (*f)["assessment"]["slip"].value("id", "")
                                       : "";
          if (named_as.empty() || slip == std::string("slip.") + kind) named_as = slip;
        }
        if (!hits.empty()) {
          ++k.found;
          ++language.found;
        }
        if (!hits.empty() && named_as == std::string("slip.") + kind) {
          ++k.named;
          ++language.named;
        }
        const std::string reason = hits.empty() ? miss_reason(checked.report, t.begin, t.begin + mutated->size()) : "";
        if (hits.empty()) ++misses[reason];
        if (opt.verbose) {
          fmt::print("{:<18} {:<28} {:<26} {} -> {}  {}{}  [{}]\n", kind, cluster, t.doc, t.surface, *mutated,
                     hits.empty() ? "missed: " + reason : "found", named_as.empty() ? "" : " as " + named_as, folder.filename().string());
        }
      }
    }
    // Controls: each mutated document, unmutated, as the draft.
    for (const auto& [doc, figures] : planted_in) {
      const fs::path folder = opt.work / fmt::format("control-{}-{}", cluster, doc);
      const fs::path copy = folder / "draft" / doc;
      write_file(copy, read_file(opt.realnews / cluster / "docs" / doc));
      const check_outcome checked = check_draft(opt, cluster, doc, copy, folder / "out");
      if (!checked.ran) continue;
      ++controls;
      std::set<const nlohmann::json*> same;
      for (const target* t : figures) {
        for (const nlohmann::json* f : findings_at(checked.report, t->begin, t->end)) same.insert(f);
      }
      control_same_facts += same.size();
      control_all += array_of(checked.report, "findings").size();
      if (opt.verbose && !same.empty()) fmt::print("control {} {}: {} finding(s) on planted figures\n", cluster, doc, same.size());
    }
  }
  fmt::print("\nplanted slips, checked as drafts against the rest of their cluster ({})\n", fmt::join(opt.clusters, ", "));
  fmt::print("{:<20} {:>7} {:>7} {:>11} {:>15}\n", "slip", "planted", "found", "found share", "named correctly");
  tally total;
  for (const char* kind : slip_kinds) {
    const tally& k = by_kind[kind];
    total.planted += k.planted;
    total.found += k.found;
    total.named += k.named;
    total.failed_runs += k.failed_runs;
    fmt::print("{:<20} {:>7} {:>7} {:>11} {:>15}\n", kind, k.planted, k.found, share(k.found, k.planted),
               any_assessment ? share(k.named, k.found) : "not available");
  }
  fmt::print("{:<20} {:>7} {:>7} {:>11} {:>15}\n", "total", total.planted, total.found, share(total.found, total.planted),
             any_assessment ? share(total.named, total.found) : "not available");
  for (const auto& [name, l] : by_language) {
    fmt::print("{:<20} {:>7} {:>7} {:>11} {:>15}\n", name, l.planted, l.found, share(l.found, l.planted),
               any_assessment ? share(l.named, l.found) : "not available");
  }
  if (!any_assessment) fmt::print("(no finding carries an `assessment`: naming is not available in this build)\n");
  for (const auto& [reason, n] : misses) fmt::print("missed, {}: {}\n", reason, n);
  if (total.failed_runs > 0) fmt::print("{} run(s) failed (counted as planted, not found)\n", total.failed_runs);
  fmt::print("controls: {} unmutated draft(s); findings on the planted figures: {} (floor 0); all findings: {}\n", controls,
             control_same_facts, control_all);
  if (!opt.keep) {
    std::error_code ignored;
    fs::remove_all(opt.work, ignored);
  }
  return 0;
}
