#include "engine/report/html_report_writer.h"

#include <algorithm>
#include <string_view>

#include "engine/report/terminal_text.h"

namespace tradelint {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--fail:#c62828;--warn:#b26a00;--pass:#2e7d32;--nc:#6a1b9a;--invalid:#455a64;
--error:#c62828;--warning:#e09100;--info:#1565c0;--waived:#9e9e9e;--line:#ddd}
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
main{display:flex;flex-direction:column;gap:12px;padding:12px 20px;max-width:1200px;margin:auto}
header{order:0}#overview{order:1}#charts{order:2}#controls{order:3;position:sticky;top:0;
background:#fafafa;padding:6px 0;border-bottom:1px solid var(--line);z-index:1}
#records{order:4}#more{order:5}
h1{font-size:20px;margin:4px 0}h2{font-size:17px;margin:8px 0}h3{font-size:15px;margin:0 0 4px}
.meta{color:#666;font-weight:normal;font-size:13px}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:2px 6px;text-align:start}
.matrix{display:block;max-height:420px;overflow:auto}
.v{font-weight:600}.v.fail{color:var(--fail)}.v.warn{color:var(--warn)}.v.pass{color:var(--pass)}
.v.not_covered{color:var(--nc)}.v.invalid{color:var(--invalid)}
.sev{font-weight:600}.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}
.sev.info{color:var(--info)}
summary{cursor:pointer}.record{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0}
.finding{border-inline-start:4px solid var(--line);padding:2px 10px;margin:6px 0}
.finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}
.finding.info{border-color:var(--info)}.finding p{margin:2px 0}
.label{color:#666}.rule{color:#888;font-size:12px}code{font-size:12px;background:#f2f2f2;padding:0 3px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{flex:1 1 460px}
.chart svg{width:100%;height:auto}.chart text{font-size:11px;fill:#333}
rect.error{fill:var(--error)}rect.warning{fill:var(--warning)}rect.info{fill:var(--info)}
rect.waived{fill:var(--waived)}
.legend span{display:inline-block;margin-inline-end:10px}.legend i{display:inline-block;width:10px;
height:10px;margin-inline-end:3px}
.hidden{display:none}pre{white-space:pre-wrap;font-size:12px}
)css";

// Puts shared fragments in place as records open; filters and search.
constexpr std::string_view kScript = R"js(
'use strict';
(function () {
  const records = Array.from(document.querySelectorAll('details.record'));
  const market = document.getElementById('f-market');
  const severity = document.getElementById('f-severity');
  const verdict = document.getElementById('f-verdict');
  const search = document.getElementById('f-search');
  const status = document.getElementById('f-status');
  const more = document.getElementById('more-ids');
  const markets = new Set();
  for (const record of records) {
    for (const m of record.dataset.markets.split(' ')) if (m) markets.add(m);
  }
  for (const m of Array.from(markets).sort()) {
    const option = document.createElement('option');
    option.value = m;
    option.textContent = m;
    market.appendChild(option);
  }
  // Shared fragments (templates) are put in place when a record is first opened.
  function fill(record) {
    for (const slot of record.querySelectorAll('[data-f]:not([data-filled])')) {
      slot.appendChild(document.getElementById('f' + slot.dataset.f).content.cloneNode(true));
      slot.dataset.filled = '1';
    }
  }
  for (const record of records) if (record.open) fill(record);
  document.addEventListener('toggle', (event) => {
    if (event.target.classList && event.target.classList.contains('record')) fill(event.target);
  }, true);
  const texts = new Map();
  let moreLines = null;
  function textOf(record) {
    if (!texts.has(record)) {
      let text = record.querySelector('summary').textContent;
      for (const slot of record.querySelectorAll('[data-f]')) {
        text += ' ' + document.getElementById('f' + slot.dataset.f).content.textContent;
      }
      texts.set(record, text.toLowerCase());
    }
    return texts.get(record);
  }
  function apply() {
    const m = market.value, s = severity.value, v = verdict.value;
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const record of records) {
      const verdicts = record.dataset.verdicts.split(' ');
      let show = !m || record.dataset.markets.split(' ').includes(m);
      if (show && v) show = verdicts.some((mv) => mv.endsWith(':' + v) && (!m || mv === m + ':' + v));
      if (show && s) show = record.dataset.severities.split(' ').includes(s);
      if (show && q) show = textOf(record).includes(q);
      record.classList.toggle('hidden', !show);
      if (!show) continue;
      ++shown;
      for (const finding of record.querySelectorAll('.finding')) {
        const inMarket = !m || finding.dataset.markets.split(' ').includes(m);
        finding.classList.toggle('hidden', !(inMarket && (!s || finding.classList.contains(s))));
      }
    }
    let text = status.dataset.template.replace('{shown}', shown).replace('{total}', records.length);
    if (more && q) {
      if (moreLines === null) moreLines = more.textContent.toLowerCase().split('\n');
      const matches = moreLines.filter((line) => line.includes(q)).length;
      text += ' · ' + more.dataset.label + ': ' + matches;
    }
    status.textContent = text;
  }
  let timer = 0;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 150); });
  for (const select of [market, severity, verdict]) select.addEventListener('change', apply);
  apply();
})();
)js";

