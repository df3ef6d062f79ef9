#include "engine/report/result_json.h"

namespace tradelint {
namespace {

void WriteStrings(JsonWriter& json, const std::vector<std::string>& strings) {
  json.BeginArray();
  for (const std::string& text : strings) json.String(text);
  json.EndArray();
}

// `key` with `strings`, left out when there are none.
void WriteOptionalStrings(JsonWriter& json, std::string_view key,
                          const std::vector<std::string>& strings) {
  if (!strings.empty()) WriteStrings(json.Key(key), strings);
}

// `key` with `text`, left out when it is empty.
void WriteOptionalString(JsonWriter& json, std::string_view key, const std::string& text) {
  if (!text.empty()) json.Key(key).String(text);
}

// An upcoming finding (RecordResult::upcoming) also has its rule's `effective_from`.
void WriteFinding(JsonWriter& json, const Finding& finding, bool upcoming = false) {
  const CheckedRule& rule = *finding.rule;
  json.BeginObject();
  json.Key("rule").String(rule.id);
  if (upcoming) json.Key("effective_from").String(rule.effective_from->ToString());
  json.Key("ruleset").String(rule.ruleset);
  json.Key("jurisdiction").String(rule.jurisdiction);
  json.Key("domain").String(rule.domain);
  json.Key("severity").String(SeverityName(rule.severity));
  json.Key("citation").String(rule.citation);
  json.Key("title").String(finding.title);
  json.Key("message").String(finding.message);
  WriteStrings(json.Key("paths"), finding.paths);
  json.Key("basis").String(BasisName(finding.basis));
  if (finding.basis == Basis::kMissingData) WriteStrings(json.Key("missing"), finding.missing);
  if (finding.basis == Basis::kUndecided) json.Key("reason").String(finding.reason);
  WriteOptionalString(json, "lang", finding.language);
  if (finding.value) {
    json.Key("value").Write(*finding.value);
    json.Key("value_path").String(finding.value_path);
  }
  WriteOptionalStrings(json, "rules", finding.held_back);
  WriteOptionalStrings(json, "members", finding.members);
  WriteOptionalStrings(json, "feed_attributes", finding.feed_attributes);
  if (finding.waived) {
    json.Key("waived").BeginObject();
    json.Key("reason").String(finding.waived->reason);
    json.Key("expires").String(finding.waived->expires.ToString());
    json.Key("approved_by").String(finding.waived->approved_by);
    json.EndObject();
  }
  WriteOptionalString(json, "ref", rule.ref);
  WriteOptionalString(json, "fix", finding.fix);
  WriteOptionalString(json, "responsible", rule.responsible);
  WriteOptionalStrings(json, "overrides", finding.overrides);
  WriteOptionalStrings(json, "notes", finding.notes);
  json.EndObject();
}

}  // namespace

void WriteGroupJson(JsonWriter& json, const GroupResult& group) {
  json.BeginObject();
  json.Key("rule").String(group.finding.rule->id);
  json.Key("link").String(group.key);
  json.Key("market").String(group.market);
  json.Key("as_of").String(group.as_of.ToString());
  json.Key("first").String(group.first.ToString());
  json.Key("last").String(group.last.ToString());
  json.Key("records").BeginArray();
  for (const GroupMember& member : group.members) {
    json.BeginObject();
    json.Key("kind").String(RecordKindName(member.kind));
    json.Key("id").String(member.id);
    json.Key("source").String(member.source);
    json.EndObject();
  }
  json.EndArray();
  WriteFinding(json.Key("finding"), group.finding);
  json.EndObject();
}

namespace {

void WriteExplained(JsonWriter& json, const ExplainedExpr& expr) {
  json.BeginObject();
  json.Key("expr").String(expr.text);
  json.Key("value");
  if (expr.value.is_missing()) {
    json.Null();  // unknown: evaluation never gives null
  } else {
    json.Write(expr.value);
  }
  WriteOptionalStrings(json, "notes", expr.notes);
  if (!expr.operands.empty()) {
    json.Key("operands").BeginArray();
    for (const ExplainedExpr& operand : expr.operands) WriteExplained(json, operand);
    json.EndArray();
  }
  json.EndObject();
}

// `check --explain`: see engine/eval/explanation.h and docs/cli.md.
void WriteExplanation(JsonWriter& json, const RuleExplanation& explanation) {
  json.BeginObject();
  json.Key("rule").String(explanation.rule->id);
  json.Key("market").String(explanation.market);
  json.Key("conclusion").String(explanation.conclusion);
  json.Key("reason").String(explanation.reason);
  json.Key("clauses").BeginArray();
  for (const ExplainedClause& clause : explanation.clauses) {
    json.BeginObject();
    json.Key("clause").String(clause.keyword);
    if (clause.keyword == "when" || clause.keyword == "unless")
      json.Key("index").Int(static_cast<std::int64_t>(clause.index));
    if (clause.scope_facts_unknown) json.Key("scope_facts_unknown").Bool(true);
    json.Key("condition");
    WriteExplained(json, clause.condition);
    json.EndObject();
  }
  json.EndArray();
  json.Key("fields").BeginArray();
  for (const FieldRead& field : explanation.fields) {
    json.BeginObject();
    json.Key("path").String(field.path);
    json.Key("value");
    if (field.value.is_missing()) {
      json.Null();
    } else {
      json.Write(field.value);
    }
    json.Key("present").Bool(!field.value.is_missing());
    json.EndObject();
  }
  json.EndArray();
  WriteStrings(json.Key("rows"), explanation.rows);
  json.EndObject();
}

}  // namespace

void WriteResultJson(JsonWriter& json, const RecordResult& result) {
  json.BeginObject();
  json.Key("record").BeginObject();
  json.Key("kind");
  result.kind ? json.String(RecordKindName(*result.kind)) : json.Null();
  json.Key("id");
  result.id ? json.String(*result.id) : json.Null();
  json.Key("source").String(result.source);
  json.Key("hash");
  result.hash.empty() ? json.Null() : json.String(result.hash);
  json.EndObject();
  json.Key("market");
  result.market ? json.String(*result.market) : json.Null();
  json.Key("as_of");
  result.as_of ? json.String(result.as_of->ToString()) : json.Null();
  json.Key("verdict").String(VerdictName(result.verdict));
  if (result.error) {
    json.Key("error").BeginObject();
    json.Key("code").String(result.error->code);
    json.Key("message").String(result.error->message);
    WriteStrings(json.Key("paths"), result.error->paths);
    json.EndObject();
  }
  if (!result.error) {
    const Coverage& coverage = result.coverage;
    json.Key("coverage").BeginObject();
    json.Key("in_force").Int(coverage.in_force);
    json.Key("applied").Int(coverage.applied);
    json.Key("not_applicable").Int(coverage.not_applicable);
    json.Key("undecided").Int(coverage.undecided);
    json.Key("fired").Int(coverage.fired);
    json.EndObject();
  }
  json.Key("findings").BeginArray();
  for (const Finding& finding : result.findings) WriteFinding(json, finding);
  json.EndArray();
  if (result.upcoming) {
    json.Key("upcoming").BeginArray();
    for (const Finding& finding : *result.upcoming) WriteFinding(json, finding, true);
    json.EndArray();
  }
  WriteOptionalStrings(json, "notes", result.notes);
  if (!result.explanations.empty()) {
    json.Key("explain").BeginArray();
    for (const RuleExplanation& explanation : result.explanations)
      WriteExplanation(json, explanation);
    json.EndArray();
  }
  json.EndObject();
}

}  // namespace tradelint
