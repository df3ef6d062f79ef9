#include "engine/report/junit_report_writer.h"

#include "engine/report/counted.h"
#include "engine/report/terminal_text.h"

namespace tradelint {
namespace {

// `text` made Printable and escaped for XML character data and attribute values. U+FFFE and
// U+FFFF, which XML 1.0 does not allow and Printable keeps, are escaped as `\ufffe`, `\uffff`.
void AppendXml(std::string& out, std::string_view text) {
  const std::string printable = Printable(text);
  const std::string_view view = printable;
  for (std::size_t i = 0; i < view.size(); ++i) {
    const char c = view[i];
    if (c == '\xEF' && view.substr(i, 2) == "\xEF\xBF" && i + 2 < view.size() &&
        (view[i + 2] == '\xBE' || view[i + 2] == '\xBF')) {
      out += view[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
      i += 2;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
}

void AppendAttribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  AppendXml(out, value);
  out += '"';
}

// `rule.id [ref] (citation): message; paths: a, b`.
void AppendFindingLine(std::string& out, const Finding& finding) {
  const CheckedRule& rule = *finding.rule;
  std::string line = std::string(SeverityName(rule.severity)) + " " + rule.id;
  if (!rule.ref.empty()) line += " [" + rule.ref + "]";
  line += " (" + rule.citation + "): " + finding.message;
  if (!finding.paths.empty()) {
    line += "; paths:";
    for (const std::string& path : finding.paths) line += " " + path;
  }
  if (!finding.missing.empty()) {
    line += "; missing:";
    for (const std::string& path : finding.missing) line += " " + path;
  }
  if (finding.waived) line += "; waived: " + finding.waived->reason;
  AppendXml(out, line);
  out += '\n';
}

bool Fails(const Finding& finding) {
  return !finding.waived && finding.rule->severity == Severity::kError;
}

}  // namespace

void JunitReportWriter::Begin(const RunInfo&) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tradelint\">\n";
}

void JunitReportWriter::Result(const RecordResult& result) {
  const std::string_view file = SplitSource(result.source).file;
  if (tests_ > 0 && file != suite_name_) FinishSuite();
  suite_name_ = file;
  ++tests_;
  testcases_ += "    <testcase";
  AppendAttribute(testcases_, "classname", result.market ? *result.market : "invalid");
  AppendAttribute(testcases_, "name", result.id ? *result.id : result.source);
  testcases_ += " time=\"0\"";
  std::string xml;  // the children
  if (result.error) {
    ++errors_;
    xml += "      <error";
    AppendAttribute(xml, "type", result.error->code);
    AppendAttribute(xml, "message", result.error->message);
    xml += ">";
    AppendXml(xml, result.source + ": " + result.error->message);
    xml += "</error>\n";
  } else if (result.verdict == Verdict::kFail) {
    ++failures_;
    std::string rules;
    std::int64_t count = 0;
    for (const Finding& finding : result.findings) {
      if (!Fails(finding)) continue;
      rules += (count++ == 0 ? ": " : ", ") + finding.rule->id;
    }
    xml += "      <failure type=\"fail\"";
    AppendAttribute(xml, "message", Counted(count, "error finding") + rules);
    xml += ">";
    for (const Finding& finding : result.findings) {
      if (Fails(finding)) AppendFindingLine(xml, finding);
    }
    xml += "</failure>\n";
  } else if (result.verdict == Verdict::kNotCovered) {
    ++skipped_;
    xml += "      <skipped";
    AppendAttribute(xml, "message", result.notes.empty() ? "not covered" : result.notes.front());
    xml += "/>\n";
  }
  std::string other;
  for (const Finding& finding : result.findings) {
    if (!Fails(finding)) AppendFindingLine(other, finding);
  }
  for (const std::string& note : result.notes) {
    AppendXml(other, "note: " + note);
    other += '\n';
  }
  if (!other.empty()) xml += "      <system-out>" + other + "</system-out>\n";
  testcases_ += xml.empty() ? "/>\n" : ">\n" + xml + "    </testcase>\n";
}

void JunitReportWriter::End(const Summary&) {
  FinishSuite();
  out_ << "</testsuites>\n";
}

void JunitReportWriter::FinishSuite() {
  if (tests_ == 0) return;
  std::string open = "  <testsuite";
  AppendAttribute(open, "name", suite_name_);
  AppendAttribute(open, "tests", std::to_string(tests_));
  AppendAttribute(open, "failures", std::to_string(failures_));
  AppendAttribute(open, "errors", std::to_string(errors_));
  AppendAttribute(open, "skipped", std::to_string(skipped_));
  open += " time=\"0\">\n";
  out_ << open << testcases_ << "  </testsuite>\n";
  testcases_.clear();
  tests_ = failures_ = errors_ = skipped_ = 0;
}

}  // namespace tradelint