constexpr std::array kVerdicts = {Verdict::kPass, Verdict::kNotCovered, Verdict::kWarn,
                                  Verdict::kFail, Verdict::kInvalid};
constexpr std::array kSeverities = {Severity::kError, Severity::kWarning, Severity::kInfo};

// `text` made Printable, then with the characters that HTML gives a meaning escaped, for
// element content and quoted attribute values alike.
std::string Html(std::string_view text) {
  const std::string printable = Printable(text);
  std::string html;
  html.reserve(printable.size());
  for (const char c : printable) {
    switch (c) {
      case '&':
        html += "&amp;";
        break;
      case '<':
        html += "&lt;";
        break;
      case '>':
        html += "&gt;";
        break;
      case '"':
        html += "&quot;";
        break;
      case '\'':
        html += "&#39;";
        break;
      default:
        html += c;
    }
  }
  return html;
}

std::string Codes(const std::vector<std::string>& fields) {
  std::string html;
  for (const std::string& field : fields) {
    if (!html.empty()) html += ' ';
    html += "<code>" + Html(field) + "</code>";
  }
  return html;
}

std::string VerdictSpan(const ReportWords& words, Verdict verdict) {
  return "<span class=\"v " + std::string(VerdictName(verdict)) + "\">" +
         Html(words.VerdictName(verdict)) + "</span>";
}

std::string Labelled(std::string_view label, const std::string& html) {
  if (html.empty()) return "";
  return "<p><span class=\"label\">" + Html(label) + ":</span> " + html + "</p>";
}

// A bar chart (SVG) of `counts`, each bar stacked by severity, then waived.
std::string BarChart(std::string_view title,
                     const std::vector<std::pair<std::string, FindingCounts>>& counts) {
  constexpr int kLabelWidth = 220, kBarWidth = 340, kRow = 18;
  std::int64_t most = 1;
  for (const auto& [name, c] : counts)
    most = std::max(most, c.error + c.warning + c.info + c.waived);
  const int height = static_cast<int>(counts.size()) * kRow + 4;
  std::string svg = "<div class=\"chart\"><h3>" + Html(title) +
                    "</h3><svg role=\"img\" viewBox=\"0 0 " +
                    std::to_string(kLabelWidth + kBarWidth + 60) + " " + std::to_string(height) +
                    "\"><title>" + Html(title) + "</title>";
  int y = 2;
  for (const auto& [name, c] : counts) {
    std::string label = name.size() > 34 ? name.substr(0, 33) + "…" : name;
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 12) + "\">" + Html(label) + "<title>" +
           Html(name) + "</title></text>";
    double x = kLabelWidth;
    const std::pair<std::int64_t, std::string_view> parts[] = {
        {c.error, "error"}, {c.warning, "warning"}, {c.info, "info"}, {c.waived, "waived"}};
    for (const auto& [n, colour] : parts) {
      if (n == 0) continue;
      const double width = static_cast<double>(n) * kBarWidth / static_cast<double>(most);
      svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" +
             std::to_string(width) + "\" height=\"" + std::to_string(kRow - 4) + "\" class=\"" +
             std::string(colour) + "\"><title>" + std::string(colour) + ": " + std::to_string(n) +
             "</title></rect>";
      x += width;
    }
    svg += "<text x=\"" + std::to_string(x + 4) + "\" y=\"" + std::to_string(y + 12) + "\">" +
           std::to_string(c.error + c.warning + c.info + c.waived) + "</text>";
    y += kRow;
  }
  return svg + "</svg></div>";
}

std::vector<std::pair<std::string, FindingCounts>> Entries(
    const std::map<std::string, FindingCounts, std::less<>>& counts) {
  return {counts.begin(), counts.end()};
}

}  // namespace

HtmlReportWriter::HtmlReportWriter(std::ostream& out, const TextReportOptions& options)
    : out_(out), words_(options.language) {}

void HtmlReportWriter::Begin(const RunInfo& run) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(words_.language()) + "\"" +
                     (words_.right_to_left() ? " dir=\"rtl\"" : "") +
                     "><head><meta charset=\"utf-8\">"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>tradelint: " +
                     Html(words_(Word::kReportTitle)) + "</title><style>" + std::string(kStyle) +
                     "</style></head><body><main><header><h1>" + Html(words_(Word::kReportTitle)) +
                     "</h1><details class=\"meta\"><summary>tradelint " + Html(run.tool_version) +
                     "</summary>";
  for (const RulesetInfo& ruleset : run.rulesets)
    html += Html(ruleset.id) + " " + Html(ruleset.version) + " · ";
  for (const ReferenceTable& table : run.reference_tables)
    html += Html(table.name) + " " + Html(table.date) + " · ";
  html += "</details></header>";
  // Filters: the script fills the markets from the records.
  const auto select = [&](std::string_view id, Word label, const std::string& options) {
    return "<label>" + Html(words_(label)) + " <select id=\"" + std::string(id) +
           "\"><option value=\"\">" + Html(words_(Word::kAll)) + "</option>" + options +
           "</select></label> ";
  };
  std::string severities;
  for (Severity severity : kSeverities) {
    severities += "<option value=\"" + std::string(SeverityName(severity)) + "\">" +
                  Html(words_.SeverityName(severity)) + "</option>";
  }
  std::string verdicts;
  for (Verdict verdict : kVerdicts) {
    verdicts += "<option value=\"" + std::string(VerdictName(verdict)) + "\">" +
                Html(words_.VerdictName(verdict)) + "</option>";
  }
  html += "<div id=\"controls\">" + select("f-market", Word::kMarket, "") +
          select("f-severity", Word::kSeverity, severities) +
          select("f-verdict", Word::kVerdict, verdicts) +
          "<input id=\"f-search\" type=\"search\" placeholder=\"" + Html(words_(Word::kSearch)) +
          "\" aria-label=\"" + Html(words_(Word::kSearch)) +
          "\"> <span id=\"f-status\" class=\"meta\" data-template=\"" + Html(words_(Word::kShown)) +
          "\"></span></div><section id=\"records\"><h2>" + Html(words_(Word::kRecords)) + "</h2>";
  out_ << html;
}

void HtmlReportWriter::Result(const RecordResult& result) {
  if (!record_.empty() && record_.front().record_index != result.record_index) RecordEnd();
  record_.push_back(result);
}

void HtmlReportWriter::RecordEnd() {
  if (record_.empty()) return;
  for (const RecordResult& result : record_)
    ++verdicts_by_market_[result.market.value_or("")][static_cast<std::size_t>(result.verdict)];
  if (static_cast<std::size_t>(records_) < kDetailedRecords) {
    WriteRecord();
  } else {
    if (static_cast<std::size_t>(records_) == kDetailedRecords) {
      out_ << "</section><details id=\"more\"><summary>" << Html(words_(Word::kMoreRecords))
           << "</summary><pre id=\"more-ids\" data-label=\"" << Html(words_(Word::kMoreRecords))
           << "\">";
    }
    WriteRecordLine();
  }
  ++records_;
  record_.clear();
}

void HtmlReportWriter::WriteRecord() {
  const RecordResult& first = record_.front();
  MatrixRow& row = matrix_.emplace_back();
  row.record_index = first.record_index;
  row.name = first.id.value_or(first.source);
  std::string markets, verdicts, severities;
  for (const RecordResult& result : record_) {
    if (result.error) {
      row.invalid = true;
      verdicts += " :invalid";
      continue;
    }
    row.by_market[*result.market] = result.verdict;
    markets += " " + *result.market;
    verdicts += " " + *result.market + ":" + std::string(VerdictName(result.verdict));
    for (const Finding& finding : result.findings) {
      const std::string severity(SeverityName(finding.rule->severity));
      if (severities.find(" " + severity) == std::string::npos) severities += " " + severity;
    }
  }
  std::string chips;
  for (const RecordResult& result : record_) {
    chips += " " + (result.market ? "<b>" + Html(*result.market) + "</b> " : std::string()) +
             VerdictSpan(words_, result.verdict);
  }
  std::string html = "<details class=\"record\" id=\"r" + std::to_string(first.record_index) +
                     "\" data-markets=\"" + Html(markets) + "\" data-verdicts=\"" + Html(verdicts) +
                     "\" data-severities=\"" + severities + "\"" +
                     (static_cast<std::size_t>(records_) < kOpenRecords ? " open" : "") +
                     "><summary><b>" + Html(first.id.value_or(std::string(words_(Word::kRecord)))) +
                     "</b> <span class=\"meta\">" +
                     Html(first.kind ? std::string(RecordKindName(*first.kind))
                                     : std::string(words_(Word::kUnknownKind))) +
                     ", " + Html(first.source);
  if (first.as_of)
    html += ", " + Html(Fill(words_(Word::kAsOf), {{"date", first.as_of->ToString()}}));
  html += "</span>" + chips + "</summary><ul>";
  for (const RecordResult& result : record_) {
    std::string line;
    if (result.error) {
      line = VerdictSpan(words_, result.verdict) + ": " + Html(result.error->code) + ": " +
             Html(result.error->message);
      if (!result.error->paths.empty()) line += " " + Codes(result.error->paths);
    } else {
      const Coverage& c = result.coverage;
      line =
          "<b>" + Html(*result.market) + "</b> " + VerdictSpan(words_, result.verdict) +
          " <span class=\"meta\">" +
          Html(Fill(words_(Word::kCoverage), {{"in_force", std::to_string(c.in_force)},
                                              {"applied", std::to_string(c.applied)},
                                              {"not_applicable", std::to_string(c.not_applicable)},
                                              {"undecided", std::to_string(c.undecided)},
                                              {"fired", std::to_string(c.fired)}})) +
          "</span>";
    }
    for (const std::string& note : result.notes)
      line += "<br><span class=\"label\">" + Html(words_(Word::kNote)) + ":</span> " + Html(note);
    html += "<li data-f=\"" + Shared(line) + "\"></li>";
  }
  html += "</ul>";
  if (const std::string to_do = ToDoHtml(to_do_.Of(record_)); !to_do.empty())
    html += "<div data-f=\"" + Shared(to_do) + "\"></div>";
  for (const FindingGroup& group :
       GroupAcrossMarkets(record_, [&](const Finding& finding) { return FindingHtml(finding); })) {
    std::string group_markets, data_markets;
    for (const std::string& market : group.markets) {
      group_markets += (group_markets.empty() ? "" : ", ") + market;
      data_markets += (data_markets.empty() ? "" : " ") + market;
    }
    const std::string_view severity = SeverityName(group.finding->rule->severity);
    html += "<div class=\"finding " + std::string(severity) + "\" data-markets=\"" +
            Html(data_markets) + "\" data-f=\"" + Shared(FindingHtml(*group.finding)) + "\"><b>" +
            Html(group_markets) + "</b></div>";
  }
  out_ << html << "</details>\n";
}

void HtmlReportWriter::Group(const GroupResult& group) {
  RecordEnd();  // the record before the group keeps its place
  const std::string dates =
      group.first.ToString() + (group.last == group.first ? "" : " – " + group.last.ToString());
  std::string members;
  for (const GroupMember& member : group.members) {
    members += (members.empty() ? "" : ", ") + std::string(RecordKindName(member.kind)) + " " +
               member.id + " (" + member.source + ")";
  }
  const std::string_view severity = SeverityName(group.finding.rule->severity);
  if (static_cast<std::size_t>(records_) >= kDetailedRecords || groups_ >= kDetailedRecords) {
    // In the list of further records (or past the detailed groups): one line.
    const std::string line = std::string(words_(Word::kGroup)) + " " + group.key + " " +
                             group.market + " " + std::string(severity) + " " +
                             group.finding.rule->id + "\n";
    out_ << (static_cast<std::size_t>(records_) >= kDetailedRecords
                 ? Html(line)
                 : "<p class=\"meta\">" + Html(line) + "</p>");
  } else {
    out_ << "<details class=\"record group\" data-markets=\" " << Html(group.market)
         << "\" data-verdicts=\"\" data-severities=\" " << severity << "\"><summary><b>"
         << Html(words_(Word::kGroup)) << " " << Html(group.key) << "</b> <span class=\"meta\">"
         << Html(dates) << "</span> <b>" << Html(group.market) << "</b></summary>"
         << Labelled(words_(Word::kGroupMembers), Html(members)) << "<div class=\"finding "
         << severity << "\">" << FindingHtml(group.finding) << "</div></details>\n";
  }
  ++groups_;
}

std::string HtmlReportWriter::Shared(const std::string& html) {
  const auto [it, added] = shared_.try_emplace(html, shared_.size());
  const std::string id = std::to_string(it->second);
  if (added) out_ << "<template id=\"f" << id << "\">" << html << "</template>";
  return id;
}

void HtmlReportWriter::WriteRecordLine() {
  const RecordResult& first = record_.front();
  std::string line = first.id.value_or(first.source);
  for (const RecordResult& result : record_) {
    line += " " + result.market.value_or("") + ":" + std::string(VerdictName(result.verdict));
  }
  out_ << Html(line) << '\n';
}

std::string HtmlReportWriter::FindingHtml(const Finding& finding) const {
  const CheckedRule& rule = *finding.rule;
  std::string html = " <span class=\"sev " + std::string(SeverityName(rule.severity)) + "\">" +
                     Html(words_.SeverityName(rule.severity)) + "</span> <b>" +
                     Html(finding.shown_title()) + "</b> <span class=\"rule\">" + Html(rule.id) +
                     "</span>";
  if (!finding.message.empty()) html += "<p>" + Html(finding.message) + "</p>";
  html += Labelled(words_(Word::kLaw),
                   Html(rule.citation) + (rule.ref.empty() ? "" : " [" + Html(rule.ref) + "]"));
  html += Labelled(words_(Word::kFix), Html(finding.fix));
  html += Labelled(words_(Word::kFields), Codes(finding.paths));
  if (finding.basis == Basis::kMissingData)
    html += Labelled(words_(Word::kMissing), Codes(finding.missing));
  if (finding.basis == Basis::kUndecided)
    html += Labelled(words_(Word::kUndecided), Html(finding.reason));
  if (finding.value) {
    html += Labelled(words_(Word::kFound), "<code>" + Html(finding.value_path) + "</code> = " +
                                               Html(finding.value->ToDisplayString()));
  }
  if (finding.waived) {
    html += Labelled(words_(Word::kWaived),
                     Html(finding.waived->reason + " (" + finding.waived->approved_by + ", " +
                          finding.waived->expires.ToString() + ")"));
  }
  return html;
}

std::string HtmlReportWriter::ToDoHtml(const std::vector<ToDoItem>& items) const {
  if (items.empty()) return "";
  std::string html = "<div class=\"todo\"><b>" + Html(words_(Word::kToDo)) + "</b><ul>";
  for (const ToDoItem& item : items) {
    html += "<li>";
    switch (item.action) {
      case ToDoItem::Action::kFillIn:
        html += Html(words_(Word::kFillIn)) + " " + Codes(item.fields);
        break;
      case ToDoItem::Action::kOneOf:
        html += Html(words_(Word::kFillIn)) + " " +
                Html(Fill(words_(Word::kOneOf), {{"fields", ""}})) + Codes(item.fields);
        break;
      case ToDoItem::Action::kCorrect:
        html += Html(words_(Word::kCorrect)) + " " + Codes(item.fields);
        if (!item.value.empty()) html += " (" + Html(item.value) + ")";
        break;
    }
    html += "</li>";
  }
  return html + "</ul></div>";
}

std::string HtmlReportWriter::OverviewHtml(const Summary& summary) const {
  std::string html =
      "<section id=\"overview\"><h2>" + Html(words_(Word::kOverview)) + "</h2><p>" +
      Html(Fill(words_(Word::kSummary),
                {{"records", words_.Counted(summary.records, Word::kRecordOne, Word::kRecordOther)},
                 {"results", words_.Counted(summary.results, Word::kResultOne, Word::kResultOther)},
                 {"fail", std::to_string(summary.fail)},
                 {"warn", std::to_string(summary.warn)},
                 {"pass", std::to_string(summary.pass)},
                 {"not_covered", std::to_string(summary.not_covered)},
                 {"invalid", std::to_string(summary.invalid)}})) +
      "</p>";
  for (const std::string& warning : summary.warnings)
    html += "<p><span class=\"label\">" + Html(words_(Word::kWarning)) + ":</span> " +
            Html(warning) + "</p>";
  // Results per market and verdict, over the whole run.
  html += "<table><tr><th>" + Html(words_(Word::kMarket)) + "</th>";
  for (Verdict verdict : kVerdicts) html += "<th>" + VerdictSpan(words_, verdict) + "</th>";
  html += "</tr>";
  for (const auto& [market, counts] : verdicts_by_market_) {
    html += "<tr><td>" + Html(market) + "</td>";
    for (Verdict verdict : kVerdicts)
      html += "<td>" + std::to_string(counts[static_cast<std::size_t>(verdict)]) + "</td>";
    html += "</tr>";
  }
  html += "</table>";
  // The matrix of the detailed records.
  std::vector<std::string> markets;
  for (const auto& [market, counts] : verdicts_by_market_)
    if (!market.empty()) markets.push_back(market);
  html += "<h3>" + Html(words_(Word::kVerdict)) + "</h3><table class=\"matrix\"><tr><th>" +
          Html(words_(Word::kRecord)) + "</th>";
  for (const std::string& market : markets) html += "<th>" + Html(market) + "</th>";
  html += "</tr>";
  for (const MatrixRow& row : matrix_) {
    html += "<tr><td><a href=\"#r" + std::to_string(row.record_index) + "\">" + Html(row.name) +
            "</a></td>";
    for (const std::string& market : markets) {
      const auto it = row.by_market.find(market);
      html += "<td>";
      if (it != row.by_market.end())
        html += VerdictSpan(words_, it->second);
      else if (row.invalid)
        html += VerdictSpan(words_, Verdict::kInvalid);
      html += "</td>";
    }
    html += "</tr>";
  }
  return html + "</table></section>";
}

std::string HtmlReportWriter::ChartsHtml(const Summary& summary) const {
  std::vector<std::pair<std::string, FindingCounts>> by_severity;
  for (Severity severity : kSeverities) {
    FindingCounts counts;
    for (const auto& [rule, c] : summary.by_rule) {
      if (severity == Severity::kError) counts.error += c.error;
      if (severity == Severity::kWarning) counts.warning += c.warning;
      if (severity == Severity::kInfo) counts.info += c.info;
    }
    by_severity.emplace_back(words_.SeverityName(severity), counts);
  }
  FindingCounts waived;
  for (const auto& [rule, c] : summary.by_rule) waived.waived += c.waived;
  by_severity.emplace_back(words_(Word::kWaived), waived);
  std::vector<std::pair<std::string, FindingCounts>> by_rule = Entries(summary.by_rule);
  const auto total = [](const FindingCounts& c) { return c.error + c.warning + c.info + c.waived; };
  std::stable_sort(by_rule.begin(), by_rule.end(),
                   [&](const auto& a, const auto& b) { return total(a.second) > total(b.second); });
  if (by_rule.size() > kChartedRules) by_rule.resize(kChartedRules);
  std::string legend = "<p class=\"legend\">";
  for (Severity severity : kSeverities) {
    legend += "<span><i style=\"background:var(--" + std::string(SeverityName(severity)) +
              ")\"></i>" + Html(words_.SeverityName(severity)) + "</span>";
  }
  legend += "<span><i style=\"background:var(--waived)\"></i>" + Html(words_(Word::kWaived)) +
            "</span></p>";
  return "<section id=\"charts\">" + legend + "<div class=\"charts\">" +
         BarChart(words_(Word::kFindingsByMarket), Entries(summary.by_market)) +
         BarChart(words_(Word::kFindingsByDomain), Entries(summary.by_domain)) +
         BarChart(words_(Word::kFindingsBySeverity), by_severity) +
         BarChart(words_(Word::kFindingsByRule), by_rule) + "</div></section>";
}

void HtmlReportWriter::End(const Summary& summary) {
  RecordEnd();
  out_ << (static_cast<std::size_t>(records_) > kDetailedRecords ? "</pre></details>"
                                                                 : "</section>")
       << OverviewHtml(summary) << ChartsHtml(summary) << "</main><script>" << kScript
       << "</script></body></html>\n";
}

}  // namespace tradelint
